"""Main images and the main video of a product: read the real uploaded bytes and measure them.

Images are opened with Pillow (a renamed or broken file is caught); videos are read by ``media_probe``
(duration, picture size and container, and that the file is whole), so the simulator checks what the
file really is. A clip of the video bank is checked by its saved metadata. Limits: ``rules.MAIN_*``.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import PurePath
from typing import Any

from . import rules, validate
from .errors import FieldErrors
from .media_probe import VideoUnreadable, clip_facts, container_name, formats_text, probe_video
from .products_models import ImageMeta, VideoMeta

__all__ = [
    "as_file",
    "bank_image",
    "size_text",
    "check_images",
    "check_video",
    "measure_image",
]

_NAME_MAX = 120
_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}
MB = 1024 * 1024


def size_text(n: int | float) -> str:
    """``5.2 MB`` / ``180 KB`` / ``532 字节``."""
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{int(n)} 字节"


def as_file(value: Any) -> tuple[str, bytes] | None:
    """``(name, bytes)`` from an ipywidgets upload dict, a ``(name, bytes)`` pair or an object with
    ``name`` and ``content``; None when ``value`` is not a file."""
    if isinstance(value, dict) and "content" in value:
        content = value["content"]
        name = value.get("name", "")
    elif (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and isinstance(value[1], (bytes, bytearray, memoryview))
    ):
        name, content = value
    elif hasattr(value, "name") and hasattr(value, "content"):
        name, content = value.name, value.content
    else:
        return None
    if not isinstance(content, (bytes, bytearray, memoryview)):
        return None
    return str(name), bytes(content)


def measure_image(name: str, data: bytes) -> tuple[ImageMeta | None, str]:
    """Open ``data`` with Pillow: (the measurements, "") or (None, why it is not a usable image)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt, (width, height) = img.format or "", img.size
                if width * height > rules.MAIN_IMAGE_MAX_PIXELS:
                    return None, f"像素太多（{width}×{height}），请缩小后再上传"
                img.verify()  # a truncated or corrupt file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):  # fmt: skip
        return None, "不是有效的 JPG 或 PNG 图片（文件损坏或不是图片）"
    if fmt not in rules.MAIN_IMAGE_FORMATS:
        return None, f"格式是 {fmt}，主图只支持 JPG、JPEG、PNG"
    ext = PurePath(name).suffix.lower()
    if ext not in _EXTENSIONS[fmt]:
        return None, f"文件名后缀（{ext or '无'}）与图片的真实格式（{fmt}）不符"
    meta = ImageMeta(
        name=name,
        format=fmt,
        width=width,
        height=height,
        size_bytes=len(data),
        sha1=hashlib.sha1(data).hexdigest(),
    )
    return meta, ""


def image_advice(meta: ImageMeta, label: str) -> list[str]:
    """What a main image could do better (advice only)."""
    out = []
    if meta.size_bytes > rules.MAIN_IMAGE_ADVISED_MAX_BYTES:
        out.append(f"{label}有 {size_text(meta.size_bytes)}，建议不超过 3 MB（加载更快）")
    if min(meta.width, meta.height) < rules.MAIN_IMAGE_MIN_PX:
        out.append(f"{label}只有 {meta.width}×{meta.height} 像素，建议 640×640 以上（750×750 最佳）")
    lo, hi = rules.MAIN_IMAGE_SQUARE_RATIO
    if not lo <= meta.width / meta.height <= hi:
        out.append(f"{label}是 {meta.width}×{meta.height}，建议用近似正方形的图片")
    return out


def bank_image(bank: list[Any] | None, item: str) -> Any | None:
    """The image bank's (图片银行) picture named by ``item`` (its id), or None: main images and the True View
    cover (L2176) are both picked from the bank this way."""
    return next((b for b in bank or [] if b.id == item.strip()), None)


def check_images(
    errors: FieldErrors,
    key: str,
    value: Any,
    kept: list[ImageMeta] | None = None,
    bank: list[Any] | None = None,
) -> tuple[list[ImageMeta] | None, list[str]]:
    """Main images: new uploads are measured; ``kept`` are the edited product's images, which may stay;
    a text names a picture of the image bank (图片银行), measured when it was put there.

    Returns (the images, advice). Enforced: at least one, at most six, JPG/PNG, ≤ 5 MB each.
    """
    label = "产品主图"
    if value is None:
        value = []
    if not isinstance(value, (list, tuple)):
        value = [value]
    if not value:
        errors.add(key, f"请上传{label}（至少 1 张，建议 {rules.MAIN_IMAGES_ADVISED} 张以上）", "required")
        return None, []
    if len(value) > rules.MAIN_IMAGES_MAX:
        errors.add(key, f"{label}最多 {rules.MAIN_IMAGES_MAX} 张（当前 {len(value)} 张）", "max_n")
        return None, []
    kept_ok = {m.sha1: m for m in kept or []}
    out: list[ImageMeta] = []
    problems: list[str] = []
    for i, item in enumerate(value, 1):
        where = f"第 {i} 张主图"
        if isinstance(item, ImageMeta) or (isinstance(item, dict) and "sha1" in item):
            meta = item if isinstance(item, ImageMeta) else None
            sha = item.sha1 if meta else item.get("sha1")
            if sha not in kept_ok or (meta is not None and meta != kept_ok[sha]):
                problems.append(f"{where}不是本产品已上传的图片，请重新上传文件")
                continue
            out.append(kept_ok[sha])
            continue
        if isinstance(item, str):
            pic = bank_image(bank, item)
            if pic is None:
                problems.append(
                    f"{where}：图片银行里没有编号为“{item.strip()[:30]}”的图片，请上传图片文件或从图片银行选择"
                )
            elif pic.image.size_bytes > rules.MAIN_IMAGE_MAX_BYTES:
                problems.append(f"{where}（{pic.id}）不能超过 5 MB（当前 {size_text(pic.image.size_bytes)}）")
            else:
                out.append(pic.image)
            continue
        file = as_file(item)
        if file is None:
            problems.append(f"{where}应为上传的图片文件")
            continue
        name, data = file
        name_errors = FieldErrors()
        validate.text(name_errors, key, f"{where}的文件名", name, max_len=_NAME_MAX)
        if name_errors:
            problems.append(name_errors.errors[0].message)
            continue
        if len(data) > rules.MAIN_IMAGE_MAX_BYTES:
            problems.append(f"{where}（{name}）不能超过 5 MB（当前 {size_text(len(data))}）")
            continue
        meta, why = measure_image(name, data)
        if meta is None:
            problems.append(f"{where}（{name}）{why}")
            continue
        out.append(meta)
    if problems:
        errors.add(key, "；".join(problems), "image")
        return None, []
    advice: list[str] = []
    for i, meta in enumerate(out, 1):
        advice += image_advice(meta, f"第 {i} 张主图")
    if len({m.sha1 for m in out}) < len(out):
        advice.append("有两张主图完全相同，建议换成不同角度（正面、背面、侧面、细节）")
    if len(out) < rules.MAIN_IMAGES_ADVISED:
        advice.append(
            f"主图只有 {len(out)} 张，建议 {rules.MAIN_IMAGES_ADVISED} 张以上，展示 SKU、正面、背面、侧面和细节"
        )
    return out, advice


# --- video -------------------------------------------------------------------------------------------
def _video_rules(errors: FieldErrors, key: str, meta: VideoMeta) -> list[str]:
    """Enforce the main-video limits on measured facts; return the advice."""
    what = f"主图视频（{meta.name}）"
    if meta.seconds > rules.MAIN_VIDEO_MAX_SECONDS:
        errors.add(
            key,
            f"{what}时长不能超过 {rules.MAIN_VIDEO_MAX_SECONDS} 秒（当前 {meta.seconds:g} 秒）",
            "video_seconds",
        )
    if min(meta.width, meta.height) < rules.MAIN_VIDEO_MIN_HEIGHT_PX:
        errors.add(
            key, f"{what}清晰度不能低于 480P（640×480），当前 {meta.width}×{meta.height}", "video_resolution"
        )
    if meta.size_bytes > rules.MAIN_VIDEO_MAX_BYTES:
        errors.add(key, f"{what}不能超过 100 MB（当前 {size_text(meta.size_bytes)}）", "video_size")
    advice = []
    if meta.seconds < rules.MAIN_VIDEO_ADVISED_MIN_SECONDS:
        advice.append(f"主图视频只有 {meta.seconds:g} 秒，建议 20–45 秒（15–30 秒最佳）")
    if meta.height > meta.width:
        advice.append("主图视频是竖屏，建议横屏拍摄")
    return advice


def _read_video(
    errors: FieldErrors,
    key: str,
    lab: str,
    value: Any,
    bank: list[Any],
    kept: VideoMeta | None,
    max_bytes: int,
) -> VideoMeta | None:
    """A product video as given: the product's own (unchanged), a clip id of the video bank, or an uploaded
    MP4/MOV of at most ``max_bytes``, measured by :func:`probe_video`. None (with the error) when refused."""
    if isinstance(value, VideoMeta):
        if kept is None or value != kept:
            errors.add(key, f"这个视频不是本产品已有的{lab}，请从视频银行选择或重新上传", "video")
            return None
        return kept
    if isinstance(value, str):
        clip = next((c for c in bank if getattr(c, "id", None) == value.strip()), None)
        if clip is None:
            errors.add(key, f"视频银行里没有编号为“{value[:30]}”的视频", "video")
            return None
        facts = clip_facts(clip)  # a bank clip has metadata, no bytes
        return VideoMeta(
            source="bank", bank_id=clip.id, name=str(getattr(clip, "file_name", clip.id)),
            seconds=facts.seconds, width=facts.width, height=facts.height, size_bytes=int(clip.size_bytes),
        )  # fmt: skip
    file = as_file(value)
    if file is None:
        errors.add(key, f"{lab}应为视频银行里的视频编号，或上传的 MP4/MOV 文件", "video")
        return None
    name, data = file
    before = len(errors.errors)
    validate.text(errors, key, f"{lab}的文件名", name, max_len=_NAME_MAX)
    if len(errors.errors) > before:
        return None
    ext = PurePath(name).suffix.lower().lstrip(".")
    if ext not in rules.MAIN_VIDEO_FORMATS:
        errors.add(key, f"{lab}只支持 MP4、MOV 文件（当前：{ext or '无后缀'}）", "video_format")
        return None
    if len(data) > max_bytes:
        errors.add(
            key,
            f"{lab}（{name}）不能超过 {max_bytes // 2**20} MB（当前 {size_text(len(data))}）",
            "video_size",
        )
        return None
    try:
        facts = probe_video(data)
    except VideoUnreadable as exc:
        errors.add(key, f"{lab}（{name}）无法读取：{exc.problem}", "video")
        return None
    if facts.container not in rules.MAIN_VIDEO_FORMATS:
        errors.add(key, f"{lab}只支持 {formats_text(rules.MAIN_VIDEO_FORMATS)}（{name} 其实是 "
                        f"{container_name(facts.container)} 视频）", "video_format")  # fmt: skip
        return None
    return VideoMeta(
        source="upload", name=name, seconds=round(facts.seconds, 2), width=facts.width,
        height=facts.height, size_bytes=len(data),
    )  # fmt: skip


def check_video(
    errors: FieldErrors, key: str, value: Any, bank: list[Any], kept: VideoMeta | None = None
) -> tuple[VideoMeta | None, list[str]]:
    """The main video: none, a clip id of the video bank, an uploaded MP4/MOV, or the edited product's own."""
    if value in (None, "", [], ()):
        return None, []
    meta = _read_video(errors, key, "主图视频", value, bank, kept, rules.MAIN_VIDEO_MAX_BYTES)
    if meta is None or meta is kept:
        return meta, []
    before = len(errors.errors)
    advice = _video_rules(errors, key, meta)
    return (meta if len(errors.errors) == before else None), advice


def check_detail_video(
    errors: FieldErrors, value: Any, bank: list[Any], old: Any, products: list[Any]
) -> tuple[VideoMeta | None, list[str]]:
    """详情页视频 (L1982, L1987): a bank clip or an MP4/MOV of at most 10 minutes, at least 480P and at most
    500 MB, shot in landscape (advice) (L1560-1563). Returns the video's facts and the advice.

    A bank clip may be linked to at most 20 products (L2000): its main-video and detail-video uses in
    the store count, the edited product's own use not twice.
    """
    key, lab = "detail_video", "详情页视频"
    kept = getattr(old, "detail_video", None)
    if value in (None, "", [], ()):
        return None, []
    meta = _read_video(errors, key, lab, value, bank, kept, rules.DETAIL_VIDEO_MAX_BYTES)
    if meta is None or meta is kept:
        return meta, []
    if meta.bank_id is not None:
        old_id = getattr(old, "id", None)
        linked = {
            p.id
            for p in products
            if p.id != old_id
            and any(
                getattr(v, "bank_id", None) == meta.bank_id
                for v in (p.video, getattr(p, "detail_video", None))
            )
        }
        if len(linked) >= rules.VIDEO_MAX_LINKED_PRODUCTS:
            errors.add(
                key,
                f"{lab}：视频 {meta.bank_id} 已关联 {len(linked)} 个产品，一个视频最多关联 "
                f"{rules.VIDEO_MAX_LINKED_PRODUCTS} 个产品",
                "max_linked",
            )
            return None, []
    what, before = f"{lab}（{meta.name}）", len(errors.errors)
    if meta.size_bytes > rules.DETAIL_VIDEO_MAX_BYTES:
        errors.add(key, f"{what}不能超过 500 MB（当前 {size_text(meta.size_bytes)}）", "video_size")
    if meta.seconds > rules.DETAIL_VIDEO_MAX_SECONDS:
        errors.add(key, f"{what}时长不能超过 10 分钟（当前 {meta.seconds:g} 秒）", "video_seconds")
    if min(meta.width, meta.height) < rules.DETAIL_VIDEO_MIN_HEIGHT_PX:
        errors.add(
            key, f"{what}清晰度不能低于 480P（640×480），当前 {meta.width}×{meta.height}", "video_resolution"
        )
    if len(errors.errors) > before:
        return None, []
    return meta, (["详情页视频是竖屏，建议横屏拍摄"] if meta.height > meta.width else [])
