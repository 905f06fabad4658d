"""项目五 商机沟通: task 05.1.4 (RFQ 商机报价) and the knowledge checks 05.q1–05.q6.

The graded quote is the store's quote on the task's RFQ (RFQ-BLOCKS-01); when there is none, the latest quote
the store sent (its RFQ is then marked wrong). The sample policy is compared in the quote's own words
(``SamplePolicy.describe``), so a policy given as ticks on the form or typed as a sentence scores the same.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["TASK_05_1_4"]

TASK_05_1_4 = {
    "rfq_id": "RFQ-BLOCKS-01",
    "product_name": "Slide Building Blocks toys City House",
    "product_code": "M00257",
    "details": "Name:Slide Building Blocks toys City House; Size: Round box 20*20 cm; Suitable for: 0-6 month baby; "
    "Color: colored; Material: Solid wood",
    "unit": "盒/boxes",
    "trade_terms": "FOB Shanghai",
    "valid_until": "2022-11-25",
    "currency": "USD",
    "price_tiers": [(100, 18.00), (500, 15.00)],
    "payment_terms": ["T/T"],
    "sample": "free sample, buyer pays freight, sent within 3 days of confirmation",
    "message": "Hello, we are very happy that we have goods that meet your procurement needs, I hope you can take a "
    "look at our quotation information, and look forward to in-depth cooperation with you! Thank you!",
    "value_added_services": "无",
}


def _graded_quote(backend) -> dict[str, Any] | None:
    records = [r for r in getattr(backend.state, "rfqs", []) or [] if r.quote is not None]
    if not records:
        return None
    task = [r for r in records if r.id == TASK_05_1_4["rfq_id"]]
    q = (task or records)[-1].quote
    return {
        "rfq_id": q.rfq_id,
        "product_name": q.product_name,
        "product_code": q.product_code,
        "details": q.details,
        "unit": q.unit,
        "trade_terms": q.trade_terms,
        "valid_until": q.valid_until.isoformat(),
        "currency": q.currency,
        "price_tiers": [(t.min_qty, t.price) for t in q.price_tiers],
        "payment_terms": list(q.payment_terms),
        "sample": q.sample.describe(),
        "message": q.message,
        "value_added_services": "、".join(q.value_added_services) or "无",
    }


def _details_words(text: Any) -> str:
    """The details without spaces, separators or the textbook's doubled "Size:" (L2517)."""
    flat = re.sub(r"[\s;；,，]+", "", str(text)).casefold()
    return flat.replace("size:size:", "size:")


def _same_details(actual: Any, expected: Any) -> bool:
    return _details_words(actual) == _details_words(expected)


def _same_ladder(actual: Any, expected: Any) -> bool:
    try:
        got = [(int(q), Decimal(str(p)).quantize(Decimal("0.01"))) for q, p in actual]
        want = [(int(q), Decimal(str(p)).quantize(Decimal("0.01"))) for q, p in expected]
    except (TypeError, ValueError, InvalidOperation):
        return False
    return got == want


register(
    TaskSpec(
        "05.1.4",
        "RFQ 商机报价",
        10,
        _graded_quote,
        (
            FieldCheck(
                "rfq_id",
                "报价的 RFQ",
                TASK_05_1_4["rfq_id"],
                "text",
                2,
                hint="在 RFQ 市场里找与 Mark 的积木商品相符、还能报价的那条采购需求",
            ),
            FieldCheck("product_name", "产品名称", TASK_05_1_4["product_name"], "text"),
            FieldCheck("product_code", "产品编码", TASK_05_1_4["product_code"], "text"),
            FieldCheck(
                "details", "产品细节", TASK_05_1_4["details"], _same_details, hint="按任务说明逐项填写"
            ),
            FieldCheck("unit", "商品单位", TASK_05_1_4["unit"], "text"),
            FieldCheck(
                "trade_terms", "装运信息", TASK_05_1_4["trade_terms"], "text", hint="贸易术语和港口都要写"
            ),
            FieldCheck("valid_until", "报价有效期", TASK_05_1_4["valid_until"], "text"),
            FieldCheck("currency", "货币单位", TASK_05_1_4["currency"], "text"),
            FieldCheck(
                "price_tiers",
                "采购数与单价",
                TASK_05_1_4["price_tiers"],
                _same_ladder,
                2,
                hint="每一档的最小采购数和单价都要与任务一致",
            ),
            FieldCheck("payment_terms", "付款方式", TASK_05_1_4["payment_terms"], "set"),
            FieldCheck(
                "sample",
                "样品",
                TASK_05_1_4["sample"],
                "text",
                hint="是否提供、是否免费、运费谁付、几天内寄出",
            ),
            FieldCheck("message", "报价信息", TASK_05_1_4["message"], "nospace", hint="按任务说明逐字填写"),
            FieldCheck("value_added_services", "增值服务", TASK_05_1_4["value_added_services"], "text"),
        ),  # fmt: skip
        missing="还没有报价：请在 RFQ 市场里找到采购需求，点“报价”，填好报价表单后点击“提交报价”",
    ),
    quiz_spec("05.q1", "a8bf8354ca60608dfdd2484351441ca970efe20fe6f36ea346c6a95646d76a3e"),
    quiz_spec("05.q2", "1540c40e2ddeba8bc56ff54c1eaf96fbf5f4907e8c466e06939087520897b0d4"),
    quiz_spec("05.q3", "dadd609b9ffb09dbec1464a2da7ed72dc6d4b378209cac45f09481e1cea5e3c8"),
    quiz_spec("05.q4", "dbc6663a4be6f680586b983c349e275fceb20c7d22efefe6b933a270411a23b3"),
    quiz_spec("05.q5", "37401621e7e5a952d5ee305870ecdca2ab22aebb2bcc9ddecd9b403ed13a81ae"),
    quiz_spec("05.q6", "0ea419890de33c9485093e7a7f886189472da182b6c197cdf1952fe61e26a503"),
)
