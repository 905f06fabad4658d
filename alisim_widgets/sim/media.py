"""媒体中心: the video bank and True View (粉丝通) publishing, task 04.1.4 (L2096-2280).

A clip is reviewed against every True View rule at once (:func:`clip_violations`); publishing a clip
that breaks any rule is refused with all its reasons. A published video's quality level (合格 / 良好 /
优质) follows from its clip and its effective plays of the last 30 days on the scenario clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import warnings
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .media_models import CoverImage, PlayRecord, TrueViewPost, VideoClip
from .permissions import require
from .product_media import bank_image, size_text

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "MediaArea",
    "Violation",
    "Quality",
    "TRUEVIEW_LABELS",
    "RULE_NAMES",
    "clip_violations",
    "aspect_of",
    "aspect_name",
    "inspect_cover",
    "quality_of",
    "fmt_duration",
    "fmt_size",
]

TRUEVIEW_LABELS = {
    "video": "视频",
    "cover_source": "封面",
    "cover_frame": "截帧时间",
    "cover_bank": "图片银行图片",
    "cover_file": "封面图片",
    "content_type": "内容类型",
    "title": "内容标题",
    # 标签 before 描述: the order of the publishing steps (选择内容标签 L2180, then 填写内容描述 L2188).
    "tags": "内容标签",
    "description": "内容描述",
    "products": "关联产品",
    "publish": "发布时间",
    "scheduled_at": "定时发布时间",
}

# Rule id → its short Chinese name (inspector, quiz, error rule ids). Contact rules are "contact_<kind>".
RULE_NAMES: dict[str, str] = {
    "aspect": f"画幅比例只能是 {'、'.join(rules.TRUEVIEW_ASPECTS)}",
    "resolution": f"清晰度不低于 {rules.TRUEVIEW_MIN_HEIGHT_P}P",
    "duration_min": f"时长不少于 {rules.TRUEVIEW_SECONDS[0]} 秒",
    "duration_max": f"时长不超过 {rules.TRUEVIEW_SECONDS[1] // 60} 分钟",
    "size": f"大小不超过 {rules.TRUEVIEW_MAX_BYTES // (1024 * 1024)} MB",
    "slideshow": "不能是 PPT 或图片轮播",
    "aliwood": "不能是 Aliwood 视频",
    **{f"contact_{c}": f"不能出现{c}" for c in rules.TRUEVIEW_REFUSED_CONTACTS},
    "self_made_intro": "不能有商家自制或剪辑软件片头",
    "watermark": "不能有剪辑软件水印",
    "heavy_filter": "不能用过重的滤镜",
    "subtitles_chinese": "不能用中文字幕",
    "subtitles_missing": "必须有英文字幕",
    "voice_chinese": "不能用中文配音",
    "bgm_chinese": "背景音乐不能有中文人声",
    "shaky": "画面要稳定、不抖动",
    "black_bars": "不能有黑边或边框",
}

_FRAME = "视频截帧"
_BANK = "图片银行"
_UPLOAD = "上传图片"
_NOW = "立即发布"
_LATER = "定时发布"
_MB = 1024 * 1024


@dataclass(frozen=True)
class Violation:
    """One True View rule a clip breaks: the rule id and a Chinese reason with the clip's own figure."""

    rule: str
    message: str


@dataclass(frozen=True)
class Quality:
    """The quality level of a True View video and what it still lacks for the next level."""

    level: str  # one of rules.TRUEVIEW_QUALITY_LEVELS, or "待发布"
    plays_30d: int
    missing: list[str] = field(default_factory=list)  # Chinese: what the next level needs


# --- reading a clip ------------------------------------------------------------------------------
def fmt_duration(seconds: float) -> str:
    """58 秒, 3 分 25 秒."""
    s = f"{seconds:g}"
    if seconds < 60:
        return f"{s} 秒"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)} 分" + (f" {rest:g} 秒" if rest else "钟")


def fmt_size(size_bytes: int) -> str:
    return f"{size_bytes / _MB:.1f} MB"


def _gb(size_bytes: int) -> str:
    """10 GB, 9.85 GB: the video bank's space (rules.VIDEO_BANK_BYTES) is counted in GB (under 1 GB in MB)."""
    if size_bytes < 1024**3:
        return fmt_size(size_bytes)
    return f"{size_bytes / 1024**3:.2f}".rstrip("0").rstrip(".") + " GB"


def aspect_of(width: int, height: int) -> str | None:
    """The accepted ratio the frame matches (within 1 %), e.g. "9:16"; None if it matches none."""
    if width <= 0 or height <= 0:
        return None
    actual = width / height
    for name in rules.TRUEVIEW_ASPECTS_ACCEPTED:
        w, h = (int(x) for x in name.split(":"))
        if abs(actual - w / h) <= rules.TRUEVIEW_ASPECT_TOLERANCE * (w / h):
            return name
    return None


def aspect_name(width: int, height: int) -> str:
    """The ratio as people say it: a known ratio, or the reduced fraction (2560 × 1080 → 64:27)."""
    known = aspect_of(width, height)
    if known:
        return known
    if width <= 0 or height <= 0:
        return "未知"
    ratio = Fraction(width, height)
    return f"{ratio.numerator}:{ratio.denominator}"


def clip_violations(clip: VideoClip) -> list[Violation]:
    """Every True View rule (L2167-2236) the clip breaks, in the order of the requirement list."""
    out: list[Violation] = []

    def add(rule: str, message: str) -> None:
        out.append(Violation(rule, message))

    if aspect_of(clip.width, clip.height) is None:
        add("aspect", f"画幅比例 {aspect_name(clip.width, clip.height)}（{clip.width}×{clip.height}）不符合要求："
                      f"只能是 {'、'.join(rules.TRUEVIEW_ASPECTS)}")  # fmt: skip
    if clip.resolution_p < rules.TRUEVIEW_MIN_HEIGHT_P:
        add("resolution", f"清晰度 {clip.resolution_p}P 低于高清 {rules.TRUEVIEW_MIN_HEIGHT_P}P")
    low, high = rules.TRUEVIEW_SECONDS
    if clip.duration_s < low:
        add("duration_min", f"时长 {fmt_duration(clip.duration_s)}，少于 {low} 秒")
    elif clip.duration_s > high:
        add("duration_max", f"时长 {fmt_duration(clip.duration_s)}，超过 {high // 60} 分钟")
    if clip.size_bytes > rules.TRUEVIEW_MAX_BYTES:
        add("size", f"大小 {fmt_size(clip.size_bytes)}，超过 {rules.TRUEVIEW_MAX_BYTES // _MB} MB")
    if clip.slideshow:
        add("slideshow", "PPT 或单纯图片切换形式的视频不能发布")
    if clip.aliwood:
        add("aliwood", "Aliwood 制作的视频不能发布")
    for kind in rules.TRUEVIEW_REFUSED_CONTACTS:
        if kind in clip.contacts:
            add(f"contact_{kind}", f"视频中出现了{kind}：不能留外域网址或任何联系方式")
    if clip.self_made_intro:
        add("self_made_intro", "视频有商家自制或剪辑软件片头")
    if clip.watermark:
        add("watermark", f"视频有剪辑软件水印（{clip.watermark}）")
    if clip.heavy_filter:
        add("heavy_filter", "滤镜太重，影响产品本身的展示")
    if clip.subtitles in ("中文", "中英双语"):
        add("subtitles_chinese", f"字幕为{clip.subtitles}：不能有中文字幕，需用英文字幕")
    elif clip.subtitles != "英文":
        add("subtitles_missing", "没有英文字幕：True View 视频必须有英文字幕")
    if clip.voice == "中文":
        add("voice_chinese", "配音是中文：配音需用英文")
    if clip.bgm_chinese_vocals:
        add("bgm_chinese", "背景音乐是带中文人声的歌曲")
    if clip.shaky:
        add("shaky", "画面抖动：要求画面稳定")
    if clip.black_bars:
        add("black_bars", "画面有黑边或边框")
    return out


def good_gaps(clip: VideoClip) -> list[str]:
    """What a compliant clip lacks for 良好 (L2250): empty when it qualifies."""
    gaps = []
    if not clip.product_intro:
        gaps.append("视频里要有产品介绍")
    if not clip.selling_points:
        gaps.append("视频里要有卖点介绍")
    if clip.duration_s < rules.TRUEVIEW_GOOD_MIN_SECONDS:
        gaps.append(f"时长不少于 {rules.TRUEVIEW_GOOD_MIN_SECONDS} 秒")
    if aspect_of(clip.width, clip.height) != rules.TRUEVIEW_GOOD_ASPECT:
        gaps.append(f"横屏 {rules.TRUEVIEW_GOOD_ASPECT}（当前 {aspect_name(clip.width, clip.height)}）")
    return gaps


def plays_in_window(post: TrueViewPost, today: dt.date) -> int:
    """Effective plays of the last 30 days, today included."""
    first = today - dt.timedelta(days=rules.TRUEVIEW_PLAYS_WINDOW_DAYS - 1)
    return sum(r.plays for r in post.plays if first <= r.day <= today)


def quality_of(post: TrueViewPost, clip: VideoClip | None, now: dt.datetime) -> Quality:
    """合格: passed review; 良好: + product and selling points, ≥ 15 s, 16:9; 优质: 良好 + > 10 plays in 30 days."""
    plays = plays_in_window(post, now.date())
    if post.publish_at > now:
        return Quality("待发布", plays, [f"将于 {post.publish_at:%Y-%m-%d %H:%M} 发布"])
    gaps = good_gaps(clip) if clip is not None else ["视频银行里找不到这段视频"]
    if gaps:
        return Quality("合格", plays, gaps)
    need = rules.TRUEVIEW_GOOD_PLAYS_30D
    if plays > need:
        return Quality("优质", plays, [])
    return Quality(
        "良好",
        plays,
        [f"近 {rules.TRUEVIEW_PLAYS_WINDOW_DAYS} 天有效播放要多于 {need} 次（当前 {plays} 次）"],
    )


# --- the cover -----------------------------------------------------------------------------------
def _cover_bytes(value: Any) -> tuple[bytes | None, str, str | None]:
    """(content, file name, problem) from bytes, a path, or a FileUpload entry (dict with content/name)."""
    if isinstance(value, dict) and "content" in value:
        name = str(value.get("name") or "")
        value = value["content"]
        if isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value), name, None
        return None, name, "封面图片应为上传的 JPG 或 PNG 图片文件"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value), "", None
    if isinstance(value, (str, Path)):
        text = str(value).strip()
        if not text:
            return None, "", "required"
        path = Path(text)
        try:
            if len(text) > 1000 or not path.is_file():
                return None, "", f"找不到封面图片文件“{text[:40]}”"
            if path.stat().st_size > rules.TRUEVIEW_COVER_MAX_BYTES:
                return path.read_bytes()[: rules.TRUEVIEW_COVER_MAX_BYTES + 1], path.name, None
            return path.read_bytes(), path.name, None
        except (OSError, ValueError):
            return None, "", f"找不到封面图片文件“{text[:40]}”"
    if value is None:
        return None, "", "required"
    return None, "", "封面图片应为上传的 JPG 或 PNG 图片文件"


def inspect_cover(errors: FieldErrors, key: str, value: Any) -> CoverImage | None:
    """Open an uploaded cover with Pillow: JPG or PNG, ≤ 5 MB, at least 750 × 1334 (L2176)."""
    label = TRUEVIEW_LABELS["cover_file"]
    content, name, problem = _cover_bytes(value)
    if problem == "required":
        errors.add(key, f"请上传{label}（或改为从视频中截取一帧）", "required")
        return None
    if content is None:
        errors.add(key, problem, "type")
        return None
    if not content:
        errors.add(key, f"{label}是空文件", "format")
        return None
    if len(content) > rules.TRUEVIEW_COVER_MAX_BYTES:
        errors.add(key, f"{label}不能超过 {rules.TRUEVIEW_COVER_MAX_BYTES // _MB} MB", "max_bytes")
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # An image with absurd dimensions (a decompression bomb) must be refused, not warned about.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as img:
                fmt, (width, height) = img.format, img.size
                img.verify()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError, OSError,
            SyntaxError, ValueError):  # fmt: skip
        errors.add(key, f"{label}无法识别：请上传 JPG 或 PNG 图片", "format")
        return None
    if fmt not in rules.TRUEVIEW_COVER_FORMATS:
        errors.add(key, f"{label}格式为 {fmt}：只能是 JPG 或 PNG", "format")
        return None
    min_w, min_h = rules.TRUEVIEW_COVER_MIN_PX
    if width < min_w or height < min_h:
        errors.add(key, f"{label}尺寸不能小于 {min_w}×{min_h}（当前 {width}×{height}）", "cover_size")
        return None
    return CoverImage(
        source=_UPLOAD,
        width=width,
        height=height,
        file_name=name[:200],
        size_bytes=len(content),
        format=fmt,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def cover_from_bank(errors: FieldErrors, key: str, value: Any, bank: list[Any]) -> CoverImage | None:
    """A picture of the image bank as the cover (L2176): it was measured when it went into the bank, so its
    saved facts are checked against the cover's rules (JPG or PNG, ≤ 5 MB, at least 750 × 1334)."""
    label = TRUEVIEW_LABELS["cover_bank"]
    picked = validate.text(errors, key, label, value, max_len=40)
    if picked is None:
        return None
    pic = bank_image(bank, picked)
    if pic is None:
        errors.add(key, f"图片银行里没有编号为“{picked}”的图片", "unknown")
        return None
    img = pic.image
    if img.format not in rules.TRUEVIEW_COVER_FORMATS:
        errors.add(key, f"{label}（{pic.id}）格式为 {img.format}：只能是 JPG 或 PNG", "format")
        return None
    if img.size_bytes > rules.TRUEVIEW_COVER_MAX_BYTES:
        errors.add(key, f"{label}（{pic.id}）不能超过 {rules.TRUEVIEW_COVER_MAX_BYTES // _MB} MB"
                        f"（当前 {size_text(img.size_bytes)}）", "max_bytes")  # fmt: skip
        return None
    min_w, min_h = rules.TRUEVIEW_COVER_MIN_PX
    if img.width < min_w or img.height < min_h:
        errors.add(key, f"{label}（{pic.id}）尺寸不能小于 {min_w}×{min_h}（当前 {img.width}×{img.height}）",
                   "cover_size")  # fmt: skip
        return None
    return CoverImage(
        source=_BANK,
        width=img.width,
        height=img.height,
        bank_id=pic.id,
        file_name=img.name[:200],
        size_bytes=img.size_bytes,
        format=img.format,
    )


def _plain_text(
    errors: FieldErrors, key: str, label: str, value: Any, *, max_len: int, multiline: bool = False
) -> str | None:
    """A title or description (validate.text refuses database commands and code fragments too)."""
    return validate.text(errors, key, label, value, max_len=max_len, multiline=multiline)


def _parse_datetime(errors: FieldErrors, key: str, label: str, value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = validate.text(errors, key, label, value, max_len=40)
    if text is None:
        return None
    try:
        parsed = dt.datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M")
    except ValueError:
        errors.add(key, f"{label}格式应为 年-月-日 时:分，例如 2022-11-01 10:00", "datetime")
        return None
    return parsed


# --- the area ------------------------------------------------------------------------------------
class MediaArea:
    """媒体中心: the video bank and True View videos of the store."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # reading
    def clips(self) -> list[VideoClip]:
        return list(self.backend.state.videos)

    def clip(self, video_id: str) -> VideoClip | None:
        return next((c for c in self.backend.state.videos if c.id == video_id), None)

    def violations(self, video_id: str) -> list[Violation]:
        """Every True View rule the bank's clip ``video_id`` breaks (empty: it may be published)."""
        clip = self.clip(video_id)
        if clip is None:
            raise SimError(f"视频银行里没有编号为 {video_id} 的视频")
        return clip_violations(clip)

    def is_compliant(self, video_id: str) -> bool:
        clip = self.clip(video_id)
        return clip is not None and not clip_violations(clip)

    def posts(self) -> list[TrueViewPost]:
        return list(self.backend.state.trueviews)

    def post(self, post_id: str) -> TrueViewPost | None:
        """A True View video by its id (TV-0001) or by its clip's id (one video per clip)."""
        posts = self.backend.state.trueviews
        return next((p for p in posts if p.id == post_id), None) or next(
            (p for p in posts if p.video_id == post_id), None
        )

    def quality(self, post_id: str) -> Quality:
        post = self.post(post_id)
        if post is None:
            raise SimError(f"没有编号为 {post_id} 的 True View 视频")
        return quality_of(post, self.clip(post.video_id), self.backend.now())

    def status(self, post: TrueViewPost) -> str:
        if post.publish_at > self.backend.now():
            return f"定时发布（{post.publish_at:%Y-%m-%d %H:%M}）"
        return "已发布"

    def products(self) -> list[Any]:
        """The store's products that may be linked (published ones)."""
        return [p for p in self.backend.state.products if getattr(p, "status", "已发布") == "已发布"]

    # the bank
    def bank_used_bytes(self) -> int:
        """Space the video bank's clips take together."""
        return sum(c.size_bytes for c in self.backend.state.videos)

    def add_video(self, clip: Any) -> list[str]:
        """Put a clip (a VideoClip or its fields as a dict) into the video bank (视频银行).

        Every clip enters the bank here, so the bank's total space (10 GB, L2001) is enforced here: a clip that
        would take the bank over it is refused and the bank is left as it was.
        """
        require(self.backend, "product.image_bank")  # the video bank is managed like the image bank
        try:
            clip = VideoClip.model_validate(clip.model_dump() if isinstance(clip, VideoClip) else clip)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            raise SimError("视频的信息不完整或格式不对，无法放进视频银行") from exc
        errors = FieldErrors()
        label = TRUEVIEW_LABELS["video"]
        validate.text(errors, "video", f"{label}编号", clip.id, max_len=40)
        validate.text(errors, "file_name", f"{label}文件名", clip.file_name, max_len=200)
        if clip.size_bytes <= 0:
            errors.add("size_bytes", f"{label}大小必须大于 0", "min")
        if self.clip(clip.id) is not None:
            errors.add("video", f"视频银行里已经有编号为 {clip.id} 的视频", "unique")
        used, limit = self.bank_used_bytes(), rules.VIDEO_BANK_BYTES
        if clip.size_bytes > 0 and used + clip.size_bytes > limit:
            errors.add(
                "video",
                f"视频银行总空间 {_gb(limit)}，已用 {_gb(used)}，这段视频 {fmt_size(clip.size_bytes)}，"
                f"放进去会超出总空间：请先删除不用的视频",
                "bank_space",
            )
        errors.raise_if_any()
        with self.backend.transaction("media.add_video", clip.id) as work:
            work.videos = [*work.videos, clip]
        left = limit - used - clip.size_bytes
        return [f"视频银行还剩 {_gb(left)}"] if left < limit // 10 else []

    def upload_video(
        self, file: Any, subject: str = "", subtitles: str = "无", voice: str = "无人声"
    ) -> tuple[VideoClip, list[str]]:
        """上传视频 to the video bank: an MP4/MOV file, measured from its bytes, with what the uploader says
        it shows and its subtitles and voice (the True View review reads them).

        The clip gets the next ``VID-UP-NN`` id and enters the bank through :meth:`add_video`, so the bank's
        10 GB (L2001) applies. Returns the clip and the advice (little space left).
        """
        from .media_probe import VideoUnreadable, container_name, formats_text, probe_video
        from .product_media import as_file

        require(self.backend, "product.image_bank")
        errors, lab = FieldErrors(), "上传的视频"
        upload = as_file(file)
        if upload is None:
            errors.add(
                "file", f"请选择要上传的视频文件（{formats_text(rules.MAIN_VIDEO_FORMATS)}）", "required"
            )
            errors.raise_if_any()
        name, data = upload
        name = validate.text(errors, "file", f"{lab}的文件名", name, max_len=200)
        about = validate.text(errors, "subject", "视频内容说明", subject, required=False, max_len=100)
        subs = validate.choice(errors, "subtitles", "字幕", subtitles, rules.TRUEVIEW_SUBTITLES)
        spoken = validate.choice(errors, "voice", "人声", voice, rules.TRUEVIEW_VOICES)
        errors.raise_if_any()
        ext = Path(name).suffix.lower().lstrip(".")
        if ext not in rules.MAIN_VIDEO_FORMATS:
            errors.add("file", f"视频银行只收 {formats_text(rules.MAIN_VIDEO_FORMATS)} 文件（当前：{ext or '无后缀'}）",
                       "video_format")  # fmt: skip
            errors.raise_if_any()
        try:
            facts = probe_video(data)
        except VideoUnreadable as exc:
            errors.add("file", f"{lab}（{name}）无法读取：{exc.problem}", "video")
            errors.raise_if_any()
        if facts.container not in rules.MAIN_VIDEO_FORMATS:
            errors.add("file", f"视频银行只收 {formats_text(rules.MAIN_VIDEO_FORMATS)} 文件（{name} 其实是 "
                               f"{container_name(facts.container)} 视频）", "video_format")  # fmt: skip
            errors.raise_if_any()
        taken = {c.id for c in self.backend.state.videos}
        number = 1 + sum(1 for c in taken if c.startswith("VID-UP-"))
        while f"VID-UP-{number:02d}" in taken:
            number += 1
        clip = VideoClip(
            id=f"VID-UP-{number:02d}", file_name=name, subject=about or "（上传的视频）",
            duration_s=round(facts.seconds, 2), width=facts.width, height=facts.height, size_bytes=len(data),
            subtitles=subs, voice=spoken, owner=self.backend.state.acting_as, uploaded_on=self.backend.today(),
        )  # fmt: skip
        return clip, self.add_video(clip)

    # publishing
    def publish_trueview(self, values: dict[str, Any]) -> list[str]:
        """「发布」: check the clip against every rule and every field at once; then publish or schedule.

        ``values`` keys: video, cover_source (视频截帧 | 图片银行 | 上传图片), cover_frame (seconds), cover_bank
        (an image bank id), cover_file (bytes, a path or a FileUpload entry), content_type, title, tags (1-3),
        description, products (≤ 9 ids or
        titles), publish (立即发布 | 定时发布), scheduled_at ("YYYY-MM-DD HH:MM"). Returns the advice.
        """
        require(self.backend, "product.image_bank")  # the video bank is managed like the image bank
        unknown = set(values) - set(TRUEVIEW_LABELS)
        if unknown:
            raise SimError(f"True View 发布表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, advice = FieldErrors(), []
        lab, get = TRUEVIEW_LABELS, values.get

        clip = self._check_clip(errors, get("video"))
        cover = self._check_cover(
            errors, clip, get("cover_source"), get("cover_frame"), get("cover_file"), get("cover_bank")
        )
        content_type = validate.choice(
            errors, "content_type", lab["content_type"], get("content_type"), rules.TRUEVIEW_CONTENT_TYPES
        )
        title = _plain_text(errors, "title", lab["title"], get("title"), max_len=rules.TRUEVIEW_TITLE_MAX)
        description = _plain_text(
            errors, "description", lab["description"], get("description"),
            max_len=rules.TRUEVIEW_DESCRIPTION_MAX, multiline=True,
        )  # fmt: skip
        low, high = rules.TRUEVIEW_TAGS
        tags = validate.choices(
            errors, "tags", lab["tags"], get("tags"), rules.TRUEVIEW_TAG_OPTIONS, min_n=low, max_n=high
        )
        products = self._check_products(errors, clip, get("products"))
        mode = validate.choice(
            errors, "publish", lab["publish"], get("publish"), rules.TRUEVIEW_PUBLISH_MODES
        )
        publish_at = self.backend.now()
        if mode == _LATER:
            when = _parse_datetime(errors, "scheduled_at", lab["scheduled_at"], get("scheduled_at"))
            if when is not None and when <= self.backend.now():
                errors.add(
                    "scheduled_at",
                    f"{lab['scheduled_at']}必须晚于现在（{self.backend.now():%Y-%m-%d %H:%M}）",
                    "future",
                )
            elif when is not None:
                publish_at = when
        errors.raise_if_any()

        if clip is not None and good_gaps(clip):
            advice.append(f"这段视频发布后质量等级为“合格”；要评“良好”还需要：{'；'.join(good_gaps(clip))}。")
        if clip is not None and abs(clip.duration_s - rules.TRUEVIEW_ADVISED_SECONDS) > 30:
            advice.append(f"建议时长在 1 分钟左右（这段视频 {fmt_duration(clip.duration_s)}）。")
        earlier = next((p for p in self.backend.state.trueviews if p.video_id == clip.id), None)
        if earlier is not None:
            advice.append(
                f"视频 {clip.id} 已经发布过（{earlier.id}），这次提交更新了它的内容，播放数据保留。"
            )
        with self.backend.transaction("media.publish_trueview", f"video={clip.id}") as work:
            post = TrueViewPost(
                id=earlier.id if earlier else self._next_id(work.trueviews),
                video_id=clip.id,
                cover=cover,
                content_type=content_type,
                title=title,
                description=description,
                tags=list(tags),
                product_ids=[p.id for p in products],
                publish=mode,
                publish_at=publish_at,
                created_at=earlier.created_at if earlier else self.backend.now(),
                updated_at=self.backend.now() if earlier else None,
                owner=work.acting_as,
                plays=[r.model_copy() for r in earlier.plays] if earlier else [],
            )
            # One True View video per clip; the latest one submitted goes last (the check reads it).
            work.trueviews = [p for p in work.trueviews if p.video_id != clip.id] + [post]
        return advice

    @staticmethod
    def _next_id(posts: list[TrueViewPost]) -> str:
        numbers = [int(p.id.split("-")[-1]) for p in posts if p.id.split("-")[-1].isdigit()]
        return f"TV-{max(numbers, default=0) + 1:04d}"

    def _check_clip(self, errors: FieldErrors, value: Any) -> VideoClip | None:
        video_id = validate.text(errors, "video", TRUEVIEW_LABELS["video"], value, max_len=40)
        if video_id is None:
            return None
        clip = self.clip(video_id)
        if clip is None:
            errors.add("video", f"视频银行里没有编号为 {video_id} 的视频", "unknown")
            return None
        broken = clip_violations(clip)
        for v in broken:
            errors.add("video", v.message, v.rule)
        return None if broken else clip

    def _check_cover(
        self, errors: FieldErrors, clip, source: Any, frame: Any, upload: Any, bank_pick: Any = None
    ) -> CoverImage | None:
        source = validate.choice(
            errors, "cover_source", TRUEVIEW_LABELS["cover_source"], source, rules.TRUEVIEW_COVER_SOURCES
        )
        if source == _UPLOAD:
            return inspect_cover(errors, "cover_file", upload)
        if source == _BANK:
            return cover_from_bank(errors, "cover_bank", bank_pick, self.backend.state.image_bank)
        if source != _FRAME:
            return None
        # The platform cuts the chosen frame to a full-size cover (自动生成封面, L2172): always compliant.
        second = validate.decimal(
            errors,
            "cover_frame",
            TRUEVIEW_LABELS["cover_frame"],
            frame,
            required=False,
            min_value=0,
            places=1,
        )
        second = float(second) if second is not None else 0.0
        if clip is not None and second > clip.duration_s:
            errors.add("cover_frame", f"截帧时间不能超过视频时长（{fmt_duration(clip.duration_s)}）", "max")
            return None
        width, height = rules.TRUEVIEW_COVER_MIN_PX
        return CoverImage(source=_FRAME, width=width, height=height, frame_s=second)

    def _check_products(self, errors: FieldErrors, clip: VideoClip | None, value: Any) -> list[Any]:
        label = TRUEVIEW_LABELS["products"]
        if value in (None, ""):
            return []
        if isinstance(value, (str, int)) or not isinstance(value, (list, tuple)):
            errors.add("products", f"{label}应为一组产品（从店铺产品中选择）", "type")
            return []
        store = self.products()
        by_id = {p.id: p for p in store}
        chosen: list[Any] = []
        for item in value:
            product = None
            if isinstance(item, int) and not isinstance(item, bool):
                product = by_id.get(item)
            elif isinstance(item, str) and item.strip():
                wanted = item.strip()
                if wanted.isdigit() and int(wanted) in by_id:
                    product = by_id[int(wanted)]
                else:
                    same = [p for p in store if p.title == wanted]
                    if len(same) > 1:
                        errors.add(
                            "products",
                            f"店铺里有 {len(same)} 个标题相同的产品，请按产品编号选择",
                            "ambiguous",
                        )
                        return []
                    product = same[0] if same else None
            if product is None:
                shown = str(item)[:40] + ("…" if len(str(item)) > 40 else "")
                errors.add("products", f"店铺里没有这个产品：{shown}（只能从已发布的产品中选择）", "unknown")
                return []
            chosen.append(product)
        if len({p.id for p in chosen}) != len(chosen):
            errors.add("products", f"{label}不能重复选择同一个产品", "unique")
            return []
        if len(chosen) > rules.TRUEVIEW_MAX_PRODUCTS:
            errors.add(
                "products", f"{label}最多 {rules.TRUEVIEW_MAX_PRODUCTS} 个（当前 {len(chosen)}）", "max_n"
            )
            return []
        if clip is not None:
            # L2235: linked products must be what the clip shows.
            off = [p for p in chosen if p.id not in clip.product_ids]
            for p in off:
                errors.add(
                    "products", f"产品 {p.id} 没有出现在这段视频里：关联产品必须与视频内容相符", "match"
                )
        return chosen

    def delete_trueview(self, post_id: Any) -> None:
        """Remove a True View video (published or scheduled)."""
        require(self.backend, "product.image_bank")
        post = self.post(post_id) if isinstance(post_id, str) else None
        if post is None:
            raise SimError(f"没有编号为 {str(post_id)[:40]} 的 True View 视频")
        with self.backend.transaction("media.delete_trueview", post.id) as work:
            work.trueviews = [p for p in work.trueviews if p.id != post.id]

    def simulate_plays(self, post_id: Any, plays: Any, days: Any = 0) -> Quality:
        """Simulate buyers watching: ``plays`` effective plays spread over the next ``days`` days.

        With ``days`` = 0 they all happen today; otherwise the scenario clock moves on ``days`` days
        (one play count per day). Returns the video's quality level afterwards.
        """
        errors = FieldErrors()
        post = self.post(post_id) if isinstance(post_id, str) else None
        if post is None:
            errors.add("post", f"没有编号为 {str(post_id)[:40]} 的 True View 视频", "unknown")
        plays = validate.integer(errors, "plays", "有效播放次数", plays, min_value=1, max_value=100_000)
        days = validate.integer(errors, "days", "天数", days, required=False, min_value=0, max_value=365)
        errors.raise_if_any()
        days = days or 0
        today = self.backend.today()
        time_of_day = self.backend.now().time()
        dates = [today] if days == 0 else [today + dt.timedelta(days=i + 1) for i in range(days)]
        live = [d for d in dates if dt.datetime.combine(d, time_of_day) >= post.publish_at]
        if not live:
            raise SimError(
                f"视频 {post.id} 在这段时间里还没有发布（{post.publish_at:%Y-%m-%d %H:%M} 发布），没有播放"
            )
        counts = [plays * (i + 1) // len(live) - plays * i // len(live) for i in range(len(live))]
        with self.backend.transaction("media.simulate_plays", f"{post.id} plays={plays} days={days}") as work:
            target = next(p for p in work.trueviews if p.id == post.id)
            for day, n in zip(live, counts, strict=True):
                if n:
                    target.plays.append(PlayRecord(day=day, plays=n))
            work.today = today + dt.timedelta(days=days)
        return self.quality(post.id)
