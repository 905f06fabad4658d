"""项目三 产品管理: tasks 03.3.5 (Ready to Ship) and 03.3.6 (Customization), knowledge checks 03.q1–03.q7.

A task's product is found among the products the student published in this project (not in the
scenario's starting store): the one that matches the task best, so publishing both products in any
order, or editing one, is graded on the right listing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from alisim_widgets.sim import categories
from alisim_widgets.sim.products_models import PRICE_MODE_LADDER

from ..compare import COMPARERS, norm_text
from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["product_values", "spec_lines"]


@cache
def _starting_ids() -> frozenset[int]:
    from alisim_widgets.sim.scenarios import build_scenario

    return frozenset(p.id for p in build_scenario("03_product").products)


def spec_lines(text: Any) -> str:
    """The specification lines of a description, compared whitespace-insensitively: line breaks, ``;``
    separators and leading bullets do not matter, the characters of every line and their order do."""
    lines = re.split(r"[\n;；]+", str(text))
    return "".join(re.sub(r"\s+", "", ln).lstrip("-•·*").casefold() for ln in lines)


def _same_spec(actual: Any, expected: Any) -> bool:
    return actual is not None and spec_lines(actual) == spec_lines(expected)


def _pairs(actual: Any, expected: Any) -> bool:
    """Lists of (quantity, number): same length, same quantities, numbers within half a cent."""
    if not isinstance(actual, (list, tuple)) or len(actual) != len(expected):
        return False
    return all(
        int(a[0]) == int(e[0]) and abs(float(a[1]) - float(e[1])) <= 0.005
        for a, e in zip(actual, expected, strict=True)
    )


def _dims(actual: Any, expected: Any) -> bool:
    """Package size in cm: the three sides in any order (20×20×10 and 10×20×20 are the same box)."""
    if not isinstance(actual, (list, tuple)) or len(actual) != 3:
        return False
    return all(
        abs(a - e) <= 0.05
        for a, e in zip(sorted(map(float, actual)), sorted(map(float, expected)), strict=True)
    )


def _category(actual: Any, expected: Any) -> bool:
    a, e = categories.find(str(actual)), categories.find(str(expected))
    return a is not None and a == e


def product_values(p) -> dict[str, Any]:
    """A saved product as the checks see it (field keys of TASKS.md)."""
    services = [*p.customization, *p.other_services]
    return {
        "category": p.category,
        "product_type": p.product_type,
        "title": p.title,
        "keywords": list(p.keywords),
        **{k: v for k, v in p.attributes.items()},
        "description": p.description,
        "price_mode": f"{p.price_mode}/{p.sell_by}" if p.is_rts else p.price_mode,
        "unit": p.unit,
        "price_tiers": [(t.min_qty, t.price_usd) for t in p.price_tiers],
        "stock": p.stock,
        "sku_code": p.sku_code,
        "lead_time": [(t.max_qty, t.days) for t in p.lead_time],
        "payment_methods": list(p.payment_methods),
        "shipping_mode": p.shipping_mode,
        "port": p.port,
        "supply_ability": (
            f"{p.supply_ability.quantity}/{p.supply_ability.period}" if p.supply_ability else None
        ),
        "samples": (f"支持/{p.samples.max_qty}/{p.samples.price_usd:g}" if p.samples.supported else "不支持"),
        "other_services": "、".join(services) if services else "无",
        "package_cm": p.package_cm,
        "weight_kg": p.weight_kg,
        "logistics_attribute": p.logistics_attribute,
        "freight_template": p.freight_template,
    }


def _matches(spec_fields: tuple[FieldCheck, ...], values: dict[str, Any]) -> float:
    got = 0.0
    for fc in spec_fields:
        compare = COMPARERS[fc.compare] if isinstance(fc.compare, str) else fc.compare
        actual = values.get(fc.key)
        try:
            got += fc.weight if actual not in (None, "", [], ()) and compare(actual, fc.expected) else 0
        except Exception:  # noqa: BLE001 - a hand-edited store only loses the match
            pass
    return got


def _extractor(fields_of):
    def extract(backend) -> dict[str, Any] | None:
        new = [p for p in backend.state.products if p.id not in _starting_ids()]
        if not new:
            return None
        fields = fields_of()
        best = max(new, key=lambda p: (_matches(fields, product_values(p)), p.id))
        return product_values(best)

    return extract


def _text_list(actual: Any, expected: Any) -> bool:
    return isinstance(actual, (list, tuple)) and [norm_text(a) for a in actual] == [
        norm_text(e) for e in expected
    ]


_ATTR_HINT = "对照任务资料检查商品属性"
RTS_FIELDS = (
    FieldCheck("category", "产品类目", "玩具 >> 积木", _category, hint="用类目搜索或逐级选到最后一级"),
    FieldCheck("product_type", "产品类型", "Ready to Ship", "text"),
    FieldCheck(
        "title",
        "产品名称",
        "Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks Toys 6 "
        "Children Gift",
        "text",
        hint="逐字对照任务资料",
    ),  # fmt: skip
    FieldCheck("keywords", "产品关键词", ["Building Blocks Toys"], _text_list),
    FieldCheck("place_of_origin", "原产地", "China", "text", hint=_ATTR_HINT),
    FieldCheck("brand", "品牌", "DY", "text", hint=_ATTR_HINT),
    FieldCheck("material", "材质", "Plastic", "text", hint=_ATTR_HINT),
    FieldCheck("scene", "使用场景", "Transportation", "text", hint=_ATTR_HINT),
    FieldCheck("feature", "产品特性", "Poisonless and Harmless", "text", hint=_ATTR_HINT),
    FieldCheck("color", "颜色", "Red", "text", hint=_ATTR_HINT),
    FieldCheck(
        "description",
        "详细描述",
        "Specification:\nProduct type:Slide DIY Blocks\nAge: 8-13 years\nPiece:168pcs\nMaterial:ABS\nColor:Red\n"
        "Size:168pcs:16*16*12cm\nNote : You need DIY by yourself to build up the toy. Great for kids playing and studying.",
        _same_spec,
        hint="逐行对照任务资料里的规格说明",
    ),  # fmt: skip
    FieldCheck(
        "price_mode",
        "价格设置方式",
        f"{PRICE_MODE_LADDER}/按件卖",
        "text",
        hint="按数量设置价格，并注意销售方式",
    ),
    FieldCheck("unit", "计量单位", "Box/Boxes", "text"),
    FieldCheck(
        "price_tiers",
        "阶梯价格",
        [(1, 20.00), (50, 18.00), (100, 15.00)],
        _pairs,
        hint="每一档的起订量和单价都要对",
    ),
    FieldCheck("stock", "可售数量", 1000, "number"),
    FieldCheck("sku_code", "商品编码", "6852000", "text"),
    FieldCheck("lead_time", "发货期", [(100, 7)], _pairs, hint="数量范围和天数"),
    FieldCheck("package_cm", "包装尺寸", (20, 20, 10), _dims),
    FieldCheck("weight_kg", "毛重", 0.5, "number"),
    FieldCheck("logistics_attribute", "物流属性", "普货", "text"),
    FieldCheck("freight_template", "运费模板", "系统默认运费模板", "text"),
    FieldCheck("samples", "样品服务", "不支持", "text", hint="任务说明里是否支持样品"),
    FieldCheck("other_services", "定制及其他服务", "无", "text", hint="任务说明里是否支持其他服务"),
)

CUSTOM_FIELDS = (
    FieldCheck(
        "category", "产品类目", "服装 > 儿童服装 > 儿童连衣裙", _category, hint="用类目搜索或逐级选到最后一级"
    ),
    FieldCheck("product_type", "产品类型", "Customization", "text"),
    FieldCheck(
        "title",
        "产品名称",
        "Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls Princess Kids "
        "Dresses",
        "text",
        hint="逐字对照任务资料",
    ),  # fmt: skip
    FieldCheck("keywords", "产品关键词", ["Kids Dresses"], _text_list),
    FieldCheck("place_of_origin", "原产地", "China", "text", hint=_ATTR_HINT),
    FieldCheck("brand", "品牌", "DY", "text", hint=_ATTR_HINT),
    FieldCheck("features", "产品特性", ["Washable", "Breathable", "Anti-static"], "set", hint=_ATTR_HINT),
    FieldCheck("color", "颜色", "Pink", "text", hint=_ATTR_HINT),
    FieldCheck("size", "尺码", "M", "text", hint=_ATTR_HINT),
    FieldCheck("sku_code", "商品编码", "6204420000", "text"),
    FieldCheck(
        "description",
        "详细描述",
        "Specification:\nSweet Princess pooping dress\nAge: 0-6 months\nMaterial:Cotton\nColor:Pink",
        _same_spec,
        hint="逐行对照任务资料里的规格说明",
    ),  # fmt: skip
    FieldCheck("price_mode", "价格设置方式", PRICE_MODE_LADDER, "text", hint="任务要求按数量设置阶梯价"),
    FieldCheck("unit", "计量单位", "Piece/Pieces", "text"),
    FieldCheck(
        "price_tiers", "阶梯价格", [(50, 98.00), (100, 90.00)], _pairs, hint="每一档的起订量和单价都要对"
    ),
    FieldCheck("payment_methods", "支付方式", ["L/C", "T/T", "Western Union"], "set"),
    FieldCheck("lead_time", "发货期", [(1000, 7)], _pairs, hint="数量范围和天数"),
    FieldCheck("shipping_mode", "物流方式", "海运", "text"),
    FieldCheck("port", "港口", "shanghai", "text"),
    FieldCheck("supply_ability", "供货能力", "1000/周", "text", hint="数量和周期"),
    FieldCheck("samples", "样品服务", "支持/5/120", "text", hint="单次最多索样数量和样品单价"),
    FieldCheck("package_cm", "包装尺寸", (20, 20, 5), _dims),
    FieldCheck("weight_kg", "毛重", 0.5, "number"),
    FieldCheck("logistics_attribute", "物流属性", "普货", "text"),
    FieldCheck("freight_template", "运费模板", "系统默认运费模板", "text"),
    FieldCheck("other_services", "其他服务", "无", "text", hint="任务说明里是否支持其他服务"),
)

_MISSING = "还没有发布这个产品：请在发布产品页面填写并点击“提交”"
register(
    TaskSpec(
        "03.3.5", "发布直接下单品（Ready to Ship）", 20, _extractor(lambda: RTS_FIELDS), RTS_FIELDS, _MISSING
    ),
    TaskSpec(
        "03.3.6",
        "发布非直接下单品（Customization）",
        20,
        _extractor(lambda: CUSTOM_FIELDS),
        CUSTOM_FIELDS,
        _MISSING,
    ),
    quiz_spec("03.q1", "d61608141059c836aa2ed1c9d85c0bd5ecb8dbf04d1ea5d96197134ad61bf28d"),
    quiz_spec("03.q2", "39b9b8499dbb885727d3651fcfdb387ed891859e0b3507045aeddca3e81b8e08"),
    quiz_spec("03.q3", "3e80c49e1ae7ba7a37b146274d0a450aec1f094698dbdd1fc291b655424ae8c7"),
    quiz_spec("03.q4", "32a31b2661da25222d2ac0a30d9906a669dcdb5406486f0ad5c7e491aece6e84"),
    quiz_spec("03.q5", "6693daa0b152b763951d1251da2a70aaaf98f77ee0af9b4a1a70c746bc895244"),
    quiz_spec("03.q6", "1445d5438b2f5b66b1112c60aade072bd76df16f8997a37cc76c96abdf42b0b2"),
    quiz_spec("03.q7", "0c27f07ee0b51c86493bcdbc63c5e07525fad6e95a8062561bd85a5dce22a3cf"),
    quiz_spec("03.q8", "fca72f49fd7315a2d686b165c1299ae63df6cffe448fc59ed9e7508b62b7548b"),
    quiz_spec("03.q9", "5994e1741011e185898199b5b868c9a197d75c058cf6b403e2ed876c941f8295"),
    quiz_spec("03.q10", "97e8e189a7b1e004d43f93147e668290a6022a260861fc7282793831f05d828e"),
)
