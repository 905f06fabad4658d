"""The Voila demo in a real browser (Chromium): 数据管家's five pages draw their interactive plotly charts and
follow a new date range; 出口服务 generates the four customs documents of task 10.1.4 and lists them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from tests.e2e.browser import ROOT, full_page_screenshot, open_page, require_chromium, row_input

require_chromium()

pytestmark = pytest.mark.slow

DATA_PAGES = ("店铺概览", "流量来源", "产品分析", "关键词分析", "买家国家")
FIRST_DAY, LAST_DAY = "2022-08-01", "2022-08-15"


def _screenshot(page, path) -> None:
    """A full-page screenshot cut 40 pixels below the last painted row: plotly.js keeps a 9000-pixel text-measuring
    SVG off screen (``#js-plotly-tester``), which makes the shared helper grow the window to about 9000 pixels."""
    full_page_screenshot(page, path)
    with Image.open(path) as image:
        painted = ImageOps.invert(image.convert("L")).getbbox()  # white is the empty page
        bottom = image.height if painted is None else min(image.height, painted[3] + 40)
        cut = image.crop((0, 0, image.width, bottom))
    cut.save(path)


def _drawn_chart(main):
    """The page's plotly chart once plotly.js has drawn it: its SVG holds at least one trace."""
    chart = main.locator(".js-plotly-plot")
    chart.locator("svg.main-svg g.trace").first.wait_for()
    assert chart.count() == 1
    return chart


def test_data_pages_draw_charts_and_follow_the_period(demo_page, artifacts):
    """Each page opens on September with a drawn chart; a new period redraws it and changes the KPI cards."""
    page = demo_page
    main = page.locator(".alisim-shell-main")
    for label in DATA_PAGES:
        open_page(page, "数据管家", label)
        main.locator(".alisim-head", has_text=f"数据管家 › {label}").wait_for()
        main.locator(".alisim-ok", has_text="2022-09-01 至 2022-09-30 的数据").wait_for()
        chart = _drawn_chart(main)
        assert "2022-09-01 至 2022-09-30" in chart.locator(".gtitle").text_content()
        cards = main.locator(".alisim-kpis")
        before = cards.inner_text()
        assert "曝光" in before and "询盘转化率" in before and "环比" in before
        if label in ("店铺概览", "流量来源"):
            _screenshot(page, artifacts / f"voila_09_{DATA_PAGES.index(label) + 1}_{label}.png")

        row_input(page, "开始日期").fill(FIRST_DAY)
        row_input(page, "结束日期").fill(LAST_DAY)
        page.wait_for_timeout(300)  # let the last keystrokes reach the kernel before the click
        main.get_by_role("button", name="查询", exact=True).click()
        main.locator(".alisim-ok", has_text=f"{FIRST_DAY} 至 {LAST_DAY} 的数据").wait_for()
        main.locator(".js-plotly-plot .gtitle", has_text=f"{FIRST_DAY} 至 {LAST_DAY}").wait_for()
        _drawn_chart(main)
        after = cards.inner_text()
        assert after != before, label
        assert "与前一段同样长的时间（2022-07-17 至 2022-07-31）" in main.inner_text()
        shown = re.search(r"曝光\s*([\d,]+)", after)
        assert shown and int(shown.group(1).replace(",", "")) < int(
            re.search(r"曝光\s*([\d,]+)", before).group(1).replace(",", "")
        )  # half a month shows fewer impressions than the whole of September


def _my_documents(main):
    """我的单证 once the menu shows it (the page before it may still be on screen for a moment)."""
    head = main.page.locator(".alisim-head", has_text=re.compile(r"^\s*我的单证\s*$"))
    return main.locator(".alisim-screen", has=head)


def test_customs_documents_in_the_browser(demo_page, artifacts):
    """报关单证制作 opens with the task's declaration; 生成单证 lists the four documents and previews them."""
    page = demo_page
    main = page.locator(".alisim-shell-main")
    open_page(page, "出口服务", "我的单证")  # before: only the store's declaration, its files not made yet
    mine = _my_documents(main)
    mine.get_by_text("单证 BG-0001").wait_for()
    assert "单证 BG-0002" not in mine.inner_text()

    open_page(page, "出口服务", "报关单证制作")
    main.get_by_text("报关单证制作工具").first.wait_for()
    assert row_input(page, "合同协议号").input_value() == "CN62302095206141"
    main.get_by_text("601/100/3").first.wait_for()  # the freight's customs notation beside its field

    main.get_by_role("button", name="生成单证", exact=True).click()
    ok = main.locator(".alisim-ok", has_text="单证已生成")
    ok.wait_for()
    assert "BG-0002" in ok.inner_text()
    docs = main.locator("div", has=page.locator("b", has_text="单证 BG-0002")).last
    files = docs.locator("ul").inner_text()
    for title, stem in (("报关草单", "declaration"), ("合同", "contract"), ("商业发票", "invoice"),
                        ("装箱单", "packing_list")):  # fmt: skip
        assert re.search(rf"{title}\s+\S*/{stem}_BG-0002_CN62302095206141\.pdf", files), files
    assert "customs_docs_BG-0002_CN62302095206141.xlsx" in files
    with page.expect_download() as info:  # Voila has no file browser: the link carries the file
        docs.locator("a[download]", has_text="报关草单").click()
    download = info.value
    assert download.suggested_filename == "declaration_BG-0002_CN62302095206141.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")

    docs.locator("summary", has_text="预览四份单证").click()
    preview = docs.locator("details")
    preview.get_by_text("销售合同 SALES CONTRACT").wait_for()
    text = preview.inner_text()
    for value in ("中华人民共和国海关出口货物报关单（草单）", "商业发票 COMMERCIAL INVOICE", "装箱单 PACKING LIST",
                  "CN62302095206141", "IVF62302095202332", "6204420000", "Princess Dress Pink/002-03F",
                  "AUD 2,000.00", "601/100/3", "601/4/3", "601/20/3", "Cici", "CIF"):  # fmt: skip
        assert value in text, value
    _screenshot(page, artifacts / "voila_10_customs_documents.png")

    open_page(page, "出口服务", "我的单证")
    mine = _my_documents(main)
    mine.get_by_text("单证 BG-0002").wait_for()  # the page opened before shows the new documents too
    mine = mine.inner_text()
    assert "单证 BG-0002" in mine and "单证 BG-0001" in mine
    assert mine.index("单证 BG-0002") < mine.index("单证 BG-0001")  # newest first
    for title in ("报关草单", "合同", "商业发票", "装箱单"):
        assert f"⬇ {title}" in mine
    _screenshot(page, artifacts / "voila_10_my_documents.png")
    assert not (ROOT / "course" / "alisim_state.json").exists()  # the demo works in memory
