"""Exam mode belongs to the teacher: nothing in the student's folder or kernel can switch it off.

The "server" is this test's child process started with ``ALISIM_MODE=exam`` (as a JupyterHub spawner or a
teacher's lab server would set it); the "kernel" is its child, where the student tries every trick.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import alisim_widgets as aw
from alisim_widgets.sim import config as course_config
from tests.autograde.classroom import REGISTRATION

ROOT = Path(__file__).resolve().parents[2]

KERNEL = r"""
import json, os, sys
from pathlib import Path
folder = Path(sys.argv[1])
# 1. the student's own config file says practice
(folder / "alisim_config.json").write_text('{"mode": "practice"}', encoding="utf-8")
# 2. the kernel's environment says practice; 3. pretend to be nbgrader's executing run
os.environ["ALISIM_MODE"] = "practice"
os.environ["NBGRADER_EXECUTION"] = "autograde"
import alisim_widgets as aw
from autograde import check, evaluate
from alisim_widgets.screens.tasks import SelfCheck
backend = aw.open_backend("01_account", path=folder)
results = [check("01.2.2", backend, quiet=True), evaluate("01.2.2", backend),
           evaluate("01.2.2", backend, reveal=True), evaluate("01.q1", backend)]
selfcheck = SelfCheck(backend, "01.2.2")
print(json.dumps({
    "scores": [float(r) for r in results],
    "fields": [len(r.fields) for r in results],
    "hidden": [r.hidden for r in results],
    "selfcheck_hidden": selfcheck.widget.layout.display == "none",
    "selfcheck_text": selfcheck.run(),
}))
"""

SERVER = r"""
import subprocess, sys
sys.exit(subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]]).returncode)
"""


def _student_work(folder: Path) -> None:
    backend = aw.open_backend("01_account", path=folder)
    screen = aw.screen_for("01.2.2", backend).fill(**{**REGISTRATION, "mobile": "13666301235"})
    screen.request_code()
    assert screen.fill(verification_code=backend.inbox.last_code()).submit().ok


def _kernel_under_server(folder: Path, server_env: dict) -> dict:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "PYTHONPATH": str(ROOT), **server_env}
    proc = subprocess.run(
        [sys.executable, "-c", SERVER, KERNEL, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_server_s_exam_mode_survives_every_trick_in_the_kernel(tmp_path):
    _student_work(tmp_path)
    seen = _kernel_under_server(tmp_path, {"ALISIM_MODE": "exam"})
    assert seen["scores"] == [0, 0, 0, 0]
    assert seen["fields"] == [0, 0, 0, 0] and all(seen["hidden"])
    assert seen["selfcheck_hidden"] and seen["selfcheck_text"] == ""


def test_without_the_teacher_s_exam_mode_practice_shows_feedback(tmp_path):
    _student_work(tmp_path)
    seen = _kernel_under_server(tmp_path, {})
    assert seen["scores"][0] == 10 - 10 / 8 and seen["fields"][0] == 8 and not any(seen["hidden"])


def test_a_student_file_can_only_make_the_mode_stricter(tmp_path, monkeypatch):
    monkeypatch.delenv("ALISIM_MODE", raising=False)
    monkeypatch.setattr(course_config, "_proc_environ", lambda pid: {})
    assert not course_config.load_config(tmp_path).exam
    (tmp_path / "alisim_config.json").write_text('{"mode": "exam", "exam_minutes": 30}', encoding="utf-8")
    assert course_config.load_config(tmp_path) == course_config.CourseConfig("exam", 30)
    monkeypatch.setenv("ALISIM_MODE", "practice")  # the environment cannot loosen it
    assert course_config.load_config(tmp_path).exam


def test_the_system_file_of_the_teacher_sets_exam(tmp_path, monkeypatch):
    system = tmp_path / "etc" / "config.json"
    system.parent.mkdir()
    system.write_text('{"mode": "exam", "exam_minutes": 90}', encoding="utf-8")
    monkeypatch.delenv("ALISIM_MODE", raising=False)
    monkeypatch.setattr(course_config, "_proc_environ", lambda pid: {})
    monkeypatch.setattr(course_config, "system_config_paths", lambda: [system])
    student = tmp_path / "student"
    student.mkdir()
    (student / "alisim_config.json").write_text('{"mode": "practice"}', encoding="utf-8")
    assert course_config.load_config(student) == course_config.CourseConfig("exam", 90)
