"""营销中心 › 橱窗 (L3557-3696): the membership's showcases, their selling points, a search page and advice.

出口通 members have 2 groups, 10 showcases; 金品诚企 40; free members none (rules.SHOWCASES). A product in a
showcase ranks above ordinary products on equal terms in the natural results of a search page, which
starts with one top spot and five P4P ads (L3575-3577). The search page here is a simulation: the
simulator's own relevance formula is written out in :func:`search_page`, so students can see why a
product lands where it lands. The selection helper reads the product workbench of project 03.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .marketing_models import ShowcaseSlot
from .permissions import require
from .product_workbench import growth_score

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "ShowcasesArea",
    "SHOWCASE_LABELS",
    "SearchResult",
    "ProductAdvice",
    "selling_point_candidates",
    "search_page",
    "capacity_of",
    "gift_start",
]

SHOWCASE_LABELS = {
    "action": "操作",
    "product_id": "产品",
    "replace_with": "替换为",
    "selling_points": "橱窗卖点",
}
_WORD = re.compile(r"[a-z0-9]+")
_LEVELS = 5  # the simulator's 综合分 levels: results with the same level compete on equal terms


def capacity_of(tier: str) -> int:
    """The showcases a membership tier comes with (出口通 10, 金品诚企 40, free members 0)."""
    return rules.SHOWCASES.get(tier, 0)


def gift_start(signed_on: dt.date, chosen: Any = None) -> dt.date:
    """The day gifted showcases go live (L3611): a day the seller sets within 90 days of signing.

    When none is set, the system starts them by itself on the last day of that window.
    """
    deadline = signed_on + dt.timedelta(days=rules.SHOWCASE_GIFT_START_DAYS)
    if chosen in (None, ""):
        return deadline
    errors = FieldErrors()
    day = validate.date(errors, "start_on", "橱窗开通时间", chosen)
    errors.raise_if_any()
    if not signed_on <= day <= deadline:
        raise SimError(
            f"赠送橱窗的开通时间要设在签约后 {rules.SHOWCASE_GIFT_START_DAYS} 天内（{signed_on} 至 {deadline}），"
            f"收到 {day}；不设置的话系统会在 {deadline} 自动开通"
        )
    return day


def selling_point_candidates(product: Any) -> list[str]:
    """The selling points the platform draws from a product's listing (the seller picks up to 3 of them)."""
    out: list[str] = []

    def add(text: str) -> None:
        if text and text not in out:
            out.append(text)

    if product.is_rts:
        add("Ready to Ship")
    first_qty = min((t.min_qty for t in product.price_tiers), default=product.moq)
    if first_qty:
        add(f"MOQ {first_qty}")
    if product.lead_time:
        add(f"Ships in {min(t.days for t in product.lead_time)} days")
    if product.samples.supported:
        add("Samples available")
    if product.customization:
        add("Customizable")
    for key in ("material", "brand", "feature"):
        value = product.attributes.get(key)
        if isinstance(value, str) and value:
            add(value)
    for kw in product.keywords:
        add(kw)
    return out


@dataclass(frozen=True)
class SearchResult:
    """One place of a simulated search results page."""

    position: int
    kind: str  # 顶级展位 | P4P | 自然排名
    title: str
    supplier: str
    showcase: bool = False
    own: bool = False
    level: int = 0  # 综合分 level 1-5 (natural results only)
    score: float = 0.0
    product_id: int | None = None


@dataclass
class ProductAdvice:
    """Why a product is (or is not) a good showcase choice, from its workbench data."""

    product_id: int
    title: str
    in_showcase: bool
    growth: int
    views_30d: int
    inquiries_30d: int
    orders_90d: int
    score: float
    reasons: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)

    @property
    def inquiry_rate(self) -> float:
        return self.inquiries_30d / self.views_30d if self.views_30d else 0.0


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def relevance(keyword: str, product: Any) -> float:
    """Share of the search words found in the product's title and keywords (0-1)."""
    wanted = set(_words(keyword))
    if not wanted:
        return 0.0
    have = set(_words(" ".join([product.title, *product.keywords])))
    return len(wanted & have) / len(wanted)


def _level(score: float) -> int:
    return max(1, min(_LEVELS, math.ceil(score / (100 / _LEVELS))))


_SUPPLIERS = (
    "Shantou Lucky Toys Co., Ltd.", "Yiwu Sunny Trading Co., Ltd.", "Guangzhou Bright Kids Co., Ltd.",
    "Ningbo Star Gifts Co., Ltd.", "Shenzhen Fun Tech Co., Ltd.", "Dongguan Happy Crafts Co., Ltd.",
    "Hangzhou Green Home Co., Ltd.", "Xiamen Ocean Goods Co., Ltd.", "Quanzhou Smile Apparel Co., Ltd.",
    "Jinhua Rainbow Toys Co., Ltd.", "Suzhou Fine Textile Co., Ltd.", "Foshan Daily Supplies Co., Ltd.",
)  # fmt: skip


def search_page(
    keyword: str,
    own_products: list[Any],
    showcase_ids: set[int],
    *,
    competitors: int = 14,
    own_ads: dict[int, float] | None = None,
) -> list[SearchResult]:
    """A buyer's search results for ``keyword``: 1 top spot, 5 P4P ads, then the natural ranking.

    The simulator's natural ranking: 综合分 = 100 × relevance × (0.5 + growth score / 200), grouped in five
    levels (each 20 points). Within a level (on equal terms) showcase products come first, then the
    higher score. Other suppliers' listings are generated from the keyword (the same keyword, the same page).
    ``own_ads`` maps the store's products in a running P4P plan to their highest bid (元): each matching one
    enters the P4P auction (score × bid, ``p4p.rank``) with promotion score 10 × relevance × growth / 100
    against eight generated bidders; the five best take the P4P places.
    """
    from .p4p import rank

    rng = random.Random(f"search:{' '.join(_words(keyword))}")
    stem = " ".join(w.capitalize() for w in _words(keyword)) or "Product"
    results: list[SearchResult] = [
        SearchResult(1, "顶级展位", f"{stem} Top Brand Selection", rng.choice(_SUPPLIERS))
    ]
    bidders: dict[str, tuple[str, str, int | None]] = {}
    ads: list[tuple[str, float, float]] = []
    for n in range(8):
        key = f"ad{n}"
        title = f"{stem} {rng.choice(['Hot Sale', 'Wholesale', 'New Design', 'OEM'])} #{n + 1}"
        bidders[key] = (title, rng.choice(_SUPPLIERS), None)
        ads.append((key, round(rng.uniform(4, 9), 1), round(rng.uniform(3, 12), 1)))
    by_id = {p.id: p for p in own_products}
    for pid, bid in sorted((own_ads or {}).items()):
        product = by_id.get(pid)
        rel = relevance(keyword, product) if product else 0.0
        if rel == 0:
            continue
        score = round(10 * rel * growth_score(product, own_products).total / 100, 1)
        bidders[f"own{pid}"] = (product.title, "HuNan DianYue (本店)", pid)
        ads.append((f"own{pid}", score, bid))
    for key, _total, _place in rank(ads)[: rules.SEARCH_P4P_SPOTS]:
        title, supplier, pid = bidders[key]
        results.append(
            SearchResult(len(results) + 1, "P4P", title, supplier, own=pid is not None, product_id=pid)
        )
    natural: list[SearchResult] = []
    for n in range(competitors):
        score = round(rng.uniform(25, 95), 1)
        natural.append(
            SearchResult(0, "自然排名", f"{stem} {rng.choice(['Factory Price', 'Custom', 'Cheap', 'Premium', 'Eco'])} {n + 1}",
                         rng.choice(_SUPPLIERS), showcase=rng.random() < 0.3, level=_level(score), score=score)
        )  # fmt: skip
    for p in own_products:
        rel = relevance(keyword, p)
        if rel == 0:
            continue
        score = round(100 * rel * (0.5 + growth_score(p, own_products).total / 200), 1)
        natural.append(
            SearchResult(0, "自然排名", p.title, "HuNan DianYue (本店)", showcase=p.id in showcase_ids, own=True,
                         level=_level(score), score=score, product_id=p.id)
        )  # fmt: skip
    natural.sort(key=lambda r: (-r.level, not r.showcase, -r.score))
    for r in natural:
        results.append(
            SearchResult(
                len(results) + 1,
                r.kind,
                r.title,
                r.supplier,
                r.showcase,
                r.own,
                r.level,
                r.score,
                r.product_id,
            )
        )
    return results


class ShowcasesArea:
    """橱窗管理: add, replace, remove showcase products and set their selling points."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading ---------------------------------------------------------------------------------
    def capacity(self) -> int:
        account = self.backend.state.account
        return capacity_of(account.tier) if account else 0

    def groups(self) -> int:
        return (
            rules.SHOWCASE_GROUPS.get(self.backend.state.account.tier, 0) if self.backend.state.account else 0
        )

    def slots(self) -> list[ShowcaseSlot]:
        return list(self.backend.state.marketing.showcases)

    def showcase_ids(self) -> set[int]:
        return {s.product_id for s in self.backend.state.marketing.showcases}

    def products(self) -> list[Any]:
        """The store's published products (the ones a showcase can hold)."""
        return [p for p in self.backend.state.products if p.status == "已发布"]

    def product(self, product_id: int) -> Any:
        return next((p for p in self.products() if p.id == product_id), None)

    def points_live(self, slot: ShowcaseSlot) -> bool:
        """The selling points show on the buyer's side 48 hours after they were set (L3634)."""
        if slot.points_set_at is None:
            return False
        return self.backend.now() >= slot.points_set_at + dt.timedelta(hours=rules.SELLING_POINT_SYNC_HOURS)

    def search(self, keyword: str) -> list[SearchResult]:
        """The simulated search results page for ``keyword`` with this store's showcases."""
        errors = FieldErrors()
        keyword = validate.text(errors, "keyword", "搜索词", keyword, max_len=80)
        errors.raise_if_any()
        return search_page(keyword, self.products(), self.showcase_ids(), own_ads=self.promoted())

    def promoted(self) -> dict[int, float]:
        """The store's products in a running P4P plan → the plan's highest bid (元); the highest of several."""
        out: dict[int, float] = {}
        for plan in getattr(self.backend.state, "p4p_plans", None) or []:
            if plan.status != "推广中":
                continue
            for p in self.backend.p4p.plan_products(plan):
                out[p.id] = max(out.get(p.id, 0.0), plan.bid_max_cny)
        return out

    def advice(self) -> list[ProductAdvice]:
        """Every published product scored as a showcase choice (流量及转化, 利润, 实力优品; L3638), best first.

        The simulator's score: growth score (产品运营工作台) 40 %, 30-day views 20 % (2,000 = full),
        inquiry rate 20 % (2 % = full), 90-day orders 20 % (10 = full); a listing with a violation is
        not advised (it would waste a showcase).
        """
        products = self.products()
        out = []
        for p in products:
            g = growth_score(p, products)
            rate = p.inquiries_30d / p.views_30d if p.views_30d else 0.0
            score = round(
                0.4 * g.total
                + 20 * min(1, p.views_30d / 2000)
                + 20 * min(1, rate / 0.02)
                + 20 * min(1, p.orders_90d / 10),
                1,
            )
            a = ProductAdvice(p.id, p.title, p.id in self.showcase_ids(), g.total, p.views_30d,
                              p.inquiries_30d, p.orders_90d, score)  # fmt: skip
            if g.total >= 80:
                a.reasons.append(f"成长分 {g.total}，是实力优品")
            if p.views_30d >= 1000:
                a.reasons.append(f"近 30 天 {p.views_30d} 次浏览，流量高")
            if rate >= 0.01 and p.inquiries_30d >= 5:
                a.reasons.append(f"询盘转化率 {rate:.1%}，转化好")
            if p.orders_90d >= 10:
                a.reasons.append(f"近 90 天 {p.orders_90d} 笔订单，是爆品")
            if g.violations:
                a.concerns.append("有违规（" + "；".join(g.violations)[:60] + "）：先修改再放橱窗")
                a.score = 0.0
            if p.views_30d < 300:
                a.concerns.append("流量还很少：先积累数据，或用 P4P 引流")
            if p.views_30d and rate < 0.005:
                a.concerns.append("有曝光但很少询盘：先优化详情页")
            out.append(a)
        return sorted(out, key=lambda a: (-a.score, a.product_id))

    # --- changing --------------------------------------------------------------------------------
    def _product_id(self, errors: FieldErrors, key: str, value: Any) -> int | None:
        label = SHOWCASE_LABELS[key]
        if value in (None, ""):
            errors.add(key, f"请选择{label}", "required")
            return None
        text = str(value).strip()
        product = next((p for p in self.products() if text == str(p.id) or text == p.title), None)
        if product is None:
            errors.add(key, f"{label}：店铺里没有已发布的产品 {text[:40]}", "unknown")
            return None
        return product.id

    def add(self, product_id: Any) -> list[str]:
        """「添加橱窗产品」: put a published product in a free showcase."""
        require(self.backend, "product.showcase")
        errors = FieldErrors()
        pid = self._product_id(errors, "product_id", product_id)
        if pid is not None and pid in self.showcase_ids():
            errors.add("product_id", f"产品 {pid} 已经在橱窗里了", "duplicate")
        cap = self.capacity()
        if not errors and len(self.slots()) >= cap:
            errors.add(
                "product_id",
                f"橱窗已满（{cap} 个）：先移除或替换一个橱窗产品"
                if cap
                else "免费会员没有橱窗：出口通会员才有 10 个橱窗",
                "full",
            )
        errors.raise_if_any()
        with self.backend.transaction("showcases.add", str(pid)) as work:
            work.marketing.showcases.append(
                ShowcaseSlot(product_id=pid, added_on=self.backend.today(), owner=work.acting_as)
            )
        return self._advice_for(pid)

    def replace(self, product_id: Any, replace_with: Any) -> list[str]:
        """「替换」: another product takes the showcase of ``product_id`` (its selling points are cleared)."""
        require(self.backend, "product.showcase")
        errors = FieldErrors()
        old = self._product_id(errors, "product_id", product_id)
        new = self._product_id(errors, "replace_with", replace_with)
        if old is not None and old not in self.showcase_ids():
            errors.add("product_id", f"产品 {old} 不在橱窗里：要替换的必须是橱窗产品", "not_in")
        if new is not None and new in self.showcase_ids():
            errors.add("replace_with", f"产品 {new} 已经在橱窗里了", "duplicate")
        errors.raise_if_any()
        with self.backend.transaction("showcases.replace", f"{old}→{new}") as work:
            for i, slot in enumerate(work.marketing.showcases):
                if slot.product_id == old:
                    work.marketing.showcases[i] = ShowcaseSlot(
                        product_id=new, added_on=self.backend.today(), owner=work.acting_as
                    )
        return self._advice_for(new)

    def remove(self, product_id: Any) -> None:
        """「移除」: free the showcase of ``product_id``."""
        require(self.backend, "product.showcase")
        errors = FieldErrors()
        pid = self._product_id(errors, "product_id", product_id)
        if pid is not None and pid not in self.showcase_ids():
            errors.add("product_id", f"产品 {pid} 不在橱窗里", "not_in")
        errors.raise_if_any()
        with self.backend.transaction("showcases.remove", str(pid)) as work:
            work.marketing.showcases = [s for s in work.marketing.showcases if s.product_id != pid]

    def set_selling_points(self, product_id: Any, labels: Any) -> list[str]:
        """「设置橱窗卖点」: up to 3 of the points the platform drew from the listing; live after 48 h."""
        require(self.backend, "product.showcase")
        errors = FieldErrors()
        pid = self._product_id(errors, "product_id", product_id)
        if pid is not None and pid not in self.showcase_ids():
            errors.add("product_id", f"产品 {pid} 不在橱窗里：先添加到橱窗再设置卖点", "not_in")
        chosen = None
        if pid is not None and not errors:
            options = selling_point_candidates(self.product(pid))
            chosen = validate.choices(
                errors, "selling_points", SHOWCASE_LABELS["selling_points"], labels, options,
                min_n=1, max_n=rules.SELLING_POINT_LABELS_MAX,
            )  # fmt: skip
        errors.raise_if_any()
        with self.backend.transaction("showcases.selling_points", f"{pid}: {', '.join(chosen)}") as work:
            slot = next(s for s in work.marketing.showcases if s.product_id == pid)
            slot.selling_points, slot.points_set_at = list(chosen), self.backend.now()
        return [f"卖点已保存，{rules.SELLING_POINT_SYNC_HOURS} 小时内同步到买家看到的页面"]

    def apply(self, values: dict[str, Any]) -> list[str]:
        """What the 橱窗管理 form does: one of 添加 / 替换 / 移除 / 设置橱窗卖点 with its fields."""
        unknown = set(values) - set(SHOWCASE_LABELS)
        if unknown:
            raise SimError(f"橱窗管理表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors = FieldErrors()
        action = validate.choice(
            errors, "action", SHOWCASE_LABELS["action"], values.get("action"), rules.SHOWCASE_OPERATIONS
        )
        errors.raise_if_any()
        if action == "添加":
            return self.add(values.get("product_id"))
        if action == "替换":
            return self.replace(values.get("product_id"), values.get("replace_with"))
        if action == "移除":
            self.remove(values.get("product_id"))
            return []
        return self.set_selling_points(values.get("product_id"), values.get("selling_points"))

    def _advice_for(self, pid: int) -> list[str]:
        a = next((x for x in self.advice() if x.product_id == pid), None)
        if a is None:
            return []
        out = [f"{m}" for m in a.concerns]
        if not a.reasons and not a.concerns:
            out.append("这个产品的流量和转化都一般：一至两周后看数据，效果不好就替换")
        return out
