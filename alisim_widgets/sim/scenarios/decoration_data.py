"""A decorated home page for the demo store, drawn with Pillow at build time (deterministic, no files).

The images go through the simulator's own measuring (``measure_image``), so the demo holds exactly
what a student's uploads would produce.
"""

from __future__ import annotations

import datetime as dt
import io

from ..decoration import Upload, measure_image
from ..decoration_models import (
    BannerModule,
    CustomArea,
    Decoration,
    ServiceAgent,
    ServiceModule,
    Signboard,
    TiledProducts,
)
from ..state import StoreState

__all__ = ["decorate_demo"]


def _picture(width: int, height: int, color: tuple[int, int, int], text: str = "", fmt: str = "JPEG"):
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), color)
    draw = ImageDraw.Draw(img)
    # a lighter band and a caption, so the preview shows more than a flat colour
    draw.rectangle(
        (0, height // 3, width, height // 3 + height // 6), fill=tuple(min(255, c + 40) for c in color)
    )
    if text:
        draw.text((width // 12, height // 3 + 4), text, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, fmt, quality=80)
    asset, why = measure_image(Upload(f"{text or 'image'}.{fmt.lower()}".replace(" ", "_"), buf.getvalue()))
    assert asset is not None, why
    return asset


def decorate_demo(state: StoreState) -> StoreState:
    """Signboard, a 3-image carousel, products (when the store has them), service and a custom area."""
    at = dt.datetime.combine(state.today, dt.time(10, 0))
    product_ids = [p.id for p in getattr(state, "products", [])][:4]
    state.decoration = Decoration(
        signboard=Signboard(image=_picture(1200, 280, (255, 106, 0), "HuNan DianYue Toys"), updated_at=at),
        carousel=BannerModule(
            height=350,
            rotation="每五秒切换",
            images=[
                _picture(900, 350, (40, 120, 200), "Educational Toys"),
                _picture(900, 350, (60, 160, 90), "Baby Care"),
                _picture(900, 350, (200, 80, 60), "Kids Clothing"),
            ],
            updated_at=at,
        ),
        tiled=TiledProducts(title="Hot Products", product_ids=product_ids, updated_at=at)
        if product_ids
        else None,
        service=ServiceModule(
            agents=[
                ServiceAgent(
                    name="Xu tiantian",
                    tm_account="dianyue_xu",
                    kind="售前咨询",
                    avatar=_picture(100, 100, (255, 180, 150), fmt="PNG"),
                ),
                ServiceAgent(
                    name="Wang fang",
                    tm_account="dianyue_wang",
                    kind="售后服务",
                    avatar=_picture(100, 100, (150, 180, 255), fmt="PNG"),
                ),
            ],  # fmt: skip
            updated_at=at,
        ),
        custom_areas=[
            CustomArea(
                id=1,
                title="Why Choose Us",
                content="We have a complete supply chain system and offer one-stop sales services.",
                created_at=at,
            )
        ],
    )
    return state
