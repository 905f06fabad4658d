"""The textbook's data of tasks 07.9.3–07.9.6 (L4533–4605) as screen values, for the tests."""

from __future__ import annotations

from alisim_widgets.sim.scenarios.products_data import DEERC_TITLE

__all__ = ["P4P_TASKS"]

P4P_TASKS: dict[str, dict] = {
    "07.9.3": dict(
        plan_type="新品成长",
        name="新品成长计划",
        products="all",
        daily_budget_cny=50,
        weekly_budget=True,
        bid_range_cny=(3, 5),
        region_premiums={"*": 150},
        crowd_premiums={"*": 200},
    ),
    "07.9.4": dict(
        plan_type="爆品助推",
        name="玩具车产品助推计划",
        products=[DEERC_TITLE],
        daily_budget_cny=100,
        weekly_budget=True,
        bid_range_cny=(5, 10),
        region_premiums={"美国": 220, "俄罗斯": 220, "*": 150},
        crowd_premiums={"*": 200},
    ),
    "07.9.5": dict(
        plan_type="搜索人群再营销",
        name="重点人群再推荐计划",
        products="all",
        daily_budget_cny=100,
        bid_range_cny=(3, 6),
        region_premiums={"美国": 200, "德国": 200, "英国": 200, "俄罗斯": 200, "*": 150},
        crowd_premiums={"蓝标买家": 200, "高回访买家": 200, "偏好 RTS 商品买家": 200, "*": 150},
    ),
    "07.9.6": dict(
        plan_type="定向推广",
        name="重点人群定向推广",
        products=["DEERC DE36W RC Car", "The Mushroom plush pillow"],
        daily_budget_cny=150,
        weekly_budget=True,
        bid_range_cny=(5, 10),
        region_premiums={"*": 150},
        crowd_premiums={"*": 150},
    ),
}
