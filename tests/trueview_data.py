"""Task 04.1.4's data as the textbook prints it (L2261-2280), and real cover images made with Pillow."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

__all__ = ["DRESS_TITLE", "TASK", "FORM", "cover", "bomb_png"]

DRESS_TITLE = (
    "2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female "
    "Party Clubwear Vestido"
)
# The textbook's values, verbatim.
TASK = {
    "content_type": "产品使用效果",
    "description": "It is the princess dress in the eyes of girls. let the little girl like a princess dexterous and lovely.",
    "products": [DRESS_TITLE],
    "title": "双十一新品介绍",
    "publish": "立即发布",
}
# What the rest of the form needs (the task leaves it open): a compliant clip, a frame cover, two tags.
FORM = {
    "video": "VID-DRESS-01",
    "cover_source": "视频截帧",
    "cover_frame": "3",
    "tags": ["使用效果", "新品介绍"],
    **TASK,
}


def cover(width: int = 750, height: int = 1334, fmt: str = "JPEG") -> bytes:
    """A real image file of ``width`` × ``height`` pixels."""
    buf = io.BytesIO()
    img = Image.new("RGB", (width, height), (255, 106, 0))
    if fmt == "GIF":
        img = img.convert("P")
    img.save(buf, fmt)
    return buf.getvalue()


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""
    data = bytearray(cover(8, 8, "PNG"))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)
