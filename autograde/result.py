"""A task check's result: per-field outcomes and a score with two faces (student and teacher).

:class:`CheckResult` is a ``float`` (the points), so as the last value of an nbgrader test cell it
becomes the cell's partial credit; its HTML face shows the student a short summary.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["FieldOutcome", "CheckResult"]


@dataclass(frozen=True)
class FieldOutcome:
    key: str
    label: str
    ok: bool
    weight: float
    feedback: str  # Chinese; never the expected value
    missing: bool = False  # nothing was filled in (as opposed to a wrong value)


class CheckResult(float):
    """The points scored on one task (a float), with the details behind them."""

    task_id: str
    title: str
    max_score: float
    fields: list[FieldOutcome]
    note: str

    hidden: bool  # exam mode in the student's kernel: saved, not scored

    def __new__(cls, task_id: str, title: str, score: float, max_score: float,
                fields: list[FieldOutcome], note: str = "", hidden: bool = False) -> CheckResult:  # fmt: skip
        obj = super().__new__(cls, round(score, 2))
        obj.task_id, obj.title, obj.max_score, obj.fields, obj.note = task_id, title, max_score, fields, note
        obj.hidden = hidden
        return obj

    @property
    def score(self) -> float:
        return float(self)

    @property
    def full(self) -> bool:
        return abs(self.score - self.max_score) < 1e-9

    @property
    def wrong(self) -> list[FieldOutcome]:
        return [f for f in self.fields if not f.ok]

    def __repr__(self) -> str:
        # nbgrader reads text/plain as the partial credit: keep it a bare number.
        return repr(float(self))

    def feedback_lines(self) -> list[str]:
        if self.hidden:
            return [f"【{self.task_id} {self.title}】", f"  {self.note}"]
        head = f"【{self.task_id} {self.title}】得分 {self.score:g} / {self.max_score:g}"
        lines = [head]
        if self.note:
            lines.append(f"  {self.note}")
        for f in self.fields:
            lines.append(f"  {'✔' if f.ok else '✘'} {f.label}：{f.feedback}")
        if self.full:
            lines.append("  全部正确，做得好！")
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "title": self.title,
            "score": self.score,
            "max_score": self.max_score,
            "note": self.note,
            "fields": [asdict(f) for f in self.fields],
        }

    def _repr_html_(self) -> str:
        if self.hidden:
            return (
                f"<div style='border-left:4px solid #FF6A00;padding:4px 10px'>"
                f"<b>{html.escape(self.task_id)} {html.escape(self.title)}</b>：{html.escape(self.note)}</div>"
            )
        if not self.fields and self.score == 0:
            status = html.escape(self.note) if self.note else "还没有完成"
            return (
                f"<div style='border-left:4px solid #FF6A00;padding:4px 10px'>"
                f"<b>{html.escape(self.task_id)} {html.escape(self.title)}</b>："
                f"<span style='color:#e4393c;font-weight:bold'>0 / {self.max_score:g} 分</span>（{status}）</div>"
            )
        color = "#1a7f37" if self.full else ("#ad6800" if self.score > 0 else "#e4393c")
        return (
            f"<div style='border-left:4px solid #FF6A00;padding:4px 10px'>"
            f"<b>{html.escape(self.task_id)} {html.escape(self.title)}</b>："
            f"<span style='color:{color};font-weight:bold'>{self.score:g} / {self.max_score:g} 分</span>"
            f"{'' if self.full else f'（{len(self.wrong)} 处需要修改，见上方说明）'}</div>"
        )
