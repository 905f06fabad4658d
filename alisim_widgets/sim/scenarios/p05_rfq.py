"""项目五 商机沟通: the registered store (出口通 member) on 2022-11-01."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("05_rfq", dt.date(2022, 11, 1))
