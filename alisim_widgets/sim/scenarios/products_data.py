"""The storyline's product catalogue: HuNan DianYue's listings, by the date each was published.

Later projects refer to these products by id or title (TASKS.md): 3175-3179 are the RTS products of the
September discount (07.2.6); the DEERC RC car, the Mushroom pillow, the balance board and the velvet dress
are named in 04_media, 06_crm, 07_marketing and 08_trade. The balance board's title repeats "Board"
three times (RULES.md, Contradictions): the store holds it anyway and the product workbench flags it.
Products 3180 and 3181 are the results of tasks 03.3.5 and 03.3.6, in the store from the day after.
3168 and 3170 were listed before project 02's day, so the 产品平铺 module of 02.4.1 has products to show.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..products_models import (
    PRICE_MODE_LADDER,
    PRICE_MODE_RANGE,
    PRODUCT_TYPE_CUSTOM,
    PRODUCT_TYPE_RTS,
    BankImage,
    ImageMeta,
    LeadTime,
    PriceTier,
    Product,
    Samples,
    SupplyAbility,
    VideoMeta,
)

__all__ = [
    "BALANCE_BOARD_TITLE",
    "DEERC_TITLE",
    "MUSHROOM_TITLE",
    "VELVET_DRESS_TITLE",
    "DISCOUNT_PRODUCT_IDS",
    "TASK_PRODUCTS_PUBLISHED_ON",
    "catalogue",
    "image_bank",
]

DEERC_TITLE = (
    "DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster Trucks "
    "for Kids Adults"
)
MUSHROOM_TITLE = "The Mushroom plush pillow"
BALANCE_BOARD_TITLE = (
    "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board "
    "Activity Game"
)
VELVET_DRESS_TITLE = (
    "2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female "
    "Party Clubwear Vestido"
)
DISCOUNT_PRODUCT_IDS = (3175, 3176, 3177, 3178, 3179)  # 07.2.6 活动商品ID (L3854)
TASK_PRODUCTS_PUBLISHED_ON = dt.date(2022, 4, 10)  # the 03_product scenario's day


def _images(stem: str, n: int, px: tuple[int, int] = (800, 800), kb: int = 420) -> list[ImageMeta]:
    """``n`` main images as the simulator measured them (the digest stands in for the picture)."""
    return [
        ImageMeta(
            name=f"{stem}-{i}.jpg",
            format="JPEG",
            width=px[0],
            height=px[1],
            size_bytes=kb * 1024 + i * 3_000,
            sha1=hashlib.sha1(f"{stem}-{i}".encode()).hexdigest(),
        )
        for i in range(1, n + 1)
    ]


def _video(stem: str, seconds: float) -> VideoMeta:
    return VideoMeta(
        source="upload", name=f"{stem}.mp4", seconds=seconds, width=1280, height=720, size_bytes=18_500_000
    )


_DEFAULT_LOGISTICS = {"logistics_attribute": "普货", "freight_template": "系统默认运费模板"}


def _rts(**kw) -> Product:
    base = dict(
        product_type=PRODUCT_TYPE_RTS, price_mode=PRICE_MODE_LADDER, sell_by="按件卖", **_DEFAULT_LOGISTICS
    )
    return Product(**{**base, **kw})


def _custom(**kw) -> Product:
    base = dict(
        product_type=PRODUCT_TYPE_CUSTOM,
        payment_methods=["L/C", "T/T", "Western Union"],
        shipping_mode="海运",
        port="shanghai",
        **_DEFAULT_LOGISTICS,
    )
    return Product(**{**base, **kw})


def catalogue() -> list[Product]:
    """Every storyline product, oldest first (fresh objects on each call)."""
    d = dt.date
    return [
        _custom(
            id=3168,
            title="Wooden Building Blocks Set 100 PCS Educational Toys for Toddlers Kids Early Learning Bricks",
            category="玩具 >> 积木",
            keywords=["Wooden Building Blocks", "Educational Toys"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Wood", "color": "Multicolor"},
            description="Specification:\nPieces: 100pcs\nMaterial: Beech wood\nAge: 3 years+\nPackage: wooden box",
            price_mode=PRICE_MODE_RANGE,
            price_min_usd=3.5,
            price_max_usd=5.8,
            moq=100,
            unit="Set/Sets",
            sku_code="9503008900",
            lead_time=[LeadTime(max_qty=1000, days=20), LeadTime(max_qty=5000, days=35)],
            supply_ability=SupplyAbility(quantity=5000, unit="Set/Sets", period="月"),
            samples=Samples(supported=True, max_qty=3, price_usd=8.0),
            customization=["LOGO定制", "外包装定制"],
            package_cm=(30.0, 20.0, 8.0),
            weight_kg=1.2,
            images=_images("wood-blocks", 6),
            video=_video("wood-blocks", 32),
            published_on=d(2022, 3, 14),  # before 02_store (03-20): 02.4.1 tiles it
            orders_90d=6,
            inquiries_30d=14,
            views_30d=820,
        ),
        # The same product listed again with only the title changed: a duplicate listing (L1703).
        _custom(
            id=3169,
            title="Colorful Wooden Bricks 100 PCS Early Learning Educational Toys for Kids Toddlers",
            category="玩具 >> 积木",
            keywords=["Wooden Building Blocks", "Educational Toys"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Wood", "color": "Multicolor"},
            description="Specification:\nPieces: 100pcs\nMaterial: Beech wood\nAge: 3 years+\nPackage: wooden box",
            price_mode=PRICE_MODE_RANGE,
            price_min_usd=3.5,
            price_max_usd=5.8,
            moq=100,
            unit="Set/Sets",
            sku_code="9503008900",
            lead_time=[LeadTime(max_qty=1000, days=20)],
            supply_ability=SupplyAbility(quantity=5000, unit="Set/Sets", period="月"),
            images=_images("wood-blocks", 6),
            package_cm=(30.0, 20.0, 8.0),
            weight_kg=1.2,
            published_on=d(2022, 3, 30),
            inquiries_30d=1,
            views_30d=95,
        ),
        _custom(
            id=3170,
            title="Baby Silicone Feeding Set Suction Bowl Spoon Bib BPA Free Toddler Tableware",
            category="母婴用品 >> 婴儿喂养 >> 婴儿餐具",
            keywords=["Baby Feeding Set", "Silicone Baby Bowl"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Silicone"},
            description="Food grade silicone, BPA free. Suction base keeps the bowl on the table.",
            price_mode=PRICE_MODE_LADDER,
            price_tiers=[PriceTier(min_qty=100, price_usd=4.2), PriceTier(min_qty=1000, price_usd=3.6)],
            unit="Set/Sets",
            sku_code="3924100000",
            lead_time=[LeadTime(max_qty=1000, days=15)],
            supply_ability=SupplyAbility(quantity=20000, unit="Set/Sets", period="月"),
            samples=Samples(supported=True, max_qty=2, price_usd=6.0),
            customization=["LOGO定制", "颜色定制", "外包装定制"],
            package_cm=(18.0, 18.0, 9.0),
            weight_kg=0.45,
            images=_images("feeding-set", 4),
            published_on=d(2022, 3, 16),  # before 02_store (03-20): 02.4.1 tiles it
            orders_90d=2,
            inquiries_30d=9,
            views_30d=610,
        ),
        _rts(
            id=3175,
            title=DEERC_TITLE,
            category="玩具 >> 遥控玩具",
            keywords=["RC Car", "Remote Control Truck", "FPV RC Car"],
            attributes={
                "place_of_origin": "China",
                "brand": "DEERC",
                "material": "Plastic",
                "model_number": "DE36W",
                "color": "Blue",
            },
            description="1/16 scale off-road truck with a 720P FPV camera. 2.4GHz remote control, 2 batteries.",
            unit="Piece/Pieces",
            price_tiers=[
                PriceTier(min_qty=2, price_usd=42.0),
                PriceTier(min_qty=50, price_usd=39.0),
                PriceTier(min_qty=200, price_usd=36.5),
            ],
            stock=800,
            sku_code="9503009000",
            lead_time=[LeadTime(max_qty=50, days=5), LeadTime(max_qty=200, days=10)],
            package_cm=(38.0, 22.0, 18.0),
            weight_kg=1.6,
            images=_images("deerc-de36w", 6),
            video=_video("deerc-de36w", 28),
            published_on=d(2022, 4, 1),
            orders_90d=18,
            inquiries_30d=26,
            views_30d=2400,
        ),
        _rts(
            id=3176,
            title=MUSHROOM_TITLE,
            category="玩具 >> 毛绒玩具",
            keywords=["Mushroom Plush Pillow"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Plush"},
            description="Soft mushroom pillow.",
            unit="Piece/Pieces",
            price_tiers=[PriceTier(min_qty=10, price_usd=5.5), PriceTier(min_qty=100, price_usd=4.8)],
            stock=1500,
            sku_code="9503004100",
            lead_time=[LeadTime(max_qty=100, days=7)],
            package_cm=(35.0, 35.0, 20.0),
            weight_kg=0.3,
            images=_images("mushroom-pillow", 2, px=(600, 600), kb=180),
            published_on=d(2022, 4, 2),
            orders_90d=4,
            inquiries_30d=5,
            views_30d=730,
        ),
        _rts(
            id=3177,
            title=BALANCE_BOARD_TITLE,
            category="玩具 >> 益智玩具",
            keywords=["Balance Board", "Wobble Board for Kids"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Plastic", "color": "Green"},
            description="Balance board with a marble maze. Trains balance and coordination. Load up to 80 kg.",
            unit="Piece/Pieces",
            price_tiers=[
                PriceTier(min_qty=2, price_usd=7.5),
                PriceTier(min_qty=50, price_usd=6.0),
                PriceTier(min_qty=500, price_usd=5.2),
            ],
            stock=3000,
            sku_code="9506910000",
            lead_time=[LeadTime(max_qty=500, days=7)],
            package_cm=(42.0, 30.0, 8.0),
            weight_kg=1.1,
            images=_images("balance-board", 5),
            published_on=d(2022, 4, 3),
            orders_90d=7,
            inquiries_30d=11,
            views_30d=1300,
        ),
        _rts(
            id=3178,
            title=VELVET_DRESS_TITLE,
            category="服装 >> 女装 >> 连衣裙",
            keywords=["Velvet Bodycon Dress", "Women Midi Dress", "Evening Party Dress"],
            attributes={
                "place_of_origin": "China",
                "brand": "DY",
                "material": "Velvet",
                "color": "Black",
                "size": "S, M, L, XL",
            },
            specs=["C10", "C11", "C12"],
            description="Velvet bodycon midi dress, long sleeves, ruched, slim fit. For evening parties.",
            unit="Piece/Pieces",
            price_tiers=[
                PriceTier(min_qty=2, price_usd=39.0),
                PriceTier(min_qty=100, price_usd=36.0),
                PriceTier(min_qty=500, price_usd=33.0),
            ],
            stock=2000,
            sku_code="6204430000",
            lead_time=[LeadTime(max_qty=100, days=5), LeadTime(max_qty=500, days=12)],
            package_cm=(30.0, 25.0, 3.0),
            weight_kg=0.4,
            images=_images("velvet-dress", 7, px=(750, 1000)),
            video=_video("velvet-dress", 24),
            published_on=d(2022, 4, 6),
            orders_90d=11,
            inquiries_30d=19,
            views_30d=1900,
        ),
        _rts(
            id=3179,
            title="Montessori Wooden Rainbow Stacking Toy Educational Toys for Toddlers Baby Color Sorting Game",
            category="玩具 >> 益智玩具",
            keywords=["Rainbow Stacking Toy", "Montessori Toys"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Wood", "color": "Multicolor"},
            description="12 wooden arches in rainbow colours. Water-based paint, smooth edges. For 1 year+.",
            unit="Set/Sets",
            price_tiers=[PriceTier(min_qty=5, price_usd=9.8), PriceTier(min_qty=100, price_usd=8.5)],
            stock=1200,
            sku_code="9503006000",
            lead_time=[LeadTime(max_qty=100, days=7)],
            package_cm=(30.0, 16.0, 8.0),
            weight_kg=0.9,
            images=_images("rainbow-stacker", 5),
            published_on=d(2022, 4, 8),
            orders_90d=3,
            inquiries_30d=8,
            views_30d=640,
        ),
        # Tasks 03.3.5 and 03.3.6 as the student publishes them (TASKS.md, verbatim).
        _rts(
            id=3180,
            title=(
                "Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide "
                "Bricks Toys 6 Children Gift"
            ),
            category="玩具 >> 积木",
            keywords=["Building Blocks Toys"],
            attributes={
                "place_of_origin": "China",
                "brand": "DY",
                "material": "Plastic",
                "scene": "Transportation",
                "feature": "Poisonless and Harmless",
                "color": "Red",
            },
            description=(
                "Specification:\nProduct type:Slide DIY Blocks\nAge: 8-13 years\nPiece:168pcs\nMaterial:ABS\n"
                "Color:Red\nSize:168pcs:16*16*12cm\n"
                "Note : You need DIY by yourself to build up the toy. Great for kids playing and studying."
            ),
            unit="Box/Boxes",
            price_tiers=[
                PriceTier(min_qty=1, price_usd=20.0),
                PriceTier(min_qty=50, price_usd=18.0),
                PriceTier(min_qty=100, price_usd=15.0),
            ],
            stock=1000,
            sku_code="6852000",
            lead_time=[LeadTime(max_qty=100, days=7)],
            package_cm=(20.0, 20.0, 10.0),
            weight_kg=0.5,
            images=_images("marble-race", 5),
            published_on=TASK_PRODUCTS_PUBLISHED_ON,
        ),
        _custom(
            id=3181,
            title=(
                "Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls "
                "Princess Kids Dresses"
            ),
            category="服装 >> 儿童服装 >> 儿童连衣裙",
            keywords=["Kids Dresses"],
            attributes={
                "place_of_origin": "China",
                "brand": "DY",
                "features": ["Washable", "Breathable", "Anti-static"],
                "color": "Pink",
                "size": "M",
            },
            sku_code="6204420000",
            description="Specification:\nSweet Princess pooping dress\nAge: 0-6 months\nMaterial:Cotton\nColor:Pink",
            unit="Piece/Pieces",
            price_tiers=[PriceTier(min_qty=50, price_usd=98.0), PriceTier(min_qty=100, price_usd=90.0)],
            lead_time=[LeadTime(max_qty=1000, days=7)],
            supply_ability=SupplyAbility(quantity=1000, unit="Piece/Pieces", period="周"),
            samples=Samples(supported=True, max_qty=5, price_usd=120.0),
            package_cm=(20.0, 20.0, 5.0),
            weight_kg=0.5,
            images=_images("kids-dress", 5),
            published_on=TASK_PRODUCTS_PUBLISHED_ON,
        ),
        # New products of the summer, for the new-product growth plan (07.9.3: published within 90 days).
        _rts(
            id=3185,
            title="Halloween Pumpkin Plush Toy Soft Stuffed Pumpkin Pillow Cute Holiday Decoration Gift for Kids",
            category="玩具 >> 毛绒玩具",
            keywords=["Pumpkin Plush Toy", "Halloween Plush"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Plush", "color": "Orange"},
            description="Soft pumpkin plush, 30 cm. PP cotton filling. Halloween decoration and gift.",
            unit="Piece/Pieces",
            price_tiers=[PriceTier(min_qty=10, price_usd=4.6), PriceTier(min_qty=200, price_usd=3.9)],
            stock=5000,
            sku_code="9503004100",
            lead_time=[LeadTime(max_qty=200, days=7)],
            package_cm=(32.0, 32.0, 15.0),
            weight_kg=0.25,
            images=_images("pumpkin-plush", 5),
            published_on=d(2022, 7, 12),
            orders_90d=2,
            inquiries_30d=4,
            views_30d=380,
        ),
        _rts(
            id=3186,
            title="Girls Autumn Long Sleeve Knitted Sweater Dress Kids Casual Princess Dress for 2-8 Years",
            category="服装 >> 儿童服装 >> 儿童连衣裙",
            keywords=["Girls Sweater Dress", "Kids Autumn Dress"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Cotton", "color": "Beige"},
            description="Knitted cotton sweater dress for girls, 2-8 years. Soft, warm and machine washable.",
            unit="Piece/Pieces",
            price_tiers=[PriceTier(min_qty=5, price_usd=8.9), PriceTier(min_qty=100, price_usd=7.6)],
            stock=2500,
            sku_code="6104420000",
            lead_time=[LeadTime(max_qty=100, days=7)],
            package_cm=(25.0, 20.0, 3.0),
            weight_kg=0.3,
            images=_images("sweater-dress", 6),
            published_on=d(2022, 8, 2),
            views_30d=210,
        ),
        _rts(
            id=3187,
            title="Magnetic Drawing Board for Toddlers Erasable Doodle Pad Kids Educational Painting Toy",
            category="玩具 >> 益智玩具",
            keywords=["Magnetic Drawing Board", "Doodle Board for Kids"],
            attributes={"place_of_origin": "China", "brand": "DY", "material": "Plastic", "color": "Blue"},
            description="Erasable magnetic drawing board with 4 stamps and a pen. No ink, no dust.",
            unit="Piece/Pieces",
            price_tiers=[PriceTier(min_qty=10, price_usd=3.2), PriceTier(min_qty=500, price_usd=2.7)],
            stock=6000,
            sku_code="9503006000",
            lead_time=[LeadTime(max_qty=500, days=10)],
            package_cm=(33.0, 28.0, 3.0),
            weight_kg=0.35,
            images=_images("magnetic-board", 4),
            published_on=d(2022, 8, 10),
            views_30d=150,
        ),
    ]


def image_bank() -> list[BankImage]:
    """The image bank (图片银行) on 2022-04-10: the product department's photos of the two task products,
    and a few that break a main-image rule or advice (too heavy, too small, not square)."""
    day = dt.date(2022, 4, 8)
    marble = ("正面", "侧面", "细节", "包装", "使用场景")
    dress = ("正面", "背面", "面料细节", "模特上身", "尺码表")
    out = [
        BankImage(
            id=f"IMG-MARBLE-0{i}",
            subject=f"弹珠轨道积木（Marble Race 168）：{what}",
            image=img,
            uploaded_on=day,
        )
        for i, (what, img) in enumerate(zip(marble, _images("marble-race-photo", 5, kb=380), strict=True), 1)
    ]
    out += [
        BankImage(id=f"IMG-DRESS-0{i}", subject=f"女童亮片公主裙：{what}", image=img, uploaded_on=day)
        for i, (what, img) in enumerate(zip(dress, _images("kids-gown-photo", 5, kb=350), strict=True), 1)
    ]
    odd = [
        ("IMG-RAW-01", "弹珠轨道积木：相机原图（未压缩）", (4000, 4000), 6_400),
        ("IMG-HEAVY-01", "弹珠轨道积木：高清大图", (2400, 2400), 3_900),
        ("IMG-SMALL-01", "女童亮片公主裙：手机截图", (480, 480), 60),
        ("IMG-BANNER-01", "店铺横幅：秋季新品", (1200, 400), 300),
    ]
    for pid, subject, px, kb in odd:
        (img,) = _images(pid.lower(), 1, px=px, kb=kb)
        out.append(BankImage(id=pid, subject=subject, image=img, uploaded_on=day))
    return out
