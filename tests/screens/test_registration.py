"""The registration screen (task 01.2.2), driven exactly as a person drives it."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.persistence import STATE_FILENAME
from tests.data import REGISTRATION
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused


@pytest.fixture
def screen(make_backend):
    backend = make_backend("01_account")
    return aw.screen_for("01.2.2", backend)


def _code(screen) -> str:
    assert screen.request_code().ok
    return screen.backend.inbox.last_code()


def test_textbook_data_registers_through_the_screen(screen):
    screen.fill(**REGISTRATION)
    result = screen.fill(verification_code=_code(screen)).submit()
    assert result.ok, result
    assert "注册成功" in screen.status.value
    assert screen.backend.state.account.email == REGISTRATION["email"]
    assert screen.backend.state.audit[-1].source == "screen"


def test_get_code_button_shows_the_sms(screen):
    screen.fill(mobile=REGISTRATION["mobile"])
    screen.code_button.click()
    code = screen.backend.inbox.last_code()
    assert code and code in screen.inbox_view.value
    assert "136****1234" in screen.status.value


def test_submit_button_does_what_submit_does(screen):
    screen.fill(**REGISTRATION)
    screen.fill(verification_code=_code(screen))
    screen.submit_button.click()
    assert screen.last_result.ok
    assert screen.backend.state.account is not None


def test_errors_show_beside_their_fields_and_typed_values_stay(screen):
    screen.fill(**{**REGISTRATION, "email": "dianyue@163.com", "mobile": "123"})
    result = screen.submit()
    assert not result.ok
    assert "已绑定" in screen.error_labels["email"].value
    assert "11 位" in screen.error_labels["mobile"].value
    assert screen.error_labels["company_name"].value == ""
    assert screen.values()["email"] == "dianyue@163.com"
    assert screen.values()["company_name"] == REGISTRATION["company_name"]


def test_errors_clear_after_a_good_submission(screen):
    screen.fill(**{**REGISTRATION, "email": "bad"}).submit()
    assert screen.error_labels["email"].value
    screen.fill(email=REGISTRATION["email"], verification_code=_code(screen)).submit()
    assert screen.error_labels["email"].value == ""


def test_required_fields_are_starred(screen):
    html = "".join(row.children[0].value for row in screen.body.children)
    assert html.count("alisim-star") == 9


def test_live_counter_follows_typing(screen):
    screen.fill(company_name="湖南典阅")
    assert "4/100" in screen.counters["company_name"].value


def test_unknown_field_is_a_clear_error(screen):
    with pytest.raises(KeyError, match="没有这些字段"):
        screen.fill(nickname="Mark")


def test_saved_registration_shows_again_after_restart(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    screen = aw.screen_for("01.2.2", backend)
    screen.fill(**REGISTRATION)
    screen.fill(verification_code=_code(screen)).submit()
    again = aw.screen_for("01.2.2", aw.open_backend("01_account", path=tmp_path))
    assert again.values()["email"] == REGISTRATION["email"]
    assert again.values()["password"] == ""  # never shown again
    assert "已注册" in again.status.value


def _registered(tmp_path, **changes):
    backend = aw.open_backend("01_account", path=tmp_path)
    screen = aw.screen_for("01.2.2", backend)
    screen.fill(**{**REGISTRATION, **changes})
    assert screen.fill(verification_code=_code(screen)).submit().ok
    backend.quiz.answer("01.q2", ["29800 元/年"])
    return backend, screen


def test_start_over_is_not_beside_get_code(screen):
    code_row = next(w for w in screen.widget.children if screen.code_button in getattr(w, "children", ()))
    assert screen.reset_button not in code_row.children
    assert screen.widget.children[-1] is screen.start_over_row.widget  # the bottom of the page


def test_start_over_asks_first_and_changes_nothing(tmp_path):
    backend, screen = _registered(tmp_path)
    saved = (tmp_path / STATE_FILENAME).read_bytes()
    screen.reset_button.click()
    assert screen.start_over_row.confirm_box.layout.display is None  # 确认重新开始 / 取消 appear
    text = screen.start_over_row.text.value
    assert "知识检测题的答案" in text and "实操任务" in text and "备份" in text
    assert (tmp_path / STATE_FILENAME).read_bytes() == saved
    assert backend.state.account is not None and backend.state.answers
    assert not list(tmp_path.glob("*.reset-*.bak"))


def test_start_over_cancel_keeps_everything(tmp_path):
    backend, screen = _registered(tmp_path)
    saved = (tmp_path / STATE_FILENAME).read_bytes()
    screen.reset_button.click()
    screen.start_over_row.cancel_button.click()
    assert screen.start_over_row.confirm_box.layout.display == "none"
    assert (tmp_path / STATE_FILENAME).read_bytes() == saved
    assert screen.values()["email"] == REGISTRATION["email"]


def test_start_over_confirmed_backs_up_and_clears(tmp_path):
    backend, screen = _registered(tmp_path)
    screen.reset_button.click()
    screen.start_over_row.confirm_button.click()
    assert backend.state.account is None and backend.state.answers == {}
    assert list(tmp_path.glob("*.reset-*.bak"))
    assert screen.values()["email"] == ""
    assert screen.submit_button.description == "同意并注册"
    assert "已重新开始本项目" in screen.status.value and "备份" in screen.status.value
    assert screen.start_over_row.confirm_box.layout.display == "none"


def test_start_over_in_memory_tells_the_hooks(make_backend):
    backend = aw.open_backend("01_account", path=None)
    screen = aw.screen_for("01.2.2", backend)
    calls = []
    screen.after_reset.append(lambda: calls.append(1))
    assert "没有备份文件" in screen.start_over()
    screen.confirm_start_over()
    assert calls == [1]


def test_registered_form_is_the_account_info_edit(tmp_path):
    backend, screen = _registered(tmp_path)
    assert screen.submit_button.description == "保存修改"
    assert "账号信息" in screen.mode_note.value
    assert screen.values()["password"] == "" and screen.values()["verification_code"] == ""
    again = aw.screen_for("01.2.2", aw.open_backend("01_account", path=tmp_path))
    assert again.submit_button.description == "保存修改"


def test_correct_a_field_after_registering(tmp_path):
    """A typo corrected in the same form: saved, the check sees it, the quiz answers stay."""
    from autograde import check

    backend, screen = _registered(tmp_path, legal_rep_name_en="Zhang Lon")
    answers = dict(backend.state.answers)
    assert not check("01.2.2", backend).full
    result = screen.fill(legal_rep_name_en="Zhang long").submit()
    assert result.ok, result
    assert "账号信息已保存" in screen.status.value and "英文姓名" in screen.status.value
    assert "重新开始" not in screen.status.value
    assert backend.state.account.legal_rep_name_en == "Zhang long"
    assert backend.state.answers == answers
    assert check("01.2.2", backend).full
    reopened = aw.open_backend("01_account", path=tmp_path)
    assert reopened.state.account.legal_rep_name_en == "Zhang long" and reopened.state.answers == answers


def test_whole_registration_data_on_a_registered_store_is_a_correction(tmp_path):
    backend, screen = _registered(tmp_path, company_name="湖南典阅科技有限公")
    result = screen.fill(**REGISTRATION).submit()  # the same form, the same verb
    assert result.ok, result
    assert backend.state.account.company_name == REGISTRATION["company_name"]


def test_refused_correction_changes_nothing_and_keeps_typing(tmp_path):
    backend, screen = _registered(tmp_path)
    saved = (tmp_path / STATE_FILENAME).read_bytes()
    result = screen.fill(company_name="", legal_rep_name="张", email="another@163.com").submit()
    assert not result.ok
    assert set(result.errors) == {"company_name", "legal_rep_name", "email"}
    assert "不能为空" in screen.error_labels["company_name"].value
    assert "修改注册邮箱" in screen.error_labels["email"].value
    assert screen.values()["legal_rep_name"] == "张" and screen.values()["email"] == "another@163.com"
    assert (tmp_path / STATE_FILENAME).read_bytes() == saved


def test_email_is_changed_in_account_security_below_the_form(tmp_path):
    from autograde import check

    backend, screen = _registered(tmp_path, email="dianyuekeji@126.com")
    security = screen.open_sensitive()
    assert screen.sensitive_box.layout.display is None
    assert security.values()["operation"] == "修改注册邮箱"
    result = security.fill(verify_method="人工服务", service_reason="注册时邮箱填错了",
                           new_email=REGISTRATION["email"]).submit()  # fmt: skip
    assert result.ok, result
    assert screen.values()["email"] == REGISTRATION["email"]  # the form shows the new login email
    assert check("01.2.2", backend).full
    assert backend.state.answers


def test_student_text_is_escaped_in_messages(screen):
    screen.fill(mobile="<b>x</b>")
    screen.request_code()
    assert "<b>" not in screen.status.value + screen.error_labels["mobile"].value


TEXT_FIELDS = ["company_name", "company_address", "email", "legal_rep_name", "legal_rep_name_en", "password"]
NUMBER_FIELDS = ["license_no", "mobile", "verification_code"]
CASES = [(k, name) for k in TEXT_FIELDS for name in HOSTILE_TEXT] + [
    (k, name) for k in NUMBER_FIELDS for name in HOSTILE_NUMBER
]


@pytest.mark.parametrize(("key", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_hostile_input_is_refused_and_changes_nothing(tmp_path, key, case):
    backend = aw.open_backend("01_account", path=tmp_path)
    screen = aw.screen_for("01.2.2", backend)
    screen.fill(**REGISTRATION)
    code = _code(screen)  # the file exists now: it must not change
    bad = {**HOSTILE_TEXT, **HOSTILE_NUMBER}[case]
    assert_refused(screen, {**REGISTRATION, "verification_code": code}, key, bad, tmp_path / STATE_FILENAME)
    assert backend.state.account is None


def test_hostile_mobile_on_get_code_changes_nothing(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    screen = aw.screen_for("01.2.2", backend)
    for bad in HOSTILE_NUMBER.values():
        result = screen.fill(mobile=bad).request_code()
        assert not result.ok and "mobile" in result.errors
    assert not (tmp_path / STATE_FILENAME).exists()
    assert len(backend.inbox) == 0


def test_fields_follow_the_textbook_order(screen):
    """The task lists company, address, licence, email, names, password, mobile (L379–393)."""
    keys = [f.key for f in screen.fields]
    assert keys == [
        "company_name", "company_address", "license_no", "email", "legal_rep_name", "legal_rep_name_en",
        "password", "mobile", "verification_code",
    ]  # fmt: skip
