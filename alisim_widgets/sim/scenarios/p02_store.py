"""项目二 店铺管理: the registered store (出口通 member) on 2022-03-20."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .store_setup import seed_admin_profile, seed_verification
from .storyline import registered_store, storyline_products
from .team_data import seed_team


def build() -> StoreState:
    state = registered_store("02_store", dt.date(2022, 3, 20))
    seed_team(state)  # two sub-accounts and what they own (02.5.4)
    seed_verification(state)  # A&V not started: the account manager's letter waits (02.2.3)
    seed_admin_profile(state)  # the admin's security phone and ID number (account security)
    state.products = storyline_products(state.today)  # the first listings: 02.4.1 tiles them (产品平铺)
    return state
