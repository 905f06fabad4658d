"""交易管理's orders: drafting rules on both sides of each limit, the order's life, the payment fee table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.trade import blocked_destination, payment_fee
from tests.hostile import file_bytes
from tests.trade_data import BOARD, INQUIRY_ORDER, sim_order


@pytest.fixture
def backend(make_backend):
    return make_backend("08_trade")


def refused(backend, values: dict) -> dict[str, str]:
    """Draft ``values``: it must be refused; the store file is left as it was. Returns field → message."""
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as info:
        backend.trade.draft_order(values)
    assert file_bytes(backend.path) == before
    assert backend.trade.orders() == []
    return info.value.by_field()


# --- drafting (08.1.4) ---------------------------------------------------------------------------------
def test_textbook_order_is_accepted_with_its_totals_and_an_order_number(backend):
    order, advice = backend.trade.draft_order(sim_order())
    assert (order.total_usd, order.advance_usd, order.balance_usd) == (3600, 1000, 2600)
    assert order.spec == "C10" and order.quantity == 100 and order.export_via_onetouch is False
    assert order.status == "待买家确认" and order.drafted_on == dt.date(2022, 9, 10)
    assert len(order.order_no) == 17 and order.order_no.isdigit()
    # DGQFAD@126.COM: a mainland mail provider warns, it is never refused (RULES.md, Contradictions).
    assert any("126.COM" in a and "海外邮箱" in a for a in advice)
    assert (backend.path.parent / STATE_FILENAME).exists()


def test_order_numbers_differ(backend):
    first, _ = backend.trade.draft_order(sim_order())
    second, _ = backend.trade.draft_order(sim_order())
    assert first.order_no != second.order_no


def test_overseas_email_gives_no_advice(backend):
    _, advice = backend.trade.draft_order(sim_order(buyer_email="lin.meimei@gmail.com"))
    assert not any("海外邮箱" in a for a in advice)


@pytest.mark.parametrize(
    "advance,ok", [("0.99", False), ("1", True), ("3600", True), ("3600.01", False), ("-5", False)]
)
def test_advance_at_least_1_usd_and_at_most_the_total(backend, advance, ok):
    if ok:
        order, _ = backend.trade.draft_order(sim_order(advance_usd=advance))
        assert order.balance_usd == pytest.approx(3600 - float(advance))
    else:
        assert "advance_usd" in refused(backend, sim_order(advance_usd=advance))


def test_full_advance_leaves_no_balance(backend):
    order, _ = backend.trade.draft_order(sim_order(advance_usd="3600"))
    assert order.balance_usd == 0


def test_other_fees_add_to_the_total(backend):
    order, _ = backend.trade.draft_order(sim_order(other_fees="150.5"))
    assert order.total_usd == pytest.approx(3750.5) and order.balance_usd == pytest.approx(2750.5)


@pytest.mark.parametrize("name", rules.TA_BLOCKED_DESTINATIONS)
def test_destinations_not_served_are_refused_with_the_reason(backend, name):
    errors = refused(backend, sim_order(shipping_address=f"12 Main Road, Capital City, {name}"))
    assert rules.TA_BLOCKED_DESTINATIONS_ZH[name] in errors["shipping_address"]
    assert "不支持" in errors["shipping_address"]


def test_myanmar_and_words_that_merely_contain_a_name_are_served(backend):
    assert blocked_destination("Yangon, Myanmar") is None
    assert blocked_destination("Cubana Street 5, Madrid, Spain") is None
    assert blocked_destination("德黑兰，伊朗") == "伊朗（Iran）"
    backend.trade.draft_order(sim_order(shipping_address="Yangon, Myanmar"))


@pytest.mark.parametrize(
    "spec,product,ok",
    [("C10", None, True), ("C12", None, True), ("C99", None, False), ("", None, False), ("C10", BOARD, False),
     ("", BOARD, True)],
)  # fmt: skip
def test_spec_must_be_one_of_the_products_specs(backend, spec, product, ok):
    values = sim_order(spec=spec, **({"product": product} if product else {}))
    if ok:
        backend.trade.draft_order(values)
    else:
        assert "spec" in refused(backend, values)


def test_product_must_be_published_in_the_store(backend):
    assert "product" in refused(backend, sim_order(product="A dress that is not in the store"))


def test_every_wrong_field_is_named_at_once(backend):
    errors = refused(
        backend,
        sim_order(buyer_email="not-an-email", quantity="0", unit_price_usd="abc", shipping_method="火箭",
                  trade_terms="XYZ", ship_within_days="-1", export_via_onetouch="maybe"),
    )  # fmt: skip
    assert set(errors) >= {"buyer_email", "quantity", "unit_price_usd", "shipping_method", "trade_terms",
                           "ship_within_days", "export_via_onetouch"}  # fmt: skip


@pytest.mark.parametrize("days,warns", [("0", True), ("2", True), ("3", False)])
def test_zero_to_two_shipping_days_are_advised_against(backend, days, warns):
    _, advice = backend.trade.draft_order(sim_order(ship_within_days=days))
    assert any("容易逾期" in a for a in advice) is warns


def test_ship_days_upper_bound(backend):
    backend.trade.draft_order(sim_order(ship_within_days=str(rules.TA_MAX_SHIP_DAYS)))
    with pytest.raises(ValidationFailed):
        backend.trade.draft_order(sim_order(ship_within_days=str(rules.TA_MAX_SHIP_DAYS + 1)))


# --- entry rules (L4644-4656) ---------------------------------------------------------------------
def _standing(backend, **fields) -> None:
    with backend.transaction("test.standing") as work:
        for key, value in fields.items():
            if key == "tier":
                work.account.tier = value
            else:
                setattr(work.trade, key, value)


@pytest.mark.parametrize("points,ok", [(47, True), (48, False)])
def test_violation_points_below_48(backend, points, ok):
    _standing(backend, violation_points=points)
    if ok:
        backend.trade.draft_order(sim_order())
    else:
        with pytest.raises(SimError, match="违规扣分 48 分"):
            backend.trade.draft_order(sim_order())


@pytest.mark.parametrize("count,ok", [(2, True), (3, False)])
def test_serious_ip_complaints_below_3(backend, count, ok):
    _standing(backend, serious_ip_complaints=count)
    if ok:
        backend.trade.draft_order(sim_order())
    else:
        with pytest.raises(SimError, match="侵权"):
            backend.trade.draft_order(sim_order())


def test_free_member_needs_alipay_verification(backend):
    _standing(backend, tier=rules.TIER_FREE, alipay_verified=False)
    with pytest.raises(SimError, match="支付宝实名认证"):
        backend.trade.draft_order(sim_order())
    _standing(backend, alipay_verified=True)
    backend.trade.draft_order(sim_order())


# --- e-收汇 ----------------------------------------------------------------------------------------
def test_ecollect_takes_tt_or_dp_in_usd_or_rmb(backend):
    order, _ = backend.trade.draft_order(
        sim_order(order_type="e收汇订单", payment_method="D/P", currency="RMB")
    )
    assert order.order_type == "e收汇订单" and order.currency == "RMB"
    errors = refused_keep(backend, sim_order(order_type="e收汇订单", payment_method="L/C", currency="EUR"))
    assert set(errors) == {"payment_method", "currency"}


def refused_keep(backend, values):
    with pytest.raises(ValidationFailed) as info:
        backend.trade.draft_order(values)
    return info.value.by_field()


def test_ecollect_has_no_assurance_term_and_no_free_members(backend):
    values = sim_order(order_type="e收汇订单", payment_method="T/T", assurance_term="保障到收货后")
    assert "assurance_term" in refused(backend, values)
    _standing(backend, tier=rules.TIER_FREE)
    with pytest.raises(SimError, match="付费供应商"):
        backend.trade.draft_order(sim_order(order_type="e收汇订单", payment_method="T/T"))


# --- from an inquiry (08.1.5) -----------------------------------------------------------------------
def test_amy_tangs_inquiry_is_in_the_inbox(backend):
    amy = backend.trade.inquiry("INQ-AMY-01")
    assert amy.buyer == "Amy Tang" and amy.product_id == 3177 and amy.buyer_email


def test_order_from_the_inquiry_keeps_the_inquiry_and_the_buyer(backend):
    amy = backend.trade.inquiry("INQ-AMY-01")
    values = {**INQUIRY_ORDER, "buyer_email": amy.buyer_email, "buyer_name": amy.buyer}
    order, _ = backend.trade.draft_order(values)
    assert order.inquiry_id == "INQ-AMY-01" and (order.total_usd, order.balance_usd) == (300, 100)
    assert order.consignee_mobile == "15899635888" and order.assurance_term == "保障到收货后"
    assert "buyer_email" in refused_keep(backend, {**values, "buyer_email": "someone.else@example.com"})
    assert "inquiry_id" in refused_keep(backend, {**values, "inquiry_id": "INQ-NOPE"})


# --- amending --------------------------------------------------------------------------------------
def test_amend_before_payment_but_never_the_buyer_email(backend):
    order, _ = backend.trade.draft_order(sim_order())
    amended, advice = backend.trade.amend_order(order.order_no, sim_order(quantity="120"))
    assert amended.order_no == order.order_no and amended.total_usd == 4320 and amended.amended_on
    assert any("重新确认" in a for a in advice)
    with pytest.raises(ValidationFailed) as info:
        backend.trade.amend_order(order.order_no, sim_order(buyer_email="new@example.com"))
    assert "buyer_email" in info.value.by_field()
    backend.trade.buyer_confirms(order.order_no)
    backend.trade.buyer_pays(order.order_no, "Credit/Debit Card")
    with pytest.raises(SimError, match="已经付款"):
        backend.trade.amend_order(order.order_no, sim_order())


# --- the order's life on the scenario clock ---------------------------------------------------------
def test_confirm_pay_ship_balance_withdraw(backend):
    order, _ = backend.trade.draft_order(sim_order())
    no = order.order_no
    with pytest.raises(SimError, match="没有要付的款项"):
        backend.trade.buyer_pays(no)  # not confirmed yet
    backend.trade.buyer_confirms(no)
    payment = backend.trade.buyer_pays(no, "Wire Transfer-T/T")
    assert (payment.kind, payment.fee_usd) == ("预付款", 15.0)
    # 2022-09-10 is a Saturday: two working days later is Tuesday the 13th.
    assert payment.arrives_on == dt.date(2022, 9, 13)
    assert backend.trade.order(no).ship_by == dt.date(2022, 9, 18)
    with pytest.raises(SimError, match="才到账"):
        backend.trade.ship(no)
    assert backend.trade.available_usd(no) == 0
    backend.advance_days(3)
    assert backend.trade.available_usd(no) == Decimal("1000.00")
    assert backend.trade.ship(no) == []
    assert backend.trade.order(no).status == "已发货"
    balance = backend.trade.buyer_pays(no, "Credit/Debit Card")
    assert balance.kind == "尾款" and balance.fee_usd == 39.0 and balance.arrives_on == backend.today()
    assert backend.trade.order(no).status == "交易完成"
    assert backend.trade.withdraw(no, "500") == "自主出口账户"
    assert backend.trade.available_usd(no) == Decimal("3100.00")
    with pytest.raises(SimError, match="可提现金额只有"):
        backend.trade.withdraw(no, "3100.01")
    backend.trade.withdraw(no)
    with pytest.raises(SimError, match="没有已到账"):
        backend.trade.withdraw(no)


def test_late_shipping_is_noted(backend):
    order, _ = backend.trade.draft_order(
        sim_order(ship_within_days="1", export_via_onetouch="使用一达通报关")
    )
    backend.trade.buyer_confirms(order.order_no)
    backend.trade.buyer_pays(order.order_no, "Credit/Debit Card")
    backend.advance_days(5)
    assert any("按时发货率" in a for a in backend.trade.ship(order.order_no))
    assert backend.trade.withdraw(order.order_no) == "一达通出口账户"


def test_full_advance_order_is_complete_when_shipped(backend):
    order, _ = backend.trade.draft_order(sim_order(advance_usd="3600"))
    backend.trade.buyer_confirms(order.order_no)
    backend.trade.buyer_pays(order.order_no, "Credit/Debit Card")
    backend.trade.ship(order.order_no)
    assert backend.trade.order(order.order_no).status == "交易完成"


def test_the_order_survives_a_restart(backend, make_backend):
    order, _ = backend.trade.draft_order(sim_order())
    again = make_backend("08_trade")
    assert again.trade.order(order.order_no).buyer_name == "Lin meimei"


# --- the fee table (L4732-4746), to the cent ---------------------------------------------------------
@pytest.mark.parametrize(
    "method,amount,fee",
    [
        ("Credit/Debit Card", "1000", "15.00"),
        ("Credit/Debit Card", "20", "0.50"),  # 1.5 % is 0.30: the minimum applies
        ("Credit/Debit Card", "33.33", "0.50"),
        ("Credit/Debit Card", "34", "0.51"),
        ("Online Transfer", "1000", "15.00"),
        ("Online Transfer", "10000", "30.00"),
        ("Online Bank Payment", "7000", "21.00"),
        ("Wire Transfer-T/T", "1000", "15.00"),
        ("Wire Transfer-T/T", "40000", "40.00"),
        ("WesternUnion/WU", "100", "4.50"),
        ("WesternUnion/WU", "1000", "30.00"),
        ("WesternUnion/WU", "1500", "45.00"),
        ("Pay Later", "1000", "15.00"),
    ],
)
def test_payment_fees(method, amount, fee):
    assert payment_fee(method, amount).fee_usd == Decimal(fee)


@pytest.mark.parametrize(
    "method,limit", [("Credit/Debit Card", "12000"), ("WesternUnion/WU", "1500"), ("Pay Later", "10000")]
)
def test_payment_limits(method, limit):
    payment_fee(method, limit)
    with pytest.raises(ValidationFailed) as info:
        payment_fee(method, str(Decimal(limit) + Decimal("0.01")))
    assert "amount" in info.value.by_field()


def test_processing_times():
    assert payment_fee("Credit/Debit Card", 10).time_text == "1-2 小时"
    assert payment_fee("Online Bank Payment", 10).time_text == "4-5 个工作日"
    assert payment_fee("WesternUnion/WU", 10).time_text == "1 个工作日"


def test_unknown_method_and_bad_amounts_are_refused():
    for method, amount in (("Bitcoin", 10), ("Pay Later", "0"), ("Pay Later", "abc")):
        with pytest.raises(ValidationFailed):
            payment_fee(method, amount)
