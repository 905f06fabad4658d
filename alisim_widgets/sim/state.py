"""The saved shape of a simulated store (pydantic models), versioned by ``SCHEMA_VERSION``.

Each backend area keeps its data in one field of :class:`StoreState`. Loading validates the whole
file, so a hand-edited file that no longer has the shape of a store is caught at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from . import rules
from .account_security_models import AccountProfile
from .company_models import CompanyInfo
from .crm_models import CrmBook, EdmBook
from .customs_models import CustomsDeclaration
from .data_models import DataStore
from .decoration_models import Decoration
from .marketing_models import Marketing
from .media_models import TrueViewPost, VideoClip
from .model_base import SavedModel as _Model
from .ownership_models import Contact, Customer, Inquiry, RfqRecord
from .p4p_models import P4PPlan
from .products_models import BankImage, Certificate, Product
from .rfq_models import RfqMarket
from .sub_accounts_models import SubAccount
from .trade_models import TradeBook
from .verification_models import Verification

__all__ = ["SCHEMA_VERSION", "StoreState", "Account", "Message", "PendingCode", "AuditEntry"]

SCHEMA_VERSION = 1


class Message(_Model):
    """One simulated SMS or email in the store's inbox (verification codes and notices)."""

    id: int
    channel: str  # "sms" | "email"
    to: str
    subject: str
    body: str
    code: str | None = None
    sent_at: dt.datetime


class PendingCode(_Model):
    """A verification code that was sent and not used yet."""

    purpose: str
    to: str
    code: str
    sent_at: dt.datetime
    used: bool = False


class AuditEntry(_Model):
    """Who did what, when, from where: for the teacher and the checks."""

    at: dt.datetime  # wall clock
    scenario_time: dt.datetime
    actor: str
    source: str  # "screen" | "code"
    op: str
    detail: str = ""


class Account(_Model):
    """The admin (main) account created by registration (task 01.2.2)."""

    login_id: str
    company_name: str
    company_address: str
    license_no: str
    email: str
    legal_rep_name: str
    legal_rep_name_en: str
    password_hash: str
    mobile: str
    tier: str = rules.TIER_FREE
    registered_on: dt.date


class StoreState(_Model):
    """Everything in one simulated store."""

    schema_version: int = SCHEMA_VERSION
    project: str
    revision: int = 0
    today: dt.date
    tick: int = 0  # minutes since 09:00 on ``today``: the scenario's time of day
    acting_as: str = "admin"
    account: Account | None = None
    bound_emails: list[str] = Field(default_factory=list)  # emails already bound to an Alibaba account
    inbox: list[Message] = Field(default_factory=list)
    pending_codes: list[PendingCode] = Field(default_factory=list)
    answers: dict[str, list[str]] = Field(default_factory=dict)  # knowledge checks: question id → choices
    exam_started_at: dt.datetime | None = None
    audit: list[AuditEntry] = Field(default_factory=list)
    # --- backend areas of later projects: one field each, models in ``sim/<area>_models.py`` ---
    verification: Verification | None = None  # A&V 认证 (02.2.3)
    company: CompanyInfo | None = None  # 管理公司信息 (02.3.1)
    account_profiles: dict[str, AccountProfile] = Field(default_factory=dict)  # 账户信息与安全, by account id
    sub_accounts: list[SubAccount] = Field(default_factory=list)  # 子账号 (02.5.4)
    inquiries: list[Inquiry] = Field(default_factory=list)  # owned objects (minimal until 05/06 extend them)
    contacts: list[Contact] = Field(default_factory=list)
    customers: list[Customer] = Field(default_factory=list)
    rfqs: list[RfqRecord] = Field(default_factory=list)
    decoration: Decoration | None = None  # 全球旺铺装修 (02.4.1)
    products: list[Product] = Field(default_factory=list)  # 产品管理 (03_product)
    certificates: list[Certificate] = Field(default_factory=list)  # 认证中心-证书管理 (03_product)
    image_bank: list[BankImage] = Field(default_factory=list)  # 图片银行 (03_product)
    videos: list[VideoClip] = Field(default_factory=list)  # 视频银行 (04_media)
    trueviews: list[TrueViewPost] = Field(default_factory=list)  # True View 视频 (04.1.4)
    rfq_market: RfqMarket | None = None  # RFQ 市场 and subscriptions (05_rfq); quotes are on ``rfqs``
    crm: CrmBook = Field(default_factory=CrmBook)  # 客群管理 (06.3.4, 06.3.5)
    edm: EdmBook = Field(default_factory=EdmBook)  # EDM 设置、模板、营销活动、站内营销 (06.8.3-06.8.5)
    marketing: Marketing = Field(default_factory=Marketing)  # 营销中心: 橱窗, 优惠券, 折扣 (07.2.5-07.2.7)
    p4p_plans: list[P4PPlan] = Field(default_factory=list)  # 外贸直通车 推广计划 (07.9.3-07.9.6)
    trade: TradeBook = Field(default_factory=TradeBook)  # 交易管理: orders, freight templates (08_trade)
    data: DataStore | None = None  # 数据管家 (09_data): the data seed and the submitted analysis results
    customs: list[CustomsDeclaration] = Field(default_factory=list)  # 报关单证 (10.1.4)
    extra: dict[str, Any] = Field(default_factory=dict)  # scenario notes shown to students
