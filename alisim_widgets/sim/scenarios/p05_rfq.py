"""项目五 商机沟通: the set-up store (出口通 member, A&V passed, team in place) on 2022-11-01, with the RFQ market."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .rfq_data import seed_rfq
from .storyline import storyline_products, storyline_trueviews, storyline_videos


def build() -> StoreState:
    state = established_store("05_rfq", dt.date(2022, 11, 1))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    return seed_rfq(state)  # 05_rfq: the RFQ market and the city-house photos
