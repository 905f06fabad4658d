"""项目四 媒体中心: the store on 2022-10-20, its products published and the designer's clips in the video bank."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState
from .established import established_store
from .storyline import storyline_products, storyline_videos


def build() -> StoreState:
    state = established_store("04_media", dt.date(2022, 10, 20))
    state.products = storyline_products(state.today)
    state.videos = storyline_videos()
    return state
