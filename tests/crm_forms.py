"""The textbook's data of project 06 as the screens take it (fill keys), shared by the 06_crm tests."""

from __future__ import annotations

from autograde.specs.p06_crm import TASK_06_3_4, TASK_06_3_5, TASK_06_8_3, TASK_06_8_4, TASK_06_8_5

__all__ = ["FIXED", "DYNAMIC", "TEMPLATE", "INSITE", "CAMPAIGN", "FORMS"]

FIXED = dict(TASK_06_3_4)
DYNAMIC = dict(TASK_06_3_5)
# The task names the library template as "9 月采购节模板-New products" (L3485): the screen accepts that name.
TEMPLATE = {**TASK_06_8_3, "base_template": "9 月采购节模板-New products", "send_test": True}
INSITE = {**TASK_06_8_4, "quantity": "5", "unit_price": "35"}
# The textbook prints the description in three paragraphs (L3535-3539).
CAMPAIGN = {
    **TASK_06_8_5,
    "description": TASK_06_8_5["description"]
    .replace("perfect. The", "perfect.\nThe")
    .replace("orders. It's", "orders.\nIt's"),
    "activate": True,
}
FORMS = {"06.3.4": FIXED, "06.3.5": DYNAMIC, "06.8.3": TEMPLATE, "06.8.4": INSITE, "06.8.5": CAMPAIGN}
