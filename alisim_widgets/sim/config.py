"""Course configuration chosen by the teacher, never by the student: practice or exam mode.

Looked up in this order: the ``ALISIM_MODE`` environment variable (``practice`` or ``exam``, with
``ALISIM_EXAM_MINUTES``), then ``alisim_config.json`` in the notebook's folder or one of its parents.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CourseConfig", "load_config", "CONFIG_FILENAME"]

CONFIG_FILENAME = "alisim_config.json"
PRACTICE, EXAM = "practice", "exam"
DEFAULT_EXAM_MINUTES = 60  # 考核时长 60 分钟 (L2052-2056)


@dataclass(frozen=True)
class CourseConfig:
    mode: str = PRACTICE
    exam_minutes: int = DEFAULT_EXAM_MINUTES

    @property
    def exam(self) -> bool:
        return self.mode == EXAM


def load_config(folder: str | Path | None = ".") -> CourseConfig:
    env_mode = os.environ.get("ALISIM_MODE")
    if env_mode in (PRACTICE, EXAM):
        minutes = os.environ.get("ALISIM_EXAM_MINUTES", "")
        return CourseConfig(env_mode, int(minutes) if minutes.isdigit() else DEFAULT_EXAM_MINUTES)
    if folder is None:
        return CourseConfig()
    here = Path(folder).resolve()
    for candidate in [here, *list(here.parents)[:3]]:
        path = candidate / CONFIG_FILENAME
        if path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                mode = raw.get("mode", PRACTICE)
                minutes = int(raw.get("exam_minutes", DEFAULT_EXAM_MINUTES))
            except (ValueError, TypeError, AttributeError, OSError):
                return CourseConfig()
            return CourseConfig(mode if mode in (PRACTICE, EXAM) else PRACTICE, minutes)
    return CourseConfig()
