"""交易管理 › 起草信用保障订单 (08.1.4), 询盘 › 起草信保订单 (08.1.5), 所有订单 and the payment-fee calculator.

The forms collect what was typed; the simulator (``backend.trade``) computes the totals, checks every rule and
gives the order number. The orders page moves an order through its life on the scenario clock.
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.errors import SimError, ValidationFailed
from ..sim.trade import TRADE_LABELS as L
from ..sim.trade import money, payment_fee
from ..sim.trade_models import TradeOrder
from .base import Field, Screen, SubmitResult, esc
from .style import css

__all__ = ["TradeOrderScreen", "InquiryOrderScreen", "OrdersPage", "FeeCalculator", "orders_table_html"]

_TA = rules.ORDER_TYPES[0]
_NUMBER = re.compile(r"^\s*\d+(\.\d+)?\s*$")


def _num(text: Any) -> float | None:
    text = str(text or "").replace(",", "")
    return float(text) if _NUMBER.match(text) else None


def _short(title: str, n: int = 60) -> str:
    return title if len(title) <= n else title[:n] + "…"


class TradeOrderScreen(Screen):
    """起草信用保障订单 (or e收汇订单): buyer, product, payment terms, shipping, value-added services."""

    title = "起草信用保障订单"
    subtitle = "My Alibaba › 交易管理 › 起草信用保障订单"
    task_id = "08.1.4"
    submit_label = "提交订单"
    from_inquiry = False

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._products = backend.trade.products()
        self.fields = self._fields()
        super().__init__(backend)
        self.totals = W.HTML()
        # 修改订单: pick an order the buyer has not paid yet and load it into the form.
        self.edit_pick = W.Dropdown(description="修改订单", layout=W.Layout(width="420px"))
        edit_button = W.Button(description="载入修改")
        edit_button.on_click(lambda _b: self._edit_clicked())
        edit_row = W.HBox([self.edit_pick, edit_button])
        kids = list(self.widget.children)
        self.widget.children = [*kids[:2], edit_row, kids[2], self.totals, *kids[3:]]
        for key in ("quantity", "unit_price_usd", "other_fees", "advance_usd"):
            self.inputs[key].observe(lambda _c: self._render_totals(), "value")
        self._render_totals()
        self._refresh_editable()

    def _refresh_editable(self) -> None:
        open_orders = [o for o in self.backend.trade.orders() if self._mine(o) and not o.payments]
        self.edit_pick.options = [("不修改，起草新订单", "")] + [
            (f"{o.order_no} · {o.buyer_name} · USD {o.total_usd:,.2f}", o.order_no) for o in open_orders
        ]
        self.edit_pick.value = self.editing or ""

    def _edit_clicked(self) -> None:
        if self.edit_pick.value:
            try:
                self.edit(self.edit_pick.value)
            except SimError as exc:
                self.status.value = f"<div class='alisim-fail'>✘ {esc(exc.message)}</div>"

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._refresh_editable()
        return result

    def _fields(self) -> tuple[Field, ...]:
        titles = tuple(p.title for p in self._products)
        head = (
            Field("order_type", L["order_type"], "radio", True, rules.ORDER_TYPES,
                  help="信用保障订单买卖双方都能起草；e收汇订单只能由卖家起草，只支持 T/T 和 D/P"),
        )  # fmt: skip
        buyer = (
            Field("buyer_email", L["buyer_email"], required=True, placeholder="买家在用的海外邮箱",
                  help="订单起草后买家邮箱不能修改"),
            Field("buyer_name", L["buyer_name"], required=True),
            Field("shipping_address", L["shipping_address"], "textarea", True,
                  help="收货地址找不到某个市时可选择“其他”后填写"),
        )  # fmt: skip
        product = (
            Field("product", L["product"], "select", True, titles, help="只能添加线上已发布的产品"),
            Field("spec", L["spec"], "spec", help="选好产品后，从这个产品的规格里选（没有规格的产品不用选）"),
            Field("quantity", L["quantity"], required=True, placeholder="件"),
            Field("unit_price_usd", L["unit_price_usd"], required=True),
            Field("other_fees", L["other_fees"], placeholder="没有就留空"),
            Field("shipping_method", L["shipping_method"], "select", True, rules.TA_SHIPPING_METHODS),
            Field("trade_terms", L["trade_terms"], "select", True, rules.TA_TRADE_TERMS),
            Field("advance_usd", L["advance_usd"], required=True,
                  help=f"预付款不少于 {rules.TA_MIN_ADVANCE_USD} 美元；想一次付全款就填订单总价（100%）"),
            Field("ship_within_days", L["ship_within_days"], required=True, placeholder="自然日",
                  help="填 0–2 天很容易逾期，建议预留充足的发货时间"),
            Field("export_via_onetouch", L["export_via_onetouch"], "radio", True, rules.TA_EXPORT_OPTIONS),
            Field("services", L["services"], "multiselect", False, rules.TA_VALUE_ADDED_SERVICES),
        )  # fmt: skip
        ecollect = (
            Field("payment_method", L["payment_method"], "select", False, rules.ECOLLECT_PAYMENT_METHODS,
                  help="只有 e收汇订单填写"),
            Field("currency", L["currency"], "select", False, rules.ECOLLECT_CURRENCIES, help="只有 e收汇订单填写"),
            Field("note", L["note"], "textarea", max_len=500,
                  placeholder="如：如遇到中国的法定节假日，发货日期向后顺延*日"),
        )  # fmt: skip
        return head + buyer + product + ecollect

    # --- values ----------------------------------------------------------------------------------
    def make_input(self, f: Field) -> W.Widget:
        widget = super().make_input(f) if f.kind != "spec" else W.Dropdown(layout=W.Layout(width="420px"))
        if f.key == "product":
            widget.observe(lambda ch: self._spec_options(ch["new"]), "value")
        if f.kind == "spec":
            self.inputs["spec"] = widget
            self._spec_options(None)
        return widget

    def _spec_options(self, title: Any) -> None:
        """The spec list follows the chosen product (its sales specifications, e.g. C10 / C11 / C12)."""
        box = self.inputs.get("spec")
        if box is None:
            return
        product = next((p for p in self._products if p.title == title), None)
        specs = list(product.specs) if product else []
        box.options = [("请选择规格", ""), *[(x, x) for x in specs]] if specs else [("无规格", "")]
        box.value = ""

    def fill(self, **values: Any) -> Screen:
        # The product first: its specs are what the spec list offers.
        ordered = dict(sorted(values.items(), key=lambda kv: kv[0] != "product"))
        return super().fill(**ordered)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.key == "product":
            widget.value = self._product_option(value)
        elif f.kind == "spec":
            offered = [v for _label, v in widget.options]
            text = "" if value is None else str(value).strip()
            if text not in offered:
                have = "、".join(v for v in offered if v) or "无规格"
                raise ValueError(f"{L['spec']}没有这个选项：{text[:20]}（这个产品的规格：{have}）")
            widget.value = text
        elif f.key == "export_via_onetouch":
            yes, no = rules.TA_EXPORT_OPTIONS
            mapping = {True: yes, False: no, "yes": yes, "no": no, "是": yes, "否": no}
            key = value.strip().lower() if isinstance(value, str) else value
            super()._set(f, widget, mapping.get(key, value) if not isinstance(key, (list, dict)) else value)
        else:
            super()._set(f, widget, value)

    def _product_option(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        wanted = re.sub(r"\s+", " ", str(value)).strip().casefold()
        for p in self._products:
            if value == p.id or wanted in (str(p.id), re.sub(r"\s+", " ", p.title).casefold()):
                return p.title
        raise ValueError(f"{L['product']}没有这个选项：{str(value)[:60]}（只能添加线上已发布的产品）")

    def _render_totals(self) -> None:
        q, price = _num(self.inputs["quantity"].value), _num(self.inputs["unit_price_usd"].value)
        other = _num(self.inputs["other_fees"].value) or 0.0
        advance = _num(self.inputs["advance_usd"].value) or 0.0
        if q is None or price is None:
            self.totals.value = "<div class='alisim-help'>订单总价：填写数量和单价后自动计算</div>"
            return
        total = money(q * price + other)
        balance = total - money(advance)
        self.totals.value = (
            f"<div class='alisim-help' style='font-size:13px;color:#333'>订单总价：<b>USD {total:,.2f}</b>"
            f"　预付款金额：USD {money(advance):,.2f}　尾款金额：<b>USD {balance:,.2f}</b></div>"
        )

    # --- submitting ------------------------------------------------------------------------------
    editing: str | None = None  # the order being amended (修改订单), else a new one is drafted

    def _apply(self, values: dict[str, Any]) -> Any:
        values = {k: v for k, v in values.items() if not (k == "order_type" and v is None)}
        if self.editing:
            order, advice = self.backend.trade.amend_order(self.editing, values)
            self.editing = None
            self.inputs["buyer_email"].disabled = self.from_inquiry
            return SubmitResult(True, warnings=advice, message=f"订单 {order.order_no} 已修改", data=order)
        order, advice = self.backend.trade.draft_order(values)
        return SubmitResult(True, warnings=advice, message=self._created(order), data=order)

    def edit(self, order_no: Any) -> TradeOrderScreen:
        """修改订单: load a saved order into the form; the next submit amends it (before the buyer pays)."""
        order = self.backend.trade.order(order_no)
        if order.payments:
            raise SimError(f"订单 {order.order_no} 买家已经付款，不能再修改")
        self._show(SubmitResult(True))
        self._show_order(order)
        self.editing = order.order_no
        self.inputs["buyer_email"].disabled = True  # 订单起草后买家邮箱不能修改
        self.status.value = (
            f"<div class='alisim-warn'>正在修改订单 {esc(order.order_no)}：改好后点“{esc(self.submit_label)}”。"
            "买家邮箱不能修改，修改后需要买家重新确认。</div>"
        )
        return self

    @staticmethod
    def _created(order: TradeOrder) -> str:
        return (
            f"订单创建成功！系统已发送邮件通知买家。订单编号：{order.order_no}，订单金额 USD {order.total_usd:,.2f}"
            f"（预付款 USD {order.advance_usd:,.2f}，尾款 USD {order.balance_usd:,.2f}）"
        )

    def _mine(self, order: TradeOrder) -> bool:
        return not order.inquiry_id

    def _load_saved(self) -> None:
        mine = [o for o in self.backend.trade.orders() if self._mine(o)]
        if not mine:
            return
        self._show_order(mine[-1])
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已保存：{esc(self._created(mine[-1]))}（{esc(mine[-1].status)}）</div>"
        )

    def _show_order(self, o: TradeOrder) -> None:
        values: dict[str, Any] = {
            "buyer_email": o.buyer_email, "buyer_name": o.buyer_name, "shipping_address": o.shipping_address,
            "product": o.product if o.product in self.field("product").options else None, "spec": o.spec,
            "quantity": o.quantity, "unit_price_usd": f"{o.unit_price_usd:g}",
            "other_fees": f"{o.other_fees_usd:g}" if o.other_fees_usd else "",
            "shipping_method": o.shipping_method, "trade_terms": o.trade_terms,
            "advance_usd": f"{o.advance_usd:g}", "ship_within_days": o.ship_within_days,
            "export_via_onetouch": o.export_via_onetouch, "services": o.services, "note": o.note,
        }  # fmt: skip
        if "order_type" in self.inputs:
            values.update(order_type=o.order_type, payment_method=o.payment_method or None,
                          currency=o.currency if o.payment_method else None)  # fmt: skip
        else:
            values.update(inquiry_id=o.inquiry_id, consignee_name=o.consignee_name,
                          consignee_mobile=o.consignee_mobile, consignee_postcode=o.consignee_postcode,
                          assurance_term=o.assurance_term or None)  # fmt: skip
        self.fill(**{k: v for k, v in values.items() if k in self.inputs})


class InquiryOrderScreen(TradeOrderScreen):
    """询盘 › 起草信保订单: pick an inquiry; its buyer fills the order's buyer fields (the email is locked)."""

    title = "从询盘起草线上信保订单"
    subtitle = "My Alibaba › 商机沟通 › 询盘 › 起草信保订单"
    task_id = "08.1.5"
    from_inquiry = True

    def _fields(self) -> tuple[Field, ...]:
        self._inquiries = self.backend.trade.inquiries()
        base = {f.key: f for f in super()._fields()}
        pick = Field("inquiry_id", L["inquiry_id"], "select", True, tuple(q.id for q in self._inquiries),
                     help="选中询盘后，买家邮箱和姓名从询盘带入")  # fmt: skip
        consignee = (
            Field("consignee_name", L["consignee_name"], required=True),
            Field("consignee_mobile", L["consignee_mobile"], required=True),
            Field("consignee_postcode", L["consignee_postcode"], required=True),
        )
        term = Field("assurance_term", L["assurance_term"], "radio", True, rules.TA_ASSURANCE_TERMS)
        keys = ("buyer_email", "buyer_name", "product", "spec", "quantity", "unit_price_usd", "other_fees",
                "shipping_method", "trade_terms", "advance_usd", "ship_within_days")  # fmt: skip
        tail = ("export_via_onetouch", "services")
        return (pick, *(base[k] for k in keys), *consignee, base["shipping_address"],
                *(base[k] for k in tail), term, base["note"])  # fmt: skip

    def _header(self) -> W.Widget:
        rows = "".join(
            f"<tr><td>{esc(q.id)}</td><td>{esc(q.buyer)}</td><td>{esc(q.buyer_country)}</td>"
            f"<td>{esc(q.subject)}</td><td>{esc(q.received_on)}</td></tr>"
            for q in self.backend.trade.inquiries()
        )
        table = (
            "<b>询盘列表</b><table class='alisim-table'><tr><th>编号</th><th>买家</th><th>国家</th>"
            f"<th>主题</th><th>收到日期</th></tr>{rows}</table>"
        )
        button = W.Button(description="起草信保订单", button_style="warning")
        button.on_click(lambda _b: self._from_inquiry(self.inputs["inquiry_id"].value))
        help_text = W.HTML(
            "<div class='alisim-help'>在下面选中询盘后点“起草信保订单”，买家信息从询盘带入</div>"
        )
        return W.VBox([super()._header(), W.HTML(table), W.HBox([button, help_text])])

    def make_input(self, f: Field) -> W.Widget:
        if f.key == "inquiry_id":
            labels = [(f"{q.id} · {q.buyer} · {_short(q.subject, 40)}", q.id) for q in self._inquiries]
            widget = W.Dropdown(
                options=[("请选择询盘", None), *labels], value=None, layout=W.Layout(width="420px")
            )
        else:
            widget = super().make_input(f)
        if f.key == "inquiry_id":
            widget.observe(lambda ch: self._from_inquiry(ch["new"]), "value")
        if f.key == "buyer_email":
            widget.disabled = True  # comes from the inquiry
        return widget

    def _from_inquiry(self, inquiry_id: Any) -> None:
        """起草信保订单 on an inquiry: its buyer's email and name (and product, quantity) fill the order."""
        q = next((q for q in self._inquiries if q.id == inquiry_id), None)
        if q is None:
            return
        self.inputs["buyer_email"].value = q.buyer_email
        self.inputs["buyer_name"].value = q.buyer
        product = next((p for p in self._products if p.id == q.product_id), None)
        if product is not None:
            self.inputs["product"].value = product.title
        if q.quantity:
            self.inputs["quantity"].value = str(q.quantity)

    def fill(self, **values: Any) -> Screen:
        # The inquiry first, so that what else is given overrides what it brought in.
        if "inquiry_id" in values:
            super().fill(inquiry_id=values["inquiry_id"])
        return super().fill(**{k: v for k, v in values.items() if k != "inquiry_id"})

    def _apply(self, values: dict[str, Any]) -> Any:
        return super()._apply({**values, "order_type": _TA})

    def _mine(self, order: TradeOrder) -> bool:
        return bool(order.inquiry_id)


# --- the orders page -----------------------------------------------------------------------------
def orders_table_html(backend: Backend) -> str:
    """所有订单: every order with its figures, status and deadlines (every value escaped)."""
    orders = backend.trade.orders()
    if not orders:
        return "<div class='alisim-help'>还没有订单。</div>"
    head = (
        "订单编号",
        "类型",
        "买家",
        "产品",
        "订单金额",
        "预付款",
        "尾款",
        "状态",
        "最晚发货",
        "已到账/已提现",
    )
    rows = []
    for o in orders:
        arrived = backend.trade.available_usd(o.order_no) + money(o.withdrawn_usd)
        cells = (
            o.order_no, o.order_type.replace("信用保障订单", "信保").replace("e收汇订单", "e收汇"), f"{o.buyer_name} <{o.buyer_email}>", _short(o.product, 40),
            f"USD {o.total_usd:,.2f}", f"USD {o.advance_usd:,.2f}", f"USD {o.balance_usd:,.2f}", o.status,
            o.ship_by or "—", f"USD {arrived:,.2f} / {o.withdrawn_usd:,.2f}",
        )  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    return (
        "<table class='alisim-table'><tr>"
        + "".join(f"<th style='white-space:nowrap'>{h}</th>" for h in head)
        + f"</tr>{''.join(rows)}</table>"
    )


class OrdersPage:
    """所有订单: the buyer confirms and pays, the seller ships, funds arrive and are withdrawn."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.pick = W.Dropdown(description="订单", layout=W.Layout(width="360px"))
        self.method = W.Dropdown(options=list(rules.PAYMENT_METHODS), value="Wire Transfer-T/T",
                                 description="支付方式", layout=W.Layout(width="360px"))  # fmt: skip
        self.table = W.HTML()
        self.status = W.HTML()
        self.clock = W.HTML()
        buttons = []
        for label, action in (
            ("买家确认订单", self.confirm),
            ("买家付款", self.pay),
            ("发货", self.ship),
            ("提现", self.withdraw),
            ("模拟时钟 +1 天", self.next_day),
        ):
            b = W.Button(description=label, button_style="warning")
            b.on_click(lambda _b, a=action: a())
            buttons.append(b)
        self.widget = W.VBox(
            [css(), W.HTML("<div class='alisim-head'><b>所有订单</b></div>"), self.clock, self.table,
             W.HBox([self.pick, self.method]), W.HBox(buttons), self.status]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        orders = self.backend.trade.orders()
        current = self.pick.value
        self.pick.options = [(f"{o.order_no} · {o.status}", o.order_no) for o in orders]
        if orders:  # keep the chosen order; otherwise the latest one
            self.pick.value = current if current in [o.order_no for o in orders] else orders[-1].order_no
        self.table.value = orders_table_html(self.backend)
        self.clock.value = f"<div class='alisim-help'>模拟日期：{self.backend.today()}</div>"

    def _do(self, action) -> SubmitResult:
        if not self.pick.value and action is not self.backend.advance_days:
            result = SubmitResult(False, message="请先选择一个订单")
        else:
            try:
                outcome = action()
                result = SubmitResult(True, message=outcome if isinstance(outcome, str) else "已完成")
            except ValidationFailed as exc:
                result = SubmitResult(False, errors=exc.by_field(), message=exc.message)
            except SimError as exc:
                result = SubmitResult(False, message=exc.message)
        cls = "alisim-ok" if result.ok else "alisim-fail"
        self.status.value = f"<div class='{cls}'>{esc(result.message)}</div>"
        self.refresh()
        return result

    def confirm(self) -> SubmitResult:
        return self._do(
            lambda: f"买家已确认订单，状态：{self.backend.trade.buyer_confirms(self.pick.value).status}"
        )

    def pay(self) -> SubmitResult:
        def run() -> str:
            p = self.backend.trade.buyer_pays(self.pick.value, self.method.value)
            return (f"买家用 {p.method} 支付{p.kind} USD {p.amount_usd:,.2f}，手续费 USD {p.fee_usd:,.2f}，"
                    f"预计 {p.arrives_on} 到账")  # fmt: skip

        return self._do(run)

    def ship(self) -> SubmitResult:
        def run() -> str:
            advice = self.backend.trade.ship(self.pick.value)
            return "已发货" + ("：" + "；".join(advice) if advice else "")

        return self._do(run)

    def withdraw(self) -> SubmitResult:
        return self._do(lambda: f"已提现到{self.backend.trade.withdraw(self.pick.value)}")

    def next_day(self) -> SubmitResult:
        return self._do(lambda: f"模拟日期：{self.backend.advance_days(1)}")

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


class FeeCalculator:
    """手续费计算器: the handling fee of every payment method for one amount (the table at L4732-4746)."""

    def __init__(self, amount: Any = "1000") -> None:
        self.amount = W.Text(value=str(amount), description="支付金额 USD", layout=W.Layout(width="280px"))
        self.table = W.HTML()
        self.amount.observe(lambda _c: self.render(), "value")
        self.widget = W.VBox(
            [css(), W.HTML("<div class='alisim-head'><b>手续费计算器</b></div>"), self.amount, self.table]
        )
        self.widget.add_class("alisim-screen")
        self.render()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(method, fee, total the buyer pays, processing time) for the current amount."""
        out = []
        for method in rules.PAYMENT_METHODS:
            try:
                fee = payment_fee(method, self.amount.value)
                out.append(
                    (method, f"{fee.fee_usd:,.2f}", f"{fee.amount_usd + fee.fee_usd:,.2f}", fee.time_text)
                )
            except ValidationFailed as exc:
                out.append((method, "—", "—", "；".join(e.message for e in exc.errors)))
        return out

    def render(self) -> None:
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in self.rows())
        self.table.value = (
            "<table class='alisim-table'><tr><th>支付方式</th><th>手续费 USD</th><th>合计 USD</th>"
            f"<th>处理时间</th></tr>{body}</table>"
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
