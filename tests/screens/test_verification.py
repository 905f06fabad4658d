"""The A&V wizard (task 02.2.3): one step per click of its button, the whole task on ``submit()``."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.p02_store_data import AV, ELEMENTS, SUB_ROLES, act_as

TASK = {**AV, "auth_method": "对公账号打款验证"}
# Free text (no character set): SQL-looking text is just text there, stored and shown escaped.
FREE_TEXT = ("position", "department")
TEXT_FIELDS = ("company_name_en", "address_cn", "address_en", "license_no", "legal_rep_name_en",
               "legal_rep_mobile", "landline", "legal_rep_email", "position", "department",
               "license_valid_from", "license_valid_to")  # fmt: skip


@pytest.fixture
def screen(make_backend):
    return aw.screen_for("02.2.3", make_backend("02_store"))


def to_materials(screen):
    screen.fill(**TASK)
    for _ in range(3):
        assert screen.submit_step().ok
    assert screen.step == "materials"
    return screen


def test_the_step_indicator_follows_the_wizard(screen):
    assert screen.step == "letter"
    assert "step now" in screen.indicator.value and "确认认证函" in screen.indicator.value
    assert "认证信息确认函" in screen.step_info.value
    assert screen.submit_button.description == "确认"
    assert screen.submit_step().ok
    assert screen.step == "elements"
    assert screen.indicator.value.count("step done") == 1
    assert "0/3" in screen.step_info.value
    assert [f for f in screen.body.children] == [screen._rows[k] for k in ELEMENTS]


def test_textbook_data_completes_every_step(screen):
    result = screen.fill(**TASK).submit()
    assert result.ok, result
    assert screen.step == "passed"
    assert "A&V 认证已通过" in screen.step_info.value
    assert "370202198512461234" in screen.step_info.value
    assert screen.submit_button.disabled
    assert screen.backend.state.audit[-1].source == "screen"


def test_the_textbooks_impossible_id_number_passes_without_a_warning(screen):
    screen.fill(**TASK)
    screen.submit_step()
    result = screen.submit_step()
    assert result.ok and screen.step == "auth"
    assert result.warnings == []
    assert "alisim-warn" not in screen.status.value


def test_the_attempt_count_is_shown_and_the_fourth_refused(screen):
    screen.submit_step()
    screen.fill(**{**ELEMENTS, "company_name_cn": "湖南典阅贸易有限公司"})
    for n in (1, 2, 3):
        result = screen.submit_step()
        assert not result.ok
        assert "不一致" in screen.error_labels["company_name_cn"].value
        assert f"{n}/3" in screen.step_info.value
    screen.fill(**ELEMENTS)
    before = file_bytes(screen.backend.path)
    result = screen.submit_step()
    assert not result.ok and "明天" in result.message
    assert file_bytes(screen.backend.path) == before
    screen.backend.advance_days(1)
    assert screen.submit_step().ok
    assert screen.step == "auth"


def test_the_button_does_one_step(screen):
    screen.fill(**TASK)
    screen.submit_button.click()
    assert screen.step == "elements"
    assert screen.last_result.ok and screen.last_result.next_step == "elements"


def test_errors_beside_fields_and_typed_values_stay(screen):
    to_materials(screen)
    screen.fill(legal_rep_email="dianyuekeji", landline="abc")
    result = screen.submit_step()
    assert not result.ok
    assert "name@example.com" in screen.error_labels["legal_rep_email"].value
    assert screen.error_labels["landline"].value
    assert screen.error_labels["company_name_en"].value == ""
    assert screen.values()["legal_rep_email"] == "dianyuekeji"
    assert screen.values()["company_name_en"] == AV["company_name_en"]


def test_back_and_reopen_buttons(screen):
    to_materials(screen)
    assert screen.back_button.layout.display is None
    screen.back_button.click()
    assert screen.step == "auth"
    screen.fill(auth_method="线下验证")
    screen.submit_step()
    screen.submit_step()
    assert screen.step == "review"
    assert "审核中" in screen.step_info.value
    screen.submit_step()
    assert screen.step == "passed"
    assert screen.reopen_button.layout.display is None
    screen.reopen_button.click()
    assert screen.step == "materials"


def test_a_reopened_screen_shows_the_saved_work(screen, make_backend):
    screen.fill(**TASK).submit()
    again = aw.screen_for("02.2.3", make_backend("02_store"))
    assert again.step == "passed"
    assert again.values()["legal_rep_id_no"] == AV["legal_rep_id_no"]
    assert again.values()["auth_method"] == "对公账号打款验证"


def test_start_over_asks_first_then_resets_the_project(screen):
    screen.fill(**TASK).submit()
    screen.reset_button.click()
    assert screen.step == "passed"  # asking changes nothing
    assert "知识检测题的答案" in screen.start_over_row.text.value
    screen.start_over_row.confirm_button.click()
    assert screen.step == "letter"
    assert screen.values()["company_name_en"] == ""
    assert "已重新开始本项目" in screen.status.value


MATERIAL_CASES = [(k, c) for k in TEXT_FIELDS for c in HOSTILE_TEXT if not (c == "sql" and k in FREE_TEXT)]


@pytest.mark.parametrize("key, case", MATERIAL_CASES)
def test_hostile_materials_are_refused(screen, key, case):
    to_materials(screen)
    assert_refused(screen, TASK, key, HOSTILE_TEXT[case], screen.backend.path)
    assert screen.step == "materials"


@pytest.mark.parametrize("case", list(HOSTILE_NUMBER))
def test_hostile_capital_is_refused(screen, case):
    to_materials(screen)
    assert_refused(screen, TASK, "registered_capital_cny", HOSTILE_NUMBER[case], screen.backend.path)


@pytest.mark.parametrize("key", ["company_name_cn", "legal_rep_name", "legal_rep_id_no"])
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_elements_are_refused_without_an_attempt(screen, key, case):
    screen.submit_step()
    assert_refused(screen, TASK, key, HOSTILE_TEXT[case], screen.backend.path)
    assert screen.backend.verification.attempts_today() == 0


def test_sql_looking_text_is_refused(screen):
    to_materials(screen)
    before = file_bytes(screen.backend.path)
    sql = "x'); DROP TABLE accounts; --"
    result = screen.fill(position=sql, department=sql).submit()
    assert not result.ok
    assert "数据库命令" in result.errors["position"] and "数据库命令" in result.errors["department"]
    assert file_bytes(screen.backend.path) == before


def test_quotes_and_ampersands_are_kept_and_shown_escaped(screen):
    to_materials(screen)
    text = "Sales & 'Export'"
    assert screen.fill(position=text, department=text).submit().done
    assert screen.backend.state.verification.verified.position == text
    assert "Sales &amp; &#x27;Export&#x27;" in screen.step_info.value


def test_choices_refuse_values_that_are_not_options(screen):
    for key in ("auth_method", "premises", "legal_rep_gender", "license_type"):
        with pytest.raises(ValueError):
            screen.fill(**{key: "<script>alert(1)</script>"})


@pytest.mark.parametrize("role", SUB_ROLES)
def test_a_sub_account_is_told_and_refused(make_backend, role):
    backend = make_backend("02_store")
    act_as(backend, role)
    screen = aw.screen_for("02.2.3", backend)
    assert f"当前登录的是{role}账号" in screen.step_info.value
    before = file_bytes(backend.path)
    for result in (screen.submit_step(), screen.submit()):
        assert not result.ok and "A&V" in result.message
    assert screen.step == "letter" and file_bytes(backend.path) == before


def test_new_fields_are_shown_again_on_reload(make_backend):
    """对公账户, 经营地址 and 认证联系人 (L610, L628) come back when the notebook is opened again."""
    backend = make_backend("02_store")
    extra = {"account_bank": "中国银行长沙岳麓支行", "account_holder": "湖南典阅科技有限公司",
             "account_no": "601382010000123", "operating_address_cn": "湖南省长沙市岳麓区麓谷大道 8 号",
             "contact_name": "Mark"}  # fmt: skip
    screen = aw.screen_for("02.2.3", backend)
    assert screen.fill(**AV, **extra, auth_method="对公账号打款验证").submit().ok
    again = aw.screen_for("02.2.3", backend)
    for key, value in {**extra, "premises_owner": AV["premises_owner"]}.items():
        assert again.inputs[key].value == value, key
    assert "工商四要素" in again.indicator.value


def test_a_bad_account_number_shows_beside_the_field_and_stays_typed(make_backend):
    backend = make_backend("02_store")
    screen = aw.screen_for("02.2.3", backend)
    result = screen.fill(**AV, auth_method="对公账号打款验证", account_no="12ab").submit()
    assert not result.ok
    assert "对公账号" in screen.error_labels["account_no"].value
    assert screen.inputs["account_no"].value == "12ab"
