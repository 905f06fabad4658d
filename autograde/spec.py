"""Task specs: the expected value of every checked field, how it is compared, and its weight."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FieldCheck", "TaskSpec", "SPECS", "register"]


@dataclass(frozen=True)
class FieldCheck:
    key: str
    label: str
    expected: Any
    compare: str | Callable[[Any, Any], bool] = "text"
    weight: float = 1.0
    hint: str = ""  # what to look at again, without the answer


@dataclass(frozen=True)
class TaskSpec:
    task_id: str
    title: str
    points: float
    # Reads the saved store and returns the submitted values by field key, or None if nothing was done.
    extract: Callable[[Any], dict[str, Any] | None]
    fields: tuple[FieldCheck, ...] = field(default_factory=tuple)
    missing: str = "还没有完成这个任务（没有找到保存的结果）"


SPECS: dict[str, TaskSpec] = {}


def register(*specs: TaskSpec) -> None:
    for s in specs:
        SPECS[s.task_id] = s
