"""Build course notebooks from Python: cells with the right nbgrader metadata, no outputs.

Each ``tools/notebooks/build_NN_topic.py`` calls these helpers and writes
``course/NN_topic/NN_topic.ipynb``. Run ``python tools/notebooks/build_01_account.py`` after editing.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

__all__ = ["md", "code", "solution", "grade", "locked_md", "quiz", "write"]

_NB = {"schema_version": 3}
# A line break inside a Chinese paragraph would render as a space: join such lines.
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n[ \t]*(?=[\u4e00-\u9fffA-Za-z（“《])"
)


def _text(text: str) -> str:
    return _CJK_BREAK.sub("", text.strip())


def md(text: str):
    """A markdown cell (students may not need to edit it, but it is not locked)."""
    return new_markdown_cell(_text(text))


def locked_md(text: str, cell_id: str):
    """A read-only markdown cell (task statements)."""
    cell = new_markdown_cell(_text(text))
    cell.metadata["nbgrader"] = {**_NB, "grade": False, "grade_id": cell_id, "locked": True,
                                 "solution": False, "task": False}  # fmt: skip
    return cell


def code(source: str, cell_id: str | None = None, *, locked: bool = False):
    """An ordinary code cell; ``locked`` makes nbgrader restore it when grading."""
    cell = new_code_cell(source.strip())
    if locked:
        cell.metadata["nbgrader"] = {**_NB, "grade": False, "grade_id": cell_id, "locked": True,
                                     "solution": False, "task": False}  # fmt: skip
    return cell


def solution(source: str, cell_id: str):
    """An answer cell: the solution between BEGIN/END SOLUTION is removed in the release."""
    cell = new_code_cell(f"### BEGIN SOLUTION\n{source.strip()}\n### END SOLUTION")
    cell.metadata["nbgrader"] = {**_NB, "grade": False, "grade_id": cell_id, "locked": False,
                                 "solution": True, "task": False}  # fmt: skip
    return cell


def grade(source: str, cell_id: str, points: float):
    """A locked test cell whose last value (a CheckResult) is the partial credit."""
    cell = new_code_cell(source.strip())
    cell.metadata["nbgrader"] = {**_NB, "grade": True, "grade_id": cell_id, "locked": True,
                                 "points": points, "solution": False, "task": False}  # fmt: skip
    return cell


def write(cells: list, path: str | Path, title: str) -> Path:
    for n, cell in enumerate(cells):
        cell.id = f"cell-{n:03d}"  # stable ids keep rebuilt notebooks diff-friendly
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["title"] = title
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    nbformat.write(nb, str(path))
    return path


def quiz(qid: str) -> list:
    """A knowledge check's three cells: its screen, the answer (a solution cell: not in the release), the grade.

    The answer comes from the teacher's key (``tests/quiz_answers.py``): the package holds digests only.
    """
    from alisim_widgets.sim.quiz import QUESTIONS
    from autograde import SPECS
    from tests.quiz_answers import QUIZ_ANSWERS

    answer = QUIZ_ANSWERS[qid]
    if not QUESTIONS[qid].multiple:
        answer = answer[0]
    n = qid.split(".q")[1]
    return [
        code(f'aw.screen_for("{qid}", backend)'),
        solution(f'aw.screen_for("{qid}", backend).fill(answer={answer!r}).submit()', f"q{n}_answer"),
        grade(f'check("{qid}", backend)', f"q{n}_check", SPECS[qid].points),
    ]
