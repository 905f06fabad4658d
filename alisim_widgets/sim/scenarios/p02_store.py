"""项目二 店铺管理: the registered store (出口通 member) on 2022-03-20."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("02_store", dt.date(2022, 3, 20))
