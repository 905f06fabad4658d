"""Uploaded files (company logo and photos, avatar): read the real bytes and measure them.

An upload reaches the simulator as :class:`Upload` (a name and the bytes). Images are opened with
Pillow, so a ``.jpg`` name on PNG bytes is caught, and so is a truncated or fake file. Nothing is
trusted from the name except the extension, which must agree with the content.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from . import validate
from .errors import FieldErrors
from .upload_models import FileMeta

__all__ = ["Upload", "as_upload", "check_image", "check_file", "size_text", "IMAGE_EXTENSIONS"]

# What each Pillow format may be called on disk.
IMAGE_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "TIFF": (".tif", ".tiff")}
_FORMAT_NAMES = {"JPEG": "JPG", "PNG": "PNG", "TIFF": "TIFF"}
_MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding (simulator)
_NAME_MAX = 120


@dataclass(frozen=True)
class Upload:
    """A file as the upload widget hands it over."""

    name: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    def __repr__(self) -> str:
        return f"Upload({self.name!r}, {size_text(self.size)})"


def size_text(n: int) -> str:
    """``2.5 MB`` / ``180 KB`` / ``532 字节``."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} 字节"


def _current(size: int, limit: int) -> str:
    """The size shown in a "too big" message: in bytes when rounding would make it look like the limit."""
    return f"{size:,} 字节" if size_text(size) == size_text(limit) else size_text(size)


def as_upload(value: Any) -> Upload | None:
    """An :class:`Upload` from what a widget or code gives: Upload, ``(name, bytes)``, raw bytes, an ipywidgets
    dict or a one-file FileUpload value.

    Returns None for "nothing uploaded"; anything else that is not a file raises TypeError.
    """
    if value is None or (isinstance(value, (str, tuple, list)) and len(value) == 0):
        return None
    if isinstance(value, Upload):
        return value
    if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], (dict, Upload)):
        return as_upload(value[0])  # a one-file FileUpload value
    if isinstance(value, dict) and "content" in value:
        content = value["content"]
        if not isinstance(content, (bytes, bytearray, memoryview)):
            raise TypeError(type(content).__name__)
        return Upload(str(value.get("name") or "upload"), bytes(content))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return Upload("upload", bytes(value))
    if (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and isinstance(value[1], (bytes, bytearray, memoryview))
    ):
        return Upload(str(value[0]), bytes(value[1]))
    raise TypeError(type(value).__name__)


def _name_ok(errors: FieldErrors, key: str, label: str, upload: Upload) -> bool:
    before = len(errors.errors)
    validate.text(errors, key, f"{label}的文件名", upload.name, max_len=_NAME_MAX)
    return len(errors.errors) == before


def check_image(
    errors: FieldErrors,
    key: str,
    label: str,
    value: Any,
    *,
    formats: tuple[str, ...],
    max_bytes: int,
    required: bool = False,
    at: Any = None,
) -> FileMeta | None:
    """Open the bytes with Pillow: format in ``formats``, extension agreeing, size below ``max_bytes``."""
    try:
        upload = as_upload(value)
    except TypeError as exc:
        errors.add(key, f"{label}应为上传的文件，收到的是 {exc}", "type")
        return None
    allowed = "、".join(_FORMAT_NAMES.get(f, f) for f in formats)
    if upload is None:
        if required:
            errors.add(key, f"请上传{label}", "required")
        return None
    if not _name_ok(errors, key, label, upload):
        return None
    if upload.size == 0:
        errors.add(key, f"{label}是空文件", "empty")
        return None
    if upload.size >= max_bytes:
        errors.add(
            key,
            f"{label}必须小于 {size_text(max_bytes)}（当前 {_current(upload.size, max_bytes)}）",
            "max_bytes",
        )
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(upload.content)) as img:
                fmt, (width, height) = img.format, img.size
                if width * height > _MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                img.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        errors.add(key, f"{label}不是可以识别的图片，只支持 {allowed} 格式", "format")
        return None
    except Exception:  # noqa: BLE001 - a truncated or damaged file: Pillow raises many kinds
        errors.add(key, f"{label}已损坏，无法打开，请重新导出后上传", "format")
        return None
    if fmt not in formats:
        errors.add(key, f"{label}只支持 {allowed} 格式（这个文件是 {fmt}）", "format")
        return None
    ext = PurePath(upload.name).suffix.lower()
    if ext not in IMAGE_EXTENSIONS.get(fmt, ()):
        errors.add(
            key, f"{label}的文件扩展名“{ext or '无'}”与内容（{_FORMAT_NAMES.get(fmt, fmt)}）不符", "extension"
        )
        return None
    return FileMeta(
        name=upload.name.strip(),
        size=upload.size,
        sha256=hashlib.sha256(upload.content).hexdigest(),
        format=fmt,
        width=width,
        height=height,
        uploaded_at=at,
    )


def check_file(
    errors: FieldErrors,
    key: str,
    label: str,
    value: Any,
    *,
    extensions: tuple[str, ...],
    max_bytes: int | None = None,
    required: bool = False,
    at: Any = None,
) -> FileMeta | None:
    """A file that is not an image (a video): extension in ``extensions``, not empty, size limit."""
    try:
        upload = as_upload(value)
    except TypeError as exc:
        errors.add(key, f"{label}应为上传的文件，收到的是 {exc}", "type")
        return None
    if upload is None:
        if required:
            errors.add(key, f"请上传{label}", "required")
        return None
    if not _name_ok(errors, key, label, upload):
        return None
    ext = PurePath(upload.name).suffix.lower().lstrip(".")
    if ext not in extensions:
        errors.add(
            key, f"{label}只支持这些格式：{', '.join(extensions)}（当前：{ext or '无扩展名'}）", "format"
        )
        return None
    if upload.size == 0:
        errors.add(key, f"{label}是空文件", "empty")
        return None
    if max_bytes is not None and upload.size >= max_bytes:
        errors.add(
            key,
            f"{label}必须小于 {size_text(max_bytes)}（当前 {_current(upload.size, max_bytes)}）",
            "max_bytes",
        )
        return None
    return FileMeta(
        name=upload.name.strip(),
        size=upload.size,
        sha256=hashlib.sha256(upload.content).hexdigest(),
        format=ext,
        uploaded_at=at,
    )
