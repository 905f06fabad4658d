"""项目六 客群管理: the set-up store (出口通 member, A&V passed, team in place) on 2022-08-20.

客户通 holds 60+ customers with their sources, tags and behaviour records (``crm_data.py``); 外贸邮 and the
EDM sender were set up earlier in August, so the student builds groups, templates and campaigns.
"""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .crm_data import seed_crm, seed_mail_setup
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products, storyline_trueviews, storyline_videos


def build() -> StoreState:
    state = established_store("06_crm", dt.date(2022, 8, 20))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    seed_mail_setup(seed_crm(state))  # 06_crm: 客户通's customers, 外贸邮 and the EDM sender
    return state
