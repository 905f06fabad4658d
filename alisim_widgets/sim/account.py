"""账号注册 (task 01.2.2): the registration of a free member, with an SMS code.

Registration is refused when the email is already bound to another Alibaba account (L358).
After registering, 账号信息 can be corrected (:meth:`AccountArea.update`) with the same rules; the login
email and the password are sensitive and change only through 账号安全 (``backend.account_security``).

The 15-digit licence number is checked for its format only: the textbook's 440000551523412 does not
follow the GB/T 17710 check digit, as many old-style registration numbers do not (RULES.md, Contradictions).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .security import hash_password, verify_password
from .state import Account

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["AccountArea", "REGISTRATION_LABELS", "EDITABLE_KEYS", "SENSITIVE_KEYS"]

REGISTRATION_LABELS = {
    "company_name": "公司名称",
    "company_address": "公司地址",
    "license_no": "营业执照号",
    "email": "电子邮箱",
    "legal_rep_name": "法人姓名",
    "legal_rep_name_en": "英文姓名",
    "password": "登录密码",
    "mobile": "手机号码",
    "verification_code": "短信验证码",
}
# 账号信息 that can be corrected after registering (same rules as registration).
EDITABLE_KEYS = (
    "company_name",
    "company_address",
    "license_no",
    "legal_rep_name",
    "legal_rep_name_en",
    "mobile",
)
# Sensitive: changed only in 账号安全 with an identity check (L1255-1274), key → the operation's name there.
SENSITIVE_KEYS = {"email": "修改注册邮箱", "password": "修改密码"}
# Fixed by A&V once it has passed: 公司信息 shows them read-only (L664).
_CERTIFIED_KEYS = ("company_name", "license_no", "legal_rep_name", "legal_rep_name_en")

CODE_PURPOSE = "register"
MOBILE_PURPOSE = "account.mobile"
_COMPANY_CHARS = validate.CJK + r"A-Za-z0-9 ()（）&·.,\-"
_ADDRESS_CHARS = validate.CJK + r"A-Za-z0-9 ()（）#,，、.\-/"
_NAME_CN_CHARS = validate.CJK + "·"
_NAME_EN_CHARS = r"A-Za-z .'\-"
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")


def _mask(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) >= 7 else mobile


# The text fields of registration and 账号信息, with their rules (one table for both).
_TEXT_FIELDS: dict[str, dict[str, Any]] = {
    "company_name": {"max_len": rules.COMPANY_NAME_MAX, "allowed": _COMPANY_CHARS, "allowed_desc": "中英文、数字和括号"},
    "company_address": {"max_len": rules.ADDRESS_MAX, "allowed": _ADDRESS_CHARS, "allowed_desc": "中英文、数字和常用标点"},
    "legal_rep_name": {"max_len": 20, "min_len": 2, "allowed": _NAME_CN_CHARS, "allowed_desc": "中文姓名"},
    "legal_rep_name_en": {
        "max_len": rules.PERSON_NAME_MAX, "allowed": _NAME_EN_CHARS, "allowed_desc": "英文字母、空格和 . ' -",
    },
}  # fmt: skip


class AccountArea:
    """账户: registration of the store's admin account, and corrections of its 账号信息."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def registered(self) -> bool:
        return self.backend.state.account is not None

    def request_code(self, mobile: Any) -> str:
        """「获取验证码」: send a 6-digit code by SMS to ``mobile`` (it lands in ``backend.inbox``).

        Before registering the code is for registration; afterwards it proves a new mobile number.
        """
        errors = FieldErrors()
        mobile = validate.digits(
            errors, "mobile", "手机号码", mobile, lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}"
        )
        errors.raise_if_any()
        purpose, subject = (
            (MOBILE_PURPOSE, "修改账号手机号码")
            if self.registered
            else (CODE_PURPOSE, "注册阿里巴巴国际站账号")
        )
        with self.backend.transaction("account.request_code", f"mobile={mobile}") as work:
            return self.backend.send_code(work, channel="sms", to=mobile, purpose=purpose, subject=subject)

    def register(self, values: dict[str, Any]) -> list[str]:
        """「同意并注册」: validate every field at once; on success the admin account exists.

        Returns the warnings (advice that does not block registration).
        """
        if self.registered:
            raise SimError(
                f"本店铺已经注册了账号（{self.backend.state.account.email}）。要改正注册信息，请在注册页面直接修改后"
                "点击“保存修改”（代码：backend.account.update({...})）；登录邮箱和密码请在“账号安全”中修改。"
            )
        _unknown(values)
        errors, warnings = FieldErrors(), []
        lab = REGISTRATION_LABELS
        get = values.get
        clean = self._editable_fields(errors, values, EDITABLE_KEYS)
        email = validate.email(errors, "email", lab["email"], get("email"), max_len=rules.EMAIL_MAX)
        if email is not None:
            bound = {e.lower() for e in self.backend.state.bound_emails}
            if email.lower() in bound:
                errors.add("email", "该邮箱已绑定其他阿里巴巴账号，请换一个未注册过的邮箱", "email_bound")
        validate.password(errors, "password", lab["password"], get("password"))
        self._check_code(errors, CODE_PURPOSE, clean.get("mobile"), get("verification_code"))
        errors.raise_if_any()

        mobile = clean["mobile"]
        with self.backend.transaction("account.register", f"email={email}") as work:
            for p in work.pending_codes:
                if p.purpose == CODE_PURPOSE and p.to == mobile:
                    p.used = True
            work.account = Account(
                login_id=email,
                email=email,
                password_hash=hash_password(values["password"]),
                tier=rules.TIER_FREE,
                registered_on=work.today,
                **clean,
            )
            work.bound_emails.append(email)
        return warnings

    def update(self, values: dict[str, Any]) -> list[str]:
        """「保存修改」 (账号信息): correct company name, address, licence, legal representative, mobile.

        The same rules as registration, all errors at once; keys left out stay as they are. A new mobile
        number needs the SMS code sent to it (「获取验证码」). The login email and the password are
        sensitive: they may be given unchanged (the registration form carries them), and otherwise are
        refused with the way to change them (账号安全, with an identity check).
        """
        acc = self.backend.state.account
        if acc is None:
            raise SimError("本店铺还没有注册账号：请先填写注册信息并点击“同意并注册”")
        _unknown(values)
        errors, lab, get = FieldErrors(), REGISTRATION_LABELS, values.get
        clean = self._editable_fields(errors, values, tuple(k for k in EDITABLE_KEYS if k in values))
        email = get("email")
        if isinstance(email, str) and email.strip() and email.strip().lower() != acc.email.lower():
            errors.add(
                "email",
                f"{lab['email']}是登录账号，属于敏感信息，不能在这里修改：请在“账号安全”中选择"
                f"“{SENSITIVE_KEYS['email']}”并验证身份",
                "sensitive",
            )
        password = get("password")
        if isinstance(password, str) and password and not verify_password(password, acc.password_hash):
            errors.add(
                "password",
                f"{lab['password']}不能在这里修改（留空表示不修改）：请在“账号安全”中选择“{SENSITIVE_KEYS['password']}”"
                "并验证身份",
                "sensitive",
            )
        if self.backend.state.verification is not None and self.backend.state.verification.status == "passed":
            for key in _CERTIFIED_KEYS:
                if clean.get(key) is not None and clean[key] != getattr(acc, key):
                    errors.add(key, f"A&V 认证已通过，{lab[key]}以认证信息为准，不能再修改", "certified")
        new_mobile = clean.get("mobile")
        if new_mobile is not None and new_mobile != acc.mobile:
            self._check_code(errors, MOBILE_PURPOSE, new_mobile, get("verification_code"))
        errors.raise_if_any()

        changed = {k: v for k, v in clean.items() if v is not None and v != getattr(acc, k)}
        if not changed:
            return ["账号信息没有变化，无需保存。"]
        old_mobile = acc.mobile
        with self.backend.transaction("account.update", "fields=" + ",".join(changed)) as work:
            for k, v in changed.items():
                setattr(work.account, k, v)
            if "mobile" in changed:
                for p in work.pending_codes:
                    if p.purpose == MOBILE_PURPOSE and p.to == new_mobile:
                        p.used = True
                profile = work.account_profiles.get("admin")
                if profile is not None and profile.mobile == old_mobile:
                    profile.mobile = new_mobile
        done = [f"已修改：{'、'.join(lab[k] for k in changed)}。"]
        profile = self.backend.state.account_profiles.get("admin")
        if "mobile" in changed and profile is not None and profile.security_phone == old_mobile:
            done.append(
                f"安全手机仍是 {_mask(old_mobile)}；如需更换，请在“账号安全”中选择“管理安全手机”并验证身份。"
            )
        return done

    # --- helpers -------------------------------------------------------------------------------
    def _editable_fields(
        self, errors: FieldErrors, values: dict[str, Any], keys: tuple[str, ...]
    ) -> dict[str, Any]:
        """Validate the 账号信息 fields in ``keys`` (the rules of registration)."""
        lab, get, out = REGISTRATION_LABELS, values.get, {}
        for key, text_rules in _TEXT_FIELDS.items():
            if key in keys:
                out[key] = validate.text(errors, key, lab[key], get(key), **text_rules)
        if "license_no" in keys:
            out["license_no"] = _license_no(errors, get("license_no"))
        if "mobile" in keys:
            out["mobile"] = validate.digits(
                errors, "mobile", lab["mobile"], get("mobile"),
                lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}",
            )  # fmt: skip
        return out

    def _check_code(self, errors: FieldErrors, purpose: str, mobile: str | None, value: Any) -> None:
        lab = REGISTRATION_LABELS["verification_code"]
        code = validate.digits(errors, "verification_code", lab, value, lengths=(rules.SMS_CODE_DIGITS,))
        if code is None or mobile is None:
            return
        pending = [
            p for p in self.backend.state.pending_codes
            if p.purpose == purpose and p.to == mobile and not p.used
        ]  # fmt: skip
        if not pending:
            errors.add(
                "verification_code", "请先点击“获取验证码”，把验证码发送到这个手机号码", "code_missing"
            )
        elif pending[-1].code != code:
            errors.add("verification_code", "短信验证码不正确，请查看收件箱里最新的一条", "code_wrong")


def _unknown(values: dict[str, Any]) -> None:
    unknown = set(values) - set(REGISTRATION_LABELS)
    if unknown:
        raise SimError(f"注册表单没有这些字段：{', '.join(sorted(unknown))}")


def _license_no(errors: FieldErrors, value: Any) -> str | None:
    """A 15-digit registration number or an 18-character unified social credit code: the format only."""
    license_no = validate.text(errors, "license_no", REGISTRATION_LABELS["license_no"], value, max_len=30)
    if license_no is None:
        return None
    license_no = license_no.upper()
    if len(license_no) == 15 and not license_no.isdigit() or len(license_no) not in rules.LICENSE_NO_LENGTHS:
        errors.add("license_no", "营业执照号应为 15 位数字或 18 位统一社会信用代码", "format")
        return None
    if len(license_no) == 18 and not _USCC.fullmatch(license_no):
        errors.add(
            "license_no", "18 位统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）", "format"
        )
        return None
    return license_no
