"""The README's first command: ``bash scripts/start.sh`` installs the course and serves the STUDENT copy.

- ``bash scripts/start.sh``: makes/refreshes ``student/`` (nbgrader's release: no reference solutions) and
  serves it in JupyterLab, with nbgrader's instructor extensions off;
- making the copy again (the next start) keeps a student's ``alisim_state.json`` byte for byte;
- ``bash scripts/start.sh --teacher``: the nbgrader sources in ``course/``, with every nbgrader extension.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.autograde.test_edition import solution_lines
from tests.e2e.browser import ROOT, clean_env, start_lab

pytestmark = pytest.mark.slow

TOKEN = "alisim-test"
INSTRUCTOR_ONLY = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment")


def start(tmp_path: Path, *options: str):
    return start_lab(tmp_path, TOKEN, *options)


def _get(url: str, path: str):
    with urllib.request.urlopen(f"{url}{path}{'&' if '?' in path else '?'}token={TOKEN}", timeout=30) as resp:
        body = resp.read().decode("utf-8")
    return json.loads(body) if "/api/" in path else body


def _setting(url: str, plugin: str, key: str):
    """The value in force when the user changed nothing: overrides.json sets the schema's default."""
    data = _get(url, f"/lab/api/settings/{plugin}")
    return data["settings"].get(key, data["schema"]["properties"][key]["default"])


def _page_config(html: str) -> dict:
    m = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_start_script_serves_the_student_copy(tmp_path):
    """The README's command as it is: the served notebooks are nbgrader's release, no solution in any."""
    with start(tmp_path) as (url, log):
        root = _get(url, "/api/contents/")
        served = sorted(item["name"] for item in root["content"] if item["type"] == "directory")
        sources = sorted(p.parent.name for p in (ROOT / "course").glob("[0-9][0-9]_*/*.ipynb"))
        assert served == sources and "01_account" in served, log.read_text(errors="replace")
        for project in served:
            model = _get(url, f"/api/contents/{project}/{project}.ipynb?content=1")
            text = json.dumps(model["content"], ensure_ascii=False)
            assert "### BEGIN SOLUTION" not in text and "BEGIN SOLUTION" not in text, project
            for line in solution_lines(ROOT / "course" / project / f"{project}.ipynb"):
                assert json.dumps(line, ensure_ascii=False)[1:-1] not in text, f"{project}: {line}"
            assert ".alisim_source" not in [
                i["name"] for i in _get(url, f"/api/contents/{project}")["content"]
            ]
        lab = _get(url, "/lab")
        config = _page_config(lab)
        assert all(ext in config["disabledExtensions"] for ext in INSTRUCTOR_ONLY)
        assert _setting(url, "@jupyterlab/translation-extension:plugin", "locale") == "zh_CN"
        news = "@jupyterlab/apputils-extension:notification"
        assert _setting(url, news, "fetchNews") == "false" and _setting(url, news, "checkForUpdates") is False
    assert (ROOT / "student" / "01_account" / "01_account.ipynb").exists()  # README: the copy is student/


def test_starting_again_keeps_the_students_saved_work(tmp_path):
    """start.sh makes the copy at every start: the second start leaves alisim_state.json byte for byte."""
    student = tmp_path / "student"

    def make_copy() -> str:
        # start.sh's own path up to JupyterLab (which then only prints its version and exits)
        proc = subprocess.run(
            ["bash", "scripts/start.sh", f"--student-dir={student}", "--version"], cwd=ROOT, env=clean_env(tmp_path),
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    assert "学生版" in make_copy()
    folder = student / "01_account"
    state = folder / "alisim_state.json"
    state.write_bytes(b'{"schema_version": 1, "saved": "\xe5\xad\xa6\xe7\x94\x9f"}\n')  # any bytes at all
    backup = folder / "alisim_state.json.corrupt-20260101-000000.bak"
    backup.write_bytes(b"old")
    before = state.read_bytes()
    notebook = (folder / "01_account.ipynb").read_bytes()
    make_copy()
    assert state.read_bytes() == before and backup.read_bytes() == b"old"
    assert (folder / "01_account.ipynb").read_bytes() == notebook
    (student / ".alisim_edition.json").unlink()  # as if the course had been updated: nbgrader runs again
    make_copy()
    assert state.read_bytes() == before and backup.read_bytes() == b"old"


def test_teacher_gets_the_sources_with_every_nbgrader_tool(tmp_path):
    with start(tmp_path, "--teacher") as (url, log):
        model = _get(url, "/api/contents/01_account/01_account.ipynb?content=1")
        assert "BEGIN SOLUTION" in json.dumps(model["content"], ensure_ascii=False)
        config = _page_config(_get(url, "/lab"))
        assert not [ext for ext in config["disabledExtensions"] if ext.startswith("@jupyter/nbgrader")]
        assert _setting(url, "@jupyterlab/translation-extension:plugin", "locale") == "zh_CN"
        # nbgrader's server extensions loaded (formgrader needs its own templates beside our feedback page)
        text = log.read_text(errors="replace")
        assert "extension failed loading" not in text and "Traceback" not in text, text[-3000:]
        with urllib.request.urlopen(f"{url}/formgrader/?token={TOKEN}", timeout=30) as resp:
            assert resp.status == 200 and "formgrade" in resp.read().decode("utf-8", "replace").lower()
