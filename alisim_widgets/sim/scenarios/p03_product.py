"""项目三 产品管理: the registered store (出口通 member) on 2022-04-10."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("03_product", dt.date(2022, 4, 10))
