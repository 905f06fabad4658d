"""子账号设置 (task 02.5.4, L1275-1404): add, list, edit role, freeze, delete, login summary, switch.

Only the admin manages sub-accounts (permission matrix, 账户中心). Adding and deleting are sensitive:
a code is sent to the admin's security email first (L1354, L1362). A deleted account's RFQs, inquiries,
products, contacts and customers move to the admin (L1362): every list in the store whose items carry
``owner`` is transferred, so objects that later projects add move too.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError, ValidationFailed
from .permissions import require
from .security import hash_password
from .state import StoreState
from .sub_accounts_models import LoginRecord, SubAccount

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "SubAccountsArea",
    "SUB_ACCOUNT_LABELS",
    "ROLE_DESCRIPTIONS",
    "OWNED_LABELS",
    "GENDERS",
    "ADMIN_ID",
    "login_ip",
]

ADMIN_ID = "admin"
GENDERS = ("男", "女")

SUB_ACCOUNT_LABELS = {
    "name": "姓名",
    "gender": "性别",
    "email": "邮箱",
    "password": "密码",
    "phone": "电话",
    "mobile": "手机号码",
    "contact_address": "联系地址",
    "street_address": "街道地址",
    "city": "城市",
    "postcode": "邮编",
    "department": "部门",
    "job_title": "职位",
    "role": "账号类型",
    "verification_code": "邮箱验证码",
}

# What each role may do, as the add page explains it (L1283-1291), in our own words.
ROLE_DESCRIPTIONS = {
    rules.ROLE_MAKER: "管理全球旺铺和关键词推广；发布产品，管理全店的产品和产品分组（产品不能分配给制作员）",
    rules.ROLE_SALES: "发布并管理分配给自己的产品；接收、回复自己产品的询盘，处理交易",
    rules.ROLE_MANAGER: "发布产品，管理自己和下属业务员的产品；接收、回复所属产品的询盘，处理交易",
}

# Store lists whose items are owned by an account, with the Chinese name used in messages.
OWNED_LABELS = {
    "rfqs": "RFQ",
    "inquiries": "询盘",
    "products": "产品",
    "contacts": "人脉名片",
    "customers": "客户",
}

ADD_PURPOSE = "sub_account.add"
DELETE_PURPOSE = "sub_account.delete"
_NAME_CHARS = validate.CJK + r"A-Za-z .'·\-"
_PASSWORD_CHARS = r"A-Za-z0-9!@#$%^&*._\-+=?~"
_PHONE = re.compile(r"\d{1,4}-\d{2,5}-\d{4,12}")
_POSTCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]{2,9}")
_CITY_CHARS = validate.CJK + r"A-Za-z .'\-"
# Addresses, departments and titles: letters, digits and the punctuation addresses use ("No. 038, …", "销售部/Sales").
_ADDRESS_CHARS = validate.CJK + r"A-Za-z0-9 ()（）#,，、.·'&/\-"
_ADDRESS_DESC = "中英文、数字和 ( ) # , . ' & / - 等常用符号"
_ID = re.compile(r"sub(\d+)")


def login_ip(account_id: str, n: int) -> str:
    """A stable Changsha (China Telecom Hunan) address for the ``n``-th login of an account."""
    rng = random.Random(f"login:{account_id}:{n}")
    return f"113.246.{rng.randrange(1, 255)}.{rng.randrange(1, 255)}"


class SubAccountsArea:
    """账户 → 子账号设置: everything about sub-accounts, enforced for the acting account."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading -------------------------------------------------------------------------------
    @property
    def limit(self) -> int:
        """How many sub-accounts the store's membership allows (5 or 10, L1279)."""
        acc = self.backend.state.account
        tier = acc.tier if acc else rules.TIER_FREE
        return rules.MAX_SUB_ACCOUNTS.get(tier, rules.MAX_SUB_ACCOUNTS[rules.TIER_FREE])

    @property
    def acting(self) -> str:
        """The id of the account now operating the backend ("admin" or a sub-account id)."""
        return self.backend.state.acting_as

    def list(self) -> list[SubAccount]:
        """The sub-accounts, as the 子账号管理 table lists them (admin only)."""
        require(self.backend, "account.sub_manage")
        return list(self.backend.state.sub_accounts)

    def get(self, account: str) -> SubAccount:
        """查看详情: one sub-account by id or email (admin only)."""
        require(self.backend, "account.sub_manage")
        return self._find(self.backend.state, account)

    def login_summary(self, account: str) -> list[LoginRecord]:
        """子账号登录摘要: login time, IP address and country/region, newest first (admin only)."""
        require(self.backend, "account.sub_login_summary")
        sub = self._find(self.backend.state, account)
        return sorted(sub.logins, key=lambda r: r.at, reverse=True)

    def owned(self, account: str) -> dict[str, int]:
        """How many RFQs, inquiries, products, contacts and customers ``account`` owns."""
        return _count_owned(self.backend.state, account)

    # --- adding --------------------------------------------------------------------------------
    def request_code(self, purpose: str = "add") -> str:
        """「获取验证码」: identity check by the admin's security email, before adding or deleting."""
        if purpose not in ("add", "delete"):
            raise SimError("验证码用途只能是 add（添加子账号）或 delete（删除子账号）")
        require(self.backend, "account.sub_add" if purpose == "add" else "account.sub_manage")
        acc = self._admin()
        subject = "添加子账号身份验证" if purpose == "add" else "删除子账号身份验证"
        code_purpose = ADD_PURPOSE if purpose == "add" else DELETE_PURPOSE
        with self.backend.transaction("sub_accounts.request_code", f"purpose={purpose}") as work:
            return self.backend.send_code(
                work, channel="email", to=acc.email, purpose=code_purpose, subject=subject
            )

    def add(self, values: dict[str, Any]) -> list[str]:
        """「添加」: validate every field, check the email code and the tier's limit, then create."""
        require(self.backend, "account.sub_add")
        acc = self._admin()
        unknown = set(values) - set(SUB_ACCOUNT_LABELS)
        if unknown:
            raise SimError(f"添加子账号表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        state = self.backend.state
        if len(state.sub_accounts) >= self.limit:
            raise SimError(
                f"{acc.tier}会员最多可以添加 {self.limit} 个子账号（已有 {len(state.sub_accounts)} 个），"
                "不能再添加。请先删除不用的子账号"
                + (
                    "，或升级为金品诚企（最多 10 个）。"
                    if self.limit < max(rules.MAX_SUB_ACCOUNTS.values())
                    else "。"
                )
            )
        errors, warnings = FieldErrors(), []
        clean = self._validate_profile(errors, values, require_all=True)
        email = clean.get("email")
        if email is not None:
            taken = {acc.email.lower(), *(e.lower() for e in state.bound_emails)}
            taken |= {s.email.lower() for s in state.sub_accounts}
            if email.lower() in taken:
                errors.add("email", "该邮箱已被其他阿里巴巴账号或子账号使用，请换一个邮箱", "email_taken")
        password = values.get("password")
        if isinstance(password, str) and password != password.strip():
            errors.add("password", "密码不能以空格开头或结尾", "charset")
        else:
            validate.text(
                errors, "password", SUB_ACCOUNT_LABELS["password"], password, min_len=rules.PASSWORD_MIN,
                max_len=rules.PASSWORD_MAX, allowed=_PASSWORD_CHARS,
                allowed_desc="英文字母、数字和 !@#$%^&*._-+=?~ 等符号",
            )  # fmt: skip
        role = validate.choice(
            errors, "role", SUB_ACCOUNT_LABELS["role"], values.get("role"), rules.SUB_ACCOUNT_ROLES
        )
        self._check_code(errors, values.get("verification_code"), ADD_PURPOSE, acc.email)
        errors.raise_if_any()

        new_id = self._next_id(state)
        with self.backend.transaction("sub_accounts.add", f"id={new_id} email={email} role={role}") as work:
            if self._next_id(work) != new_id:  # another kernel added one meanwhile: nothing is saved
                raise SimError("子账号列表刚刚被修改过，请重新点击“添加”")
            self._use_code(work, ADD_PURPOSE, acc.email)
            work.sub_accounts.append(
                SubAccount(
                    id=new_id,
                    role=role,
                    password_hash=hash_password(password),
                    created_on=work.today,
                    **clean,
                )
            )
        return warnings

    # --- managing ------------------------------------------------------------------------------
    def change_role(self, account: str, role: Any) -> list[str]:
        """编辑 → 账号类型: 制作员 → 业务员/业务经理, 业务员 ↔ 业务经理, never back to 制作员 (L1366)."""
        require(self.backend, "account.sub_manage")
        if str(account).strip() == ADMIN_ID:
            raise SimError("主账号（管理员账号）不能变更为任何类型的子账号")
        sub = self._find(self.backend.state, account)
        label = SUB_ACCOUNT_LABELS["role"]
        if role == rules.ROLE_ADMIN:
            raise ValidationFailed(
                [_err("role", "子账号不能设置为管理员：每个出口通合同只有一个主账号", "role_admin")]
            )
        errors = FieldErrors()
        role = validate.choice(errors, "role", label, role, rules.SUB_ACCOUNT_ROLES)
        errors.raise_if_any()
        if role == sub.role:
            raise ValidationFailed([_err("role", f"{sub.name} 已经是{role}，账号类型没有变化", "role_same")])
        if role not in rules.ROLE_CHANGES.get(sub.role, ()):
            allowed = "、".join(rules.ROLE_CHANGES.get(sub.role, ())) or "无"
            raise ValidationFailed(
                [_err("role", f"{sub.role}不能改为{role}（{sub.role}只能改为：{allowed}；业务员和业务经理不能改回制作员）",
                      "role_change")]
            )  # fmt: skip
        old = sub.role
        with self.backend.transaction("sub_accounts.change_role", f"id={sub.id} {old}->{role}") as work:
            target = self._find(work, sub.id)
            target.role = role
            if role != rules.ROLE_MAKER:
                target.data_access = False  # the grant only concerns 制作员; 业务员/经理 see 数据管家 anyway
        return [f"{sub.name} 的账号类型已从{old}改为{role}。"]

    def freeze(self, account: str) -> list[str]:
        """冻结: a frozen account cannot log in (e.g. after a login from an unusual IP, L1368)."""
        return self._set_frozen(account, True)

    def unfreeze(self, account: str) -> list[str]:
        """解冻."""
        return self._set_frozen(account, False)

    def grant_data(self, account: str, granted: bool = True) -> list[str]:
        """授权数据管家: a 制作员 sees 数据管家 only with the admin's grant (L1291)."""
        require(self.backend, "account.sub_manage")
        sub = self._find(self.backend.state, account)
        if sub.role != rules.ROLE_MAKER:
            raise SimError(f"{sub.role}本来就可以查看数据管家，只有制作员需要管理员单独授权")
        if not isinstance(granted, bool):
            raise SimError("授权只能是“是”或“否”")
        if sub.data_access == granted:
            state_word = "已经有" if granted else "本来就没有"
            raise SimError(f"{sub.name} {state_word}数据管家的查看权限")
        with self.backend.transaction("sub_accounts.grant_data", f"id={sub.id} granted={granted}") as work:
            self._find(work, sub.id).data_access = granted
        return [f"已{'授权' if granted else '取消授权'} {sub.name} 查看数据管家。"]

    def delete(self, account: str, verification_code: Any) -> list[str]:
        """删除: frozen accounts cannot be deleted; everything the account owns moves to the admin."""
        require(self.backend, "account.sub_manage")
        if str(account).strip() == ADMIN_ID:
            raise SimError("主账号（管理员账号）不能删除")
        acc = self._admin()
        sub = self._find(self.backend.state, account)
        if sub.frozen:
            raise SimError(f"子账号 {sub.name} 已冻结，已冻结的子账号不能删除：请先解冻，再删除")
        errors = FieldErrors()
        self._check_code(errors, verification_code, DELETE_PURPOSE, acc.email)
        errors.raise_if_any()
        with self.backend.transaction("sub_accounts.delete", f"id={sub.id} email={sub.email}") as work:
            self._use_code(work, DELETE_PURPOSE, acc.email)
            moved = transfer_owned(work, sub.id, ADMIN_ID)
            work.sub_accounts = [s for s in work.sub_accounts if s.id != sub.id]
        parts = [f"{n} 个{OWNED_LABELS.get(k, k)}" for k, n in moved.items() if n]
        what = "、".join(parts) if parts else "没有需要转移的数据"
        return [f"子账号 {sub.name} 已删除；{what}{'已归入主账号（管理员）' if parts else ''}。"]

    # --- switching the acting account ---------------------------------------------------------
    def switch(self, account: str) -> list[str]:
        """Log in as ``account`` ("admin" or a sub-account id/email): later operations use its role."""
        key = str(account).strip() if account is not None else ""
        state = self.backend.state
        if key == ADMIN_ID or (state.account is not None and key.lower() == state.account.email.lower()):
            with self.backend.transaction("sub_accounts.switch", "to=admin") as work:
                work.acting_as = ADMIN_ID
            return ["已切换到主账号（管理员）。"]
        sub = self._find(state, key)
        if sub.frozen:
            raise SimError(f"子账号 {sub.name} 已被冻结，不能登录。请先用管理员账号解冻")
        with self.backend.transaction("sub_accounts.switch", f"to={sub.id}") as work:
            target = self._find(work, sub.id)
            target.logins.append(
                LoginRecord(at=self.backend.now(), ip=login_ip(sub.id, len(target.logins)), country="中国")
            )
            work.acting_as = sub.id
        return [f"已切换到子账号 {sub.name}（{sub.role}）。"]

    # --- helpers -------------------------------------------------------------------------------
    def _admin(self):
        acc = self.backend.state.account
        if acc is None:
            raise SimError("本店铺还没有注册主账号，不能设置子账号")
        return acc

    @staticmethod
    def _find(state: StoreState, account: Any) -> SubAccount:
        key = str(account).strip() if account is not None else ""
        for sub in state.sub_accounts:
            if sub.id == key or sub.email.lower() == key.lower():
                return sub
        raise SimError(f"没有这个子账号：{key[:40] or '（空）'}")

    def _set_frozen(self, account: str, frozen: bool) -> list[str]:
        require(self.backend, "account.sub_manage")
        word = "冻结" if frozen else "解冻"
        if str(account).strip() == ADMIN_ID:
            raise SimError(f"主账号（管理员账号）不能{word}")
        sub = self._find(self.backend.state, account)
        if sub.frozen == frozen:
            raise SimError(f"子账号 {sub.name} {'已经是冻结状态' if frozen else '没有被冻结'}")
        with self.backend.transaction(
            f"sub_accounts.{'freeze' if frozen else 'unfreeze'}", f"id={sub.id}"
        ) as work:
            self._find(work, sub.id).frozen = frozen
        return [f"子账号 {sub.name} 已{word}。"]

    def _check_code(self, errors: FieldErrors, code: Any, purpose: str, to: str) -> None:
        label = SUB_ACCOUNT_LABELS["verification_code"]
        code = validate.digits(errors, "verification_code", label, code, lengths=(rules.SMS_CODE_DIGITS,))
        if code is None:
            return
        pending = [
            p for p in self.backend.state.pending_codes if p.purpose == purpose and p.to == to and not p.used
        ]
        if not pending:
            errors.add(
                "verification_code",
                "请先点击“获取验证码”完成身份验证：验证码会发送到管理员的安全邮箱",
                "code_missing",
            )
        elif pending[-1].code != code:
            errors.add("verification_code", "邮箱验证码不正确，请查看收件箱里最新的一封邮件", "code_wrong")

    @staticmethod
    def _use_code(work: StoreState, purpose: str, to: str) -> None:
        for p in work.pending_codes:
            if p.purpose == purpose and p.to == to:
                p.used = True

    @staticmethod
    def _next_id(work: StoreState) -> str:
        # Ids are never reused, so the audit log and login summaries keep pointing at one person.
        seen = [int(m.group(1)) for s in work.sub_accounts if (m := _ID.fullmatch(s.id))]
        for entry in work.audit:
            if entry.op in ("sub_accounts.add", "sub_accounts.delete"):
                seen += [int(n) for n in re.findall(r"id=sub(\d+)", entry.detail)]
        return f"sub{max(seen, default=0) + 1:02d}"

    @staticmethod
    def _validate_profile(
        errors: FieldErrors, values: dict[str, Any], *, require_all: bool
    ) -> dict[str, Any]:
        lab, get = SUB_ACCOUNT_LABELS, values.get
        out: dict[str, Any] = {}
        out["name"] = validate.text(
            errors, "name", lab["name"], get("name"), max_len=rules.PERSON_NAME_MAX,
            allowed=_NAME_CHARS, allowed_desc="中文或英文字母、空格和 . ' -",
        )  # fmt: skip
        out["gender"] = validate.choice(errors, "gender", lab["gender"], get("gender"), GENDERS)
        out["email"] = validate.email(errors, "email", lab["email"], get("email"), max_len=rules.EMAIL_MAX)
        phone = validate.text(errors, "phone", lab["phone"], get("phone"), required=False, max_len=30)
        if phone is not None and not _PHONE.fullmatch(phone):
            errors.add("phone", "电话格式应为 国家代码-区号-号码，例如 86-0731-12345678", "format")
        out["phone"] = phone or ""
        out["mobile"] = validate.digits(
            errors,
            "mobile",
            lab["mobile"],
            get("mobile"),
            lengths=(rules.MOBILE_DIGITS,),
            pattern=r"1[3-9]\d{9}",
        )
        out["contact_address"] = validate.text(
            errors, "contact_address", lab["contact_address"], get("contact_address"), required=False,
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_CHARS, allowed_desc=_ADDRESS_DESC,
        ) or ""  # fmt: skip
        for key, limit in (("street_address", 100), ("department", 50), ("job_title", 50)):
            out[key] = validate.text(
                errors, key, lab[key], get(key), required=False, max_len=limit,
                allowed=_ADDRESS_CHARS, allowed_desc=_ADDRESS_DESC,
            ) or ""  # fmt: skip
        out["city"] = validate.text(
            errors, "city", lab["city"], get("city"), required=False, max_len=50,
            allowed=_CITY_CHARS, allowed_desc="中英文字母、空格和 . ' -",
        ) or ""  # fmt: skip
        postcode = validate.text(
            errors, "postcode", lab["postcode"], get("postcode"), required=False, max_len=10
        )
        if postcode is not None and not _POSTCODE.fullmatch(postcode):
            errors.add("postcode", "邮编应为 3–10 位数字或字母，例如 410000", "format")
        out["postcode"] = postcode or ""
        return out


def _err(field_key: str, message: str, rule: str):
    from .errors import FieldError

    return FieldError(field_key, message, rule)


def _count_owned(state: StoreState, owner: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in type(state).model_fields:
        items = getattr(state, name)
        if isinstance(items, list) and items and hasattr(items[0], "owner"):
            counts[name] = sum(1 for item in items if getattr(item, "owner", None) == owner)
    return counts


def transfer_owned(work: StoreState, from_owner: str, to_owner: str) -> dict[str, int]:
    """Give everything ``from_owner`` owns to ``to_owner``; returns the count moved per store list."""
    moved: dict[str, int] = {}
    for name in type(work).model_fields:
        items = getattr(work, name)
        if not isinstance(items, list):
            continue
        n = 0
        for item in items:
            if getattr(item, "owner", None) == from_owner:
                item.owner = to_owner
                n += 1
        if n:
            moved[name] = n
    return moved
