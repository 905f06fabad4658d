"""The 07 notebook cells for 外贸直通车 (07.9.3–07.9.6, 07.q10–07.q15), on their own.

``tools/notebooks/build_07_marketing.py`` puts them in the project notebook (tested by test_notebooks.py);
here they run in a small notebook of their own: the source version scores full marks with nothing on
stderr (twice in the same folder), the released version (answers replaced by a stub) runs without error
and scores 0, and no answer appears outside the answer cells.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tools" / "notebooks"))

from nbbuild import code, write  # noqa: E402
from p07_p4p_cells import P4P_QUIZ, P4P_TASKS, p4p_cells  # noqa: E402

SETUP = """
import alisim_widgets as aw
from alisim_widgets.screens.tasks import SelfCheck
from autograde import check

backend = aw.open_backend("07_marketing", path=".")
"""
STUB = "# 可选：也可以用代码完成任务（用上面的页面操作同样得分）\npass"


def _build(folder: Path, release: bool) -> Path:
    cells = [code(SETUP, "setup", locked=True), *p4p_cells()]
    if release:
        for cell in cells:
            if cell.metadata.get("nbgrader", {}).get("solution"):
                cell.source = STUB
    return write(cells, folder / "p07_p4p.ipynb", "07 P4P cells")


def _run(path: Path) -> list[tuple[str, float, float | None, list]]:
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        bad = [o for o in cell.outputs if o.get("output_type") == "error" or o.get("name") == "stderr"]
        if meta.get("grade"):
            value = next((o for o in cell.outputs if o.get("output_type") == "execute_result"), None)
            out.append(
                (meta["grade_id"], meta["points"], float(value["data"]["text/plain"]) if value else None, bad)
            )
        else:
            assert not [o for o in bad if o.get("output_type") == "error"], (cell.source[:80], bad)
    return out


@pytest.mark.slow
def test_source_cells_score_full_marks(tmp_path):
    grades = _run(_build(tmp_path, release=False))
    expected = {f"check_{t.replace('.', '_')}" for t in P4P_TASKS} | {
        f"q{q.split('q')[-1]}_check" for q in P4P_QUIZ
    }
    assert {g[0] for g in grades} == expected
    for grade_id, points, value, bad in grades:
        assert not bad, (grade_id, bad)
        assert value == points, grade_id
    # restart and run all in the same folder: the plans are updated, not duplicated, and still score full
    assert all(value == points and not bad for _g, points, value, bad in _run(tmp_path / "p07_p4p.ipynb"))


@pytest.mark.slow
def test_released_cells_run_without_error_and_score_zero(tmp_path):
    for grade_id, _points, value, bad in _run(_build(tmp_path, release=True)):
        assert not bad, (grade_id, bad)
        assert value == 0, grade_id


@pytest.mark.slow
def test_screens_only_student_scores_full_marks_in_the_release(tmp_path):
    """A student who only clicks the screens (answer cells left as the stub) gets every point."""
    import alisim_widgets as aw
    from alisim_widgets.sim.quiz import QUESTIONS
    from tests.p4p_data import P4P_TASKS as DATA
    from tests.quiz_answers import QUIZ_ANSWERS

    backend = aw.open_backend("07_marketing", path=tmp_path)
    for task_id, values in DATA.items():
        assert aw.screen_for(task_id, backend).fill(**values).submit().ok
    for qid in P4P_QUIZ:
        answer = QUIZ_ANSWERS[qid] if QUESTIONS[qid].multiple else QUIZ_ANSWERS[qid][0]
        assert aw.screen_for(qid, backend).fill(answer=answer).submit().ok
    for grade_id, points, value, bad in _run(_build(tmp_path, release=True)):
        assert not bad, (grade_id, bad)
        assert value == points, grade_id


def test_no_answer_outside_the_answer_cells():
    cells = p4p_cells()
    shown = "\n".join(c.source for c in cells if not c.metadata.get("nbgrader", {}).get("solution"))
    answers = "\n".join(c.source for c in cells if c.metadata.get("nbgrader", {}).get("solution"))
    for line in answers.splitlines():
        if len(re.sub(r"\W", "", line)) >= 6 and "BEGIN SOLUTION" not in line and "END SOLUTION" not in line:
            assert line.strip() not in shown, line
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids))
