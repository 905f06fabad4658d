"""项目十 出口服务: the set-up store (出口通 member, A&V passed, team in place) on 2023-01-03."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products, storyline_trueviews, storyline_videos


def build() -> StoreState:
    state = established_store("10_customs", dt.date(2023, 1, 3))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    return state
