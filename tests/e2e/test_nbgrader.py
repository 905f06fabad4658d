"""nbgrader end to end in a temporary course: generate, release, fetch, submit, collect, autograde.

One class of students per project, all graded in ONE ``nbgrader autograde`` call (the batch must never
crash), scores read from the gradebook:

- ``screens``: did everything on the screens (driven from this test process, no kernel), left the
  notebook exactly as released → full marks;
- ``mistakes``: two wrong fields that pass validation → exactly the partial marks, feedback names them;
- ``nostate``: handed in the notebook without ``alisim_state.json`` → 0, graded;
- ``corrupt``: the state file is garbage bytes → 0, graded, with the Chinese message;
- ``exception``: did part of the work and added a cell that raises → the saved work counts (nothing runs);
- ``loop``: did part of the work and added ``while True: pass`` → the saved work counts (nothing runs);
- a project's own extra students (``Driver.extra_students``): 09_data's ``own_data`` (full marks from another
  seed) and ``copier`` (handed in the answers of ``screens``, computed from another student's data).

Each student opens their store through ``Driver.open_backend``: in 09_data as their own JupyterHub user, so
every student of the class has their own data seed.

The exchange is real (``release_assignment``, ``fetch_assignment``, ``submit --student``, ``collect``): it
works offline on the local file system. The assignment is fetched once and the folder copied for each
student (fetching is the same for everyone). Grading reads each student's saved store (the repository's
``GradeFromState``): no kernel starts.

A stale solved ``alisim_state.json`` is put in the instructor's source folder after the release: autograde
must not copy it over the students' own files (``Autograde.exclude_overwriting``).

To add a project: write its ``Driver`` in ``tests/e2e/students.py`` (how a student does all its tasks on
the screens, and two mistakes) and add it to ``DRIVERS`` there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell
from nbgrader.api import Gradebook

from autograde.spec import SPECS
from tests.e2e.students import DRIVERS, Driver

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "alisim"  # nbgrader_config.py
STATE = "alisim_state.json"


# --- the course --------------------------------------------------------------------------------------------
@dataclass
class Student:
    name: str
    expected: float
    folder: Path  # the student's work folder (fetched assignment)
    state: bytes | None = None  # alisim_state.json as handed in
    notebook: bytes = b""
    notes: dict = field(default_factory=dict)


@dataclass
class Graded:
    driver: Driver
    root: Path
    release: Path
    students: dict[str, Student]
    scores: dict[str, float]
    max_scores: dict[str, float]
    cell_scores: dict[str, dict[str, float]]
    log: str
    seconds: dict[str, float]

    def autograded(self, name: str) -> Path:
        return self.root / "autograded" / name / self.driver.project

    def submitted(self, name: str) -> Path:
        return self.root / "submitted" / name / self.driver.project

    def notebook(self, name: str) -> nbformat.NotebookNode:
        """The autograded notebook of student ``name``."""
        return nbformat.read(self.autograded(name) / f"{self.driver.project}.ipynb", as_version=4)


def _env() -> dict[str, str]:
    """No course mode or grading flag inherited from the shell running the tests."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ALISIM_", "NBGRADER_"))}


def _nbgrader(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=_env(), capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip
    assert proc.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _insert_after_setup(path: Path, source: str) -> None:
    """A student adds a cell of their own right after the first code cell."""
    nb = nbformat.read(path, as_version=4)
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first_code + 1, new_code_cell(source))
    nbformat.write(nb, path)


def _solved_state(driver: Driver, folder: Path) -> bytes:
    backend = driver.open_backend(folder, folder.name)
    driver.do_tasks(backend)
    driver.do_quiz(backend)
    return (folder / STATE).read_bytes()


@pytest.fixture(scope="module", params=sorted(DRIVERS))
def graded(request, tmp_path_factory) -> Graded:
    driver: Driver = DRIVERS[request.param]
    project = driver.project
    root = tmp_path_factory.mktemp(f"nbgrader_{project}")
    exchange = [f"--Exchange.root={root / 'exchange'}", f"--Exchange.cache={root / 'cache'}"]
    teacher = [f"--CourseDirectory.root={root}", *exchange]
    student_flags = [f"--CourseDirectory.course_id={COURSE_ID}", *exchange]
    seconds: dict[str, float] = {}

    # The instructor: the repo's config and course, generate and release.
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(ROOT / "course", root / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "exchange").mkdir()
    t = time.monotonic()
    _nbgrader(["generate_assignment", project, *teacher], root)
    _nbgrader(["release_assignment", project, *teacher], root)
    seconds["generate+release"] = time.monotonic() - t
    release = root / "release" / project

    # Fetch once (as any student would), then every student works in a copy of that folder.
    fetched = root / "fetched"
    fetched.mkdir()
    _nbgrader(["fetch_assignment", project, *student_flags], fetched)
    nb_name = f"{project}.ipynb"
    assert (fetched / project / nb_name).read_bytes() == (release / nb_name).read_bytes()

    plan = {  # name → expected score
        "screens": driver.max_score,
        "mistakes": driver.mistakes_score,
        "nostate": 0.0,
        "corrupt": 0.0,
        "exception": driver.max_score - sum(SPECS[q].points for q in driver.quiz),  # tasks only
        "loop": sum(SPECS[q].points for q in driver.quiz),  # quiz only
        **dict.fromkeys(driver.extra_students, 0.0),  # set by ``do_extra`` below
    }
    students: dict[str, Student] = {}
    for name, expected in plan.items():
        folder = root / "students" / name / project
        shutil.copytree(fetched / project, folder)
        students[name] = Student(name, expected, folder)

    def backend_of(name):
        return driver.open_backend(students[name].folder, name)

    b = backend_of("screens")
    driver.do_tasks(b)
    driver.do_quiz(b)

    b = backend_of("mistakes")
    driver.do_tasks_with_mistakes(b)
    driver.do_quiz(b)
    # This student also wrote a note in an answer cell: autograde must keep it.
    mistakes_nb = students["mistakes"].folder / nb_name
    nb = nbformat.read(mistakes_nb, as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    answer.source = "# 我是在上面的页面里完成的\n" + answer.source
    students["mistakes"].notes["answer_id"] = answer.metadata["nbgrader"]["grade_id"]
    nbformat.write(nb, mistakes_nb)

    b = backend_of("nostate")
    driver.do_tasks(b)
    driver.do_quiz(b)
    (students["nostate"].folder / STATE).unlink()  # forgot to hand in the file

    b = backend_of("corrupt")
    driver.do_tasks(b)
    driver.do_quiz(b)
    (students["corrupt"].folder / STATE).write_bytes(b"\x00\xff\xfe garbage {{{ \x80\x81")

    driver.do_tasks(backend_of("exception"))
    _insert_after_setup(
        students["exception"].folder / nb_name, 'raise RuntimeError("学生自己加的单元格出错了")'
    )

    driver.do_quiz(backend_of("loop"))
    _insert_after_setup(students["loop"].folder / nb_name, "while True:\n    pass")

    for name in driver.extra_students:
        students[name].expected = driver.do_extra(name, backend_of(name), backend_of)

    for s in students.values():
        state = s.folder / STATE
        s.state = state.read_bytes() if state.exists() else None
        s.notebook = (s.folder / nb_name).read_bytes()

    # Hand in: nbgrader submit as each student (they touch no kernel: run at once), then collect.
    t = time.monotonic()
    submit = [sys.executable, "-m", "nbgrader", "submit", project, *student_flags]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    procs = {
        name: subprocess.Popen([*submit, f"--student={name}"], cwd=s.folder.parent, env=_env(), **pipes)
        for name, s in students.items()
    }
    for name, proc in procs.items():
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"submit of {name} failed:\n{out}"
    _nbgrader(["collect", project, *teacher], root)
    seconds["submit+collect"] = time.monotonic() - t

    # A stale solved store in the instructor's source folder (e.g. a run before the marker existed):
    # autograde copies source files over the submission, but never this one.
    decoy = _solved_state(driver, root / "decoy")
    (root / "course" / project / STATE).write_bytes(decoy)

    # Grade the whole class in one call.
    t = time.monotonic()
    proc = _nbgrader(["autograde", project, *teacher], root, timeout=600)
    seconds["autograde"] = time.monotonic() - t

    scores, max_scores, cell_scores = {}, {}, {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb:
        for name in students:
            sub = gb.find_submission(project, name)
            scores[name], max_scores[name] = sub.score, sub.max_score
            cell_scores[name] = {g.name: g.score for nb_ in sub.notebooks for g in nb_.grades}
    return Graded(
        driver, root, release, students, scores, max_scores, cell_scores, proc.stdout + proc.stderr, seconds
    )


# --- helpers on graded notebooks ---------------------------------------------------------------------------
def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def _errors(nb) -> list[str]:
    return [o.ename for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


# --- tests -------------------------------------------------------------------------------------------------
def test_whole_class_graded_in_one_batch(graded):
    assert "Removing failed" not in graded.log, graded.log
    for name in graded.students:
        assert (graded.autograded(name) / f"{graded.driver.project}.ipynb").is_file(), f"{name} not graded"
        assert (graded.submitted(name) / "timestamp.txt").is_file()
        assert graded.max_scores[name] == graded.driver.max_score
        for cell in graded.notebook(name).cells:  # nbgrader gives 0 to a grade cell with stderr
            if cell.metadata.get("nbgrader", {}).get("grade"):
                assert not [o for o in cell.outputs if o.get("name") == "stderr"], (
                    f"{name}: {_grade_id(cell)}"
                )
    print(f"\n{graded.driver.project} timings (s): {graded.seconds}; scores: {graded.scores}")


def test_scores_from_gradebook(graded):
    expected = {name: s.expected for name, s in graded.students.items()}
    assert graded.scores == pytest.approx(expected), graded.cell_scores


def test_screens_only_student_full_marks_with_notebook_as_released(graded):
    project = graded.driver.project
    assert graded.scores["screens"] == graded.driver.max_score
    released = (graded.release / f"{project}.ipynb").read_bytes()
    assert graded.students["screens"].notebook == released, "this student never edited the notebook"
    assert (graded.submitted("screens") / f"{project}.ipynb").read_bytes() == released
    assert not _errors(graded.notebook("screens"))


def test_mistakes_partial_marks_and_feedback_names_the_fields(graded):
    driver = graded.driver
    assert graded.scores["mistakes"] == pytest.approx(driver.mistakes_score)
    nb = graded.notebook("mistakes")
    cell = next(c for c in nb.cells if _grade_id(c) == driver.mistakes_grade_id)
    feedback = _text(cell)
    wrong = {line.split("✘", 1)[1].split("：", 1)[0].strip() for line in feedback.splitlines() if "✘" in line}
    assert wrong == set(driver.mistakes_labels), feedback
    assert driver.mistakes_secret not in feedback, "feedback gives the expected value away"
    assert not [o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]


def test_broken_submissions_graded_not_crashed(graded):
    nostate, corrupt = graded.notebook("nostate"), graded.notebook("corrupt")
    assert graded.scores["nostate"] == 0 and graded.scores["corrupt"] == 0
    assert not _errors(nostate) and not _errors(corrupt)
    checks = [c for c in corrupt.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert all("进度文件无法使用" in _text(c) for c in checks), [_text(c) for c in checks]
    assert all(
        "没有提交进度文件" in _text(c) for c in nostate.cells if c.metadata.get("nbgrader", {}).get("grade")
    )

    # Grading runs no student code: the raising cell and the endless loop are kept, never executed.
    for name in ("exception", "loop"):
        nb = graded.notebook(name)
        assert not _errors(nb), name
        ran = [
            c
            for c in nb.cells
            if c.cell_type == "code" and c.outputs and not c.metadata.get("nbgrader", {}).get("grade")
        ]
        assert ran == [], f"{name}: a cell that is not a grade cell has outputs"
    assert graded.scores["exception"] > 0 and graded.scores["loop"] > 0, "the saved work counts"


def test_state_file_in_autograded_is_the_students(graded):
    for name, s in graded.students.items():
        autograded = graded.autograded(name) / STATE
        if s.state is None:
            assert not autograded.exists(), "the instructor's stale store was copied into a submission"
        else:
            assert autograded.read_bytes() == s.state, f"{name}: the state file was replaced"
            assert (graded.submitted(name) / STATE).read_bytes() == s.state
        assert not list(graded.autograded(name).glob(f"{STATE}.*.bak")), "grading never rewrites a store"


def test_students_answer_cells_untouched(graded):
    for name, s in graded.students.items():
        handed_in = nbformat.reads(s.notebook.decode("utf-8"), as_version=4)
        graded_nb = graded.notebook(name)
        assert len(graded_nb.cells) == len(handed_in.cells), name
        for mine, after in zip(handed_in.cells, graded_nb.cells, strict=True):
            if not mine.metadata.get("nbgrader", {}).get("locked"):
                assert after.source == mine.source, f"{name}: a cell of the student's changed"
    note_id = graded.students["mistakes"].notes["answer_id"]
    cell = next(c for c in graded.notebook("mistakes").cells if _grade_id(c) == note_id)
    assert cell.source.startswith("# 我是在上面的页面里完成的")


def test_each_student_graded_from_their_own_data(graded):
    """09_data (issue 13): two seeds, each full marks from their own data; answers copied from a classmate
    (submitted into the copier's own store, with the copier's own seed) score less. One autograde run."""
    if graded.driver.project != "09_data":
        pytest.skip("only 09_data generates each student's data from their own seed")
    import json

    from alisim_widgets.sim.data import generate
    from tests.data09_answers import answers_from

    names = ("screens", "own_data", "copier")
    stores = {n: json.loads((graded.autograded(n) / STATE).read_bytes())["data"] for n in names}
    assert {n: store["seed"] for n, store in stores.items()} == {n: n for n in names}
    right = {n: answers_from(generate(n)) for n in names}
    assert right["screens"]["09.1.1"]["impressions"] != right["own_data"]["09.1.1"]["impressions"]
    assert right["copier"]["09.1.1"]["impressions"] != right["screens"]["09.1.1"]["impressions"]
    # The copier handed in exactly what ``screens`` computed from their own data.
    for task_id in ("09.1.1", "09.1.2", "09.1.3", "09.1.4", "09.1.5"):
        handed_in = {n: stores[n]["answers"][task_id] for n in ("copier", "screens")}
        for part in ("numbers", "items"):
            assert handed_in["copier"][part] == handed_in["screens"][part], task_id

    driver = graded.driver
    assert graded.scores["screens"] == graded.scores["own_data"] == driver.max_score
    quiz = sum(SPECS[q].points for q in driver.quiz)
    copier = graded.cell_scores["copier"]
    assert graded.scores["copier"] < quiz + 0.5 * (driver.max_score - quiz), copier
    assert copier["check_09_1_1"] == 0, copier  # counts are exact: another student's sums are all wrong
    feedback = _text(next(c for c in graded.notebook("copier").cells if _grade_id(c) == "check_09_1_1"))
    assert feedback.count("✘") == len(SPECS["09.1.1"].fields), feedback
    assert str(right["copier"]["09.1.1"]["impressions"]) not in feedback, "feedback gives the answer away"
