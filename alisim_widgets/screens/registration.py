"""注册 (task 01.2.2): the free-member registration page with an SMS verification code."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import rules
from ..sim.account import REGISTRATION_LABELS as L
from .base import Field, Screen, SubmitResult, esc
from .inbox import inbox_widget, show_message

__all__ = ["RegistrationScreen"]


class RegistrationScreen(Screen):
    title = "注册阿里巴巴国际站账号（免费会员）"
    subtitle = "Alibaba.com 供应商注册 · 请如实填写，公司名称须与营业执照一致"
    task_id = "01.2.2"
    submit_label = "同意并注册"
    fields = (
        Field("email", L["email"], required=True, placeholder="未绑定过阿里旗下产品的邮箱",
              help="建议用企业邮箱或 163、gmail 等邮箱；将作为登录名", max_len=rules.EMAIL_MAX),
        Field("password", L["password"], "password", required=True,
              help=f"{rules.PASSWORD_MIN}–{rules.PASSWORD_MAX} 位字母、数字或符号；请牢记"),
        Field("company_name", L["company_name"], required=True, placeholder="与营业执照上的名称一致",
              max_len=rules.COMPANY_NAME_MAX),
        Field("company_address", L["company_address"], required=True, help="可以与注册地址不同",
              max_len=rules.ADDRESS_MAX),
        Field("license_no", L["license_no"], required=True, placeholder="15 位注册号或 18 位统一社会信用代码"),
        Field("legal_rep_name", L["legal_rep_name"], required=True),
        Field("legal_rep_name_en", L["legal_rep_name_en"], required=True, placeholder="如 Zhang San"),
        Field("mobile", L["mobile"], required=True, placeholder="11 位手机号码"),
        Field("verification_code", L["verification_code"], required=True, placeholder="6 位数字"),
    )  # fmt: skip

    def _extra_widgets(self) -> list[W.Widget]:
        self.code_button = W.Button(description="获取验证码", icon="mobile")
        self.code_button.on_click(lambda _b: self.request_code())
        self.inbox_view = inbox_widget()
        self.reset_button = W.Button(description="重新开始本项目", icon="undo")
        self.reset_button.on_click(lambda _b: self.start_over())
        return [W.HBox([W.HTML("<div class='alisim-label'></div>"), self.code_button, self.reset_button]),
                self.inbox_view]  # fmt: skip

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
        return self.backend.account.register(values)

    def success_message(self) -> str:
        acc = self.backend.state.account
        return f"注册成功！登录账号 {acc.login_id}，会员类型：{acc.tier}" if acc else "注册成功"

    def start_over(self) -> None:
        backup = self.backend.reset()
        for f in self.fields:
            self._set(f, self.inputs[f.key], "")
        note = f"（旧进度已备份为 {backup.name}）" if backup else ""
        self._show(SubmitResult(True, message=f"已重新开始本项目{note}"))

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
