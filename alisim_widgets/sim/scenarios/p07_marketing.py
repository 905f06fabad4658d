"""项目七 营销中心: the set-up store (出口通 member, A&V passed, team in place) on 2022-08-20."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .marketing_data import storyline_marketing
from .products_data import image_bank
from .storyline import storyline_products, storyline_trueviews, storyline_videos


def build() -> StoreState:
    state = established_store("07_marketing", dt.date(2022, 8, 20))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    state.marketing = storyline_marketing(state.today)  # three of the ten showcases in use
    return state
