"""项目七 营销中心: the registered store (出口通 member) on 2022-08-20."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("07_marketing", dt.date(2022, 8, 20))
