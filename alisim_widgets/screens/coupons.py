"""营销中心 › 商家自营销: 创建优惠券 (07.2.5 满减券, 07.2.7 满折券), 折扣营销 (07.2.6) and a buyer's order.

The coupon form has both types' fields: 优惠面额 for 满减券, 优惠折扣 and 优惠额上限 for 满折券; the simulator
ignores (and says so) the fields of the other type. Below each form: the list as the backend shows it,
with 修改数量 / 停止 for coupons and 停止 for discounts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.coupons import COUPON_LABELS, DISCOUNT_LABELS, OrderQuote, coupon_benefit, display_order
from ..sim.errors import SimError, ValidationFailed
from .base import Field, Screen, SubmitResult, esc
from .style import css

__all__ = [
    "CouponScreen",
    "PercentCouponScreen",
    "DiscountScreen",
    "OrderSimulator",
    "coupons_table_html",
    "discounts_table_html",
]

_TITLE_SHOWN = 60
_DEFAULT_SCENE = rules.COUPON_SCENES[0]  # 详情页/旺铺: the form opens with it chosen


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_SHOWN else title[:_TITLE_SHOWN] + "…"


def coupons_table_html(backend: Backend) -> str:
    """优惠券 list as the backend shows it (L3748): title, type, condition, benefit, scope, period, issued."""
    coupons = backend.coupons.coupons()
    if not coupons:
        return "<div class='alisim-help'>还没有创建优惠券。</div>"
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "编号",
            "券标题",
            "类型",
            "使用条件",
            "权益内容",
            "使用范围",
            "券有效期限",
            "领取/发行量",
            "状态",
        )
    )
    rows = []
    for c in coupons:
        scope = c.scope if c.scope == "全店铺" else f"指定商品（{len(c.product_ids)} 款）"
        cells = (
            c.id,
            c.title,
            c.coupon_type,
            f"≥ ${c.threshold_usd:,.2f}",
            coupon_benefit(c),
            scope,
            f"起：{c.valid_from:%Y.%m.%d} 至：{c.valid_to:%Y.%m.%d}",
            f"{len(c.claims)}/{c.quantity}",
            backend.coupons.status(c),
        )
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    order = "、".join(c.id for c in display_order(backend.coupons.active_coupons())) or "—"
    return (
        f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"
        f"<div class='alisim-help'>商品详情页展示顺序（同类型按优惠力度从大到小）：{esc(order)}</div>"
    )


def discounts_table_html(backend: Backend) -> str:
    """折扣营销 activities with their products, stock and status."""
    discounts = backend.coupons.discounts()
    if not discounts:
        return "<div class='alisim-help'>还没有折扣活动。</div>"
    head = "".join(
        f"<th>{h}</th>"
        for h in ("编号", "活动名称", "活动时间", "活动人群", "活动商品ID", "活动库存", "优惠", "状态")
    )
    rows = []
    for d in discounts:
        cells = (
            d.id,
            d.name,
            f"{d.valid_from} 至 {d.valid_to}",
            d.audience,
            "、".join(map(str, d.product_ids)),
            f"各 {d.stock_each} 件",
            d.discount,
            backend.coupons.discount_status(d),
        )
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


class _RtsPicker:
    """Check boxes of the store's RTS products (直接下单品), each with its stock."""

    def __init__(self, products: list[Any]) -> None:
        self.products = products
        self.rows = []
        for p in products:
            box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="28px"))
            label = W.HTML(
                f"<span title='{esc(p.title)}'>{p.id} · {esc(_short(p.title))}（可售 {p.stock or 0}）</span>"
            )
            row = W.HBox([box, label], layout=W.Layout(flex="0 0 auto", min_height="28px"))
            row.product_id = p.id  # type: ignore[attr-defined]
            self.rows.append(row)
        self.widget = W.VBox(self.rows, layout=W.Layout(max_height="200px", overflow="auto", width="620px"))

    def set(self, value: Any) -> None:
        if isinstance(value, str):
            value = value.replace("，", ",").replace("、", ",").split(",")
        wanted = set()
        for v in value or []:
            text = str(v).strip()
            match = next((p.id for p in self.products if text == str(p.id) or text == p.title), None)
            if match is None:
                raise ValueError(
                    f"直接下单品中没有这个产品：{text[:60]}（只能选店铺里的 Ready to Ship 产品）"
                )
            wanted.add(match)
        for row in self.rows:
            row.children[0].value = row.product_id in wanted

    def get(self) -> list[int]:
        return [row.product_id for row in self.rows if row.children[0].value]


class _RtsFieldMixin:
    """Put before :class:`Screen`: the ``rts`` field kind, a picker of the store's RTS products (``self._rts``)."""

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "rts":
            self._picker = _RtsPicker(self._rts)  # type: ignore[attr-defined]
            return self._picker.widget
        return super().make_input(f)  # type: ignore[misc]

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "rts":
            self._picker.set(value)
        else:
            super()._set(f, widget, value)  # type: ignore[misc]

    def values(self) -> dict[str, Any]:
        return {
            f.key: self._picker.get() if f.kind == "rts" else self.inputs[f.key].value  # type: ignore[attr-defined]
            for f in self.fields  # type: ignore[attr-defined]
        }


class CouponScreen(_RtsFieldMixin, Screen):
    """创建优惠券: 基本信息, 高级信息, 产品信息 in one form (满减券 of task 07.2.5 or 满折券)."""

    title = "创建优惠券"
    subtitle = "My Alibaba › 营销中心 › 优惠券 › 创建优惠券"
    task_id = "07.2.5"
    submit_label = "创建并发布"
    coupon_type = "满减券"  # the type whose latest coupon the form shows again after a restart

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._rts = backend.coupons.rts_products()
        L = COUPON_LABELS
        self.fields = (
            Field("coupon_type", L["coupon_type"], "radio", True, rules.COUPON_TYPES,
                  help="满减券：满多少减多少美元；满折券：满多少打几折"),
            Field("title", L["title"], required=True, max_len=rules.COUPON_TITLE_MAX),
            Field("scene", L["scene"], "radio", True, rules.COUPON_SCENES),
            Field("valid_from", L["valid_from"], "date", True),
            Field("valid_to", L["valid_to"], "date", True,
                  help=f"有效范围不超过 {rules.COUPON_VALIDITY_MAX_DAYS} 天（首尾两天都算）"),
            Field("threshold_usd", L["threshold_usd"], required=True, placeholder="如 300",
                  help="订单货款（不含运费）达到这个金额才能用券；满减券的门槛必须大于优惠面额"),
            Field("discount_usd", L["discount_usd"], placeholder="满减券填写，如 30",
                  help=f"最低 {rules.COUPON_FACE_MIN_USD} 美元，只能是 {rules.COUPON_FACE_STEP_USD} 的倍数"),
            Field("discount", L["discount"], "select", False, rules.ZHE_RATES, help="满折券选择，如 7折 即优惠 30%"),
            Field("max_discount_usd", L["max_discount_usd"], placeholder="满折券填写，如 600",
                  help="一笔订单最多优惠多少美元"),
            Field("quantity", L["quantity"], required=True, placeholder="如 1000",
                  help=f"1 张优惠券最多发行 {rules.COUPON_QUANTITY_MAX} 张；同时最多 {rules.COUPONS_ACTIVE_MAX} 张优惠券在发"),
            Field("scope", L["scope"], "radio", True, rules.COUPON_SCOPES,
                  help="全店铺：直接下单品和非直接下单品都适用；特定商品：只能选直接下单品"),
            Field("product_ids", L["product_ids"], "rts", False,
                  help=f"使用范围选“特定商品”时勾选，最多 {rules.COUPON_PRODUCTS_MAX} 款"),
            Field("audience", L["audience"], "select", True, rules.COUPON_AUDIENCES),
            Field("publish", L["publish"], "radio", True, rules.COUPON_PUBLISH_MODES),
            Field("publish_on", L["publish_on"], "date", help="选择“定时发布”时填写，必须晚于今天"),
        )  # fmt: skip
        super().__init__(backend)
        if self.inputs["scene"].value is None:
            self.inputs["scene"].value = _DEFAULT_SCENE
        self.list_view = W.HTML()
        self.manage_id = W.Dropdown(options=[], description="优惠券", layout=W.Layout(width="220px"))
        self.manage_qty = W.Text(placeholder="新的发行量", layout=W.Layout(width="120px"))
        qty_button = W.Button(description="修改数量")
        stop_button = W.Button(description="停止")
        qty_button.on_click(lambda _b: self.change_quantity(self.manage_id.value, self.manage_qty.value))
        stop_button.on_click(lambda _b: self.stop(self.manage_id.value))
        self.manage_status = W.HTML()
        self.widget.children = [
            *self.widget.children,
            W.HTML("<b>我的优惠券</b>"),
            self.list_view,
            W.HBox([self.manage_id, self.manage_qty, qty_button, stop_button]),
            self.manage_status,
        ]
        self._render_list()

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.coupons.create_coupon(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_list()
        return result

    def success_message(self) -> str:
        c = self.backend.coupons.coupons()[-1]
        status = self.backend.coupons.status(c)
        usable = f"，{c.valid_from} 起买家下单时可以使用" if c.valid_from > self.backend.today() else ""
        return f"优惠券 {c.id}（{c.coupon_type}）已创建，状态：{status}{usable}"

    # --- managing ------------------------------------------------------------------------------
    def _manage(self, action) -> SubmitResult:
        with self.backend.via("screen"):
            try:
                action()
                result = SubmitResult(True, message="已保存")
            except ValidationFailed as exc:
                result = SubmitResult(
                    False, errors=exc.by_field(), message="；".join(exc.by_field().values())
                )
            except SimError as exc:
                result = SubmitResult(False, message=exc.message)
        cls = "alisim-ok" if result.ok else "alisim-fail"
        self.manage_status.value = f"<div class='{cls}'>{esc(result.message)}</div>"
        self._render_list()
        return result

    def change_quantity(self, coupon_id: Any, quantity: Any) -> SubmitResult:
        """「修改数量」: raise while issuing; lower only a stopped coupon."""
        return self._manage(lambda: self.backend.coupons.change_quantity(coupon_id, quantity))

    def stop(self, coupon_id: Any) -> SubmitResult:
        """「停止」 a coupon."""
        return self._manage(lambda: self.backend.coupons.stop_coupon(coupon_id))

    def _render_list(self) -> None:
        self.list_view.value = coupons_table_html(self.backend)
        ids = [c.id for c in self.backend.coupons.coupons()]
        current = self.manage_id.value
        self.manage_id.options = ids
        self.manage_id.value = current if current in ids else (ids[-1] if ids else None)

    def _load_saved(self) -> None:
        saved = [c for c in self.backend.coupons.coupons() if c.coupon_type == self.coupon_type]
        if not saved:
            return
        c = saved[-1]
        rts_ids = {p.id for p in self._rts}
        self.fill(
            coupon_type=c.coupon_type,
            title=c.title,
            scene=c.scene if c.scene in rules.COUPON_SCENES else None,
            valid_from=c.valid_from,
            valid_to=c.valid_to,
            threshold_usd=f"{c.threshold_usd:g}",
            discount_usd="" if c.discount_usd is None else f"{c.discount_usd:g}",
            discount=c.discount if c.discount in rules.ZHE_RATES else None,
            max_discount_usd="" if c.max_discount_usd is None else f"{c.max_discount_usd:g}",
            quantity=str(c.quantity),
            scope=c.scope if c.scope in rules.COUPON_SCOPES else None,
            product_ids=[pid for pid in c.product_ids if pid in rts_ids],
            audience=c.audience if c.audience in rules.COUPON_AUDIENCES else None,
            publish=c.publish if c.publish in rules.COUPON_PUBLISH_MODES else None,
            publish_on=c.publish_on if c.publish == "定时发布" else "",
        )
        self.status.value = f"<div class='alisim-ok'>✔ 已保存：{esc(c.id)} {esc(c.title)}（{esc(self.backend.coupons.status(c))}）</div>"


class PercentCouponScreen(CouponScreen):
    """创建优惠券 for task 07.2.7 (满折券)."""

    task_id = "07.2.7"
    coupon_type = "满折券"


class DiscountScreen(_RtsFieldMixin, Screen):
    """折扣营销 (直接限时折扣) of task 07.2.6: name, period, audience, products with stock, discount."""

    title = "折扣营销"
    subtitle = "My Alibaba › 营销中心 › 商家自营销 › 折扣营销 › 创建活动"
    task_id = "07.2.6"
    submit_label = "创建活动"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._rts = backend.coupons.rts_products()
        L = DISCOUNT_LABELS
        self.fields = (
            Field("name", L["name"], required=True, max_len=rules.DISCOUNT_NAME_MAX),
            Field("valid_from", L["valid_from"], "date", True),
            Field("valid_to", L["valid_to"], "date", True),
            Field("audience", L["audience"], "select", True, rules.DISCOUNT_AUDIENCES),
            Field("product_ids", L["product_ids"], "rts", True, help="只能选直接下单品（Ready to Ship）"),
            Field("stock_each", L["stock_each"], required=True, placeholder="如 500",
                  help="每款商品拿出多少件参加活动，不能超过它的可售数量"),
            Field("discount", L["discount"], "select", True, rules.ZHE_RATES, help="如 9折 即优惠 10%"),
        )  # fmt: skip
        super().__init__(backend)
        self.list_view = W.HTML()
        self.stop_id = W.Dropdown(options=[], description="活动", layout=W.Layout(width="220px"))
        stop_button = W.Button(description="停止活动")
        stop_button.on_click(lambda _b: self.stop(self.stop_id.value))
        self.manage_status = W.HTML()
        self.widget.children = [
            *self.widget.children,
            W.HTML("<b>我的折扣活动</b>"),
            self.list_view,
            W.HBox([self.stop_id, stop_button]),
            self.manage_status,
        ]
        self._render_list()

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.coupons.create_discount(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_list()
        return result

    def success_message(self) -> str:
        d = self.backend.coupons.discounts()[-1]
        return f"折扣活动 {d.id} 已创建，状态：{self.backend.coupons.discount_status(d)}"

    def stop(self, discount_id: Any) -> SubmitResult:
        """「停止活动」."""
        with self.backend.via("screen"):
            try:
                self.backend.coupons.stop_discount(discount_id)
                result = SubmitResult(True, message="活动已停止")
            except SimError as exc:
                result = SubmitResult(False, message=exc.message)
        cls = "alisim-ok" if result.ok else "alisim-fail"
        self.manage_status.value = f"<div class='{cls}'>{esc(result.message)}</div>"
        self._render_list()
        return result

    def _render_list(self) -> None:
        self.list_view.value = discounts_table_html(self.backend)
        ids = [d.id for d in self.backend.coupons.discounts()]
        self.stop_id.options = ids
        self.stop_id.value = ids[-1] if ids else None

    def _load_saved(self) -> None:
        saved = self.backend.coupons.discounts()
        if not saved:
            return
        d = saved[-1]
        rts_ids = {p.id for p in self._rts}
        self.fill(
            name=d.name,
            valid_from=d.valid_from,
            valid_to=d.valid_to,
            audience=d.audience if d.audience in rules.DISCOUNT_AUDIENCES else None,
            product_ids=[pid for pid in d.product_ids if pid in rts_ids],
            stock_each=str(d.stock_each),
            discount=d.discount if d.discount in rules.ZHE_RATES else None,
        )
        self.status.value = f"<div class='alisim-ok'>✔ 已保存：{esc(d.id)} {esc(d.name)}</div>"


class OrderSimulator:
    """买家下单模拟: the store's products with quantities, a coupon, freight; the final amount step by step."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._products = [
            p for p in backend.state.products if p.status == "已发布" and (p.price_tiers or p.price_min_usd)
        ]
        self.qty = {p.id: W.Text(placeholder="数量", layout=W.Layout(width="80px")) for p in self._products}
        rows = [
            # Rows must not shrink inside the scrolling box (they would overlap).
            W.HBox([self.qty[p.id], W.HTML(f"{p.id} · {esc(_short(p.title))}　<span class='alisim-help'>{esc(p.price_text())}</span>")],
                   layout=W.Layout(flex="0 0 auto", min_height="36px", align_items="center"))
            for p in self._products
        ]  # fmt: skip
        first_day = min((c.valid_from for c in backend.coupons.coupons()), default=backend.today())
        self.order_date = W.Text(value=max(first_day, backend.today()).isoformat(), description="下单日期")
        self.coupon = W.Dropdown(options=self._coupon_options(), value=None, description="优惠券")
        self.shipping = W.Text(value="0", description="运费 US$")
        self.sample = W.Checkbox(value=False, description="样品订单", indent=False)
        button = W.Button(description="计算实付金额", button_style="warning")
        button.add_class("alisim-primary")
        button.on_click(lambda _b: self.calculate())
        self.result = W.HTML()
        self.last_quote: OrderQuote | None = None
        self.widget = W.VBox(
            [
                css(),
                W.HTML("<div class='alisim-head'><b>买家下单模拟</b><div class='alisim-sub'>一张订单：限时折扣 → 一张优惠券 → 运费（不打折）</div></div>"),
                W.VBox(rows, layout=W.Layout(max_height="260px", overflow="auto")),
                W.HBox([self.order_date, self.coupon]),
                W.HBox([self.shipping, self.sample]),
                button,
                self.result,
            ]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")

    def _coupon_options(self) -> list[tuple[str, Any]]:
        return [("不用券", None)] + [(f"{c.id} {c.title}", c.id) for c in self.backend.coupons.coupons()]

    def fill(self, *, items: dict[int, int] | None = None, order_date: Any = None, coupon_id: Any = None,
             shipping_usd: Any = None, sample: bool | None = None) -> OrderSimulator:  # fmt: skip
        """Type quantities (product id → quantity), the order date, the coupon, freight, sample or not."""
        self.coupon.options = self._coupon_options()
        if items is not None:
            unknown = [pid for pid in items if pid not in self.qty]
            if unknown:
                raise ValueError(f"店铺里没有可下单的产品：{unknown[0]}")
            for pid, box in self.qty.items():
                box.value = str(items.get(pid, ""))
        if order_date is not None:
            self.order_date.value = (
                order_date.isoformat() if isinstance(order_date, dt.date) else str(order_date)
            )
        if coupon_id is not None or items is not None:
            self.coupon.value = coupon_id
        if shipping_usd is not None:
            self.shipping.value = str(shipping_usd)
        if sample is not None:
            self.sample.value = bool(sample)
        return self

    def calculate(self) -> OrderQuote | None:
        """What the button does: the quote, shown step by step (or the reason it cannot be computed)."""
        items = {pid: box.value.strip() for pid, box in self.qty.items() if box.value.strip()}
        try:
            quote = self.backend.coupons.quote(
                items, order_date=self.order_date.value, coupon_id=self.coupon.value,
                shipping_usd=self.shipping.value, sample=self.sample.value,
            )  # fmt: skip
        except ValidationFailed as exc:
            self.result.value = f"<div class='alisim-fail'>{esc('；'.join(exc.by_field().values()))}</div>"
            return None
        except SimError as exc:
            self.result.value = f"<div class='alisim-fail'>{esc(exc.message)}</div>"
            return None
        self.last_quote = quote
        steps = "".join(f"<li>{esc(s)}</li>" for s in quote.steps)
        self.result.value = (
            f"<ol>{steps}</ol><div class='alisim-ok'>买家实付 US ${quote.total_usd:,.2f}</div>"
        )
        return quote

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
