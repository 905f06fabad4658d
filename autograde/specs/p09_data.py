"""项目九 数据分析: tasks 09.1.1–09.1.5, checked against answers recomputed from the student's own seed.

The store keeps only the seed the student's data came from and the submitted answers. Here, in the
teacher's process, the dataset is regenerated from that seed and every expected answer is computed again
with plain pandas, following the rules the notebook states (periods, medians, tie-breaks). Each answer is
scored on its own (partial credit), with the tolerance of :data:`TOLERANCES`; feedback names the wrong
answers, never the expected values.
"""

from __future__ import annotations

from typing import Any

from alisim_widgets.sim import rules
from alisim_widgets.sim.data import fingerprint, generate
from alisim_widgets.sim.data_tasks import (
    LAST_WEEK,
    MIN_P4P_CLICKS,
    MONTH,
    PREVIOUS_MONTH,
    TASKS,
    THIS_WEEK,
    TOP_N,
)

from ..compare import norm_text
from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["expected_answers", "DataVersionMismatch", "TOLERANCES", "POINTS"]

TOLERANCES = {"count": 0.0, "percent": 0.01}  # counts exact; percentages ± 0.01 percentage points
POINTS = {"09.1.1": 10, "09.1.2": 10, "09.1.3": 10, "09.1.4": 10, "09.1.5": 10}
_METRICS = ["impressions", "clicks", "visitors", "inquiries"]


# --- the expected answers, recomputed with pandas ---------------------------------------------------------
def _between(traffic, period):
    start, end = period
    return traffic[(traffic["date"] >= str(start)) & (traffic["date"] <= str(end))]


def _pct(part: float, whole: float) -> float:
    return 100 * part / whole


def _ranked(table, by: list[str], ascending: list[bool]) -> list[str]:
    """The index of ``table`` sorted by ``by``; names compare as text (alphabetically) in a tie."""
    flat = table.reset_index()
    name = flat.columns[0]
    flat[name] = flat[name].astype(str)
    return list(flat.sort_values(by, ascending=ascending)[name])


def _task_1(f) -> dict[str, Any]:
    month = _between(f["traffic"], MONTH)[_METRICS].sum()
    before = _between(f["traffic"], PREVIOUS_MONTH)["inquiries"].sum()
    return {
        **{m: int(month[m]) for m in _METRICS},
        "ctr": _pct(month["clicks"], month["impressions"]),
        "inquiry_rate": _pct(month["inquiries"], month["visitors"]),
        "inquiries_change": _pct(month["inquiries"] - before, before),
    }


def _task_2(f) -> dict[str, Any]:
    low = rules.DATA_LOW_FRACTION
    p = _between(f["traffic"], MONTH).groupby("product_id")[_METRICS].sum()
    p = p.reindex(f["products"]["product_id"], fill_value=0)
    p["ctr"] = p["clicks"] / p["impressions"]
    p["inquiry_rate"] = p["inquiries"] / p["visitors"]
    med = p.median()
    ids = lambda mask: [str(i) for i in p.index[mask]]  # noqa: E731
    prod = f["products"]
    return {
        "low_exposure": ids(p["impressions"] < low * med["impressions"]),
        "high_exposure_low_click": ids(
            (p["impressions"] >= med["impressions"]) & (p["ctr"] < low * med["ctr"])
        ),
        "high_click_low_inquiry": ids(
            (p["clicks"] >= med["clicks"]) & (p["inquiry_rate"] < low * med["inquiry_rate"])
        ),
        "strong_not_in_showcase": [
            str(i)
            for i in prod.loc[(prod["tier"] == rules.DATA_STRONG_TIER) & ~prod["showcase"], "product_id"]
        ],
    }


def _task_3(f) -> dict[str, Any]:
    month = _between(f["traffic"], MONTH)
    words = month[month["source"] == "搜索"].groupby("keyword", observed=True)[_METRICS].sum()
    top = _ranked(words, ["clicks", "keyword"], [False, True])[:TOP_N]
    plan = f["keywords"].set_index("keyword")["in_p4p"]
    candidates = words[(words["clicks"] >= MIN_P4P_CLICKS) & ~words.index.map(plan).astype(bool)]
    p4p = _ranked(candidates, ["inquiries", "clicks", "keyword"], [False, False, True])[:TOP_N]
    return {"top_keywords": top, "p4p_keywords": p4p}


def _task_4(f) -> dict[str, Any]:
    c = _between(f["traffic"], MONTH).groupby("country", observed=True)[_METRICS].sum()
    top = _ranked(c, ["visitors", "country"], [False, True])[:TOP_N]
    return {
        "top_countries": top,
        "top5_share": _pct(c.loc[top, "visitors"].sum(), c["visitors"].sum()),
        "top_inquiry_country": _ranked(c, ["inquiries", "country"], [False, True])[:1],
    }


def _task_5(f) -> dict[str, Any]:
    this, last = _between(f["traffic"], THIS_WEEK), _between(f["traffic"], LAST_WEEK)
    a, b = this[_METRICS].sum(), last[_METRICS].sum()
    now = this.groupby("source", observed=False)["visitors"].sum()
    before = last.groupby("source", observed=False)["visitors"].sum()
    change = (now - before) / before
    return {
        "wow_impressions": _pct(a["impressions"] - b["impressions"], b["impressions"]),
        "wow_clicks": _pct(a["clicks"] - b["clicks"], b["clicks"]),
        "wow_inquiries": _pct(a["inquiries"] - b["inquiries"], b["inquiries"]),
        "weakest_source": [str(change.sort_values(kind="stable").index[0])],
    }


_COMPUTE = {"09.1.1": _task_1, "09.1.2": _task_2, "09.1.3": _task_3, "09.1.4": _task_4, "09.1.5": _task_5}


class DataVersionMismatch(Exception):
    """The data regenerated here differs from what the student's kernel generated (another numpy or pandas)."""


def expected_answers(task_id: str, seed: str, saved_fingerprint: str = "") -> dict[str, Any]:
    """The expected answers of ``task_id`` for the data generated from ``seed`` (the teacher's side).

    With the digest the student's store saved, data that would come out differently here is refused
    (:class:`DataVersionMismatch`, the task then shows as unreadable) rather than graded against other numbers.
    """
    frames = generate(seed)
    if saved_fingerprint and fingerprint(frames["traffic"]) != saved_fingerprint:
        raise DataVersionMismatch(seed)
    return _COMPUTE[task_id](frames)


# --- comparing --------------------------------------------------------------------------------------------
class _Number(float):
    """A submitted number carrying the expected one (the check reads it; feedback shows only the number)."""

    expected: float
    tolerance: float

    def __repr__(self) -> str:
        return f"{float(self):g}"

    __str__ = __repr__


class _Names(list):
    """A submitted list of names carrying the expected ones."""

    expected: list[str]


def _wrap_number(value: float, expected: float, tolerance: float) -> _Number:
    out = _Number(value)
    out.expected, out.tolerance = float(expected), tolerance
    return out


def _wrap_names(value: list[str], expected: list[str]) -> _Names:
    out = _Names(value)
    out.expected = list(expected)
    return out


def _same_number(actual: Any, _expected: Any) -> bool:
    return abs(float(actual) - actual.expected) <= actual.tolerance + 1e-9


def _same_names(actual: Any, _expected: Any) -> bool:
    return {norm_text(a) for a in actual} == {norm_text(e) for e in actual.expected} and len(actual) == len(
        actual.expected
    )


def _extract(task_id: str):
    task = TASKS[task_id]

    def extract(backend) -> dict[str, Any] | None:
        store = getattr(backend.state, "data", None)
        answer = store.answers.get(task_id) if store is not None else None
        if answer is None:
            return None
        expected = expected_answers(task_id, store.seed, store.fingerprint)
        out: dict[str, Any] = {}
        for f in task.fields:
            if f.key in answer.numbers:
                tol = TOLERANCES["count" if f.kind == "count" else "percent"]
                out[f.key] = _wrap_number(answer.numbers[f.key], expected[f.key], tol)
            elif f.key in answer.items:
                out[f.key] = _wrap_names(answer.items[f.key], expected[f.key])
        return out

    return extract


_HINTS = {
    "count": "按任务说明的时间范围把这一列加起来",
    "percent": "检查公式、时间范围和单位（百分数，保留两位小数）",
    "products": "按笔记本里的规则（与全店中位数比较）逐个产品判断",
    "keywords": "只统计“搜索”来源的词，按任务说明排序",
    "countries": "按任务说明的指标排序",
    "source": "分别算出每个来源的访客周环比，再比较",
}


def _spec(task_id: str) -> TaskSpec:
    task = TASKS[task_id]
    checks = tuple(
        FieldCheck(
            f.key,
            f.label,
            None,
            _same_number if f.kind in ("count", "percent") else _same_names,
            hint=_HINTS[f.kind],
        )  # fmt: skip
        for f in task.fields
    )
    return TaskSpec(
        task_id, task.title, POINTS[task_id], _extract(task_id), checks,
        missing="还没有提交这个任务的分析结果：请在“提交分析结果”页面选择任务、填写答案后提交",
    )  # fmt: skip


register(
    *(_spec(t) for t in TASKS),
    quiz_spec("09.q1", "c4c3e37f736095baf4b1e46ba923bd0c403c9cdbb4dfa40b7ff54af98b353b63"),
    quiz_spec("09.q2", "1868b656950f13cd155edd341b3e4be8e973180ca37c9e62eedda18b5174387c"),
    quiz_spec("09.q3", "1004f0bc94b9b9366c3c0433b81eb22af29935f24c45de472a2221b57f05edd2"),
    quiz_spec("09.q4", "60828f6bf5ec03b9e2bc1d5486d86eea583ca82f8127c08050df93e1132822d7"),
    quiz_spec("09.q5", "22936cf145c28af8090250511450162cbc251e30f937f0baec72df71d57b1a04"),
    quiz_spec("09.q6", "3215f488424d121530057a198f1e3875e7f2e12a5dd005be46db91b15f4fe7ed"),
)
