"""``check(task_id, backend)``: score a task field by field from the saved store.

The last line of an nbgrader test cell is ``check("01.2.2", backend)``: the returned
:class:`CheckResult` is a float, so nbgrader takes it as the cell's partial credit. Feedback goes to
stdout (never stderr: nbgrader gives 0 points to a grade cell that writes to stderr).
"""

from __future__ import annotations

import os
from typing import Any

from alisim_widgets.sim.config import load_config

from .compare import COMPARERS
from .result import CheckResult, FieldOutcome
from .spec import SPECS, FieldCheck

__all__ = ["check", "evaluate"]

_MISSING = (None, "", [], ())


def _grading() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple, set)):
        value = "、".join(map(str, value))
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _judge(fc: FieldCheck, submitted: dict[str, Any], reveal: bool) -> FieldOutcome:
    actual = submitted.get(fc.key)
    compare = COMPARERS[fc.compare] if isinstance(fc.compare, str) else fc.compare
    if actual in _MISSING:
        return FieldOutcome(fc.key, fc.label, False, fc.weight, "没有填写", missing=True)
    try:
        ok = bool(compare(actual, fc.expected))
    except Exception:  # a hand-edited store must not crash grading
        ok = False
    if ok:
        return FieldOutcome(fc.key, fc.label, True, fc.weight, "正确")
    feedback = "与任务要求不一致"
    if fc.hint:
        feedback += f"，{fc.hint}"
    if reveal and fc.key != "password":
        feedback += f"（你的答案：{_shown(actual)}）"
    return FieldOutcome(fc.key, fc.label, False, fc.weight, feedback)


def evaluate(task_id: str, backend: Any, *, reveal: bool = True) -> CheckResult:
    """Score ``task_id`` on ``backend`` without printing anything."""
    spec = SPECS.get(task_id)
    if spec is None:
        raise KeyError(f"没有编号为 {task_id} 的任务")
    try:
        submitted = spec.extract(backend)
    except Exception as exc:  # noqa: BLE001 - a broken store is graded 0 with a reason, never a crash
        return CheckResult(
            task_id, spec.title, 0, spec.points, [], f"无法读取保存的结果：{type(exc).__name__}"
        )
    if submitted is None:
        return CheckResult(task_id, spec.title, 0, spec.points, [], spec.missing)
    outcomes = [_judge(fc, submitted, reveal) for fc in spec.fields]
    total = sum(o.weight for o in outcomes) or 1
    got = sum(o.weight for o in outcomes if o.ok)
    return CheckResult(task_id, spec.title, spec.points * got / total, spec.points, outcomes)


def check(task_id: str, backend: Any, *, quiet: bool = False) -> CheckResult:
    """Score a task, print Chinese feedback naming each wrong or missing field, return the points.

    Practice mode shows the student's own wrong values; exam mode never does, and outside nbgrader
    it only says the work is saved (scores come after hand-in).
    """
    if hasattr(backend, "refresh"):
        backend.refresh()  # pick up what the screens saved from another kernel
    folder = backend.path.parent if getattr(backend, "path", None) else "."
    exam = load_config(folder).exam
    result = evaluate(task_id, backend, reveal=not exam)
    if exam and not _grading():
        spec = SPECS[task_id]
        hidden = CheckResult(
            task_id, spec.title, 0, spec.points, [], "考核模式：答案已保存，交卷后由老师统一评分。"
        )
        if not quiet:
            print("\n".join(hidden.feedback_lines()[:2]))
        return hidden
    if not quiet:
        print("\n".join(result.feedback_lines()))
    return result
