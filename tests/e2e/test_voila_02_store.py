"""The Voila demo in a real browser (Chromium): 店铺管理 › A&V 认证 and 管理公司信息, and 账户中心 ›
个人信息与账号安全 open on the demo store; a wrong value is refused beside its field."""

from __future__ import annotations

import pytest

from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input

require_chromium()

pytestmark = pytest.mark.slow


def test_store_pages_in_the_browser(demo_page, artifacts):
    page = demo_page
    open_page(page, "店铺管理", "A&V 认证")
    page.locator(".alisim-ok", has_text="A&V 认证已通过").wait_for()
    assert "认证通过" in page.locator(".alisim-steps").inner_text()
    assert "370202198512461234" in page.locator(".alisim-table", has_text="法人身份证号").inner_text()
    page.get_by_role("button", name="修改认证信息").click()
    box = row_input(page, "公司座机")
    box.wait_for()
    box.fill("abc")
    page.wait_for_timeout(300)  # let the keystrokes reach the kernel before the click
    page.get_by_role("button", name="提交认证资料").click()
    page.locator(".alisim-error", has_text="只能包含数字").wait_for()
    full_page_screenshot(page, artifacts / "voila_av_wizard.png")

    open_page(page, "店铺管理", "管理公司信息")
    page.locator(".alisim-crumb", has_text="管理公司信息").wait_for()
    page.get_by_role("tab", name="展示信息").wait_for(timeout=60_000)  # 5 tabs, 46 fields: the largest page
    page.locator(".alisim-ok", has_text="审核通过").wait_for()
    assert page.get_by_text("✔已认证").count() >= 6
    page.get_by_role("tab", name="展示信息").click()
    page.locator(".alisim-label", has_text="公司形象展示图").wait_for()
    assert "信息完整度" in page.locator(".alisim-inbox", has_text="信息完整度").first.inner_text()
    full_page_screenshot(page, artifacts / "voila_company_info.png")

    open_page(page, "账户中心", "个人信息与账号安全")
    name = row_input(page, "姓名（英文）")
    name.wait_for()
    name.fill("张龙")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="提交", exact=True).click()
    page.locator(".alisim-error", has_text="英文字母").wait_for()
    page.get_by_role("tab", name="账号安全").click()
    page.get_by_text("敏感操作").wait_for()
    full_page_screenshot(page, artifacts / "voila_account_security.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
