"""Backend screens: one module per backend area, each an ipywidgets form over ``sim``."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..sim import Backend
    from .base import Field, Screen, SubmitResult

__all__ = ["Field", "Screen", "SubmitResult", "SCREENS", "screen_for"]


def __getattr__(name: str) -> Any:
    # The screen framework (ipywidgets) loads with the first screen built, not with this package: reading
    # SCREENS or importing a screen-free helper costs no widget library.
    if name in ("Field", "Screen", "SubmitResult"):
        value = getattr(importlib.import_module(".base", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Task id → "module:Class" of its screen (modules are imported on first use).
SCREENS: dict[str, str] = {
    "01.2.2": "alisim_widgets.screens.registration:RegistrationScreen",
    "03.3.5": "alisim_widgets.screens.products:RtsPublishScreen",
    "03.3.6": "alisim_widgets.screens.products:CustomPublishScreen",
    "02.2.3": "alisim_widgets.screens.verification:VerificationScreen",
    "02.3.1": "alisim_widgets.screens.company:CompanyInfoScreen",
    "04.1.4": "alisim_widgets.screens.media:TrueViewScreen",
    "06.3.4": "alisim_widgets.screens.crm:FixedGroupScreen",
    "06.3.5": "alisim_widgets.screens.crm:DynamicGroupScreen",
    "06.8.3": "alisim_widgets.screens.edm:TemplateScreen",
    "06.8.4": "alisim_widgets.screens.edm:InsiteScreen",
    "06.8.5": "alisim_widgets.screens.edm:CampaignScreen",
    "05.1.4": "alisim_widgets.screens.rfq:RfqQuoteScreen",
    "02.5.4": "alisim_widgets.screens.sub_accounts:SubAccountScreen",
    "02.4.1": "alisim_widgets.screens.decoration:DecorationScreen",
    "08.1.4": "alisim_widgets.screens.trade:TradeOrderScreen",
    "08.1.5": "alisim_widgets.screens.trade:InquiryOrderScreen",
    "08.2.3": "alisim_widgets.screens.freight:FreightTemplateScreen",
    "10.1.4": "alisim_widgets.screens.customs:CustomsScreen",
    "07.2.5": "alisim_widgets.screens.coupons:CouponScreen",
    "07.2.6": "alisim_widgets.screens.coupons:DiscountScreen",
    "07.2.7": "alisim_widgets.screens.coupons:PercentCouponScreen",
    "07.9.3": "alisim_widgets.screens.p4p:NewProductPlanScreen",
    "07.9.4": "alisim_widgets.screens.p4p:HotProductPlanScreen",
    "07.9.5": "alisim_widgets.screens.p4p:RemarketingPlanScreen",
    "07.9.6": "alisim_widgets.screens.p4p:TargetedPlanScreen",
    "09.1.1": "alisim_widgets.screens.data:AnalysisSubmitScreen",
    "09.1.2": "alisim_widgets.screens.data:AnalysisSubmitScreen",
    "09.1.3": "alisim_widgets.screens.data:AnalysisSubmitScreen",
    "09.1.4": "alisim_widgets.screens.data:AnalysisSubmitScreen",
    "09.1.5": "alisim_widgets.screens.data:AnalysisSubmitScreen",
}

# Screens serving several tasks: built as ``Class(backend, task_id)`` (提交分析结果 of 09.1.1–09.1.5).
_PER_TASK = {"alisim_widgets.screens.data:AnalysisSubmitScreen"}


def screen_for(task_id: str, backend: Backend, **kwargs: Any) -> Screen:
    """The screen of a task id of TASKS.md (or of a knowledge-check question such as ``01.q1``)."""
    from ..sim.quiz import QUESTIONS

    if task_id in QUESTIONS:
        from .quiz import QuestionScreen

        return QuestionScreen(backend, task_id)
    if task_id not in SCREENS:
        raise KeyError(f"没有任务 {task_id} 的页面（已有：{', '.join(sorted(SCREENS))}）")
    module_name, cls_name = SCREENS[task_id].split(":")
    screen_cls = getattr(importlib.import_module(module_name), cls_name)
    if SCREENS[task_id] in _PER_TASK:
        return screen_cls(backend, task_id, **kwargs)
    return screen_cls(backend, **kwargs)
