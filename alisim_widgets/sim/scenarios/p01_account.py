"""项目一 账号注册: HuNan DianYue has no Alibaba.com account yet (early March 2022)."""

from __future__ import annotations

import datetime as dt

from ..state import StoreState

# Emails already bound to other Alibaba accounts: registering with one of them is refused.
BOUND_EMAILS = [
    "dianyue@163.com",
    "zhanglong@163.com",
    "hunan.dianyue@gmail.com",
    "mark.dianyue@163.com",
]


def build() -> StoreState:
    return StoreState(project="01_account", today=dt.date(2022, 3, 10), bound_emails=list(BOUND_EMAILS))
