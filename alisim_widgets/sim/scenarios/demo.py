"""The Voila demo's store: the storyline with every project built so far already done."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .crm_data import seed_crm, seed_mail_setup
from .decoration_data import decorate_demo
from .established import established_store
from .p10_customs import demo_declaration
from .products_data import image_bank
from .rfq_data import seed_rfq
from .storyline import storyline_products, storyline_trueviews, storyline_videos


def build() -> StoreState:
    state = established_store("demo", dt.date(2022, 8, 20))  # 02_store: A&V, company info, the team
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()  # 03_product: 图片银行
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    decorate_demo(state)  # 02_store: the decorated home page (02.4.1)
    seed_mail_setup(seed_crm(state))  # 06_crm: 客户通's customers, 外贸邮 and the EDM sender
    seed_rfq(state)  # 05_rfq: the RFQ market (采购直达) and the city-house photos
    from .marketing_data import storyline_marketing

    state.marketing = storyline_marketing(state.today)  # 07_marketing: three showcases in use
    from .trade_data import add_trade_scenario

    add_trade_scenario(state)  # 08_trade: the inquiry inbox with Amy Tang's INQ-AMY-01
    state.customs = [demo_declaration()]  # 10_customs: task 10.1.4 filled in, ready for 「生成单证」
    return state
