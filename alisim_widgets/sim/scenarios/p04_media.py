"""项目四 媒体中心: the registered store (出口通 member) on 2022-10-20."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("04_media", dt.date(2022, 10, 20))
