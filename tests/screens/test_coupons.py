"""营销中心 screens without a browser: 创建优惠券, 折扣营销, 买家下单模拟, 橱窗管理, and the demo's 营销中心 menu."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.coupons import OrderSimulator, coupons_table_html
from alisim_widgets.screens.shell import SECTIONS
from alisim_widgets.screens.showcases import ShowcaseScreen
from autograde.check import score_task
from autograde.specs.p07_marketing import TASK_07_2_5, TASK_07_2_6, TASK_07_2_7
from tests.hostile import assert_refused, file_bytes


@pytest.fixture
def backend(make_backend):
    return make_backend("07_marketing")


def test_reduce_coupon_textbook_data_full_marks(backend):
    screen = aw.screen_for("07.2.5", backend)
    result = screen.fill(**TASK_07_2_5).submit()
    assert result.ok and "CP-0001" in result.message
    assert score_task("07.2.5", backend).full
    assert "9月外贸节满减优惠券" in screen.list_view.value and "发放中" in screen.list_view.value


def test_percent_coupon_keeps_the_default_scene(backend):
    screen = aw.screen_for("07.2.7", backend)
    assert screen.values()["scene"] == "详情页/旺铺"
    assert screen.fill(**TASK_07_2_7).submit().ok
    assert backend.coupons.coupons()[-1].scene == "详情页/旺铺"
    assert score_task("07.2.7", backend).full


@pytest.mark.parametrize(
    "key,bad",
    [
        ("title", "券" * 61),
        ("title", "<script>alert(1)</script>"),
        ("valid_to", "2022-11-02"),
        ("threshold_usd", "abc"),
        ("threshold_usd", "30"),
        ("discount_usd", "12"),
        ("quantity", "10001"),
        ("quantity", "-5"),
    ],
)
def test_refused_input_is_named_the_store_unchanged_and_the_typing_kept(backend, key, bad):
    assert_refused(aw.screen_for("07.2.5", backend), TASK_07_2_5, key, bad, backend.path)


def test_errors_show_beside_their_fields(backend):
    screen = aw.screen_for("07.2.5", backend)
    result = screen.fill(**{**TASK_07_2_5, "title": "券" * 61, "discount_usd": "7"}).submit()
    assert set(result.errors) == {"title", "discount_usd"}
    assert "60" in screen.error_labels["title"].value and screen.error_labels["discount_usd"].value
    assert not screen.error_labels["quantity"].value


def test_specific_products_are_picked_by_id_or_title(backend):
    screen = aw.screen_for("07.2.5", backend)
    deerc = next(p for p in backend.state.products if p.id == 3175).title
    screen.fill(**{**TASK_07_2_5, "scope": "特定商品", "product_ids": [deerc, "3176"]})
    assert screen.values()["product_ids"] == [3175, 3176]
    assert screen.submit().ok and backend.coupons.coupons()[-1].product_ids == [3175, 3176]
    with pytest.raises(ValueError, match="直接下单品"):
        screen.fill(product_ids=[3168])  # a customization product is not offered


def test_quantity_change_and_stop_from_the_list(backend):
    screen = aw.screen_for("07.2.5", backend)
    screen.fill(**TASK_07_2_5).submit()
    result = screen.change_quantity("CP-0001", "900")
    assert not result.ok and "先停止" in screen.manage_status.value
    assert screen.change_quantity("CP-0001", "1200").ok
    assert screen.stop("CP-0001").ok and "已停止" in screen.list_view.value
    assert screen.change_quantity("CP-0001", "900").ok
    assert backend.coupons.coupon("CP-0001").quantity == 900


def test_the_form_shows_the_saved_coupon_after_a_restart(backend, tmp_path):
    aw.screen_for("07.2.5", backend).fill(**TASK_07_2_5).submit()
    aw.screen_for("07.2.7", backend).fill(**TASK_07_2_7).submit()
    reopened = aw.open_backend("07_marketing", path=tmp_path)
    reduce = aw.screen_for("07.2.5", reopened).values()
    percent = aw.screen_for("07.2.7", reopened).values()
    assert reduce["title"] == TASK_07_2_5["title"] and reduce["discount_usd"] == "30"
    assert (
        percent["coupon_type"] == "满折券"
        and percent["discount"] == "7折"
        and percent["max_discount_usd"] == "600"
    )


def test_student_text_is_escaped_in_the_list(backend):
    backend.coupons.create_coupon({**TASK_07_2_5, "title": 'Tom & Jerry\'s "deal"'})
    html = coupons_table_html(backend)
    assert "Tom &amp; Jerry&#x27;s &quot;deal&quot;" in html


def test_discount_textbook_data_full_marks_and_restart(backend, tmp_path):
    screen = aw.screen_for("07.2.6", backend)
    assert screen.fill(**TASK_07_2_6).submit().ok
    assert score_task("07.2.6", backend).full and "DC-0001" in screen.list_view.value
    values = aw.screen_for("07.2.6", aw.open_backend("07_marketing", path=tmp_path)).values()
    assert values["product_ids"] == [3175, 3176, 3177, 3178, 3179] and values["discount"] == "9折"


def test_discount_refusals_keep_the_form(backend):
    screen = aw.screen_for("07.2.6", backend)
    assert_refused(screen, TASK_07_2_6, "stock_each", "801", backend.path)
    assert_refused(screen, TASK_07_2_6, "valid_from", "2022-08-01", backend.path)
    assert screen.values()["product_ids"] == [3175, 3176, 3177, 3178, 3179]


def test_stopping_a_discount(backend):
    screen = aw.screen_for("07.2.6", backend)
    screen.fill(**TASK_07_2_6).submit()
    assert screen.stop("DC-0001").ok and "已停止" in screen.list_view.value
    assert not screen.stop("DC-0001").ok


def test_order_simulator_step_by_step(backend):
    backend.coupons.create_discount(TASK_07_2_6)
    backend.coupons.create_coupon(TASK_07_2_5)
    sim = OrderSimulator(backend)
    quote = sim.fill(
        items={3175: 10, 3176: 20}, order_date="2022-09-20", coupon_id="CP-0001", shipping_usd=25
    ).calculate()
    assert float(quote.total_usd) == 472
    assert "472.00" in sim.result.value and "<ol>" in sim.result.value
    sim.fill(items={3175: 1})  # under the ladder's first tier
    assert sim.calculate() is None and "起订" in sim.result.value
    with pytest.raises(ValueError):
        sim.fill(items={4242: 1})


# --- 橱窗管理 --------------------------------------------------------------------------------------------------
def test_showcase_screen_operations(backend):
    screen = ShowcaseScreen(backend)
    assert "3 / 10" in screen.slots_view.value and "（空）" in screen.slots_view.value
    assert screen.fill(action="添加", product_id=3175).submit().ok
    assert "4 / 10" in screen.slots_view.value
    result = screen.fill(
        action="设置橱窗卖点", product_id=3175, selling_points=["Ready to Ship", "MOQ 2"]
    ).submit()
    assert result.ok and "48" in result.warnings[0]
    assert "Ready to Ship、MOQ 2" in screen.slots_view.value
    with pytest.raises(ValueError, match="卖点"):
        screen.fill(selling_points=["Cheapest ever"])
    result = screen.fill(action="添加", product_id=3175).submit()
    assert not result.ok and "product_id" in result.errors and screen.error_labels["product_id"].value


def test_showcase_screen_search_and_advice(backend):
    screen = ShowcaseScreen(backend)
    assert "顶级展位" in screen.search_view.value and "P4P" in screen.search_view.value
    results = screen.search("rc car")
    assert results[0].kind == "顶级展位" and "本店" in screen.search_view.value
    assert "3175" in screen.advice_view.value
    assert screen.search("<script>x</script>") == [] and "<script>" not in screen.search_view.value


def test_the_demo_menu_has_the_marketing_pages(make_backend):
    demo = aw.open_backend("demo", path=None)
    pages = dict(SECTIONS["营销中心"])
    for label in ("橱窗管理", "优惠券", "折扣营销", "买家下单模拟"):
        page = pages[label](demo)
        assert page.widget is not None
    assert file_bytes(demo.path) is None if demo.path else True


@pytest.mark.parametrize("task_id", ["07.2.5", "07.2.6", "07.2.7"])
def test_the_textbook_data_raises_no_warning(backend, task_id):
    values = {"07.2.5": TASK_07_2_5, "07.2.6": TASK_07_2_6, "07.2.7": TASK_07_2_7}[task_id]
    result = aw.screen_for(task_id, backend).fill(**values).submit()
    assert result.ok and result.warnings == []
