"""The growth score of the product workbench (its stated rules), diagnostics and duplicate listings."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.product_workbench import (
    REACHED,
    duplicate_groups,
    duplicate_signals,
    growth_score,
    is_duplicate,
    workbench_rows,
)
from alisim_widgets.sim.products_models import ImageMeta, LeadTime, PriceTier, Product, Samples, VideoMeta
from alisim_widgets.sim.scenarios.storyline import storyline_products


@pytest.fixture
def store():
    return aw.open_backend("03_product", path=None)


def _img(i: int, px: int = 800, kb: int = 200) -> ImageMeta:
    return ImageMeta(
        name=f"{i}.jpg", format="JPEG", width=px, height=px, size_bytes=kb * 1024, sha1=f"sha{i}"
    )


def full_marks_product(**changes) -> Product:
    """A product that earns every point of the simulator's formula (documented in product_workbench)."""
    values = dict(
        id=1, product_type="Ready to Ship", category="玩具 >> 积木",
        title="Wooden Building Blocks Set 100 Pcs Kids Early Learning Toy Gift",  # 63 characters
        keywords=["Wooden Blocks", "Building Blocks Toys", "Kids Learning Toy"],
        attributes={"place_of_origin": "China", "brand": "DY", "material": "Wood", "scene": "Home",
                    "feature": "Eco-friendly", "color": "Red", "model_number": "B100"},
        description="x" * 200,
        price_tiers=[PriceTier(min_qty=2, price_usd=9), PriceTier(min_qty=100, price_usd=8)],
        stock=500, lead_time=[LeadTime(max_qty=100, days=5)], samples=Samples(supported=True, max_qty=2, price_usd=9),
        customization=["LOGO定制"], images=[_img(i) for i in range(5)],
        video=VideoMeta(source="upload", name="v.mp4", seconds=30, width=1280, height=720, size_bytes=1000),
        published_on=dt.date(2022, 4, 1), orders_90d=10, inquiries_30d=10,
    )  # fmt: skip
    values.update(changes)
    return Product(**values)


def test_a_complete_product_scores_100():
    g = growth_score(full_marks_product())
    assert [(d.name, d.points, d.max_points) for d in g.dimensions] == [
        ("产品优势", 25, 25), ("内容表达", 35, 35), ("行业特色", 20, 20), ("交易表现", 20, 20)
    ]  # fmt: skip
    assert g.extra == 5 and g.total == 100 and g.advice == [] and g.violations == []


@pytest.mark.parametrize(
    "changes,dimension,lost",
    [
        ({"samples": Samples()}, "产品优势", 4),
        ({"customization": []}, "产品优势", 4),
        ({"lead_time": [LeadTime(max_qty=100, days=8)]}, "产品优势", 2),
        ({"price_tiers": [PriceTier(min_qty=2, price_usd=9)]}, "产品优势", 4),
        ({"keywords": ["Wooden Blocks"]}, "内容表达", 3),
        ({"images": [_img(i) for i in range(4)]}, "内容表达", 2),  # 4 images: 6 instead of 8
        ({"images": [_img(0, px=600), *[_img(i) for i in range(1, 5)]]}, "内容表达", 2),  # one under 640 px
        ({"video": None}, "内容表达", 7),
        ({"description": "short"}, "内容表达", 2),
        ({"title": "Wooden Building Blocks Set 100 Pcs Kids Toy"}, "内容表达", 2),  # 43 characters
        ({"orders_90d": 5}, "交易表现", 4),
        ({"inquiries_30d": 0}, "交易表现", 8),
    ],
)
def test_each_rule_of_the_formula(changes, dimension, lost):
    g = growth_score(full_marks_product(**changes))
    assert g.dimension(dimension).max_points - g.dimension(dimension).points == lost
    assert g.dimension(dimension).advice, "a lost point comes with advice"


def test_missing_attributes_lower_the_industry_dimension():
    attrs = {"place_of_origin": "China", "brand": "DY", "material": "Wood"}  # required only
    d = growth_score(full_marks_product(attributes=attrs)).dimension("行业特色")
    assert d.points == 10 and "场景" in d.advice[0]


def test_reached_at_80_percent():
    d = growth_score(full_marks_product(video=None, description="short")).dimension("内容表达")
    assert d.points == 26 and d.target == 35 * REACHED == 28 and d.status == "待优化" and d.gap == 2
    d = growth_score(full_marks_product(video=None)).dimension("内容表达")
    assert d.points == 28 and d.status == "已达标"


def test_a_title_violation_costs_points_and_extra():
    g = growth_score(
        full_marks_product(title="Board Board Board Wooden Blocks Set for Kids Learning Toy Gift Pcs")
    )
    assert g.violations and "“board”出现了 3 次" in g.violations[0]
    assert g.dimension("内容表达").points == 25 and g.extra == 0


def test_duplicates_share_at_least_three_signals():
    a = full_marks_product()
    b = full_marks_product(
        id=2, title="Other Title Entirely for the Same Blocks", published_on=dt.date(2022, 4, 2)
    )
    assert duplicate_signals(a, b) == ["主图", "属性", "详细描述", "价格", "商品编码和包装"]
    assert is_duplicate(a, b)
    c = full_marks_product(id=3, category="玩具 >> 益智玩具")
    assert duplicate_signals(a, c) == [] and not is_duplicate(a, c)
    d = full_marks_product(
        id=4, images=[_img(9)], attributes={"place_of_origin": "China", "brand": "DY", "material": "Metal"},
        description="y" * 200, price_tiers=[PriceTier(min_qty=5, price_usd=3)],
    )  # fmt: skip
    assert duplicate_signals(a, d) == ["商品编码和包装"] and not is_duplicate(a, d)
    g = growth_score(b, [a, b])
    assert "重复铺货：与 ID 1" in g.violations[0] and g.extra == 0


def test_the_scenario_store(store):
    rows = {r["id"]: r for r in workbench_rows(store.state.products)}
    assert rows[3177]["违规"] == 1 and "board" in rows[3177]["growth"].violations[0]
    assert rows[3169]["违规"] == 1 and rows[3168]["违规"] == 1
    assert duplicate_groups(store.state.products) == [[3168, 3169]]
    assert all(0 <= r["score"] <= 100 for r in rows.values())
    assert {r["product_type"] for r in rows.values()} == {"Ready to Ship", "Customization"}


def test_scores_are_deterministic():
    a = [r["score"] for r in workbench_rows(storyline_products(dt.date(2022, 8, 20)))]
    b = [r["score"] for r in workbench_rows(storyline_products(dt.date(2022, 8, 20)))]
    assert a == b


def test_storyline_products_by_date():
    on_03 = {p.id for p in storyline_products(dt.date(2022, 4, 10))}
    assert {3175, 3176, 3177, 3178, 3179} <= on_03 and 3180 not in on_03  # the task products come from 03
    later = {p.id for p in storyline_products(dt.date(2022, 8, 20))}
    assert {3180, 3181, 3185, 3186, 3187} <= later
    assert all(p.product_type == "Ready to Ship" for p in storyline_products() if p.id in range(3175, 3180))
