"""Saved models of 出口服务: a customs declaration made with the declaration tool (task 10.1.4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field

from .model_base import SavedModel

__all__ = ["CustomsGoods", "CustomsDeclaration"]


class CustomsGoods(SavedModel):
    """One row of the goods table (商品信息)."""

    hs_code: str  # 10 digits
    goods_name: str  # 商品名称及规格型号
    quantity: Decimal
    unit: str  # 法定第一单位
    gross_kg: Decimal
    net_kg: Decimal
    unit_price: Decimal
    total: Decimal  # quantity × unit price
    currency: str  # a code of rules.CUSTOMS_CURRENCY_CODES, e.g. "AUD"
    origin_country: str
    destination_country: str
    domestic_source: str
    levy: str  # 征免方式


class CustomsDeclaration(SavedModel):
    """The declaration's basic information, its goods and the contract / invoice / packing-list data."""

    id: str  # BG-0001
    # 基本信息
    domestic_shipper: str
    exit_customs: str
    record_no: str = ""
    overseas_consignee: str
    transport_mode: str
    vessel: str = ""
    voyage_no: str = ""
    bill_of_lading: str = ""
    producer_seller: str = ""
    supervision_mode: str
    levy_nature: str
    license_no: str = ""
    contract_no: str
    trade_country: str
    arrival_country: str
    destination_port: str
    exit_port: str
    package_kind: str
    packages: int
    gross_kg: Decimal
    net_kg: Decimal
    trade_terms: str
    freight: Decimal | None = None
    freight_kind: str = "total"  # rules.CUSTOMS_FEE_MARKS
    insurance: Decimal | None = None
    insurance_kind: str = "total"
    misc: Decimal | None = None  # negative: a deduction
    misc_kind: str = "total"
    currency: str
    marks: str
    special_relationship: str
    price_influence: str
    royalties: str
    goods: list[CustomsGoods] = Field(default_factory=list)
    # 合同、箱单、发票
    shipper: str
    shipper_address: str
    shipper_tel_fax: str = ""
    consignee_address: str
    consignee_tel_fax: str = ""
    settlement: str
    volume_cbm: Decimal | None = None
    ship_date: dt.date
    contract_date: dt.date
    packing_list_no: str
    packing_list_date: dt.date
    invoice_no: str
    invoice_date: dt.date
    # what the tool produced
    files: list[str] = Field(default_factory=list)  # file names in the documents folder
    folder: str = ""  # where they were written
    owner: str = "admin"
    created_at: dt.datetime
