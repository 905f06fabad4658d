"""Minimal owned business objects (inquiries, contacts, customers, RFQs) that project 02 needs.

Deleting a sub-account moves everything it owns to the admin (L1362). Later projects (05_rfq, 06_crm)
may extend these models; every one of them carries ``owner``: the id of the account that owns it.
"""

from __future__ import annotations

import datetime as dt

from .model_base import SavedModel

__all__ = ["Inquiry", "Contact", "Customer", "RfqRecord"]


class Inquiry(SavedModel):
    """A buyer's inquiry (询盘) assigned to an account."""

    id: str
    subject: str
    buyer: str
    received_on: dt.date
    owner: str = "admin"


class Contact(SavedModel):
    """A business card in the account's contacts (人脉名片)."""

    id: str
    name: str
    company: str = ""
    country: str = ""
    owner: str = "admin"


class Customer(SavedModel):
    """A customer in 客户通, followed up by its owner."""

    id: str
    name: str
    country: str = ""
    owner: str = "admin"


class RfqRecord(SavedModel):
    """An RFQ (buying request) the account quoted or follows."""

    id: str
    title: str
    quantity: str = ""
    owner: str = "admin"
