"""The saved shape of the global shop's decoration (全球旺铺装修, L1030-1186).

Images keep what the simulator measured from the uploaded bytes (format, size, pixels) and a small
JPEG preview for the decorated home page; the original bytes are not kept (the state file stays small).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from .model_base import SavedModel

__all__ = [
    "ImageAsset",
    "Signboard",
    "BannerModule",
    "TiledProducts",
    "ServiceAgent",
    "ServiceModule",
    "CustomArea",
    "ShopVideo",
    "Decoration",
]


OLD_ROTATION = {"不轮播": "不轮播（买家手动切换）", "5秒": "每五秒切换", "10秒": "每十秒切换"}


class ImageAsset(SavedModel):
    """An uploaded image as measured by the simulator (Pillow)."""

    filename: str
    format: str  # "JPEG" | "PNG" (what the bytes are, whatever the file name says)
    width: int
    height: int
    size_bytes: int
    sha256: str
    preview: str  # a data: URI of a downscaled JPEG, for the home-page preview


class Signboard(SavedModel):
    """店招: the background image (or the platform's default) and the company name on it."""

    image: ImageAsset | None = None  # None: the default signboard
    show_company_name: bool = True
    logo: ImageAsset | None = None  # 公司 Logo on the signboard (L1140)
    name_font: str = ""  # the company name's 字体 / 字号 / 效果 (L1140): rules.SIGNBOARD_*
    name_size: int | None = None
    name_effect: str = ""
    updated_at: dt.datetime


class BannerModule(SavedModel):
    """轮播 banner (carousel) or 通栏 banner (full-width): images of one height."""

    height: int
    rotation: str = ""  # carousel only: rules.CAROUSEL_ROTATION
    images: list[ImageAsset] = Field(default_factory=list)
    placement: str = ""  # where it was dragged on the page (L1148): rules.BANNER_PLACEMENTS
    updated_at: dt.datetime

    @field_validator("rotation", mode="before")
    @classmethod
    def _textbook_wording(cls, value: Any) -> Any:
        # State files saved before the options were worded as printed (L1154-1156) still load the same.
        return OLD_ROTATION.get(value, value)


class TiledProducts(SavedModel):
    """A 产品推荐 module (L1164): 平铺 and the six other types; products chosen by hand (store ids)."""

    title: str = ""
    product_ids: list[int] = Field(default_factory=list)
    module_type: str = "平铺"  # rules.PRODUCT_MODULE_TYPES
    link: str = ""  # the module's own link, e.g. to a product group (L1167)
    updated_at: dt.datetime


class ServiceAgent(SavedModel):
    """One customer-service account of the 客服模块 (旺旺/TM account, type and avatar)."""

    name: str
    tm_account: str
    kind: str
    avatar: ImageAsset


class ServiceModule(SavedModel):
    agents: list[ServiceAgent] = Field(default_factory=list)
    updated_at: dt.datetime


class CustomArea(SavedModel):
    """自定义内容区: a title, text and an optional image."""

    id: int
    title: str
    content: str
    image: ImageAsset | None = None
    created_at: dt.datetime


class ShopVideo(SavedModel):
    """旺铺视频: its duration read from the file's own header."""

    filename: str
    title: str = ""
    seconds: float
    size_bytes: int
    updated_at: dt.datetime


class Decoration(SavedModel):
    """The decorated home page of the global shop (PC; the mobile shop syncs from it)."""

    signboard: Signboard | None = None
    carousel: BannerModule | None = None
    full_banner: BannerModule | None = None
    tiled: TiledProducts | None = None  # the 平铺 module (task 02.4.1)
    product_modules: list[TiledProducts] = Field(default_factory=list)  # the other 产品推荐 types, one each
    service: ServiceModule | None = None
    custom_areas: list[CustomArea] = Field(default_factory=list)
    video: ShopVideo | None = None
