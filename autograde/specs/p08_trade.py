"""项目八 交易管理: tasks 08.1.4 (起草信保订单), 08.1.5 (从询盘起草线上信保订单), 08.2.3 (设置运费模板) and the
knowledge checks 08.q1–08.q8.

The latest order drafted on the 起草信用保障订单 page (no inquiry) is graded for 08.1.4, the latest drafted from
an inquiry for 08.1.5, and the latest saved freight template for 08.2.3. Totals and balances are the
simulator's (they follow from quantity, price and advance), so only what the student typed is checked.
"""

from __future__ import annotations

from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["TASK_08_1_4", "TASK_08_1_5", "TASK_08_2_3"]

_NONE = "无"  # no other fees, no value-added services

TASK_08_1_4 = {
    "order_type": "信用保障订单",
    "buyer_email": "DGQFAD@126.COM",
    "buyer_name": "Lin meimei",
    "shipping_address": "San Carlos, Mendoza, Argentina Eugenio Bustos, Mendoza, Mendoza, Argentina, 5569",
    "product": "2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress "
    "Female Party Clubwear Vestido",
    "spec": "C10",
    "quantity": 100,
    "unit_price_usd": 36,
    "shipping_method": "海运",
    "advance_usd": 1000,
    "ship_within_days": 5,
    "trade_terms": "FOB",
    "export_via_onetouch": False,
    "other_fees": 0,
    "services": _NONE,
}
TASK_08_1_5 = {
    "inquiry_id": "INQ-AMY-01",
    "product": "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board "
    "Activity Game",
    "quantity": 50,
    "unit_price_usd": 6,
    "shipping_method": "海运",
    "trade_terms": "CIF",
    "other_fees": 0,
    "advance_usd": 200,
    "ship_within_days": 3,
    "consignee_name": "kayla",
    "consignee_mobile": "15899635888",
    "consignee_postcode": "90012",
    "shipping_address": "205 W. 1st St. Los Angeles, California 90012, America",
    "export_via_onetouch": False,
    "assurance_term": "保障到收货后",
}
_EUROPE = ["Germany", "Italy", "Czech Republic", "France", "Spain", "Belgium"]
TASK_08_2_3 = {
    "name": "RTS 商品常规物流",
    "origin": "中国大陆",
    "origin_postcode": "250000",
    "method": "快递",
    "goods": "普通商品",
    "logistics": "优选物流",
    "destination": "France",
    "service_1": "仓到门 八达通深圳仓 518000",
    "service_1_countries": _EUROPE,
    "service_1_rate": 50,
    "service_2": "仓到门 越航深圳机场仓 518000",
    "service_2_countries": _EUROPE,
    "service_2_rate": 50,
}
# The task's two service lines, by carrier (their order in the form does not matter).
_LINES = {"service_1": "FedEx IP", "service_2": "全球3C&普货专线"}


def _order_values(order) -> dict[str, Any]:
    return {
        "order_type": order.order_type,
        "inquiry_id": order.inquiry_id,
        "buyer_email": order.buyer_email,
        "buyer_name": order.buyer_name,
        "shipping_address": order.shipping_address,
        "consignee_name": order.consignee_name,
        "consignee_mobile": order.consignee_mobile,
        "consignee_postcode": order.consignee_postcode,
        "product": order.product,
        "spec": order.spec or _NONE,
        "quantity": order.quantity,
        "unit_price_usd": order.unit_price_usd,
        "shipping_method": order.shipping_method,
        "advance_usd": order.advance_usd,
        "ship_within_days": order.ship_within_days,
        "trade_terms": order.trade_terms,
        "export_via_onetouch": order.export_via_onetouch,
        "other_fees": order.other_fees_usd,
        "services": "、".join(order.services) or _NONE,
        "assurance_term": order.assurance_term,
    }


def _latest_order(from_inquiry: bool):
    def extract(backend) -> dict[str, Any] | None:
        trade = getattr(backend.state, "trade", None)
        orders = [o for o in (trade.orders if trade else []) if bool(o.inquiry_id) == from_inquiry]
        return _order_values(orders[-1]) if orders else None

    return extract


def _latest_template(backend) -> dict[str, Any] | None:
    trade = getattr(backend.state, "trade", None)
    templates = list(trade.freight_templates) if trade else []
    if not templates:
        return None
    t = templates[-1]
    out: dict[str, Any] = {
        "name": t.name,
        "origin": t.origin,
        "origin_postcode": t.origin_postcode,
        "method": t.method,
        "goods": t.goods,
        "logistics": t.logistics,
        "destination": t.destination,
    }
    for key, carrier in _LINES.items():
        line = next((s for s in t.services if s.service == carrier), None)
        if line is None:
            continue
        out[key] = f"{line.delivery} {line.warehouse} {line.warehouse_postcode}".strip()
        out[f"{key}_countries"] = list(line.countries)
        # A rate only means something with 阿里物流价 (the other pricing types do not use it).
        out[f"{key}_rate"] = line.rate_pct if line.pricing == "阿里物流价" else None
    return out


def _bool(actual: Any, expected: Any) -> bool:
    return actual is expected


def _order_checks(task: dict[str, Any], labels: dict[str, tuple[str, str, str]]) -> tuple[FieldCheck, ...]:
    return tuple(FieldCheck(k, labels[k][0], task[k], labels[k][1], hint=labels[k][2]) for k in task)


_HOW = {
    "order_type": ("订单类型", "text", "看清任务里是哪一种订单"),
    "inquiry_id": ("询盘", "text", "要从任务说的那位买家的询盘起草"),
    "buyer_email": ("买家邮箱", "text", "按任务说明逐字填写"),
    "buyer_name": ("买家姓名", "text", "按任务说明逐字填写"),
    "shipping_address": ("收货地址", "text", "按任务说明逐字填写"),
    "consignee_name": ("收货人姓名", "text", "按任务说明填写"),
    "consignee_mobile": ("收货人手机号", "nospace", "按任务说明填写"),
    "consignee_postcode": ("收货地邮编", "nospace", "按任务说明填写"),
    "product": ("产品名称", "text", "从已发布产品里选任务指定的产品"),
    "spec": ("产品规格", "text", "核对产品规格"),
    "quantity": ("数量", "number", "核对数量"),
    "unit_price_usd": ("单价", "number", "核对单价（美元）"),
    "shipping_method": ("运输方式", "text", ""),
    "advance_usd": ("预付款", "number", "核对预付款金额"),
    "ship_within_days": ("发货时间", "number", "预付款到账后几个自然日内发货"),
    "trade_terms": ("贸易术语", "text", ""),
    "export_via_onetouch": ("出口方式", _bool, "是否使用一达通报关"),
    "other_fees": ("其他费用", "number", "任务是否有其他费用"),
    "services": ("增值服务", "text", "任务是否要求增值服务"),
    "assurance_term": ("信用保障条款", "text", ""),
}
_TEMPLATE = {
    "name": ("模板名称", "nospace", "按任务说明逐字填写"),
    "origin": ("发货地", "text", ""),
    "origin_postcode": ("发货地邮编", "text", ""),
    "method": ("物流支持方式", "text", ""),
    "goods": ("公司经营商品", "text", ""),
    "logistics": ("物流选择", "text", ""),
    "destination": ("发往的国家", "text", ""),
    "service_1": ("服务类型 1（FedEx IP）的发货方式、仓库和邮编", "text", "核对 FedEx IP 这一行"),
    "service_1_countries": ("服务类型 1 的发往国家和地区", "set", "核对 FedEx IP 这一行的国家"),
    "service_1_rate": ("服务类型 1 的运费调整比例", "number", "阿里物流价的调整比例"),
    "service_2": ("服务类型 2（全球3C&普货专线）的发货方式、仓库和邮编", "text", "核对全球3C&普货专线这一行"),
    "service_2_countries": ("服务类型 2 的发往国家和地区", "set", "核对全球3C&普货专线这一行的国家"),
    "service_2_rate": ("服务类型 2 的运费调整比例", "number", "阿里物流价的调整比例"),
}

register(
    TaskSpec(
        "08.1.4",
        "起草信保订单",
        10,
        _latest_order(False),
        _order_checks(TASK_08_1_4, _HOW),
        missing="还没有起草订单：请在“起草信用保障订单”页面填写后点击“提交订单”",
    ),
    TaskSpec(
        "08.1.5",
        "起草线上信保订单",
        10,
        _latest_order(True),
        _order_checks(TASK_08_1_5, _HOW),
        missing="还没有从询盘起草订单：请在“从询盘起草线上信保订单”页面选中询盘，填写后点击“提交订单”",
    ),
    TaskSpec(
        "08.2.3",
        "设置运费模板",
        10,
        _latest_template,
        _order_checks(TASK_08_2_3, _TEMPLATE),
        missing="还没有保存运费模板：请在“新建运费模板”页面填写后点击“保存”",
    ),
    quiz_spec("08.q1", "22e8ca7e860c25ae2bfd77f39b753c6231ee2c5505ad83cd6156f5f78bbb9fae"),
    quiz_spec("08.q2", "4d7a189fbb939a1eb15cf85966e5aed078168d4f6ed779dec9b5939a991d5afd"),
    quiz_spec("08.q3", "1b8652beaa990d48639d82948e5dee70fc9a9820e8a30eaccd4bd0ec14a748e4"),
    quiz_spec("08.q4", "246f49a414f8e5956e68f3813292b49c6e5cd05230c2c9aac729056d317ab579"),
    quiz_spec("08.q5", "e560c8389c50e927359713b2ed41d3ca419f84fc454983e3578eb63ce4db2419"),
    quiz_spec("08.q6", "6b16acc0c6b35d3cead1f8a329543fb9fe1ea5c273f2c2b7e76fa40389f304c6"),
    quiz_spec("08.q7", "16d35f80b53f0a3ee8c13c225582d061d385f489f2ea699dab37c16419b40f61"),
    quiz_spec("08.q8", "bc845cfff1bf597b514030f3201977b6ddd9afa805fd290e632c3b4f3d6b93d3"),
)
