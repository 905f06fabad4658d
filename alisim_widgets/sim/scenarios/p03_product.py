"""项目三 产品管理: the set-up store (出口通 member, A&V passed, team in place) on 2022-04-10, with its first listings.

The store already holds the storyline's older products (ids 3168-3179), among them a duplicate listing
(3169 repeats 3168) and the balance board whose title repeats "Board" three times: the product workbench
flags both. Tasks 03.3.5 and 03.3.6 add two products.
"""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products

TODAY = dt.date(2022, 4, 10)


def build() -> StoreState:
    state = established_store("03_product", TODAY)
    state.products = storyline_products(TODAY)
    state.image_bank = image_bank()
    return state
