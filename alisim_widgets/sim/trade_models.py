"""Saved models of 交易管理: Trade Assurance / e-收汇 orders with their payments, and freight templates."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = [
    "Payment",
    "TradeOrder",
    "FreightService",
    "FreightTemplate",
    "TradeBook",
]


class Payment(SavedModel):
    """A payment by the buyer (advance or balance): the method's fee and the day the money arrives."""

    kind: str  # "预付款" | "尾款"
    amount_usd: float
    method: str  # one of rules.PAYMENT_METHODS
    fee_usd: float
    paid_on: dt.date
    arrives_on: dt.date


class TradeOrder(SavedModel):
    """One drafted order (信用保障订单 or e收汇订单) and where it is in its life."""

    order_no: str
    order_type: str = "信用保障订单"  # rules.ORDER_TYPES
    inquiry_id: str = ""  # drafted from an inquiry (08.1.5)
    buyer_email: str
    buyer_name: str
    shipping_address: str
    consignee_name: str = ""
    consignee_mobile: str = ""
    consignee_postcode: str = ""
    product_id: int
    product: str  # the product's title as it was when drafted
    spec: str = ""
    quantity: int
    unit_price_usd: float
    total_usd: float  # quantity × unit price + other fees
    other_fees_usd: float = 0.0
    shipping_method: str
    trade_terms: str
    advance_usd: float
    balance_usd: float
    ship_within_days: int
    export_via_onetouch: bool = False
    services: list[str] = Field(default_factory=list)  # value-added services (增值服务)
    assurance_term: str = ""  # 信用保障条款 (08.1.5)
    payment_method: str = ""  # e-收汇: T/T or D/P
    currency: str = "USD"
    note: str = ""
    status: str = "待买家确认"  # rules.ORDER_STATUSES
    drafted_on: dt.date
    amended_on: dt.date | None = None
    confirmed_on: dt.date | None = None
    payments: list[Payment] = Field(default_factory=list)
    ship_by: dt.date | None = None  # advance arrived + ship_within_days
    shipped_on: dt.date | None = None
    withdrawn_usd: float = 0.0
    owner: str = "admin"


class FreightService(SavedModel):
    """One service line of a freight template (服务类型 N)."""

    service: str
    delivery: str  # 仓到门 | 门到门
    warehouse: str = ""
    warehouse_postcode: str = ""
    countries: list[str] = Field(default_factory=list)
    pricing: str = "阿里物流价"  # rules.FREIGHT_PRICING_TYPES
    rate_pct: float = 100.0  # 运费调整比例 (阿里物流价)
    first_kg_usd: float | None = None  # 按重量: the first kilogram
    extra_kg_usd: float | None = None  # 按重量: every further kilogram
    per_unit_usd: float | None = None  # 按数量
    on_time: bool = False  # 承诺达 (On-time Delivery)


class FreightTemplate(SavedModel):
    """A freight template (运费模板) of the store's RTS products."""

    name: str
    origin: str
    origin_postcode: str
    method: str
    goods: str
    logistics: str
    destination: str
    services: list[FreightService]
    saved_on: dt.date
    owner: str = "admin"


class TradeBook(SavedModel):
    """Everything of 交易管理: the store's standing for Trade Assurance, its orders and freight templates."""

    violation_points: int = 0  # 网站累计违规扣分
    serious_ip_complaints: int = 0  # 严重侵权投诉次数
    alipay_verified: bool = True  # 企业或法定代表人支付宝实名认证
    orders: list[TradeOrder] = Field(default_factory=list)
    freight_templates: list[FreightTemplate] = Field(default_factory=list)
