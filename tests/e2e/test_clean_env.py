"""Commands of the README in a shell where no venv is active (``env -i``, a minimal PATH), as on a new machine.

nbgrader creates a gradebook by running the program ``alembic`` found on PATH; before the fix a teacher's
``.venv/bin/nbgrader …`` without ``source .venv/bin/activate`` failed with ``FileNotFoundError: 'alembic'``.
What these tests prove: the teacher's command works without activation (``nbgrader_config.py`` puts nbgrader's
own bin folder on PATH), the scripts put ``.venv/bin`` first on PATH, and CI runs the README's test command
in a clean environment. The whole README test command under ``env -i`` is what ``.ci/run`` itself runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the venv's bin folder (tests run with .venv/bin/python)
CLEAN_PATH = "/usr/bin:/bin"  # no venv on it

pytestmark = pytest.mark.slow


def _clean(home: Path) -> list[str]:
    return ["env", "-i", f"HOME={home}", f"PATH={CLEAN_PATH}", "LANG=C.UTF-8"]


def test_a_teacher_command_works_without_activating_the_venv(tmp_path):
    """``.venv/bin/nbgrader generate_assignment 01_account`` in a copy of the course, nothing activated."""
    if not (BIN / "nbgrader").exists():
        pytest.skip(f"no nbgrader program beside {sys.executable}")
    course = tmp_path / "course_root"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "course", course / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    assert shutil.which("alembic", path=CLEAN_PATH) is None  # the clean PATH really lacks it
    proc = subprocess.run(
        [*_clean(tmp_path), str(BIN / "nbgrader"), "generate_assignment", "01_account"], cwd=course,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (course / "release" / "01_account" / "01_account.ipynb").exists()
    assert (course / "gradebook.db").exists()  # created through alembic


def test_the_scripts_put_the_venv_first_on_path(tmp_path):
    """What start.sh and test.sh source: ``alembic`` and ``jupyter`` are the venv's (not installed here)."""
    proc = subprocess.run(
        [*_clean(tmp_path), "bash", "-c", "source scripts/_env.sh && command -v alembic && command -v jupyter"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    venv_bin = str(ROOT / ".venv" / "bin")
    assert proc.stdout.split() == [f"{venv_bin}/alembic", f"{venv_bin}/jupyter"], proc.stdout


def test_ci_runs_the_readme_test_command_in_a_clean_environment():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [line for line in ci.splitlines() if "scripts/test.sh" in line and not line.startswith("#")]
    assert command == ['"${clean_env[@]}" bash scripts/test.sh -q -p no:cacheprovider'], command
    assert 'clean_env=(env -i "HOME=$home" "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8"' in ci


def test_the_teachers_grading_command_works_without_activating_the_venv(tmp_path):
    """``.venv/bin/python -m autograde grade`` on a fresh course: it creates the gradebook through alembic."""
    from tests.autograde.classroom import add_submission

    course = tmp_path / "course_root"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "course" / "01_account", course / "course" / "01_account",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "alisim_state.json*"))  # fmt: skip
    clean = [*_clean(tmp_path), f"PYTHONPATH={ROOT}"]
    proc = subprocess.run([*clean, sys.executable, "-m", "nbgrader", "generate_assignment", "01_account"],
                          cwd=course, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    add_submission(course, "S01", "all_right")
    proc = subprocess.run([*clean, sys.executable, "-m", "autograde", "grade", "01_account"],
                          cwd=course, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from tests.autograde.classroom import FULL_MARKS

    assert f"[1/1] S01 {FULL_MARKS:g}/{FULL_MARKS:g}" in proc.stdout
