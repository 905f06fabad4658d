"""营销中心 coupons and discounts: every setting rule on both sides, the L3714 order amount, the order simulator."""

from __future__ import annotations

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.coupons import final_amount, order_steps, zhe_rate, zhe_text
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from autograde.specs.p07_marketing import TASK_07_2_5, TASK_07_2_6, TASK_07_2_7
from tests.hostile import file_bytes


@pytest.fixture
def backend(make_backend):
    return make_backend("07_marketing")


def refused(backend, values: dict, key: str, rule: str | None = None, *, discount: bool = False):
    """The submission is refused with an error on ``key``, and the saved file did not change."""
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        (backend.coupons.create_discount if discount else backend.coupons.create_coupon)(values)
    assert key in exc.value.by_field(), exc.value.by_field()
    if rule:
        assert rule in {e.rule for e in exc.value.errors if e.field == key}
    assert file_bytes(backend.path) == before
    return exc.value.by_field()[key]


# --- the order amount (L3714) -----------------------------------------------------------------------------
def test_textbook_formula_reduce_and_percent():
    assert final_amount(1000, 0.9, ("满减", 300, 30)) == 870.0  # 1000 × 0.9 − 30
    assert final_amount(1000, 0.9, ("满折", 200, 0.7, 600)) == 630.0  # 1000 × 0.9 × 0.7
    assert final_amount(1000) == 1000.0 and final_amount(1000, 0.9) == 900.0


def test_the_cap_limits_a_percent_coupons_saving():
    assert final_amount(2000, None, ("满折", 200, 0.7, 600)) == 1400.0  # saves exactly 600
    assert final_amount(2000.01, None, ("满折", 200, 0.7, 600)) == 1400.01  # would save 600.003: capped
    assert final_amount(3000, None, ("满折", 200, 0.7, 600)) == 2400.0
    assert final_amount(3000, None, ("满折", 200, 0.7, None)) == 2100.0  # no cap


def test_the_threshold_is_reached_at_its_value_after_the_discount():
    assert final_amount(300, None, ("满减", 300, 30)) == 270.0
    assert final_amount(299.99, None, ("满减", 300, 30)) == 299.99
    # 330 × 0.9 = 297: the discounted amount misses the 300 threshold.
    assert final_amount(330, 0.9, ("满减", 300, 30)) == 297.0
    assert final_amount(334, 0.9, ("满减", 300, 30)) == pytest.approx(270.6)


def test_cents_are_rounded_half_up():
    assert final_amount(10.05, 0.9) == 9.05  # 9.045 → 9.05
    assert final_amount(99.99, 0.95, ("满折", 50, 0.85, None)) == pytest.approx(80.74)


def test_order_steps_freight_and_samples():
    quote = order_steps(1000, 0.9, ("满减", 300, 30), shipping_usd=50)
    assert float(quote.total_usd) == 920.0 and float(quote.goods_final_usd) == 870.0
    assert any("运费不打折" in s for s in quote.steps)
    sample = order_steps(1000, 0.9, ("满减", 300, 30), sample=True)
    assert float(sample.goods_final_usd) == 900.0 and any("样品订单" in s for s in sample.steps)


@pytest.mark.parametrize(
    "args",
    [
        (-1,),
        ("abc",),
        (True,),
        (100, 1.5),
        (100, 0),
        (100, "半价"),
        (100, None, ("满送", 1, 1)),
        (100, None, ("满折", 100, 7, 600)),
        (100, None, ("满减", 100, 10, 5)),
        (100, None, "满减"),
    ],
)
def test_bad_arguments_are_refused_in_chinese(args):
    with pytest.raises(SimError) as exc:
        final_amount(*args)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.value.message)


def test_zhe_rates():
    assert str(zhe_rate("7折")) == "0.7" and str(zhe_rate("9.5 折")) == "0.95"
    assert zhe_rate("10折") is None and zhe_rate("0.5折") is None and zhe_rate(0.7) is None
    assert zhe_text(0.7) == "7折" and zhe_text(0.95) == "9.5折"
    assert rules.ZHE_RATES[0] == "9.5折" and rules.ZHE_RATES[-1] == "1折"


# --- coupons: the textbook data and each rule on both sides -------------------------------------------------
def test_textbook_coupons_are_accepted_exactly(backend):
    backend.coupons.create_coupon(TASK_07_2_5)
    backend.coupons.create_coupon(TASK_07_2_7)
    reduce, percent = backend.coupons.coupons()
    assert (reduce.coupon_type, reduce.title, reduce.threshold_usd, reduce.discount_usd, reduce.quantity) == (
        "满减券", "9月外贸节满减优惠券", 300, 30, 1000,
    )  # fmt: skip
    assert (percent.discount, percent.max_discount_usd, percent.threshold_usd, percent.quantity) == (
        "7折",
        600,
        200,
        100,
    )
    assert percent.discount_usd is None and reduce.discount == ""
    assert backend.coupons.status(reduce) == "发放中"  # published today (2022-08-20), usable from 09-01


def test_title_at_most_60_characters(backend):
    backend.coupons.create_coupon({**TASK_07_2_5, "title": "券" * rules.COUPON_TITLE_MAX})
    message = refused(backend, {**TASK_07_2_5, "title": "券" * 61}, "title", "max_len")
    assert "60" in message and "61" in message


def test_validity_at_most_62_days(backend):
    backend.coupons.create_coupon(
        {**TASK_07_2_5, "valid_from": "2022-09-01", "valid_to": "2022-11-01"}
    )  # 62 days
    message = refused(backend, {**TASK_07_2_5, "valid_to": "2022-11-02"}, "valid_to", "validity")
    assert "62" in message and "63" in message


def test_dates_in_order_and_not_in_the_past(backend):
    refused(backend, {**TASK_07_2_5, "valid_from": "2022-08-19"}, "valid_from", "date_range")
    backend.coupons.create_coupon({**TASK_07_2_5, "valid_from": "2022-08-20", "valid_to": "2022-08-20"})
    refused(backend, {**TASK_07_2_5, "valid_to": "2022-08-31"}, "valid_to", "date_range")
    refused(backend, {**TASK_07_2_5, "valid_from": "2022/09/01"}, "valid_from", "date")


@pytest.mark.parametrize(
    "face,ok", [(5, True), (10, True), (4, False), (12, False), (0, False), ("7.5", False)]
)
def test_face_value_at_least_5_and_a_multiple_of_5(backend, face, ok):
    values = {**TASK_07_2_5, "discount_usd": face}
    if ok:
        backend.coupons.create_coupon(values)
    else:
        refused(backend, values, "discount_usd")


def test_threshold_greater_than_the_face_value(backend):
    refused(backend, {**TASK_07_2_5, "threshold_usd": 30}, "threshold_usd", "threshold")
    backend.coupons.create_coupon({**TASK_07_2_5, "threshold_usd": 30.01})


@pytest.mark.parametrize(
    "quantity,ok", [(1, True), (10_000, True), (0, False), (10_001, False), ("1.5", False)]
)
def test_quantity_up_to_10000(backend, quantity, ok):
    values = {**TASK_07_2_5, "quantity": quantity}
    if ok:
        backend.coupons.create_coupon(values)
    else:
        refused(backend, values, "quantity")


def test_at_most_10_coupons_at_a_time_and_stopping_frees_one(backend):
    for n in range(rules.COUPONS_ACTIVE_MAX):
        backend.coupons.create_coupon({**TASK_07_2_5, "title": f"券 {n}"})
    message = refused(backend, TASK_07_2_5, "coupon_type", "active_max")
    assert "10" in message
    backend.coupons.stop_coupon("CP-0001")
    backend.coupons.create_coupon(TASK_07_2_5)
    assert len(backend.coupons.active_coupons()) == 10


def test_an_ended_coupon_does_not_count(backend):
    for n in range(rules.COUPONS_ACTIVE_MAX):
        backend.coupons.create_coupon(
            {**TASK_07_2_5, "valid_from": "2022-08-20", "valid_to": "2022-08-25", "title": f"{n}"}
        )
    backend.advance_days(6)
    assert backend.coupons.status(backend.coupons.coupons()[0]) == "已结束"
    backend.coupons.create_coupon(TASK_07_2_5)


def test_percent_coupon_needs_a_rate_and_advises_a_cap(backend):
    refused(backend, {**TASK_07_2_7, "discount": None}, "discount", "required")
    refused(backend, {**TASK_07_2_7, "discount": "10折"}, "discount", "choice")
    refused(backend, {**TASK_07_2_7, "max_discount_usd": "-1"}, "max_discount_usd")
    advice = backend.coupons.create_coupon({**TASK_07_2_7, "max_discount_usd": None})
    assert any("上限" in a for a in advice)


def test_other_types_fields_are_ignored_and_said(backend):
    advice = backend.coupons.create_coupon({**TASK_07_2_5, "discount": "7折"})
    assert any("已忽略" in a for a in advice) and backend.coupons.coupons()[-1].discount == ""


def test_scope_specific_products_rts_only_and_at_most_50(backend):
    values = {**TASK_07_2_5, "scope": "特定商品"}
    refused(backend, values, "product_ids", "required")
    refused(backend, {**values, "product_ids": [3168]}, "product_ids", "rts")  # a customization product
    refused(backend, {**values, "product_ids": [9999]}, "product_ids", "unknown")
    refused(backend, {**values, "product_ids": list(range(1, 52))}, "product_ids", "max_n")
    refused(backend, {**values, "product_ids": "3175, abc"}, "product_ids", "type")
    refused(backend, {**values, "product_ids": [3175, 3175]}, "product_ids", "unique")
    backend.coupons.create_coupon({**values, "product_ids": "3175、3176"})
    assert backend.coupons.coupons()[-1].product_ids == [3175, 3176]


@pytest.mark.parametrize("key", ["coupon_type", "scene", "scope", "audience", "publish"])
def test_choices_only_from_the_backends_lists(backend, key):
    refused(backend, {**TASK_07_2_5, key: "别的"}, key, "choice")


@pytest.mark.parametrize(
    "bad", ["<script>alert(1)</script>", "好券😀", "x'); DROP TABLE accounts; --", "", "a\x00b"]
)
def test_hostile_titles_are_refused(backend, bad):
    refused(backend, {**TASK_07_2_5, "title": bad}, "title")


def test_unknown_form_keys_are_refused(backend):
    with pytest.raises(SimError):
        backend.coupons.create_coupon({**TASK_07_2_5, "colour": "red"})


def test_scheduled_publishing(backend):
    refused(backend, {**TASK_07_2_5, "publish": "定时发布"}, "publish_on", "required")
    refused(
        backend, {**TASK_07_2_5, "publish": "定时发布", "publish_on": "2022-08-20"}, "publish_on", "future"
    )
    refused(
        backend,
        {**TASK_07_2_5, "publish": "定时发布", "publish_on": "2022-10-01"},
        "publish_on",
        "date_range",
    )
    backend.coupons.create_coupon({**TASK_07_2_5, "publish": "定时发布", "publish_on": "2022-08-25"})
    coupon = backend.coupons.coupons()[-1]
    assert backend.coupons.status(coupon) == "待发布"
    with pytest.raises(SimError, match="发放中"):
        backend.coupons.claim(coupon.id, "buyer@example.com")
    backend.advance_days(5)
    assert backend.coupons.status(backend.coupons.coupon(coupon.id)) == "发放中"


# --- quantity changes, stopping, claiming --------------------------------------------------------------------
def test_raise_while_issuing_lower_only_after_stopping(backend):
    backend.coupons.create_coupon(TASK_07_2_5)
    backend.coupons.change_quantity("CP-0001", 1001)
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.coupons.change_quantity("CP-0001", 1000)
    assert exc.value.errors[0].rule == "lower_after_stop" and file_bytes(backend.path) == before
    with pytest.raises(ValidationFailed):
        backend.coupons.change_quantity("CP-0001", 10_001)
    backend.coupons.stop_coupon("CP-0001")
    backend.coupons.change_quantity("CP-0001", 500)
    assert backend.coupons.coupon("CP-0001").quantity == 500
    with pytest.raises(SimError):
        backend.coupons.stop_coupon("CP-0001")  # already stopped


def test_quantity_never_below_what_was_claimed(backend):
    backend.coupons.create_coupon({**TASK_07_2_5, "quantity": 3})
    for buyer in ("a@x.com", "b@x.com"):
        backend.coupons.claim("CP-0001", buyer)
    backend.coupons.stop_coupon("CP-0001")
    with pytest.raises(ValidationFailed) as exc:
        backend.coupons.change_quantity("CP-0001", 1)
    assert exc.value.errors[0].rule == "claimed"


def test_each_buyer_claims_once_and_no_more_than_issued(backend):
    backend.coupons.create_coupon({**TASK_07_2_5, "quantity": 1})
    backend.coupons.claim("CP-0001", "Amy@x.com")
    with pytest.raises(SimError, match="只能领取一次"):
        backend.coupons.claim("CP-0001", "amy@x.com")
    with pytest.raises(SimError, match="领完"):
        backend.coupons.claim("CP-0001", "bob@x.com")
    with pytest.raises(SimError):
        backend.coupons.claim("CP-9999", "bob@x.com")


# --- discounts ---------------------------------------------------------------------------------------------
def test_textbook_discount_is_accepted_exactly(backend):
    assert backend.coupons.create_discount(TASK_07_2_6) == []
    d = backend.coupons.discounts()[-1]
    assert (d.name, d.product_ids, d.stock_each, d.discount, d.audience) == (
        "9月外贸节专享折扣", [3175, 3176, 3177, 3178, 3179], 500, "9折", "所有人群",
    )  # fmt: skip
    assert backend.coupons.discount_status(d) == "未开始"


def test_discount_stock_at_most_each_products_stock(backend):
    stock = {p.id: p.stock for p in backend.state.products}[3175]  # 800, the smallest of the five
    backend.coupons.create_discount({**TASK_07_2_6, "stock_each": stock})
    message = refused(backend, {**TASK_07_2_6, "stock_each": stock + 1}, "stock_each", "stock", discount=True)
    assert "3175" in message


def test_discount_products_rts_and_known(backend):
    refused(backend, {**TASK_07_2_6, "product_ids": [3168]}, "product_ids", "rts", discount=True)
    refused(backend, {**TASK_07_2_6, "product_ids": [1]}, "product_ids", "unknown", discount=True)
    refused(backend, {**TASK_07_2_6, "product_ids": []}, "product_ids", "required", discount=True)
    refused(backend, {**TASK_07_2_6, "discount": "9 折扣"}, "discount", "choice", discount=True)
    refused(backend, {**TASK_07_2_6, "audience": "全部买家"}, "audience", "choice", discount=True)
    refused(backend, {**TASK_07_2_6, "name": "<b>折扣</b>"}, "name", discount=True)


def test_overlapping_discounts_warn(backend):
    backend.coupons.create_discount(TASK_07_2_6)
    advice = backend.coupons.create_discount(
        {**TASK_07_2_6, "name": "第二个", "product_ids": [3175], "discount": "8折"}
    )
    assert any("3175" in a for a in advice)
    assert backend.coupons.discount_on(3175, backend.today().replace(month=9, day=20)).name == "第二个"


# --- the buyer's order -------------------------------------------------------------------------------------
@pytest.fixture
def september(backend):
    backend.coupons.create_discount(TASK_07_2_6)
    backend.coupons.create_coupon(TASK_07_2_5)
    backend.coupons.create_coupon(TASK_07_2_7)
    return backend


def test_order_with_the_discount_and_the_reduce_coupon(september):
    # 3175 × 10 at 42 = 420, 3176 × 20 at 5.50 = 110 → 530 × 0.9 = 477 − 30 = 447, + 25 freight.
    quote = september.coupons.quote(
        {3175: 10, 3176: 20}, order_date="2022-09-20", coupon_id="CP-0001", shipping_usd=25
    )
    assert float(quote.goods_usd) == 530 and float(quote.discounted_usd) == 477
    assert float(quote.goods_final_usd) == 447 and float(quote.total_usd) == 472
    assert quote.coupon_used == "CP-0001"
    assert float(quote.goods_final_usd) == final_amount(530, 0.9, ("满减", 300, 30))


def test_order_with_the_percent_coupon_hits_the_cap(september):
    quote = september.coupons.quote({3175: 100}, order_date="2022-09-20", coupon_id="CP-0002")
    assert float(quote.discounted_usd) == 3510 and float(quote.coupon_saving_usd) == 600
    assert float(quote.goods_final_usd) == final_amount(3900, 0.9, ("满折", 200, 0.7, 600))


def test_before_the_discount_starts_only_the_coupon_applies(september):
    quote = september.coupons.quote({3175: 10}, order_date="2022-09-10", coupon_id="CP-0001")
    assert float(quote.goods_final_usd) == 390


@pytest.mark.parametrize(
    "kw,reason",
    [
        ({"order_date": "2022-08-25"}, "有效期"),
        ({"order_date": "2022-09-20", "sample": True}, "样品"),
    ],
)
def test_coupon_refused_on_the_order(september, kw, reason):
    quote = september.coupons.quote({3175: 10}, coupon_id="CP-0001", **kw)
    assert float(quote.coupon_saving_usd) == 0 and any(reason in s for s in quote.steps)


def test_specific_products_coupon_covers_only_its_products(backend):
    backend.coupons.create_coupon({**TASK_07_2_5, "scope": "特定商品", "product_ids": [3176]})
    quote = backend.coupons.quote({3175: 10}, order_date="2022-09-20", coupon_id="CP-0001")
    assert float(quote.coupon_saving_usd) == 0 and any("适用范围" in s for s in quote.steps)


def test_bad_orders_are_refused(backend):
    for items in ({}, {9999: 1}, {3175: 0}, {3175: "x"}, {3175: 1}):  # 3175's ladder starts at 2
        with pytest.raises(SimError):
            backend.coupons.quote(items)
    with pytest.raises(ValidationFailed):
        backend.coupons.quote({3175: 2}, order_date="next week")


def test_a_sales_sub_account_may_not_create_coupons(backend):
    backend.switch_account("sub01")  # 业务员
    with pytest.raises(PermissionDenied):
        backend.coupons.create_coupon(TASK_07_2_5)
    assert backend.coupons.coupons() == []
