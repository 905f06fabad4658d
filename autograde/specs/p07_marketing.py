"""项目七 营销中心: tasks 07.2.5 (满减券), 07.2.6 (折扣营销), 07.2.7 (满折券) and the knowledge checks 07.q1–07.q9.

A coupon task grades the store's latest coupon of that type; when there is none, the latest coupon with the
task's title (the type was chosen wrong: every other field can still earn its share). The discount task
grades the latest discount activity. The P4P tasks are in ``p07_p4p``.
"""

from __future__ import annotations

from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["TASK_07_2_5", "TASK_07_2_6", "TASK_07_2_7"]

# The textbook's data (L3831-3840, L3850-3856, L3865-3875), by canonical key (TASKS.md).
TASK_07_2_5 = {
    "coupon_type": "满减券",
    "title": "9月外贸节满减优惠券",
    "scene": "详情页/旺铺",
    "valid_from": "2022-09-01",
    "valid_to": "2022-09-30",
    "threshold_usd": 300,
    "discount_usd": 30,
    "quantity": 1000,
    "scope": "全店铺",
    "audience": "全部买家",
    "publish": "立即发布",
}
TASK_07_2_6 = {
    "name": "9月外贸节专享折扣",
    "valid_from": "2022-09-15",
    "valid_to": "2022-09-30",
    "audience": "所有人群",
    "product_ids": [3175, 3176, 3177, 3178, 3179],
    "stock_each": 500,
    "discount": "9折",
}
TASK_07_2_7 = {
    "coupon_type": "满折券",
    "title": "9月外贸节满折优惠券",
    "valid_from": "2022-09-01",
    "valid_to": "2022-09-30",
    "discount": "7折",
    "quantity": 100,
    "max_discount_usd": 600,
    "threshold_usd": 200,
    "scope": "全店铺",
    "audience": "全部买家",
    "publish": "立即发布",
}


def _coupon_values(c: Any) -> dict[str, Any]:
    return {
        "coupon_type": c.coupon_type,
        "title": c.title,
        "scene": c.scene,
        "valid_from": c.valid_from.isoformat(),
        "valid_to": c.valid_to.isoformat(),
        "threshold_usd": c.threshold_usd,
        "discount_usd": c.discount_usd,
        "discount": c.discount,
        "max_discount_usd": c.max_discount_usd,
        "quantity": c.quantity,
        "scope": c.scope,
        "audience": c.audience,
        "publish": c.publish,
    }


def _latest_coupon(kind: str, title: str):
    def extract(backend) -> dict[str, Any] | None:
        coupons = list(backend.state.marketing.coupons)
        of_kind = [c for c in coupons if c.coupon_type == kind]
        if of_kind:
            return _coupon_values(of_kind[-1])
        named = [c for c in coupons if "".join(c.title.split()) == "".join(title.split())]
        return _coupon_values(named[-1]) if named else None

    return extract


def _latest_discount(backend) -> dict[str, Any] | None:
    discounts = list(backend.state.marketing.discounts)
    if not discounts:
        return None
    d = discounts[-1]
    return {
        "name": d.name,
        "valid_from": d.valid_from.isoformat(),
        "valid_to": d.valid_to.isoformat(),
        "audience": d.audience,
        "product_ids": [str(pid) for pid in d.product_ids],
        "stock_each": d.stock_each,
        "discount": d.discount,
    }


def _period_checks(task: dict[str, Any]) -> tuple[FieldCheck, ...]:
    return (
        FieldCheck("valid_from", "有效期开始", task["valid_from"], "text", hint="按任务说明的日期填写"),
        FieldCheck("valid_to", "有效期结束", task["valid_to"], "text", hint="按任务说明的日期填写"),
    )


register(
    TaskSpec(
        "07.2.5",
        "设置满减优惠券",
        10,
        _latest_coupon("满减券", TASK_07_2_5["title"]),
        (
            FieldCheck("coupon_type", "优惠券类型", TASK_07_2_5["coupon_type"], "text"),
            FieldCheck("title", "券标题", TASK_07_2_5["title"], "nospace"),
            FieldCheck("scene", "使用场景", TASK_07_2_5["scene"], "text"),
            *_period_checks(TASK_07_2_5),
            FieldCheck(
                "threshold_usd", "使用门槛", TASK_07_2_5["threshold_usd"], "number", hint="“满 X 减 Y”里的 X"
            ),
            FieldCheck(
                "discount_usd", "优惠面额", TASK_07_2_5["discount_usd"], "number", hint="“满 X 减 Y”里的 Y"
            ),
            FieldCheck("quantity", "优惠券发行量", TASK_07_2_5["quantity"], "number"),
            FieldCheck("scope", "使用范围", TASK_07_2_5["scope"], "text"),
            FieldCheck("audience", "使用人群", TASK_07_2_5["audience"], "text"),
            FieldCheck("publish", "发布方式", TASK_07_2_5["publish"], "text"),
        ),
        missing="还没有创建满减券：请在“创建优惠券”页面填写后点击“创建并发布”",
    ),
    TaskSpec(
        "07.2.6",
        "设置折扣营销",
        10,
        _latest_discount,
        (
            FieldCheck("name", "活动名称", TASK_07_2_6["name"], "nospace"),
            *_period_checks(TASK_07_2_6),
            FieldCheck("audience", "活动人群", TASK_07_2_6["audience"], "text"),
            FieldCheck(
                "product_ids",
                "活动商品ID",
                [str(i) for i in TASK_07_2_6["product_ids"]],
                "set",
                2,
                hint="只选任务列出的商品",
            ),  # fmt: skip
            FieldCheck("stock_each", "活动库存", TASK_07_2_6["stock_each"], "number"),
            FieldCheck("discount", "优惠方式", TASK_07_2_6["discount"], "nospace"),
        ),
        missing="还没有创建折扣活动：请在“折扣营销”页面填写后点击“创建活动”",
    ),
    TaskSpec(
        "07.2.7",
        "设置满折优惠券",
        10,
        _latest_coupon("满折券", TASK_07_2_7["title"]),
        (
            FieldCheck("coupon_type", "优惠券类型", TASK_07_2_7["coupon_type"], "text"),
            FieldCheck("title", "券标题", TASK_07_2_7["title"], "nospace"),
            *_period_checks(TASK_07_2_7),
            FieldCheck("discount", "优惠折扣", TASK_07_2_7["discount"], "nospace"),
            FieldCheck("quantity", "优惠券发行量", TASK_07_2_7["quantity"], "number"),
            FieldCheck("max_discount_usd", "优惠额上限", TASK_07_2_7["max_discount_usd"], "number"),
            FieldCheck("threshold_usd", "使用门槛", TASK_07_2_7["threshold_usd"], "number"),
            FieldCheck("scope", "使用范围", TASK_07_2_7["scope"], "text"),
            FieldCheck("audience", "使用人群", TASK_07_2_7["audience"], "text"),
            FieldCheck("publish", "发布方式", TASK_07_2_7["publish"], "text"),
        ),
        missing="还没有创建满折券：请在“创建优惠券”页面选择“满折券”，填写后点击“创建并发布”",
    ),
    quiz_spec("07.q1", "6fbdb22a10eafefaae9e51b11b9076c2d610ccf750685192cf5f61978dd66885"),
    quiz_spec("07.q2", "cc301882daa084b74c896101c0d2d90126b19bff6b1645945988f116866754f7"),
    quiz_spec("07.q3", "157d492c9ad1a9bb2ff939b7095a71de59c8a8c7e0d9c4fa03dcf18dacdc08a8"),
    quiz_spec("07.q4", "be77b08ccd1edbe41dc168052ce5fbd2cfae90ed88a08303c9a925e3de1e6ac3"),
    quiz_spec("07.q5", "6d73fa2d8d3785dc74907b80fecbbffb2d113362caab6903bba6db6cce579181"),
    quiz_spec("07.q6", "e74ea8be2630108fce5f5c85252cb13563b1aa8c4c519a364e33ed273ce14506"),
    quiz_spec("07.q7", "49da3d06da92e2e67c129550a9a820f85c95df2c8d2cc6b632c02dd0f23a80f5"),
    quiz_spec("07.q8", "e233a74c85b83cdd3f1c2f5cc8a0a3d2c72619919cda43285b0610906de29384"),
    quiz_spec("07.q9", "29c60f57db96f9881d8a5f8f81c402822a4fe6c79502e5c5eb3eb1cbb696f67b"),
)
