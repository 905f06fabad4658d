"""The Voila pages' own frontend (the alisim template's ``alisim-demo.js``, built from ``frontend/demo``) in Chromium.

The demo and the course notebooks served by voila no longer draw with Voila's JupyterLab-based frontend but with
one prebuilt bundle (issue 14, item 5: the first widget in a fraction of the time). This file pins what that
bundle must still do, on a small notebook written for it and served as teachers serve notebooks (standalone
voila, the alisim template):

- every output of the page drawn in place: widgets, HTML, plotly figures; stderr in a widget marked as such;
- widget events both ways: a click runs its Python callback, a typed value reaches the kernel and comes back;
- an Output widget captures what a callback prints or displays (``with out:``), and shows outputs set as state;
- Font Awesome icons on buttons, offline: the page loads nothing but the bundle, its CSS and fonts, voila's
  notebook CSS and (for a chart) plotly.js, all from the voila server; no lab extension, no console error.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlparse

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tests.e2e.browser import LOAD_TIMEOUT, require_chromium, standalone_voila

pytestmark = pytest.mark.slow
require_chromium()

CELLS = [
    "import json\nimport ipywidgets as W\nfrom IPython.display import HTML, display",
    # with out: in a click callback: the frontend routes the callback's output messages into the widget
    "out = W.Output()\n"
    "speak = W.Button(description='说一句', icon='check')\n"
    "def on_speak(_):\n"
    "    with out:\n"
    "        print('按钮说：你好')\n"
    "        display(HTML(\"<b class='shown-by-display'>显示的 HTML</b>\"))\n"
    "speak.on_click(on_speak)\n"
    "display(W.VBox([speak, out]))",
    # a value typed in the page reaches the kernel, whose answer comes back to the page
    "typed = W.Text(description='输入')\n"
    "echo = W.Label()\n"
    "typed.observe(lambda change: setattr(echo, 'value', '内核收到：' + change['new']), 'value')\n"
    "display(W.VBox([typed, echo]))",
    # an Output widget's outputs set as state (how the course draws its charts); stderr marked as such
    "from_state = W.Output()\n"
    "from_state.outputs = ({'output_type': 'stream', 'name': 'stdout', 'text': '从状态来的输出\\n'},\n"
    "                      {'output_type': 'stream', 'name': 'stderr', 'text': '一条警告输出\\n'})\n"
    "from_state",
    "display(HTML(\"<p class='top-level-html'>单元格里的 HTML</p>\"))",
    "import plotly.graph_objects as go\n"
    "fig = go.Figure(go.Bar(x=['甲', '乙'], y=[1, 2]), layout={'title': {'text': '测试图表'}})\n"
    "display({'application/vnd.plotly.v1+json': json.loads(fig.to_json()), 'text/html': '<p>没有图表</p>'},"
    " raw=True)",
]


@pytest.fixture(scope="module")
def frontend_server(tmp_path_factory):
    """Standalone voila with the alisim template serving the test notebook; yields (url, log path)."""
    folder = tmp_path_factory.mktemp("frontend")
    nb = new_notebook(cells=[new_markdown_cell("# 前端测试页"), *map(new_code_cell, CELLS)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "frontend.ipynb")
    with standalone_voila(folder, folder / "voila.log") as url:
        yield url, folder / "voila.log"


def _open(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


@pytest.fixture(scope="module")
def frontend_page(frontend_server, browser):
    url, _log = frontend_server
    context, page = _open(browser, url)
    requests, console = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.goto(f"{url}/voila/render/frontend.ipynb", timeout=LOAD_TIMEOUT)
    page.get_by_role("button", name="说一句").wait_for(timeout=LOAD_TIMEOUT)
    yield page, url, requests, console
    context.close()


def test_every_output_is_drawn_in_place(frontend_page):
    page, _url, _requests, _console = frontend_page
    assert page.get_by_role("heading", name="前端测试页").is_visible()
    page.get_by_text("从状态来的输出").wait_for()
    assert page.locator(".top-level-html").inner_text() == "单元格里的 HTML"
    stderr = page.locator("[data-mime-type='application/vnd.jupyter.stderr']")
    assert stderr.count() == 1 and "一条警告输出" in stderr.inner_text()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert page.locator(".js-plotly-plot .gtitle", has_text="测试图表").count() == 1
    assert not page.get_by_text("没有图表").is_visible()  # plotly drew it: the HTML fallback stays unused
    assert page.locator("script[type='application/vnd.voila.cell-output+json']").count() == 0
    assert not page.locator("#loading").is_visible()


def test_a_click_runs_its_callback_and_the_output_widget_captures_it(frontend_page):
    page, *_ = frontend_page
    page.get_by_role("button", name="说一句").click()
    output = page.locator(".widget-output", has_text="按钮说：你好")
    output.wait_for()
    assert output.locator(".shown-by-display").inner_text() == "显示的 HTML"


def test_a_typed_value_reaches_the_kernel_and_comes_back(frontend_page):
    page, *_ = frontend_page
    page.locator(".widget-text input").fill("abc")
    page.get_by_text("内核收到：abc").wait_for()


def test_icons_and_loading_stay_on_the_voila_server(frontend_page):
    page, url, requests, console = frontend_page
    icon = page.get_by_role("button", name="说一句").locator("i.fa-check")
    assert icon.is_visible()
    assert page.evaluate("document.fonts.check('900 14px \"Font Awesome 5 Free\"')")
    assert icon.evaluate("(e) => e.getBoundingClientRect().width") > 5  # the glyph, not an empty box
    host = urlparse(url).netloc
    assert [u for u in requests if urlparse(u).netloc not in ("", host) and not u.startswith("data:")] == []
    paths = [urlparse(u).path for u in requests if urlparse(u).scheme in ("http", "https")]
    assert not [p for p in paths if "labextensions" in p or p.endswith("voila.js")], paths
    scripts = sorted({p.rsplit("/", 1)[-1] for p in paths if p.endswith(".js")})
    assert scripts == ["alisim-demo.js", "plotly.min.js"], scripts
    errors = [m for m in console if m.startswith(("error", "pageerror"))]
    assert errors == [], errors


def test_a_lost_kernel_connection_is_said_on_the_page(frontend_page, browser):
    """The page's websocket to its kernel is cut (and every reconnection refused): the visitor is told, in
    Chinese, that the connection is lost and to reload, instead of widgets that silently stop answering."""
    _page, url, *_ = frontend_page
    context, page = _open(browser, url)
    relayed, cut = [], []

    def relay(ws):
        if cut:
            ws.close()
            return
        ws.connect_to_server()
        relayed.append(ws)

    try:
        page.route_web_socket(re.compile(r"/api/kernels/"), relay)
        page.goto(f"{url}/voila/render/frontend.ipynb", timeout=LOAD_TIMEOUT)
        page.get_by_role("button", name="说一句").wait_for(timeout=LOAD_TIMEOUT)
        assert page.locator("#alisim-notice").count() == 0
        cut.append(True)
        for ws in relayed:
            ws.close()
        page.locator("#alisim-notice", has_text="连接断开").wait_for(timeout=30_000)
        assert "请刷新页面" in page.locator("#alisim-notice").inner_text()
    finally:
        context.close()


def test_leaving_the_page_frees_its_kernel(frontend_server, browser):
    """A visitor who navigates away (or closes the tab, or reloads) shuts their kernel down at once: a demo
    server open to a class does not keep one idle kernel per visit."""
    url, log = frontend_server
    context, page = _open(browser, url)
    try:
        page.goto(f"{url}/voila/render/frontend.ipynb", timeout=LOAD_TIMEOUT)
        page.get_by_role("button", name="说一句").wait_for(timeout=LOAD_TIMEOUT)
        kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
        assert f"Kernel shutdown: {kernel_id}" not in log.read_text(errors="replace")
        page.goto("about:blank")
        deadline = time.monotonic() + 20
        while f"Kernel shutdown: {kernel_id}" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the kernel outlived its page"
            time.sleep(0.25)
        assert " 403 " not in log.read_text(errors="replace")  # the XSRF check passed, nothing refused
    finally:
        context.close()
