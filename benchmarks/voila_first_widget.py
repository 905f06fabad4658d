"""Voila time to first widget: the demo as the README serves it vs a stock one-widget page.

- demo: ``bash scripts/demo.sh`` (course/demo.ipynb, the course template, kernels preheated: a pool of kernels
  that have already run the notebook waits for visitors; the page draws with the template's one prebuilt
  script, frontend/demo, instead of Voila's JupyterLab-based frontend);
- baseline: stock ``voila button.ipynb`` (no options, no repository config), a notebook holding one
  ``ipywidgets.Button``: the kernel starts when the visitor arrives.

Both are loaded in headless Debian chromium. The clock runs from navigation start until the first widget button
is visible (the demo's menu, the baseline's Button): kernel start, executing the notebook, the page and the widget
manager all count. Each server gets one untimed warm-up load; before each timed demo load the benchmark waits for
voila to report the pool refilled (and the refilled kernel to settle), as a visitor arriving a few seconds after
the previous one finds it. RUNS timed loads each, interleaved; medians and the ratio print (issue 14 asks ≤ 0.3).

    python benchmarks/voila_first_widget.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "course" / "demo.ipynb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
FIRST_WIDGET = "button.jupyter-button"
TIMEOUT_MS = 180_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_voila(notebook: Path | None, cwd: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """Stock voila serving ``notebook``, or (``None``) the README's demo command."""
    port = free_port()
    if notebook is None:
        cmd = ["bash", str(ROOT / "scripts" / "demo.sh")]
    else:
        exe = shutil.which("voila")
        cmd = ([exe] if exe else [sys.executable, "-m", "voila"]) + [str(notebook)]
    cmd += ["--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited ({proc.returncode}): {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return proc, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("voila did not start within 90 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


POOL_FILLED = "Kernel pool of demo.ipynb is filled"


def wait_for_pool(log: Path, fills: int, settle: float = 1.5) -> None:
    """Wait until voila has logged ``fills`` pool fills (the start-up fill, then one refill per visitor), then
    ``settle`` seconds more: the refilled kernel still runs the notebook after voila counts it."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while log.read_text(errors="replace").count(POOL_FILLED) < fills:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the demo's kernel pool was not refilled:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)
    time.sleep(settle)


def time_to_first_widget(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        page.locator(FIRST_WIDGET).first.wait_for(state="visible", timeout=TIMEOUT_MS)
        return time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="alisim-bench-") as tmp:
        tmp = Path(tmp)
        baseline = tmp / "button.ipynb"
        nb = new_notebook(cells=[new_code_cell('import ipywidgets\nipywidgets.Button(description="OK")')])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, str(baseline))

        servers = {}
        demo_log = tmp / "demo.log"
        try:
            servers["demo"] = start_voila(None, ROOT, demo_log)
            servers["button"] = start_voila(baseline, tmp, tmp / "button.log")
            times: dict[str, list[float]] = {name: [] for name in servers}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    demo_visits = 0
                    for load in range(
                        args.runs + 1
                    ):  # load 0 is the warm-up: first-time disk and static caches
                        for name, (_proc, url) in servers.items():
                            if name == "demo":
                                wait_for_pool(demo_log, fills=demo_visits + 1)
                                demo_visits += 1
                            elapsed = time_to_first_widget(browser, url)
                            if load:
                                times[name].append(elapsed)
                finally:
                    browser.close()
            used = demo_log.read_text(errors="replace").count("Using pre-heated kernel")
        finally:
            for proc, _url in servers.values():
                stop(proc)

    for name, label in (("demo", "bash scripts/demo.sh (preheated)"), ("button", "stock voila, one Button")):
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"{label:34s} median {statistics.median(times[name]):.2f} s   runs: {runs}")
    ratio = statistics.median(times["demo"]) / statistics.median(times["button"])
    print(f"ratio demo / button: {ratio:.2f}x  (target ≤ 0.30; {args.runs} runs each after one warm-up each; "
          f"{used} of {demo_visits} demo loads got a preheated kernel)")  # fmt: skip


if __name__ == "__main__":
    main()
