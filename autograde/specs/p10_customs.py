"""项目十 出口服务: task 10.1.4 (制作报关单证) and the knowledge checks 10.q1–10.q6.

The check reads the store's latest declaration (its saved fields), not the generated files. Every field of
the task's three tables is one check of equal weight; the three fees' way of writing (总价, "其他费用总价")
is one more, and so is the number of goods rows (the task has one).
"""

from __future__ import annotations

from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["TASK_10_1_4", "GOODS_10_1_4"]

_FIRM = "HuNan DianYue Science and Technology Co., Ltd"
TASK_10_1_4: dict[str, Any] = {
    "domestic_shipper": _FIRM,
    "exit_customs": "北京关区",
    "record_no": "00001",
    "overseas_consignee": "Cici",
    "transport_mode": "水路运输",
    "vessel": "MARE DKICUM/ 0332W",
    "voyage_no": "23230",
    "bill_of_lading": "X21666002495",
    "producer_seller": _FIRM,
    "supervision_mode": "一般贸易",
    "levy_nature": "一般征税",
    "license_no": "370000266736773",
    "contract_no": "CN62302095206141",
    "trade_country": "中国",
    "arrival_country": "澳大利亚",
    "destination_port": "中国境内",
    "exit_port": "北京",
    "package_kind": "包/袋",
    "packages": 100,
    "gross_kg": 30.5,
    "net_kg": 30,
    "trade_terms": "CIF",
    "freight": 100,
    "insurance": 4,
    "misc": 20,
    "currency": "AUD",
    "marks": "N/M",
    "special_relationship": "否",
    "price_influence": "否",
    "royalties": "否",
    "shipper": _FIRM,
    "shipper_address": "15 / F, Building A, No.128 East Fourth Ring Middle Road, Chaoyang District, Beijing",
    "shipper_tel_fax": "13666301234",
    "consignee_address": "55 Dunblane Street, Camperdown, NSW 2050, Australia",
    "consignee_tel_fax": "0061-6356345",
    "settlement": "T/T",
    "volume_cbm": 1,
    "ship_date": "2023-01-20",
    "contract_date": "2023-01-03",
    "packing_list_no": "20200103",
    "packing_list_date": "2023-01-03",
    "invoice_no": "IVF62302095202332",
    "invoice_date": "2023-01-03",
}
GOODS_10_1_4: dict[str, Any] = {
    "hs_code": "6204420000",
    "goods_name": "Princess Dress Pink/002-03F",
    "quantity": 100,
    "unit": "件",
    "gross_kg": 30.5,
    "net_kg": 30,
    "unit_price": 20,
    "total": 2000,
    "currency": "AUD",
    "origin_country": "中国",
    "destination_country": "澳大利亚",
    "domestic_source": "东城区",
    "levy": "照章征税",
}

_LABELS = {
    "domestic_shipper": "境内发货人", "exit_customs": "出境关别", "record_no": "备案号",
    "overseas_consignee": "境外收货人", "transport_mode": "运输方式", "vessel": "运输工具名称",
    "voyage_no": "航次号", "bill_of_lading": "提运单号", "producer_seller": "生产销售单位",
    "supervision_mode": "监管方式", "levy_nature": "征免性质", "license_no": "许可证号",
    "contract_no": "合同协议号", "trade_country": "贸易国（地区）", "arrival_country": "运抵国（地区）",
    "destination_port": "指运港", "exit_port": "离境口岸", "package_kind": "包装种类", "packages": "件数",
    "gross_kg": "毛重", "net_kg": "净重", "trade_terms": "成交方式", "freight": "运费", "insurance": "保费",
    "misc": "杂费", "currency": "币制", "marks": "标记唛码", "special_relationship": "特殊关系确认",
    "price_influence": "价格影响确认", "royalties": "支付特许权使用费确认", "shipper": "发货人",
    "shipper_address": "发货地址", "shipper_tel_fax": "发货人电话和传真", "consignee_address": "收货人地址",
    "consignee_tel_fax": "收货人电话和传真", "settlement": "结汇方式", "volume_cbm": "体积",
    "ship_date": "预计发货日期", "contract_date": "合同日期", "packing_list_no": "箱单号",
    "packing_list_date": "箱单日期", "invoice_no": "发票号", "invoice_date": "发票日期",
}  # fmt: skip
_GOODS_LABELS = {
    "hs_code": "商品编号（HS）", "goods_name": "商品名称及规格型号", "quantity": "商品数量", "unit": "法定单位",
    "gross_kg": "商品毛重", "net_kg": "商品净重", "unit_price": "单价", "total": "总价", "currency": "商品币制",
    "origin_country": "原产国（地区）", "destination_country": "最终目的国（地区）", "domestic_source": "境内货源地",
    "levy": "征免方式",
}  # fmt: skip
_NUMBERS = {"packages", "gross_kg", "net_kg", "freight", "insurance", "misc", "volume_cbm", "quantity", "unit_price",
            "total"}  # fmt: skip
_NO_SPACE = {"vessel", "shipper_address", "consignee_address", "goods_name", "consignee_tel_fax"}


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _latest(backend) -> dict[str, Any] | None:
    items = list(getattr(backend.state, "customs", []) or [])
    if not items:
        return None
    d = items[-1]  # the tool appends: the last one is the latest submission
    out = {key: _plain(getattr(d, key, None)) for key in TASK_10_1_4}
    names = {"rate": "率", "unit": "单价", "total": "总价"}  # the screen's names of the ways to write a fee
    kinds = (getattr(d, f"{fee}_kind", "") for fee in ("freight", "insurance", "misc"))
    out["fee_kinds"] = "、".join(names.get(k, str(k)) for k in kinds)
    out["goods_rows"] = len(d.goods)
    first = d.goods[0] if d.goods else None
    for key in GOODS_10_1_4:
        out[f"goods.{key}"] = _plain(getattr(first, key, None)) if first is not None else None
    return out


def _compare(key: str) -> str:
    if key in _NUMBERS:
        return "number"
    return "nospace" if key in _NO_SPACE else "text"


register(
    TaskSpec(
        "10.1.4",
        "制作报关单证",
        20,
        _latest,
        (
            *(FieldCheck(k, _LABELS[k], v, _compare(k)) for k, v in TASK_10_1_4.items()),
            FieldCheck(
                "fee_kinds",
                "运费/保费/杂费的写法",
                "总价、总价、总价",
                "text",
                hint="任务给的是其他费用总价",
            ),
            FieldCheck("goods_rows", "商品行数", 1, "number", hint="任务只有一种商品"),
            *(FieldCheck(f"goods.{k}", _GOODS_LABELS[k], v, _compare(k)) for k, v in GOODS_10_1_4.items()),
        ),
        missing="还没有生成报关单证：请在“报关单证制作”页面填写全部信息后点击“生成单证”",
    ),
    quiz_spec("10.q1", "8a5ca7b246b95c12f8787afbf3c170c008fd75f469b6e6acddf52dbc29f3abcc"),
    quiz_spec("10.q2", "38df1af17f6e843ee0aa1552274c370cd3c36458eebcb9338745627a7903fbd6"),
    quiz_spec("10.q3", "ad9eb2c851fbb16f9b51ae55480924d265932dcf83a54eb33e33ae3d9c31e5ba"),
    quiz_spec("10.q4", "ea1f071b77b930c76741af7285d36d28abedab8fbc93123a2fc07042f3b57271"),
    quiz_spec("10.q5", "821fa2f6ac9991781f3baddb6c07dda1ad98a8f66b729c914b7bdbff509f4d7b"),
    quiz_spec("10.q6", "0b60c71a8f3ccc392f8f01859bfa1ff6e647f59b13301dd037558bd4c5bd4a97"),
)
