"""The saved shape of sub-accounts (子账号, L1275-1404): who they are, their role and their logins."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["SubAccount", "LoginRecord"]


class LoginRecord(SavedModel):
    """One login of a sub-account, as the 子账号登录摘要 lists it (time, IP, country/region)."""

    at: dt.datetime
    ip: str
    country: str


class SubAccount(SavedModel):
    """A sub-account created by the admin; ``id`` is what ``acting_as`` and every ``owner`` field hold."""

    id: str  # "sub01", "sub02", … (stable: never reused after a deletion)
    role: str  # rules.SUB_ACCOUNT_ROLES
    frozen: bool = False
    data_access: bool = False  # 数据管家 granted by the admin (only meaningful for a 制作员, L1291)
    name: str
    gender: str
    email: str  # also the login name
    password_hash: str
    phone: str = ""
    mobile: str = ""
    contact_address: str = ""
    street_address: str = ""
    city: str = ""
    postcode: str = ""
    department: str = ""
    job_title: str = ""
    created_on: dt.date
    logins: list[LoginRecord] = Field(default_factory=list)
