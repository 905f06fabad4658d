"""One grading worker: nbgrader's own Autograde, run student by student on a private gradebook copy.

    python -m autograde.nbworker --assignment 01_account --db /tmp/w1/gradebook.db [--force]

Started by :mod:`autograde.grading` with the course root as working folder, so nbgrader loads the
course's configuration exactly as ``nbgrader autograde`` run there would. It reads one student id per
line on stdin, grades that student with ``nbgrader.converters.Autograde`` (the converter behind
``nbgrader autograde``), and answers one JSON line on stdout: the outcome and the student's gradebook rows,
read back from the private copy for the parent to merge into the real gradebook. Only the gradebook is
private: every student's notebook is executed in its own ``autograded/<id>/<assignment>/`` folder.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from typing import Any

__all__ = ["main", "is_infrastructure_error", "failure_reason"]

# Failures of the machinery, not of the submission: worth one more try (kernels started by separate
# processes can pick the same TCP port; a kernel may die while starting under load).
_INFRA = re.compile(
    r"Kernel died|kernel_info|Address already in use|ZMQError|DeadKernelError|Kernel didn't respond"
    r"|Timeout waiting for|Too many open files|database is locked|BrokenPipeError|ConnectionRefusedError",
)
_EXCEPTION_LINE = re.compile(
    r"^\s*((?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt)): ?(.*)$"
)


def is_infrastructure_error(text: str) -> bool:
    return bool(_INFRA.search(text or ""))


def failure_reason(text: str) -> str:
    """A short Chinese reason from nbgrader's log of a failed student."""
    last = ""
    for line in (text or "").splitlines():
        m = _EXCEPTION_LINE.match(line)
        name = m.group(1).rsplit(".", 1)[-1] if m else ""
        if m and name != "NbGraderException":  # nbgrader's closing "see the traceback above"
            last = f"{name}: {m.group(2)}".strip()
    if "NotJSONError" in last or "JSONDecodeError" in last:
        return f"笔记本文件已损坏，不是有效的 JSON（{last[:120]}）"
    if "ValidationError" in last:
        return f"笔记本格式无效（{last[:120]}）"
    if "UnresponsiveKernel" in (text or ""):
        return "内核无响应，无法中断（可能是占满内存的死循环），需要老师手动处理这份作业"
    if is_infrastructure_error(text):
        return f"评分环境出错（内核启动失败或端口冲突）：{last[:120]}"
    if "No notebooks found" in (text or ""):
        return "没有找到要评分的笔记本（是否运行过 nbgrader generate_assignment？）"
    return f"评分出错：{last[:160]}" if last else "评分出错（详见日志）"


def _rows(gradebook_cls: Any, db_url: str, course_id: str, assignment: str, student: str) -> dict | None:
    """The student's gradebook rows that autograde writes (None when there is no submission yet)."""
    from nbgrader.api import MissingEntry

    with gradebook_cls(db_url, course_id) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        return {
            "timestamp": sub.timestamp.isoformat() if sub.timestamp else None,
            "score": sub.score,
            "max_score": sub.max_score,
            "needs_manual_grade": bool(sub.needs_manual_grade),
            "notebooks": {
                nb.name: {
                    "late_submission_penalty": nb.late_submission_penalty,
                    "grades": {g.name: [g.auto_score, bool(g.needs_manual_grade)] for g in nb.grades},
                    "comments": {c.name: c.auto_comment for c in nb.comments},
                }
                for nb in sub.notebooks
            },
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograde.nbworker")
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--db", required=True, help="this worker's private copy of gradebook.db")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)

    # The protocol owns the real stdout; anything else printed (kernels, nbgrader) goes to the log.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    def send(message: dict) -> None:
        protocol.write(json.dumps(message, ensure_ascii=False) + "\n")
        protocol.flush()

    from nbgrader.api import Gradebook
    from nbgrader.apps.autogradeapp import AutogradeApp
    from nbgrader.converters import Autograde
    from nbgrader.utils import capture_log

    db_url = f"sqlite:///{os.path.abspath(args.db)}"
    app = AutogradeApp()
    app.initialize([f"--CourseDirectory.db_url={db_url}", *(["--force"] if args.force else [])])
    app.coursedir.assignment_id = args.assignment
    send({"ready": True, "pid": os.getpid()})

    for line in sys.stdin:
        student = line.strip()
        if not student:
            continue
        start = time.perf_counter()
        app.coursedir.student_id = student
        converter = Autograde(coursedir=app.coursedir, parent=app)
        outcome = capture_log(converter)
        log = outcome.get("log", "") + ("\n" + outcome["error"] if outcome.get("error") else "")
        if not outcome["success"]:
            status = "failed"
        elif "Skipping existing assignment" in log:
            status = "skipped"
        else:
            status = "graded"
        try:
            rows = _rows(Gradebook, db_url, app.coursedir.course_id, args.assignment, student)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, never fatal for the batch
            rows, status = None, "failed"
            log += f"\n读取 gradebook 失败：{type(exc).__name__}: {exc}"
        send({
            "student": student,
            "status": status,
            "seconds": round(time.perf_counter() - start, 3),
            "infra": status == "failed" and is_infrastructure_error(log),
            "reason": failure_reason(log) if status == "failed" else "",
            "log": log if status == "failed" else "",
            "rows": rows,
        })  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
