"""Fixtures of the real-browser tests: one voila server and one chromium for the whole session."""

from __future__ import annotations

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, LOAD_TIMEOUT, demo_voila


@pytest.fixture(scope="session")
def voila(tmp_path_factory):
    """The demo as ``bash scripts/demo.sh`` serves it (standalone voila, preheated kernels); yields (url, log path)."""
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with demo_voila(log) as url:
        yield url + "/", log


@pytest.fixture(scope="session")
def browser():
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def demo_page(voila, browser):
    """The demo page (its own kernel per test module), loaded, with the shell rendered."""
    url, _log = voila
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url, timeout=LOAD_TIMEOUT)
    page.locator(".alisim-shell").wait_for(timeout=LOAD_TIMEOUT)
    yield page
    context.close()
