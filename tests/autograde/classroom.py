"""A temporary nbgrader course with a class of 01_account submissions made by driving the screens.

Used by tests/autograde/test_cli.py and benchmarks/class_grading.py. Every submission folder looks like
what ``nbgrader collect`` leaves: ``submitted/<id>/01_account/`` with the released notebook, the student's
``alisim_state.json`` (written by the screens, as a student's clicks write it) and ``timestamp.txt``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat

import alisim_widgets as aw

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_account"

REGISTRATION = {
    "company_name": "湖南典阅科技有限公司",
    "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "license_no": "440000551523412",
    "email": "dianyuekeji@163.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "password": "dianyue123",
    "mobile": "13666301234",
}
QUIZ = {
    "01.q1": ["在大陆工商局注册、自己生产玩具的工厂", "在大陆注册、专做服装出口的贸易公司"],
    "01.q2": "29800 元/年",
    "01.q3": "10 个",
    "01.q4": ["没有绑定过阿里旗下产品的电子邮箱", "能接收验证码的手机号码", "与营业执照一致的公司名称",
              "法人的英文姓名", "登录密码"],
    "01.q5": "错",
    "01.q6": "2015 年",
    "01.q7": ["营业执照", "法人身份证件", "代理人二代身份证", "委托书", "银行对公账户"],
    "01.q8": "150 元、250 元",
}  # fmt: skip
# 01.2.2 is worth 10, each knowledge check 1: derived, so a new question changes one place only.
FULL_MARKS = 10.0 + len(QUIZ)


def clean_env() -> dict[str, str]:
    """A teacher's shell: practice mode, not inside an nbgrader run."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ALISIM_", "NBGRADER_"))}


def nbgrader(course: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course, env=clean_env(),
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def make_course(tmp: Path, generate: bool = True) -> Path:
    """A course root with the repo's nbgrader_config.py and project 01 (``nbgrader generate_assignment`` run)."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", tmp / "nbgrader_config.py")
    shutil.copytree(ROOT / "course" / ASSIGNMENT, tmp / "course" / ASSIGNMENT,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "alisim_state.json*"))  # fmt: skip
    if generate:
        proc = nbgrader(tmp, "generate_assignment", ASSIGNMENT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return tmp


# --- what a student does on the screens -------------------------------------------------------------------
def _register(folder: Path, **changes: str) -> None:
    backend = aw.open_backend(ASSIGNMENT, path=folder)
    screen = aw.screen_for("01.2.2", backend).fill(**{**REGISTRATION, **changes})
    screen.request_code()
    result = screen.fill(verification_code=backend.inbox.last_code()).submit()
    assert result.ok, result


def _answer(folder: Path, answers: dict) -> None:
    backend = aw.open_backend(ASSIGNMENT, path=folder)
    for qid, answer in answers.items():
        assert aw.screen_for(qid, backend).fill(answer=answer).submit().ok


def _quiz(**changes) -> dict:
    return {**QUIZ, **changes}


def _all_right(folder: Path) -> None:
    _register(folder)
    _answer(folder, _quiz())


def _english_name_wrong(folder: Path) -> None:
    _register(folder, legal_rep_name_en="Long Zhang")
    _answer(folder, _quiz())


def _two_fields_wrong(folder: Path) -> None:
    _register(folder, legal_rep_name_en="Zhang Hu", mobile="13666301235")
    _answer(folder, _quiz(**{"01.q2": "80000 元/年"}))


def _quiz_wrong(folder: Path) -> None:
    _register(folder)
    _answer(folder, _quiz(**{"01.q3": "5 个", "01.q5": "对"}))


def _quiz_only(folder: Path) -> None:
    _answer(folder, _quiz())


def _nothing(folder: Path) -> None:
    """Handed in the notebook without ever submitting a screen: no state file."""


def _corrupt_state(folder: Path) -> None:
    _all_right(folder)
    (folder / "alisim_state.json").write_text('{"schema_version": 1, "project": "01_acc', encoding="utf-8")


def _answer_cell_raises(folder: Path) -> None:
    """Did the work on the screens, then typed broken code into an answer cell."""
    _all_right(folder)
    path = folder / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "answer_01_2_2":
            cell.source = "registration.fill(email=1 / 0)"
    nbformat.write(nb, path)


def _notebook_not_json(folder: Path) -> None:
    _all_right(folder)
    (folder / f"{ASSIGNMENT}.ipynb").write_text("{ this is not a notebook", encoding="utf-8")


# name → (what the student did, expected total of `nbgrader autograde`, or None when grading fails)
VARIANTS: dict[str, tuple[Callable[[Path], None], float | None]] = {
    "all_right": (_all_right, FULL_MARKS),
    "english_name_wrong": (_english_name_wrong, FULL_MARKS - 10 / 8),
    "two_fields_wrong": (_two_fields_wrong, FULL_MARKS - 2 * 10 / 8 - 1),
    "quiz_wrong": (_quiz_wrong, FULL_MARKS - 2),
    "quiz_only": (_quiz_only, float(len(QUIZ))),
    "nothing": (_nothing, 0.0),
    "corrupt_state": (_corrupt_state, 0.0),
    "answer_cell_raises": (_answer_cell_raises, FULL_MARKS),
    "notebook_not_json": (_notebook_not_json, None),
}
GRADABLE = [name for name, (_, total) in VARIANTS.items() if total is not None]


def _endless_loop(folder: Path) -> None:
    """Did the work on the screens, then left ``while True: pass`` in an answer cell."""
    _all_right(folder)
    path = folder / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "answer_01_2_2":
            cell.source = "while True:\n    pass"
    nbformat.write(nb, path)


# Costs nbgrader's whole cell timeout (Execute.timeout): kept out of VARIANTS (and of the benchmark).
SLOW_VARIANTS: dict[str, tuple[Callable[[Path], None], float | None]] = {
    "endless_loop": (_endless_loop, FULL_MARKS)
}


def add_submission(course: Path, student: str, variant: str, timestamp: str = "2024-03-01 10:00:00") -> Path:
    """``submitted/<student>/01_account/`` made by the student doing ``variant`` on the screens."""
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    release = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    # Without a release (fast tests that never execute it) the source notebook stands in.
    shutil.copy(
        release if release.is_file() else course / "course" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", folder
    )
    {**VARIANTS, **SLOW_VARIANTS}[variant][0](folder)
    for leftover in folder.glob(".alisim_state.json.lock"):
        leftover.unlink()  # the lock file is not something a student hands in
    (folder / "timestamp.txt").write_text(timestamp, encoding="utf-8")
    return folder


def make_class(course: Path, variants: list[str]) -> dict[str, str]:
    """Students S01, S02, … each doing the variant at the same position; returns id → variant."""
    students = {f"S{i + 1:02d}": v for i, v in enumerate(variants)}
    for student, variant in students.items():
        add_submission(course, student, variant)
    return students
