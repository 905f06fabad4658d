"""Saved models of 数据管家 (09_data): the student's data seed and the submitted analysis results.

Only the seed is saved, never the data: the dataset is regenerated from it (:mod:`alisim_widgets.sim.data`),
and the expected answers are recomputed from it by the grader, so nothing in the file gives them away.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["DataAnswer", "DataStore"]


class DataAnswer(SavedModel):
    """One submission of 提交分析结果 for one task: numbers and lists, by the task's field keys."""

    task_id: str
    numbers: dict[str, float] = Field(default_factory=dict)
    items: dict[str, list[str]] = Field(default_factory=dict)
    submitted_at: dt.datetime
    owner: str = "admin"


class DataStore(SavedModel):
    """The store's data: whose seed generated it (saved on first open, never changed) and the answers."""

    seed: str  # the student's identity the data is generated from (nbgrader / JupyterHub / OS user)
    seed_source: str = ""  # where the identity came from, in Chinese
    created_at: dt.datetime
    # A digest of the data first generated from the seed: the grader notices if its numpy/pandas would give
    # other numbers (another version's random streams) instead of grading against different data.
    fingerprint: str = ""
    answers: dict[str, DataAnswer] = Field(default_factory=dict)  # task id → the latest submission
