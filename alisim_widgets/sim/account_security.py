"""账户信息与账号安全 (L1187-1274): personal info, avatar, business card, privacy, sensitive operations.

Every account (the admin and each sub-account) keeps its own profile; operations act for the account
that is acting now (``state.acting_as``). Changing the registered email, the password, the security
phone or the security question is sensitive (L1255-1274): the same submission must carry a passed
identity check by one of the four methods. 人工服务 takes one working day on the scenario clock.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .account_security_models import AccountProfile, AvatarUpload, BusinessCard
from .errors import FieldErrors, SimError
from .permissions import require
from .security import hash_password, verify_password
from .uploads import check_image
from .workdays import add_working_days

if TYPE_CHECKING:
    from .backend import Backend
    from .state import StoreState

__all__ = [
    "AccountSecurityArea",
    "LABELS",
    "OPERATIONS",
    "SECURITY_QUESTIONS",
    "GENDERS",
    "SOURCING_FREQUENCIES",
    "SOURCING_INDUSTRIES",
    "PROFILE_KEYS",
    "CARD_KEYS",
    "PRIVACY_KEYS",
    "VERIFY_KEYS",
    "OPERATION_KEYS",
]

GENDERS = ("男", "女")
SECURITY_QUESTIONS = (
    "您母亲的姓名是？",
    "您父亲的姓名是？",
    "您的出生地是？",
    "您小学的校名是？",
    "您最喜欢的一本书是？",
)
SOURCING_INDUSTRIES = ("玩具", "母婴用品", "服装", "家居用品", "消费电子", "礼品与工艺品", "其他")
SOURCING_FREQUENCIES = ("每周", "每月", "每季度", "每半年", "每年")
M_SMS, M_QUESTION, M_EMAIL, M_MANUAL = rules.SENSITIVE_VERIFY_METHODS

# operation → (Chinese name, permission key, the keys of its new values)
OPERATIONS = {
    "change_email": ("修改注册邮箱", "account.change_email", ("new_email",)),
    "change_password": ("修改密码", "account.change_password", ("new_password", "confirm_password")),
    "security_phone": ("管理安全手机", "account.security_phone", ("new_mobile",)),
    "security_question": ("设置安全问题", "account.security_question", ("new_question", "new_answer")),
}
LABELS = {
    "name": "姓名（英文）",
    "gender": "性别",
    "phone": "电话",
    "mobile": "手机",
    "contact_address": "联系地址",
    "department": "部门",
    "job_title": "职位",
    "avatar": "头像",
    "card_name": "名片姓名",
    "card_company": "名片公司名",
    "card_job_title": "名片职位",
    "card_email": "名片邮箱",
    "card_phone": "名片电话",
    "card_website": "公司网址",
    "sourcing_industry": "所处行业",
    "sourcing_frequency": "采购频率",
    "profile_visibility": "个人信息可见级别",
    "sourcing_visibility": "采购信息可见级别",
    "operation": "要进行的操作",
    "verify_method": "身份验证方式",
    "verification_code": "验证码",
    "id_no": "证件号码",
    "security_answer": "安全问题答案",
    "service_reason": "人工服务说明",
    "new_email": "新的注册邮箱",
    "new_password": "新密码",
    "confirm_password": "确认新密码",
    "new_mobile": "新的安全手机",
    "new_question": "安全问题",
    "new_answer": "安全问题答案（新）",
}
PROFILE_KEYS = ("name", "gender", "phone", "mobile", "contact_address", "department", "job_title")
CARD_KEYS = ("card_name", "card_company", "card_job_title", "card_email", "card_phone", "card_website",
             "sourcing_industry", "sourcing_frequency")  # fmt: skip
PRIVACY_KEYS = ("profile_visibility", "sourcing_visibility")
VERIFY_KEYS = ("verify_method", "verification_code", "id_no", "security_answer", "service_reason")
OPERATION_KEYS = tuple(k for _n, _p, keys in OPERATIONS.values() for k in keys)

_NAME_EN = r"A-Za-z .'\-"
_TEXT_EN = r"A-Za-z0-9 .,#'()/&\-"
_DEPT = validate.CJK + r"A-Za-z0-9 .,&()/（）\-"
_PHONE = re.compile(r"\+?\d{1,4}(-\d{2,5})?-\d{4,12}")
_WEBSITE = re.compile(r"(https?://)?([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(/[A-Za-z0-9._~%/?#=&+-]*)?")
_PASSWORD_CHARS = r"A-Za-z0-9!@#$%^&*._\-+=?~"
_ID_NO = re.compile(r"\d{17}[\dX]")


def _purpose(operation: str, account_id: str) -> str:
    return f"security.{operation}.{account_id}"


class AccountSecurityArea:
    """账户 → 个人信息 / 账号安全, for the acting account."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading -------------------------------------------------------------------------------
    @property
    def account_id(self) -> str:
        return self.backend.state.acting_as

    def profile(self, account_id: str | None = None) -> AccountProfile:
        """The saved profile, or the one the account starts with (from its registration data)."""
        return _profile_of(self.backend.state, account_id or self.account_id)

    def login_email(self, account_id: str | None = None) -> str:
        return _login_email(self.backend.state, account_id or self.account_id)

    def avatar_status(self, account_id: str | None = None) -> str | None:
        """None, 审核中（… 展示） or 已展示 (on the scenario clock)."""
        avatar = self.profile(account_id).avatar
        if avatar is None:
            return None
        if self.backend.today() >= avatar.visible_on:
            return "已展示"
        return f"审核中（预计 {avatar.visible_on} 展示）"

    # --- personal information ------------------------------------------------------------------
    def update_profile(self, values: dict[str, Any]) -> list[str]:
        """「管理个人信息」: name, gender, phones, address, department, job title."""
        require(self.backend, "account.profile")
        _unknown(values, PROFILE_KEYS)
        errors, get = FieldErrors(), values.get
        clean = {
            "name": validate.text(errors, "name", LABELS["name"], get("name"), max_len=rules.PERSON_NAME_MAX,
                                  allowed=_NAME_EN, allowed_desc="英文字母、空格和 . ' -"),
            "gender": validate.choice(errors, "gender", LABELS["gender"], get("gender"), GENDERS),
            "phone": _phone(errors, "phone", get("phone"), required=False),
            "mobile": validate.digits(errors, "mobile", LABELS["mobile"], get("mobile"),
                                      lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}"),
            "contact_address": validate.text(errors, "contact_address", LABELS["contact_address"],
                                             get("contact_address"), required=False, max_len=rules.ADDRESS_MAX,
                                             allowed=_TEXT_EN, allowed_desc="英文字母、数字和 . , # ' / -"),
            "department": validate.text(errors, "department", LABELS["department"], get("department"),
                                        required=False, max_len=60, allowed=_DEPT, allowed_desc="中英文、数字和 / -"),
            "job_title": validate.text(errors, "job_title", LABELS["job_title"], get("job_title"),
                                       required=False, max_len=60, allowed=_DEPT, allowed_desc="中英文、数字和 / -"),
        }  # fmt: skip
        errors.raise_if_any()
        with self.backend.transaction("account.profile", self.account_id) as work:
            p = self._editable(work)
            for k, v in clean.items():
                setattr(p, k, v or "")
        return ["请如实填写：海外买家会看到这些信息，并通过它们联系你。"]

    def upload_avatar(self, file: Any) -> list[str]:
        """「头像上传」: JPG only, smaller than 3 MB (L1217); reviewed, shown within 24 hours (L1223)."""
        require(self.backend, "account.avatar")
        errors = FieldErrors()
        meta = check_image(errors, "avatar", LABELS["avatar"], file, formats=("JPEG",),
                           max_bytes=rules.AVATAR_MAX_BYTES, required=True, at=self.backend.now())  # fmt: skip
        errors.raise_if_any()
        now = self.backend.now()
        # "within 24 hours": the simulator shows it from the next scenario day on.
        visible_on = (now + dt.timedelta(hours=rules.AVATAR_REVIEW_HOURS)).date()
        with self.backend.transaction("account.avatar", meta.name) as work:
            p = self._editable(work)
            p.avatar = AvatarUpload(image=meta, uploaded_at=now, visible_on=visible_on)
        return [f"头像已上传（{meta.width} × {meta.height} 像素），审核后 24 小时内展示（{visible_on}）。"]

    def update_card(self, values: dict[str, Any]) -> list[str]:
        """「商业信息」: the business card and the sourcing information."""
        require(self.backend, "account.profile")
        _unknown(values, CARD_KEYS)
        errors, get = FieldErrors(), values.get
        website = validate.text(errors, "card_website", LABELS["card_website"], get("card_website"),
                                required=False, max_len=200)  # fmt: skip
        if website and not _WEBSITE.fullmatch(website):
            errors.add("card_website", "公司网址格式不正确，应类似 www.example.com", "format")
        clean = {
            "card_name": validate.text(errors, "card_name", LABELS["card_name"], get("card_name"),
                                       max_len=rules.PERSON_NAME_MAX, allowed=_NAME_EN,
                                       allowed_desc="英文字母、空格和 . ' -"),
            "card_company": validate.text(errors, "card_company", LABELS["card_company"], get("card_company"),
                                          max_len=rules.COMPANY_NAME_MAX * 2, allowed=_TEXT_EN,
                                          allowed_desc="英文字母、数字和 . , & ( ) ' -"),
            "card_job_title": validate.text(errors, "card_job_title", LABELS["card_job_title"],
                                            get("card_job_title"), required=False, max_len=60, allowed=_TEXT_EN,
                                            allowed_desc="英文字母、数字和 . , / -"),
            "card_email": validate.email(errors, "card_email", LABELS["card_email"], get("card_email"),
                                         max_len=rules.EMAIL_MAX),
            "card_phone": _phone(errors, "card_phone", get("card_phone"), required=False),
            "card_website": website or "",
            "sourcing_industry": validate.choice(errors, "sourcing_industry", LABELS["sourcing_industry"],
                                                 get("sourcing_industry"), SOURCING_INDUSTRIES, required=False),
            "sourcing_frequency": validate.choice(errors, "sourcing_frequency", LABELS["sourcing_frequency"],
                                                  get("sourcing_frequency"), SOURCING_FREQUENCIES,
                                                  required=False),
        }  # fmt: skip
        errors.raise_if_any()
        with self.backend.transaction("account.card", self.account_id) as work:
            p = self._editable(work)
            p.card = BusinessCard(**{k: v or "" for k, v in clean.items()})
        return ["买家发询盘或 RFQ 时可以选择发送名片，快速拿到你的联系方式。"]

    def set_privacy(self, values: dict[str, Any]) -> list[str]:
        """「隐私设置」: who may see the personal and the sourcing information (L1243)."""
        require(self.backend, "account.profile")
        _unknown(values, PRIVACY_KEYS)
        errors = FieldErrors()
        clean = {
            k: validate.choice(errors, k, LABELS[k], values.get(k), rules.PRIVACY_LEVELS)
            for k in PRIVACY_KEYS
        }
        errors.raise_if_any()
        with self.backend.transaction("account.privacy", self.account_id) as work:
            p = self._editable(work)
            p.profile_visibility, p.sourcing_visibility = (
                clean["profile_visibility"],
                clean["sourcing_visibility"],
            )
        warnings = []
        if rules.PRIVACY_LEVELS[2] in clean.values():
            warnings.append("信息对所有用户不可见时，海外买家较难了解你；请按实际需要适度公开。")
        return warnings

    # --- sensitive operations ------------------------------------------------------------------
    def request_code(self, operation: str, method: str) -> str:
        """「获取验证码」 for ``operation``: by SMS to the security phone or by email to the login email."""
        name, permission, _keys = self._operation(operation)
        require(self.backend, permission)
        if method not in (M_SMS, M_EMAIL):
            raise SimError(f"只有“{M_SMS}”和“{M_EMAIL}”需要获取验证码")
        p = self.profile()
        if method == M_SMS:
            if not p.security_phone:
                raise SimError("这个账号还没有设置安全手机，请选择其他验证方式")
            channel, to = "sms", p.security_phone
        else:
            channel, to = "email", self.login_email()
        with self.backend.transaction("account.security_code", f"{operation} via {channel}") as work:
            return self.backend.send_code(
                work,
                channel=channel,
                to=to,
                purpose=_purpose(operation, self.account_id),
                subject=f"{name}身份验证",
            )

    def change_email(self, values: dict[str, Any]) -> list[str]:
        """「修改注册邮箱」: the new login email must not be bound to any other account."""
        errors, check = self._start("change_email", values)
        new = validate.email(
            errors, "new_email", LABELS["new_email"], values.get("new_email"), max_len=rules.EMAIL_MAX
        )
        state = self.backend.state
        current = self.login_email()
        if new is not None:
            taken = {e.lower() for e in state.bound_emails} | {s.email.lower() for s in state.sub_accounts}
            if state.account is not None:
                taken.add(state.account.email.lower())
            if new.lower() == current.lower():
                errors.add("new_email", "新的注册邮箱与当前邮箱相同", "same")
            elif new.lower() in taken:
                errors.add("new_email", "该邮箱已绑定其他阿里巴巴账号，请换一个", "email_bound")
        errors.raise_if_any()

        def apply(work: StoreState) -> None:
            account_id = self.account_id
            if account_id == "admin":
                work.account.email = new
                work.account.login_id = new
            else:
                _sub(work, account_id).email = new
            work.bound_emails = [e for e in work.bound_emails if e.lower() != current.lower()] + [new]

        return self._finish("change_email", check, apply, f"注册邮箱已改为 {new}，以后用它登录。")

    def change_password(self, values: dict[str, Any]) -> list[str]:
        """「修改密码」: stored only as a salted hash."""
        errors, check = self._start("change_password", values)
        new = _password(errors, "new_password", values.get("new_password"))
        confirm = values.get("confirm_password")
        if new is not None:
            if confirm != values.get("new_password"):
                errors.add("confirm_password", "两次输入的新密码不一致", "confirm")
            elif verify_password(new, self._password_hash()):
                errors.add("new_password", "新密码不能与当前密码相同", "same")
        errors.raise_if_any()
        digest = hash_password(new)

        def apply(work: StoreState) -> None:
            if self.account_id == "admin":
                work.account.password_hash = digest
            else:
                _sub(work, self.account_id).password_hash = digest
            self._editable(work).password_changed_on = work.today

        return self._finish("change_password", check, apply, "密码已修改，请用新密码登录。")

    def set_security_phone(self, values: dict[str, Any]) -> list[str]:
        """「管理安全手机」: the phone used for logins and for identity checks."""
        errors, check = self._start("security_phone", values)
        new = validate.digits(errors, "new_mobile", LABELS["new_mobile"], values.get("new_mobile"),
                              lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}")  # fmt: skip
        if new is not None and new == self.profile().security_phone:
            errors.add("new_mobile", "新的安全手机与当前安全手机相同", "same")
        errors.raise_if_any()

        def apply(work: StoreState) -> None:
            self._editable(work).security_phone = new

        return self._finish("security_phone", check, apply, f"安全手机已设置为 {new[:3]}****{new[-4:]}。")

    def set_security_question(self, values: dict[str, Any]) -> list[str]:
        """「设置安全问题」: the answer is kept hashed, like a password."""
        errors, check = self._start("security_question", values)
        question = validate.choice(errors, "new_question", LABELS["new_question"], values.get("new_question"),
                                   SECURITY_QUESTIONS)  # fmt: skip
        lo, hi = rules.SECURITY_ANSWER_LEN
        answer = validate.text(errors, "new_answer", LABELS["new_answer"], values.get("new_answer"),
                               min_len=lo, max_len=hi)  # fmt: skip
        errors.raise_if_any()
        digest = hash_password(_answer_key(answer))

        def apply(work: StoreState) -> None:
            p = self._editable(work)
            p.security_question, p.security_answer_hash = question, digest

        return self._finish("security_question", check, apply, "安全问题已设置，可以用它来验证身份。")

    # --- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _operation(operation: str) -> tuple[str, str, tuple[str, ...]]:
        if operation not in OPERATIONS:
            raise SimError(
                f"没有这个操作：{operation}（可选：{'、'.join(n for n, _p, _k in OPERATIONS.values())}）"
            )
        return OPERATIONS[operation]

    def _start(self, operation: str, values: dict[str, Any]) -> tuple[FieldErrors, dict[str, Any]]:
        name, permission, keys = self._operation(operation)
        require(self.backend, permission)
        _unknown(values, (*VERIFY_KEYS, *keys))
        errors = FieldErrors()
        return errors, self._verify(errors, operation, values)

    def _verify(self, errors: FieldErrors, operation: str, values: dict[str, Any]) -> dict[str, Any]:
        """Check the identity proof of one of the four methods; returns what to do once it passes."""
        get, p = values.get, self.profile()
        method = validate.choice(errors, "verify_method", LABELS["verify_method"], get("verify_method"),
                                 rules.SENSITIVE_VERIFY_METHODS)  # fmt: skip
        plan: dict[str, Any] = {"method": method, "code": None, "manual": method == M_MANUAL}
        if method is None:
            return plan
        if method == M_MANUAL:
            validate.text(errors, "service_reason", LABELS["service_reason"], get("service_reason"), min_len=5,
                          max_len=200, multiline=True)  # fmt: skip
            return plan
        # The three other methods all end with the ID number (证件号码).
        id_no = validate.text(errors, "id_no", LABELS["id_no"], get("id_no"), max_len=30)
        if id_no is not None:
            if not p.id_no:
                errors.add("id_no", "这个账号没有登记证件号码，请改用“人工服务”验证", "no_id")
            elif not _ID_NO.fullmatch(id_no.upper()):
                errors.add("id_no", "证件号码应为 18 位：17 位数字加 1 位数字或 X", "format")
            elif id_no.upper() != p.id_no.upper():
                errors.add("id_no", "证件号码与账号登记的不一致", "mismatch")
        if method == M_QUESTION:
            answer = validate.text(errors, "security_answer", LABELS["security_answer"], get("security_answer"),
                                   max_len=rules.SECURITY_ANSWER_LEN[1])  # fmt: skip
            if not p.security_question:
                errors.add("verify_method", "这个账号还没有设置安全问题，请选择其他验证方式", "no_question")
            elif answer is not None and not verify_password(_answer_key(answer), p.security_answer_hash):
                errors.add("security_answer", "安全问题的答案不正确", "mismatch")
            return plan
        to = p.security_phone if method == M_SMS else self.login_email()
        purpose = _purpose(operation, self.account_id)
        code = validate.digits(errors, "verification_code", LABELS["verification_code"], get("verification_code"),
                               lengths=(rules.SMS_CODE_DIGITS,))  # fmt: skip
        if code is not None:
            pending = [
                c
                for c in self.backend.state.pending_codes
                if c.purpose == purpose and c.to == to and not c.used
            ]
            where = "安全手机" if method == M_SMS else "注册邮箱"
            if not pending:
                errors.add("verification_code", f"请先点击“获取验证码”，验证码会发到{where}", "code_missing")
            elif self.backend.now() - pending[-1].sent_at > dt.timedelta(
                minutes=rules.SENSITIVE_CODE_VALID_MINUTES
            ):
                errors.add("verification_code", "验证码已过期，请重新获取", "code_expired")
            elif pending[-1].code != code:
                errors.add("verification_code", f"验证码不正确，请查看{where}收到的最新一条", "code_wrong")
            else:
                plan["code"] = (purpose, to)
        return plan

    def _finish(self, operation: str, plan: dict[str, Any], apply, done: str) -> list[str]:
        name = OPERATIONS[operation][0]
        with self.backend.transaction(
            f"account.{operation}", f"{self.account_id} via {plan['method']}"
        ) as work:
            if plan["code"]:
                purpose, to = plan["code"]
                for c in work.pending_codes:
                    if c.purpose == purpose and c.to == to:
                        c.used = True
            if plan["manual"]:
                # A person at customer service checks the request: one working day on the clock.
                work.today, work.tick = add_working_days(work.today, 1), 0
            apply(work)
        warnings = [done]
        if plan["manual"]:
            warnings.insert(
                0, f"人工服务核实用了 1 个工作日，模拟时钟已到 {self.backend.today()}；{name}已完成。"
            )
        return warnings

    def _editable(self, work: StoreState) -> AccountProfile:
        """The acting account's profile inside a transaction (created on first change)."""
        account_id = self.account_id
        if account_id not in work.account_profiles:
            work.account_profiles[account_id] = _profile_of(work, account_id)
        return work.account_profiles[account_id]

    def _password_hash(self) -> str:
        state = self.backend.state
        if self.account_id == "admin":
            return state.account.password_hash if state.account else ""
        return _sub(state, self.account_id).password_hash


def _profile_of(state: StoreState, account_id: str) -> AccountProfile:
    if account_id in state.account_profiles:
        return state.account_profiles[account_id]
    if account_id == "admin":
        acc = state.account
        if acc is None:
            raise SimError("本店铺还没有注册账号")
        return AccountProfile(account_id="admin", name=acc.legal_rep_name_en, mobile=acc.mobile,
                              security_phone=acc.mobile)  # fmt: skip
    sub = _sub(state, account_id)
    return AccountProfile(
        account_id=sub.id, name=sub.name, gender=sub.gender if sub.gender in GENDERS else "", phone=sub.phone,
        mobile=sub.mobile, contact_address=sub.contact_address, department=sub.department,
        job_title=sub.job_title, security_phone=sub.mobile,
    )  # fmt: skip


def _login_email(state: StoreState, account_id: str) -> str:
    if account_id == "admin":
        if state.account is None:
            raise SimError("本店铺还没有注册账号")
        return state.account.email
    return _sub(state, account_id).email


def _sub(state: StoreState, account_id: str):
    for sub in state.sub_accounts:
        if sub.id == account_id:
            return sub
    raise SimError(f"当前登录的账号（{account_id}）不存在或已被删除，请切换回管理员账号")


def _unknown(values: dict[str, Any], keys: tuple[str, ...]) -> None:
    unknown = set(values) - set(keys)
    if unknown:
        raise SimError(f"这个表单没有这些字段：{', '.join(sorted(unknown))}")


def _phone(errors: FieldErrors, key: str, value: Any, *, required: bool) -> str | None:
    text = validate.text(errors, key, LABELS[key], value, required=required, max_len=30)
    if text is not None and not _PHONE.fullmatch(text):
        errors.add(key, f"{LABELS[key]}格式应为 国家码-区号-号码，例如 86-0731-84785529", "format")
        return None
    return text


def _password(errors: FieldErrors, key: str, value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and value != value.strip():
        errors.add(key, f"{LABELS[key]}不能以空格开头或结尾", "charset")
        return None
    return validate.text(errors, key, LABELS[key], value, min_len=rules.PASSWORD_MIN, max_len=rules.PASSWORD_MAX,
                         allowed=_PASSWORD_CHARS, allowed_desc="英文字母、数字和 !@#$%^&*._-+=?~ 等符号")  # fmt: skip


def _answer_key(answer: str) -> str:
    """Answers compare without case and surrounding spaces (a person retyping it)."""
    return re.sub(r"\s+", " ", answer.strip()).casefold()
