"""商机沟通 › RFQ: the market (search, filters, detail, buyer research), the quote form (05.1.4), subscriptions
and my quotes with the buyers' answers.

The quote screen carries a compact market above the form: a student searches, opens an RFQ, reads the buyer
research panel and presses 报价, which puts the RFQ's id into the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.rfq import NO_SERVICES, POSTED_WITHIN, SORTS, MarketPage, canonical_unit, parse_sample
from ..sim.rfq import QUOTE_LABELS as L
from ..sim.rfq_models import MarketRfq, SamplePolicy
from .base import Field, Screen, SubmitResult, esc
from .style import css

__all__ = [
    "RfqMarketPage",
    "RfqQuoteScreen",
    "RfqSubscriptionScreen",
    "MyQuotesPage",
    "rfq_card_html",
    "rfq_detail_html",
    "quotes_table_html",
]

_ANY = "不限"
_SCOPES = ("全部商机", "为您推荐商机")
_STARS = {_ANY: None, "1 星及以上": 1, "2 星及以上": 2, "3 星": 3}
_SLOTS = {_ANY: None, "有剩余名额": 1, "剩余 3 个及以上": 3, "剩余 5 个及以上": 5}
_SMALL = W.Layout(width="150px")
_STATUS_COLOUR = {"可报价": "#1a7f37", "已报价": "#0b61a4"}


def _typed(value: Any, float_format: str) -> str:
    """A number as a person types it into a box (18.0 → "18.00" for a price)."""
    if value is None:
        return ""
    return float_format.format(value) if isinstance(value, float) else str(value)


def _stars(n: int) -> str:
    return "★" * n + "☆" * (rules.RFQ_STARS_MAX - n)


def rfq_card_html(backend: Backend, r: MarketRfq) -> str:
    """One RFQ as the market lists it (every value escaped)."""
    area = backend.rfq
    status = area.status(r)
    colour = _STATUS_COLOUR.get(status, "#c00")
    extras = [""]
    if r.attachments:
        extras.append(f"附件 {len(r.attachments)}")
    if r.pictures:
        extras.append(f"图片 {len(r.pictures)}")
    return (
        f"<div style='border:1px solid #eee;padding:6px 8px;margin:2px 0'>"
        f"<b>{esc(r.title)}</b> <span class='alisim-help'>{esc(r.id)}</span><br>"
        f"<span style='color:#FF6A00'>{_stars(r.stars)}</span> 浏览量: {r.views} · 发布地区: {esc(r.country)} · "
        f"采购量: {r.quantity} {esc(r.unit)} · {esc(r.trade_terms)} · 发布: {r.posted_at:%Y-%m-%d %H:%M} · "
        f"有效期至: {r.expires_on}<br><span class='alisim-help'>{esc(r.category)}</span> "
        f"{' · '.join(extras)} · <b>剩余 {area.slots_left(r)} 个报价名额</b> · "
        f"<b style='color:{colour}'>{esc(status)}</b></div>"
    )


def rfq_detail_html(backend: Backend, rfq_id: str) -> str:
    """The RFQ's detail page and the buyer-research panel (what to look at before quoting)."""
    area = backend.rfq
    r = area.get(rfq_id)
    if r is None:
        return f"<div class='alisim-fail'>没有这条 RFQ：{esc(rfq_id)}</div>"
    b = area.buyer(r)
    research = area.research(r.id)
    files = "、".join(r.attachments + r.pictures) or "—"
    rows = "".join(
        f"<tr><th style='width:90px'>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in research.items()
    )
    who = f"{esc(b.name)} · {esc(b.company)} · {esc(b.country)}（注册于 {b.registered_on}）" if b else "—"
    return (
        f"<div class='alisim-head'><b>{esc(r.title)}</b> <span class='alisim-task'>{esc(r.id)}</span></div>"
        f"<table class='alisim-table'>"
        f"<tr><th style='width:90px'>采购详细描述</th><td>{esc(r.description)}</td></tr>"
        f"<tr><th>采购量</th><td>{r.quantity} {esc(r.unit)}</td></tr>"
        f"<tr><th>采购有效期至</th><td>{r.expires_on}</td></tr>"
        f"<tr><th>运输条款</th><td>{esc(r.trade_terms)}</td></tr>"
        f"<tr><th>样品</th><td>{'买家希望先看样品' if r.sample_wanted else '未提样品要求'}</td></tr>"
        f"<tr><th>附件与图片</th><td>{esc(files)}</td></tr>"
        f"<tr><th>报价情况</th><td>已收到 {area.quotes_received(r)} 个报价，剩余 {area.slots_left(r)} 个名额"
        f"（每条最多 {rules.RFQ_MAX_QUOTES} 个）· {esc(area.status(r))}</td></tr>"
        f"<tr><th>买家</th><td>{who}</td></tr></table>"
        f"<div style='margin-top:6px'><b>报价前的买家调研</b>"
        f"<span class='alisim-help'>（先读 RFQ：附件、图片、星级、发布时间；再看买家：访问时间、活跃情况、搜索行为、竞品了解）"
        f"</span></div><table class='alisim-table'>{rows}</table>"
    )


class RfqMarketPage:
    """RFQ 市场 (RFQ查找): keyword search, filters, sorting, pages, the detail page and the buyer research."""

    def __init__(self, backend: Backend, on_quote: Callable[[str], Any] | None = None) -> None:
        self.backend = backend
        self.on_quote = on_quote
        area = backend.rfq
        self.keyword = W.Text(
            placeholder="请输入关键词搜索RFQ，如 building blocks", layout=W.Layout(width="320px")
        )
        self.category = W.Dropdown(options=[("全部类目", ""), *[(c, c) for c in area.categories()]],
                                   value="", layout=W.Layout(width="300px"))  # fmt: skip
        self.country = W.Dropdown(options=[("全部地区", ""), *[(c, c) for c in area.countries()]],
                                  value="", layout=_SMALL)  # fmt: skip
        self.stars = W.Dropdown(options=list(_STARS), value=_ANY, description="星级", layout=_SMALL)
        self.posted = W.Dropdown(options=list(POSTED_WITHIN), value=_ANY, description="发布", layout=_SMALL)
        self.slots = W.Dropdown(
            options=list(_SLOTS), value=_ANY, description="名额", layout=W.Layout(width="190px")
        )
        self.scope = W.ToggleButtons(options=list(_SCOPES), value=_SCOPES[0])
        self.scope.observe(lambda _c: self.search(page=1), "value")
        self.sort = W.Dropdown(
            options=list(SORTS), value=SORTS[0], description="排序", layout=W.Layout(width="190px")
        )
        self.search_button = W.Button(description="Search", icon="search", button_style="warning")
        self.search_button.add_class("alisim-primary")
        self.search_button.on_click(lambda _b: self.search(page=1))
        self.prev_button = W.Button(description="上一页", layout=W.Layout(width="80px"))
        self.next_button = W.Button(description="下一页", layout=W.Layout(width="80px"))
        self.prev_button.on_click(lambda _b: self.search(page=self.page.page - 1))
        self.next_button.on_click(lambda _b: self.search(page=self.page.page + 1))
        self.page_label = W.HTML()
        self.quota_view = W.HTML()
        self.results = W.VBox()
        self.detail = W.HTML()
        self.quote_button = W.Button(description="报价", icon="pencil", button_style="warning")
        self.quote_button.add_class("alisim-primary")
        self.quote_button.on_click(lambda _b: self.quote(self.opened) if self.opened else None)
        self.quote_button.layout.display = "none"
        self.opened: str | None = None
        self.form: RfqQuoteScreen | None = None  # the quote form, opened by the first 报价 without on_quote
        self.form_box = W.VBox()
        self.page: MarketPage = MarketPage([], 0, 1, 1)
        self.widget = W.VBox(
            [
                css(),
                W.HTML("<div class='alisim-head'><b>RFQ 市场 · 采购直达</b><div class='alisim-sub'>"
                       "My Alibaba › 商机沟通 › RFQ商机 › RFQ查找 · 海量采购商机，高效达成交易</div></div>"),
                self.quota_view,
                self.scope,
                W.HBox([self.category, self.keyword, self.search_button]),
                W.HBox([self.country, self.stars, self.posted, self.slots, self.sort]),
                self.results,
                W.HBox([self.prev_button, self.page_label, self.next_button]),
                self.detail,
                self.quote_button,
                self.form_box,
            ]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.search()

    def _quota_html(self) -> str:
        q = self.backend.rfq.quota()
        return (
            f"<div class='alisim-help'>报价权益（{esc(q.period)}）：共 {q.total} 条，已用 {q.used} 条，"
            f"<b>剩余 {q.left} 条</b>。每条 RFQ 最多接受 {rules.RFQ_MAX_QUOTES} 个报价，名额满了就不能再报价；"
            f"每次报价消耗一条权益。模拟日期 {self.backend.today()}</div>"
        )

    def search(self, keyword: str | None = None, *, page: int = 1, **filters: Any) -> MarketPage:
        """Set the search box and filters as a person would (category, country, stars, posted, slots, sort)."""
        if keyword is not None:
            self.keyword.value = str(keyword)
        for name, box in (("category", self.category), ("country", self.country), ("stars", self.stars),
                          ("posted", self.posted), ("slots", self.slots), ("sort", self.sort), ("scope", self.scope)):  # fmt: skip
            if name in filters:
                value = filters.pop(name)
                labels = [o[1] if isinstance(o, tuple) else o for o in box.options]
                if value not in labels:
                    raise ValueError(f"{box.description or name}没有这个选项：{value}")
                box.value = value
        if filters:
            raise KeyError(f"RFQ 市场没有这些筛选项：{', '.join(filters)}")
        self.page = self.backend.rfq.search(
            self.keyword.value,
            category=self.category.value or None,
            country=self.country.value or None,
            min_stars=_STARS[self.stars.value],
            posted_within_days=POSTED_WITHIN[self.posted.value],
            min_slots=_SLOTS[self.slots.value],
            recommended_only=self.scope.value == _SCOPES[1],
            sort=self.sort.value,
            page=page,
        )
        self.render()
        return self.page

    def refresh(self) -> None:
        """Shown again (the shell): the same search on the store as it is now (quota, slots, statuses)."""
        self.search(page=self.page.page)
        if self.opened:
            self.open(self.opened)
        if self.form is not None:
            self.form.refresh()

    def render(self) -> None:
        self.quota_view.value = self._quota_html()
        rows = []
        for r in self.page.items:
            view = W.Button(description="查看详情", layout=W.Layout(width="90px"))
            view.on_click(lambda _b, rid=r.id: self.open(rid))
            quote = W.Button(description="报价", layout=W.Layout(width="70px"))
            quote.disabled = (
                self.backend.rfq.status(r) != "可报价" and not self.backend.rfq.market().quote_pass
            )
            quote.on_click(lambda _b, rid=r.id: self.quote(rid))
            card = W.HTML(rfq_card_html(self.backend, r), layout=W.Layout(width="820px"))
            rows.append(W.HBox([card, W.VBox([view, quote])]))
        if not rows:
            rows = [W.HTML("<div class='alisim-help'>没有找到符合条件的 RFQ：换个关键词或放宽筛选条件</div>")]
        self.results.children = rows
        p = self.page
        self.page_label.value = (
            f"<span style='padding:0 10px'>共 {p.total} 条 · 第 {p.page} / {p.pages} 页</span>"
        )
        self.prev_button.disabled = p.page <= 1
        self.next_button.disabled = p.page >= p.pages

    def open(self, rfq_id: str) -> str:
        """Show the detail page and the buyer research of an RFQ; returns its HTML."""
        self.detail.value = rfq_detail_html(self.backend, rfq_id)
        r = self.backend.rfq.get(rfq_id)
        self.opened = r.id if r else None
        self.quote_button.layout.display = None if r else "none"
        return self.detail.value

    def quote(self, rfq_id: str) -> Any:
        """「报价」: hand the RFQ to the quote form (this page's own form below it when none was given)."""
        if self.on_quote is not None:
            return self.on_quote(rfq_id)
        if self.form is None:
            self.form = RfqQuoteScreen(self.backend, market=False)
            self.form.submit_button.on_click(lambda _b: self.refresh())  # slots, quota and the detail change
            self.form_box.children = [self.form.widget]
        self.open(rfq_id)
        self.form.pick(rfq_id)
        return self.form

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


class _SampleInput:
    """样品: offered or not, free or a fee, who pays the freight, sent within N days."""

    def __init__(self) -> None:
        self.provided = W.RadioButtons(options=["提供样品", "不提供样品"], value=None)
        self.cost = W.RadioButtons(options=["免费", "收费"], value=None)
        self.fee = W.Text(placeholder="样品费", layout=W.Layout(width="90px"))
        self.freight = W.RadioButtons(options=["买家支付运费", "卖家支付运费"], value=None)
        self.days = W.Text(placeholder="天数", layout=W.Layout(width="70px"))
        self.pending: Any = None  # words the form could not put into its boxes: the sim says why
        tight = W.Layout(width="auto")
        for box in (self.provided, self.cost, self.freight):
            box.layout = tight
            box.style = {"description_width": "0px"}
        self.widget = W.VBox(
            [
                self.provided,
                W.HBox([self.cost, W.HTML("样品费"), self.fee]),
                self.freight,
                W.HBox([W.HTML("确认后&nbsp;"), self.days, W.HTML("&nbsp;天内寄出")]),
            ]
        )

    def set(self, value: Any) -> None:
        self.pending = None
        for box in (self.provided, self.cost, self.freight):
            box.value = None
        self.fee.value = self.days.value = ""
        if value in (None, ""):
            return
        policy = parse_sample(value)
        if not isinstance(policy, SamplePolicy):
            self.pending = value
            return
        self.provided.value = "提供样品" if policy.provided else "不提供样品"
        if policy.provided:
            self.cost.value = "免费" if policy.free else "收费"
            self.fee.value = "" if policy.fee is None else f"{policy.fee:g}"
            self.freight.value = "买家支付运费" if policy.freight_by == "buyer" else "卖家支付运费"
            self.days.value = "" if policy.ship_days is None else str(policy.ship_days)

    def value(self) -> Any:
        if self.pending is not None:
            return self.pending
        if self.provided.value is None:
            return None
        if self.provided.value == "不提供样品":
            return "no sample"
        parts = ["free sample" if self.cost.value == "免费" else f"sample fee {self.fee.value.strip() or '?'}"
                 if self.cost.value == "收费" else ""]  # fmt: skip
        if self.freight.value:
            parts.append(
                "buyer pays freight" if self.freight.value == "买家支付运费" else "seller pays freight"
            )
        if self.days.value.strip():
            parts.append(f"sent within {self.days.value.strip()} days of confirmation")
        return ", ".join(p for p in parts if p)


class RfqQuoteScreen(Screen):
    """RFQ 报价 (05.1.4): find the RFQ in the market, then fill in the quote form and send it."""

    title = "RFQ 报价"
    subtitle = "My Alibaba › 商机沟通 › RFQ商机 › 报价表单（以下表格内请填写英文描述）"
    task_id = "05.1.4"
    submit_label = "提交报价"

    def __init__(self, backend: Backend, market: bool = True) -> None:
        self.backend = backend
        self._with_market = market  # the market page opens this form under itself without a second market
        self.market: RfqMarketPage | None = None
        self._bank = list(backend.state.image_bank)
        self.fields = (
            Field("rfq_id", L["rfq_id"], required=True, placeholder="在上面的 RFQ 市场里点“报价”自动填入",
                  help="先在市场里搜索、查看详情并调研买家，再报价"),
            Field("language", L["language"], "radio", True, rules.RFQ_QUOTE_LANGUAGES),
            Field("product_name", L["product_name"], required=True, max_len=rules.RFQ_PRODUCT_NAME_MAX),
            Field("product_code", L["product_code"], placeholder="如 M00257"),
            Field("details", L["details"], "textarea", True, max_len=rules.RFQ_DETAILS_MAX,
                  help="材料、尺寸、用途、工艺等，用英文填写"),
            Field("unit", L["unit"], "select", True, rules.RFQ_UNITS),
            Field("trade_terms", L["trade_terms"], required=True, placeholder="贸易术语 + 港口，如 FOB Ningbo"),
            Field("valid_until", L["valid_until"], "date", True),
            Field("currency", L["currency"], "select", True, rules.RFQ_CURRENCIES),
            Field("price_tiers", L["price_tiers"], "tiers", True,
                  help=f"采购数从小到大，数量越多单价越低；最多 {rules.RFQ_PRICE_TIERS_MAX} 档"),
            Field("payment_terms", L["payment_terms"], "multiselect", True, rules.RFQ_PAYMENT_TERMS),
            Field("sample", L["sample"], "sample", True),
            Field("message", L["message"], "textarea", True, max_len=rules.RFQ_MESSAGE_MAX,
                  help="给买家的话，用英文填写"),
            Field("value_added_services", L["value_added_services"], "multiselect", False,
                  rules.RFQ_VALUE_ADDED_SERVICES, help="没有增值服务就都不勾选"),
            Field("product_image", L["product_image"], "image", False, tuple(b.id for b in self._bank),
                  help="从图片银行选一张产品图片"),
            Field("revise", "修改报价", "checkbox", help="修改我已发出的报价（买家回复前可以改，不再消耗权益）"),
        )  # fmt: skip
        super().__init__(backend)
        self.inputs["language"].value = "English"
        self.rfq_view = W.HTML()
        self.body.children = [self.rfq_view, *self.body.children]
        self.inputs["rfq_id"].observe(lambda _c: self._show_rfq(), "value")
        self._show_rfq()
        self.quotes_view = W.HTML()
        self.widget.children = [*self.widget.children, W.HTML("<b>我的报价</b>"), self.quotes_view]
        self._render_quotes()

    # --- building --------------------------------------------------------------------------------
    def _header(self) -> W.Widget:
        if not self._with_market:
            return super()._header()
        self.market = RfqMarketPage(self.backend, on_quote=self.pick)
        return W.VBox([self.market.widget, super()._header()])

    def _extra_widgets(self) -> list[W.Widget]:
        return []

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "tiers":
            self.tier_rows = [
                W.HBox(
                    [
                        W.Text(placeholder="最小采购数 ≥", layout=_SMALL),
                        W.Text(placeholder="单价", layout=_SMALL),
                    ]
                )
                for _ in range(rules.RFQ_PRICE_TIERS_MAX)
            ]
            return W.VBox(self.tier_rows)
        if f.kind == "sample":
            self.sample_input = _SampleInput()
            return self.sample_input.widget
        if f.kind == "multiselect":
            boxes = [W.Checkbox(description=o, value=False, indent=False, layout=W.Layout(width="150px"))
                     for o in f.options]  # fmt: skip
            return W.Box(boxes, layout=W.Layout(flex_flow="row wrap", width="620px"))
        if f.kind == "checkbox":
            return W.Checkbox(description=f.help, value=False, indent=False, layout=W.Layout(width="auto"))
        if f.kind == "image":
            options = [("不选图片", None)] + [(f"{b.id} · {b.subject}", b.id) for b in self._bank]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="560px"))
        return super().make_input(f)

    # --- values ----------------------------------------------------------------------------------
    def pick(self, rfq_id: str) -> None:
        """The market's 报价 button: the RFQ goes into the form."""
        self.inputs["rfq_id"].value = rfq_id
        if self.market is not None:
            self.market.open(rfq_id)

    def _show_rfq(self) -> None:
        r = self.backend.rfq.get(self.inputs["rfq_id"].value)
        self.rfq_view.value = "" if r is None else rfq_card_html(self.backend, r)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "tiers":
            rows = list(value or [])
            if isinstance(value, (str, dict)) or len(rows) > len(self.tier_rows):
                raise ValueError(f"{f.label}最多 {len(self.tier_rows)} 档，每档是（最小采购数, 单价）")
            for i, row in enumerate(self.tier_rows):
                pair = rows[i] if i < len(rows) else ("", "")
                if isinstance(pair, dict):
                    pair = tuple(pair.values())
                if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                    raise ValueError(f"{f.label}的每一档应是两个数：{pair!r}")
                row.children[0].value = _typed(pair[0], "{:g}")
                row.children[1].value = _typed(pair[1], "{:.2f}")
        elif f.kind == "sample":
            self.sample_input.set(value)
        elif f.kind == "image":
            if value not in (None, "") and value not in f.options:
                raise ValueError(f"图片银行里没有这张图片：{str(value)[:40]}")
            widget.value = value or None
        elif f.key == "unit":
            super()._set(f, widget, canonical_unit(value) if value else None)
        elif f.kind == "multiselect":
            if isinstance(value, str):
                value = [] if value.strip().casefold() in NO_SERVICES else [value]
            super()._set(f, widget, value)
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.inputs[f.key]
            if f.kind == "multiselect":
                out[f.key] = [b.description for b in w.children if b.value]
            elif f.kind not in ("tiers", "sample"):
                out[f.key] = w.value
        out["price_tiers"] = [(r.children[0].value, r.children[1].value) for r in self.tier_rows
                              if r.children[0].value.strip() or r.children[1].value.strip()]  # fmt: skip
        out["sample"] = self.sample_input.value()
        return out

    # --- submitting ------------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> Any:
        self._revising = bool(values.pop("revise", False))
        return self.backend.rfq.quote(values, revise=self._revising)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._show_rfq()  # the RFQ's card above the form: one slot fewer, 已报价
        self._render_quotes()
        if self.market is not None:
            self.market.refresh()  # its cards, quota and the opened detail
        return result

    def success_message(self) -> str:
        q = self.backend.rfq.quota()
        done = "报价已修改" if getattr(self, "_revising", False) else "报价已发送给买家"
        return f"{done}（{q.period}报价权益剩余 {q.left} 条）"

    def refresh(self) -> None:
        """Shown again (the shell): a quote sent from the RFQ 市场 page counts here too."""
        self._show_rfq()
        self._render_quotes()
        if self.market is not None:
            self.market.refresh()

    def _render_quotes(self) -> None:
        self.quotes_view.value = quotes_table_html(self.backend)

    def _load_saved(self) -> None:
        records = [r for r in self.backend.state.rfqs if r.quote is not None]
        if not records:
            return
        q = records[-1].quote
        self.fill(
            rfq_id=q.rfq_id,
            product_name=q.product_name,
            product_code=q.product_code,
            details=q.details,
            unit=q.unit if q.unit in rules.RFQ_UNITS else None,
            trade_terms=q.trade_terms,
            valid_until=q.valid_until,
            currency=q.currency if q.currency in rules.RFQ_CURRENCIES else None,
            price_tiers=[(t.min_qty, t.price) for t in q.price_tiers][: rules.RFQ_PRICE_TIERS_MAX],
            payment_terms=[p for p in q.payment_terms if p in rules.RFQ_PAYMENT_TERMS],
            sample=q.sample.model_dump(),
            message=q.message,
            value_added_services=[s for s in q.value_added_services if s in rules.RFQ_VALUE_ADDED_SERVICES],
            product_image=q.product_image if q.product_image in self.field("product_image").options else None,
            revise=True,
        )
        if q.language in rules.RFQ_QUOTE_LANGUAGES:
            self.inputs["language"].value = q.language
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已报价：{esc(q.rfq_id)}（{q.quoted_at:%Y-%m-%d %H:%M}）。"
            "要修改这份报价，改好后再点“提交报价”。</div>"
        )


def quotes_table_html(backend: Backend) -> str:
    """我的报价: every quote of the store, its RFQ's status and the buyer's answers so far."""
    records = backend.rfq.my_quotes()
    if not records:
        return "<div class='alisim-help'>还没有报价。</div>"
    names = {"admin": "管理员"} | {s.id: s.name for s in backend.state.sub_accounts}
    rows = []
    for rec in records:
        q = rec.quote
        replies = backend.rfq.replies(rec.id)
        answers = "<br>".join(f"{r.day} <b>{esc(r.kind)}</b>：{esc(r.text)}" for r in replies) or "暂无回复"
        offer = "（早先的报价，没有保存报价内容）"
        if q is not None:
            ladder = "；".join(f"≥{t.min_qty} {t.price:.2f}" for t in q.price_tiers)
            offer = f"{esc(q.product_name)}<br>{esc(q.currency)} {esc(ladder)} · {esc(q.trade_terms)}"
        when = f"{q.quoted_at:%Y-%m-%d}" if q else "—"
        rows.append(
            f"<tr><td>{esc(rec.id)}</td><td>{esc(rec.title)}</td><td>{esc(names.get(rec.owner, rec.owner))}</td>"
            f"<td>{when}</td><td>{offer}</td><td>{answers}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("RFQ", "采购需求", "报价人", "报价日期", "报价内容", "买家回复"))
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


class MyQuotesPage:
    """我的报价: the quotes sent and what the buyers answered (answers arrive as the scenario clock moves on)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.table = W.HTML()
        self.note = W.HTML()
        refresh = W.Button(description="刷新", icon="refresh")
        refresh.on_click(lambda _b: self.render())
        self.wait_button = W.Button(description="等待 1 天", icon="clock-o", tooltip="模拟时钟前进 1 天")
        self.wait_button.on_click(lambda _b: self.wait(1))
        self.widget = W.VBox(
            [
                css(),
                W.HTML(
                    "<div class='alisim-head'><b>我的报价</b><div class='alisim-sub'>My Alibaba › 商机沟通 › "
                    "RFQ商机 › 我的报价 · 买家的回复要过一两天才到：点“等待 1 天”让模拟时钟前进</div></div>"
                ),
                W.HBox([refresh, self.wait_button]),
                self.note,
                self.table,
            ]
        )
        self.widget.add_class("alisim-screen")
        self.render()

    def wait(self, days: int = 1) -> None:
        """Let ``days`` days pass on the scenario clock (buyers answer; RFQs fill up and expire)."""
        self.backend.advance_days(days)
        self.render()

    def refresh(self) -> None:
        """Shown again (the shell): the quotes sent since."""
        self.render()

    def render(self) -> None:
        self.backend.refresh()
        self.note.value = f"<div class='alisim-help'>模拟日期 {self.backend.today()}</div>"
        self.table.value = quotes_table_html(self.backend)

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


class RfqSubscriptionScreen(Screen):
    """商机订阅: subscribe to categories and keywords; matching RFQs are recommended (为您推荐商机)."""

    title = "订阅类目及关键词"
    subtitle = "My Alibaba › 商机沟通 › RFQ商机 › 商机订阅设置"
    submit_label = "保存订阅"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.fields = (
            Field("categories", "订阅的类目", "multiselect", False, tuple(backend.rfq.categories()),
                  help=f"最多添加 {rules.RFQ_SUBSCRIPTION_CATEGORIES_MAX} 个类目（建议精选 {rules.RFQ_SUBSCRIPTION_ADVISED[0]} 个以内）"),
            Field("keywords", "订阅的关键词", "textarea", False, placeholder="英文关键词，用逗号隔开，如 building blocks, wooden toys",
                  help=f"最多添加 {rules.RFQ_SUBSCRIPTION_KEYWORDS_MAX} 个关键词（建议 {rules.RFQ_SUBSCRIPTION_ADVISED[1]} 个以内）"),
        )  # fmt: skip
        super().__init__(backend)
        self.recommended = W.HTML()
        self.widget.children = [*self.widget.children, W.HTML("<b>为您推荐商机</b>"), self.recommended]
        self._render()

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.key == "keywords" and isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        super()._set(f, widget, value)

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.rfq.subscribe(values["categories"], values["keywords"])

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render()
        return result

    def _render(self) -> None:
        items = self.backend.rfq.recommended()[:10]
        self.recommended.value = "".join(rfq_card_html(self.backend, r) for r in items) or (
            "<div class='alisim-help'>没有符合订阅的可报价 RFQ</div>"
        )

    def _load_saved(self) -> None:
        market = self.backend.rfq.market()
        known = set(self.field("categories").options)
        self.fill(categories=[c for c in market.categories if c in known], keywords=list(market.keywords))
