"""The teacher's nbgrader course: where its folders and gradebook are, read the way nbgrader reads them.

``open_course(root)`` loads ``nbgrader_config.py`` exactly as ``nbgrader`` run from ``root`` would, so
the CLI sees the same source, submitted and autograded folders and the same gradebook.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Course", "CourseError", "open_course", "task_columns"]

CONFIG_FILE = "nbgrader_config.py"
# The last line of a grade cell that scores a task from the saved store: check("01.2.2", backend)
_CHECK_CALL = re.compile(r"""^check\(\s*["']([^"']+)["']\s*,\s*backend\s*\)\s*$""")


class CourseError(Exception):
    """A problem the teacher can fix (wrong folder, no such assignment, nothing submitted); Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before_cwd, before_path = os.getcwd(), list(sys.path)
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before_cwd)
        sys.path[:] = before_path  # nbgrader puts the course root on sys.path; leave ours as it was


@dataclass
class Course:
    """One nbgrader course root and its configuration."""

    root: Path
    coursedir: Any  # nbgrader.coursedir.CourseDirectory

    # --- folders -------------------------------------------------------------------------------
    def _folder(self, step: str, student: str, assignment: str) -> Path:
        return Path(self.coursedir.format_path(step, student, assignment))

    def source(self, assignment: str) -> Path:
        return self._folder(self.coursedir.source_directory, ".", assignment)

    def submitted(self, student: str, assignment: str) -> Path:
        return self._folder(self.coursedir.submitted_directory, student, assignment)

    def autograded(self, student: str, assignment: str) -> Path:
        return self._folder(self.coursedir.autograded_directory, student, assignment)

    def assignments(self) -> list[str]:
        """The assignments of the source folder (course/NN_topic/ holding a notebook)."""
        base = self.source("x").parent
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))

    def students_with(self, step: str, assignment: str) -> list[str]:
        """Student ids having a folder ``<step>/<id>/<assignment>/`` (step: submitted or autograded)."""
        pattern = self._folder(step, "*", assignment)
        base = pattern.parent.parent
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if (p / assignment).is_dir())

    def submissions(self, assignment: str) -> list[str]:
        return self.students_with(self.coursedir.submitted_directory, assignment)

    # --- checks with a Chinese message -------------------------------------------------------
    def require_assignment(self, assignment: str) -> Path:
        source = self.source(assignment)
        if not source.is_dir() or not any(source.glob("*.ipynb")):
            known = "、".join(self.assignments()) or "（没有）"
            raise CourseError(
                f"没有这个作业：{assignment}。源目录 {self.source('x').parent} 里的作业有：{known}"
            )
        return source

    def require_submissions(self, assignment: str) -> list[str]:
        students = self.submissions(assignment)
        if not students:
            folder = self._folder(self.coursedir.submitted_directory, "*", assignment)
            raise CourseError(
                f"作业 {assignment} 还没有学生提交（{folder} 为空）。"
                f"请先收取作业：nbgrader collect {assignment}"
            )
        return students

    # --- gradebook -----------------------------------------------------------------------------
    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    def db_path(self) -> Path:
        """The sqlite file of the gradebook (other databases are not supported by the parallel grader)."""
        from sqlalchemy.engine import make_url

        url = make_url(self.db_url)
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            raise CourseError(f"并行评分只支持 sqlite 文件形式的 gradebook（当前配置：{self.db_url}）")
        path = Path(url.database)
        return path if path.is_absolute() else self.root / path

    def gradebook(self):
        """``with course.gradebook() as gb: ...`` (nbgrader's Gradebook API)."""
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, self.coursedir.course_id)

    def require_in_gradebook(self, assignment: str) -> None:
        from nbgrader.api import MissingEntry

        if not self.db_path().is_file():
            raise CourseError(
                f"还没有 gradebook（{self.db_path()}）。请先生成作业：nbgrader generate_assignment {assignment}"
            )
        with self.gradebook() as gb:
            try:
                gb.find_assignment(assignment)
            except MissingEntry:
                raise CourseError(
                    f"gradebook 里没有作业 {assignment}。请先生成作业：nbgrader generate_assignment {assignment}"
                ) from None


def open_course(root: str | os.PathLike[str] | None = None) -> Course:
    """The course at ``root`` (default: the current folder), configured by its ``nbgrader_config.py``."""
    folder = Path(root or os.getcwd()).resolve()
    if not folder.is_dir():
        raise CourseError(f"课程根目录不存在：{folder}")
    if not (folder / CONFIG_FILE).is_file():
        raise CourseError(
            f"nbgrader 还没有配置：{folder} 里没有 {CONFIG_FILE}。"
            "请在课程根目录（仓库根目录）运行，或用 --course-root 指定它"
        )
    from nbgrader.apps.baseapp import NbGrader

    with _inside(folder):
        app = NbGrader()
        try:
            app.initialize([])
        except Exception as exc:  # noqa: BLE001 - a broken config file is the teacher's to fix
            raise CourseError(f"{CONFIG_FILE} 无法读取：{type(exc).__name__}: {exc}") from exc
        coursedir = app.coursedir
    return Course(Path(coursedir.root).resolve(), coursedir)


def task_columns(source_folder: Path) -> list[tuple[str, str, str, float]]:
    """The grade cells of an assignment in notebook order: (notebook, grade_id, task id or grade_id, points)."""
    import nbformat

    out = []
    for path in sorted(source_folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if not meta.get("grade"):
                continue
            lines = cell.source.strip().splitlines()
            m = _CHECK_CALL.match(lines[-1]) if lines else None
            out.append(
                (path.stem, meta["grade_id"], m.group(1) if m else meta["grade_id"], float(meta["points"]))
            )
    return out
