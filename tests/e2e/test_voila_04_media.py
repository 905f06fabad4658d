"""The Voila demo in a real browser (Chromium): 媒体中心 opens, True View refuses a clip and publishes one."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input

require_chromium()

pytestmark = pytest.mark.slow


def _video_select(page):
    label = page.locator(".alisim-label", has_text=re.compile(r"^\*?视频$"))
    return page.locator(".alisim-row").filter(has=label).locator("select")


def test_media_center_pages_in_the_browser(demo_page, artifacts):
    """Refuse a clip with a watermark (the reason shows), publish the dress clip, see it in the manager."""
    page = demo_page
    open_page(page, "媒体中心", "视频银行")
    page.get_by_text("velvet-dress-showcase-en.mp4").first.wait_for()

    open_page(page, "媒体中心", "发布 True View 视频")
    page.get_by_text("True View 要求").wait_for()
    _video_select(page).select_option(label="VID-DRESS-09 · velvet-dress-jianying.mp4")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="发布", exact=True).click()
    page.locator(".alisim-error", has_text="剪映").wait_for()

    _video_select(page).select_option(label="VID-DRESS-01 · velvet-dress-showcase-en.mp4")
    row_input(page, "内容标题").fill("双十一新品介绍")
    page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
    page.get_by_role("button", name="发布", exact=True).click()
    ok = page.locator(".alisim-ok", has_text="发布成功")
    ok.wait_for()
    assert "TV-0001" in ok.inner_text()
    full_page_screenshot(page, artifacts / "voila_trueview.png")

    open_page(page, "媒体中心", "True View 视频管理")
    table = page.locator(".alisim-table", has_text="双十一新品介绍")
    table.wait_for()
    assert "优质" in table.inner_text()
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
