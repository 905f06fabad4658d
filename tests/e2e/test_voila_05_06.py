"""The Voila demo in a real browser (Chromium): 商机沟通 — find the building-block RFQ in the market, read its
detail and quote on it with the textbook's data (05.1.4); 客户管理 — a fixed group picked from the customer list
(06.3.4) and a dynamic group (06.3.5), both listed in 客群管理 with their members."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.crm_forms import DYNAMIC, FIXED
from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input
from tests.rfq_data import QUOTE

require_chromium()

pytestmark = pytest.mark.slow

RFQ = QUOTE["rfq_id"]  # RFQ-BLOCKS-01


def _row(page, label: str):
    """A form row by its label (labels are HTML widgets; the text is "*产品细节")."""
    label_box = page.locator(".alisim-label", has_text=re.compile(rf"^\*?{re.escape(label)}$"))
    return page.locator(".alisim-row").filter(has=label_box)


def _rfq_card(page, rfq_id: str):
    """The market's row of one RFQ: its card and the 查看详情 / 报价 buttons beside it."""
    card = page.locator(".widget-html").filter(has_text=rfq_id).filter(has_text="个报价名额")
    return card.first.locator("xpath=..")


def _search_market(page, keyword: str) -> None:
    page.get_by_placeholder("请输入关键词搜索RFQ").fill(keyword)
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.locator("button", has_text=re.compile(r"^\s*Search\s*$")).click()  # an icon before the word
    page.get_by_text(re.compile(r"共 \d+ 条 · 第 1 / \d+ 页")).wait_for()


def test_rfq_market_and_quote_in_the_browser(demo_page, artifacts):
    """Search, open the detail, quote with the textbook's data: the quota goes down, 我的报价 lists the quote."""
    page = demo_page
    open_page(page, "商机沟通", "RFQ 市场")
    page.get_by_text("报价权益").first.wait_for()
    _search_market(page, "building blocks")
    row = _rfq_card(page, RFQ)
    row.wait_for()
    assert "可报价" in row.inner_text()
    row.get_by_role("button", name="查看详情", exact=True).click()
    detail = page.locator(".alisim-table", has_text="采购详细描述")
    detail.wait_for()
    assert "报价前的买家调研" in page.locator(".widget-html", has=detail).inner_text()
    assert "已收到" in detail.inner_text()
    quota = page.get_by_text(re.compile(r"剩余 \d+ 条")).first.inner_text()
    left_before = int(re.search(r"剩余 (\d+) 条", quota).group(1))

    open_page(page, "商机沟通", "RFQ 报价")
    page.get_by_role("button", name="提交报价", exact=True).wait_for()  # the market page has gone
    _search_market(page, "building blocks")
    _rfq_card(page, RFQ).get_by_role("button", name="报价", exact=True).click()
    page.locator(".alisim-table", has_text="采购详细描述").wait_for()  # the detail opens above the form
    expect(row_input(page, "报价的 RFQ")).to_have_value(RFQ)

    row_input(page, "产品名称").fill(QUOTE["product_name"])
    row_input(page, "产品编码").fill(QUOTE["product_code"])
    _row(page, "产品细节").locator("textarea").fill(QUOTE["details"])
    _row(page, "商品单位").locator("select").select_option(label=QUOTE["unit"])
    row_input(page, "装运信息（贸易术语）").fill(QUOTE["trade_terms"])
    row_input(page, "报价有效期").fill(QUOTE["valid_until"])
    _row(page, "货币单位").locator("select").select_option(label=QUOTE["currency"])
    tiers = _row(page, "采购数与单价")
    for i, (qty, price) in enumerate(QUOTE["price_tiers"]):
        tiers.get_by_placeholder("最小采购数 ≥").nth(i).fill(str(qty))
        tiers.get_by_placeholder("单价").nth(i).fill(f"{price:.2f}")
    _row(page, "付款方式").get_by_role("checkbox", name=QUOTE["payment_terms"], exact=True).check()
    sample = _row(page, "样品")  # free sample, buyer pays freight, sent within 3 days of confirmation
    for choice in ("提供样品", "免费", "买家支付运费"):
        sample.get_by_role("radio", name=choice, exact=True).check()
    sample.get_by_placeholder("天数").fill("3")
    _row(page, "报价信息").locator("textarea").fill(QUOTE["message"])
    # value_added_services "none": every 增值服务 box stays unticked
    assert _row(page, "增值服务").get_by_role("checkbox", checked=True).count() == 0
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="提交报价", exact=True).click()

    ok = page.locator(".alisim-ok", has_text="报价已发送给买家")
    ok.wait_for()
    assert f"剩余 {left_before - 1} 条" in ok.inner_text()
    assert page.locator(".alisim-error").filter(has_text=re.compile(r"\S")).count() == 0
    # the market above the form counts it too
    expect(page.get_by_text("报价权益（").first).to_contain_text(f"剩余 {left_before - 1} 条")
    expect(_rfq_card(page, RFQ)).to_contain_text("已报价")  # the market's card, then the one above the form
    expect(
        page.locator(".widget-html").filter(has_text=RFQ).filter(has_text="个报价名额").nth(1)
    ).to_contain_text("已报价")
    expect(page.locator(".alisim-table", has_text="采购详细描述")).to_contain_text("已报价")
    mine = page.locator(".alisim-table", has_text="报价内容")
    expect(mine).to_contain_text(RFQ)
    expect(mine).to_contain_text("≥100 18.00；≥500 15.00")
    full_page_screenshot(page, artifacts / "voila_05_rfq_quote.png")

    open_page(page, "商机沟通", "RFQ 市场")  # the page built before the quote shows the new quota
    page.get_by_text(f"剩余 {left_before - 1} 条").first.wait_for()

    open_page(page, "商机沟通", "我的报价")
    page.get_by_role("button", name="等待 1 天").wait_for()
    table = page.locator(".alisim-table", has_text=RFQ)
    table.wait_for()
    text = table.inner_text()
    assert QUOTE["product_name"] in text and "FOB Shanghai" in text and "USD" in text
    full_page_screenshot(page, artifacts / "voila_05_my_quotes.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory


def test_customer_groups_in_the_browser(demo_page, artifacts):
    """A fixed group of three customers and a dynamic group (美国/巴西/俄罗斯联邦, inquiry in 30 days)."""
    page = demo_page
    open_page(page, "客户管理", "客户列表")
    page.get_by_placeholder("客户或公司名称").fill("Timko")
    page.locator(".alisim-help", has_text=re.compile(r"^1 位客户$")).wait_for()
    assert "David Timko" in page.locator(".alisim-table").first.inner_text()

    open_page(page, "客户管理", "新建固定客群")
    page.get_by_role("button", name="添加选中客户并保存", exact=True).wait_for()
    row_input(page, "名称").fill(FIXED["name"])
    _row(page, "范围").get_by_role("radio", name=FIXED["scope"], exact=True).check()
    _row(page, "描述").locator("textarea").fill(FIXED["description"])
    picker = _row(page, "客户").locator("select")
    labels = picker.locator(
        "option"
    ).all_inner_texts()  # "David Timko · 美国 · 我的客户" with no-break spaces
    chosen = [
        next(label for label in labels if label.replace("\xa0", " ").startswith(f"{name} · "))
        for name in FIXED["customers"]
    ]
    picker.select_option(label=chosen)  # the visitor's Ctrl-click on three customers
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="添加选中客户并保存", exact=True).click()
    ok = page.locator(".alisim-ok", has_text="已保存固定客群")
    ok.wait_for()
    assert f"“{FIXED['name']}”，3 位客户" in ok.inner_text()

    open_page(page, "客户管理", "新建动态客群")
    page.get_by_text("客群人数：—").wait_for()
    _row(page, "基础标签：国家地区").locator("select").select_option(label=DYNAMIC["countries"])
    count = page.locator(".alisim-warn", has_text=re.compile(r"客群人数：\d+"))
    by_country = int(re.search(r"客群人数：(\d+)", count.inner_text()).group(1))
    row_input(page, "行为标签：近 N 天内发起过询盘").fill(str(DYNAMIC["inquiry_within_days"]))
    expect(count).not_to_contain_text(f"客群人数：{by_country}（")  # the inquiry condition narrows the group
    members = int(re.search(r"客群人数：(\d+)", count.inner_text()).group(1))
    assert 0 < members < by_country
    row_input(page, "客群名称").fill(DYNAMIC["name"])
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="创建", exact=True).click()
    ok = page.locator(".alisim-ok", has_text="已创建动态客群")
    ok.wait_for()
    assert f"“{DYNAMIC['name']}”，当前 {members} 人" in ok.inner_text()

    open_page(page, "客户管理", "客群管理")
    page.get_by_text("查看客群").wait_for()
    groups = page.locator(".alisim-table", has_text="客群名称")
    groups.wait_for()
    rows = {r.split("\t")[1]: r.split("\t") for r in groups.locator("tr").all_inner_texts()[1:]}
    assert rows[FIXED["name"]][0] == "固定客群" and rows[FIXED["name"]][2] == "3"
    assert rows[DYNAMIC["name"]][0] == "动态客群" and rows[DYNAMIC["name"]][2] == str(members)
    assert "近 30 天内询盘" in rows[DYNAMIC["name"]][3]

    pick = page.locator("select").filter(has_text="请选择")
    pick.select_option(label=FIXED["name"])
    member_table = page.locator(".alisim-table", has_text="下单次数")  # the customer table of the group
    for name in FIXED["customers"]:
        expect(member_table).to_contain_text(name)
    expect(member_table.locator("tr")).to_have_count(1 + len(FIXED["customers"]))
    full_page_screenshot(page, artifacts / "voila_06_fixed_group.png")

    pick.select_option(label=DYNAMIC["name"])
    expect(member_table).not_to_contain_text("Kouakouanicet Kouassi")
    expect(member_table.locator("tr")).to_have_count(1 + members)
    countries = [r.split("\t")[3] for r in member_table.locator("tr").all_inner_texts()[1:]]
    assert len(countries) == members and set(countries) <= set(DYNAMIC["countries"])
    full_page_screenshot(page, artifacts / "voila_06_dynamic_group.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
