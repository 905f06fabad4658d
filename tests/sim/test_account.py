"""Registration (task 01.2.2): rules, the SMS code, bound emails, hashed passwords."""

from __future__ import annotations

import json

import pytest

from alisim_widgets.sim import ValidationFailed
from alisim_widgets.sim.errors import SimError
from alisim_widgets.sim.scenarios.p01_account import BOUND_EMAILS
from tests.data import REGISTRATION


def register(backend, **changes):
    data = {**REGISTRATION, **changes}
    code = backend.account.request_code(data["mobile"])
    return backend.account.register({**data, "verification_code": code})


def field_errors(exc_info) -> dict[str, str]:
    return exc_info.value.by_field()


def test_textbook_data_registers_a_free_member(make_backend):
    """Is the textbook's data accepted verbatim, and is the new account a free member?"""
    backend = make_backend("01_account")
    warnings = register(backend)
    acc = backend.state.account
    assert acc.company_name == "湖南典阅科技有限公司"
    assert acc.legal_rep_name_en == "Zhang long"
    assert acc.tier == "免费会员"
    assert acc.login_id == "dianyuekeji@163.com"
    # The textbook's licence number fails the GB/T 17710 check digit: accepted without any warning
    # (RULES.md, Contradictions: the textbook's data must not look mistyped).
    assert warnings == []


def test_password_is_never_saved_in_plain_text(make_backend, tmp_path):
    backend = make_backend("01_account")
    register(backend)
    text = (tmp_path / "alisim_state.json").read_text(encoding="utf-8")
    assert "dianyue123" not in text
    stored = json.loads(text)["account"]["password_hash"]
    assert stored.startswith("scrypt$")


def test_same_password_gets_different_salts(make_backend, tmp_path):
    a = make_backend("01_account", tmp_path / "a")
    b = make_backend("01_account", tmp_path / "b")
    register(a)
    register(b)
    assert a.state.account.password_hash != b.state.account.password_hash


@pytest.mark.parametrize("email", BOUND_EMAILS)
def test_email_bound_to_another_account_is_refused(make_backend, email):
    backend = make_backend("01_account")
    with pytest.raises(ValidationFailed) as exc:
        register(backend, email=email)
    assert "已绑定" in field_errors(exc)["email"]
    assert backend.state.account is None


def test_bound_email_check_ignores_case(make_backend):
    backend = make_backend("01_account")
    with pytest.raises(ValidationFailed) as exc:
        register(backend, email=BOUND_EMAILS[0].upper())
    assert "email" in field_errors(exc)


def test_code_must_be_requested_first(make_backend):
    backend = make_backend("01_account")
    with pytest.raises(ValidationFailed) as exc:
        backend.account.register({**REGISTRATION, "verification_code": "123456"})
    assert "获取验证码" in field_errors(exc)["verification_code"]


def test_wrong_code_is_refused_and_latest_code_counts(make_backend):
    backend = make_backend("01_account")
    first = backend.account.request_code(REGISTRATION["mobile"])
    second = backend.account.request_code(REGISTRATION["mobile"])
    wrong = f"{(int(second) + 1) % 10**6:06d}"
    with pytest.raises(ValidationFailed) as exc:
        backend.account.register({**REGISTRATION, "verification_code": wrong})
    assert "verification_code" in field_errors(exc)
    if first != second:
        with pytest.raises(ValidationFailed):
            backend.account.register({**REGISTRATION, "verification_code": first})
    backend.account.register({**REGISTRATION, "verification_code": second})
    assert backend.state.account is not None


def test_code_arrives_in_the_inbox(make_backend):
    backend = make_backend("01_account")
    code = backend.account.request_code("13666301234")
    msg = backend.inbox.latest()
    assert msg.channel == "sms" and msg.to == "13666301234" and msg.code == code
    assert code in msg.body and len(code) == 6


def test_all_field_errors_come_at_once(make_backend):
    backend = make_backend("01_account")
    with pytest.raises(ValidationFailed) as exc:
        backend.account.register({})
    assert set(field_errors(exc)) == {
        "company_name", "company_address", "license_no", "email", "legal_rep_name",
        "legal_rep_name_en", "password", "mobile", "verification_code",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("password", "12345", "至少需要 6 个字符"),
        ("password", "a" * 21, "不能超过 20 个字符"),
        ("password", " dianyue123", "空格"),
        ("mobile", "1366630123", "11 位"),
        ("mobile", "23666301234", "格式不正确"),
        ("license_no", "44000055152341", "15 位数字或 18 位"),
        ("license_no", "4400005515234AB", "15 位数字"),
        ("email", "dianyuekeji@163", "格式不正确"),
        ("legal_rep_name", "张", "至少需要 2 个字符"),
        ("legal_rep_name_en", "张龙", "英文字母"),
    ],
)
def test_rule_boundaries(make_backend, key, value, fragment):
    backend = make_backend("01_account")
    with pytest.raises(ValidationFailed) as exc:
        register(backend, **{key: value})
    assert fragment in field_errors(exc)[key]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("password", "123456"),
        ("password", "a" * 20),
        ("license_no", "91430104MA4L0XXX0Y"),  # an 18-character unified social credit code
        ("legal_rep_name_en", "Zhang Long"),
    ],
)
def test_boundary_values_that_pass(make_backend, key, value):
    backend = make_backend("01_account")
    register(backend, **{key: value})
    assert backend.state.account is not None


def test_cannot_register_twice_and_the_message_says_how_to_correct(make_backend):
    backend = make_backend("01_account")
    register(backend)
    with pytest.raises(SimError, match="已经注册") as exc:
        register(backend, email="another@163.com")
    assert "保存修改" in exc.value.message and "重新开始" not in exc.value.message


def test_registration_uses_the_scenario_clock(make_backend):
    backend = make_backend("01_account")
    register(backend)
    assert backend.state.account.registered_on == backend.today()
    assert str(backend.today()) == "2022-03-10"


def test_audit_log_records_who_did_what(make_backend):
    backend = make_backend("01_account")
    register(backend)
    ops = [(e.op, e.source, e.actor) for e in backend.state.audit]
    assert ("account.register", "code", "admin") in ops


# --- 账号信息: correcting the registered account ----------------------------------------------------
def test_correcting_a_field_keeps_everything_else(make_backend, tmp_path):
    """A typo in the company address is corrected in place; the quiz answers and the rest stay."""
    from autograde import check

    backend = make_backend("01_account")
    register(backend, company_address="湖南省长沙市岳麓区谷园街道谷园路 20 号")
    backend.quiz.answer("01.q2", ["29800 元/年"])
    backend.quiz.answer("01.q5", ["错"])
    answers = dict(backend.state.answers)
    before = backend.state.account.model_copy()
    notes = backend.account.update({"company_address": REGISTRATION["company_address"]})
    assert notes == ["已修改：公司地址。"]
    acc = backend.state.account
    assert acc.company_address == REGISTRATION["company_address"]
    assert acc.password_hash == before.password_hash and acc.registered_on == before.registered_on
    assert backend.state.answers == answers
    assert json.loads((tmp_path / "alisim_state.json").read_text(encoding="utf-8"))["answers"] == answers
    assert check("01.2.2", backend).full
    assert backend.state.audit[-1].op == "account.update"


def test_update_has_the_rules_of_registration_all_errors_at_once(make_backend, tmp_path):
    backend = make_backend("01_account")
    register(backend)
    saved = (tmp_path / "alisim_state.json").read_bytes()
    with pytest.raises(ValidationFailed) as exc:
        backend.account.update(
            {"company_name": "", "legal_rep_name": "张", "license_no": "123", "mobile": "1"}
        )
    assert set(field_errors(exc)) == {"company_name", "legal_rep_name", "license_no", "mobile"}
    assert "至少需要 2 个字符" in field_errors(exc)["legal_rep_name"]
    assert (tmp_path / "alisim_state.json").read_bytes() == saved


def test_a_new_mobile_needs_the_code_sent_to_it(make_backend):
    backend = make_backend("01_account")
    register(backend)
    with pytest.raises(ValidationFailed) as exc:
        backend.account.update({"mobile": "13900001111", "verification_code": "123456"})
    assert "获取验证码" in field_errors(exc)["verification_code"]
    code = backend.account.request_code("13900001111")
    assert "修改账号手机号码" in backend.inbox.latest().subject
    backend.account.update({"mobile": "13900001111", "verification_code": code})
    assert backend.state.account.mobile == "13900001111"


def test_email_and_password_are_sensitive(make_backend):
    """The registration form carries them: unchanged they pass, changed they point to 账号安全."""
    backend = make_backend("01_account")
    register(backend)
    assert backend.account.update({**REGISTRATION, "verification_code": ""}) == [
        "账号信息没有变化，无需保存。"
    ]
    with pytest.raises(ValidationFailed) as exc:
        backend.account.update({**REGISTRATION, "email": "another@163.com", "password": "another123"})
    errors = field_errors(exc)
    assert "修改注册邮箱" in errors["email"] and "账号安全" in errors["email"]
    assert "修改密码" in errors["password"]
    assert backend.state.account.email == REGISTRATION["email"]


def test_email_change_through_account_security(make_backend):
    """The login email changes as in project 02 (修改注册邮箱 with an identity check); the check sees it."""
    from autograde import check

    backend = make_backend("01_account")
    register(backend, email="dianyuekeji@126.com")
    assert not check("01.2.2", backend).full
    backend.account_security.change_email(
        {
            "verify_method": "人工服务",
            "service_reason": "注册时邮箱填错了",
            "new_email": REGISTRATION["email"],
        }
    )
    assert backend.state.account.email == backend.state.account.login_id == REGISTRATION["email"]
    assert check("01.2.2", backend).full


def test_certified_fields_are_fixed_after_av(make_backend):
    backend = make_backend("03_product")  # A&V passed in project 02
    with pytest.raises(ValidationFailed) as exc:
        backend.account.update({"company_name": "湖南典阅", "company_address": "湖南省长沙市谷园路 1 号"})
    assert list(field_errors(exc)) == ["company_name"]
    assert "A&V" in field_errors(exc)["company_name"]


def test_update_before_registering_says_register_first(make_backend):
    backend = make_backend("01_account")
    with pytest.raises(SimError, match="还没有注册"):
        backend.account.update({"company_name": "湖南典阅科技有限公司"})
