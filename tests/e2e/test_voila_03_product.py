"""The Voila demo in a real browser (Chromium): 产品管理 opens; the workbench flags the balance board and
the duplicate listing; the publishing page checks a title live and shows errors beside the fields."""

from __future__ import annotations

import pytest

from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input

require_chromium()

pytestmark = pytest.mark.slow

BOARD = "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game"


def test_product_pages_in_the_browser(demo_page, artifacts):
    page = demo_page
    open_page(page, "产品管理", "产品运营工作台")
    table = page.locator(".alisim-table", has_text="产品成长分")
    table.wait_for()
    assert "ID: 3177" in table.inner_text()
    page.get_by_text("ID 3168、3169 是同一款产品").wait_for()
    page.locator("select").filter(has_text="请选择一个产品查看诊断").select_option(
        label=f"ID 3177 · {BOARD[:70]}"
    )
    page.locator(".alisim-fail", has_text="出现了 3 次").wait_for()
    full_page_screenshot(page, artifacts / "voila_product_workbench.png")

    open_page(page, "产品管理", "发布产品")
    title = row_input(page, "产品名称")
    title.fill(BOARD)
    page.locator(".alisim-fail", has_text="“board”出现了 3 次").wait_for()
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="提交", exact=True).click()
    page.locator(".alisim-error", has_text="请选择产品类目").wait_for()
    assert page.locator(".alisim-error", has_text="出现了 3 次").count() >= 1
    full_page_screenshot(page, artifacts / "voila_publish_product.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
