"""Saved models of 媒体中心: the clips of the video bank and the published True View videos."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model_base import SavedModel

__all__ = ["VideoClip", "CoverImage", "PlayRecord", "TrueViewPost"]


class VideoClip(SavedModel):
    """One clip of the video bank (视频银行) with the metadata the True View review looks at."""

    id: str
    file_name: str
    subject: str  # what the clip shows, in Chinese
    duration_s: float
    width: int
    height: int
    size_bytes: int
    subtitles: str = "英文"  # rules.TRUEVIEW_SUBTITLES
    voice: str = "无人声"  # rules.TRUEVIEW_VOICES
    bgm_chinese_vocals: bool = False  # background song sung in Chinese
    watermark: str = ""  # the editing software whose watermark shows, e.g. "剪映"
    contacts: list[str] = Field(default_factory=list)  # rules.TRUEVIEW_REFUSED_CONTACTS shown
    slideshow: bool = False  # PPT or still pictures one after another
    aliwood: bool = False
    self_made_intro: bool = False  # the seller's own or an editing app's intro
    heavy_filter: bool = False
    shaky: bool = False
    black_bars: bool = False  # black edges or a frame around the picture
    product_intro: bool = False  # introduces the product (needed for 良好)
    selling_points: bool = False  # explains its selling points (needed for 良好)
    product_ids: list[int] = Field(default_factory=list)  # ids of the store's products the clip shows
    owner: str = "admin"
    uploaded_on: dt.date

    @property
    def resolution_p(self) -> int:
        """The "P" of the clip: its shorter side (1080 × 1920 is 1080P, 1280 × 720 is 720P)."""
        return min(self.width, self.height)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


class CoverImage(SavedModel):
    """The cover of a True View video: a frame of the clip or an uploaded image (only its facts are kept)."""

    source: str  # rules.TRUEVIEW_COVER_SOURCES
    width: int
    height: int
    frame_s: float | None = None  # the second of the clip, for a frame
    bank_id: str = ""  # the image bank's picture (L2176), for a cover picked there
    file_name: str = ""
    size_bytes: int = 0
    format: str = ""
    sha256: str = ""


class PlayRecord(SavedModel):
    """Effective plays of a True View video on one day of the scenario clock."""

    day: dt.date
    plays: int


class TrueViewPost(SavedModel):
    """A True View video published (or scheduled) from a clip of the bank."""

    id: str
    video_id: str
    cover: CoverImage
    content_type: str
    title: str
    description: str
    tags: list[str]
    product_ids: list[int] = Field(default_factory=list)  # linked products (ids)
    publish: str  # rules.TRUEVIEW_PUBLISH_MODES
    publish_at: dt.datetime  # when it goes (or went) live, on the scenario clock
    created_at: dt.datetime
    updated_at: dt.datetime | None = None  # publishing the same clip again updates its video
    owner: str = "admin"
    plays: list[PlayRecord] = Field(default_factory=list)
