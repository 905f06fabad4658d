"""The Voila demo's store: the storyline with every project built so far already done."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .storyline import registered_store


def build() -> StoreState:
    return registered_store("demo", dt.date(2022, 8, 20))
