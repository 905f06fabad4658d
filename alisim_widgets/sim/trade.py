"""交易管理 › 信用保障订单 and e收汇订单 (L4606-4906): drafting (08.1.4), drafting from an inquiry (08.1.5),
amending, and the order's life on the scenario clock (the buyer confirms and pays, the seller ships, the
balance arrives, funds are withdrawn), with the payment-method fees of the table at L4732-4746.

Every figure of the order is computed here: total = quantity × unit price + other fees, balance = total −
advance. A refused draft names every broken field at once and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .trade_models import Payment, TradeOrder
from .workdays import add_working_days

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "TradeArea",
    "Fee",
    "TRADE_LABELS",
    "payment_fee",
    "blocked_destination",
    "mainland_mail",
    "money",
]

TRADE_LABELS: dict[str, str] = {
    "order_type": "订单类型",
    "inquiry_id": "询盘",
    "buyer_email": "买家邮箱",
    "buyer_name": "买家姓名",
    "shipping_address": "收货地址",
    "consignee_name": "收货人姓名",
    "consignee_mobile": "收货人手机号",
    "consignee_postcode": "收货地邮编",
    "product": "产品名称",
    "spec": "产品规格",
    "quantity": "数量",
    "unit_price_usd": "单价（USD）",
    "other_fees": "其他费用（USD）",
    "shipping_method": "运输方式",
    "trade_terms": "贸易术语",
    "advance_usd": "预付款（USD）",
    "ship_within_days": "发货时间（预付款到账后几个自然日内）",
    "export_via_onetouch": "出口方式",
    "services": "增值服务",
    "assurance_term": "信用保障条款",
    "payment_method": "支付方式",
    "currency": "交易币种",
    "note": "订单备注",
}

_TA, _ECOLLECT = rules.ORDER_TYPES
_YES = (True, "yes", "是", "使用", rules.TA_EXPORT_OPTIONS[0])
_NO = (False, "no", "否", "不使用", rules.TA_EXPORT_OPTIONS[1])
_CENT = Decimal("0.01")


def money(value: Any) -> Decimal:
    """Round half up to the cent (USD 1.5 % of 33.33 = 0.50)."""
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP)


def mainland_mail(email: str) -> bool:
    """Is the email at a mainland-China mail provider (126.com, qq.com…)? Advice only (RULES.md)."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return domain in rules.MAINLAND_MAIL_DOMAINS


def blocked_destination(address: str) -> str | None:
    """The destination Trade Assurance does not serve that the address names (L4832), else None."""
    for name, zh in rules.TA_BLOCKED_DESTINATIONS_ZH.items():
        if re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", address, re.IGNORECASE) or zh in address:
            return f"{zh}（{name}）"
    return None


# --- fees ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Fee:
    """The handling fee of one payment and when the money arrives."""

    method: str
    amount_usd: Decimal
    fee_usd: Decimal
    days: tuple[int, int]  # working days (0, 0): within hours
    rule: str  # how the fee was worked out, in Chinese

    @property
    def time_text(self) -> str:
        low, high = self.days
        if high == 0:
            return "1-2 小时"
        return f"{low}-{high} 个工作日" if low != high else f"{low} 个工作日"


def _clamp(value: Decimal, low: float, high: float) -> Decimal:
    return min(max(value, Decimal(str(low))), Decimal(str(high)))


def payment_fee(method: Any, amount: Any) -> Fee:
    """The handling fee of paying ``amount`` USD by ``method`` (the table at L4732-4746).

    Credit/Debit Card 1.5 % (at least 0.50); Online Transfer and Online Bank Payment 15-30 USD; Wire
    Transfer-T/T from 15 USD; Western Union 4.50-45.00; Pay Later 1.5 %. Where the table says "depends on
    the amount", the simulator's schedule in ``rules`` keeps the fee inside the printed range.
    """
    errors = FieldErrors()
    method = validate.choice(errors, "method", "支付方式", method, rules.PAYMENT_METHODS)
    value = validate.decimal(errors, "amount", "支付金额（USD）", amount, min_value=0.01)
    limit = rules.PAYMENT_LIMITS_USD.get(method) if method else None
    if value is not None and limit is not None and value > limit:
        errors.add("amount", f"{method} 每笔最多支付 USD {limit:,}（当前 {value:,}）", "limit")
    errors.raise_if_any()
    pct = value / 100
    if method == "Credit/Debit Card":
        fee = max(money(pct * Decimal(str(rules.CARD_FEE_PCT))), money(rules.CARD_FEE_MIN_USD))
        rule = f"支付金额的 {rules.CARD_FEE_PCT}%，最低 {rules.CARD_FEE_MIN_USD:.2f}"
    elif method in ("Online Transfer", "Online Bank Payment"):
        low, high = rules.BANK_FEE_RANGE_USD
        fee = money(_clamp(pct * Decimal(str(rules.BANK_FEE_PCT)), low, high))
        rule = f"{low}-{high} 美元，取决于付款金额"
    elif method == "Wire Transfer-T/T":
        fee = money(max(pct * Decimal(str(rules.TT_FEE_PCT)), Decimal(rules.TT_FEE_MIN_USD)))
        rule = f"{rules.TT_FEE_MIN_USD} 美元起，取决于付款金额"
    elif method == "WesternUnion/WU":
        low, high = rules.WU_FEE_RANGE_USD
        fee = money(_clamp(pct * Decimal(str(rules.WU_FEE_PCT)), low, high))
        rule = f"{low:.2f}-{high:.2f} 美元，取决于付款金额"
    else:  # Pay Later
        fee = money(pct * Decimal(str(rules.PAY_LATER_FEE_PCT)))
        rule = f"支付金额的 {rules.PAY_LATER_FEE_PCT}%"
    return Fee(method, money(value), fee, rules.PAYMENT_DAYS[method], rule)


# --- the area ------------------------------------------------------------------------------------
class TradeArea:
    """交易管理: Trade Assurance and e-收汇 orders of the store."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # reading
    def orders(self) -> list[TradeOrder]:
        return list(self.backend.state.trade.orders)

    def order(self, order_no: Any) -> TradeOrder:
        for o in self.backend.state.trade.orders:
            if o.order_no == str(order_no).strip():
                return o
        raise SimError(f"没有订单号为 {str(order_no)[:30]} 的订单")

    def inquiries(self) -> list[Any]:
        return list(self.backend.state.inquiries)

    def inquiry(self, inquiry_id: Any) -> Any:
        found = next((q for q in self.backend.state.inquiries if q.id == str(inquiry_id).strip()), None)
        if found is None:
            raise SimError(f"询盘列表里没有编号为 {str(inquiry_id)[:30]} 的询盘")
        return found

    def products(self) -> list[Any]:
        """The store's published products an order can list (添加产品: 线上已发布产品, L4675)."""
        return [p for p in self.backend.state.products if getattr(p, "status", "已发布") == "已发布"]

    def entry_problems(self, order_type: str = _TA) -> list[str]:
        """Why the store may not draft this kind of order now (L4644-4656, L4632-4634); empty: it may."""
        book, problems = self.backend.state.trade, []
        if book.violation_points >= rules.TA_MAX_VIOLATION_POINTS:
            problems.append(
                f"网站累计违规扣分 {book.violation_points} 分，需少于 {rules.TA_MAX_VIOLATION_POINTS} 分"
            )
        if book.serious_ip_complaints >= rules.TA_MAX_SERIOUS_IP:
            problems.append(
                f"严重侵权行为累计被投诉 {book.serious_ip_complaints} 次，需少于 {rules.TA_MAX_SERIOUS_IP} 次"
            )
        account = self.backend.state.account
        free = account is None or account.tier == rules.TIER_FREE
        if order_type == _ECOLLECT and free:
            problems.append(f"e收汇只对{rules.ECOLLECT_PAID_ONLY}开放，免费会员不能起草 e收汇订单")
        elif free and not book.alipay_verified:
            problems.append("免费会员需要先完成企业或法定代表人的支付宝实名认证")
        return problems

    # drafting
    def draft_order(self, values: dict[str, Any]) -> tuple[TradeOrder, list[str]]:
        """「提交订单」: check every field at once, then create the order (status 待买家确认).

        Returns the order (with its order number) and the advice (a mainland mail provider, 0-2 days…).
        """
        order, advice = self._checked(values, None)
        with self.backend.transaction("trade.draft_order", f"{order.order_no} {order.buyer_email}") as work:
            work.trade.orders = [*work.trade.orders, order]
        return order, advice

    def amend_order(self, order_no: Any, values: dict[str, Any]) -> tuple[TradeOrder, list[str]]:
        """「修改订单」: only before the buyer pays; the buyer email stays as drafted (L4673)."""
        old = self.order(order_no)
        if old.payments:
            raise SimError(f"订单 {old.order_no} 买家已经付款，不能再修改")
        order, advice = self._checked(values, old)
        with self.backend.transaction("trade.amend_order", old.order_no) as work:
            work.trade.orders = [order if o.order_no == old.order_no else o for o in work.trade.orders]
        return order, advice + ["订单已修改，需要买家重新确认"]

    def _checked(self, values: dict[str, Any], old: TradeOrder | None) -> tuple[TradeOrder, list[str]]:
        unknown = set(values) - set(TRADE_LABELS)
        if unknown:
            raise SimError(f"起草订单的表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        lab, get = TRADE_LABELS, values.get
        errors, advice = FieldErrors(), []
        order_type = get("order_type") or (old.order_type if old else _TA)
        order_type = validate.choice(errors, "order_type", lab["order_type"], order_type, rules.ORDER_TYPES)
        problems = self.entry_problems(order_type or _TA)
        if problems:
            raise SimError(f"暂时不能起草{order_type or _TA}：" + "；".join(problems))

        inquiry = None
        inquiry_id = validate.optional_text(
            errors, "inquiry_id", lab["inquiry_id"], get("inquiry_id"), max_len=40
        )
        if inquiry_id:
            inquiry = next((q for q in self.backend.state.inquiries if q.id == inquiry_id), None)
            if inquiry is None:
                errors.add("inquiry_id", f"询盘列表里没有编号为 {inquiry_id} 的询盘", "unknown")
        email = validate.email(errors, "buyer_email", lab["buyer_email"], get("buyer_email"))
        if email and old is not None and email.lower() != old.buyer_email.lower():
            errors.add("buyer_email", f"订单起草后买家邮箱不能修改（原为 {old.buyer_email}）", "locked")
        elif (
            email
            and inquiry is not None
            and inquiry.buyer_email
            and email.lower() != inquiry.buyer_email.lower()
        ):
            errors.add("buyer_email", "从询盘起草的订单，买家邮箱来自询盘，不能改成别的邮箱", "locked")
        if email and mainland_mail(email):
            advice.append(
                f"买家邮箱 {email} 是中国大陆的邮箱服务商：平台要求填写买家的海外邮箱，请确认这是买家在用的邮箱"
            )
        name = validate.text(errors, "buyer_name", lab["buyer_name"], get("buyer_name"), max_len=100)
        address = validate.text(
            errors, "shipping_address", lab["shipping_address"], get("shipping_address"), max_len=300
        )
        if address and (blocked := blocked_destination(address)):
            errors.add(
                "shipping_address",
                f"收货地址在{blocked}：信用保障和一达通不支持发往该国家或地区的订单",
                "destination",
            )
        consignee = validate.optional_text(
            errors, "consignee_name", lab["consignee_name"], get("consignee_name"), max_len=60
        )
        mobile = validate.optional_text(
            errors, "consignee_mobile", lab["consignee_mobile"], get("consignee_mobile"), max_len=20,
            allowed=r"0-9+\- ", allowed_desc="数字、+ 和 -",
        )  # fmt: skip
        if mobile and not 6 <= len(re.sub(r"\D", "", mobile)) <= 15:
            errors.add("consignee_mobile", f"{lab['consignee_mobile']}应为 6–15 位数字", "length")
        postcode = validate.optional_text(
            errors, "consignee_postcode", lab["consignee_postcode"], get("consignee_postcode"), max_len=10,
            allowed=r"A-Za-z0-9\- ", allowed_desc="字母、数字和 -",
        )  # fmt: skip

        if postcode and (len(postcode) < 3 or not re.search(r"\d", postcode)):
            errors.add(
                "consignee_postcode", f"{lab['consignee_postcode']}格式不正确（至少 3 位，含数字）", "format"
            )
        if inquiry_id:  # the online order page asks for the consignee (08.1.5)
            for key, value in (("consignee_name", consignee), ("consignee_mobile", mobile),
                               ("consignee_postcode", postcode)):  # fmt: skip
                if not value and not errors.has(key):
                    errors.add(key, f"{lab[key]}不能为空", "required")
        product = self._product(errors, get("product"))
        spec = validate.optional_text(errors, "spec", lab["spec"], get("spec"), max_len=40)
        if product is not None:
            if product.specs and not spec:
                errors.add("spec", f"请选择{lab['spec']}（{'、'.join(product.specs)}）", "required")
            elif spec and spec not in product.specs:
                have = "、".join(product.specs) if product.specs else "无规格"
                errors.add("spec", f"这个产品没有规格“{spec}”（可选：{have}）", "choice")
        quantity = validate.integer(errors, "quantity", lab["quantity"], get("quantity"), min_value=1,
                                    max_value=10_000_000)  # fmt: skip
        price = validate.decimal(
            errors, "unit_price_usd", lab["unit_price_usd"], get("unit_price_usd"), min_value=0.01,
            max_value=rules.TA_ORDER_MAX_USD,
        )  # fmt: skip
        other = validate.decimal(
            errors, "other_fees", lab["other_fees"], get("other_fees"), required=False, min_value=0,
            max_value=rules.TA_ORDER_MAX_USD,
        )  # fmt: skip
        other = other or Decimal(0)
        shipping = validate.choice(
            errors,
            "shipping_method",
            lab["shipping_method"],
            get("shipping_method"),
            rules.TA_SHIPPING_METHODS,
        )
        terms = validate.choice(
            errors, "trade_terms", lab["trade_terms"], get("trade_terms"), rules.TA_TRADE_TERMS
        )
        advance = validate.decimal(errors, "advance_usd", lab["advance_usd"], get("advance_usd"))
        if advance is not None and advance < rules.TA_MIN_ADVANCE_USD:
            errors.add(
                "advance_usd", f"预付款不能少于 {rules.TA_MIN_ADVANCE_USD} 美元（当前 {advance}）", "min"
            )
            advance = None
        days = validate.integer(errors, "ship_within_days", lab["ship_within_days"], get("ship_within_days"),
                                min_value=0, max_value=rules.TA_MAX_SHIP_DAYS)  # fmt: skip
        onetouch = self._onetouch(errors, get("export_via_onetouch"))
        services = validate.choices(
            errors, "services", lab["services"], get("services") or [], rules.TA_VALUE_ADDED_SERVICES
        )
        term = validate.optional_text(errors, "assurance_term", lab["assurance_term"], get("assurance_term"))
        if term and term not in rules.TA_ASSURANCE_TERMS:
            errors.add("assurance_term", f"{lab['assurance_term']}只能是：{'、'.join(rules.TA_ASSURANCE_TERMS)}",
                       "choice")  # fmt: skip
        note = validate.optional_text(errors, "note", lab["note"], get("note"), max_len=500, multiline=True)
        method, currency = "", "USD"
        if order_type == _ECOLLECT:
            method = validate.choice(errors, "payment_method", lab["payment_method"], get("payment_method"),
                                     rules.ECOLLECT_PAYMENT_METHODS)  # fmt: skip
            currency = validate.choice(
                errors, "currency", lab["currency"], get("currency") or "USD", rules.ECOLLECT_CURRENCIES
            )
            if term:
                errors.add("assurance_term", "e收汇订单不提供交易保障，没有信用保障条款", "ecollect")
        total = None
        if quantity is not None and price is not None:
            total = money(Decimal(quantity) * price + other)
            if total > rules.TA_ORDER_MAX_USD:
                errors.add("quantity", f"订单总价 USD {total:,} 超出模拟器允许的范围", "max")
                total = None
        if total is not None and advance is not None and advance > total:
            errors.add("advance_usd", f"预付款不能超过订单总价 USD {total:,.2f}（当前 {advance:,}）", "max")
        errors.raise_if_any()

        if days <= rules.TA_RISKY_SHIP_DAYS:
            advice.append(f"发货时间只留了 {days} 天，很容易逾期：建议预留相对充足的发货时间")
        if onetouch:
            advice.append("选择使用一达通报关出口前，请确认这批货能通过一达通报关，否则订单无法完成发货")
        today = self.backend.today()
        order = TradeOrder(
            order_no=old.order_no if old else self._next_no(),
            order_type=order_type,
            inquiry_id=inquiry.id if inquiry else "",
            buyer_email=old.buyer_email if old else email,
            buyer_name=name,
            shipping_address=address,
            consignee_name=consignee,
            consignee_mobile=mobile,
            consignee_postcode=postcode,
            product_id=product.id,
            product=product.title,
            spec=spec,
            quantity=quantity,
            unit_price_usd=float(price),
            other_fees_usd=float(other),
            total_usd=float(total),
            shipping_method=shipping,
            trade_terms=terms,
            advance_usd=float(money(advance)),
            balance_usd=float(total - money(advance)),
            ship_within_days=days,
            export_via_onetouch=onetouch,
            services=list(services or []),
            assurance_term=term,
            payment_method=method or "",
            currency=currency or "USD",
            note=note,
            drafted_on=old.drafted_on if old else today,
            amended_on=today if old else None,
            owner=old.owner if old else self.backend.state.acting_as,
        )
        return order, advice

    def _product(self, errors: FieldErrors, value: Any) -> Any:
        label = TRADE_LABELS["product"]
        if isinstance(value, int) and not isinstance(value, bool):
            found = next((p for p in self.products() if p.id == value), None)
            if found is None:
                errors.add("product", f"店铺里没有编号为 {value} 的已发布产品", "unknown")
            return found
        text = validate.text(errors, "product", label, value, max_len=300)
        if text is None:
            return None
        wanted = re.sub(r"\s+", " ", text).casefold()
        for p in self.products():
            if str(p.id) == text or re.sub(r"\s+", " ", p.title).casefold() == wanted:
                return p
        errors.add(
            "product", f"店铺里没有这个已发布的产品：{text[:40]}…（只能添加线上已发布产品）", "unknown"
        )
        return None

    @staticmethod
    def _onetouch(errors: FieldErrors, value: Any) -> bool | None:
        label = TRADE_LABELS["export_via_onetouch"]
        norm = value.strip().lower() if isinstance(value, str) else value
        if norm in (None, ""):
            errors.add("export_via_onetouch", f"请选择{label}", "required")
            return None
        if norm in _YES:
            return True
        if norm in _NO:
            return False
        errors.add("export_via_onetouch", f"{label}只能是：{'、'.join(rules.TA_EXPORT_OPTIONS)}", "choice")
        return None

    def _next_no(self) -> str:
        """A 17-digit order number like the platform's (31180305021026709, L4758): date and sequence."""
        n = len(self.backend.state.trade.orders) + 1
        return f"31{self.backend.today():%y%m%d}{self.backend.state.tick % 1000:03d}{n:06d}"

    # the order's life on the scenario clock
    def buyer_confirms(self, order_no: Any) -> TradeOrder:
        """The buyer confirms the drafted (or amended) order: it waits for the advance."""
        order = self.order(order_no)
        if order.status != "待买家确认":
            raise SimError(f"订单 {order.order_no} 的状态是“{order.status}”，不需要买家确认")
        with self.backend.transaction("trade.buyer_confirms", order.order_no) as work:
            target = self._in(work, order.order_no)
            target.status, target.confirmed_on = "待买家付款", self.backend.today()
        return self.order(order.order_no)

    def buyer_pays(self, order_no: Any, method: Any = "Wire Transfer-T/T") -> Payment:
        """The buyer pays the advance (order 待买家付款) or the balance (order 已发货), with ``method``'s fee.

        The money arrives after the method's processing time (working days on the scenario clock); an
        e收汇 order is paid by T/T (or D/P, counted like a T/T transfer) whatever ``method`` says.
        """
        order = self.order(order_no)
        if order.status == "待买家付款":
            kind, amount = "预付款", order.advance_usd
        elif order.status == "已发货" and order.balance_usd > 0:
            kind, amount = "尾款", order.balance_usd
        else:
            raise SimError(f"订单 {order.order_no} 的状态是“{order.status}”，现在没有要付的款项")
        if order.order_type == _ECOLLECT:
            method = "Wire Transfer-T/T"
        fee = payment_fee(method, amount)
        today = self.backend.today()
        arrives = add_working_days(today, fee.days[1]) if fee.days[1] else today
        payment = Payment(kind=kind, amount_usd=amount, method=fee.method, fee_usd=float(fee.fee_usd),
                          paid_on=today, arrives_on=arrives)  # fmt: skip
        with self.backend.transaction("trade.buyer_pays", f"{order.order_no} {kind} {fee.method}") as work:
            target = self._in(work, order.order_no)
            target.payments = [*target.payments, payment]
            if kind == "预付款":
                target.status = "待发货"
                target.ship_by = arrives + dt.timedelta(days=order.ship_within_days)
            else:
                target.status = "交易完成"
        return payment

    def ship(self, order_no: Any) -> list[str]:
        """The seller ships: only after the advance has arrived; late shipping is noted (按时发货率)."""
        order = self.order(order_no)
        if order.status != "待发货":
            raise SimError(f"订单 {order.order_no} 的状态是“{order.status}”，不能发货")
        today = self.backend.today()
        advance = next(p for p in order.payments if p.kind == "预付款")
        if advance.arrives_on > today:
            raise SimError(f"预付款要到 {advance.arrives_on} 才到账，到账后再发货")
        advice = []
        if order.ship_by and today > order.ship_by:
            advice.append(f"已超过承诺的发货日期（{order.ship_by}），会影响按时发货率")
        with self.backend.transaction("trade.ship", order.order_no) as work:
            target = self._in(work, order.order_no)
            target.shipped_on = today
            target.status = "已发货" if order.balance_usd > 0 else "交易完成"
        return advice

    def available_usd(self, order_no: Any) -> Decimal:
        """Money of the order that has arrived and is not withdrawn yet."""
        order = self.order(order_no)
        today = self.backend.today()
        arrived = sum((money(p.amount_usd) for p in order.payments if p.arrives_on <= today), Decimal(0))
        return arrived - money(order.withdrawn_usd)

    def withdraw(self, order_no: Any, amount: Any = None) -> str:
        """提现 (L4820-4823): from the 一达通 export account or the own export account; returns which."""
        order = self.order(order_no)
        available = self.available_usd(order.order_no)
        errors = FieldErrors()
        value = validate.decimal(errors, "amount", "提现金额（USD）", amount, required=False, min_value=0.01)
        errors.raise_if_any()
        value = available if value is None else value
        if available <= 0:
            raise SimError(f"订单 {order.order_no} 没有已到账、可提现的资金")
        if value > available:
            raise SimError(f"可提现金额只有 USD {available:,.2f}")
        account = "一达通出口账户" if order.export_via_onetouch else "自主出口账户"
        with self.backend.transaction("trade.withdraw", f"{order.order_no} {value}") as work:
            target = self._in(work, order.order_no)
            target.withdrawn_usd = float(money(target.withdrawn_usd) + value)
        return account

    @staticmethod
    def _in(work, order_no: str) -> TradeOrder:
        return next(o for o in work.trade.orders if o.order_no == order_no)
