"""项目八 交易管理: the set-up store (出口通 member, A&V passed, team in place) on 2022-09-10."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products, storyline_trueviews, storyline_videos
from .trade_data import add_trade_scenario


def build() -> StoreState:
    state = established_store("08_trade", dt.date(2022, 9, 10))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    add_trade_scenario(state)  # 08_trade: the inquiry inbox with Amy Tang's INQ-AMY-01
    return state
