"""项目八 交易管理: the registered store (出口通 member) on 2022-09-10."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("08_trade", dt.date(2022, 9, 10))
