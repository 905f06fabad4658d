"""商机沟通 › RFQ 市场 (采购直达): searching buying requests, researching buyers, subscriptions, quoting (05.1.4).

Market rules (L2346-2351): an RFQ takes at most 10 quotes, then it is full (报价畅行权益 holders excepted); each
quote uses one quota; a paid member gets 20 a month, a free member 10 on joining (L272). An expired RFQ takes no
quote, and a store quotes an RFQ once (it may revise its quote until the buyer answers). Buyers answer on the
scenario clock: after ``backend.advance_days`` some quotes get a reply, a question or a refusal, decided by what
the quote offers against what the buyer wanted (budget, sample, trade terms) and how active the buyer is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .ownership_models import RfqRecord
from .product_media import bank_image
from .rfq_models import MarketRfq, QuoteTier, RfqBuyer, RfqMarket, RfqQuote, SamplePolicy

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "RfqArea",
    "Quota",
    "MarketPage",
    "BuyerReply",
    "QUOTE_LABELS",
    "SORTS",
    "POSTED_WITHIN",
    "parse_sample",
    "canonical_unit",
    "NO_SERVICES",
]

QUOTE_LABELS = {
    "rfq_id": "报价的 RFQ",
    "language": "报价语言",
    "product_name": "产品名称",
    "product_code": "产品编码",
    "details": "产品细节",
    "unit": "商品单位",
    "trade_terms": "装运信息（贸易术语）",
    "valid_until": "报价有效期",
    "currency": "货币单位",
    "price_tiers": "采购数与单价",
    "payment_terms": "付款方式",
    "sample": "样品",
    "message": "报价信息",
    "value_added_services": "增值服务",
    "product_image": "产品图片",
}
SORTS = ("最新发布", "剩余名额最多", "星级最高", "即将截止")
POSTED_WITHIN = {"不限": None, "1 天内": 1, "3 天内": 3, "7 天内": 7, "30 天内": 30}
NO_SERVICES = ("none", "无", "无增值服务", "no")  # how "no value-added service" may be written
_CJK = re.compile(f"[{validate.CJK}]")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_MAX_QTY = 10_000_000
_MAX_PRICE = 1_000_000


@dataclass(frozen=True)
class Quota:
    """报价权益: how many quotes the store has in this period, how many it used and what is left."""

    total: int
    used: int
    period: str  # "2022-11 月" or "入驻赠送"

    @property
    def left(self) -> int:
        return max(self.total - self.used, 0)


@dataclass(frozen=True)
class MarketPage:
    """One page of a market search."""

    items: list[MarketRfq]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class BuyerReply:
    """What a buyer answered to a quote, on a day of the scenario clock."""

    day: dt.date
    kind: str  # 回复 | 提问 | 拒绝
    text: str


# --- field parsers -------------------------------------------------------------------------------
def canonical_unit(value: Any) -> Any:
    """The unit ``value`` names: "盒/boxes", "Box/Boxes", "boxes" and "盒" all name 盒/boxes."""
    if not isinstance(value, str):
        return value
    low = re.sub(r"\s+", "", value).casefold()
    for unit in rules.RFQ_UNITS:
        zh, en = unit.split("/")
        if low in (unit.casefold(), zh, en, en.rstrip("s"), f"{en.rstrip('s')}/{en}"):
            return unit
        if en.endswith("es") and low in (en[:-2], f"{en[:-2]}/{en}"):  # box/boxes
            return unit
    return value


_SAMPLE_NONE = re.compile(r"no\s+sample|不提供|不支持|无样品", re.I)
_SAMPLE_FREE = re.compile(r"free|免费", re.I)
_SAMPLE_FEE = re.compile(r"(?:fee|收费|费用|usd|us\$|\$)\s*[:：]?\s*(\d+(?:\.\d+)?)", re.I)
_FREIGHT_BUYER = re.compile(r"buyer\s+pays|买家(?:支付|承担|付)", re.I)
_FREIGHT_SELLER = re.compile(r"seller\s+pays|卖家(?:支付|承担|付)|我方(?:支付|承担)|包邮", re.I)
_SAMPLE_DAYS = re.compile(r"(\d+)\s*(?:days?|天|日)", re.I)


def parse_sample(value: Any) -> SamplePolicy | str:
    """The sample policy from its words or a dict; a Chinese reason when it cannot be understood."""
    if isinstance(value, SamplePolicy):
        return value
    if isinstance(value, dict):
        try:
            return SamplePolicy.model_validate(value)
        except ValueError:
            return "样品政策的内容不完整：要写明是否提供、是否免费、运费谁付、几天内寄出"
    if not isinstance(value, str) or not value.strip():
        return "required"
    text = value.strip()
    if len(text) > 300:
        return f"样品说明不能超过 300 个字符（当前 {len(text)}）"
    if _SAMPLE_NONE.search(text):
        return SamplePolicy(provided=False)
    fee = _SAMPLE_FEE.search(text)
    free = bool(_SAMPLE_FREE.search(text))
    if not free and fee is None:
        return "样品说明要写明样品是免费（free）还是收费（写出样品费）"
    if _FREIGHT_BUYER.search(text):
        by = "buyer"
    elif _FREIGHT_SELLER.search(text):
        by = "seller"
    else:
        return "样品说明要写明运费由谁支付（buyer pays freight / seller pays freight）"
    days = _SAMPLE_DAYS.search(text)
    return SamplePolicy(
        provided=True,
        free=free,
        fee=None if free else float(fee.group(1)),
        freight_by=by,
        ship_days=int(days.group(1)) if days else None,
    )


def _digest(*parts: Any) -> int:
    return int(hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:8], 16)


# --- the area ------------------------------------------------------------------------------------
class RfqArea:
    """采购直达: the RFQ market of the store, its subscriptions, quota and quotes."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # reading the market
    def market(self) -> RfqMarket:
        return self.backend.state.rfq_market or RfqMarket()

    def rfqs(self) -> list[MarketRfq]:
        return list(self.market().rfqs)

    def get(self, rfq_id: Any) -> MarketRfq | None:
        if not isinstance(rfq_id, str):
            return None
        wanted = rfq_id.strip().upper()
        return next((r for r in self.market().rfqs if r.id.upper() == wanted), None)

    def buyer(self, rfq: MarketRfq | str) -> RfqBuyer | None:
        rfq = self.get(rfq) if isinstance(rfq, str) else rfq
        if rfq is None:
            return None
        return next((b for b in self.market().buyers if b.id == rfq.buyer_id), None)

    def record(self, rfq_id: str) -> RfqRecord | None:
        """The store's record of an RFQ it quoted (any account's), or None."""
        wanted = rfq_id.strip().upper()
        return next((r for r in self.backend.state.rfqs if r.id.upper() == wanted), None)

    def quotes_received(self, rfq: MarketRfq) -> int:
        """Quotes the RFQ holds today: other suppliers' quotes that have arrived, and the store's."""
        today = self.backend.today()
        others = sum(1 for d in rfq.other_quotes if d <= today)
        return others + (1 if self.record(rfq.id) is not None else 0)

    def slots_left(self, rfq: MarketRfq) -> int:
        """剩余 N 个报价名额."""
        return max(rules.RFQ_MAX_QUOTES - self.quotes_received(rfq), 0)

    def expired(self, rfq: MarketRfq) -> bool:
        return self.backend.today() > rfq.expires_on

    def status(self, rfq: MarketRfq) -> str:
        """已报价, 已过期, 已满 or 可报价."""
        if self.record(rfq.id) is not None:
            return "已报价"
        if self.expired(rfq):
            return "已过期"
        if self.slots_left(rfq) == 0:
            return "已满" + ("（报价畅行可报）" if self.market().quote_pass else "")
        return "可报价"

    def categories(self) -> list[str]:
        return sorted({r.category for r in self.market().rfqs})

    def countries(self) -> list[str]:
        return sorted({r.country for r in self.market().rfqs})

    def search(
        self,
        keyword: str = "",
        *,
        category: str | None = None,
        country: str | None = None,
        min_stars: int | None = None,
        posted_within_days: int | None = None,
        min_slots: int | None = None,
        open_only: bool = False,
        recommended_only: bool = False,
        sort: str = "最新发布",
        page: int = 1,
        page_size: int = rules.RFQ_PAGE_SIZE,
    ) -> MarketPage:
        """Search the market by keyword (title, keywords, description, id), filter, sort and page.

        ``recommended_only`` keeps the RFQs recommended from the subscriptions (为您推荐商机), as the market
        shows them by default (L2344)."""
        if sort not in SORTS:
            raise SimError(f"排序方式只能是：{'、'.join(SORTS)}")
        words = [w for w in re.split(r"\s+", str(keyword or "").casefold()) if w][:20]
        now = self.backend.now()
        found = []
        picked = {r.id for r in self.recommended()} if recommended_only else None
        for r in self.market().rfqs:
            if picked is not None and r.id not in picked:
                continue
            haystack = f"{r.id} {r.title} {' '.join(r.keywords)} {r.description} {r.category}".casefold()
            if any(w not in haystack for w in words):
                continue
            if category and not (r.category == category or r.category.startswith(f"{category} >>")):
                continue
            if country and r.country != country:
                continue
            if min_stars and r.stars < min_stars:
                continue
            if posted_within_days and now - r.posted_at > dt.timedelta(days=posted_within_days):
                continue
            if min_slots and self.slots_left(r) < min_slots:
                continue
            if open_only and self.status(r) != "可报价":
                continue
            found.append(r)
        if sort == "最新发布":
            found.sort(key=lambda r: r.posted_at, reverse=True)
        elif sort == "剩余名额最多":
            found.sort(key=lambda r: (-self.slots_left(r), -r.posted_at.timestamp()))
        elif sort == "星级最高":
            found.sort(key=lambda r: (-r.stars, -r.posted_at.timestamp()))
        else:  # 即将截止: still open first, the nearest expiry first
            found.sort(key=lambda r: (self.expired(r), r.expires_on))
        size = max(1, min(int(page_size), 100))
        pages = max(1, -(-len(found) // size))
        page = min(max(1, int(page)), pages)
        return MarketPage(found[(page - 1) * size : page * size], len(found), page, pages)

    def research(self, rfq_id: str) -> dict[str, str]:
        """The buyer-research panel: what to read on the RFQ (L2412-2415) and about the buyer (L2435-2441)."""
        rfq = self.get(rfq_id)
        if rfq is None:
            raise SimError(f"RFQ 市场里没有编号为 {str(rfq_id)[:40]} 的采购需求")
        b = self.buyer(rfq)
        today = self.backend.today()
        age = (self.backend.now() - rfq.posted_at).total_seconds() / 3600
        posted = f"{age:.0f} 小时前" if age < 48 else f"{age / 24:.0f} 天前"
        out = {
            "附件": f"有 {len(rfq.attachments)} 个附件" if rfq.attachments else "没有附件",
            "图片": f"有 {len(rfq.pictures)} 张图片" if rfq.pictures else "没有图片",
            "三星": "三星 RFQ：平台验真的严肃商机" if rfq.stars >= rules.RFQ_STARS_MAX else f"{rfq.stars} 星",
            "发布时间": f"{rfq.posted_at:%Y-%m-%d %H:%M}（{posted}）",
        }
        if b is not None:
            out |= {
                "访问时间": f"最近一次访问 {b.last_visit}（{(today - b.last_visit).days} 天前）",
                "活跃情况": f"近 30 天活跃 {b.active_days_30} 天；近 90 天发布 RFQ {b.rfqs_90d} 条、询盘 "
                f"{b.inquiries_90d} 条；近 12 个月信保订单 {b.orders_12m} 笔；报价回复率 {b.reply_rate}%；"
                + ("邮箱已验证" if b.email_confirmed else "邮箱未验证"),
                "搜索行为": "、".join(b.searches) or "—",
                "竞品了解": "；".join(b.viewed_products) or "—",
            }
        return out

    # quota
    def quota(self) -> Quota:
        """The quote quota: 20 a month for a paid member (L2351), 10 on joining for a free member (L272)."""
        account = self.backend.state.account
        tier = account.tier if account else rules.TIER_FREE
        bonus = self.market().bonus_quota
        quotes = [r.quote for r in self.backend.state.rfqs if r.quote is not None]
        if tier == rules.TIER_FREE:
            return Quota(rules.FREE_MEMBER_RFQ_QUOTES + bonus, len(quotes), "入驻赠送")
        today = self.backend.today()
        used = sum(1 for q in quotes if (q.quoted_at.year, q.quoted_at.month) == (today.year, today.month))
        return Quota(rules.RFQ_MONTHLY_QUOTA_PAID + bonus, used, f"{today:%Y-%m} 月")

    # quotes
    def my_quotes(self) -> list[RfqRecord]:
        return list(self.backend.state.rfqs)

    def quote(self, values: dict[str, Any], *, revise: bool = False) -> list[str]:
        """「提交报价」: check every field at once, then send the quote (uses one quota) or revise the store's quote.

        ``values`` keys: QUOTE_LABELS. ``price_tiers`` is a list of (min quantity, unit price); ``sample`` the
        policy in words ("free sample, buyer pays freight, sent within 3 days of confirmation") or a dict;
        ``payment_terms`` and ``value_added_services`` one or several options ("none" for no service).
        """
        unknown = set(values) - set(QUOTE_LABELS)
        if unknown:
            raise SimError(f"报价表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, advice, lab, get = FieldErrors(), [], QUOTE_LABELS, values.get
        rfq = self._check_rfq(errors, get("rfq_id"), revise)
        language = validate.choice(
            errors, "language", lab["language"], get("language") or "English", rules.RFQ_QUOTE_LANGUAGES
        )
        name = self._english(errors, "product_name", get("product_name"), max_len=rules.RFQ_PRODUCT_NAME_MAX)
        code = validate.optional_text(
            errors, "product_code", lab["product_code"], get("product_code"), max_len=50
        )
        if code and not _CODE.match(code):
            errors.add("product_code", f"{lab['product_code']}只能包含字母、数字和 - _ . /", "charset")
        details = self._english(
            errors, "details", get("details"), max_len=rules.RFQ_DETAILS_MAX, multiline=True
        )
        unit = validate.choice(errors, "unit", lab["unit"], canonical_unit(get("unit")), rules.RFQ_UNITS)
        terms = self._trade_terms(errors, get("trade_terms"))
        valid_until = self._valid_until(errors, get("valid_until"))
        currency = validate.choice(
            errors, "currency", lab["currency"], _upper(get("currency")), rules.RFQ_CURRENCIES
        )
        tiers = self._tiers(errors, get("price_tiers"))
        payment = self._several(errors, "payment_terms", get("payment_terms"), rules.RFQ_PAYMENT_TERMS, 1)
        sample = self._sample(errors, get("sample"))
        message = self._english(
            errors, "message", get("message"), max_len=rules.RFQ_MESSAGE_MAX, multiline=True
        )
        services = get("value_added_services")
        if services in (None, "") or (
            isinstance(services, str) and services.strip().casefold() in NO_SERVICES
        ):
            services = []
        services = self._several(errors, "value_added_services", services, rules.RFQ_VALUE_ADDED_SERVICES, 0)
        image = self._image(errors, get("product_image"))
        errors.raise_if_any()

        if rfq.sample_wanted and not sample.provided:
            advice.append("这位买家希望先看样品：不提供样品，他很可能不会回复。")
        if rfq.trade_terms.split()[0] != terms.split()[0]:
            advice.append(f"买家要的是 {rfq.trade_terms}，你的报价是 {terms}：最好按买家的贸易术语报价。")
        if not image:
            advice.append("建议从图片银行选一张产品图片，买家看得更直观。")
        if tiers[0].min_qty > rfq.quantity:
            advice.append(f"第一档起订量 {tiers[0].min_qty} 高于买家的采购量 {rfq.quantity} {rfq.unit}。")
        now = self.backend.now()
        earlier = self.record(rfq.id)
        quote = RfqQuote(
            rfq_id=rfq.id,
            language=language,
            product_name=name,
            product_code=code,
            details=details,
            unit=unit,
            trade_terms=terms,
            valid_until=valid_until,
            currency=currency,
            price_tiers=tiers,
            payment_terms=payment,
            sample=sample,
            message=message,
            value_added_services=services,
            product_image=image,
            quoted_at=earlier.quote.quoted_at if revise and earlier and earlier.quote else now,
            revised_at=now if revise else None,
        )
        op = "rfq.revise_quote" if revise else "rfq.quote"
        with self.backend.transaction(op, rfq.id) as work:
            if revise:
                target = next(r for r in work.rfqs if r.id == earlier.id)
                target.quote = quote
            else:
                work.rfqs.append(
                    RfqRecord(
                        id=rfq.id,
                        title=rfq.title,
                        quantity=f"{rfq.quantity} {rfq.unit}",
                        owner=work.acting_as,
                        quote=quote,
                    )
                )
        if not revise:
            left = self.quota().left
            advice.append(f"已使用 1 条报价权益，{self.quota().period}还剩 {left} 条。")
        return advice

    def _check_rfq(self, errors: FieldErrors, value: Any, revise: bool) -> MarketRfq | None:
        label = QUOTE_LABELS["rfq_id"]
        text = validate.text(errors, "rfq_id", label, value, max_len=40)
        if text is None:
            return None
        rfq = self.get(text)
        if rfq is None:
            errors.add("rfq_id", f"RFQ 市场里没有编号为 {text} 的采购需求：请先在市场里搜索", "unknown")
            return None
        record = self.record(rfq.id)
        if revise:
            if record is None or record.quote is None:
                errors.add("rfq_id", f"你还没有对 {rfq.id} 报过价，没有可修改的报价", "not_quoted")
                return None
            if self.replies(rfq.id):
                errors.add(
                    "rfq_id", f"{rfq.id} 的买家已经回复了你的报价，不能再修改：请在我的报价里跟进", "replied"
                )
                return None
            if self.expired(rfq):
                errors.add("rfq_id", f"{rfq.id} 已于 {rfq.expires_on} 过期，不能再修改报价", "expired")
            return rfq
        if record is not None:
            errors.add(
                "rfq_id",
                f"已经对 {rfq.id} 报过价：同一条 RFQ 不能重复报价（要改内容，请勾选“修改我已发出的报价”）",
                "duplicate",
            )
            return None
        if self.expired(rfq):
            errors.add(
                "rfq_id", f"{rfq.id} 的采购有效期到 {rfq.expires_on} 已结束：过期的 RFQ 不能报价", "expired"
            )
            return None
        if self.slots_left(rfq) == 0 and not self.market().quote_pass:
            errors.add(
                "rfq_id",
                f"{rfq.id} 已收到 {self.quotes_received(rfq)} 个报价，{rules.RFQ_MAX_QUOTES} 个报价席位已满，不能再报价",
                "full",
            )
            return None
        quota = self.quota()
        if quota.left == 0:
            errors.add(
                "rfq_id",
                f"报价权益已用完（{quota.period}共 {quota.total} 条，已用 {quota.used} 条）：每次报价消耗一条权益",
                "quota",
            )
            return None
        return rfq

    def _english(self, errors: FieldErrors, key: str, value: Any, **kw: Any) -> str | None:
        label = QUOTE_LABELS[key]
        out = validate.text(errors, key, label, value, **kw)
        if out is not None and _CJK.search(out):
            errors.add(key, f"{label}要用英文填写（买家是海外客户）：不能包含中文", "english")
            return None
        return out

    def _trade_terms(self, errors: FieldErrors, value: Any) -> str | None:
        label = QUOTE_LABELS["trade_terms"]
        text = validate.text(errors, "trade_terms", label, value, max_len=60)
        if text is None:
            return None
        term, _, place = text.partition(" ")
        if term.upper() not in rules.RFQ_TRADE_TERMS:
            errors.add(
                "trade_terms",
                f"{label}要以贸易术语开头（{'、'.join(rules.RFQ_TRADE_TERMS)}），后面可以写港口，如 FOB Ningbo",
                "choice",
            )
            return None
        place = re.sub(r"\s+", " ", place.strip())
        if place and not re.fullmatch(r"[A-Za-z][A-Za-z .,'-]*", place):
            errors.add("trade_terms", f"{label}的港口或地点请用英文填写（如 Shanghai）", "english")
            return None
        return f"{term.upper()} {place}".strip()

    def _valid_until(self, errors: FieldErrors, value: Any) -> dt.date | None:
        label = QUOTE_LABELS["valid_until"]
        if isinstance(value, str):
            m = re.fullmatch(
                r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*", value
            )  # 2022 年 11 月 25 日
            if m:
                value = "-".join(f"{int(x):02d}" for x in m.groups())
        today = self.backend.today()
        day = validate.date(
            errors, "valid_until", label, value, not_before=today, not_before_desc=f"今天（{today}）"
        )
        if day is None:
            return None
        last = today + dt.timedelta(days=rules.RFQ_QUOTE_VALID_MAX_DAYS)
        if day > last:
            errors.add(
                "valid_until", f"{label}最长 {rules.RFQ_QUOTE_VALID_MAX_DAYS} 天（不晚于 {last}）", "max"
            )
            return None
        return day

    def _tiers(self, errors: FieldErrors, value: Any) -> list[QuoteTier] | None:
        label = QUOTE_LABELS["price_tiers"]
        if value in (None, "", [], ()):
            errors.add("price_tiers", f"请填写{label}：至少一档（最小采购数, 单价）", "required")
            return None
        if isinstance(value, (str, bytes, dict)) or not isinstance(value, (list, tuple)):
            errors.add(
                "price_tiers", f"{label}应为一组（最小采购数, 单价），如 [(100, 18.00), (500, 15.00)]", "type"
            )
            return None
        rows = []
        for row in value:
            if isinstance(row, dict):
                row = tuple(row.values())
            if not isinstance(row, (list, tuple)) or len(row) != 2:
                errors.add("price_tiers", f"{label}的每一档应包含两个数：最小采购数和单价", "type")
                return None
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            rows.append(row)
        if not rows:
            errors.add("price_tiers", f"请填写{label}：至少一档（最小采购数, 单价）", "required")
            return None
        ladder = validate.price_ladder(
            errors, "price_tiers", label, rows, max_n=rules.RFQ_PRICE_TIERS_MAX, qty_name="最小采购数",
            max_qty=_MAX_QTY, max_price=_MAX_PRICE,
        )  # fmt: skip
        if ladder is None:
            return None
        return [QuoteTier(min_qty=q, price=price) for q, price in ladder]

    def _several(self, errors: FieldErrors, key: str, value: Any, options: tuple[str, ...], min_n: int):
        if isinstance(value, str):
            value = [v.strip() for v in re.split(r"[,，、;；]", value) if v.strip()]
        if isinstance(value, (list, tuple)):
            value = [next((o for o in options if isinstance(v, str) and o.casefold() == v.strip().casefold()), v)
                     for v in value]  # fmt: skip
        return validate.choices(errors, key, QUOTE_LABELS[key], value, options, min_n=min_n)

    def _sample(self, errors: FieldErrors, value: Any) -> SamplePolicy | None:
        label = QUOTE_LABELS["sample"]
        policy = parse_sample(value)
        if policy == "required":
            errors.add(
                "sample", f"请说明{label}政策：是否提供样品、是否免费、运费谁付、几天内寄出", "required"
            )
            return None
        if isinstance(policy, str):
            errors.add("sample", policy, "sample")
            return None
        if policy.provided:
            if not policy.free and (policy.fee is None or not 0 < policy.fee <= _MAX_PRICE):
                errors.add("sample", "收费样品要写明大于 0 的样品费", "sample_fee")
                return None
            if policy.freight_by not in ("buyer", "seller"):
                errors.add("sample", "样品运费只能由买家（buyer）或卖家（seller）支付", "choice")
                return None
            if policy.ship_days is None or not 1 <= policy.ship_days <= rules.RFQ_SAMPLE_MAX_DAYS:
                errors.add(
                    "sample",
                    f"样品要写明确认后几天内寄出（1–{rules.RFQ_SAMPLE_MAX_DAYS} 天），如 sent within 3 days",
                    "sample_days",
                )
                return None
        return policy

    def _image(self, errors: FieldErrors, value: Any) -> str:
        if value in (None, ""):
            return ""
        picked = validate.text(errors, "product_image", QUOTE_LABELS["product_image"], value, max_len=40)
        if picked is None:
            return ""
        if bank_image(self.backend.state.image_bank, picked) is None:
            errors.add("product_image", f"图片银行里没有编号为“{picked}”的图片", "unknown")
            return ""
        return picked.strip()

    # after quoting: the buyers' answers on the scenario clock
    def replies(self, rfq_id: str) -> list[BuyerReply]:
        """The buyer's answers to the store's quote that have arrived by today (none before a day has passed)."""
        record = self.record(rfq_id)
        rfq = self.get(rfq_id)
        if record is None or record.quote is None or rfq is None:
            return []
        buyer = self.buyer(rfq)
        q = record.quote
        first = q.quoted_at.date() + dt.timedelta(days=1 + _digest(rfq.id, "delay") % 2)
        today = self.backend.today()
        if today < first:
            return []
        if buyer is not None and _digest(rfq.id, "answers") % 100 >= buyer.reply_rate:
            return []  # a buyer who rarely answers does not answer this one either
        lowest = min(t.price for t in q.price_tiers)
        if q.currency == "USD" and rfq.target_price_usd and lowest > rfq.target_price_usd * 1.25:
            return [BuyerReply(first, "拒绝", f"Thank you for your quotation. Your price (from {lowest:g} USD) is "
                                              "much higher than our budget, so we will not go on this time.")]  # fmt: skip
        if rfq.sample_wanted and not q.sample.provided:
            return [BuyerReply(first, "提问", "Thanks. We need to check a sample before any order: can you send "
                                              "one? We can pay the freight.")]  # fmt: skip
        out = [BuyerReply(first, "回复", f"Thank you for the quotation of {q.product_name}. It looks good. "
                                         + ("Please send the sample, we will check it as soon as it arrives."
                                            if q.sample.provided else "Please send us more photos."))]  # fmt: skip
        second = first + dt.timedelta(days=2)
        if today >= second:
            qty = max(rfq.quantity, q.price_tiers[0].min_qty)
            out.append(BuyerReply(second, "提问", f"What is your best price and the delivery time for {qty} "
                                                  f"{q.unit.split('/')[-1]}?"))  # fmt: skip
        return out

    # subscriptions (商机订阅)
    def subscribe(self, categories: Any = None, keywords: Any = None) -> list[str]:
        """Save the subscribed categories and keywords: at most 100 each (the screen, L2361/L2383); the
        annotation's 5 and 24 (L2398) are advice. Returns the advice."""
        errors = FieldErrors()
        cats = self._words(
            errors, "categories", "订阅类目", categories, rules.RFQ_SUBSCRIPTION_CATEGORIES_MAX, 200
        )
        if cats:
            known = self.categories()
            unknown = [c for c in cats if c not in known and not any(k.startswith(f"{c} >>") for k in known)]
            if unknown:
                errors.add("categories", f"没有这个类目：{unknown[0][:60]}（请从类目列表中选择）", "unknown")
        words = self._words(
            errors, "keywords", "订阅关键词", keywords, rules.RFQ_SUBSCRIPTION_KEYWORDS_MAX, 60
        )
        if words and any(_CJK.search(w) for w in words):
            errors.add("keywords", "订阅关键词请用英文（RFQ 是海外买家用英文发布的）", "english")
        errors.raise_if_any()
        with self.backend.transaction(
            "rfq.subscribe", f"{len(cats or [])} 类目 {len(words or [])} 关键词"
        ) as work:
            market = work.rfq_market or RfqMarket()
            market.categories, market.keywords = list(cats or []), list(words or [])
            work.rfq_market = market
        c_adv, k_adv = rules.RFQ_SUBSCRIPTION_ADVISED
        advice = []
        if len(cats or []) > c_adv or len(words or []) > k_adv:
            advice.append(f"建议精选订阅：类目不超过 {c_adv} 个、关键词不超过 {k_adv} 个，推送的商机更准。")
        return advice

    @staticmethod
    def _words(
        errors: FieldErrors, key: str, label: str, value: Any, limit: int, max_len: int
    ) -> list[str] | None:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            value = [v for v in re.split(r"[,，\n]", value)]
        if not isinstance(value, (list, tuple)):
            errors.add(key, f"{label}应为一组文字", "type")
            return None
        out: list[str] = []
        for i, raw in enumerate(value, 1):
            if isinstance(raw, str) and not raw.strip():
                continue
            sub = FieldErrors()
            word = validate.text(sub, key, f"第 {i} 个{label}", raw, max_len=max_len)
            if sub:
                errors.add(key, sub.errors[0].message, sub.errors[0].rule)
                return None
            if word.casefold() not in {w.casefold() for w in out}:
                out.append(word)
        if len(out) > limit:
            errors.add(key, f"{label}最多添加 {limit} 个（当前 {len(out)}）", "max_n")
            return None
        return out

    def recommended(self) -> list[MarketRfq]:
        """为您推荐商机: open RFQs matching a subscribed category or keyword, newest first."""
        market = self.market()
        cats, words = market.categories, [w.casefold() for w in market.keywords]
        out = []
        for r in market.rfqs:
            text = f"{r.title} {' '.join(r.keywords)}".casefold()
            hit = any(r.category == c or r.category.startswith(f"{c} >>") for c in cats) or any(
                w in text for w in words
            )
            if hit and self.status(r) == "可报价":
                out.append(r)
        return sorted(out, key=lambda r: r.posted_at, reverse=True)


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value
