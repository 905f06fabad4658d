"""项目七 营销中心 · 外贸直通车: tasks 07.9.3 新品成长, 07.9.4 爆品助推, 07.9.5 搜索人群再营销, 07.9.6 定向推广,
and the knowledge checks 07.q10–07.q15.

The store's latest plan of the task's type is graded. Premiums are compared as the full resolved maps
(region or crowd → percent, every recommended one included), so ticking each recommended region at 150 %
by hand scores the same as "every other recommended region 150 %". "All products" is right when the plan
takes all products (新品成长: all new ones), whether by the 所有产品 tick or by choosing every one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from alisim_widgets.sim.p4p import RECOMMENDED_CROWDS, RECOMMENDED_REGIONS, resolve_premiums

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["P4P_EXPECTED", "PlanProducts"]

_DEERC = (
    "DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster Trucks "
    "for Kids Adults"
)
_MUSHROOM = "The Mushroom plush pillow"
ALL = "所有产品"


def _regions(**named: int) -> dict[str, int]:
    return resolve_premiums(named, RECOMMENDED_REGIONS)


def _crowds(**named: int) -> dict[str, int]:
    return resolve_premiums(named, RECOMMENDED_CROWDS)


# task id → (plan type, title, expected values by field key)
P4P_EXPECTED: dict[str, tuple[str, str, dict[str, Any]]] = {
    "07.9.3": ("新品成长", "新品成长计划", {
        "name": "新品成长计划", "products": ALL, "daily_budget_cny": 50, "weekly_budget": True,
        "bid_range_cny": (3, 5), "region_premiums": _regions(**{"*": 150}),
        "crowd_premiums": _crowds(**{"*": 200}),
    }),
    "07.9.4": ("爆品助推", "爆品助推", {
        "name": "玩具车产品助推计划", "products": [_DEERC], "daily_budget_cny": 100, "weekly_budget": True,
        "bid_range_cny": (5, 10), "region_premiums": _regions(**{"美国": 220, "俄罗斯": 220, "*": 150}),
        "crowd_premiums": _crowds(**{"*": 200}),
    }),
    "07.9.5": ("搜索人群再营销", "搜索人群再营销", {
        "name": "重点人群再推荐计划", "products": ALL, "daily_budget_cny": 100, "bid_range_cny": (3, 6),
        "region_premiums": _regions(**{"美国": 200, "德国": 200, "英国": 200, "俄罗斯": 200, "*": 150}),
        "crowd_premiums": _crowds(**{"蓝标买家": 200, "高回访买家": 200, "偏好RTS商品买家": 200, "*": 150}),
    }),
    "07.9.6": ("定向推广", "定向推广", {
        "name": "重点人群定向推广", "products": [_DEERC, _MUSHROOM], "daily_budget_cny": 150,
        "weekly_budget": True, "bid_range_cny": (5, 10), "region_premiums": _regions(**{"*": 150}),
        "crowd_premiums": _crowds(**{"*": 150}),
    }),
}  # fmt: skip


class PlanProducts(list):
    """The titles a plan promotes, and whether that is every product the plan type may take."""

    covers_all: bool = False


def _extract(plan_type: str):
    def extract(backend) -> dict[str, Any] | None:
        plans = [p for p in getattr(backend.state, "p4p_plans", []) or [] if p.plan_type == plan_type]
        if not plans:
            return None
        plan = plans[-1]  # saving goes last, so this is the latest submission
        area = backend.p4p
        promoted = area.plan_products(plan)
        products = PlanProducts(p.title for p in promoted)
        candidates = {p.id for p in area.candidates(plan_type)}
        products.covers_all = bool(candidates) and (plan.all_products or candidates <= set(plan.product_ids))
        return {
            "plan_type": plan.plan_type,
            "name": plan.name,
            "products": products,
            "daily_budget_cny": plan.daily_budget_cny,
            "weekly_budget": plan.weekly_budget,
            "bid_range_cny": (plan.bid_min_cny, plan.bid_max_cny),
            "region_premiums": dict(plan.region_premiums),
            "crowd_premiums": dict(plan.crowd_premiums),
        }

    return extract


def _products(actual: Any, expected: Any) -> bool:
    if expected == ALL:
        return bool(getattr(actual, "covers_all", False))
    norm = sorted(" ".join(str(t).split()).casefold() for t in actual)
    return norm == sorted(" ".join(t.split()).casefold() for t in expected)


def _bid_range(actual: Any, expected: Any) -> bool:
    return len(actual) == 2 and all(
        Decimal(str(a)) == Decimal(str(e)) for a, e in zip(actual, expected, strict=True)
    )


def _premiums(actual: Any, expected: Any) -> bool:
    return isinstance(actual, dict) and {k: int(v) for k, v in actual.items()} == expected


def _spec(task_id: str) -> TaskSpec:
    plan_type, title, values = P4P_EXPECTED[task_id]
    checks = [
        FieldCheck("plan_type", "推广类型", plan_type, "text"),
        FieldCheck("name", "计划名称", values["name"], "nospace"),
        FieldCheck("products", "推广产品", values["products"], _products, 2, hint="按任务说明选择推广产品"),
        FieldCheck("daily_budget_cny", "计划日预算", values["daily_budget_cny"], "number"),
    ]
    if "weekly_budget" in values:
        checks.append(FieldCheck("weekly_budget", "周预算", values["weekly_budget"], "exact"))
    checks += [
        FieldCheck("bid_range_cny", "出价区间", values["bid_range_cny"], _bid_range, hint="最低和最高出价都要对"),
        FieldCheck(
            "region_premiums", "地域溢价", values["region_premiums"], _premiums, 2,
            hint="逐个核对指定地域和其余推荐地域的溢价比例",
        ),
        FieldCheck(
            "crowd_premiums", "人群溢价", values["crowd_premiums"], _premiums, 2,
            hint="逐个核对指定人群和其余推荐人群的溢价比例",
        ),
    ]  # fmt: skip
    return TaskSpec(
        task_id,
        title,
        10,
        _extract(plan_type),
        tuple(checks),
        missing=f"还没有{plan_type}计划：请在“外贸直通车 · 新建推广计划”页面选择推广类型“{plan_type}”，填好后点击“保存计划”",
    )


register(
    *(_spec(t) for t in P4P_EXPECTED),
    quiz_spec("07.q10", "5e5cd17e58459db9c609e15d483ca04c32c88338e50ef2f1072b1e90d38751d9"),
    quiz_spec("07.q11", "8ab08c79d34b87e87fc306210203fc5f9d733f24724b596660f650ac6854410f"),
    quiz_spec("07.q12", "77ca126a84de5e370bef66bc2b4661cdca23690669b266e7656abd5fd6e9c830"),
    quiz_spec("07.q13", "1afc5709b743a766708f1d4bc3512902b82dfdb07a22a755a18c8f0e54d2b166"),
    quiz_spec("07.q14", "29ad193818148da065f54b43b4a54c88bba5a6ab086fbb79779cc8f50a1c9eb6"),
    quiz_spec("07.q15", "23d292225fe382bd27703e6cb07db936d8faccaad7a4a5656a7b6671f9c70426"),
)
