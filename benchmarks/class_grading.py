"""Class grading: our parallel grader vs serial ``nbgrader autograde``, and one notebook's cost vs the floor.

    python benchmarks/class_grading.py [--students 40] [--jobs 2]

In one run, on the same screen-made submissions of 01_account (a mix of right, partly wrong, empty and
broken-store students, as tests/autograde/classroom.py makes them):

- ``nbgrader autograde 01_account`` (serial, one process) vs ``python -m autograde grade 01_account --jobs N``;
  both gradebooks must agree on every total, or the figures are not printed;
- the per-notebook cost of each, and of nbgrader's fixed start-up (a second run that skips everyone),
  against the floor: executing the same student notebook once with nbclient.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.autograde.classroom import ASSIGNMENT, VARIANTS, add_submission, clean_env, make_course  # noqa: E402

# Every kind of student that grades (the broken-notebook one fails in both graders and would only add noise).
MIX = [name for name, (_, total) in VARIANTS.items() if total is not None]


def _timed(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True)
    return time.perf_counter() - start, proc


def _totals(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        return {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}


def _execute_once(submission: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(submission, Path(tmp) / ASSIGNMENT))
        nb = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()  # fmt: skip
        return time.perf_counter() - start


def _floor(submission: Path, runs: int) -> float:
    """Executing the student's notebook once with nbclient, in a copy of the submission folder."""
    quiet, saved = os.open(os.devnull, os.O_WRONLY), os.dup(2)
    os.dup2(quiet, 2)  # the kernels' start-up chatter is not a figure
    try:
        return statistics.median(_execute_once(submission) for _ in range(runs))
    finally:
        os.dup2(saved, 2)
        os.close(quiet)
        os.close(saved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--floor-runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="alisim-bench-") as tmp:
        base = make_course(Path(tmp) / "base")
        for i in range(args.students):
            add_submission(base, f"S{i + 1:02d}", MIX[i % len(MIX)])
        serial, parallel = Path(tmp) / "serial", Path(tmp) / "parallel"
        shutil.copytree(base, serial)
        shutil.copytree(base, parallel)

        t_serial, proc = _timed([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT], serial)
        assert proc.returncode == 0, proc.stderr[-3000:]
        t_ours, proc = _timed(
            [sys.executable, "-m", "autograde", "grade", ASSIGNMENT, "--jobs", str(args.jobs)], parallel
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        per_student = [float(x) for x in re.findall(r"（([\d.]+) 秒）", proc.stdout)]
        assert _totals(serial) == _totals(parallel), "the two graders disagree: figures withheld"
        assert len(_totals(serial)) == args.students
        t_skip, proc = _timed([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT], serial)
        floor = _floor(base / "submitted" / "S01" / ASSIGNMENT, args.floor_runs)

    n = args.students
    print(f"machine: {os.cpu_count()} CPU cores; {n} submissions of {ASSIGNMENT}")
    print(f"class grading: nbgrader autograde (serial) {t_serial:.1f} s vs python -m autograde grade "
          f"--jobs {args.jobs} {t_ours:.1f} s → ratio {t_serial / t_ours:.2f} (same totals in both gradebooks)")  # fmt: skip
    print(f"per notebook: serial nbgrader {t_serial / n:.2f} s, ours (wall clock / {n}) {t_ours / n:.2f} s, "
          f"floor (nbclient executes the notebook once) {floor:.2f} s → "
          f"ratios {t_serial / n / floor:.2f} and {t_ours / n / floor:.2f}")  # fmt: skip
    print(f"nbgrader fixed start-up (second run, everyone skipped): {t_skip:.1f} s; marginal serial cost "
          f"{(t_serial - t_skip) / n:.2f} s per notebook → ratio {(t_serial - t_skip) / n / floor:.2f} to the floor")  # fmt: skip
    if per_student:
        print(f"inside our workers: median {statistics.median(per_student):.2f} s per student "
              f"({args.jobs} at a time, so {statistics.median(per_student) / args.jobs:.2f} s of wall clock each)")  # fmt: skip


if __name__ == "__main__":
    main()
