"""个人信息与账号安全: the five screens of the page, driven as a person drives them."""

from __future__ import annotations

import pytest

from alisim_widgets.screens.account_security import AccountCenterPage
from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import ValidationFailed
from alisim_widgets.sim.security import verify_password
from tests.hostile import HOSTILE_TEXT, assert_refused, file_bytes
from tests.p02_store_data import jpg, png

ID_NO = "370202198512461234"
SMS, QUESTION, EMAIL, MANUAL = rules.SENSITIVE_VERIFY_METHODS
PROFILE = {"name": "Zhang long", "gender": "男", "phone": "86-0731-84785529", "mobile": "13666301234",
           "contact_address": "No. 200, Guyuan Road", "department": "跨境部", "job_title": "经理"}  # fmt: skip
CARD = {"card_name": "Mark Li", "card_company": "HuNan DianYue Science and Technology Co., Ltd",
        "card_email": "mark@dianyue.com", "card_job_title": "Assistant", "card_phone": "86-0731-84785529",
        "card_website": "www.dianyue.com"}  # fmt: skip


@pytest.fixture
def page(make_backend):
    return AccountCenterPage(make_backend("02_store"))


def test_five_tabs(page):
    titles = [page.tabs.get_title(i) for i in range(5)]
    assert titles == ["个人信息", "头像上传", "商业信息", "隐私设置", "账号安全"]
    assert "管理员（主账号）" in page.screens["profile"].who.value


def test_profile_shows_the_registration_data_and_saves(page):
    s = page.screens["profile"]
    assert s.values()["mobile"] == "13666301234"
    assert s.fill(**PROFILE).submit().ok
    assert page.backend.state.account_profiles["admin"].department == "跨境部"


def test_avatar_upload_and_review_status(page):
    s = page.screens["avatar"]
    assert "还没有上传" in s.state_line.value
    result = s.fill(avatar=jpg("me.jpg", size=(400, 400))).submit()
    assert result.ok, result
    assert "400 × 400" in s.state_line.value and "审核中" in s.state_line.value
    wrong = s.fill(avatar=png("me.png")).submit()
    assert not wrong.ok and "JPG" in s.error_labels["avatar"].value


def test_card_and_privacy(page):
    assert page.screens["card"].fill(**CARD).submit().ok
    privacy = page.screens["privacy"]
    assert privacy.values()["profile_visibility"] == "所有用户可见"
    assert (
        privacy.fill(profile_visibility="仅认证供应商可见", sourcing_visibility="所有用户不可见").submit().ok
    )
    assert page.backend.state.account_profiles["admin"].sourcing_visibility == "所有用户不可见"


def test_security_rows_follow_the_chosen_method(page):
    s = page.screens["security"]
    shown = lambda: {k for k, row in s._rows.items() if row.layout.display != "none"}  # noqa: E731
    assert shown() == {"operation", "verify_method"}
    s.fill(operation="修改密码", verify_method=SMS)
    assert shown() == {"operation", "verify_method", "verification_code", "id_no", "new_password",
                       "confirm_password"}  # fmt: skip
    s.fill(verify_method=MANUAL)
    assert "service_reason" in shown() and "verification_code" not in shown()
    assert s.code_button.layout.display == "none"


def test_change_password_with_the_code_button(page):
    s = page.screens["security"]
    s.fill(operation="修改密码", verify_method=SMS)
    s.code_button.click()
    code = page.backend.inbox.last_code()
    assert code in s.inbox_view.value and "模拟短信" in s.inbox_view.value
    result = s.fill(
        verification_code=code, id_no=ID_NO, new_password="Dianyue2022", confirm_password="Dianyue2022"
    ).submit()
    assert result.ok, result
    assert verify_password("Dianyue2022", page.backend.state.account.password_hash)
    assert s.values()["new_password"] == ""  # not left in the form


def test_change_email_by_manual_service(page):
    s = page.screens["security"]
    result = s.fill(operation="修改注册邮箱", verify_method=MANUAL, service_reason="原邮箱已停用，申请更换",
                    new_email="mark@dianyue.com").submit()  # fmt: skip
    assert result.ok
    assert "mark@dianyue.com" in s.overview.value and "2022-03-21" in s.overview.value


def test_code_button_needs_an_operation_and_a_method(page):
    s = page.screens["security"]
    result = s.request_code()
    assert not result.ok and "operation" in result.errors


def _security_values(page, op_name="管理安全手机", **extra):
    s = page.screens["security"]
    s.fill(operation=op_name, verify_method=SMS)
    s.request_code()
    return {"operation": op_name, "verify_method": SMS, "verification_code": page.backend.inbox.last_code(),
            "id_no": ID_NO, "new_mobile": "13900001111", **extra}  # fmt: skip


@pytest.mark.parametrize("key", ["name", "phone", "mobile", "contact_address", "department", "job_title"])
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_profile(page, key, case):
    if case in ("empty", "whitespace") and key not in ("name", "mobile"):
        return assert_optional_ok(page.screens["profile"], PROFILE, key, HOSTILE_TEXT[case])
    assert_refused(page.screens["profile"], PROFILE, key, HOSTILE_TEXT[case], page.backend.path)


@pytest.mark.parametrize(
    "key", ["card_name", "card_company", "card_job_title", "card_email", "card_phone", "card_website"]
)
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_card(page, key, case):
    if case in ("empty", "whitespace") and key in ("card_job_title", "card_phone", "card_website"):
        return assert_optional_ok(page.screens["card"], CARD, key, HOSTILE_TEXT[case])
    assert_refused(page.screens["card"], CARD, key, HOSTILE_TEXT[case], page.backend.path)


@pytest.mark.parametrize("key", ["verification_code", "id_no", "new_mobile"])
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_security_fields(page, key, case):
    data = _security_values(page)
    assert_refused(page.screens["security"], data, key, HOSTILE_TEXT[case], page.backend.path)


@pytest.mark.parametrize("key", ["new_email", "new_password", "confirm_password"])
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_new_values(page, key, case):
    op = "修改注册邮箱" if key == "new_email" else "修改密码"
    data = _security_values(page, op, new_email="mark@dianyue.com", new_password="Dianyue2022",
                            confirm_password="Dianyue2022")  # fmt: skip
    data.pop("new_mobile")
    if op == "修改注册邮箱":
        data = {k: v for k, v in data.items() if "password" not in k}
    assert_refused(page.screens["security"], data, key, HOSTILE_TEXT[case], page.backend.path)


# An answer or a reason is free text: SQL-looking text is just text there (answers are hashed anyway).
@pytest.mark.parametrize("key", ["service_reason", "security_answer", "new_answer"])
@pytest.mark.parametrize("case", [c for c in HOSTILE_TEXT if c != "sql"])
def test_hostile_free_answers(page, key, case):
    if key == "service_reason":
        data = {
            "operation": "管理安全手机",
            "verify_method": MANUAL,
            "service_reason": "手机号已停用",
            "new_mobile": "13900001111",
        }
    elif key == "new_answer":
        data = {
            **_security_values(page, "设置安全问题"),
            "new_question": "您的出生地是？",
            "new_answer": "Changsha",
        }
        data.pop("new_mobile")
    else:
        s = page.screens["security"]
        assert s.fill(**_security_values(page, "设置安全问题"), new_question="您的出生地是？",
                      new_answer="Changsha").submit().ok  # fmt: skip
        data = {"operation": "管理安全手机", "verify_method": QUESTION, "security_answer": "Changsha",
                "id_no": ID_NO, "new_mobile": "13900001111"}  # fmt: skip
    assert_refused(page.screens["security"], data, key, HOSTILE_TEXT[case], page.backend.path)


def assert_optional_ok(screen, data, key, blank):
    """An optional field may be left blank: accepted, and saved as empty."""
    assert screen.fill(**{**data, key: blank}).submit().ok


def test_sql_looking_answers_are_refused_and_change_nothing(page):
    s = page.screens["security"]
    sql = "x'); DROP TABLE accounts; --"
    values = {k: v for k, v in _security_values(page, "设置安全问题").items() if k != "new_mobile"}
    before = file_bytes(page.backend.path)  # after the verification code was sent
    result = s.fill(**values, new_question="您的出生地是？", new_answer=sql).submit()
    assert not result.ok and "数据库命令" in result.errors["new_answer"]
    assert file_bytes(page.backend.path) == before


def test_hostile_avatar_files_change_nothing(page):
    s = page.screens["avatar"]
    before = file_bytes(page.backend.path)
    for upload in (("<script>.jpg", jpg()[1]), ("x.jpg", b"<script>alert(1)</script>"), ("x.jpg", b"")):
        assert not s.fill(avatar=upload).submit().ok
    assert not s.fill(avatar=None).submit().ok
    assert file_bytes(page.backend.path) == before


def test_choices_refuse_values_that_are_not_options(page):
    cases = {
        "profile": ("gender",),
        "card": ("sourcing_industry", "sourcing_frequency"),
        "privacy": ("profile_visibility", "sourcing_visibility"),
        "security": ("operation", "verify_method", "new_question"),
    }
    for name, keys in cases.items():
        for key in keys:
            with pytest.raises(ValueError):
                page.screens[name].fill(**{key: "<script>alert(1)</script>"})


def test_the_simulator_refuses_what_a_form_cannot_hold(page):
    """Code that skips the widgets and calls the simulator directly gets the same clear refusals."""
    area = page.backend.account_security
    before = file_bytes(page.backend.path)
    for call, key in (
        (lambda: area.update_profile({**PROFILE, "gender": "<script>"}), "gender"),
        (
            lambda: area.set_privacy({"profile_visibility": 3, "sourcing_visibility": "所有用户可见"}),
            "profile_visibility",
        ),
        (lambda: area.update_card({**CARD, "sourcing_frequency": "每天"}), "sourcing_frequency"),
    ):
        with pytest.raises(ValidationFailed) as exc:
            call()
        assert key in exc.value.by_field()
    assert file_bytes(page.backend.path) == before
