"""The saved shape of 账户信息与安全 (L1187-1274): one profile per account (the admin and each sub-account)."""

from __future__ import annotations

import datetime as dt

from .model_base import SavedModel
from .upload_models import FileMeta

__all__ = ["AvatarUpload", "BusinessCard", "AccountProfile"]


class AvatarUpload(SavedModel):
    """头像: reviewed after upload, shown within 24 hours (L1223)."""

    image: FileMeta
    uploaded_at: dt.datetime
    visible_on: dt.date


class BusinessCard(SavedModel):
    """商业信息: the business card buyers receive with an inquiry or RFQ, and the sourcing information."""

    card_name: str
    card_company: str
    card_job_title: str = ""
    card_email: str
    card_phone: str = ""
    card_website: str = ""
    sourcing_industry: str = ""
    sourcing_frequency: str = ""


class AccountProfile(SavedModel):
    """Personal information, avatar, card, privacy and security settings of one account."""

    account_id: str  # "admin" or a sub-account's id
    name: str = ""
    gender: str = ""
    phone: str = ""
    mobile: str = ""
    contact_address: str = ""
    department: str = ""
    job_title: str = ""
    avatar: AvatarUpload | None = None
    card: BusinessCard | None = None
    profile_visibility: str = "所有用户可见"
    sourcing_visibility: str = "所有用户可见"
    security_phone: str = ""
    security_question: str = ""
    security_answer_hash: str = ""  # hashed like a password: the state file is handed in
    id_no: str = ""  # 证件号码 registered for the account (the admin: the legal representative's)
    password_changed_on: dt.date | None = None
