"""Saved models of 营销中心 (project 07): showcases, coupons and time-limited discounts.

The P4P plans live in their own area (``p4p_models``); this module holds the merchant's self-marketing
tools (商家自营销) and the showcase slots of the membership.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["ShowcaseSlot", "Coupon", "CouponClaim", "Discount", "Marketing"]


class ShowcaseSlot(SavedModel):
    """A product put in one of the membership's showcases (橱窗), with its chosen selling points."""

    product_id: int
    added_on: dt.date
    selling_points: list[str] = Field(default_factory=list)  # at most rules.SELLING_POINT_LABELS_MAX
    points_set_at: dt.datetime | None = None  # shown to buyers 48 h later (rules.SELLING_POINT_SYNC_HOURS)
    owner: str = "admin"


class CouponClaim(SavedModel):
    """A buyer took one coupon (each buyer once, only while it is being issued)."""

    buyer: str
    claimed_on: dt.date


class Coupon(SavedModel):
    """A store coupon (店铺券): 满减券 (amount off) or 满折券 (percent off)."""

    id: str
    coupon_type: str  # rules.COUPON_TYPES
    title: str
    scene: str  # rules.COUPON_SCENES
    valid_from: dt.date
    valid_to: dt.date
    threshold_usd: float  # 使用门槛: the goods amount (no freight) the order must reach
    discount_usd: float | None = None  # 满减: 优惠面额 (a multiple of 5, at least 5)
    discount: str = ""  # 满折: "7折"
    max_discount_usd: float | None = None  # 满折: 优惠额上限 (the cap of the saving)
    quantity: int  # 优惠券发行量
    scope: str  # rules.COUPON_SCOPES
    product_ids: list[int] = Field(default_factory=list)  # 特定商品 (RTS only)
    audience: str  # rules.COUPON_AUDIENCES
    publish: str  # rules.COUPON_PUBLISH_MODES
    publish_on: dt.date  # the day it is published (today for 立即发布)
    created_at: dt.datetime
    stopped_on: dt.date | None = None
    claims: list[CouponClaim] = Field(default_factory=list)
    owner: str = "admin"


class Discount(SavedModel):
    """A time-limited discount (折扣营销 / 直接限时折扣) on RTS products, with the stock set aside for it."""

    id: str
    name: str
    valid_from: dt.date
    valid_to: dt.date
    audience: str  # rules.DISCOUNT_AUDIENCES
    condition: str = "折扣"  # 活动条件
    product_ids: list[int]
    stock_each: int  # 活动库存, per product
    discount: str  # "9折"
    created_at: dt.datetime
    stopped_on: dt.date | None = None
    owner: str = "admin"


class Marketing(SavedModel):
    """Everything of 营销中心 this area keeps: the showcases, the coupons and the discounts."""

    showcases: list[ShowcaseSlot] = Field(default_factory=list)
    coupons: list[Coupon] = Field(default_factory=list)
    discounts: list[Discount] = Field(default_factory=list)
