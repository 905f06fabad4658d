"""项目十 出口服务: the registered store (出口通 member) on 2023-01-03."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("10_customs", dt.date(2023, 1, 3))
