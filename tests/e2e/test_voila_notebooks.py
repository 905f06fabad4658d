"""Every project notebook renders in standalone Voila without error output (and writes no state file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_voila import CHROMIUM, CHROMIUM_ARGS, LOAD_TIMEOUT, ROOT, _free_port

pytestmark = pytest.mark.slow

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)
sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright

COURSE = ROOT / "course"
NOTEBOOKS = sorted(p.relative_to(COURSE).as_posix() for p in COURSE.glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def course_server(tmp_path_factory):
    """Standalone voila serving the course folder (as a teacher would serve read-only demos)."""
    import socket
    import subprocess
    import sys
    import time

    port = _free_port()
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "voila", str(COURSE), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


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
