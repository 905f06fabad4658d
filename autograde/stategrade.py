"""Grading from the saved store: no student code runs, in the teacher's process or anywhere else.

Every task's work is in the submission's ``alisim_state.json``. Grading reads that file (safely: a regular
file inside the submission, bounded in size and depth) in the grader's own process and writes each grade
cell's outputs as if ``check("TASK", backend)`` had run: the Chinese feedback as stdout and the score as
the cell's result, which nbgrader's own ``SaveAutoGrades`` then stores. Other code cells are left without
outputs (the answer cells are kept for the teacher to read, never run).

- :class:`GradeFromState` is an nbgrader preprocessor: ``nbgrader_config.py`` puts it in place of
  ``Execute`` in ``Autograde.autograde_preprocessors``, so plain ``nbgrader autograde`` grades this way;
- :func:`load_submission` and :func:`grade_notebook` are shared with the fast class grader
  (:mod:`autograde.grading`), the report and ``verify``.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor

from alisim_widgets.sim.config import load_config
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.safe_json import UnsafeStateFile, read_state_json

from .check import score_task
from .result import CheckResult
from .spec import SPECS

__all__ = [
    "STATE_FILE", "Submission", "load_submission", "grade_notebook", "task_of_cell", "GradeFromState",
    "PER_STUDENT_SECONDS", "grading_reveals", "score_submission",
]  # fmt: skip

STATE_FILE = STATE_FILENAME  # the simulator's own name for it
# Reading and checking one store takes milliseconds; a file built to be slow is given up after this.
PER_STUDENT_SECONDS = 20
# The last line of a grade cell that scores a task from the saved store: check("01.2.2", backend)
_CHECK_CALL = re.compile(r"""^check\(\s*["']([^"']+)["']\s*,\s*backend\s*\)\s*$""")
_OPEN_BACKEND = re.compile(r"""open_backend\(\s*["'](\d\d_[a-z]+)["']""")
UNUSABLE = "进度文件无法使用"


class GradingTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the block after ``seconds`` (main thread on POSIX; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(_signum, _frame):
        raise GradingTimeout

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Submission:
    """A student's saved store, read for grading (``backend`` is None when it cannot be used)."""

    backend: Any | None
    problem: str = ""  # Chinese: why there is no usable store
    missing: bool = False  # no state file at all (nothing done on the screens)

    @property
    def usable(self) -> bool:
        return self.backend is not None


def load_submission(folder: str | Path, project: str) -> Submission:
    """The store handed in ``folder`` as an in-memory backend (never written back), or why not."""
    from pydantic import ValidationError

    from alisim_widgets.sim.backend import Backend
    from alisim_widgets.sim.state import SCHEMA_VERSION, StoreState

    folder = Path(folder)
    try:
        raw = read_state_json(folder / STATE_FILE, inside=folder)
    except FileNotFoundError:
        return Submission(None, "没有提交进度文件 alisim_state.json（页面上的操作都保存在这个文件里）", True)
    except UnsafeStateFile as exc:
        return Submission(None, f"{UNUSABLE}：{exc.reason}")
    version = raw.get("schema_version")
    if version != SCHEMA_VERSION:
        return Submission(None, f"{UNUSABLE}：格式版本 {version!r} 不是本软件的 {SCHEMA_VERSION}")
    if raw.get("project") != project:
        return Submission(None, f"{UNUSABLE}：这是另一个项目（{raw.get('project')!r}）的进度文件")
    try:
        state = StoreState.model_validate(raw)
    except ValidationError:
        return Submission(None, f"{UNUSABLE}：内容被改动，无法识别")
    except (RecursionError, ValueError, TypeError) as exc:
        return Submission(None, f"{UNUSABLE}：{type(exc).__name__}")
    return Submission(Backend(project, state, None))


def grading_reveals(course_root: str | Path | None) -> bool:
    """Feedback may echo the student's own wrong values, unless the course is in exam mode."""
    return not load_config(course_root).exam


def task_of_cell(source: str) -> str | None:
    """The task id of a grade cell whose last line is ``check("ID", backend)``."""
    lines = source.strip().splitlines()
    m = _CHECK_CALL.match(lines[-1].strip()) if lines else None
    return m.group(1) if m and m.group(1) in SPECS else None


def project_of(nb: NotebookNode, assignment: str) -> str:
    """The simulator project of a notebook: the assignment's name, or the one its first cell opens."""
    from alisim_widgets.sim import PROJECTS

    if assignment in PROJECTS:
        return assignment
    for cell in nb.cells:
        if cell.cell_type == "code":
            m = _OPEN_BACKEND.search(cell.source)
            if m:
                return m.group(1)
    return assignment


def _score_all(task_ids: list[str], sub: Submission, reveal: bool) -> dict[str, CheckResult]:
    out: dict[str, CheckResult] = {}
    for task_id in task_ids:
        spec = SPECS[task_id]
        if not sub.usable:
            out[task_id] = CheckResult(task_id, spec.title, 0, spec.points, [], sub.problem)
            continue
        out[task_id] = score_task(task_id, sub.backend, reveal=reveal)
    return out


def score_submission(task_ids: list[str], sub: Submission, reveal: bool) -> dict[str, CheckResult]:
    """Every task of ``task_ids`` scored on the submission, within :data:`PER_STUDENT_SECONDS`."""
    try:
        with time_limit(PER_STUDENT_SECONDS):
            return _score_all(task_ids, sub, reveal)
    except GradingTimeout:
        slow = Submission(None, f"{UNUSABLE}：检查超过 {PER_STUDENT_SECONDS} 秒仍未完成")
        return _score_all(task_ids, slow, reveal)


def grade_outputs(result: CheckResult) -> list[NotebookNode]:
    """What ``check()`` prints and returns, as a grade cell's outputs (nbgrader reads the result)."""
    text = "\n".join(result.feedback_lines()) + "\n"
    return [
        from_dict({"output_type": "stream", "name": "stdout", "text": text}),
        from_dict(
            {"output_type": "execute_result", "execution_count": None, "metadata": {},
             "data": {"text/plain": repr(float(result))}}
        ),
    ]  # fmt: skip


def _not_gradable() -> list[NotebookNode]:
    return [
        from_dict(
            {"output_type": "error", "ename": "NotGradable", "evalue": "",
             "traceback": ["这个评分单元格不是 check(\"任务编号\", backend)：无法按进度文件评分，请老师手动评分。"]}
        )
    ]  # fmt: skip


def grade_notebook(nb: NotebookNode, sub: Submission, reveal: bool) -> dict[str, CheckResult]:
    """Fill every grade cell of ``nb`` from ``sub`` and clear every other code cell's outputs."""
    grade_cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = []
        cell.execution_count = None
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            grade_cells.append(cell)
    task_ids = [t for t in (task_of_cell(c.source) for c in grade_cells) if t]
    results = score_submission(list(dict.fromkeys(task_ids)), sub, reveal)
    for cell in grade_cells:
        task_id = task_of_cell(cell.source)
        cell.outputs = grade_outputs(results[task_id]) if task_id else _not_gradable()
    return results


def _coursedir(preprocessor) -> Any:
    node = preprocessor
    while node is not None:
        coursedir = getattr(node, "coursedir", None)
        if coursedir is not None:
            return coursedir
        node = getattr(node, "parent", None)
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=preprocessor.config)


class GradeFromState(NbGraderPreprocessor):
    """nbgrader autograde step in place of ``Execute``: grade cells' outputs from the saved store.

    The store is read from the student's *submitted* folder (``submitted/<id>/<assignment>/``), not the
    autograded copy nbgrader made of it: the copy would have followed a symlink to someone else's file.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        info = resources["nbgrader"]
        coursedir = _coursedir(self)
        folder = Path(
            coursedir.format_path(coursedir.submitted_directory, info["student"], info["assignment"])
        )
        project = project_of(nb, info["assignment"])
        sub = load_submission(folder, project)
        grade_notebook(nb, sub, grading_reveals(coursedir.root))
        if sub.problem:
            self.log.warning("%s: %s", info["student"], sub.problem)
        return nb, resources
