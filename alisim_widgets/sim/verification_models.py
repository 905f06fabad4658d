"""The saved shape of A&V verification (task 02.2.3): the wizard's progress and what was submitted."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = [
    "CertLetter",
    "BusinessRecord",
    "ElementAttempt",
    "AVMaterials",
    "CorporateAccount",
    "Verification",
]


class CertLetter(SavedModel):
    """认证信息确认函: prepared by the account manager after the visit; the company confirms it (L618)."""

    company_name_cn: str
    address_cn: str
    contact_name: str
    account_manager: str
    visited_on: dt.date
    issued_on: dt.date


class BusinessRecord(SavedModel):
    """What the business registry holds: the four elements are checked against it (the scenario's world)."""

    company_name_cn: str
    license_type: str
    legal_rep_name: str
    legal_rep_id_no: str


class ElementAttempt(SavedModel):
    """One submission of the four business elements (at most 3 a day, L624)."""

    on: dt.date
    at: dt.datetime
    ok: bool
    company_name_cn: str
    license_type: str
    legal_rep_name: str
    legal_rep_id_no: str
    mismatched: list[str] = Field(default_factory=list)  # field keys that did not match the registry


class AVMaterials(SavedModel):
    """认证资料: the 17 items of task 02.2.3 (the licence's validity is two fields)."""

    company_name_cn: str
    company_name_en: str
    address_cn: str
    address_en: str
    license_no: str
    premises: str
    premises_owner: str = ""
    registered_capital_cny: int
    legal_rep_name: str
    legal_rep_name_en: str
    legal_rep_gender: str
    legal_rep_id_no: str
    legal_rep_mobile: str
    landline: str
    legal_rep_email: str
    position: str
    department: str
    license_valid_from: dt.date
    license_valid_to: dt.date
    # Not in the task's data (L628 lists them among the materials): empty means "as registered" / not given.
    operating_address_cn: str = ""
    contact_name: str = ""


class CorporateAccount(SavedModel):
    """对公账户信息 (L610): where 对公账号打款验证 sends its small payment."""

    account_bank: str
    account_holder: str
    account_no: str


class Verification(SavedModel):
    """The A&V wizard: ``status`` is the step the company is on (see ``sim.verification.STEPS``)."""

    status: str = "letter"  # letter → elements → auth → materials → review → passed
    letter: CertLetter
    registry: BusinessRecord
    letter_confirmed_at: dt.datetime | None = None
    attempts: list[ElementAttempt] = Field(default_factory=list)
    auth_method: str | None = None
    corporate_account: CorporateAccount | None = None  # only with 对公账号打款验证, when given
    materials: AVMaterials | None = None
    submitted_on: dt.date | None = None
    review_due: dt.date | None = None
    passed_on: dt.date | None = None
    verified: AVMaterials | None = None  # what the last passed verification certified (read-only elsewhere)
