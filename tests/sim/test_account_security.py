"""Account info and security (L1187-1274): profile, avatar, card, privacy, the four identity checks."""

from __future__ import annotations

import datetime as dt

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.security import verify_password
from tests.hostile import file_bytes
from tests.p02_store_data import SUB_ROLES, act_as, jpg, png

ID_NO = "370202198512461234"
SMS, QUESTION, EMAIL, MANUAL = rules.SENSITIVE_VERIFY_METHODS
PROFILE = {
    "name": "Zhang long",
    "gender": "男",
    "phone": "86-0731-84785529",
    "mobile": "13666301234",
    "contact_address": "No. 200, Guyuan Road, Changsha",
    "department": "跨境部/Cross-border",
    "job_title": "经理/manager",
}
CARD = {
    "card_name": "Mark Li",
    "card_company": "HuNan DianYue Science and Technology Co., Ltd",
    "card_job_title": "Operations Assistant",
    "card_email": "mark@dianyue.com",
    "card_phone": "86-0731-84785529",
    "card_website": "www.dianyue.com",
    "sourcing_industry": "玩具",
    "sourcing_frequency": "每月",
}


@pytest.fixture
def backend(make_backend):
    return make_backend("02_store")


def by_sms(backend, operation):
    code = backend.account_security.request_code(operation, SMS)
    return {"verify_method": SMS, "verification_code": code, "id_no": ID_NO}


def test_profile_is_saved_for_the_acting_account(backend):
    backend.account_security.update_profile(PROFILE)
    p = backend.state.account_profiles["admin"]
    assert (p.name, p.gender, p.department) == ("Zhang long", "男", "跨境部/Cross-border")


@pytest.mark.parametrize(
    "key, bad",
    [("name", "张龙"), ("name", ""), ("gender", "M"), ("phone", "0731 8478"), ("mobile", "1366630123"),
     ("contact_address", "长沙市"), ("department", "<b>x</b>"), ("job_title", "x" * 61)],
)  # fmt: skip
def test_profile_rules(backend, key, bad):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.update_profile({**PROFILE, key: bad})
    assert key in exc.value.by_field()
    assert file_bytes(backend.path) == before


def test_avatar_jpg_below_3mb_is_reviewed_then_shown_the_next_day(backend):
    area = backend.account_security
    area.upload_avatar(jpg("me.jpg", total=rules.AVATAR_MAX_BYTES - 1))
    avatar = backend.state.account_profiles["admin"].avatar
    assert avatar.image.size == rules.AVATAR_MAX_BYTES - 1 and avatar.image.format == "JPEG"
    assert area.avatar_status().startswith("审核中")
    backend.advance_days(1)
    assert area.avatar_status() == "已展示"


@pytest.mark.parametrize(
    "upload, rule",
    [
        (jpg("me.jpg", total=rules.AVATAR_MAX_BYTES), "max_bytes"),
        (png("me.png"), "format"),
        (("me.jpg", png()[1]), "format"),
        (("me.png", jpg()[1]), "extension"),
        (None, "required"),
        (("me.jpg", b"\xff\xd8\xff\xe0 not really"), "format"),
    ],
)
def test_avatar_refusals(backend, upload, rule):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.upload_avatar(upload)
    assert exc.value.errors[0].field == "avatar" and exc.value.errors[0].rule == rule
    assert file_bytes(backend.path) == before


def test_avatar_reads_the_real_bytes_not_the_name(backend):
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.upload_avatar(("avatar.jpg", png(size=(50, 50))[1]))
    assert "PNG" in exc.value.errors[0].message


def test_business_card_and_sourcing(backend):
    backend.account_security.update_card(CARD)
    assert backend.state.account_profiles["admin"].card.card_email == "mark@dianyue.com"
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.update_card({**CARD, "card_email": "mark", "card_company": "典阅"})
    assert set(exc.value.by_field()) == {"card_email", "card_company"}


@pytest.mark.parametrize("level", rules.PRIVACY_LEVELS)
def test_the_three_privacy_levels(backend, level):
    backend.account_security.set_privacy({"profile_visibility": level, "sourcing_visibility": level})
    assert backend.state.account_profiles["admin"].profile_visibility == level


def test_an_unknown_privacy_level_is_refused(backend):
    with pytest.raises(ValidationFailed):
        backend.account_security.set_privacy(
            {"profile_visibility": "好友可见", "sourcing_visibility": "所有用户可见"}
        )


# --- sensitive operations -----------------------------------------------------------------------
def test_change_password_by_sms_code_and_id_number(backend, tmp_path):
    area = backend.account_security
    code = area.request_code("change_password", SMS)
    msg = backend.inbox.latest()
    assert msg.channel == "sms" and msg.to == "13666301234" and code in msg.body
    area.change_password({"verify_method": SMS, "verification_code": code, "id_no": ID_NO,
                          "new_password": "Dianyue2022!", "confirm_password": "Dianyue2022!"})  # fmt: skip
    assert verify_password("Dianyue2022!", backend.state.account.password_hash)
    assert "Dianyue2022!" not in (tmp_path / STATE_FILENAME).read_text(encoding="utf-8")
    # The code is used up.
    with pytest.raises(ValidationFailed) as exc:
        area.change_password({"verify_method": SMS, "verification_code": code, "id_no": ID_NO,
                              "new_password": "Another2022", "confirm_password": "Another2022"})  # fmt: skip
    assert "verification_code" in exc.value.by_field()


def test_change_email_by_email_code(backend):
    area = backend.account_security
    code = area.request_code("change_email", EMAIL)
    assert backend.inbox.latest().to == "dianyuekeji@163.com"
    area.change_email({"verify_method": EMAIL, "verification_code": code, "id_no": ID_NO,
                       "new_email": "mark@dianyue.com"})  # fmt: skip
    acc = backend.state.account
    assert acc.email == acc.login_id == "mark@dianyue.com"
    assert "dianyuekeji@163.com" not in backend.state.bound_emails


def test_security_question_then_verify_with_it(backend):
    area = backend.account_security
    area.set_security_question({**by_sms(backend, "security_question"), "new_question": "您的出生地是？",
                                "new_answer": "Changsha"})  # fmt: skip
    p = backend.state.account_profiles["admin"]
    assert p.security_question == "您的出生地是？" and "Changsha" not in p.security_answer_hash
    with pytest.raises(ValidationFailed) as exc:
        area.set_security_phone({"verify_method": QUESTION, "security_answer": "Wuhan", "id_no": ID_NO,
                                 "new_mobile": "13900001111"})  # fmt: skip
    assert "security_answer" in exc.value.by_field()
    area.set_security_phone({"verify_method": QUESTION, "security_answer": "  changsha ", "id_no": ID_NO,
                             "new_mobile": "13900001111"})  # fmt: skip
    assert backend.state.account_profiles["admin"].security_phone == "13900001111"


def test_security_question_method_needs_a_question(backend):
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.set_security_phone(
            {"verify_method": QUESTION, "security_answer": "x", "id_no": ID_NO, "new_mobile": "13900001111"}
        )
    assert "安全问题" in exc.value.by_field()["verify_method"]


def test_manual_service_takes_one_working_day(backend):
    warnings = backend.account_security.set_security_phone(
        {"verify_method": MANUAL, "service_reason": "原手机号已停用，需要更换", "new_mobile": "13900001111"}
    )
    assert backend.today() == dt.date(2022, 3, 21)
    assert any("1 个工作日" in w for w in warnings)


@pytest.mark.parametrize(
    "change, key",
    [
        ({"id_no": "370202198512461235"}, "id_no"),
        ({"id_no": "12345"}, "id_no"),
        ({"verification_code": "000000"}, "verification_code"),
        ({"verification_code": "12a456"}, "verification_code"),
        ({"verify_method": "刷脸"}, "verify_method"),
        ({"verify_method": None}, "verify_method"),
    ],
)
def test_a_failed_identity_check_changes_nothing(backend, change, key):
    proof = by_sms(backend, "security_phone")
    if change.get("verification_code") == "000000" and proof["verification_code"] == "000000":
        change = {"verification_code": "111111"}
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.set_security_phone({**proof, **change, "new_mobile": "13900001111"})
    assert key in exc.value.by_field()
    assert file_bytes(backend.path) == before


def test_a_code_without_asking_for_one_is_refused(backend):
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.set_security_phone(
            {"verify_method": SMS, "verification_code": "123456", "id_no": ID_NO, "new_mobile": "13900001111"}
        )
    assert "获取验证码" in exc.value.by_field()["verification_code"]


def test_an_old_code_expires(backend):
    proof = by_sms(backend, "security_phone")
    backend.advance_days(1)
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.set_security_phone({**proof, "new_mobile": "13900001111"})
    assert "过期" in exc.value.by_field()["verification_code"]


def test_a_code_for_one_operation_does_not_unlock_another(backend):
    proof = by_sms(backend, "change_email")
    with pytest.raises(ValidationFailed):
        backend.account_security.set_security_phone({**proof, "new_mobile": "13900001111"})


@pytest.mark.parametrize(
    "values, key",
    [
        ({"new_password": "short", "confirm_password": "short"}, "new_password"),
        ({"new_password": "dianyue123", "confirm_password": "dianyue123"}, "new_password"),
        ({"new_password": "Dianyue2022", "confirm_password": "Dianyue2023"}, "confirm_password"),
        ({"new_password": " Dianyue2022", "confirm_password": " Dianyue2022"}, "new_password"),
    ],
)
def test_password_rules(backend, values, key):
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.change_password({**by_sms(backend, "change_password"), **values})
    assert key in exc.value.by_field()


@pytest.mark.parametrize(
    "email", ["dianyue@163.com", "dianyuekeji@163.com", "wangfang.dianyue@163.com", "x@y"]
)
def test_new_email_must_be_free_and_valid(backend, email):
    with pytest.raises(ValidationFailed) as exc:
        backend.account_security.change_email({**by_sms(backend, "change_email"), "new_email": email})
    assert "new_email" in exc.value.by_field()


def test_request_code_refuses_methods_without_a_code(backend):
    for method in (QUESTION, MANUAL, "x"):
        with pytest.raises(SimError):
            backend.account_security.request_code("change_email", method)
    with pytest.raises(SimError):
        backend.account_security.request_code("delete_store", SMS)


# --- every role manages its own account (L1336-1346) ---------------------------------------------
@pytest.mark.parametrize("role", SUB_ROLES)
def test_a_sub_account_changes_its_own_password_not_the_admins(backend, role):
    sub_id = act_as(backend, role)
    area = backend.account_security
    admin_hash = backend.state.account.password_hash
    area.change_password({"verify_method": MANUAL, "service_reason": "忘记了原来的密码",
                          "new_password": "Newpass2022", "confirm_password": "Newpass2022"})  # fmt: skip
    sub = next(s for s in backend.state.sub_accounts if s.id == sub_id)
    assert verify_password("Newpass2022", sub.password_hash)
    assert backend.state.account.password_hash == admin_hash


@pytest.mark.parametrize("role", SUB_ROLES)
def test_every_role_may_manage_its_own_information(backend, role):
    sub_id = act_as(backend, role)
    area = backend.account_security
    area.update_profile(PROFILE)
    area.upload_avatar(jpg())
    area.update_card(CARD)
    area.set_privacy({"profile_visibility": "所有用户不可见", "sourcing_visibility": "仅认证供应商可见"})
    code = area.request_code("change_email", EMAIL)
    assert backend.inbox.latest().to == next(s.email for s in backend.state.sub_accounts if s.id == sub_id)
    # A sub-account has no ID number registered: the ID-based methods send it to 人工服务.
    with pytest.raises(ValidationFailed) as exc:
        area.change_email(
            {"verify_method": EMAIL, "verification_code": code, "id_no": ID_NO, "new_email": "n@x.com"}
        )
    assert "人工服务" in exc.value.by_field()["id_no"]
    assert set(backend.state.account_profiles) == {"admin", sub_id}


def test_permissions_cover_every_account_center_operation(backend, monkeypatch):
    """The simulator asks the permission matrix before each operation (all roles may, L1336-1346)."""
    from alisim_widgets.sim import account_security

    asked = []
    monkeypatch.setattr(account_security, "require", lambda _b, key: asked.append(key))
    area = backend.account_security
    area.update_profile(PROFILE)
    area.upload_avatar(jpg())
    area.update_card(CARD)
    area.set_privacy({"profile_visibility": "所有用户可见", "sourcing_visibility": "所有用户可见"})
    for op in ("change_email", "change_password", "security_phone", "security_question"):
        area.request_code(op, SMS)
    assert set(asked) == {"account.profile", "account.avatar", "account.change_email", "account.change_password",
                          "account.security_phone", "account.security_question"}  # fmt: skip


def test_a_deleted_acting_account_is_refused(backend):
    with backend.transaction("test") as work:
        work.acting_as = "sub99"
    with pytest.raises(PermissionDenied):
        backend.account_security.update_profile(PROFILE)
