"""The Voila demo in a real browser (Chromium): 营销中心 creates the 满减券 of 07.2.5 and the 爆品助推 plan of
07.9.4, whose simulated week draws a plotly chart; 交易管理 drafts the Trade Assurance order of 08.1.4 and lists it."""

from __future__ import annotations

import re

import pytest

from autograde.specs.p07_marketing import TASK_07_2_5
from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input
from tests.p4p_data import P4P_TASKS
from tests.trade_data import TA_ORDER

require_chromium()
expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.slow

PLAN = P4P_TASKS["07.9.4"]


def _row(page, label: str):
    """The form row of a label (the label text may carry the required star)."""
    label_box = page.locator(".alisim-label", has_text=re.compile(rf"^\*?{re.escape(label)}$"))
    return page.locator(".alisim-row").filter(has=label_box)


def _pick(page, label: str, option: str) -> None:
    """Click a radio button of a form row."""
    _row(page, label).get_by_role("radio", name=option, exact=True).check()


def _premium_line(page, row, name: str):
    """The line of a recommended region or crowd: tick, percent box, advised percent, bid after the premium."""
    tick = page.get_by_role("checkbox", name=name, exact=True)
    return row.locator(".widget-hbox").filter(has=tick).last  # the innermost box holding the tick


def test_coupon_and_p4p_plan_in_the_browser(demo_page, artifacts):
    """满减券 of 07.2.5 created and listed; the 爆品助推 plan of 07.9.4 saved, its week simulated and charted."""
    page = demo_page
    coupon = TASK_07_2_5
    open_page(page, "营销中心", "优惠券")
    page.get_by_text("还没有创建优惠券").wait_for()
    _pick(page, "优惠券类型", coupon["coupon_type"])
    row_input(page, "券标题").fill(coupon["title"])
    _pick(page, "使用场景", coupon["scene"])
    row_input(page, "有效期开始").fill(coupon["valid_from"])
    row_input(page, "有效期结束").fill(coupon["valid_to"])
    row_input(page, "使用门槛（美元）").fill(str(coupon["threshold_usd"]))
    row_input(page, "优惠面额（美元）").fill(str(coupon["discount_usd"]))
    row_input(page, "优惠券发行量").fill(str(coupon["quantity"]))
    _pick(page, "使用范围", coupon["scope"])
    _row(page, "使用人群").locator("select").select_option(label=coupon["audience"])
    _pick(page, "发布方式", coupon["publish"])
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="创建并发布", exact=True).click()
    ok = page.locator(".alisim-ok", has_text="已创建")
    ok.wait_for()
    assert "CP-0001（满减券）" in ok.inner_text()
    listed = page.locator(".alisim-table", has_text=coupon["title"])
    listed.wait_for()
    text = listed.inner_text()
    for shown in ("满减券", "≥ $300.00", "全店铺", "起：2022.09.01 至：2022.09.30", "0/1000", "发放中"):
        assert shown in text, shown
    full_page_screenshot(page, artifacts / "voila_coupon_list.png")

    open_page(page, "营销中心", "外贸直通车")
    page.get_by_text("计划列表：还没有推广计划").wait_for()
    _row(page, "推广类型").locator("select").select_option(label=PLAN["plan_type"])
    row_input(page, "计划名称").fill(PLAN["name"])
    (product,) = PLAN["products"]
    option = _row(page, "推广产品").locator("option", has_text=product[:60])
    assert option.count() == 1
    _row(page, "推广产品").locator("select").select_option(label=option.inner_text())
    row_input(page, "计划日预算（元）").fill(str(PLAN["daily_budget_cny"]))
    _row(page, "周预算").get_by_role("checkbox").check()
    low, high = PLAN["bid_range_cny"]
    bids = row_input(page, "出价区间（元）")
    bids.nth(0).fill(str(low))
    bids.nth(1).fill(str(high))
    for label, premiums in (("地域溢价", PLAN["region_premiums"]), ("人群溢价", PLAN["crowd_premiums"])):
        row = _row(page, label)
        row.get_by_placeholder("如 150").fill(str(premiums["*"]))
        page.wait_for_timeout(300)
        row.get_by_role("button", name=re.compile("^全部推荐.*设为此溢价$")).click()
        for name, percent in premiums.items():
            if name != "*":
                box = _premium_line(page, row, name).locator("input[type=text]")
                expect(box).to_have_value(str(premiums["*"]))  # the batch button ticked and filled it
                box.fill(str(percent))
    # The top bid after the premium shows on each line: 10 元 × 220 % for 美国, × 150 % for 加拿大.
    regions = _row(page, "地域溢价")
    _premium_line(page, regions, "美国").get_by_text("¥22.0").wait_for()
    _premium_line(page, regions, "加拿大").get_by_text("¥15.0").wait_for()
    page.wait_for_timeout(300)
    page.get_by_role("button", name="保存计划", exact=True).click()
    page.locator(".alisim-ok", has_text="推广计划已保存").wait_for()
    plans = page.locator(".alisim-table", has_text="计划名称")
    plans.wait_for()
    assert PLAN["name"] in plans.inner_text() and "爆品助推" in plans.inner_text()

    page.get_by_role("tab", name="一周模拟").click()
    plan_pick = page.locator("select").filter(has=page.locator("option", has_text=PLAN["name"]))
    plan_pick.wait_for()
    assert plan_pick.evaluate("(s) => s.options[s.selectedIndex].text") == PLAN["name"]
    page.get_by_role("button", name="模拟一周", exact=True).click()
    week = page.locator(".alisim-table", has_text="平均点击花费")
    week.wait_for()
    assert week.locator("tr").count() == 8  # the head and seven days
    page.get_by_text("一周合计花费").wait_for()
    # The chart in the week view's output (plotly's renderer also puts a hidden copy of the figure in the page).
    chart = page.locator(".alisim-screen", has_text="一周模拟").locator(".js-plotly-plot")
    chart.wait_for()
    chart.locator(".main-svg").first.wait_for()
    assert "一周模拟" in chart.inner_text()
    assert page.get_by_text("没有装 plotly 的图表扩展").count() == 0  # the renderer drew, not the fallback
    full_page_screenshot(page, artifacts / "voila_p4p_week.png")


def test_trade_assurance_order_in_the_browser(demo_page, artifacts):
    """The 08.1.4 order drafted field by field; its number shown, then found in 所有订单."""
    page = demo_page
    order = TA_ORDER
    open_page(page, "交易管理", "起草信用保障订单")
    page.get_by_text("填写数量和单价后自动计算").wait_for()
    _pick(page, "订单类型", "信用保障订单")
    row_input(page, "买家邮箱").fill(order["buyer_email"])
    row_input(page, "买家姓名").fill(order["buyer_name"])
    _row(page, "收货地址").locator("textarea").fill(order["shipping_address"])
    _row(page, "产品名称").locator("select").select_option(label=order["product"])
    spec = _row(page, "产品规格").locator("select")
    spec.locator("option", has_text=order["spec"]).wait_for(state="attached")
    spec.select_option(label=order["spec"])
    row_input(page, "数量").fill(order["quantity"])
    row_input(page, "单价（USD）").fill(order["unit_price_usd"])
    _row(page, "运输方式").locator("select").select_option(label=order["shipping_method"])
    _row(page, "贸易术语").locator("select").select_option(label=order["trade_terms"])
    row_input(page, "预付款（USD）").fill(order["advance_usd"])
    row_input(page, "发货时间（预付款到账后几个自然日内）").fill(order["ship_within_days"])
    _pick(page, "出口方式", order["export_via_onetouch"])
    page.get_by_text("尾款金额：USD 2,600.00").wait_for()  # the totals follow what was typed
    page.wait_for_timeout(300)
    page.get_by_role("button", name="提交订单", exact=True).click()
    ok = page.locator(".alisim-ok", has_text="订单创建成功")
    ok.wait_for()
    number = re.search(r"订单编号：(\d+)", ok.inner_text())
    assert number, ok.inner_text()
    order_no = number[1]
    assert "USD 3,600.00" in ok.inner_text()
    # The 126.com address is questioned, not refused.
    page.locator(".alisim-warn", has_text="海外邮箱").wait_for()
    full_page_screenshot(page, artifacts / "voila_trade_order.png")

    open_page(page, "交易管理", "所有订单")
    table = page.locator(".alisim-table", has_text=order_no)
    table.wait_for()
    text = table.inner_text()
    assert "Lin meimei" in text and "USD 3,600.00" in text and "USD 1,000.00" in text and "信保" in text
    assert "待买家确认" in text.replace("\n", "")  # the narrow status column wraps
    full_page_screenshot(page, artifacts / "voila_trade_orders.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
