"""Saved models of 客户管理 (客户通): behaviour records, customer groups, EDM mail set-up, templates and campaigns.

The customers themselves are :class:`~alisim_widgets.sim.ownership_models.Customer` (every owned object lives
there, so deleting a sub-account hands its customers to the admin); their behaviour records are defined here.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = [
    "CustomerEvent",
    "GroupConditions",
    "CustomerGroup",
    "CrmBook",
    "MailSetup",
    "EdmTemplate",
    "TestMail",
    "EdmCampaign",
    "InsiteCampaign",
    "EdmBook",
]


class CustomerEvent(SavedModel):
    """One dated behaviour record of a customer: a visit, an inquiry, an order, a favourite or a follow."""

    kind: str  # rules.CRM_EVENT_KINDS
    day: dt.date
    product_id: int | None = None  # the store's product it concerns (visits, inquiries, orders, favourites)
    note: str = ""


class GroupConditions(SavedModel):
    """The rule of a dynamic group: every condition set must hold (an empty one is not applied)."""

    countries: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    inquiry_within_days: int | None = None
    visit_within_days: int | None = None
    order_within_days: int | None = None


class CustomerGroup(SavedModel):
    """A customer group (客群): fixed (chosen customers) or dynamic (members recomputed from its conditions)."""

    id: str
    kind: str  # rules.CRM_GROUP_KINDS
    name: str
    scope: str = ""  # fixed groups: rules.CRM_GROUP_SCOPES
    description: str = ""
    customer_ids: list[str] = Field(default_factory=list)  # fixed groups only
    conditions: GroupConditions | None = None  # dynamic groups only
    created_at: dt.datetime
    owner: str = "admin"


class CrmBook(SavedModel):
    """客群管理: the groups the store built (the default groups are computed, not saved)."""

    groups: list[CustomerGroup] = Field(default_factory=list)


class MailSetup(SavedModel):
    """外贸邮 and EDM set-up: own domain, MX record, sender address and SMTP password, reply address."""

    domain: str = ""
    mx_confirmed_at: dt.datetime | None = None  # 我已完成设置: the MX record takes effect 48 h later
    sender: str = ""
    smtp_hash: str = ""  # the SMTP password is kept as a salted hash only
    reply_email: str = ""
    reply_name: str = ""


class EdmTemplate(SavedModel):
    """A mail template of 模板管理 (copied from the library or new)."""

    id: str
    name: str
    description: str
    subject: str
    content: str
    base: str = ""  # the library template it was copied from
    created_at: dt.datetime
    owner: str = "admin"


class TestMail(SavedModel):
    """A test mail of a template sent to the seller's own address."""

    template_id: str
    to: str
    sent_at: dt.datetime


class EdmCampaign(SavedModel):
    """An EDM marketing campaign (营销活动 › 新建EDM营销)."""

    id: str
    name: str
    group: str  # the group's name as chosen
    start: dt.date
    end: dt.date
    description: str
    channel: str
    template: str  # the template's name as chosen
    send: str  # rules.EDM_SEND_MODES
    send_at: dt.datetime
    active: bool  # 活动生效 (False: 草稿)
    recipients: list[str] = Field(default_factory=list)  # customer ids, fixed when the mails go out
    free_mails: int = 0
    paid_mails: int = 0
    cost_cny: float = 0.0
    created_at: dt.datetime
    owner: str = "admin"


class InsiteCampaign(SavedModel):
    """An in-site marketing message sent to the customers 智能圈客 picked (站内营销)."""

    id: str
    title: str
    product_id: int
    quantity: int
    unit: str
    unit_price: float
    message: str
    customer_ids: list[str] = Field(default_factory=list)
    smart: bool = True  # 智能圈客 (False: customers ticked in the list)
    sent_at: dt.datetime
    owner: str = "admin"


class EdmBook(SavedModel):
    """营销: the mail set-up, templates, test mails, EDM campaigns and in-site marketing."""

    setup: MailSetup = Field(default_factory=MailSetup)
    templates: list[EdmTemplate] = Field(default_factory=list)
    test_mails: list[TestMail] = Field(default_factory=list)
    campaigns: list[EdmCampaign] = Field(default_factory=list)
    insite: list[InsiteCampaign] = Field(default_factory=list)
