"""The saved shape of products (项目三 产品管理): what a published listing holds.

Field names are the canonical keys of TASKS.md (03.3.5, 03.3.6), so a check reads ``product.sku_code``
exactly as the task names it. Money is in USD, sizes in cm, weights in kg.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = [
    "PRODUCT_TYPE_RTS",
    "PRODUCT_TYPE_CUSTOM",
    "PRODUCT_TYPES",
    "PRICE_MODE_LADDER",
    "PRICE_MODE_RANGE",
    "PRICE_MODES",
    "STATUS_PUBLISHED",
    "STATUS_OFFLINE",
    "PriceTier",
    "LeadTime",
    "SupplyAbility",
    "Samples",
    "ImageMeta",
    "VideoMeta",
    "Product",
    "Certificate",
    "BankImage",
]

PRODUCT_TYPE_RTS = "Ready to Ship"  # 直接下单品
PRODUCT_TYPE_CUSTOM = "Customization"  # 非直接下单品 (定制品)
PRODUCT_TYPES = (PRODUCT_TYPE_RTS, PRODUCT_TYPE_CUSTOM)

PRICE_MODE_LADDER = "根据数量设置FOB价格（阶梯价）"
PRICE_MODE_RANGE = "FOB价格区间"
PRICE_MODES = (PRICE_MODE_LADDER, PRICE_MODE_RANGE)

STATUS_PUBLISHED = "已发布"
STATUS_OFFLINE = "已下架"


class PriceTier(SavedModel):
    """One rung of the ladder: from ``min_qty`` units on, ``price_usd`` per unit (FOB)."""

    min_qty: int
    price_usd: float


class LeadTime(SavedModel):
    """Up to ``max_qty`` units ship within ``days`` days (发货期)."""

    max_qty: int
    days: int


class SupplyAbility(SavedModel):
    """供货能力, e.g. 1000 pieces per 周."""

    quantity: int
    unit: str
    period: str


class Samples(SavedModel):
    """样品服务: whether samples are sold, how many per request at most, and the price of one."""

    supported: bool = False
    max_qty: int | None = None
    price_usd: float | None = None


class ImageMeta(SavedModel):
    """A main image as uploaded: the simulator keeps what it measured, not the bytes."""

    name: str
    format: str  # JPEG | PNG
    width: int
    height: int
    size_bytes: int
    sha1: str  # the same picture uploaded twice has the same digest (duplicate-listing check)


class VideoMeta(SavedModel):
    """The main video: a clip of the video bank (``bank_id``) or an uploaded file."""

    source: str  # "bank" | "upload"
    name: str
    bank_id: str | None = None
    seconds: float
    width: int
    height: int
    size_bytes: int


class Product(SavedModel):
    """One product listing in the store."""

    id: int
    title: str
    product_type: str  # PRODUCT_TYPES
    category: str  # the category path as the picker shows it, e.g. "玩具 >> 积木"
    keywords: list[str] = Field(default_factory=list)
    # Product attributes by key (place_of_origin, brand, material, scene, feature, features, color, size,
    # model_number …); multi-choice attributes (features) are lists.
    attributes: dict[str, str | list[str]] = Field(default_factory=dict)
    specs: list[str] = Field(default_factory=list)  # sales specifications buyers choose from (e.g. "C10")
    description: str = ""
    price_mode: str = PRICE_MODE_LADDER
    sell_by: str = "按件卖"  # RTS: 按件卖 | 按批卖
    lot_size: int | None = None  # units in one lot when sold by lot (按批卖)
    unit: str = "Piece/Pieces"
    price_tiers: list[PriceTier] = Field(default_factory=list)  # ladder prices (price_mode ladder)
    price_min_usd: float | None = None  # price range (price_mode range)
    price_max_usd: float | None = None
    moq: int | None = None  # minimum order in range mode (in ladder mode: the first tier)
    stock: int | None = None  # 可售数量 (RTS)
    sku_code: str = ""  # 商品编码
    lead_time: list[LeadTime] = Field(default_factory=list)
    payment_methods: list[str] = Field(default_factory=list)
    shipping_mode: str = ""  # 海运 | 空运 | 陆运 | 快递 | 协商物流
    port: str = ""
    supply_ability: SupplyAbility | None = None
    samples: Samples = Field(default_factory=Samples)
    customization: list[str] = Field(default_factory=list)  # 定制服务 (LOGO定制 …)
    other_services: list[str] = Field(default_factory=list)
    package_cm: tuple[float, float, float] | None = None  # length, width, height
    weight_kg: float | None = None
    logistics_attribute: str = ""
    freight_template: str = ""
    images: list[ImageMeta] = Field(default_factory=list)
    video: VideoMeta | None = None
    packaging: str = ""  # 包装方式 (L1917), e.g. "Outer: Kraft carton"
    custom_attributes: dict[str, str] = Field(default_factory=dict)  # 自定义属性 / 新增属性 (L1877, L1919)
    customization_moq: dict[str, int] = Field(default_factory=dict)  # 定制服务 → 最小定制量 (L1942-1946)
    custom_customization: str = ""  # 自定义定制名称, ≤ 50 characters (L1948)
    detail_video: VideoMeta | None = None  # 详情页视频 (L1982, L1987): ≤ 10 min, ≤ 500 MB
    special_goods: str = "普通商品"  # or "第三类医疗器械" (only in the six categories, with a certificate)
    status: str = STATUS_PUBLISHED
    published_on: dt.date
    updated_on: dt.date | None = None
    owner: str = "admin"
    task_id: str | None = None  # the task screen it was published from (03.3.5 / 03.3.6), for the form
    # Trade figures the workbench scores 交易表现 with (simulated, last 90 / 30 days).
    orders_90d: int = 0
    inquiries_30d: int = 0
    views_30d: int = 0

    @property
    def is_rts(self) -> bool:
        return self.product_type == PRODUCT_TYPE_RTS

    def price_text(self) -> str:
        """The price as buyers see it: ladder prices for RTS, a range for customization."""
        if self.price_mode == PRICE_MODE_RANGE and self.price_min_usd is not None:
            return f"US ${self.price_min_usd:.2f}-{self.price_max_usd:.2f}"
        if self.price_tiers:
            return " / ".join(f"≥{t.min_qty}: US ${t.price_usd:.2f}" for t in self.price_tiers)
        return "—"


class Certificate(SavedModel):
    """A regulatory licence submitted at 认证中心-证书管理 (needed for restricted categories, L1657)."""

    kind: str
    number: str
    holder: str
    valid_until: dt.date
    submitted_on: dt.date
    status: str = "审核通过"


class BankImage(SavedModel):
    """A picture of the store's image bank (图片银行), measured when it was uploaded there."""

    id: str
    subject: str  # what it shows, in Chinese
    image: ImageMeta
    uploaded_on: dt.date
