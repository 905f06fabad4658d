"""Grade a whole class in parallel with nbgrader's own autograde, safely.

nbgrader has no parallel autograde (its issue #174), and several ``nbgrader autograde`` processes at once
clash on the sqlite gradebook and, now and then, on kernel ports. So:

- each worker (:mod:`autograde.nbworker`) is one long-lived process running nbgrader's ``Autograde``
  converter student by student, on its own copy of ``gradebook.db``; students are handed out one at a
  time, so a slow notebook never holds up a queue behind it;
- each student's notebook is executed by nbgrader in that student's own ``autograded/<id>/<assignment>/``
  folder of the real course (the same paths as a serial run: workers never share a folder);
- the parent alone writes the real gradebook: after each student it copies the rows nbgrader's
  autograde writes (the submission and its timestamp, every grade's ``auto_score`` and
  ``needs_manual_grade``, every ``auto_comment``, each notebook's late penalty) through nbgrader's
  Gradebook API. Manual grades and comments are never touched, as with ``nbgrader autograde``;
- a student whose grading fails for an infrastructure reason (a kernel that died at start, a port in use,
  a crashed worker) is tried once more, with a fresh kernel and, if the worker died, a fresh worker; a
  broken submission, or one still running after ``student_timeout``, is reported and the batch goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SAWarning

from .course import Course, CourseError

__all__ = ["StudentResult", "ClassGrading", "grade_class", "merge_rows", "WORKER_COMMAND"]

WORKER_COMMAND = [sys.executable, "-m", "autograde.nbworker"]
_START_TIMEOUT_S = 120
# A student is given up (worker killed) after this long without an answer: nbgrader's own cell timeout
# (60 s in nbgrader_config.py) normally ends a runaway cell long before.
DEFAULT_STUDENT_TIMEOUT_S = 1800


@dataclass
class StudentResult:
    """How grading one student went."""

    student: str
    status: str  # "graded" | "skipped" | "failed"
    score: float | None = None
    max_score: float | None = None
    seconds: float = 0.0
    attempts: int = 1
    reason: str = ""  # Chinese, when failed
    log: str = ""  # nbgrader's log of the last failed attempt

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class ClassGrading:
    """The outcome of grading one assignment for a class."""

    assignment: str
    jobs: int
    results: list[StudentResult] = field(default_factory=list)
    seconds: float = 0.0

    def with_status(self, status: str) -> list[StudentResult]:
        return [r for r in self.results if r.status == status]

    @property
    def failed(self) -> list[StudentResult]:
        return self.with_status("failed")


@dataclass
class _Event:
    kind: str  # "result" | "retry"
    result: StudentResult
    rows: dict | None = None


class _WorkerDied(Exception):
    pass


class _Worker:
    """One ``autograde.nbworker`` process with its private gradebook copy."""

    def __init__(
        self,
        course: Course,
        assignment: str,
        force: bool,
        command: list[str],
        workdir: Path,
        db_lock: threading.Lock,
    ) -> None:
        self.course, self.assignment, self.force, self.command = course, assignment, force, command
        self.workdir, self.db_lock = workdir, db_lock
        self.proc: subprocess.Popen | None = None
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.starts = 0
        self.failed_starts = 0  # in a row

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def log_path(self) -> Path:
        return self.workdir / f"worker-{self.starts}.log"

    def start(self) -> None:
        self.stop()
        self.starts += 1
        self.workdir.mkdir(parents=True, exist_ok=True)
        db = self.workdir / "gradebook.db"
        db.unlink(missing_ok=True)
        with self.db_lock:  # never copy the real gradebook half-way through a merge
            _copy_sqlite(self.course.db_path(), db)
        args = [
            *self.command,
            "--assignment",
            self.assignment,
            "--db",
            str(db),
            *(["--force"] if self.force else []),
        ]
        with open(self.log_path, "w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                args, cwd=self.course.root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                text=True, encoding="utf-8", bufsize=1, start_new_session=True,
            )  # fmt: skip
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.lines), daemon=True).start()
        try:
            ready = self._receive(_START_TIMEOUT_S)
        except (TimeoutError, _WorkerDied):
            self.failed_starts += 1
            tail = self._log_tail()
            self.kill()
            self.stop()
            raise _WorkerDied(f"评分进程启动失败：\n{tail}") from None
        if not ready.get("ready"):
            self.failed_starts += 1
            raise _WorkerDied("评分进程启动失败")
        self.failed_starts = 0

    @staticmethod
    def _read(proc: subprocess.Popen, lines: queue.Queue) -> None:
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    def _receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError from None
            if line is None:
                raise _WorkerDied(self._log_tail())
            try:
                return json.loads(line)
            except ValueError:
                continue  # not a protocol line

    def grade(self, student: str, timeout: float) -> dict:
        assert self.proc and self.proc.stdin
        try:
            self.proc.stdin.write(student + "\n")
            self.proc.stdin.flush()
        except OSError as exc:
            raise _WorkerDied(str(exc)) from exc
        return self._receive(timeout)

    def _log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(
                self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            )
        except OSError:
            return ""

    def abandon(self, student: str) -> None:
        """Stop a worker that died or hung on ``student`` and remove the half-written result.

        nbgrader removes the autograded folder of a student it failed to grade; a worker that never got
        that far leaves it to us (and a folder left behind would be skipped as "already graded").
        """
        self.kill()
        self.stop()
        shutil.rmtree(self.course.autograded(student, self.assignment), ignore_errors=True)

    def kill(self) -> None:
        """Stop at once (the teacher pressed Ctrl-C)."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            pass
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # the worker and the kernels it started
            proc.wait()


def _copy_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of a sqlite file (the backup API, not a byte copy of a file being written)."""
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    source.close()  # the with-block commits but does not close
    target.close()


def merge_rows(gb, assignment: str, student: str, rows: dict) -> None:
    """Write what nbgrader's autograde wrote for ``student`` (in a worker's gradebook) into ``gb``."""
    gb.update_or_create_student(student)
    stamp = rows.get("timestamp")
    kwargs = {"timestamp": dt.datetime.fromisoformat(stamp)} if stamp else {}
    gb.update_or_create_submission(assignment, student, **kwargs)
    for notebook, data in rows["notebooks"].items():
        sub_nb = gb.find_submission_notebook(notebook, assignment, student)
        sub_nb.late_submission_penalty = data["late_submission_penalty"]
        for name, (auto_score, needs_manual) in data["grades"].items():
            grade = gb.find_grade(name, notebook, assignment, student)
            grade.auto_score = auto_score
            grade.needs_manual_grade = needs_manual
        for name, auto_comment in data["comments"].items():
            gb.find_comment(name, notebook, assignment, student).auto_comment = auto_comment
    gb.db.commit()


def _attempt(
    worker: _Worker, student: str, attempt: int, timeout: float
) -> tuple[StudentResult, dict | None, bool]:
    """Grade ``student`` once: (result, the worker's gradebook rows, whether a retry may help)."""
    begin = time.perf_counter()

    def failed(reason: str, log: str = "") -> StudentResult:
        return StudentResult(student, "failed", attempts=attempt, reason=reason, log=log,
                             seconds=round(time.perf_counter() - begin, 2))  # fmt: skip

    try:
        if not worker.running:
            worker.start()
        answer = worker.grade(student, timeout)
    except TimeoutError:
        worker.abandon(student)  # a notebook nbgrader could not stop: the student's, not worth a second hour
        return failed(f"评分超时（超过 {timeout:g} 秒没有结果），评分进程已结束"), None, False
    except _WorkerDied as exc:
        worker.abandon(student)
        return failed("评分进程意外退出", str(exc)), None, True
    except Exception as exc:  # noqa: BLE001 - one student's trouble never stops the class
        worker.abandon(student)
        return failed(f"评分出错：{exc!r}"), None, True
    rows = answer.get("rows")
    graded = answer["status"] != "failed" and rows is not None
    result = StudentResult(
        student, answer["status"], rows["score"] if graded else None, rows["max_score"] if rows else None,
        round(time.perf_counter() - begin, 2), attempt, answer.get("reason", ""), answer.get("log", ""),
    )  # fmt: skip
    return result, rows, bool(answer.get("infra"))


def _slot(
    worker: _Worker, todo: queue.Queue, events: queue.Queue, timeout: float, stop: threading.Event
) -> None:
    """Grade students from ``todo`` on one worker until the queue is empty."""
    try:
        while not stop.is_set():
            try:
                student = todo.get_nowait()
            except queue.Empty:
                break
            for attempt in (1, 2):
                result, rows, retry = _attempt(worker, student, attempt, timeout)
                if result.ok or not retry or attempt == 2 or stop.is_set():
                    break
                events.put(_Event("retry", result))
            events.put(_Event("result", result, rows))
            if worker.failed_starts >= 2:
                break  # this slot cannot start nbgrader: leave the rest to the other slots
    finally:
        worker.stop()


def grade_class(
    course: Course,
    assignment: str,
    *,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[int, int, StudentResult], None] | None = None,
    on_retry: Callable[[StudentResult], None] | None = None,
    students: list[str] | None = None,
    student_timeout: float = DEFAULT_STUDENT_TIMEOUT_S,
    worker_command: list[str] | None = None,
) -> ClassGrading:
    """Autograde every submission of ``assignment`` (as ``nbgrader autograde`` does), ``jobs`` at a time.

    ``progress(done, total, result)`` is called in this thread after each student's result is in the
    real gradebook. ``force`` regrades students already autograded (nbgrader's ``--force``).
    """
    course.require_assignment(assignment)
    course.require_in_gradebook(assignment)
    everyone = course.require_submissions(assignment)
    if students:
        unknown = sorted(set(students) - set(everyone))
        if unknown:
            raise CourseError(f"这些学生没有提交作业 {assignment}：{'、'.join(unknown)}")
        everyone = [s for s in everyone if s in students]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(everyone)))
    outcome = ClassGrading(assignment, jobs)
    start = time.perf_counter()

    todo: queue.Queue[str] = queue.Queue()
    for student in everyone:
        todo.put(student)
    events: queue.Queue[_Event] = queue.Queue()
    stop = threading.Event()
    workroot = Path(tempfile.mkdtemp(prefix=f"alisim-autograde-{assignment}-"))
    db_lock = threading.Lock()
    command = worker_command or WORKER_COMMAND
    workers: list[_Worker] = []
    threads: list[threading.Thread] = []
    try:
        for i in range(jobs):
            workers.append(_Worker(course, assignment, force, command, workroot / f"w{i + 1}", db_lock))
            threads.append(
                threading.Thread(
                    target=_slot, args=(workers[-1], todo, events, student_timeout, stop), daemon=True
                )
            )
            threads[-1].start()
        with course.gradebook() as gb:
            while len(outcome.results) < len(everyone):
                try:
                    event = events.get(timeout=0.5)
                except queue.Empty:
                    if not any(t.is_alive() for t in threads) and events.empty():
                        break
                    continue
                if event.kind == "retry":
                    if on_retry:
                        on_retry(event.result)
                    continue
                result = event.result
                if event.rows and result.status != "skipped":
                    try:
                        with warnings.catch_warnings():
                            # nbgrader's add_submission trips SQLAlchemy's autoflush warnings (as in its own runs)
                            warnings.simplefilter("ignore", SAWarning)
                            with db_lock:
                                merge_rows(gb, assignment, result.student, event.rows)
                    except Exception as exc:  # noqa: BLE001 - reported, the class goes on
                        gb.db.rollback()
                        result.status, result.reason = "failed", f"写入 gradebook 失败：{exc!r}"
                outcome.results.append(result)
                if progress:
                    progress(len(outcome.results), len(everyone), result)
    except BaseException:
        stop.set()
        for w in workers:
            w.kill()
        raise
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
        for w in workers:
            w.stop()
        shutil.rmtree(workroot, ignore_errors=True)
    # Students nobody could take (no worker could start nbgrader) are failures too, never silently lost.
    done = {r.student for r in outcome.results}
    why = next((r.log for r in reversed(outcome.results) if r.log), "")
    for student in everyone:
        if student not in done:
            result = StudentResult(
                student, "failed", reason="没有可用的评分进程（nbgrader 无法启动）", log=why
            )
            outcome.results.append(result)
            if progress:
                progress(len(outcome.results), len(everyone), result)
    outcome.seconds = time.perf_counter() - start
    return outcome
