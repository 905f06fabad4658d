"""账户中心 › 个人信息与账号安全 (L1187-1274): five small screens in one tabbed page.

Every screen acts for the account that is acting now (the admin, or a sub-account after switching):
the permission matrix lets every role manage its own information (账户中心, L1336-1346).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.account_security import (
    CARD_KEYS,
    GENDERS,
    LABELS,
    OPERATIONS,
    PRIVACY_KEYS,
    PROFILE_KEYS,
    SECURITY_QUESTIONS,
    SOURCING_FREQUENCIES,
    SOURCING_INDUSTRIES,
    VERIFY_KEYS,
)
from .base import Field, Screen, SubmitResult, esc
from .file_fields import FileFieldsMixin
from .inbox import inbox_widget, show_message
from .style import css

__all__ = [
    "ProfileScreen",
    "AvatarScreen",
    "BusinessCardScreen",
    "PrivacyScreen",
    "SecurityScreen",
    "AccountCenterPage",
    "OPERATION_NAMES",
]

L = LABELS
OPERATION_NAMES = {name: op for op, (name, _perm, _keys) in OPERATIONS.items()}  # 修改密码 → change_password
M_SMS, M_QUESTION, M_EMAIL, M_MANUAL = rules.SENSITIVE_VERIFY_METHODS


def _mask(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) >= 7 else mobile


class _AccountScreen(Screen):
    """Shows which account the screen acts for."""

    def _header(self) -> W.Widget:
        self.who = W.HTML()
        return W.VBox([super()._header(), self.who])

    def _who(self) -> None:
        acting = self.backend.state.acting_as
        name = "管理员（主账号）" if acting == "admin" else f"子账号 {acting}"
        email = self.backend.account_security.login_email()
        self.who.value = f"<div class='alisim-help'>当前账号：{esc(name)} · {esc(email)}</div>"

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._refresh()
        return result

    def _refresh(self) -> None:
        self._who()

    def _load_saved(self) -> None:
        self._refresh()


class ProfileScreen(_AccountScreen):
    title = "管理个人信息"
    subtitle = "账户 › 个人信息 › 管理个人信息 · 请如实填写，海外买家会据此联系你"
    fields = (
        Field("name", L["name"], required=True, placeholder="如 Li Ming"),
        Field("gender", L["gender"], "radio", True, GENDERS),
        Field("phone", L["phone"], placeholder="国家码-区号-号码，如 86-0731-84785529"),
        Field("mobile", L["mobile"], required=True, placeholder="11 位手机号码"),
        Field("contact_address", L["contact_address"], help="请用英文"),
        Field("department", L["department"]),
        Field("job_title", L["job_title"]),
    )

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.account_security.update_profile(values)

    def success_message(self) -> str:
        return "个人信息已保存"

    def _load_saved(self) -> None:
        p = self.backend.account_security.profile()
        self.fill(**{k: (getattr(p, k) or None if k == "gender" else getattr(p, k)) for k in PROFILE_KEYS})
        super()._load_saved()


class AvatarScreen(FileFieldsMixin, _AccountScreen):
    title = "头像上传"
    subtitle = f"账户 › 个人信息 › 头像上传 · 仅支持 JPG，小于 {rules.AVATAR_MAX_BYTES // 1024 // 1024}MB；建议用符合商务形象的个人照片"
    submit_label = "上传"
    fields = (Field("avatar", L["avatar"], "file", True, help="审核后 24 小时内在阿里巴巴页面展示"),)
    file_accept = {"avatar": ".jpg,.jpeg"}

    def _header(self) -> W.Widget:
        box = super()._header()
        self.state_line = W.HTML()
        return W.VBox([box, self.state_line])

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.account_security.upload_avatar(values["avatar"])

    def success_message(self) -> str:
        return "头像已上传，正在审核"

    def _refresh(self) -> None:
        super()._refresh()
        area = self.backend.account_security
        avatar = area.profile().avatar
        if avatar is None:
            self.state_line.value = "<div class='alisim-help'>还没有上传头像。</div>"
            return
        img = avatar.image
        self.state_line.value = (
            f"<div class='alisim-inbox'>当前头像：{esc(img.name)}（{img.width} × {img.height} 像素，"
            f"{img.size // 1024} KB），上传于 {avatar.uploaded_at:%Y-%m-%d %H:%M}：<b>{esc(area.avatar_status())}</b></div>"
        )


class BusinessCardScreen(_AccountScreen):
    title = "商业信息"
    subtitle = "账户 › 个人信息 › 商业信息 · 买家发询盘或 RFQ 时可以收到你的名片"
    fields = (
        Field("card_name", L["card_name"], required=True, placeholder="英文姓名"),
        Field("card_company", L["card_company"], required=True, placeholder="公司英文名"),
        Field("card_job_title", L["card_job_title"], placeholder="如 Sales Manager"),
        Field("card_email", L["card_email"], required=True),
        Field("card_phone", L["card_phone"], placeholder="如 86-0731-84785529"),
        Field("card_website", L["card_website"], placeholder="如 www.example.com"),
        Field("sourcing_industry", L["sourcing_industry"], "select", False, SOURCING_INDUSTRIES),
        Field("sourcing_frequency", L["sourcing_frequency"], "select", False, SOURCING_FREQUENCIES),
    )

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.account_security.update_card(values)

    def success_message(self) -> str:
        return "名片和采购信息已保存"

    def _load_saved(self) -> None:
        card = self.backend.account_security.profile().card
        if card is not None:
            self.fill(
                **{k: getattr(card, k) or (None if k.startswith("sourcing") else "") for k in CARD_KEYS}
            )
        super()._load_saved()


class PrivacyScreen(_AccountScreen):
    title = "隐私设置"
    subtitle = "账户 › 个人信息 › 隐私设置 · 适度公开有助于买家了解你，过度公开可能泄露隐私"
    fields = (
        Field("profile_visibility", L["profile_visibility"], "radio", True, rules.PRIVACY_LEVELS),
        Field("sourcing_visibility", L["sourcing_visibility"], "radio", True, rules.PRIVACY_LEVELS),
    )

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.account_security.set_privacy(values)

    def success_message(self) -> str:
        return "隐私设置已保存"

    def _load_saved(self) -> None:
        p = self.backend.account_security.profile()
        self.fill(**{k: getattr(p, k) for k in PRIVACY_KEYS})
        super()._load_saved()


class SecurityScreen(_AccountScreen):
    """账号安全: pick the operation, prove who you are (one of four methods), then set the new value."""

    title = "账号安全"
    subtitle = "账户 › 账号安全 · 修改注册邮箱、密码、安全手机、安全问题都是敏感操作，需要先验证身份"
    submit_label = "验证并修改"
    fields = (
        Field("operation", L["operation"], "select", True, tuple(OPERATION_NAMES)),
        Field("verify_method", L["verify_method"], "radio", True, rules.SENSITIVE_VERIFY_METHODS),
        Field("verification_code", L["verification_code"], placeholder="6 位数字，先点击“获取验证码”"),
        Field("security_answer", L["security_answer"], "password"),
        Field("id_no", L["id_no"], placeholder="账号登记的证件号码"),
        Field("service_reason", L["service_reason"], "textarea", help="人工服务：说明原因，客服核实需要 1 个工作日"),
        Field("new_email", L["new_email"]),
        Field("new_password", L["new_password"], "password",
              help=f"{rules.PASSWORD_MIN}–{rules.PASSWORD_MAX} 位字母、数字或符号"),
        Field("confirm_password", L["confirm_password"], "password"),
        Field("new_mobile", L["new_mobile"], placeholder="11 位手机号码"),
        Field("new_question", L["new_question"], "select", False, SECURITY_QUESTIONS),
        Field("new_answer", L["new_answer"], "password"),
    )  # fmt: skip

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend)
        self._rows = dict(zip([f.key for f in self.fields], self.body.children, strict=True))
        self.inputs["operation"].observe(lambda _c: self._show_rows(), "value")
        self.inputs["verify_method"].observe(lambda _c: self._show_rows(), "value")
        self._show_rows()

    def _header(self) -> W.Widget:
        box = super()._header()
        self.overview = W.HTML()
        return W.VBox([box, self.overview])

    def _extra_widgets(self) -> list[W.Widget]:
        self.code_button = W.Button(description="获取验证码", icon="envelope")
        self.code_button.on_click(lambda _b: self.request_code())
        self.inbox_view = inbox_widget()
        return [W.HBox([W.HTML("<div class='alisim-label'></div>"), self.code_button]), self.inbox_view]

    def _operation(self) -> str | None:
        return OPERATION_NAMES.get(self.inputs["operation"].value)

    def request_code(self) -> SubmitResult:
        """「获取验证码」: by SMS (手机验证码) or email (有效验证码), for the chosen operation."""
        op, method = self._operation(), self.inputs["verify_method"].value
        if op is None or method is None:
            result = SubmitResult(False, errors={"operation" if op is None else "verify_method": "请先选择"
                                                 + ("要进行的操作" if op is None else "身份验证方式")})  # fmt: skip
        else:
            with self.backend.via("screen"):
                result = self._run(lambda: self.backend.account_security.request_code(op, method))
            if result.ok:
                where = "安全手机" if method == M_SMS else "注册邮箱"
                result = SubmitResult(True, message=f"验证码已发送到{where}，请查看下方的模拟消息")
                show_message(self.inbox_view, self.backend.inbox.latest())
        self._show(result)
        return result

    def _apply(self, values: dict[str, Any]) -> Any:
        op = OPERATION_NAMES.get(values["operation"])
        if op is None:
            return SubmitResult(
                False, errors={"operation": "请选择要进行的操作"}, message="请按提示修改后重新提交"
            )
        keys = (*VERIFY_KEYS, *OPERATIONS[op][2])
        data = {k: values[k] for k in keys}
        area = self.backend.account_security
        return {
            "change_email": area.change_email,
            "change_password": area.change_password,
            "security_phone": area.set_security_phone,
            "security_question": area.set_security_question,
        }[op](data)

    def success_message(self) -> str:
        return "修改成功"

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:  # a used code and a new password must not stay in the form
            for key in (
                "verification_code",
                "security_answer",
                "new_password",
                "confirm_password",
                "new_answer",
            ):
                self.inputs[key].value = ""
        return result

    def _show_rows(self) -> None:
        op, method = self._operation(), self.inputs["verify_method"].value
        shown = {"operation", "verify_method"}
        if method in (M_SMS, M_EMAIL):
            shown |= {"verification_code", "id_no"}
        elif method == M_QUESTION:
            shown |= {"security_answer", "id_no"}
        elif method == M_MANUAL:
            shown.add("service_reason")
        if op is not None:
            shown |= set(OPERATIONS[op][2])
        for key, row in self._rows.items():
            row.layout.display = None if key in shown else "none"
        self.code_button.layout.display = None if method in (M_SMS, M_EMAIL) else "none"

    def _refresh(self) -> None:
        super()._refresh()
        area = self.backend.account_security
        p = area.profile()
        question = esc(p.security_question) if p.security_question else "未设置"
        changed = f"（{p.password_changed_on} 修改过）" if p.password_changed_on else ""
        self.overview.value = (
            "<table class='alisim-table'>"
            f"<tr><th>注册邮箱</th><td>{esc(area.login_email())}</td></tr>"
            f"<tr><th>登录密码</th><td>已设置{esc(changed)}（只保存加密后的指纹）</td></tr>"
            f"<tr><th>安全手机</th><td>{esc(_mask(p.security_phone)) or '未设置'}</td></tr>"
            f"<tr><th>安全问题</th><td>{question}</td></tr>"
            f"<tr><th>模拟日期</th><td>{self.backend.today()}</td></tr></table>"
        )


class AccountCenterPage:
    """个人信息与账号安全: the five screens in tabs; ``page.screens["security"]`` etc. for code."""

    TABS = (
        ("profile", "个人信息", ProfileScreen),
        ("avatar", "头像上传", AvatarScreen),
        ("card", "商业信息", BusinessCardScreen),
        ("privacy", "隐私设置", PrivacyScreen),
        ("security", "账号安全", SecurityScreen),
    )

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.screens: dict[str, Screen] = {key: cls(backend) for key, _t, cls in self.TABS}
        self.tabs = W.Tab(children=[s.widget for s in self.screens.values()])
        for i, (_k, title, _c) in enumerate(self.TABS):
            self.tabs.set_title(i, title)
        self.widget = W.VBox([css(), self.tabs])

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
