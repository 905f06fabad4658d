"""交易管理's screens without a browser: the order forms, the orders page, the fee calculator, freight templates."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.freight import FreightPreview, FreightTemplateScreen
from alisim_widgets.screens.shell import SECTIONS
from alisim_widgets.screens.trade import FeeCalculator, InquiryOrderScreen, OrdersPage, TradeOrderScreen
from alisim_widgets.sim.errors import SimError
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.trade_data import DRESS, EUROPE, FREIGHT, INQUIRY_ORDER, TA_ORDER


@pytest.fixture
def backend(make_backend):
    return make_backend("08_trade")


@pytest.fixture
def order_screen(backend):
    return aw.screen_for("08.1.4", backend)


@pytest.fixture
def freight_screen(backend):
    return aw.screen_for("08.2.3", backend)


# --- 08.1.4 ----------------------------------------------------------------------------------------
def test_order_screen_keys_and_totals(order_screen):
    assert isinstance(order_screen, TradeOrderScreen)
    assert {"buyer_email", "product", "spec", "advance_usd", "export_via_onetouch", "services"} <= set(
        order_screen.inputs
    )
    order_screen.fill(quantity="100", unit_price_usd="36", advance_usd="1000")
    assert "USD 3,600.00" in order_screen.totals.value and "USD 2,600.00" in order_screen.totals.value


def test_textbook_order_gives_an_order_number_and_the_mail_advice(order_screen, backend):
    result = order_screen.fill(**TA_ORDER).submit()
    assert result.ok and result.data.order_no in result.message
    assert any("海外邮箱" in w for w in result.warnings)
    assert "alisim-ok" in order_screen.status.value and "126.COM" in order_screen.status.value


def test_export_choice_accepts_yes_and_no(order_screen):
    order_screen.fill(export_via_onetouch="no")
    assert order_screen.values()["export_via_onetouch"] == "不使用一达通报关"
    order_screen.fill(export_via_onetouch=True)
    assert order_screen.values()["export_via_onetouch"] == "使用一达通报关"


def test_product_picked_by_title_or_id_only_from_the_store(order_screen):
    assert order_screen.fill(product=3178).values()["product"] == DRESS
    with pytest.raises(ValueError, match="已发布的产品"):
        order_screen.fill(product="A product not in the store")


@pytest.mark.parametrize("key", ["buyer_name", "shipping_address", "buyer_email"])
def test_hostile_text_is_refused_and_kept(order_screen, backend, key):
    for bad in HOSTILE_TEXT.values():
        assert_refused(order_screen, TA_ORDER, key, bad, backend.path)


@pytest.mark.parametrize("key", ["quantity", "unit_price_usd", "advance_usd", "ship_within_days"])
def test_hostile_numbers_are_refused_and_kept(order_screen, backend, key):
    for bad in HOSTILE_NUMBER.values():
        assert_refused(order_screen, TA_ORDER, key, bad, backend.path)


def test_a_blocked_destination_is_shown_beside_the_address(order_screen, backend):
    result = order_screen.fill(**{**TA_ORDER, "shipping_address": "Havana, Cuba"}).submit()
    assert not result.ok and "古巴" in order_screen.error_labels["shipping_address"].value
    assert order_screen.values()["shipping_address"] == "Havana, Cuba"


def test_entry_refusal_is_a_message_and_saves_nothing(order_screen, backend):
    with backend.transaction("test.points") as work:
        work.trade.violation_points = 48
    before = file_bytes(backend.path)
    result = order_screen.fill(**TA_ORDER).submit()
    assert not result.ok and "违规扣分" in result.message and file_bytes(backend.path) == before


def test_the_saved_order_shows_again_after_a_restart(order_screen, make_backend):
    order_screen.fill(**TA_ORDER).submit()
    again = aw.screen_for("08.1.4", make_backend("08_trade"))
    values = again.values()
    assert (
        values["buyer_email"] == "DGQFAD@126.COM" and values["spec"] == "C10" and values["quantity"] == "100"
    )
    assert values["export_via_onetouch"] == "不使用一达通报关" and "已保存" in again.status.value


# --- 08.1.5 ----------------------------------------------------------------------------------------
def test_inquiry_fills_the_buyer_and_locks_the_email(backend):
    screen = aw.screen_for("08.1.5", backend)
    assert isinstance(screen, InquiryOrderScreen) and screen.inputs["buyer_email"].disabled
    assert "Amy Tang" in screen.widget.children[1].children[1].value  # the inquiry list
    screen.fill(inquiry_id="INQ-AMY-01")
    values = screen.values()
    amy = backend.trade.inquiry("INQ-AMY-01")
    assert values["buyer_email"] == amy.buyer_email and values["buyer_name"] == "Amy Tang"
    assert values["quantity"] == "50" and values["product"].startswith("Kids Plastic Balance Board")


def test_inquiry_order_from_the_textbook(backend):
    screen = aw.screen_for("08.1.5", backend)
    result = screen.fill(**INQUIRY_ORDER).submit()
    assert result.ok, result
    order = backend.trade.orders()[-1]
    assert order.inquiry_id == "INQ-AMY-01" and order.buyer_name == "Amy Tang" and order.total_usd == 300
    # The 08.1.4 page does not show an order drafted from an inquiry, and the other way round.
    assert aw.screen_for("08.1.4", backend).values()["buyer_email"] == ""
    assert aw.screen_for("08.1.5", backend).values()["consignee_name"] == "kayla"


@pytest.mark.parametrize("key", ["consignee_name", "consignee_mobile", "consignee_postcode"])
def test_consignee_fields_are_checked(backend, key):
    screen = aw.screen_for("08.1.5", backend)
    extra = ["测" * 61] if key == "consignee_name" else ["1" * 30, "abc"]
    for bad in ("", "<b>1</b>", *extra):
        assert_refused(screen, INQUIRY_ORDER, key, bad, backend.path)


# --- orders page and the fee calculator ------------------------------------------------------------------
def test_orders_page_moves_an_order_through_its_life(order_screen, backend):
    order_screen.fill(**{**TA_ORDER, "buyer_name": "Tom & Jerry"}).submit()
    page = OrdersPage(backend)
    assert "Tom &amp; Jerry" in page.table.value  # student text escaped
    assert page.confirm().ok and page.pay().ok
    assert not page.ship().ok and "才到账" in page.status.value
    for _ in range(3):
        page.next_day()
    assert page.ship().ok
    page.method.value = "Credit/Debit Card"
    assert page.pay().ok and "交易完成" in page.table.value
    assert page.withdraw().ok and "自主出口账户" in page.status.value


def test_orders_page_without_orders(backend):
    page = OrdersPage(backend)
    assert "还没有订单" in page.table.value and not page.confirm().ok


def test_fee_calculator_reproduces_the_table():
    calc = FeeCalculator("1500")
    rows = {r[0]: r for r in calc.rows()}
    assert rows["WesternUnion/WU"][1] == "45.00" and rows["Credit/Debit Card"][1] == "22.50"
    calc.amount.value = "20000"
    rows = {r[0]: r for r in calc.rows()}
    assert rows["WesternUnion/WU"][1] == "—" and "1,500" in rows["WesternUnion/WU"][3]
    calc.amount.value = "<script>"
    assert "<script>" not in calc.table.value


# --- 08.2.3 ----------------------------------------------------------------------------------------
def test_freight_screen_saves_the_textbook_template(freight_screen, backend):
    assert isinstance(freight_screen, FreightTemplateScreen)
    result = freight_screen.fill(**FREIGHT).submit()
    assert result.ok, result
    assert len(freight_screen.rows) == 2 and freight_screen.values()["destination"] == "France"
    assert "RTS 商品常规物流" in freight_screen.templates_view.value
    again = aw.screen_for("08.2.3", backend)  # shown again when reopened
    services = again.values()["services"]
    assert [s["service"] for s in services] == ["FedEx IP", "全球3C&普货专线"]
    assert services[0]["countries"] == EUROPE and services[0]["rate_pct"] == "50"


def test_freight_errors_appear_beside_the_services_and_values_stay(freight_screen, backend):
    before = file_bytes(backend.path)
    bad = {**FREIGHT, "services": [{**FREIGHT["services"][0], "pricing": "协商物流", "on_time": True}]}
    result = freight_screen.fill(**bad).submit()
    assert not result.ok and file_bytes(backend.path) == before
    label = freight_screen.error_labels["services"].value
    assert "服务类型 1" in label and "协商物流" in label and "承诺达" in label
    assert freight_screen.values()["services"][0]["pricing"] == "协商物流"


def test_express_only_on_the_screen(freight_screen):
    result = freight_screen.fill(**{**FREIGHT, "method": "海运"}).submit()
    assert "只支持快递" in result.errors["method"]


def test_service_rows_are_added_and_removed(freight_screen):
    freight_screen.add_row()
    freight_screen.add_row()
    assert [r.number for r in freight_screen.rows] == [1, 2, 3]
    freight_screen.remove_row(freight_screen.rows[1])
    assert [r.number for r in freight_screen.rows] == [1, 2]
    assert freight_screen.values()["services"] == []  # empty rows are not sent
    with pytest.raises(ValueError, match="服务类型没有这个选项"):
        freight_screen.fill(services=[{"service": "Rocket Mail"}])


def test_preview_widget(freight_screen, backend):
    freight_screen.fill(**FREIGHT).submit()
    html = FreightPreview(backend, 3178).render()
    assert html.count("<tr>") == 13 and "FedEx IP" in html and "France" in html
    assert "最小起订量 2 件" in html


def test_demo_menu_has_the_trade_pages(backend):
    pages = dict(SECTIONS["交易管理"])
    assert {
        "起草信用保障订单",
        "从询盘起草信保订单",
        "所有订单",
        "手续费计算器",
        "运费模板",
        "预览运费",
    } <= set(pages)
    for factory in pages.values():
        page = factory(backend)
        assert getattr(page, "widget", None) is not None


def test_an_order_is_amended_from_the_form_before_payment(order_screen, backend):
    order = order_screen.fill(**TA_ORDER).submit().data
    form = aw.screen_for("08.1.4", backend)
    assert order.order_no in [v for _label, v in form.edit_pick.options]
    form.edit_pick.value = order.order_no
    form._edit_clicked()  # the 载入修改 button
    assert "正在修改订单" in form.status.value and form.inputs["buyer_email"].disabled
    result = form.fill(quantity="120").submit()
    assert result.ok and "已修改" in result.message and len(backend.trade.orders()) == 1
    assert backend.trade.order(order.order_no).total_usd == 4320 and not form.editing
    backend.trade.buyer_confirms(order.order_no)
    backend.trade.buyer_pays(order.order_no, "Credit/Debit Card")
    with pytest.raises(SimError, match="已经付款"):
        form.edit(order.order_no)


def test_the_spec_list_follows_the_product(order_screen):
    order_screen.fill(spec="C11", product=DRESS)  # the product is set first, whatever the order
    assert [v for _l, v in order_screen.inputs["spec"].options] == ["", "C10", "C11", "C12"]
    assert order_screen.values()["spec"] == "C11"
    order_screen.fill(product=3177)  # the balance board has no specs
    assert order_screen.inputs["spec"].options == (("无规格", ""),) and order_screen.values()["spec"] == ""
    with pytest.raises(ValueError, match="这个产品的规格：无规格"):
        order_screen.fill(spec="C10")
