"""项目六 客群管理: tasks 06.3.4, 06.3.5, 06.8.3, 06.8.4, 06.8.5 and the knowledge checks 06.q1-06.q8.

Each task reads the store's object of the task's name, or the latest one of its kind when the name is wrong
(then the name is marked wrong and the other fields still count). The dynamic group is checked by its
conditions, never by its members: who belongs to it changes with the data and the scenario clock.
"""

from __future__ import annotations

from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["TASK_06_3_4", "TASK_06_3_5", "TASK_06_8_3", "TASK_06_8_4", "TASK_06_8_5"]

TASK_06_3_4 = {
    "name": "重点客户群",
    "scope": "我的客户",
    "description": "回购重点人群",
    "customers": ["Kouakouanicet Kouassi", "AsifVarachia", "David Timko"],
}
TASK_06_3_5 = {
    "name": "高潜复购动态客群",
    "countries": ["美国", "巴西", "俄罗斯联邦"],
    "inquiry_within_days": 30,
}
TASK_06_8_3 = {
    "base_template": "2022-9月采购节新品发布",
    "name": "新品促销模板",
    "description": "新品促销",
    "subject": "Here's a coupon for a new product",
    "content": "The dress Sale is coming!Our shop will be on Big sale at that time!I recommend some of the hot "
    "sale product to you.",
}
TASK_06_8_4 = {
    "title": "New arrivals selected for you",
    "product": "DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster "
    "Trucks for Kids Adults",
    "quantity": 5,
    "unit": "Box(es)",
    "unit_price": 35,
    "message": "Dear friends, here are the commodities and coupons you need, please check, if you have any "
    "questions, please contact me.",
}
TASK_06_8_5 = {
    "name": "新贸节客户促销",
    "group": "店铺兴趣客户",
    "start": "2022-08-25",
    "end": "2022-08-31",
    "description": "Dear my friend, hope you everything goes perfect. The September purchasing Festival is coming "
    "soon, if you have purchasing plan, it is necessary to start it in advance. Otherwise, according to our "
    "experience, during that time the freight will rise, and the product may be out of stock, our production "
    "line need to arrange orders. It's the most cost-effective time to place an order now. You can receive the "
    "goods in time and save the freight.",
    "channel": "营销邮件",
    "template": "系统内置邮件模板",
    "send": "立即发送",
    "activate": "活动生效",
}


def _pick(items: list[Any], name: str, kind: str | None = None) -> Any:
    if kind is not None:
        items = [i for i in items if i.kind == kind]
    if not items:
        return None
    return next((i for i in reversed(items) if i.name == name), items[-1])


def _fixed_group(backend) -> dict[str, Any] | None:
    group = _pick(list(backend.state.crm.groups), TASK_06_3_4["name"], "固定客群")
    if group is None:
        return None
    names = {c.id: c.name for c in backend.state.customers}
    return {
        "name": group.name,
        "scope": group.scope,
        "description": group.description,
        "customers": [names.get(i, i) for i in group.customer_ids],
    }


def _dynamic_group(backend) -> dict[str, Any] | None:
    group = _pick(list(backend.state.crm.groups), TASK_06_3_5["name"], "动态客群")
    if group is None or group.conditions is None:
        return None
    cond = group.conditions
    others = [
        label
        for label, value in (
            ("客户来源渠道", cond.sources),
            ("访问店铺", cond.visit_within_days),
            ("下单", cond.order_within_days),
        )
        if value
    ]
    return {
        "name": group.name,
        "countries": list(cond.countries),
        "inquiry_within_days": cond.inquiry_within_days,
        "others": "、".join(others) or "无",
    }


def _template(backend) -> dict[str, Any] | None:
    templates = list(backend.state.edm.templates)
    if not templates:
        return None
    t = next((x for x in reversed(templates) if x.name == TASK_06_8_3["name"]), templates[-1])
    sent = any(m.template_id == t.id for m in backend.state.edm.test_mails)
    return {
        "base_template": t.base or "（新建模板）",
        "name": t.name,
        "description": t.description,
        "subject": t.subject,
        "content": t.content,
        "sent": "已发送" if sent else "未发送",
    }


def _insite(backend) -> dict[str, Any] | None:
    sent = list(backend.state.edm.insite)
    if not sent:
        return None
    s = next((x for x in reversed(sent) if x.title == TASK_06_8_4["title"]), sent[-1])
    titles = {p.id: p.title for p in backend.state.products}
    return {
        "title": s.title,
        "product": titles.get(s.product_id, f"#{s.product_id}"),
        "quantity": s.quantity,
        "unit": s.unit,
        "unit_price": s.unit_price,
        "message": s.message,
        "audience": "智能圈客" if s.smart and s.customer_ids else "其他",
    }


def _campaign(backend) -> dict[str, Any] | None:
    campaigns = list(backend.state.edm.campaigns)
    if not campaigns:
        return None
    c = next((x for x in reversed(campaigns) if x.name == TASK_06_8_5["name"]), campaigns[-1])
    return {
        "name": c.name,
        "group": c.group,
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "description": c.description,
        "channel": c.channel,
        "template": c.template,
        "send": c.send,
        "activate": "活动生效" if c.active else "草稿",
    }


_T = TASK_06_3_4
_D = TASK_06_3_5
_M = TASK_06_8_3
_I = TASK_06_8_4
_C = TASK_06_8_5

register(
    TaskSpec(
        "06.3.4",
        "新建固定客群",
        5,
        _fixed_group,
        (
            FieldCheck("name", "名称", _T["name"], "nospace"),
            FieldCheck("scope", "范围", _T["scope"], "text"),
            FieldCheck("description", "描述", _T["description"], "nospace"),
            FieldCheck("customers", "客户", _T["customers"], "set", 2, hint="只勾选任务列出的回购重点客户"),
        ),
        missing="还没有新建固定客群：请在“新建固定客群”页面填写并勾选客户后提交",
    ),
    TaskSpec(
        "06.3.5",
        "新建动态客群",
        5,
        _dynamic_group,
        (
            FieldCheck("name", "客群名称", _D["name"], "nospace"),
            FieldCheck("countries", "国家地区", _D["countries"], "set", 2, hint="按任务说明选择国家"),
            FieldCheck(
                "inquiry_within_days",
                "询盘行为",
                _D["inquiry_within_days"],
                "number",
                hint="看清是近多少天内",
            ),
            FieldCheck("others", "其他条件", "无", "text", hint="任务只要求国家和询盘两个条件"),
        ),
        missing="还没有新建动态客群：请在“新建动态客群”页面设置条件后创建",
    ),
    TaskSpec(
        "06.8.3",
        "新建 EDM 邮件模板",
        6,
        _template,
        (
            FieldCheck(
                "base_template",
                "模板库模板",
                _M["base_template"],
                "text",
                hint="以任务指定的模板库模板为基础",
            ),
            FieldCheck("name", "模板名称", _M["name"], "nospace"),
            FieldCheck("description", "描述", _M["description"], "nospace"),
            FieldCheck("subject", "邮件主题", _M["subject"], "text", hint="按任务说明逐字填写"),
            FieldCheck("content", "邮件内容", _M["content"], "nospace", hint="按任务说明逐字填写"),
            FieldCheck("sent", "发送邮件", "已发送", "text", hint="模板发布后还要发送邮件"),
        ),
        missing="还没有新建邮件模板：请在“模板管理”页面选择模板库模板、填写后发布",
    ),
    TaskSpec(
        "06.8.4",
        "智能圈客站内营销",
        6,
        _insite,
        (
            FieldCheck("title", "营销邮件标题", _I["title"], "text"),
            FieldCheck("product", "产品", _I["product"], "text", 2, hint="选择任务指定的已发布商品"),
            FieldCheck("quantity", "数量", _I["quantity"], "number"),
            FieldCheck("unit", "单位", _I["unit"], "text"),
            FieldCheck("unit_price", "单价", _I["unit_price"], "number"),
            FieldCheck("message", "营销信息", _I["message"], "nospace", hint="按任务说明逐字填写"),
            FieldCheck("audience", "营销客户", "智能圈客", "text"),
        ),
        missing="还没有发送智能圈客站内营销：请在“智能圈客站内营销”页面填写后发送",
    ),
    TaskSpec(
        "06.8.5",
        "新建 EDM 营销邮件",
        8,
        _campaign,
        (
            FieldCheck("name", "活动名称", _C["name"], "nospace"),
            FieldCheck("group", "客户分群", _C["group"], "text", hint="看清任务要营销的客群"),
            FieldCheck("start", "活动开始日期", _C["start"], "text"),
            FieldCheck("end", "活动结束日期", _C["end"], "text"),
            FieldCheck("description", "描述", _C["description"], "nospace", 2, hint="按任务说明逐字填写"),
            FieldCheck("channel", "投放渠道", _C["channel"], "text"),
            FieldCheck("template", "邮件模板", _C["template"], "text"),
            FieldCheck("send", "发送时间", _C["send"], "text"),
            FieldCheck("activate", "活动生效", _C["activate"], "text", hint="保存为草稿不会发送"),
        ),
        missing="还没有新建 EDM 营销活动：请在“新建EDM营销”页面填写后点击“活动生效”",
    ),
    quiz_spec("06.q1", "55f3728803b75aadd889cf52d56e957b9fb39e5642d018a3fd0b437fbed39ba7"),
    quiz_spec("06.q2", "c104f3d1359658088ba0c3f8e1612edfa07cb67f412687d4dabb10a0f062cf56"),
    quiz_spec("06.q3", "59d0832a9f6ba4bd9baf495b4c23d52300eeb418d4ba76fd4b576ed2a85dfd0a"),
    quiz_spec("06.q4", "54a1cfc8f0753281df7b2360bb083ac8d19546d3887950f1bb6b1460ee58f577"),
    quiz_spec("06.q5", "7cef8eb411abe28878d9594abd4e065b0f54dfcfe2d89c5631938c68816e2065"),
    quiz_spec("06.q6", "171c63a85389bea25fbb03b0aed53ec0e0e78f6ccc8d843454457d1104446579"),
    quiz_spec("06.q7", "30f09a3e978ccc31067bec81b659978a6cb11e3ba514e67e2b971a972e74d86b"),
    quiz_spec("06.q8", "1499da667194e645d26c11163a9fda1970dd058d72eaf6a05aeeaa1b847996a2"),
)
