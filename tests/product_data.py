"""Textbook data of tasks 03.3.5 and 03.3.6 (TASKS.md, verbatim) and real image / video files for tests."""

from __future__ import annotations

import io
import struct

from alisim_widgets.sim.products_models import PRICE_MODE_LADDER
from tests.media_files import video_bytes

RTS_TITLE = (
    "Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks "
    "Toys 6 Children Gift"
)
RTS_DESCRIPTION = (
    "Specification:\nProduct type:Slide DIY Blocks\nAge: 8-13 years\nPiece:168pcs\nMaterial:ABS\nColor:Red\n"
    "Size:168pcs:16*16*12cm\nNote : You need DIY by yourself to build up the toy. Great for kids playing and studying."
)
CUSTOM_TITLE = (
    "Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls Princess "
    "Kids Dresses"
)
CUSTOM_DESCRIPTION = (
    "Specification:\nSweet Princess pooping dress\nAge: 0-6 months\nMaterial:Cotton\nColor:Pink"
)


def image(w: int = 800, h: int = 800, fmt: str = "JPEG", color=(230, 80, 40), name: str | None = None,
          pad_to: int | None = None) -> tuple[str, bytes]:  # fmt: skip
    """A real picture made with Pillow; ``pad_to`` grows the file to that many bytes (still a valid image)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, fmt)
    data = buf.getvalue()
    if pad_to is not None:
        assert pad_to >= len(data), (pad_to, len(data))
        if fmt == "PNG":
            # a private ancillary chunk before IEND keeps the PNG valid
            import zlib

            extra = pad_to - len(data) - 12
            chunk = b"alSm" + b"\0" * extra
            body = struct.pack(">I", extra) + chunk + struct.pack(">I", zlib.crc32(chunk))
            data = data[:-12] + body + data[-12:]
        else:
            data = data + b"\0" * (pad_to - len(data))  # bytes after the JPEG end marker are ignored
        assert len(data) == pad_to
    ext = {"JPEG": "jpg", "PNG": "png"}.get(fmt, fmt.lower())
    return (name or f"main-{w}x{h}-{color[0]}.{ext}"), data


def images(n: int = 5) -> list[tuple[str, bytes]]:
    """``n`` different near-square main images."""
    return [image(800, 800, color=(40 * i % 256, 120, 200 - 20 * i)) for i in range(1, n + 1)]


def mp4(seconds: float, width: int = 1280, height: int = 720, pad_to: int | None = None) -> bytes:
    """A real H.264 MP4 of the given duration and picture size (``tests.media_files.video_bytes``)."""
    return video_bytes(seconds, width, height, pad_to=pad_to)


RTS_TASK = {
    "category": "玩具 >> 积木",
    "product_type": "Ready to Ship",
    "title": RTS_TITLE,
    "keywords": ["Building Blocks Toys"],
    "place_of_origin": "China",
    "brand": "DY",
    "material": "Plastic",
    "scene": "Transportation",
    "feature": "Poisonless and Harmless",
    "color": "Red",
    "description": RTS_DESCRIPTION,
    "price_mode": PRICE_MODE_LADDER,
    "sell_by": "按件卖",
    "unit": "Box/Boxes",
    "price_tiers": [(1, 20.00), (50, 18.00), (100, 15.00)],
    "stock": 1000,
    "sku_code": "6852000",
    "lead_time": [(100, 7)],
    "package_cm": (20, 20, 10),
    "weight_kg": 0.5,
    "logistics_attribute": "普货",
    "freight_template": "系统默认运费模板",
    "samples": False,
    "customization": [],
    "other_services": [],
}

CUSTOM_TASK = {
    "category": "服装 > 儿童服装 > 儿童连衣裙",
    "product_type": "Customization",
    "title": CUSTOM_TITLE,
    "keywords": ["Kids Dresses"],
    "place_of_origin": "China",
    "brand": "DY",
    "features": ["Washable", "Breathable", "Anti-static"],
    "color": "Pink",
    "size": "M",
    "sku_code": "6204420000",
    "description": CUSTOM_DESCRIPTION,
    "price_mode": PRICE_MODE_LADDER,
    "unit": "piece/pieces",
    "price_tiers": [(50, 98.00), (100, 90.00)],
    "payment_methods": ["L/C", "T/T", "Western Union"],
    "lead_time": [(1000, 7)],
    "shipping_mode": "海运",
    "port": "shanghai",
    "supply_ability": (1000, "周"),
    "samples": {"supported": True, "max_qty": 5, "price_usd": 120},
    "package_cm": (20, 20, 5),
    "weight_kg": 0.5,
    "logistics_attribute": "普货",
    "freight_template": "系统默认运费模板",
    "customization": [],
    "other_services": [],
}
