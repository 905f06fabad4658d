"""The student edition (``python -m autograde.edition``): nbgrader's release, made again without losing work."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import alisim_widgets as aw
from alisim_widgets.screens.tasks import ModeBanner
from autograde.edition import MANIFEST, make_student_edition

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PROJECTS = sorted(p.parent.name for p in (ROOT / "course").glob("[0-9][0-9]_*/*.ipynb"))


def solution_lines(notebook: Path) -> list[str]:
    """The reference-solution code of a source notebook (what nbgrader removes), one stripped line each."""
    nb = nbformat.read(notebook, as_version=4)
    lines = []
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            body = cell.source.split("### BEGIN SOLUTION", 1)[1].split("### END SOLUTION", 1)[0]
            lines += [line.strip() for line in body.splitlines() if len(line.strip()) > 12]
    return lines


@pytest.fixture
def course(tmp_path) -> Path:
    """A copy of the course root (sources and nbgrader_config.py) that a test may change."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "course", root / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def _change_source(course: Path, project: str, text: str) -> None:
    """A new course version: the first markdown cell of a source notebook gets ``text`` appended."""
    path = course / "course" / project / f"{project}.ipynb"
    nb = nbformat.read(path, as_version=4)
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    first_md.source += f"\n\n{text}"
    nbformat.write(nb, path)


def _type_answer(notebook: Path, answer: str) -> bytes:
    """The student types code into the first answer cell (replacing the stub's ``pass``) and saves."""
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("solution"))
    assert "pass" in cell.source
    cell.source = cell.source.replace("pass", answer)
    nbformat.write(nb, notebook)
    return notebook.read_bytes()


def test_every_project_with_a_notebook_is_released_without_solutions(course, tmp_path):
    dest = tmp_path / "student"
    make_student_edition(dest, course)
    released = sorted(p.parent.name for p in dest.glob("*/*.ipynb"))
    assert released == SOURCE_PROJECTS and "01_account" in released
    for folder in (course / "course").glob("[0-9][0-9]_*"):  # a project without a notebook yet is left out
        if not (folder / f"{folder.name}.ipynb").exists():
            assert not list(dest.glob(f"{folder.name}*"))
    for project in released:
        text = (dest / project / f"{project}.ipynb").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        for line in solution_lines(course / "course" / project / f"{project}.ipynb"):
            assert line not in text, f"{project}: reference solution left in the student copy: {line}"
        assert "可选：也可以用代码完成任务" in text  # the course's ClearSolutions stub
        assert not (dest / project / ".alisim_source").exists()  # progress is saved in the student copy
        nb = nbformat.read(dest / project / f"{project}.ipynb", as_version=4)
        graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert graded and all(c.metadata["nbgrader"].get("checksum") for c in graded)  # as nbgrader releases


def test_the_copy_is_what_nbgrader_generate_assignment_releases(course, tmp_path):
    """Byte for byte the notebook of ``nbgrader generate_assignment 01_account`` in the same course."""
    make_student_edition(tmp_path / "student", course)
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "01_account"], cwd=course, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    ours = (tmp_path / "student" / "01_account" / "01_account.ipynb").read_bytes()
    assert ours == (course / "release" / "01_account" / "01_account.ipynb").read_bytes()


def test_making_the_copy_again_keeps_the_students_work(course, tmp_path):
    dest = tmp_path / "student"
    make_student_edition(dest, course)
    folder = dest / "01_account"
    backend = aw.open_backend("01_account", path=folder)
    with backend.transaction("test.exam") as work:  # any saved change makes a real state file
        work.tick += 1
    state = (folder / "alisim_state.json").read_bytes()
    own = {folder / "my_notes.txt": b"mine", folder / "alisim_state.json.reset-1.bak": b"old"}
    for path, data in own.items():
        path.write_bytes(data)
    notebook = folder / "01_account.ipynb"
    typed = _type_answer(notebook, "print('my code')")

    # The same course again: nothing changes, not even the typed notebook.
    report = make_student_edition(dest, course)
    assert report.up_to_date and not report.backups
    assert notebook.read_bytes() == typed
    # The manifest lost (an older copy): nbgrader runs again, the typed notebook is kept as a backup.
    (dest / MANIFEST).unlink()
    report = make_student_edition(dest, course)
    assert [rel for rel, _bak in report.backups] == ["01_account/01_account.ipynb"]
    backup = dest / report.backups[0][1]
    assert backup.name.startswith("01_account.ipynb.") and backup.name.endswith(".bak")
    assert backup.read_bytes() == typed
    assert (folder / "alisim_state.json").read_bytes() == state
    assert all(path.read_bytes() == data for path, data in own.items())


def test_a_new_course_version_replaces_the_notebook_and_keeps_the_state(course, tmp_path):
    dest = tmp_path / "student"
    make_student_edition(dest, course)
    state = dest / "01_account" / "alisim_state.json"
    state.write_bytes(b'{"not": "even valid"}')  # whatever the student has: byte for byte
    before = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file() and p.name != MANIFEST}

    _change_source(course, "01_account", "（第二版）")
    report = make_student_edition(dest, course)
    assert report.written == ["01_account/01_account.ipynb"] and not report.backups  # untouched: no backup
    assert "（第二版）" in (dest / "01_account" / "01_account.ipynb").read_text(encoding="utf-8")
    assert state.read_bytes() == b'{"not": "even valid"}'
    for path, data in before.items():
        if path.name != "01_account.ipynb":
            assert path.read_bytes() == data, path

    # The student types into the new notebook; the third version keeps the typed one as a backup.
    notebook = dest / "01_account" / "01_account.ipynb"
    typed = _type_answer(notebook, "print('答')")
    _change_source(course, "01_account", "（第三版）")
    report = make_student_edition(dest, course)
    assert len(report.backups) == 1 and (dest / report.backups[0][1]).read_bytes() == typed
    assert "（第三版）" in notebook.read_text(encoding="utf-8")
    assert state.read_bytes() == b'{"not": "even valid"}'


def test_other_files_of_a_project_are_copied_but_never_the_students_own(course, tmp_path):
    project = course / "course" / "01_account"
    (project / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (project / "alisim_state.json").write_text("{}", encoding="utf-8")  # a stale one in the source
    (project / ".alisim_state.json.lock").write_text("", encoding="utf-8")
    dest = tmp_path / "student"
    make_student_edition(dest, course)
    names = sorted(p.name for p in (dest / "01_account").iterdir())
    assert names == ["01_account.ipynb", "data.csv"]
    manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    assert "01_account/data.csv" in manifest["files"]


def test_command_line(course, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "autograde.edition", "--dest", "stu", "--course-root", str(course)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "学生版" in proc.stdout
    assert (course / "stu" / "01_account" / "01_account.ipynb").exists()


def test_teacher_source_says_so_at_the_top(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / ".alisim_source").touch()
    banner = ModeBanner(aw.open_backend("01_account", path=source)).html.value
    assert "教师版（含参考答案）" in banner and "student/" in banner and "内存" in banner
    student = ModeBanner(aw.open_backend("01_account", path=tmp_path)).html.value
    assert "教师版" not in student and "练习模式" in student
    assert "教师版" not in ModeBanner(aw.open_backend("01_account", path=None)).html.value  # the demo
