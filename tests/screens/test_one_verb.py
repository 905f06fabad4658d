"""One verb for every screen: ``fill(**textbook data).submit()`` finishes the task (full marks), wizards included.

A screen that needs something a person does first (a code sent to a phone) gets it the way a person does
(the 获取验证码 button), then the code is filled in like any field.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import alisim_widgets as aw
from alisim_widgets.screens import SCREENS
from autograde.check import score_task
from autograde.specs.p07_marketing import TASK_07_2_5, TASK_07_2_6, TASK_07_2_7
from tests.crm_forms import FORMS as CRM_FORMS
from tests.customs_data import FORM as CUSTOMS_FORM
from tests.data import REGISTRATION
from tests.data09_answers import answers_from
from tests.hostile import file_bytes
from tests.p02_store_data import AV, COMPANY, ELEMENTS
from tests.p02_team_data import XU_TIANTIAN, decoration_values
from tests.p4p_data import P4P_TASKS
from tests.product_data import CUSTOM_TASK, RTS_TASK
from tests.rfq_data import QUOTE as RFQ_QUOTE
from tests.trade_data import FREIGHT, INQUIRY_ORDER, TA_ORDER
from tests.trueview_data import FORM

AV_TASK = {**AV, "auth_method": "对公账号打款验证"}


def _with_code(request: Callable[[object], object]) -> Callable:
    """Fill the form, press 获取验证码, type the code that arrived, submit."""

    def run(screen, values: dict):
        screen.fill(**values)
        assert request(screen).ok
        return screen.fill(verification_code=screen.backend.inbox.last_code()).submit()

    return run


def _plain(screen, values: dict):
    return screen.fill(**values).submit()


def _from_store(task_id: str) -> Callable:
    """Values that depend on the store (09_data: its seed), worked out with plain pandas from its frames."""

    def values(backend) -> dict:
        return answers_from(backend.data.frames())[task_id]

    values.needs_backend = True
    return values


def _bank_images(stem: str) -> list[str]:
    return [f"IMG-{stem}-0{i}" for i in range(1, 6)]  # five photos of the scenario's 图片银行


# task id → (project, the textbook values, how a person submits them); a value function marked
# ``needs_backend`` (see ``_from_store``) is given the task's backend.
CASES: dict[str, tuple[str, Callable[..., dict], Callable]] = {
    "01.2.2": ("01_account", lambda: REGISTRATION, _with_code(lambda s: s.request_code())),
    "02.2.3": ("02_store", lambda: AV_TASK, _plain),
    "02.3.1": ("02_store", lambda: COMPANY, _plain),
    "02.4.1": ("02_store", decoration_values, _plain),
    "02.5.4": ("02_store", lambda: XU_TIANTIAN, _with_code(lambda s: s.request_code())),
    "03.3.5": ("03_product", lambda: {**RTS_TASK, "images": _bank_images("MARBLE")}, _plain),
    "03.3.6": ("03_product", lambda: {**CUSTOM_TASK, "images": _bank_images("DRESS")}, _plain),
    "04.1.4": ("04_media", lambda: FORM, _plain),
    "05.1.4": ("05_rfq", lambda: RFQ_QUOTE, _plain),
    "08.1.4": ("08_trade", lambda: TA_ORDER, _plain),
    "08.1.5": ("08_trade", lambda: INQUIRY_ORDER, _plain),
    "08.2.3": ("08_trade", lambda: FREIGHT, _plain),
    "06.3.4": ("06_crm", lambda t="06.3.4": CRM_FORMS[t], _plain),
    "06.3.5": ("06_crm", lambda t="06.3.5": CRM_FORMS[t], _plain),
    "06.8.3": ("06_crm", lambda t="06.8.3": CRM_FORMS[t], _plain),
    "06.8.4": ("06_crm", lambda t="06.8.4": CRM_FORMS[t], _plain),
    "06.8.5": ("06_crm", lambda t="06.8.5": CRM_FORMS[t], _plain),
    "07.2.5": ("07_marketing", lambda: TASK_07_2_5, _plain),
    "07.2.6": ("07_marketing", lambda: TASK_07_2_6, _plain),
    "07.2.7": ("07_marketing", lambda: TASK_07_2_7, _plain),  # no scene in the task: the form's default
    "07.9.3": ("07_marketing", lambda: P4P_TASKS["07.9.3"], _plain),
    "07.9.4": ("07_marketing", lambda: P4P_TASKS["07.9.4"], _plain),
    "07.9.5": ("07_marketing", lambda: P4P_TASKS["07.9.5"], _plain),
    "07.9.6": ("07_marketing", lambda: P4P_TASKS["07.9.6"], _plain),
    "10.1.4": ("10_customs", lambda: CUSTOMS_FORM, _plain),
    "09.1.1": ("09_data", _from_store("09.1.1"), _plain),
    "09.1.2": ("09_data", _from_store("09.1.2"), _plain),
    "09.1.3": ("09_data", _from_store("09.1.3"), _plain),
    "09.1.4": ("09_data", _from_store("09.1.4"), _plain),
    "09.1.5": ("09_data", _from_store("09.1.5"), _plain),
}


def test_every_registered_screen_is_covered():
    assert set(CASES) == set(SCREENS), "新页面要在 CASES 里加上它的教材数据"


@pytest.mark.parametrize("task_id", sorted(SCREENS))
def test_fill_submit_finishes_the_task(make_backend, task_id):
    project, values, submit = CASES[task_id]
    backend = make_backend(project)
    values = values(backend) if getattr(values, "needs_backend", False) else values()
    result = submit(aw.screen_for(task_id, backend), values)
    assert result.ok and result.done, result
    scored = score_task(task_id, backend)
    assert scored.full, scored.feedback_lines()


# --- the A&V wizard: partial values and refusals ----------------------------------------------------------
@pytest.fixture
def wizard(make_backend):
    return aw.screen_for("02.2.3", make_backend("02_store"))


def test_only_the_elements_save_two_steps_and_name_the_next(wizard):
    result = wizard.fill(**ELEMENTS).submit()
    assert not result.ok and not result.done
    assert result.next_step == "auth"
    assert "还没有完成" in result.message and "第 3 步“选择授权方式”" in result.message
    assert "授权方式" in result.message
    assert wizard.step == "auth"  # the letter and the elements are saved
    assert not score_task("02.2.3", wizard.backend).full
    assert "尚未完成" in repr(result) and "alisim-warn" in wizard.status.value


def test_nothing_typed_confirms_the_letter_and_asks_for_the_elements(wizard):
    result = wizard.submit()
    assert not result.ok and result.next_step == "elements"
    assert "第 2 步" in result.message and "公司中文名" in result.message
    assert wizard.step == "elements"
    assert wizard.backend.verification.attempts_today() == 0


def test_a_missing_step_stops_there_and_later_steps_wait(wizard):
    result = wizard.fill(**{**AV_TASK, "auth_method": None}).submit()
    assert not result.ok and result.next_step == "auth"
    assert wizard.backend.state.verification.materials is None
    result = wizard.fill(auth_method="线下验证").submit()  # the rest of the form is still there
    assert result.done, result
    assert score_task("02.2.3", wizard.backend).full


def test_a_refused_step_is_reported_and_nothing_of_it_saved(wizard):
    result = wizard.fill(**{**AV_TASK, "landline": "abc"}).submit()
    assert not result.ok and result.next_step == "materials"
    assert result.message.startswith("第 4 步“提交认证资料”没有通过")
    assert "landline" in result.errors and wizard.error_labels["landline"].value
    assert set(result.errors) <= set(AV)  # that step's fields only
    v = wizard.backend.state.verification
    assert v.status == "materials" and v.materials is None and v.submitted_on is None
    assert v.auth_method == "对公账号打款验证"  # the steps before it are saved
    assert wizard.values()["landline"] == "abc"  # what was typed stays
    assert wizard._rows["landline"] in wizard.body.children  # the step's fields are shown
    before = file_bytes(wizard.backend.path)
    assert not wizard.submit().ok  # again: the same refusal, nothing written
    assert file_bytes(wizard.backend.path) == before
    assert wizard.fill(landline=AV["landline"]).submit().done


def test_a_refused_second_step_saves_no_attempt(wizard):
    result = wizard.fill(**{**AV_TASK, "legal_rep_id_no": "<script>"}).submit()
    assert not result.ok and result.next_step == "elements"
    assert result.message.startswith("第 2 步") and "legal_rep_id_no" in result.errors
    assert wizard.step == "elements" and wizard.backend.verification.attempts_today() == 0


def test_submitting_a_passed_wizard_again_is_done_and_changes_nothing(wizard):
    assert wizard.fill(**AV_TASK).submit().done
    before = file_bytes(wizard.backend.path)
    result = wizard.submit()
    assert result.done and "已经通过" in result.message
    assert file_bytes(wizard.backend.path) == before
