"""Minimal owned business objects (inquiries, contacts, customers, RFQs) that project 02 needs.

Deleting a sub-account moves everything it owns to the admin (L1362). Later projects (05_rfq, 06_crm)
may extend these models; every one of them carries ``owner``: the id of the account that owns it.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .crm_models import CustomerEvent
from .model_base import SavedModel
from .rfq_models import RfqQuote

__all__ = ["Inquiry", "Contact", "Customer", "RfqRecord"]


class Inquiry(SavedModel):
    """A buyer's inquiry (询盘) assigned to an account."""

    id: str
    subject: str
    buyer: str
    received_on: dt.date
    owner: str = "admin"
    # 08_trade (起草信保订单 from the inquiry page, 08.1.5): the buyer's details and what was asked for.
    buyer_email: str = ""
    buyer_company: str = ""
    buyer_country: str = ""
    message: str = ""
    product_id: int | None = None
    quantity: int | None = None


class Contact(SavedModel):
    """A business card in the account's contacts (人脉名片)."""

    id: str
    name: str
    company: str = ""
    country: str = ""
    owner: str = "admin"


class Customer(SavedModel):
    """A customer in 客户通, followed up by its owner (06_crm adds its source, tags and behaviour records)."""

    id: str
    name: str
    country: str = ""
    owner: str = "admin"
    company: str = ""
    email: str = ""
    source: str = ""  # rules.CRM_SOURCES: where the customer came from
    pool: str = "我的客户"  # 我的客户, or 公海客户 (the platform's high-potential customers not added yet)
    tags: list[str] = Field(default_factory=list)  # basic tags (基础标签) the seller added
    fan: bool = False  # follows the store (店铺粉丝)
    events: list[CustomerEvent] = Field(default_factory=list)  # dated behaviour records


class RfqRecord(SavedModel):
    """An RFQ (buying request) the account quoted or follows."""

    id: str
    title: str
    quantity: str = ""
    owner: str = "admin"
    quote: RfqQuote | None = None  # 05_rfq: the quote sent (None: an older record without its details)
