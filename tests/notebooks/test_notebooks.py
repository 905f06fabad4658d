"""Every project notebook under ``course/NN_topic/``: committed clean, runs to full marks, releases clean.

- The committed source notebook has no outputs and valid nbgrader metadata (fast, not marked slow).
- The source notebook, copied to a folder without the ``.alisim_source`` marker (so the store is saved
  like a student's), runs top to bottom with full marks and nothing on stderr in a grade cell.
- ``nbgrader generate_assignment`` in a temporary course gives a release with no solution text and no
  state file, also after the instructor ran the source notebook in place (marker present).
- The released notebook runs with no error and scores 0 in every grade cell.

New projects are picked up by the glob: nothing to add here when a notebook is built.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.nbgraderformat import MetadataValidator

from alisim_widgets.sim.scenarios import SOURCE_MARKER
from autograde.spec import SPECS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(ROOT.glob("course/[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
IDS = [nb.stem for nb in NOTEBOOKS]
CELL_TIMEOUT = 120
CHECK_CALL = re.compile(r"""^check\(\s*["']([^"']+)["']\s*,\s*backend\s*\)\s*$""")
# Anything the simulator may leave in a folder: the store, its lock, its backups and temporary files.
STATE_FILES = re.compile(r"^\.?alisim_(state|tmp_)")

parametrize_notebooks = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)


def test_course_has_notebooks():
    assert NOTEBOOKS, "no course/NN_topic/NN_topic.ipynb found"


# --- helpers ---------------------------------------------------------------------------------------------
def nbg(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def grade_cells(nb) -> list:
    return [c for c in nb.cells if nbg(c).get("grade")]


def solution_lines(nb) -> list[str]:
    """The lines of every solution (and hidden test) that must never reach a student."""
    lines = []
    for cell in nb.cells:
        src = cell.source
        blocks = re.findall(
            r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END (?:SOLUTION|HIDDEN TESTS)", src, re.S
        )
        if nbg(cell).get("solution") and not blocks:
            blocks = [src]  # a markdown answer cell, or a code solution without markers
        for block in blocks:
            lines += [ln.strip() for ln in block.splitlines() if len(re.sub(r"\W", "", ln)) >= 6]
    return lines


def state_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if STATE_FILES.match(p.name))


def clean_env() -> dict[str, str]:
    """The environment of a plain student/instructor run: practice mode, not grading."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALISIM_", "NBGRADER_"))}
    return env


def execute(path: Path, monkeypatch) -> nbformat.NotebookNode:
    """Run ``path`` top to bottom in a fresh kernel, in its own folder; errors stay in the outputs."""
    for key in list(os.environ):
        if key.startswith(("ALISIM_", "NBGRADER_")):
            monkeypatch.delenv(key)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )  # fmt: skip
    client.execute()
    return nb


def errors_of(nb) -> list[str]:
    return [
        f"cell {i}: {o.ename}: {o.evalue}\n{nb.cells[i].source[:200]}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]


def grade_results(nb) -> dict[str, tuple[float | None, float, str]]:
    """grade_id → (score shown as the cell's value, points, stderr text)."""
    out = {}
    for cell in grade_cells(nb):
        value, stderr = None, ""
        for o in cell.outputs:
            if o.output_type == "execute_result":
                value = float(o.data["text/plain"])
            elif o.output_type == "stream" and o.name == "stderr":
                stderr += o.text
        out[nbg(cell)["grade_id"]] = (value, float(nbg(cell)["points"]), stderr)
    return out


def make_course(tmp: Path) -> Path:
    """A temporary course root: the repo's nbgrader_config.py and a copy of course/."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", tmp / "nbgrader_config.py")
    shutil.copytree(ROOT / "course", tmp / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp


def generate(course: Path, assignment: str) -> Path:
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, f"--CourseDirectory.root={course}"],
        cwd=course, env=clean_env(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    release = course / "release" / assignment
    assert (release / f"{assignment}.ipynb").is_file(), proc.stdout + proc.stderr
    return release


_released: dict[Path, Path] = {}


@pytest.fixture
def released(notebook, tmp_path_factory) -> Path:
    """The release folder of ``notebook`` (generated once per notebook in this test session)."""
    if notebook not in _released:
        course = make_course(tmp_path_factory.mktemp(f"course_{notebook.stem}"))
        _released[notebook] = generate(course, notebook.parent.name)
    return _released[notebook]


# --- committed notebooks (fast) --------------------------------------------------------------------------
@parametrize_notebooks
def test_committed_notebook_is_clean(notebook):
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    MetadataValidator().validate_nb(nb)  # nbgrader's own checks of the cell metadata
    project = notebook.parent.name
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert not [c.source[:60] for c in code_cells if c.outputs or c.execution_count is not None], (
        "commit without outputs"
    )
    assert "widgets" not in nb.metadata, "commit without saved widget state"
    assert f'aw.open_backend("{project}", path=".")' in code_cells[0].source, (
        "first code cell opens the store"
    )

    ids = [nbg(c)["grade_id"] for c in nb.cells if nbg(c).get("grade_id")]
    assert len(ids) == len(set(ids)), f"grade ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}"
    graded = grade_cells(nb)
    assert graded, "a project notebook has grade cells"
    for cell in graded:
        meta = nbg(cell)
        assert cell.cell_type == "code" and meta.get("locked"), (
            f"{meta['grade_id']}: a grade cell is locked code"
        )
        assert isinstance(meta.get("points"), (int, float)) and meta["points"] > 0, (
            f"{meta['grade_id']}: points"
        )
        m = CHECK_CALL.match(cell.source.strip().splitlines()[-1])
        if m:  # a task checked from the saved store: the cell's points are the spec's
            assert m.group(1) in SPECS, f"{meta['grade_id']}: no spec for {m.group(1)}"
            assert SPECS[m.group(1)].points == meta["points"], (
                f"{meta['grade_id']}: points differ from the spec"
            )
    for cell in nb.cells:
        if nbg(cell).get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, nbg(cell)[
                "grade_id"
            ]

    folder = notebook.parent
    assert (folder / SOURCE_MARKER).is_file(), (
        f"{folder.name} needs the {SOURCE_MARKER} marker (keeps runs in memory)"
    )
    assert not state_files(folder), f"state files in the source folder: {state_files(folder)}"


# --- executing (slow) ------------------------------------------------------------------------------------
@pytest.mark.slow
@parametrize_notebooks
def test_source_notebook_scores_full_marks(notebook, tmp_path, monkeypatch):
    work = tmp_path / notebook.parent.name
    work.mkdir()
    shutil.copy(notebook, work / notebook.name)  # no marker: the store is saved like a student's
    nb = execute(work / notebook.name, monkeypatch)

    assert not errors_of(nb), "\n\n".join(errors_of(nb))
    results = grade_results(nb)
    for grade_id, (value, points, stderr) in results.items():
        assert not stderr, f"{grade_id} wrote to stderr (nbgrader would give 0): {stderr}"
        assert value == points, f"{grade_id}: {value} of {points}\n" + _cell_text(nb, grade_id)
    assert (work / "alisim_state.json").is_file(), "the run saved the store next to the notebook"


@pytest.mark.slow
@parametrize_notebooks
def test_release_has_no_solutions_and_no_state(notebook, released):
    source = nbformat.read(notebook, as_version=4)
    release_nb = nbformat.read(released / notebook.name, as_version=4)
    text = "\n".join(c.source for c in release_nb.cells)
    for marker in ("### BEGIN SOLUTION", "### END SOLUTION", "BEGIN HIDDEN TESTS"):
        assert marker not in text
    leaked = [ln for ln in solution_lines(source) if ln in text]
    assert not leaked, f"solution lines in the release: {leaked}"
    assert [nbg(c)["grade_id"] for c in grade_cells(release_nb)] == [
        nbg(c)["grade_id"] for c in grade_cells(source)
    ]
    assert not state_files(released), f"state files released: {state_files(released)}"
    assert not (released / SOURCE_MARKER).exists(), (
        "the marker must not be released (students' work would not save)"
    )


@pytest.mark.slow
@parametrize_notebooks
def test_instructor_run_in_source_folder_leaves_nothing_to_release(notebook, tmp_path, monkeypatch):
    course = make_course(tmp_path / "course_root")
    assignment = notebook.parent.name
    source_folder = course / "course" / assignment
    assert (source_folder / SOURCE_MARKER).is_file()

    nb = execute(source_folder / notebook.name, monkeypatch)  # the instructor tries the notebook in place
    assert not errors_of(nb), "\n\n".join(errors_of(nb))
    scores = {gid: value for gid, (value, points, _) in grade_results(nb).items() if value != points}
    assert not scores, f"in-memory run of the source should score full marks: {scores}"
    assert not state_files(source_folder), f"the instructor's run left {state_files(source_folder)}"

    release = generate(course, assignment)
    assert not state_files(release), f"state files released: {state_files(release)}"
    assert not (release / SOURCE_MARKER).exists()
    assert not state_files(source_folder)


@pytest.mark.slow
@parametrize_notebooks
def test_released_notebook_runs_and_scores_zero(notebook, released, tmp_path, monkeypatch):
    student = tmp_path / notebook.parent.name
    shutil.copytree(released, student)
    nb = execute(student / notebook.name, monkeypatch)

    assert not errors_of(nb), "\n\n".join(errors_of(nb))
    for grade_id, (value, _points, stderr) in grade_results(nb).items():
        assert not stderr, f"{grade_id} wrote to stderr: {stderr}"
        assert value == 0, f"{grade_id}: an untouched release scored {value}\n" + _cell_text(nb, grade_id)


def _cell_text(nb, grade_id: str) -> str:
    for cell in grade_cells(nb):
        if nbg(cell)["grade_id"] == grade_id:
            return "".join(o.get("text", "") for o in cell.outputs)
    return ""
