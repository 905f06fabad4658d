"""A&V 认证 (task 02.2.3, L592-662): the five-step verification wizard on the scenario clock.

Steps (L618-632): confirm the certification letter → 工商四要素, the four business elements (checked against the
business registry, at most 3 attempts a scenario day) → the authorization method → the materials →
review (1-2 working days, plus the certification company's 1-2 days for 线下验证, L604) → passed.

Timing, one story with the textbook's two figures: the review after the materials takes
``rules.AV_REVIEW_WORKING_DAYS`` (+ ``AV_MANUAL_CHECK_WORKING_DAYS`` for 线下验证, L604); the whole
certification, counted in calendar days from the account manager's visit (the letter's ``visited_on``, L618)
to 认证通过, typically takes ``rules.AV_TOTAL_DAYS`` (7-8 days, L632). The scenario's visit is 2022-03-15 and
the materials go in on 2022-03-20, so a standard review passes on 03-22: 7 days; 线下验证 adds its days.

A submission with a format error uses no attempt; a well-formed submission that does not match the
registry is an attempt (it is recorded, and the step refuses). ID and licence numbers are checked for
their format only: the textbook's ID 370202198512461234 (an impossible date, a failing check digit) and
licence 440000551523412 are accepted without a warning (RULES.md, Contradictions); a mistyped ID is caught
by the comparison with the registry and with the verified elements, not by a check-digit guess.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldError, FieldErrors, SimError, ValidationFailed
from .permissions import require
from .verification_models import AVMaterials, CorporateAccount, ElementAttempt, Verification
from .workdays import add_working_days

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "VerificationArea",
    "STEPS",
    "STEP_KEYS",
    "LABELS",
    "ELEMENT_KEYS",
    "MATERIAL_KEYS",
    "LICENSE_TYPES",
    "PREMISES",
    "ACCOUNT_KEYS",
    "ACCOUNT_METHOD",
    "GENDERS",
    "VERIFIED_COMPANY_KEYS",
    "parse_date",
]

# (status, the step indicator's label); "passed" follows the last step.
STEPS = (
    ("letter", "确认认证函"),
    ("elements", "工商四要素"),  # the textbook's name (L624)
    ("auth", "授权方式"),
    ("materials", "提交资料"),
    ("review", "审核"),
)
STEP_KEYS = tuple(k for k, _ in STEPS)
PASSED = "passed"

LICENSE_TYPES = ("营业执照", "其他证照")
PREMISES = ("自有产权", "租赁")
# 产权证明所有权人 is a name (L646: the company's own name), typed, not picked from a list. Old saves hold
# "公司"; it stays readable as the textbook's shorthand for "the company".
_OWNER_IS_COMPANY = ("公司", "公司名称")
GENDERS = ("男", "女")

LABELS = {
    "company_name_cn": "公司中文名",
    "license_type": "证照类型",
    "legal_rep_name": "公司法人中文名",
    "legal_rep_id_no": "公司法人身份证号",
    "auth_method": "授权方式",
    "company_name_en": "公司英文名",
    "address_cn": "公司中文地址",
    "address_en": "公司英文地址",
    "operating_address_cn": "企业经营地址",
    "contact_name": "认证联系人姓名",
    "license_no": "营业执照号",
    "premises": "公司场地性质",
    "premises_owner": "产权证明所有权人",
    "registered_capital_cny": "注册资本（元）",
    "legal_rep_name_en": "公司法人英文名",
    "legal_rep_gender": "公司法人性别",
    "legal_rep_mobile": "公司法人手机号码",
    "landline": "公司座机",
    "legal_rep_email": "公司法人邮箱",
    "position": "职位",
    "department": "部门",
    "license_valid_from": "营业执照有效期（起）",
    "license_valid_to": "营业执照有效期（止）",
    "account_bank": "对公账户开户行",
    "account_holder": "对公账户开户名",
    "account_no": "对公账号",
}
ELEMENT_KEYS = ("company_name_cn", "license_type", "legal_rep_name", "legal_rep_id_no")
MATERIAL_KEYS = (
    "company_name_cn", "company_name_en", "address_cn", "address_en", "license_no", "premises",
    "premises_owner", "registered_capital_cny", "legal_rep_name", "legal_rep_name_en", "legal_rep_gender",
    "legal_rep_id_no", "legal_rep_mobile", "landline", "legal_rep_email", "position", "department",
    "license_valid_from", "license_valid_to", "operating_address_cn", "contact_name",
)  # fmt: skip
# 对公账户信息 (L610): what 对公账号打款验证 pays a small sum into. The task's data has none, so it is optional.
ACCOUNT_KEYS = ("account_bank", "account_holder", "account_no")
ACCOUNT_METHOD = "对公账号打款验证"
assert ACCOUNT_METHOD in rules.AV_AUTH_METHODS
# Mainland corporate account numbers run from about 9 to 30 digits depending on the bank (the textbook gives
# no length): a plausible range, not a rule of the platform.
_ACCOUNT_NO_DIGITS = (9, 30)
# The certified facts that company information shows read-only once A&V has passed (L741-747).
VERIFIED_COMPANY_KEYS = (
    "company_name_cn", "company_name_en", "address_cn", "address_en", "legal_rep_name", "legal_rep_name_en",
)  # fmt: skip

_COMPANY_CN_CHARS = validate.CJK + r"A-Za-z0-9 ()（）&·.,\-"
_COMPANY_EN_CHARS = r"A-Za-z0-9 .,&()'\-"
_ADDRESS_CN_CHARS = validate.CJK + r"A-Za-z0-9 ()（）#,，、.\-/"
_ADDRESS_EN_CHARS = r"A-Za-z0-9 .,#'()/\-"
_NAME_CN_CHARS = validate.CJK + "·"
_NAME_EN_CHARS = r"A-Za-z .'\-"
_CONTACT_CHARS = validate.CJK + r"A-Za-z ·.'\-"
_BANK_CHARS = validate.CJK + r"A-Za-z0-9 ()（）&·.,\-"
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
_ID_NO = re.compile(r"\d{17}[\dX]")
_LANDLINE = re.compile(r"\+?\d[\d\- ]{5,22}\d")
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def parse_date(
    errors: FieldErrors, key: str, label: str, value: Any, *, required: bool = True
) -> dt.date | None:
    """``2022-03-05``, a ``date`` or the textbook's ``2022 年 3 月 5 日``."""
    if isinstance(value, str):
        value = value.strip()
        m = _CN_DATE.fullmatch(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                errors.add(key, f"{label}不是真实的日期", "date")
                return None
        if value and not re.fullmatch(r"[\d\-]+", value):
            # emoji, markup or a huge paste: name that problem rather than only "wrong format"
            before = len(errors.errors)
            validate.text(errors, key, label, value, max_len=40)
            if len(errors.errors) > before:
                return None
    return validate.date(errors, key, label, value, required=required)


def total_days_note(v) -> str:
    """The whole certification in calendar days, from the visit to the pass, beside the textbook's 7-8 days."""
    lo, hi = rules.AV_TOTAL_DAYS
    days = ((v.passed_on or v.review_due) - v.letter.visited_on).days
    extra = (
        "（选择了线下验证，认证公司人工核实多用了几天）" if v.auth_method == rules.AV_MANUAL_METHOD else ""
    )
    return (
        f"从客户经理上门（{v.letter.visited_on}）到认证通过共 {days} 天：整个认证一般 {lo}–{hi} 天，"
        f"其中提交资料后的审核约 {rules.AV_REVIEW_WORKING_DAYS[0]}–{rules.AV_REVIEW_WORKING_DAYS[1]} 个工作日{extra}。"
    )


class VerificationArea:
    """店铺管理 → A&V 认证: the wizard's steps, each an operation on the store."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading -------------------------------------------------------------------------------
    @property
    def record(self) -> Verification | None:
        return self.backend.state.verification

    @property
    def status(self) -> str | None:
        v = self.record
        return v.status if v else None

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def attempts_today(self) -> int:
        v = self.record
        today = self.backend.today()
        return sum(1 for a in v.attempts if a.on == today) if v else 0

    def attempts_left(self) -> int:
        return max(rules.AV_ELEMENT_ATTEMPTS_PER_DAY - self.attempts_today(), 0)

    def verified_values(self) -> dict[str, str]:
        """The certified company facts (empty until A&V has passed once)."""
        v = self.record
        if v is None or v.verified is None:
            return {}
        return {k: getattr(v.verified, k) for k in VERIFIED_COMPANY_KEYS}

    # --- steps ---------------------------------------------------------------------------------
    def confirm_letter(self) -> list[str]:
        """Step 1 「确认」: the company has read the letter from its account manager and confirms it."""
        self._at("letter")
        with self.backend.transaction("verification.confirm_letter") as work:
            work.verification.letter_confirmed_at = self.backend.now()
            work.verification.status = "elements"
        return []

    def submit_elements(self, values: dict[str, Any]) -> list[str]:
        """Step 2: the four business elements, checked against the registry (at most 3 times a day)."""
        v = self._at("elements")
        self._unknown(values, ELEMENT_KEYS)
        errors, warnings = FieldErrors(), []
        got = self._elements(errors, warnings, values)
        errors.raise_if_any()
        used = self.attempts_today()
        limit = rules.AV_ELEMENT_ATTEMPTS_PER_DAY
        if used >= limit:
            raise SimError(
                f"今天的 {limit} 次工商信息验证机会已经用完（{self.backend.today()}），请明天再试"
                "（模拟器：backend.advance_days(1) 让时钟走到第二天）。"
            )
        reg = v.registry
        mismatched = [k for k in ELEMENT_KEYS if _squash(got[k]) != _squash(getattr(reg, k))]
        with self.backend.transaction(
            "verification.elements", f"attempt={used + 1} ok={not mismatched}"
        ) as work:
            work.verification.attempts.append(
                ElementAttempt(
                    on=work.today, at=self.backend.now(), ok=not mismatched, mismatched=mismatched, **got
                )
            )
            if not mismatched:
                work.verification.status = "auth"
        if mismatched:
            left = limit - used - 1
            raise ValidationFailed(
                [
                    FieldError(
                        k, f"{LABELS[k]}与工商登记信息不一致（今天还剩 {left} 次验证机会）", "registry"
                    )
                    for k in mismatched
                ]
            )
        return warnings

    def choose_auth(self, method: Any, account: dict[str, Any] | None = None) -> list[str]:
        """Step 3: one of the four authorization methods (L626); 对公账号打款验证 with the account (L610)."""
        v = self._at("auth")
        self._unknown(account or {}, ACCOUNT_KEYS)
        account = {k: (account or {}).get(k) for k in ACCOUNT_KEYS}
        errors, warnings = FieldErrors(), []
        method = validate.choice(errors, "auth_method", LABELS["auth_method"], method, rules.AV_AUTH_METHODS)
        given = any(x not in (None, "") for x in account.values())
        details = None
        if method == ACCOUNT_METHOD and given:
            details = self._account(errors, warnings, account, v.registry.company_name_cn)
        errors.raise_if_any()
        with self.backend.transaction("verification.auth", method) as work:
            work.verification.auth_method = method
            # another method needs no bank account: a stale one must not stay on file
            work.verification.corporate_account = CorporateAccount(**details) if details else None
            work.verification.status = "materials"
        if method == ACCOUNT_METHOD and not given:
            warnings.append(
                "对公账号打款验证会向公司的对公账户打一笔小额款项：请准备好开户行、开户名和对公账号"
                "（本任务的资料里没有，可以不填）。"
            )
        if method == rules.AV_MANUAL_METHOD:
            warnings.append(
                f"选择{method}时，认证公司还要人工核实 {rules.AV_MANUAL_CHECK_WORKING_DAYS[0]}–"
                f"{rules.AV_MANUAL_CHECK_WORKING_DAYS[1]} 个工作日，审核时间会更长。"
            )
        return warnings

    def back(self) -> list[str]:
        """「上一步」 from the materials to the authorization method (the elements stay verified)."""
        self._at("materials")
        with self.backend.transaction("verification.back") as work:
            work.verification.status = "auth"
        return []

    def submit_materials(self, values: dict[str, Any]) -> list[str]:
        """Step 4: the materials; the review starts on the scenario clock."""
        v = self._at("materials")
        self._unknown(values, MATERIAL_KEYS)
        errors, warnings = FieldErrors(), []
        m = self._materials(errors, warnings, values)
        passed = next((a for a in reversed(v.attempts) if a.ok), None)
        if passed is not None:
            for k in ("company_name_cn", "legal_rep_name", "legal_rep_id_no"):
                if m.get(k) is not None and _squash(m[k]) != _squash(getattr(passed, k)):
                    errors.add(k, f"{LABELS[k]}必须与已核验通过的工商四要素一致", "elements")
        errors.raise_if_any()
        materials = AVMaterials(**m)
        today = self.backend.today()
        days = rules.AV_REVIEW_WORKING_DAYS[1]
        if v.auth_method == rules.AV_MANUAL_METHOD:
            days += rules.AV_MANUAL_CHECK_WORKING_DAYS[1]
        due = add_working_days(today, days)
        with self.backend.transaction("verification.materials", f"review_due={due}") as work:
            work.verification.materials = materials
            work.verification.submitted_on = today
            work.verification.review_due = due
            work.verification.status = "review"
        warnings.append(f"认证资料已提交，进入审核：预计 {due} 前完成（{days} 个工作日，周末不计）。")
        return warnings

    def pass_review(self) -> list[str]:
        """Step 5 「模拟审核通过」: the clock moves to the review's end and the verification passes."""
        v = self._at("review")
        due = v.review_due or self.backend.today()
        with self.backend.transaction("verification.review_passed", f"on={due}") as work:
            if work.today < due:
                work.today, work.tick = due, 0
            work.verification.status = PASSED
            work.verification.passed_on = work.today
            work.verification.verified = work.verification.materials.model_copy()
        return [
            f"模拟时钟已到 {self.backend.today()}：A&V 认证通过，已认证的信息在公司信息中只读。",
            total_days_note(self.backend.state.verification),
        ]

    def reopen(self) -> list[str]:
        """「修改认证信息」 after passing: back to the materials; the certified facts stay until re-passed."""
        self._at(PASSED)
        with self.backend.transaction("verification.reopen") as work:
            work.verification.status = "materials"
        return ["已进入修改认证信息：修改资料后重新提交，审核通过前，原认证信息继续有效。"]

    # --- helpers -------------------------------------------------------------------------------
    def _at(self, status: str) -> Verification:
        require(self.backend, "store.av_verification")
        v = self.record
        if v is None:
            raise SimError("本店铺还没有 A&V 认证任务：客户经理提交认证函之后才能开始")
        if v.status != status:
            names = dict(STEPS) | {PASSED: "认证通过"}
            raise SimError(
                f"A&V 认证当前在“{names.get(v.status, v.status)}”这一步，不能执行“{names[status]}”的操作"
            )
        return v

    @staticmethod
    def _unknown(values: dict[str, Any], keys: tuple[str, ...]) -> None:
        unknown = set(values) - set(keys)
        if unknown:
            raise SimError(f"这一步没有这些字段：{', '.join(sorted(unknown))}")

    def _elements(self, errors: FieldErrors, warnings: list[str], values: dict[str, Any]) -> dict[str, Any]:
        get, lab = values.get, LABELS
        out = {
            "company_name_cn": validate.text(
                errors, "company_name_cn", lab["company_name_cn"], get("company_name_cn"),
                max_len=rules.COMPANY_NAME_MAX, allowed=_COMPANY_CN_CHARS, allowed_desc="中英文、数字和括号",
            ),
            "license_type": validate.choice(errors, "license_type", lab["license_type"], get("license_type"),
                                            LICENSE_TYPES),
            "legal_rep_name": validate.text(
                errors, "legal_rep_name", lab["legal_rep_name"], get("legal_rep_name"),
                min_len=2, max_len=20, allowed=_NAME_CN_CHARS, allowed_desc="中文姓名",
            ),
            "legal_rep_id_no": self._id_no(errors, warnings, get("legal_rep_id_no")),
        }  # fmt: skip
        return out

    @staticmethod
    def _account(
        errors: FieldErrors, warnings: list[str], values: dict[str, Any], company: str
    ) -> dict[str, str]:
        lab = LABELS
        bank = validate.text(errors, "account_bank", lab["account_bank"], values["account_bank"],
                             max_len=60, allowed=_BANK_CHARS, allowed_desc="中英文、数字和括号")  # fmt: skip
        holder = validate.text(errors, "account_holder", lab["account_holder"], values["account_holder"],
                               max_len=rules.COMPANY_NAME_MAX, allowed=_COMPANY_CN_CHARS,
                               allowed_desc="中英文、数字和括号")  # fmt: skip
        raw = values["account_no"]
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        no = validate.text(errors, "account_no", lab["account_no"], raw, max_len=60)
        if no is not None:
            no = re.sub(r"[\s\-]", "", no)  # banks print the number in groups
            low, high = _ACCOUNT_NO_DIGITS
            if not no.isascii() or not no.isdigit():
                errors.add("account_no", f"{lab['account_no']}只能是数字（可用空格分组）", "digits")
                no = None
            elif not low <= len(no) <= high:
                errors.add("account_no", f"{lab['account_no']}应为 {low}–{high} 位数字（当前 {len(no)} 位）",
                           "length")  # fmt: skip
                no = None
        if holder is not None and _squash(holder) != _squash(company):
            # the money goes to the company's own account: another holder cannot prove anything
            warnings.append(f"{lab['account_holder']}应与公司名称一致（{company}），否则打款验证无法通过。")
        return {"account_bank": bank, "account_holder": holder, "account_no": no}

    @staticmethod
    def _id_no(errors: FieldErrors, warnings: list[str], value: Any) -> str | None:
        key, label = "legal_rep_id_no", LABELS["legal_rep_id_no"]
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        text = validate.text(errors, key, label, value, max_len=30)
        if text is None:
            return None
        text = text.upper()
        if not _ID_NO.fullmatch(text):
            errors.add(key, f"{label}应为 {rules.AV_ID_NO_LENGTH} 位：17 位数字加 1 位数字或 X（当前 {len(text)} 位）",
                       "format")  # fmt: skip
            return None
        return text

    def _materials(self, errors: FieldErrors, warnings: list[str], values: dict[str, Any]) -> dict[str, Any]:
        get, lab = values.get, LABELS
        m: dict[str, Any] = {}
        el = self._elements(errors, warnings, {**values, "license_type": LICENSE_TYPES[0]})
        m["company_name_cn"], m["legal_rep_name"] = el["company_name_cn"], el["legal_rep_name"]
        m["legal_rep_id_no"] = el["legal_rep_id_no"]
        m["company_name_en"] = validate.text(
            errors, "company_name_en", lab["company_name_en"], get("company_name_en"),
            max_len=rules.COMPANY_NAME_MAX * 2, allowed=_COMPANY_EN_CHARS, allowed_desc="英文字母、数字和 . , & ( ) ' -",
        )  # fmt: skip
        m["address_cn"] = validate.text(
            errors, "address_cn", lab["address_cn"], get("address_cn"),
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_CN_CHARS, allowed_desc="中英文、数字和常用标点",
        )  # fmt: skip
        m["address_en"] = validate.text(
            errors, "address_en", lab["address_en"], get("address_en"),
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_EN_CHARS, allowed_desc="英文字母、数字和 . , # ' / -",
        )  # fmt: skip
        lic = validate.text(errors, "license_no", lab["license_no"], get("license_no"), max_len=30)
        if lic is not None:
            lic = lic.upper()
            if not (len(lic) == 15 and lic.isdigit() or len(lic) == 18 and _USCC.fullmatch(lic)):
                errors.add("license_no", "营业执照号应为 15 位数字或 18 位统一社会信用代码", "format")
                lic = None
        m["license_no"] = lic
        m["premises"] = validate.choice(errors, "premises", lab["premises"], get("premises"), PREMISES)
        owner = validate.text(errors, "premises_owner", lab["premises_owner"], get("premises_owner"),
                              required=False, max_len=rules.COMPANY_NAME_MAX, allowed=_COMPANY_CN_CHARS,
                              allowed_desc="中英文、数字和括号")  # fmt: skip
        m["premises_owner"] = owner or ""
        company = m["company_name_cn"]
        if (
            m["premises"] == "自有产权" and owner and company
            and owner not in _OWNER_IS_COMPANY and _squash(owner) != _squash(company)
        ):  # fmt: skip
            warnings.append(
                f"自有产权的产权证明所有权人一般是公司本身（{company}）；"
                "不是公司时，请准备租赁合同或无偿使用证明。"
            )
        m["operating_address_cn"] = validate.optional_text(
            errors, "operating_address_cn", lab["operating_address_cn"], get("operating_address_cn"),
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_CN_CHARS, allowed_desc="中英文、数字和常用标点",
        )  # fmt: skip
        m["contact_name"] = validate.optional_text(
            errors, "contact_name", lab["contact_name"], get("contact_name"),
            max_len=rules.PERSON_NAME_MAX, allowed=_CONTACT_CHARS, allowed_desc="中英文姓名",
        )  # fmt: skip
        capital = get("registered_capital_cny")
        if isinstance(capital, str):
            capital = capital.strip().removesuffix("元").strip().replace(",", "")
        m["registered_capital_cny"] = validate.integer(
            errors,
            "registered_capital_cny",
            lab["registered_capital_cny"],
            capital,
            min_value=1,
            max_value=10**12,
        )
        m["legal_rep_name_en"] = validate.text(
            errors, "legal_rep_name_en", lab["legal_rep_name_en"], get("legal_rep_name_en"),
            max_len=rules.PERSON_NAME_MAX, allowed=_NAME_EN_CHARS, allowed_desc="英文字母、空格和 . ' -",
        )  # fmt: skip
        m["legal_rep_gender"] = validate.choice(
            errors, "legal_rep_gender", lab["legal_rep_gender"], get("legal_rep_gender"), GENDERS
        )
        m["legal_rep_mobile"] = validate.digits(
            errors, "legal_rep_mobile", lab["legal_rep_mobile"], get("legal_rep_mobile"),
            lengths=(rules.MOBILE_DIGITS,), pattern=r"1[3-9]\d{9}",
        )  # fmt: skip
        landline = validate.text(errors, "landline", lab["landline"], get("landline"), max_len=30)
        if landline is not None and (
            not _LANDLINE.fullmatch(landline) or sum(c.isdigit() for c in landline) < 7
        ):
            errors.add("landline", f"{lab['landline']}只能包含数字和“-”，例如 086-0731-88886666", "format")
            landline = None
        m["landline"] = landline
        m["legal_rep_email"] = validate.email(
            errors, "legal_rep_email", lab["legal_rep_email"], get("legal_rep_email"), max_len=rules.EMAIL_MAX
        )
        m["position"] = validate.text(errors, "position", lab["position"], get("position"), max_len=50)
        m["department"] = validate.text(
            errors, "department", lab["department"], get("department"), max_len=100
        )
        start = parse_date(errors, "license_valid_from", lab["license_valid_from"], get("license_valid_from"))
        end = parse_date(errors, "license_valid_to", lab["license_valid_to"], get("license_valid_to"))
        today = self.backend.today()
        if start is not None and start > today:
            errors.add(
                "license_valid_from", f"{lab['license_valid_from']}不能晚于今天（{today}）", "date_range"
            )
        if end is not None and end <= today:
            errors.add("license_valid_to", f"营业执照已过期（有效期至 {end}），过期的执照不能认证", "expired")
        elif start is not None and end is not None and end <= start:
            errors.add("license_valid_to", f"{lab['license_valid_to']}必须晚于有效期（起）", "date_range")
        m["license_valid_from"], m["license_valid_to"] = start, end
        return m


def _squash(value: Any) -> str:
    """Compare registry facts ignoring spaces and letter case (as typed by a person)."""
    return re.sub(r"\s+", "", str(value or "")).upper()
