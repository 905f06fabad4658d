"""The storyline's facts that later scenarios start from (the results of earlier projects)."""

from __future__ import annotations

import datetime as dt

from .. import rules
from ..security import hash_password
from ..state import Account, StoreState
from .p01_account import BOUND_EMAILS

# Task 01.2.2's data (TASKS.md), as the store holds it once registration is done.
REGISTRATION = {
    "company_name": "湖南典阅科技有限公司",
    "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "license_no": "440000551523412",
    "email": "dianyuekeji@163.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "mobile": "13666301234",
}
# A fixed salt keeps scenarios deterministic; the password is the one the textbook prints.
_PASSWORD_HASH = hash_password("dianyue123", salt=b"alisim-storyline")


def registered_store(project: str, today: dt.date, tier: str = rules.TIER_GOLD) -> StoreState:
    """The store after project 01, upgraded to ``tier`` (出口通 from project 02 on)."""
    account = Account(
        login_id=REGISTRATION["email"],
        password_hash=_PASSWORD_HASH,
        tier=tier,
        registered_on=dt.date(2022, 3, 10),
        **REGISTRATION,
    )
    return StoreState(
        project=project, today=today, account=account, bound_emails=[*BOUND_EMAILS, REGISTRATION["email"]]
    )


def storyline_products(today: dt.date | None = None) -> list:
    """The store's products on ``today`` (all of them when None): see ``scenarios/products_data.py``.

    The two products of tasks 03.3.5 and 03.3.6 (ids 3180, 3181) are published on the 03_product day,
    so they are in the store only after it; 3175-3179 are the RTS products of 07.2.6.
    """
    from .products_data import TASK_PRODUCTS_PUBLISHED_ON, catalogue

    if today is None:
        return catalogue()
    # The task products are what the student publishes on that day: present only from the next day on.
    last_day = {True: today - dt.timedelta(days=1), False: today}
    return [
        p for p in catalogue() if p.published_on <= last_day[p.published_on == TASK_PRODUCTS_PUBLISHED_ON]
    ]


def storyline_videos() -> list:
    """The video bank of 04_media (``scenarios/media_data.py``): VID-DRESS-01 and the clips around it."""
    from .media_data import video_bank

    return video_bank()


def storyline_trueviews() -> list:
    """A True View video the store published in August 2022 from VID-DRESS-01, with its plays (优质)."""
    from ..media_models import CoverImage, PlayRecord, TrueViewPost
    from .media_data import DRESS_CLIP_ID

    published = dt.datetime(2022, 8, 12, 10, 0)
    return [
        TrueViewPost(
            id="TV-0001",
            video_id=DRESS_CLIP_ID,
            cover=CoverImage(source="视频截帧", width=750, height=1334, frame_s=3.0),
            content_type="产品实拍",
            title="Velvet Midi Dress try-on",
            description="Learn more about our velvet bodycon midi dress: soft, slim fit, ready for parties.",
            tags=["产品卖点", "使用效果"],
            product_ids=[3178],
            publish="立即发布",
            publish_at=published,
            created_at=published,
            plays=[
                PlayRecord(day=dt.date(2022, 8, 12) + dt.timedelta(days=d), plays=2 + d % 3) for d in range(8)
            ],
        )
    ]
