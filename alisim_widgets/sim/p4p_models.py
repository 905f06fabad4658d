"""Saved models of 外贸直通车 (P4P): the promotion plans of tasks 07.9.3–07.9.6."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["P4PPlan"]


class P4PPlan(SavedModel):
    """One P4P plan as 外贸直通车 → 计划列表 keeps it (premiums already resolved to full maps)."""

    id: str
    plan_type: str  # p4p.PLAN_TYPES
    name: str
    all_products: bool = False  # "所有产品": the plan follows the store (新品成长: every product still new)
    product_ids: list[int] = Field(default_factory=list)  # the products chosen one by one
    daily_budget_cny: float
    weekly_budget: bool = False
    bid_min_cny: float
    bid_max_cny: float
    region_premiums: dict[str, int] = Field(default_factory=dict)  # region → percent (bid × percent)
    crowd_premiums: dict[str, int] = Field(default_factory=dict)  # crowd → percent
    created_on: dt.date
    status: str = "推广中"
    warnings: list[str] = Field(default_factory=list)  # advice shown when the plan was saved
