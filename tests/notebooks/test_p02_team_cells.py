"""The 02 notebook cells for sub-accounts (02.5.4) and decoration (02.4.1), on their own.

``tools/notebooks/build_02_store.py`` puts them in the project notebook (tested by test_notebooks.py);
here they run in a small notebook of their own, so a broken cell is found whatever the rest holds:
the source version scores full marks with nothing on stderr, the released version (answers replaced by
nbgrader's stub) runs without error and scores 0, and no answer leaks outside the answer cells.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tools" / "notebooks"))

from nbbuild import code, write  # noqa: E402
from p02_decoration_cells import decoration_cells  # noqa: E402
from p02_subaccounts_cells import subaccount_cells  # noqa: E402

SETUP = """
import alisim_widgets as aw
from alisim_widgets.screens.tasks import SelfCheck
from autograde import check

backend = aw.open_backend("02_store", path=".")
"""
STUB = "# 可选：也可以用代码完成任务（用上面的页面操作同样得分）\npass"


def _build(folder: Path, release: bool) -> Path:
    cells = [code(SETUP, "setup", locked=True), *subaccount_cells(), *decoration_cells()]
    if release:
        for cell in cells:
            if cell.metadata.get("nbgrader", {}).get("solution"):
                cell.source = STUB
    return write(cells, folder / "p02_team.ipynb", "02 team cells")


def _run(path: Path) -> list[tuple[str, float, float | None, list]]:
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    out = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
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
    assert {g[0] for g in grades} >= {"check_02_5_4", "check_02_4_1", "q11_check", "q9_check"}
    for grade_id, points, value, bad in grades:
        assert not bad, (grade_id, bad)
        assert value == points, grade_id
    assert (tmp_path / "alisim_state.json").exists()
    # the answers are idempotent: a second run in the same folder (restart and run all) still scores full
    assert all(value == points and not bad for _g, points, value, bad in _run(tmp_path / "p02_team.ipynb"))


@pytest.mark.slow
def test_released_cells_run_without_error_and_score_zero(tmp_path):
    for grade_id, _points, value, bad in _run(_build(tmp_path, release=True)):
        assert not bad, (grade_id, bad)
        assert value == 0, grade_id


def test_no_answer_outside_the_answer_cells():
    cells = [*subaccount_cells(), *decoration_cells()]
    shown = "\n".join(c.source for c in cells if not c.metadata.get("nbgrader", {}).get("solution"))
    # the role is the one thing the task leaves the student to decide
    task = next(c.source for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == "task_02_5_4")
    assert "业务经理" not in task.split("| 项目 | 内容 |")[1].split("**操作步骤**")[0]
    for answer in ("dianyue_xu", "verification_code=backend.inbox"):
        assert answer not in shown
