"""``grade --execute``: the executed run is for reading only, sandboxed, and leaves nothing running."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.autograde.classroom import ASSIGNMENT, FULL_MARKS, _all_right, clean_env, make_course

pytestmark = pytest.mark.slow


def _submission(course: Path, student: str, code: str | None) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    shutil.copy(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", folder)
    _all_right(folder)
    if code is not None:
        path = folder / f"{ASSIGNMENT}.ipynb"
        nb = nbformat.read(path, as_version=4)
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
        cell.source = code
        nbformat.write(nb, path)
    for leftover in folder.glob(".alisim_state.json.lock"):
        leftover.unlink()
    (folder / "timestamp.txt").write_text("2024-03-01 10:00:00", encoding="utf-8")


def _tagged(tag: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if tag.encode() in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    root = make_course(tmp_path_factory.mktemp("sandbox") / "root")
    _submission(
        root, "S01", "import os\nprint('WHERE', os.getcwd(), os.environ.get('HOME'), sorted(os.environ))"
    )
    _submission(root, "S02", DAEMON)
    _submission(root, "S03", "import os\nos._exit(1)")
    _submission(root, "S04", "while True:\n    pass")
    return root


TAG = f"alisim-daemon-{os.getpid()}"
DAEMON = (
    "import subprocess, sys\n"
    f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', '{TAG}'], start_new_session=True)\n"
)


def test_grade_execute_never_changes_scores_and_never_runs_code_as_root(course):
    proc = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT, "--execute"], cwd=course, env=clean_env(),
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    for sid in ("S01", "S02", "S03", "S04"):
        assert f"{sid} {FULL_MARKS:g}/{FULL_MARKS:g}" in out  # the store decides, whatever the code does
    from autograde.sandbox import SandboxUnavailable, sandbox_user

    try:
        sandbox_user()
    except SandboxUnavailable:
        assert "没有运行笔记本：无特权用户 nobody 无法运行" in out  # refused, not run as root
        assert not (course / "executed").exists()
    else:
        assert (course / "executed" / "S01" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()
    time.sleep(0.5)
    assert _tagged(TAG) == []


def test_the_executed_run_is_private_limited_and_leaves_nothing_running(course, tmp_path, monkeypatch):
    from autograde import sandbox

    monkeypatch.setattr(sandbox, "WALL_SECONDS", 40)
    same_user = (None, None)  # what a teacher's own (non-root) account gets
    runs = {
        sid: sandbox.run_executed(
            course / "submitted" / sid / ASSIGNMENT, tmp_path / sid, sid, ASSIGNMENT, same_user
        )
        for sid in ("S01", "S02", "S03", "S04")
    }
    assert runs["S01"].ok and runs["S02"].ok, runs
    nb = nbformat.read(runs["S01"].path, as_version=4)
    printed = "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    where = next(line for line in printed.splitlines() if line.startswith("WHERE"))
    assert str(course) not in where and "alisim-exec-" in where  # a private copy, HOME inside it
    assert "NBGRADER" not in where and "ALISIM_MODE" not in where
    assert runs["S03"].reason.startswith("学生的内核在运行中退出"), runs["S03"]
    assert not runs["S04"].ok and "死循环" in runs["S04"].reason, runs["S04"]
    time.sleep(0.5)
    assert _tagged(TAG) == [], "a process the student started outlived the run"
    assert not list(Path(sandbox.tempfile.gettempdir()).glob("alisim-exec-*")), "the private copy is removed"
