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


def test_start_over_backs_up_and_clears(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    screen = aw.screen_for("01.2.2", backend)
    screen.fill(**REGISTRATION)
    screen.fill(verification_code=_code(screen)).submit()
    screen.reset_button.click()
    assert backend.state.account is None
    assert list(tmp_path.glob("*.reset-*.bak"))
    assert screen.values()["email"] == ""


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
