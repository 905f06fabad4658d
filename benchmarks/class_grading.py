"""Class grading: state grading (our nbgrader config, our CLI) vs stock executing ``nbgrader autograde``.

    python benchmarks/class_grading.py [--students 40] [--projects 01_account 02_store] [--skip-stock]

In one run, per project, on the same class of screen-made submissions (all right, with mistakes, quiz only,
nothing handed in, in turn):

- **stock**: ``nbgrader autograde`` with nbgrader's own preprocessors (``Execute`` runs every notebook in a
  fresh kernel; the stock way, and the one that runs student code), serial;
- **nbgrader + GradeFromState**: ``nbgrader autograde`` with the repository's ``nbgrader_config.py``;
- **ours**: ``python -m autograde grade`` (the same result through one shared gradebook session);
- **floor**: reading and checking the class's state files in one process (what grading cannot avoid).

The three gradebooks must agree on every total, or no figure is printed. Figures are ratios between runs of
this one script: the machine's speed and load cancel out.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.autograde.classroom import clean_env  # noqa: E402
from tests.e2e.students import DRIVERS  # noqa: E402

# nbgrader's own autograde steps: what `nbgrader autograde` does without the repository's configuration.
STOCK = (
    "from nbgrader.preprocessors import Execute, IgnorePattern, LimitOutput, SaveAutoGrades, "
    "AssignLatePenalties, CheckCellMetadata\n"
    "from nbconvert.preprocessors import ClearMetadataPreprocessor\n"
    "c.Autograde.autograde_preprocessors = [Execute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, "
    "SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]\n"
)
KINDS = ("right", "mistakes", "quiz_only", "nothing")


def _student(project: str, folder: Path, kind: str) -> None:
    import alisim_widgets as aw

    driver = DRIVERS[project]
    if kind == "nothing":
        return
    backend = aw.open_backend(project, path=folder)
    if kind == "right":
        driver.do_tasks(backend)
    elif kind == "mistakes":
        driver.do_tasks_with_mistakes(backend)
    driver.do_quiz(backend)


def make_class(base: Path, project: str, students: int) -> Path:
    """A course root with ``project`` generated and ``students`` submissions (the kinds in turn)."""
    course = base / "course_root"
    (course / "course").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(ROOT / "course" / project, course / "course" / project,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "alisim_state.json*"))  # fmt: skip
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", project], cwd=course,
                          env=clean_env(), capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    release = course / "release" / project / f"{project}.ipynb"
    made: dict[str, Path] = {}
    for i in range(students):
        kind = KINDS[i % len(KINDS)]
        folder = course / "submitted" / f"S{i + 1:02d}" / project
        folder.mkdir(parents=True)
        shutil.copy(release, folder)
        if kind in made:  # the same work again: copy the state instead of re-driving the screens
            src = made[kind] / "alisim_state.json"
            if src.exists():
                shutil.copy(src, folder / "alisim_state.json")
        else:
            _student(project, folder, kind)
            made[kind] = folder
        for leftover in folder.glob(".alisim_state.json.lock"):
            leftover.unlink()
        (folder / "timestamp.txt").write_text("2024-03-01 10:00:00", encoding="utf-8")
    return course


def _timed(args: list[str], cwd: Path, must_pass: bool = True) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    # Stock nbgrader may lose a student to a kernel that failed (its own trouble): noted, not fatal.
    assert proc.returncode == 0 or not must_pass, proc.stdout[-2000:] + proc.stderr[-2000:]
    return seconds


def _totals(course: Path, project: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        return {s.student.id: round(s.score, 2) for s in gb.assignment_submissions(project)}


def floor_seconds(course: Path, project: str) -> float:
    """Read and check every submitted store in this process (the work no grader can skip)."""
    from autograde.course import task_columns
    from autograde.spec import SPECS
    from autograde.stategrade import load_submission, score_submission

    tasks = [t for _, _, t, _ in task_columns(course / "course" / project) if t in SPECS]
    folders = sorted((course / "submitted").glob(f"*/{project}"))
    start = time.perf_counter()
    for folder in folders:
        score_submission(tasks, load_submission(folder, project), reveal=True)
    return time.perf_counter() - start


def in_process_seconds(course: Path, project: str) -> float:
    """``grade_class`` timed inside one process (the CLI's figure without interpreter start-up)."""
    from autograde.course import open_course
    from autograde.grading import grade_class

    opened = open_course(course)
    start = time.perf_counter()
    grade_class(opened, project)
    return time.perf_counter() - start


def bench(project: str, students: int, skip_stock: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="alisim-bench-") as tmp:
        template = make_class(Path(tmp) / "template", project, students)
        runs = {}
        for name in ("stock", "config", "cli", "inproc"):
            if name == "stock" and skip_stock:
                continue
            runs[name] = Path(shutil.copytree(template, Path(tmp) / name))
        with open(runs.get("stock", template) / "nbgrader_config.py", "a", encoding="utf-8") as config:
            if "stock" in runs:
                config.write("\n# benchmark: stock nbgrader autograde (executes notebooks)\n" + STOCK)
        seconds = {}
        if "stock" in runs:
            seconds["stock"] = _timed(
                [sys.executable, "-m", "nbgrader", "autograde", project], runs["stock"], must_pass=False
            )
        seconds["config"] = _timed([sys.executable, "-m", "nbgrader", "autograde", project], runs["config"])
        seconds["cli"] = _timed([sys.executable, "-m", "autograde", "grade", project], runs["cli"])
        seconds["inproc"] = in_process_seconds(runs["inproc"], project)
        seconds["floor"] = min(floor_seconds(template, project) for _ in range(3))
        totals = {name: _totals(course, project) for name, course in runs.items()}
        first = totals["cli"]
        assert len(first) == students and all(t == first for n, t in totals.items() if n != "stock"), totals
        lost = []
        if "stock" in totals:
            autograded = {p.parent.name for p in (runs["stock"] / "autograded").glob(f"*/{project}")}
            lost = sorted(set(first) - autograded)
            assert all(totals["stock"][s] == first[s] for s in autograded), "stock and state grading disagree"

    print(f"\n== {project}: {students} students (every grader gave the same totals) ==")
    if lost:
        print(
            f"  (stock nbgrader failed to grade {len(lost)} of them: {', '.join(lost)}; its time is still counted)"
        )
    rows = [
        ("stock nbgrader autograde (executes, serial)", "stock"),
        ("nbgrader autograde + GradeFromState", "config"),
        ("python -m autograde grade (whole command)", "cli"),
        ("grade_class in one process", "inproc"),
        ("floor: read + check the stores", "floor"),
    ]
    for label, key in rows:
        if key in seconds:
            print(f"  {label:<46} {seconds[key]:7.2f} s   {1000 * seconds[key] / students:7.1f} ms/student")
    if "stock" in seconds:
        print(f"  speed-up vs stock: nbgrader+config {seconds['stock'] / seconds['config']:.1f}x, "
              f"our CLI {seconds['stock'] / seconds['cli']:.1f}x")  # fmt: skip
    print(f"  ours vs floor: in-process {seconds['inproc'] / seconds['floor']:.2f}x, "
          f"whole command {seconds['cli'] / seconds['floor']:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--projects", nargs="+", default=["01_account", "02_store"], choices=sorted(DRIVERS))
    parser.add_argument("--skip-stock", action="store_true", help="leave out the slow executing run")
    args = parser.parse_args()
    for project in args.projects:
        bench(project, args.students, args.skip_stock)


if __name__ == "__main__":
    main()
