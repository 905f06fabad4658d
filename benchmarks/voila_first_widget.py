"""Voila time to first widget: course/demo.ipynb vs a notebook holding one ipywidgets.Button.

Both notebooks are served by standalone voila (one server each) and loaded in headless Debian chromium.
The clock runs from navigation start until the first widget button is visible (the demo's menu, the
baseline's Button): kernel start, executing the notebook, the page and the widget manager all count.
Each notebook gets one untimed warm-up load, then RUNS timed loads, interleaved; medians and the ratio print.

    python benchmarks/voila_first_widget.py [--runs 3]
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


def start_voila(notebook: Path, cwd: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = shutil.which("voila")
    cmd = [exe] if exe else [sys.executable, "-m", "voila"]
    cmd += [str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="alisim-bench-") as tmp:
        tmp = Path(tmp)
        baseline = tmp / "button.ipynb"
        nb = new_notebook(cells=[new_code_cell('import ipywidgets\nipywidgets.Button(description="OK")')])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, str(baseline))

        servers = {}
        try:
            servers["demo"] = start_voila(DEMO, ROOT, tmp / "demo.log")
            servers["button"] = start_voila(baseline, tmp, tmp / "button.log")
            times: dict[str, list[float]] = {name: [] for name in servers}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for _proc, url in servers.values():  # warm-up: first-time disk and static caches
                        time_to_first_widget(browser, url)
                    for _ in range(args.runs):
                        for name, (_proc, url) in servers.items():
                            times[name].append(time_to_first_widget(browser, url))
                finally:
                    browser.close()
        finally:
            for proc, _url in servers.values():
                stop(proc)

    for name, label in (("demo", "course/demo.ipynb (MyAlibabaShell)"), ("button", "one ipywidgets.Button")):
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"{label:38s} median {statistics.median(times[name]):.2f} s   runs: {runs}")
    ratio = statistics.median(times["demo"]) / statistics.median(times["button"])
    print(f"ratio demo / button: {ratio:.2f}x  ({args.runs} runs each, after one warm-up each)")


if __name__ == "__main__":
    main()
