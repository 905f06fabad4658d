"""注册 (task 01.2.2): the free-member registration page with an SMS verification code.

Once the account exists the same form is its 账号信息: corrected values are saved with 「保存修改」
(``screen.fill(...).submit()`` does either, whichever the store needs). The login email and the password
are sensitive: they change in the 账号安全 screen of project 02, opened below the form. 「重新开始本项目」
sits apart at the bottom and asks before it wipes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.account import EDITABLE_KEYS, SENSITIVE_KEYS
from ..sim.account import REGISTRATION_LABELS as L
from .account_security import SecurityScreen
from .base import Field, Screen, SubmitResult, esc
from .inbox import inbox_widget, show_message
from .start_over import StartOver

__all__ = ["RegistrationScreen"]


class _SensitiveScreen(SecurityScreen):
    """账号安全 (project 02's screen) opened from the registration page; tells the page when it changed."""

    def __init__(self, backend: Backend, on_change: Callable[[], None]) -> None:
        self._on_change = on_change
        super().__init__(backend)

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:
            self._on_change()
        return result


class RegistrationScreen(Screen):
    title = "注册阿里巴巴国际站账号（免费会员）"
    subtitle = "Alibaba.com 供应商注册 · 请如实填写，公司名称须与营业执照一致"
    task_id = "01.2.2"
    submit_label = "同意并注册"
    # The order of the task's own list (L379–393): company, address, licence, email, names, password, mobile.
    fields = (
        Field("company_name", L["company_name"], required=True, placeholder="与营业执照上的名称一致",
              max_len=rules.COMPANY_NAME_MAX),
        Field("company_address", L["company_address"], required=True, help="可以与注册地址不同",
              max_len=rules.ADDRESS_MAX),
        Field("license_no", L["license_no"], required=True, placeholder="15 位注册号或 18 位统一社会信用代码"),
        Field("email", L["email"], required=True, placeholder="未绑定过阿里旗下产品的邮箱",
              help="建议用企业邮箱或 163、gmail 等邮箱；将作为登录名", max_len=rules.EMAIL_MAX),
        Field("legal_rep_name", L["legal_rep_name"], required=True),
        Field("legal_rep_name_en", L["legal_rep_name_en"], required=True, placeholder="如 Zhang San"),
        Field("password", L["password"], "password", required=True,
              help=f"{rules.PASSWORD_MIN}–{rules.PASSWORD_MAX} 位字母、数字或符号；请牢记"),
        Field("mobile", L["mobile"], required=True, placeholder="11 位手机号码"),
        Field("verification_code", L["verification_code"], required=True, placeholder="6 位数字"),
    )  # fmt: skip

    def __init__(self, backend: Backend) -> None:
        self._security: SecurityScreen | None = None
        super().__init__(backend)
        self.start_over_row = StartOver(backend, self._reload, self._show)
        # Called after a confirmed start-over (the demo shell reloads its other pages with it).
        self.after_reset = self.start_over_row.hooks
        self.reset_button = self.start_over_row.button
        self.widget.children = (*self.widget.children, self.start_over_row.widget)
        self._mode()

    # --- building --------------------------------------------------------------------------------
    def _header(self) -> W.Widget:
        self.mode_note = W.HTML()
        return W.VBox([super()._header(), self.mode_note])

    def _extra_widgets(self) -> list[W.Widget]:
        self.code_button = W.Button(description="获取验证码")
        self.code_button.on_click(lambda _b: self.request_code())
        self.inbox_view = inbox_widget()
        # 账号安全 for the sensitive fields, built when first opened (the account must exist).
        self.sensitive_button = W.Button(description="修改登录邮箱或密码（需验证身份）")
        self.sensitive_button.on_click(lambda _b: self.open_sensitive(not self.sensitive_open))
        self.sensitive_box = W.VBox([], layout=W.Layout(display="none"))
        self.sensitive_row = W.VBox(
            [W.HBox([W.HTML("<div class='alisim-label'></div>"), self.sensitive_button]), self.sensitive_box]
        )
        return [
            W.HBox([W.HTML("<div class='alisim-label'></div>"), self.code_button]),
            self.inbox_view,
            self.sensitive_row,
        ]

    @property
    def registered(self) -> bool:
        return self.backend.state.account is not None

    @property
    def sensitive_open(self) -> bool:
        return self.sensitive_box.layout.display != "none"

    def _mode(self) -> None:
        """The form registers a new account, or corrects the registered one (账号信息)."""
        if not self.registered:
            self.submit_button.description = self.submit_label
            self.mode_note.value = ""
            self.sensitive_row.layout.display = "none"
            self.open_sensitive(False)
            return
        self.submit_button.description = "保存修改"
        sensitive = "、".join(L[k] for k in SENSITIVE_KEYS)
        editable = "、".join(L[k] for k in EDITABLE_KEYS)
        self.mode_note.value = (
            "<div class='alisim-help'>账号已注册，下面是账号信息。可以直接改正"
            f"{esc(editable)}，再点击“保存修改”（测验答案和其他进度都不受影响）。"
            "更换手机号码时，先点击“获取验证码”把验证码发到新号码。"
            f"{esc(sensitive)}是敏感信息：登录密码留空表示不修改；修改它们请点击下方的“修改登录邮箱或密码”，"
            "验证身份后再改。</div>"
        )
        self.sensitive_row.layout.display = None

    # --- actions ---------------------------------------------------------------------------------
    def request_code(self) -> SubmitResult:
        """「获取验证码」: the simulator sends an SMS to the typed mobile number (see the inbox below)."""
        mobile = self.inputs["mobile"].value
        with self.backend.via("screen"):
            result = self._run(lambda: self.backend.account.request_code(mobile))
        if result.ok:
            masked = f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) >= 7 else mobile
            result = SubmitResult(True, message=f"验证码已发送到 {masked}，请查看下方的模拟短信")
            show_message(self.inbox_view, self.backend.inbox.latest())
        self._show(result)
        return result

    def _apply(self, values: dict[str, Any]) -> Any:
        if not self.registered:
            return self.backend.account.register(values)
        done, *notes = self.backend.account.update(values)
        return SubmitResult(True, message=f"账号信息已保存。{done}", warnings=notes)

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:  # a used code and a password must not stay in the form
            self.inputs["verification_code"].value = ""
            self.inputs["password"].value = ""
            self._mode()
        return result

    def success_message(self) -> str:
        acc = self.backend.state.account
        return f"注册成功！登录账号 {acc.login_id}，会员类型：{acc.tier}" if acc else "注册成功"

    def open_sensitive(self, show: bool = True) -> SecurityScreen | None:
        """Open (or close) 账号安全 below the form, set to 修改注册邮箱; returns its screen."""
        if not show or not self.registered:
            self.sensitive_box.layout.display = "none"
            self.sensitive_button.description = "修改登录邮箱或密码（需验证身份）"
            return None
        if self._security is None:
            self._security = _SensitiveScreen(self.backend, self._load_saved)
            self._security.fill(operation=SENSITIVE_KEYS["email"])
            self.sensitive_box.children = [self._security.widget]
        self.sensitive_box.layout.display = None
        self.sensitive_button.description = "收起账号安全"
        return self._security

    def start_over(self) -> str:
        """「重新开始本项目」: only asks first; nothing changes until 「确认重新开始」."""
        return self.start_over_row.ask()

    def confirm_start_over(self) -> SubmitResult:
        return self.start_over_row.confirm()

    def cancel_start_over(self) -> None:
        self.start_over_row.cancel()

    # --- showing the store -----------------------------------------------------------------------
    def _reload(self) -> None:
        """Show the store as it is now (after a start-over): typed values, errors and the inbox go."""
        for f in self.fields:
            self._set(f, self.inputs[f.key], "")
        for label in self.error_labels.values():
            label.value = ""
        self.inbox_view.value = ""
        self.inbox_view.layout.display = "none"
        self.status.value = ""
        self._security = None
        self.sensitive_box.children = []
        self._load_saved()
        self._mode()

    def _load_saved(self) -> None:
        acc = self.backend.state.account
        if acc is None:
            return
        for key in ("email", "company_name", "company_address", "license_no", "legal_rep_name",
                    "legal_rep_name_en", "mobile"):  # fmt: skip
            self.inputs[key].value = getattr(acc, key)
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已注册：登录账号 {esc(acc.login_id)}，会员类型 {esc(acc.tier)}，"
            f"注册日期 {acc.registered_on}</div>"
        )
