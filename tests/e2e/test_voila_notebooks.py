"""Every project notebook renders in standalone Voila without error output (and writes no state file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.browser import LOAD_TIMEOUT, ROOT, require_chromium, standalone_voila

pytestmark = pytest.mark.slow

require_chromium()

COURSE = ROOT / "course"
NOTEBOOKS = sorted(p.relative_to(COURSE).as_posix() for p in COURSE.glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def course_server(tmp_path_factory):
    """Standalone voila serving the course folder (as a teacher would serve read-only demos)."""
    with standalone_voila(COURSE, tmp_path_factory.mktemp("voila") / "voila.log") as url:
        yield url


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_project_notebook_renders_in_voila(course_server, browser, notebook, artifacts):
    before = sorted(COURSE.rglob("alisim_state*"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{course_server}/voila/render/{notebook}", timeout=LOAD_TIMEOUT)
        page.locator(".alisim-screen").first.wait_for(timeout=LOAD_TIMEOUT)
        body = page.inner_text("body")
        assert "There was an error when executing cell" not in body
        assert "Traceback" not in body
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert "import alisim_widgets" not in body  # sources hidden
        page.screenshot(path=str(artifacts / f"voila_{Path(notebook).stem}.png"))
    finally:
        context.close()
    # The source folders hold the .alisim_source marker: rendering keeps the store in memory.
    assert sorted(COURSE.rglob("alisim_state*")) == before
