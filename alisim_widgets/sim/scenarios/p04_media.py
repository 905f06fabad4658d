"""项目四 媒体中心: the store on 2022-10-20, its products published and the designer's clips in the video bank."""

from __future__ import annotations

import datetime as dt
import hashlib

from ..products_models import BankImage, ImageMeta
from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products, storyline_videos


def trueview_covers() -> list[BankImage]:
    """Portrait pictures the designer put into the image bank with the clips: a True View cover may be picked
    from the image bank (L2176), and only a picture of at least 750 × 1334 qualifies (the square product
    photos of project 03 do not), so the student has a real choice to judge."""
    day = dt.date(2022, 10, 18)
    pictures = (
        ("IMG-COVER-01", "女童亮片公主裙：竖版视频封面", (1080, 1920), 460),
        ("IMG-COVER-02", "弹珠轨道积木：竖版视频封面", (750, 1334), 310),
        ("IMG-COVER-03", "女童亮片公主裙：横版海报", (1334, 750), 300),
    )
    return [
        BankImage(
            id=pid,
            subject=subject,
            image=ImageMeta(
                name=f"{pid.lower()}.jpg",
                format="JPEG",
                width=px[0],
                height=px[1],
                size_bytes=kb * 1024,
                sha1=hashlib.sha1(pid.encode()).hexdigest(),
            ),
            uploaded_on=day,
        )
        for pid, subject, px, kb in pictures
    ]


def build() -> StoreState:
    state = established_store("04_media", dt.date(2022, 10, 20))
    state.products = storyline_products(state.today)
    state.videos = storyline_videos()
    state.image_bank = image_bank() + trueview_covers()  # project 03's bank, and the covers for 04.1.4
    return state
