"""账号注册 (task 01.2.2): the registration of a free member, with an SMS code.

Registration is refused when the email is already bound to another Alibaba account (L404).
The textbook's licence number fails its check digit, so the check digit only warns (RULES.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .security import hash_password
from .state import Account

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["AccountArea", "REGISTRATION_LABELS", "license_check_digit_ok"]

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

CODE_PURPOSE = "register"
_COMPANY_CHARS = validate.CJK + r"A-Za-z0-9 ()（）&·.,\-"
_ADDRESS_CHARS = validate.CJK + r"A-Za-z0-9 ()（）#,，、.\-/"
_NAME_CN_CHARS = validate.CJK + "·"
_NAME_EN_CHARS = r"A-Za-z .'\-"
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")


def license_check_digit_ok(number: str) -> bool:
    """ISO 7064 MOD 11,10 check of a 15-digit business registration number (GB 12378)."""
    if len(number) != 15 or not number.isdigit():
        return True  # only the old 15-digit number is checked
    p = 10
    for ch in number[:14]:
        s = (p + int(ch)) % 10 or 10
        p = (s * 2) % 11
    return (11 - p) % 10 == int(number[14])


class AccountArea:
    """账户: registration of the store's admin account."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def registered(self) -> bool:
        return self.backend.state.account is not None

    def request_code(self, mobile: Any) -> str:
        """「获取验证码」: send a 6-digit code by SMS to ``mobile`` (it lands in ``backend.inbox``)."""
        errors = FieldErrors()
        mobile = validate.digits(
            errors, "mobile", "手机号码", mobile, lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}"
        )
        errors.raise_if_any()
        with self.backend.transaction("account.request_code", f"mobile={mobile}") as work:
            return self.backend.send_code(
                work, channel="sms", to=mobile, purpose=CODE_PURPOSE, subject="注册阿里巴巴国际站账号"
            )

    def register(self, values: dict[str, Any]) -> list[str]:
        """「同意并注册」: validate every field at once; on success the admin account exists.

        Returns the warnings (advice that does not block registration).
        """
        if self.registered:
            raise SimError(
                f"本店铺已经注册了账号（{self.backend.state.account.email}）。如需重做，请先点击“重新开始本项目”。"
            )
        unknown = set(values) - set(REGISTRATION_LABELS)
        if unknown:
            raise SimError(f"注册表单没有这些字段：{', '.join(sorted(unknown))}")
        errors, warnings = FieldErrors(), []
        lab = REGISTRATION_LABELS
        get = values.get
        company_name = validate.text(
            errors, "company_name", lab["company_name"], get("company_name"),
            max_len=rules.COMPANY_NAME_MAX, allowed=_COMPANY_CHARS, allowed_desc="中英文、数字和括号",
        )  # fmt: skip
        address = validate.text(
            errors, "company_address", lab["company_address"], get("company_address"),
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_CHARS, allowed_desc="中英文、数字和常用标点",
        )  # fmt: skip
        license_no = validate.text(errors, "license_no", lab["license_no"], get("license_no"), max_len=30)
        if license_no is not None:
            license_no = license_no.upper()
            if (
                len(license_no) == 15
                and not license_no.isdigit()
                or len(license_no) not in rules.LICENSE_NO_LENGTHS
            ):
                errors.add("license_no", "营业执照号应为 15 位数字或 18 位统一社会信用代码", "format")
            elif len(license_no) == 18 and not _USCC.fullmatch(license_no):
                errors.add(
                    "license_no",
                    "18 位统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）",
                    "format",
                )
            elif not license_check_digit_ok(license_no):
                warnings.append("营业执照号的校验位与规则不符，请对照执照原件核对（模拟器只提示，不拒绝）。")
        email = validate.email(errors, "email", lab["email"], get("email"), max_len=rules.EMAIL_MAX)
        if email is not None:
            bound = {e.lower() for e in self.backend.state.bound_emails}
            if email.lower() in bound:
                errors.add("email", "该邮箱已绑定其他阿里巴巴账号，请换一个未注册过的邮箱", "email_bound")
        validate.text(
            errors, "legal_rep_name", lab["legal_rep_name"], get("legal_rep_name"),
            max_len=20, min_len=2, allowed=_NAME_CN_CHARS, allowed_desc="中文姓名",
        )  # fmt: skip
        validate.text(
            errors, "legal_rep_name_en", lab["legal_rep_name_en"], get("legal_rep_name_en"),
            max_len=rules.PERSON_NAME_MAX, allowed=_NAME_EN_CHARS, allowed_desc="英文字母、空格和 . ' -",
        )  # fmt: skip
        validate.password(errors, "password", lab["password"], get("password"))
        mobile = validate.digits(
            errors,
            "mobile",
            lab["mobile"],
            get("mobile"),
            lengths=(rules.MOBILE_DIGITS,),
            pattern=r"1[3-9]\d{9}",
        )
        code = validate.digits(
            errors, "verification_code", lab["verification_code"], get("verification_code"),
            lengths=(rules.SMS_CODE_DIGITS,),
        )  # fmt: skip
        if code is not None and mobile is not None:
            pending = [
                p for p in self.backend.state.pending_codes
                if p.purpose == CODE_PURPOSE and p.to == mobile and not p.used
            ]  # fmt: skip
            if not pending:
                errors.add(
                    "verification_code", "请先点击“获取验证码”，把验证码发送到这个手机号码", "code_missing"
                )
            elif pending[-1].code != code:
                errors.add("verification_code", "短信验证码不正确，请查看收件箱里最新的一条", "code_wrong")
        errors.raise_if_any()

        v = {k: (str(values[k]).strip() if k != "password" else values[k]) for k in REGISTRATION_LABELS}
        with self.backend.transaction("account.register", f"email={email}") as work:
            for p in work.pending_codes:
                if p.purpose == CODE_PURPOSE and p.to == mobile:
                    p.used = True
            work.account = Account(
                login_id=email,
                company_name=company_name,
                company_address=address,
                license_no=license_no,
                email=email,
                legal_rep_name=v["legal_rep_name"],
                legal_rep_name_en=v["legal_rep_name_en"],
                password_hash=hash_password(v["password"]),
                mobile=mobile,
                tier=rules.TIER_FREE,
                registered_on=work.today,
            )
            work.bound_emails.append(email)
        return warnings
