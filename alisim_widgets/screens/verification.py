"""A&V 认证 (task 02.2.3): the five-step wizard with a step indicator.

``fill(**values).submit()`` does the whole task: it runs every remaining step in order and stops at the
first step that refuses (its field errors beside the fields) or that has no values yet (the steps before
it are saved and the result names it as ``next_step``); it is ``ok`` only once A&V has passed. The page's
orange button does one step at a time (``submit_step()``), as on the real site. The legal
representative's ID of the task (an impossible date) is accepted as printed.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import rules
from ..sim.verification import (
    ACCOUNT_KEYS,
    ACCOUNT_METHOD,
    ELEMENT_KEYS,
    GENDERS,
    LABELS,
    LICENSE_TYPES,
    MATERIAL_KEYS,
    PASSED,
    PREMISES,
    STEPS,
)
from .base import Field, Screen, SubmitResult, esc
from .file_fields import role_note
from .start_over import StartOver
from .style import ORANGE

__all__ = ["VerificationScreen", "STEP_FIELDS"]

L = LABELS
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "letter": (),
    "elements": ELEMENT_KEYS,
    "auth": ("auth_method", *ACCOUNT_KEYS),
    "materials": MATERIAL_KEYS,
    "review": (),
    "passed": (),
}
_BUTTONS = {
    "letter": "确认",
    "elements": "提交验证",
    "auth": "下一步",
    "materials": "提交认证资料",
    "review": "模拟审核通过",
    "passed": "已通过",
}
_NEXT = {
    "elements": "已确认认证函。下一步：提交工商四要素（工商信息）。",
    "auth": "工商四要素验证通过。下一步：选择授权方式。",
    "materials": "授权方式已选择。下一步：提交认证资料。",
    "review": "认证资料已提交，正在审核。",
    "passed": "A&V 认证通过！",
}
# What each step asks the user to do (the step indicator's labels are shorter).
_TODO = {
    "letter": "确认认证函",
    "elements": "提交工商四要素（工商信息）",
    "auth": "选择授权方式",
    "materials": "提交认证资料",
    "review": "模拟审核通过",
}
# Fields the form sets before anyone types: their value does not show that a step was filled in.
_PRESET = frozenset({"license_type"})
_ALREADY = "A&V 认证已经通过，无需再提交。如需修改，请点击“修改认证信息”。"
_CSS = f"""<style>
.alisim-steps {{ display: flex; gap: 0; margin: 4px 0 10px 0; font-size: 13px; }}
.alisim-steps .step {{ flex: 1; text-align: center; padding: 6px 4px; border-bottom: 3px solid #ddd; color: #999; }}
.alisim-steps .step.done {{ border-color: {ORANGE}; color: #333; }}
.alisim-steps .step.now {{ border-color: {ORANGE}; color: {ORANGE}; font-weight: bold; }}
.alisim-steps .num {{ display: inline-block; width: 18px; height: 18px; line-height: 18px; border-radius: 9px;
  background: #ddd; color: #fff; font-size: 11px; margin-right: 4px; }}
.alisim-steps .done .num, .alisim-steps .now .num {{ background: {ORANGE}; }}
.alisim-letter {{ background: #fffaf5; border: 1px solid #f5d3b8; padding: 8px 14px; font-size: 13px; }}
</style>"""


class VerificationScreen(Screen):
    title = "A&V 认证"
    subtitle = (
        "店铺管理 › A&V 认证 · 阿里巴巴与第三方认证公司一起核实：公司是否合法存在、申请人是否属于该公司"
    )
    task_id = "02.2.3"
    submit_label = "确认"
    fields = (
        Field("company_name_cn", L["company_name_cn"], required=True, placeholder="与营业执照一致"),
        Field("license_type", L["license_type"], "select", True, LICENSE_TYPES),
        Field("legal_rep_name", L["legal_rep_name"], required=True),
        Field("legal_rep_id_no", L["legal_rep_id_no"], required=True, placeholder="18 位身份证号"),
        Field("auth_method", L["auth_method"], "radio", True, rules.AV_AUTH_METHODS),
        Field("account_bank", L["account_bank"], help=f"选择{ACCOUNT_METHOD}时填写，如 中国银行长沙岳麓支行"),
        Field("account_holder", L["account_holder"], help="应与公司名称一致"),
        Field("account_no", L["account_no"], placeholder="对公账户的账号，可用空格分组"),
        Field("company_name_en", L["company_name_en"], required=True),
        Field("address_cn", L["address_cn"], required=True),
        Field("address_en", L["address_en"], required=True),
        Field("license_no", L["license_no"], required=True, placeholder="15 位注册号或 18 位统一社会信用代码"),
        Field("premises", L["premises"], "radio", True, PREMISES),
        Field("premises_owner", L["premises_owner"], placeholder="产权证明上的所有权人名称",
              help="自有产权时填产权证明上的所有权人，例如公司中文名"),
        Field("registered_capital_cny", L["registered_capital_cny"], required=True, placeholder="如 1000000"),
        Field("legal_rep_name_en", L["legal_rep_name_en"], required=True, placeholder="如 Zhang San"),
        Field("legal_rep_gender", L["legal_rep_gender"], "radio", True, GENDERS),
        Field("legal_rep_mobile", L["legal_rep_mobile"], required=True, placeholder="11 位手机号码"),
        Field("landline", L["landline"], required=True, placeholder="如 086-0731-88886666"),
        Field("legal_rep_email", L["legal_rep_email"], required=True),
        Field("position", L["position"], required=True),
        Field("department", L["department"], required=True),
        Field("license_valid_from", L["license_valid_from"], "date", True),
        Field("license_valid_to", L["license_valid_to"], "date", True),
        Field("operating_address_cn", L["operating_address_cn"], help="与注册地址（公司中文地址）不同时填写"),
        Field("contact_name", L["contact_name"], help="认证过程中与认证公司联系的人"),
    )  # fmt: skip

    def __init__(self, backend) -> None:
        super().__init__(backend)
        # 重新开始本项目: at the bottom, apart from the wizard's buttons, and only after a confirmation.
        self.start_over_row = StartOver(backend, self._reload, self._show)
        self.reset_button = self.start_over_row.button
        self.widget.children = (*self.widget.children, self.start_over_row.widget)
        self._rows = dict(zip([f.key for f in self.fields], self.body.children, strict=True))
        self._render()

    # --- building --------------------------------------------------------------------------------
    def _header(self) -> W.Widget:
        self.indicator = W.HTML()
        self.step_info = W.HTML()
        return W.VBox([W.HTML(_CSS, layout=W.Layout(height="0px")), super()._header(), self.indicator,
                       self.step_info])  # fmt: skip

    def _extra_widgets(self) -> list[W.Widget]:
        self.back_button = W.Button(description="上一步", icon="arrow-left")
        self.back_button.on_click(lambda _b: self.back())
        self.reopen_button = W.Button(description="修改认证信息", icon="edit")
        self.reopen_button.on_click(lambda _b: self.reopen())
        return [W.HBox([self.back_button, self.reopen_button])]

    # --- the wizard ------------------------------------------------------------------------------
    @property
    def step(self) -> str | None:
        """The step the wizard is on: letter, elements, auth, materials, review or passed."""
        return self.backend.verification.status

    def _apply(self, values: dict[str, Any]) -> Any:
        return self._apply_step(self.step, values)

    def _apply_step(self, step: str | None, values: dict[str, Any]) -> Any:
        area = self.backend.verification
        if step == "letter":
            return area.confirm_letter()
        if step == "elements":
            return area.submit_elements({k: values[k] for k in ELEMENT_KEYS})
        if step == "auth":
            return area.choose_auth(values["auth_method"], {k: values[k] for k in ACCOUNT_KEYS})
        if step == "materials":
            return area.submit_materials({k: values[k] for k in MATERIAL_KEYS})
        if step == "review":
            return area.pass_review()
        if step == PASSED:
            return SubmitResult(True, message=_ALREADY)
        return area.confirm_letter()  # no letter yet: the sim says so

    def success_message(self) -> str:
        return _NEXT.get(self.step or "", "已保存")

    def submit(self) -> SubmitResult:
        """Every remaining step with what the form holds, until A&V passes or a step refuses or lacks values."""
        values, done, warnings = self.values(), [], []
        result = SubmitResult(True, message=_ALREADY)
        with self.backend.via("screen"):
            for _ in range(len(STEPS) + 1):  # each step moves the wizard on: at most every step once
                step = self.step
                if step == PASSED:
                    result = SubmitResult(True, message=_NEXT[PASSED] if done else _ALREADY)
                    break
                if step in STEP_FIELDS and not self._given(step, values):
                    result = self._unfinished(step, done)
                    break
                result = self._run(lambda s=step: self._apply_step(s, values))
                if not result.ok:
                    result = self._refused(step, result, done)
                    break
                warnings += result.warnings
                done.append(step)
        result.warnings = warnings + result.warnings
        self._show(result)
        self._render()
        return result

    def submit_step(self) -> SubmitResult:
        """The orange button: only the step the wizard is on; the wizard then shows the next one."""
        with self.backend.via("screen"):
            result = self._run(lambda: self._apply(self.values()))
        if result.ok and self.step not in (None, PASSED):
            result.next_step = self.step
        self._show(result)
        self._render()
        return result

    def _button_submit(self) -> SubmitResult:
        return self.submit_step()

    @staticmethod
    def _given(step: str, values: dict[str, Any]) -> bool:
        """Whether the form holds anything for ``step`` (a step without fields always can run)."""
        keys = [k for k in STEP_FIELDS[step] if k not in _PRESET]
        return not keys or any(values[k] not in (None, "", [], ()) for k in keys)

    @staticmethod
    def _number(step: str | None) -> str:
        keys = [k for k, _ in STEPS]
        return f"第 {keys.index(step) + 1} 步“{_TODO[step]}”" if step in keys else "A&V 认证"

    @staticmethod
    def _saved(done: list[str]) -> str:
        return f"已完成：{'、'.join(_TODO[s] for s in done)}。" if done else ""

    def _unfinished(self, step: str, done: list[str]) -> SubmitResult:
        labels = "、".join(L[k] for k in STEP_FIELDS[step] if k not in _PRESET)
        return SubmitResult(
            False,
            message=f"A&V 认证还没有完成。{self._saved(done)}下一步是{self._number(step)}：请填写{labels}后再提交。",
            next_step=step,
        )

    def _refused(self, step: str | None, result: SubmitResult, done: list[str]) -> SubmitResult:
        saved = self._saved(done)
        result.message = f"{self._number(step)}没有通过：{result.message}" + (f"（{saved}）" if saved else "")
        result.next_step = step or ""
        return result

    def back(self) -> SubmitResult:
        """「上一步」: from the materials back to the authorization method."""
        with self.backend.via("screen"):
            result = self._run(self.backend.verification.back)
        if result.ok:
            result.message = "已返回“授权方式”这一步"
        self._show(result)
        self._render()
        return result

    def reopen(self) -> SubmitResult:
        """「修改认证信息」 after passing."""
        with self.backend.via("screen"):
            result = self._run(self.backend.verification.reopen)
        if result.ok:
            result.message = "请修改认证资料后重新提交审核"
        self._show(result)
        self._render()
        return result

    def start_over(self) -> str:
        """「重新开始本项目」: only asks first; nothing changes until 「确认重新开始」."""
        return self.start_over_row.ask()

    def confirm_start_over(self) -> SubmitResult:
        return self.start_over_row.confirm()

    def _reload(self) -> None:
        for f in self.fields:
            self._set(f, self.inputs[f.key], None if f.kind in ("select", "radio") else "")
        self._load_saved()
        self._render()

    # --- display ---------------------------------------------------------------------------------
    def _render(self) -> None:
        step = self.step
        keys = STEP_FIELDS.get(step or "", ())
        self.body.children = [self._rows[k] for k in keys]
        self.submit_button.description = _BUTTONS.get(step or "", "确认")
        self.submit_button.disabled = step in (None, "passed")
        self.back_button.layout.display = None if step == "materials" else "none"
        self.reopen_button.layout.display = None if step == "passed" else "none"
        self.indicator.value = self._indicator_html(step)
        self.step_info.value = role_note(self.backend, "store.av_verification") + self._info_html(step)

    @staticmethod
    def _indicator_html(step: str | None) -> str:
        order = [k for k, _ in STEPS]
        now = len(order) if step == "passed" else (order.index(step) if step in order else -1)
        cells = []
        for i, (_key, label) in enumerate(STEPS):
            cls = "done" if i < now else ("now" if i == now else "")
            mark = "✓" if i < now else str(i + 1)
            cells.append(f"<div class='step {cls}'><span class='num'>{mark}</span>{esc(label)}</div>")
        cls = "now" if step == "passed" else ""
        cells.append(f"<div class='step {cls}'><span class='num'>✓</span>认证通过</div>")
        return f"<div class='alisim-steps'>{''.join(cells)}</div>"

    def _info_html(self, step: str | None) -> str:
        v = self.backend.state.verification
        today = self.backend.today()
        if v is None:
            return "<div class='alisim-warn'>客户经理还没有提交认证信息确认函，暂时不能开始 A&V 认证。</div>"
        if step == "letter":
            lt = v.letter
            return (
                "<div class='alisim-letter'><b>认证信息确认函</b>（由客户经理提交，请核对后点击“确认”）<br>"
                f"公司名称：{esc(lt.company_name_cn)}<br>公司地址：{esc(lt.address_cn)}<br>"
                f"认证联系人：{esc(lt.contact_name)}<br>客户经理：{esc(lt.account_manager)}，"
                f"{lt.visited_on} 上门拍摄办公及生产环境照片；确认函日期 {lt.issued_on}</div>"
            )
        if step == "elements":
            used = self.backend.verification.attempts_today()
            limit = rules.AV_ELEMENT_ATTEMPTS_PER_DAY
            color = "alisim-fail" if used >= limit else "alisim-warn"
            return (
                f"<div class='{color}'>工商信息验证每天最多 {limit} 次：今天（{today}）已验证 "
                f"<b>{used}/{limit}</b> 次，还剩 {max(limit - used, 0)} 次。</div>"
            )
        if step == "auth":
            return (
                "<div class='alisim-help'>选择一种授权方式，用来证明申请人代表这家公司。"
                f"选择{ACCOUNT_METHOD}时，可以填写对公账户的开户行、开户名和账号（平台向这个账户打一笔小额款项）。</div>"
            )
        if step == "materials":
            return (
                f"<div class='alisim-help'>授权方式：{esc(v.auth_method)}。请填写全部认证资料；"
                "公司中文名、公司法人中文名和身份证号须与已核验的工商四要素一致。</div>"
            )
        if step == "review":
            return (
                f"<div class='alisim-warn'>审核中：{v.submitted_on} 提交，预计 {v.review_due} 完成（今天 {today}）。"
                "点击“模拟审核通过”，模拟时钟会走到审核完成的那一天。</div>"
            )
        if step == "passed":
            m = v.verified
            rows = "".join(
                f"<tr><th>{esc(L[k])}</th><td>{esc(getattr(m, k))}</td></tr>"
                for k in MATERIAL_KEYS
                if getattr(m, k)
            )
            return (
                f"<div class='alisim-ok'>✔ A&V 认证已通过（{v.passed_on}，授权方式：{esc(v.auth_method)}）。"
                "已认证信息在公司信息中只读。</div>"
                f"<table class='alisim-table'>{rows}</table>"
            )
        return ""

    def _load_saved(self) -> None:
        v = self.backend.state.verification
        if v is None:
            return
        last = next((a for a in reversed(v.attempts) if a.ok), v.attempts[-1] if v.attempts else None)
        shown: dict[str, Any] = {}
        if last is not None:
            shown.update({k: getattr(last, k) for k in ELEMENT_KEYS})
        else:
            shown["license_type"] = LICENSE_TYPES[0]
        if v.auth_method:
            shown["auth_method"] = v.auth_method
        if v.materials is not None:
            m = v.materials
            shown.update({k: getattr(m, k) for k in MATERIAL_KEYS})
        if v.corporate_account is not None:
            shown.update(v.corporate_account.model_dump())
        self.fill(**shown)
