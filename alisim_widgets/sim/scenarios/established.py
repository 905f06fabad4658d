"""The store once project 02 is done: the starting point of every later project."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .store_setup import complete_store_setup
from .storyline import registered_store
from .team_data import add_xu_tiantian, seed_team

__all__ = ["established_store"]


def established_store(project: str, today: dt.date) -> StoreState:
    """Registered 出口通 member, A&V passed, company information reviewed, the team with Xu tiantian."""
    state = registered_store(project, today)
    complete_store_setup(state)
    add_xu_tiantian(seed_team(state))
    return state
