"""``check(task_id, backend)``: score a task field by field from the saved store.

The last line of an nbgrader test cell is ``check("01.2.2", backend)``: the returned
:class:`CheckResult` is a float, so nbgrader takes it as the cell's partial credit. Feedback goes to
stdout (never stderr: nbgrader gives 0 points to a grade cell that writes to stderr).

Grading does not run these cells: :mod:`autograde.stategrade` scores the submitted store in the teacher's
process with :func:`score_task`. In the student's kernel, exam mode (the teacher's, see
:mod:`alisim_widgets.sim.config`) makes :func:`check` and :func:`evaluate` return no score and no
per-field outcome at all.
"""

from __future__ import annotations

from typing import Any

from alisim_widgets.sim.config import load_config

from .compare import COMPARERS
from .result import CheckResult, FieldOutcome
from .spec import SPECS, FieldCheck

__all__ = ["check", "evaluate", "score_task", "EXAM_NOTE"]

EXAM_NOTE = "考核模式：答案已保存，交卷后由老师统一评分。"

_MISSING = (None, "", [], ())


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


def score_task(task_id: str, backend: Any, *, reveal: bool = True) -> CheckResult:
    """The teacher's scoring of ``task_id`` on ``backend`` (any mode): used by grading and reports."""
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


def _exam(backend: Any) -> bool:
    folder = backend.path.parent if getattr(backend, "path", None) else None
    return load_config(folder).exam


def _hidden(task_id: str) -> CheckResult:
    spec = SPECS.get(task_id)
    if spec is None:
        raise KeyError(f"没有编号为 {task_id} 的任务")
    return CheckResult(task_id, spec.title, 0, spec.points, [], EXAM_NOTE, hidden=True)


def evaluate(task_id: str, backend: Any, *, reveal: bool = True) -> CheckResult:
    """Score ``task_id`` on ``backend`` without printing anything (the self-check).

    In exam mode the result carries no score and no field outcome: only that the work is saved.
    """
    if _exam(backend):
        return _hidden(task_id)
    return score_task(task_id, backend, reveal=reveal)


def check(task_id: str, backend: Any, *, quiet: bool = False) -> CheckResult:
    """Score a task, print Chinese feedback naming each wrong or missing field, return the points.

    Practice mode shows the student's own wrong values (never the expected ones); exam mode shows nothing
    but that the work is saved: the score comes from the teacher's grading of the saved store.
    """
    if hasattr(backend, "refresh"):
        backend.refresh()  # pick up what the screens saved from another kernel
    result = evaluate(task_id, backend)
    if not quiet:
        print("\n".join(result.feedback_lines()))
    return result
