"""A stand-in for ``autograde.nbworker`` that speaks its protocol without nbgrader, failing on cue.

``FAKE_WORKER_SCRIPT`` (JSON) maps a student id to what happens on each attempt, in order:
``"ok"`` (graded: the score and grade rows of ``FAKE_WORKER_ROWS``), ``"infra"`` (a failed kernel start),
``"broken"`` (a broken submission), ``"crash"`` (the process dies half-way, leaving a partial autograded
folder), ``"hang"`` (never answers). ``FAKE_WORKER_STATE`` is a folder counting the attempts across
worker restarts; ``FAKE_WORKER_NO_START=1`` makes the worker die before it is ready.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    if os.environ.get("FAKE_WORKER_NO_START"):
        print("nbgrader_config.py: SyntaxError (simulated)", file=sys.stderr)
        return 3
    script = json.loads(os.environ["FAKE_WORKER_SCRIPT"])
    rows = json.loads(os.environ["FAKE_WORKER_ROWS"])
    state = Path(os.environ["FAKE_WORKER_STATE"])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        student = line.strip()
        counter = state / student
        attempt = int(counter.read_text()) if counter.exists() else 0
        counter.write_text(str(attempt + 1))
        steps = script.get(student, ["ok"])
        step = steps[min(attempt, len(steps) - 1)]
        answer = {"student": student, "status": "failed", "seconds": 0.01, "infra": False, "reason": "", "log": "",
                  "rows": None}  # fmt: skip
        if step == "crash":
            partial = Path("autograded") / student / args.assignment
            partial.mkdir(parents=True, exist_ok=True)
            (partial / f"{args.assignment}.ipynb").write_text("{", encoding="utf-8")
            os._exit(9)
        elif step == "hang":
            time.sleep(3600)
        elif step == "infra":
            answer.update(infra=True, reason="评分环境出错（内核启动失败或端口冲突）",
                          log="RuntimeError: Kernel died before replying to kernel_info")  # fmt: skip
        elif step == "broken":
            answer.update(
                reason="笔记本文件已损坏，不是有效的 JSON",
                log="NotJSONError: Notebook does not appear to be JSON",
            )
        else:
            answer.update(status="graded", rows=rows[student])
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
