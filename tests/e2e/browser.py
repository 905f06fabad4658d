"""Shared by the real-browser tests: Debian's chromium, standalone voila, and page helpers.

Needs ``/usr/bin/chromium`` (apt ``chromium``) and a CJK font (apt ``fonts-noto-cjk``) for readable screenshots;
``scripts/test.sh`` installs both.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
START_TIMEOUT = 90  # seconds for voila to answer
LOAD_TIMEOUT = 120_000  # ms for the kernel to start and the page to render


def require_chromium() -> None:
    """Skip on a developer machine without chromium; under CI (which installs it) fail instead."""
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def standalone_voila(target: Path, log: Path) -> Iterator[str]:
    """Run ``voila TARGET`` on 127.0.0.1 (standalone: it refuses execute requests); yield its URL; always stop it."""
    port = free_port()
    # As scripts/demo.sh (the README's demo command): the offline `alisim` template from the repository's
    # share/jupyter, and voila.json of the repository root (the working directory).
    cmd = [
        sys.executable,
        "-m",
        "voila",
        "--template=alisim",
        str(target),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    jupyter_path = os.pathsep.join(
        p for p in (str(ROOT / "share" / "jupyter"), os.environ.get("JUPYTER_PATH")) if p
    )
    with _serve(cmd, port, log, {**os.environ, "JUPYTER_PATH": jupyter_path}) as url:
        yield url


@contextlib.contextmanager
def demo_voila(log: Path) -> Iterator[str]:
    """The README's demo command itself, ``bash scripts/demo.sh`` (preheated kernels, the offline template, the
    demo's extensions), on 127.0.0.1: the browser tests check the configuration visitors get, not a copy of it."""
    port = free_port()
    cmd = [
        "bash",
        str(ROOT / "scripts" / "demo.sh"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    with _serve(cmd, port, log, dict(os.environ)) as url:
        yield url


def clean_env(home: Path) -> dict[str, str]:
    """The test's environment without course modes or grading flags, with ``home`` as a fresh HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALISIM_", "NBGRADER_"))}
    env["HOME"] = str(home)  # no user settings of this machine (a student's first start)
    return env


@contextlib.contextmanager
def start_lab(home: Path, token: str, *options: str) -> Iterator[tuple[str, Path]]:
    """The README's ``bash scripts/start.sh OPTIONS`` on a free port; yield (base URL, log); always stop it."""
    port = free_port()
    log = home / f"start-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["bash", "scripts/start.sh", *options, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={token}"],
            cwd=ROOT, env=clean_env(home), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300  # a first run installs the course into .venv
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(1)
        yield url, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@contextlib.contextmanager
def _serve(cmd: list[str], port: int, log: Path, env: dict[str, str]) -> Iterator[str]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"voila exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                # The port accepting connections means the server is up (a GET would start a kernel).
                with socket.create_connection(("127.0.0.1", port), timeout=2):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"voila did not answer within {START_TIMEOUT}s:\n{log.read_text(errors='replace')}"
                )
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # demo.sh execs voila, so this is voila itself: it stops its kernels, pooled ones too
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def open_page(page, section: str, label: str) -> None:
    """Click a section of the shell's left menu, then one of its pages."""
    menu = page.locator(".alisim-shell-menu")
    menu.get_by_role("button", name=section, exact=True).click()
    menu.get_by_role("button", name=label, exact=True).click()


def row_input(page, label: str):
    """The input beside a form label (labels are HTML widgets; the text is "*电子邮箱")."""
    label_box = page.locator(".alisim-label", has_text=re.compile(rf"^\*?{re.escape(label)}$"))
    return page.locator(".alisim-row").filter(has=label_box).locator("input")


def full_page_screenshot(page, path: Path) -> None:
    """Voila's page scrolls inside a container, so ``full_page`` alone stops at the window: grow the window.

    Plotly leaves a 9000 px text-measuring SVG off-screen (``#js-plotly-tester``) once a chart is drawn: it is
    not part of the page's height."""
    height = page.evaluate(
        "Math.max(...Array.from(document.querySelectorAll('body *'), "
        "(e) => e.closest('#js-plotly-tester') ? 0 : e.scrollHeight))"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height) + 40)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
