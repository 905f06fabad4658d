"""The 09_data analysis tasks: what each asks, its periods and rules, and the form of a submitted answer.

This module says *what* to compute and checks that a submitted answer has the right form (a finite number,
a list of known product ids / keywords / countries of the right length); it never computes an answer. The
grader (``autograde/specs/p09_data.py``) recomputes the expected answers from the student's saved seed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from .errors import FieldErrors, SimError

__all__ = [
    "AnswerField",
    "AnalysisTask",
    "TASKS",
    "MONTH",
    "PREVIOUS_MONTH",
    "THIS_WEEK",
    "LAST_WEEK",
    "TOP_N",
    "MIN_P4P_CLICKS",
    "MAX_LIST_ITEMS",
    "check_answers",
]

MONTH = (dt.date(2022, 9, 1), dt.date(2022, 9, 30))  # the period of tasks 09.1.1–09.1.4
PREVIOUS_MONTH = (dt.date(2022, 8, 1), dt.date(2022, 8, 31))  # 环比: the month before
THIS_WEEK = (dt.date(2022, 9, 19), dt.date(2022, 9, 25))  # 周报 (09.1.5): Monday to Sunday
LAST_WEEK = (dt.date(2022, 9, 12), dt.date(2022, 9, 18))
TOP_N = 5
MIN_P4P_CLICKS = 20  # a P4P candidate word has at least this many clicks in the month
MAX_LIST_ITEMS = 30
_MAX_ITEM_CHARS = 100
_MAX_COUNT = 10**12
_MAX_PERCENT = 100_000.0
_RATES = ("ctr", "inquiry_rate", "top5_share")  # rates that are never below 1 % in this data

COUNT, PERCENT, PRODUCTS, KEYWORDS, COUNTRIES, SOURCE = (
    "count", "percent", "products", "keywords", "countries", "source",
)  # fmt: skip


@dataclass(frozen=True)
class AnswerField:
    """One answer of a task: its canonical key, Chinese label, kind and (for lists) how many items."""

    key: str
    label: str
    kind: str  # count | percent | products | keywords | countries | source
    exactly: int | None = None  # a list of exactly this many items
    help: str = ""

    @property
    def is_list(self) -> bool:
        return self.kind in (PRODUCTS, KEYWORDS, COUNTRIES)


@dataclass(frozen=True)
class AnalysisTask:
    task_id: str
    title: str
    fields: tuple[AnswerField, ...]


_PCT = "百分数，保留两位小数，如 3.45 表示 3.45%"
_IDS = "产品编号，一行一个（或用逗号隔开）；没有就留空"

TASKS: dict[str, AnalysisTask] = {
    t.task_id: t
    for t in (
        AnalysisTask("09.1.1", "店铺核心指标（2022 年 9 月）", (
            AnswerField("impressions", "曝光", COUNT, help="整数"),
            AnswerField("clicks", "点击", COUNT, help="整数"),
            AnswerField("visitors", "访客", COUNT, help="整数"),
            AnswerField("inquiries", "询盘", COUNT, help="整数"),
            AnswerField("ctr", "点击率（点击/曝光）", PERCENT, help=_PCT),
            AnswerField("inquiry_rate", "询盘转化率（询盘/访客）", PERCENT, help=_PCT),
            AnswerField("inquiries_change", "询盘环比（与 8 月比）", PERCENT, help="(9月−8月)/8月×100，" + _PCT),
        )),
        AnalysisTask("09.1.2", "产品诊断（2022 年 9 月）", (
            AnswerField("low_exposure", "低曝光产品", PRODUCTS, help=_IDS),
            AnswerField("high_exposure_low_click", "高曝光低点击产品", PRODUCTS, help=_IDS),
            AnswerField("high_click_low_inquiry", "高点击低询盘产品", PRODUCTS, help=_IDS),
            AnswerField("strong_not_in_showcase", "没进橱窗的实力优品", PRODUCTS, help=_IDS),
        )),
        AnalysisTask("09.1.3", "关键词分析（2022 年 9 月，搜索来源）", (
            AnswerField("top_keywords", "点击最多的 5 个搜索词", KEYWORDS, TOP_N, "一行一个关键词"),
            AnswerField("p4p_keywords", "建议加入直通车的 5 个词", KEYWORDS, TOP_N, "一行一个关键词"),
        )),
        AnalysisTask("09.1.4", "买家画像（2022 年 9 月）", (
            AnswerField("top_countries", "访客最多的 5 个国家", COUNTRIES, TOP_N, "一行一个国家（英文名）"),
            AnswerField("top5_share", "这 5 国访客占比", PERCENT, help=_PCT),
            AnswerField("top_inquiry_country", "询盘最多的国家", COUNTRIES, 1, "一个国家（英文名）"),
        )),
        AnalysisTask("09.1.5", "周报：本周与上周比较", (
            AnswerField("wow_impressions", "曝光周环比", PERCENT, help=_PCT),
            AnswerField("wow_clicks", "点击周环比", PERCENT, help=_PCT),
            AnswerField("wow_inquiries", "询盘周环比", PERCENT, help=_PCT),
            AnswerField("weakest_source", "访客周环比最低的来源", SOURCE, help="一个流量来源，如 搜索"),
        )),
    )
}  # fmt: skip


def _number(errors: FieldErrors, f: AnswerField, value: Any) -> float | None:
    """A finite number (int, float, numpy scalar or a text such as "12,345" / "3.45%")."""
    if isinstance(value, bool) or value is None or getattr(getattr(value, "dtype", None), "kind", "") == "b":
        errors.add(f.key, f"{f.label}要填一个数（{f.help}）", "number")
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if f.kind == PERCENT:
            text = text.removesuffix("%").strip()
        if text.casefold().lstrip("+-") in ("nan", "inf", "infinity"):
            errors.add(
                f.key, f"{f.label}不是有效的数（NaN 或无穷大）：检查计算时是不是除以了 0 或用了空表", "finite"
            )
            return None
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
            errors.add(f.key, f"{f.label}要填一个数，收到的是文字（{f.help}）", "number")
            return None
        value = text
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        errors.add(f.key, f"{f.label}要填一个数（{f.help}）", "number")
        return None
    if not math.isfinite(number):
        errors.add(
            f.key, f"{f.label}不是有效的数（NaN 或无穷大）：检查计算时是不是除以了 0 或用了空表", "finite"
        )
        return None
    if f.kind == COUNT:
        if number != int(number) or not 0 <= number <= _MAX_COUNT:
            errors.add(f.key, f"{f.label}是次数或人数：要填不小于 0 的整数", "integer")
            return None
        return float(int(number))
    if abs(number) > _MAX_PERCENT:
        errors.add(f.key, f"{f.label}超出了合理范围（{f.help}）", "range")
        return None
    return number


def _items(value: Any) -> list[Any] | None:
    """The items of a list answer: a list / tuple / set / pandas Index / Series / array, or a text of lines."""
    if isinstance(value, str):
        return [part for part in re.split(r"[\n,，;；、]+", value) if part.strip()]
    if isinstance(value, (dict, bytes)):
        return None
    if hasattr(value, "tolist"):  # numpy arrays, pandas Series / Index
        value = value.tolist()
    if isinstance(value, (list, tuple, set, frozenset)):
        out: list[Any] = []
        for item in value:  # a line of the form may hold several names: "3203, 3228"
            out += _items(item) if isinstance(item, str) else [item]
        return out
    return None


def _names(errors: FieldErrors, f: AnswerField, value: Any, known: dict[str, str]) -> list[str] | None:
    """A list of known names (matched case- and space-insensitively), no repeats, within the length rules."""
    items = _items(value)
    what = {PRODUCTS: "产品编号", KEYWORDS: "关键词", COUNTRIES: "国家", SOURCE: "流量来源"}[f.kind]
    if items is None:
        errors.add(f.key, f"{f.label}要填{what}的列表（{f.help}）", "list")
        return None
    if len(items) > MAX_LIST_ITEMS:
        errors.add(f.key, f"{f.label}最多填 {MAX_LIST_ITEMS} 项（收到 {len(items)} 项）", "too_many")
        return None
    out: list[str] = []
    for item in items:
        if isinstance(item, float) and item.is_integer():
            item = int(item)
        if isinstance(item, bool) or not isinstance(item, (str, int)) and not hasattr(item, "__index__"):
            errors.add(f.key, f"{f.label}的每一项都要是{what}（收到 {type(item).__name__}）", "item")
            return None
        text = re.sub(r"\s+", " ", str(item)).strip()
        if len(text) > _MAX_ITEM_CHARS:
            errors.add(f.key, f"{f.label}里有一项太长，不是{what}", "item")
            return None
        name = known.get(text.casefold())
        if name is None:
            shown = text if len(text) <= 30 else text[:27] + "…"
            errors.add(f.key, f"{f.label}里的“{shown}”不是数据里的{what}", "unknown")
            return None
        if name in out:
            errors.add(f.key, f"{f.label}里“{name}”重复了", "repeat")
            return None
        out.append(name)
    if f.exactly is not None and len(out) != f.exactly:
        errors.add(f.key, f"{f.label}要正好填 {f.exactly} 项（收到 {len(out)} 项）", "count")
        return None
    return out


def check_answers(
    task_id: str, values: dict[str, Any], names: dict[str, Any]
) -> tuple[dict[str, float], dict[str, list[str]], list[str]]:
    """(numbers, lists, advice) of a submission, or ``ValidationFailed`` naming every malformed answer.

    ``names`` gives the dataset's names by kind: products (ids), keywords, countries, source.
    A field left empty is saved as not answered (it scores nothing); an unknown field key is refused.
    """
    task = TASKS[task_id]
    if not isinstance(values, dict):
        raise SimError("提交的分析结果要按字段填写")
    keys = {f.key for f in task.fields}
    unknown = sorted(map(str, set(values) - keys))
    if unknown:
        raise SimError(f"{task_id} 没有这些字段：{', '.join(unknown)}（可用：{', '.join(keys)}）")
    known = {
        kind: {str(n).casefold(): str(n) for n in names[kind]}
        for kind in (PRODUCTS, KEYWORDS, COUNTRIES, SOURCE)
    }
    errors, numbers, items, advice = FieldErrors(), {}, {}, []
    for f in task.fields:
        value = values.get(f.key)
        if (
            value is None
            or (isinstance(value, (str, list, tuple)) and not value)
            or (isinstance(value, str) and not value.strip())
        ):
            if not f.is_list or f.exactly:
                advice.append(f"{f.label}没有填写")
            continue
        if f.kind in (COUNT, PERCENT):
            number = _number(errors, f, value)
            if number is not None:
                numbers[f.key] = number
        else:
            names = _names(errors, f, [value] if f.kind == SOURCE and isinstance(value, str) else value,
                           known[f.kind])  # fmt: skip
            if names is not None and f.kind == SOURCE and len(names) != 1:
                errors.add(f.key, f"{f.label}只填一个流量来源", "count")
            elif names is not None:
                items[f.key] = names
    errors.raise_if_any()
    for f in task.fields:
        if f.kind == PERCENT and f.key in numbers and 0 < abs(numbers[f.key]) < 1 and f.key in _RATES:
            advice.append(
                f"{f.label}填的是 {numbers[f.key]:g}：要用百分数（3.45 表示 3.45%），不是小数 0.0345"
            )
    return numbers, items, advice
