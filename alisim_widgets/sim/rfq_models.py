"""Saved models of 商机沟通 › RFQ: the seeded RFQ market, its buyers, the subscriptions and the quotes sent.

A quote is kept on the seller's :class:`~alisim_widgets.sim.ownership_models.RfqRecord` (it has an ``owner``,
so a deleted sub-account's quotes move to the admin); the market itself is one field of the store.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["RfqBuyer", "MarketRfq", "QuoteTier", "SamplePolicy", "RfqQuote", "RfqMarket"]


class RfqBuyer(SavedModel):
    """A buyer of the market, with the history a seller looks at before quoting (访问时间, 活跃情况, 搜索行为, 竞品了解)."""

    id: str
    name: str
    company: str
    country: str
    registered_on: dt.date
    last_visit: dt.date
    active_days_30: int  # days with a visit in the last 30 days
    email_confirmed: bool = True
    searches: list[str] = Field(default_factory=list)  # recent search words on Alibaba.com
    viewed_products: list[str] = Field(
        default_factory=list
    )  # competitors' products it looked at, with prices
    rfqs_90d: int = 0  # RFQs posted in the last 90 days
    inquiries_90d: int = 0
    orders_12m: int = 0  # Trade Assurance orders in the last 12 months
    reply_rate: int = 50  # % of quotes it answered


class MarketRfq(SavedModel):
    """One buying request (RFQ) of the market."""

    id: str
    title: str
    category: str  # "Toys & Hobbies >> Building Blocks"
    keywords: list[str] = Field(default_factory=list)
    description: str = ""
    quantity: int
    unit: str  # as the buyer wrote it: "Boxes", "Pieces"
    buyer_id: str
    country: str
    posted_at: dt.datetime
    expires_on: dt.date
    stars: int = 0  # 0-3: completeness and buyer quality (3 星: verified by the platform)
    attachments: list[str] = Field(default_factory=list)
    pictures: list[str] = Field(default_factory=list)
    trade_terms: str = "FOB"
    destination: str = ""
    views: int = 0
    sample_wanted: bool = False
    target_price_usd: float | None = None  # the buyer's budget per unit: never shown, buyers react to it
    other_quotes: list[dt.date] = Field(default_factory=list)  # when other suppliers' quotes arrive


class QuoteTier(SavedModel):
    """One rung of the quote's price ladder: from ``min_qty`` units on, ``price`` per unit."""

    min_qty: int
    price: float


class SamplePolicy(SavedModel):
    """样品: whether a sample is offered, who pays it and the freight, and how fast it is sent."""

    provided: bool
    free: bool = True
    fee: float | None = None  # per sample, in the quote's currency, when not free
    freight_by: str = "buyer"  # "buyer" | "seller"
    ship_days: int | None = None  # sent within N days of confirmation

    def describe(self) -> str:
        """The policy in the words of the quote (English, as the buyer reads it)."""
        if not self.provided:
            return "no sample"
        cost = "free sample" if self.free else f"sample fee {self.fee:g}"
        parts = [cost, f"{self.freight_by} pays freight"]
        if self.ship_days:
            parts.append(f"sent within {self.ship_days} days of confirmation")
        return ", ".join(parts)


class RfqQuote(SavedModel):
    """报价表单: what the seller sent to the buyer of an RFQ."""

    rfq_id: str
    language: str = "English"
    product_name: str
    product_code: str = ""
    details: str
    unit: str
    trade_terms: str
    valid_until: dt.date
    currency: str
    price_tiers: list[QuoteTier]
    payment_terms: list[str]
    sample: SamplePolicy
    message: str
    value_added_services: list[str] = Field(default_factory=list)
    product_image: str = ""  # an image bank id
    quoted_at: dt.datetime
    revised_at: dt.datetime | None = None


class RfqMarket(SavedModel):
    """The RFQ market (采购直达) as the store sees it, and the store's subscriptions and extra quota."""

    rfqs: list[MarketRfq] = Field(default_factory=list)
    buyers: list[RfqBuyer] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)  # 已订阅的类目
    keywords: list[str] = Field(default_factory=list)  # 已订阅的关键词
    bonus_quota: int = 0  # this month's quota from service score or campaigns, on top of the membership's
    quote_pass: bool = False  # 报价畅行权益: may quote a full RFQ
