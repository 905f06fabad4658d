"""项目九 数据分析: the registered store (出口通 member) on 2022-10-01."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("09_data", dt.date(2022, 10, 1))
