"""The Voila demo's store: the storyline with every project built so far already done."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .decoration_data import decorate_demo
from .products_data import image_bank
from .store_setup import complete_store_setup
from .storyline import registered_store, storyline_products, storyline_trueviews, storyline_videos
from .team_data import add_xu_tiantian, seed_team


def build() -> StoreState:
    state = registered_store("demo", dt.date(2022, 8, 20))
    complete_store_setup(state)  # 02_store: A&V passed, company information reviewed
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()  # 03_product: 图片银行
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    add_xu_tiantian(seed_team(state))  # 02_store: the team, with task 02.5.4 done
    decorate_demo(state)  # 02_store: the decorated home page (02.4.1)
    return state
