"""The README's first command: ``bash scripts/start.sh`` installs the course and serves it in JupyterLab."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest

from tests.e2e.browser import ROOT, free_port

pytestmark = pytest.mark.slow

TOKEN = "alisim-test"


def test_start_script_serves_the_course(tmp_path):
    port = free_port()
    log = tmp_path / "start.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["bash", "scripts/start.sh", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={TOKEN}"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 300  # a first run installs the course into .venv
        listing = None
        while time.monotonic() < deadline and listing is None:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                url = f"http://127.0.0.1:{port}/api/contents/01_account?token={TOKEN}"
                with urllib.request.urlopen(url, timeout=5) as resp:
                    listing = json.load(resp)
            except OSError:
                time.sleep(1)
        assert listing is not None, log.read_text(errors="replace")
        names = [item["name"] for item in listing["content"]]
        assert "01_account.ipynb" in names  # the course folder is the notebook root
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={TOKEN}", timeout=10) as resp:
            assert resp.status == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
