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
    return [p for p in catalogue() if p.published_on <= last_day[p.published_on == TASK_PRODUCTS_PUBLISHED_ON]]
