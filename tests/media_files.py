"""Real image and video files made on the fly for decoration tests (Pillow, and MP4 headers by hand)."""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageDraw

__all__ = ["image_bytes", "noisy_jpeg", "mp4_bytes"]


def image_bytes(
    width: int,
    height: int,
    fmt: str = "PNG",
    color=(255, 106, 0),
    *,
    text: str = "",
    bottom_text: bool = False,
) -> bytes:
    """A real ``fmt`` image of ``width``×``height`` px (text drawn in the middle or in the bottom strip)."""
    img = Image.new("RGB", (width, height), color)
    if text or bottom_text:
        draw = ImageDraw.Draw(img)
        y = height - max(4, height * 30 // 280) if bottom_text else height // 2
        for x in range(10, width - 40, 60):  # a row of dark blocks: real visible content
            draw.rectangle((x, y - 6, x + 30, y + 6), fill=(20, 20, 20))
            if text:
                draw.text((x, y - 20), text, fill=(0, 0, 0))
    buf = io.BytesIO()
    save_fmt = {"JPG": "JPEG"}.get(fmt.upper(), fmt.upper())
    if save_fmt == "GIF":
        img = img.convert("P")
    img.save(buf, save_fmt, **({"quality": 90} if save_fmt == "JPEG" else {}))
    return buf.getvalue()


def noisy_jpeg(width: int, height: int, target_bytes: int) -> bytes:
    """A JPEG of ``width``×``height`` px padded (with an APP15 comment segment) to ``target_bytes``."""
    base = image_bytes(width, height, "JPEG")
    missing = target_bytes - len(base)
    if missing <= 0:
        return base
    segments = b""
    while missing > 0:
        chunk = min(missing, 65_533 + 4) - 4
        chunk = max(chunk, 0)
        segments += b"\xff\xef" + struct.pack(">H", chunk + 2) + b"\0" * chunk
        missing -= chunk + 4
    data = base[:2] + segments + base[2:]
    return data[: len(data) + missing] if missing < 0 else data


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4_bytes(seconds: float, *, timescale: int = 1000, version: int = 0) -> bytes:
    """A minimal MP4 (ftyp, moov/mvhd, mdat) whose movie header says it lasts ``seconds``."""
    duration = round(seconds * timescale)
    if version == 1:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, timescale, duration)
    else:
        mvhd = bytes([0, 0, 0, 0]) + struct.pack(">IIII", 0, 0, timescale, duration)
    mvhd += (
        struct.pack(">I", 0x00010000)
        + b"\x01\x00"
        + b"\0" * 10
        + b"\0" * 36
        + b"\0" * 24
        + struct.pack(">I", 2)
    )
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2mp41")
    return ftyp + _box(b"moov", _box(b"mvhd", mvhd)) + _box(b"mdat", b"\0" * 64)
