"""子账号设置 (task 02.5.4): add a sub-account, manage the list, and switch the acting account.

The add form is the screen's main form (``fill(**values)`` / ``submit()``). Below it, the table of
sub-accounts with its actions (details, login summary, role, freeze, data grant, delete) and the
account switcher. Every action goes through ``backend.sub_accounts``: the simulator decides what the
acting account may do, the screen only shows the answer.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import rules
from ..sim.permissions import LABELS, PERMISSIONS, allowed, role_of
from ..sim.sub_accounts import ADMIN_ID, GENDERS, OWNED_LABELS, ROLE_DESCRIPTIONS
from ..sim.sub_accounts import SUB_ACCOUNT_LABELS as L
from .base import Field, Screen, SubmitResult, esc
from .inbox import inbox_widget, show_message
from .style import css

__all__ = ["SubAccountScreen", "PermissionMatrix", "permission_table"]

_ROLE_HELP = "；".join(f"{role}：{desc}" for role, desc in ROLE_DESCRIPTIONS.items())


def permission_table(backend) -> str:
    """The acting account's row of the permission matrix, as an HTML table (✓ / ✗ per function)."""
    try:
        role = role_of(backend)
    except Exception:  # noqa: BLE001 - an account deleted from another kernel: show nothing
        return ""
    cells = []
    for key, label in LABELS.items():
        ok = allowed(backend, key)
        mark = "<span style='color:#1a7f37'>✓</span>" if ok else "<span style='color:#e4393c'>✗</span>"
        cells.append(f"<span class='alisim-badge {'done' if ok else 'todo'}'>{mark} {esc(label)}</span>")
    n = sum(allowed(backend, k) for k in PERMISSIONS)
    return (
        f"<details><summary>当前账号（{esc(role)}）可以使用 {n} / {len(PERMISSIONS)} 项功能</summary>"
        f"<div style='max-width:900px;line-height:2'>{' '.join(cells)}</div></details>"
    )


class SubAccountScreen(Screen):
    title = "子账号设置"
    subtitle = "账户 → 子账号设置 → 添加子账号 · 添加前需通过管理员安全邮箱的身份验证"
    task_id = "02.5.4"
    submit_label = "添加"
    fields = (
        Field("name", L["name"], required=True, placeholder="如 Zhang san", max_len=rules.PERSON_NAME_MAX),
        Field("gender", L["gender"], "radio", required=True, options=GENDERS),
        Field("email", L["email"], required=True, placeholder="子账号的登录邮箱", max_len=rules.EMAIL_MAX),
        Field("password", L["password"], "password", required=True,
              help=f"{rules.PASSWORD_MIN}–{rules.PASSWORD_MAX} 位字母、数字或符号"),
        Field("phone", L["phone"], placeholder="国家代码-区号-号码，如 86-0731-12345678"),
        Field("mobile", L["mobile"], required=True, placeholder="11 位手机号码"),
        Field("contact_address", L["contact_address"], max_len=rules.ADDRESS_MAX),
        Field("street_address", L["street_address"], max_len=100),
        Field("city", L["city"], placeholder="如 Guangzhou"),
        Field("postcode", L["postcode"], placeholder="如 510000"),
        Field("department", L["department"], max_len=50),
        Field("job_title", L["job_title"], max_len=50),
        Field("role", L["role"], "radio", required=True, options=rules.SUB_ACCOUNT_ROLES, help=_ROLE_HELP),
        Field("verification_code", L["verification_code"], required=True, placeholder="6 位数字",
              help="点击“获取验证码”，验证码会发送到管理员的安全邮箱"),
    )  # fmt: skip

    def __init__(self, backend) -> None:
        super().__init__(backend)
        self.widget.children = (
            self.widget.children[0],  # css
            self.widget.children[1],  # header
            self.acting_box,
            self.limit_html,
            *self.widget.children[2:],
            W.HTML("<div class='alisim-head'><b>子账号管理</b></div>"),
            self.table,
            self.manage_box,
            self.action_status,
            self.panel,
            self.details_box,
        )
        self.refresh_views()

    # --- building --------------------------------------------------------------------------------
    def _extra_widgets(self) -> list[W.Widget]:
        self.code_button = W.Button(description="获取验证码", icon="envelope")
        self.code_button.on_click(lambda _b: self.request_code())
        self.inbox_view = inbox_widget()

        self.acting_html = W.HTML()
        self.switcher = W.Dropdown(description="切换账号", layout=W.Layout(width="360px"))
        self.switch_button = W.Button(description="登录此账号", icon="sign-in")
        self.switch_button.on_click(lambda _b: self.switch(self.switcher.value))
        self.acting_perms = W.HTML()
        self.acting_box = W.VBox(
            [self.acting_html, W.HBox([self.switcher, self.switch_button]), self.acting_perms]
        )
        self.limit_html = W.HTML()

        self.table = W.HTML()
        self.target = W.Dropdown(description="子账号", layout=W.Layout(width="320px"))
        # The type changes inside 查看详情 → 「编辑」 (L1366), not from the list: the details say who it is first.
        self.role_select = W.Dropdown(options=list(rules.SUB_ACCOUNT_ROLES), description="账号类型",
                                      layout=W.Layout(width="240px"))  # fmt: skip
        self.edit_button = W.Button(description="编辑", icon="edit", layout=W.Layout(width="auto"))
        self.edit_button.on_click(lambda _b: self.edit())
        self.save_role_button = W.Button(
            description="保存", button_style="warning", layout=W.Layout(width="auto")
        )
        self.save_role_button.on_click(lambda _b: self.save_role())
        self.cancel_edit_button = W.Button(description="取消", layout=W.Layout(width="auto"))
        self.cancel_edit_button.on_click(lambda _b: self.cancel_edit())
        self.role_editor = W.HBox([self.role_select, self.save_role_button, self.cancel_edit_button],
                                  layout=W.Layout(display="none"))  # fmt: skip
        self.details_box = W.VBox([self.edit_button, self.role_editor], layout=W.Layout(display="none"))
        self.detail_account: str | None = None  # whose details are open (the 编辑 button acts on it)
        self.delete_code = W.Text(placeholder="删除验证码（6 位）", layout=W.Layout(width="160px"))
        buttons = [
            ("查看详情", lambda: self.details(self.target.value)),
            ("登录摘要", lambda: self.login_summary(self.target.value)),
            ("冻结", lambda: self.freeze(self.target.value)),
            ("解冻", lambda: self.unfreeze(self.target.value)),
            ("授权数据管家", lambda: self.grant_data(self.target.value, True)),
            ("取消数据管家", lambda: self.grant_data(self.target.value, False)),
        ]
        self.action_buttons: dict[str, W.Button] = {}
        row1 = []
        for label, action in buttons:
            b = W.Button(description=label, layout=W.Layout(width="auto"))
            b.on_click(lambda _b, a=action: a())
            self.action_buttons[label] = b
            row1.append(b)
        del_code = W.Button(description="获取删除验证码", layout=W.Layout(width="auto"))
        del_code.on_click(lambda _b: self.request_delete_code())
        delete = W.Button(description="删除", button_style="danger", layout=W.Layout(width="auto"))
        delete.on_click(lambda _b: self.delete(self.target.value, self.delete_code.value))
        self.action_buttons.update({"编辑": self.edit_button, "保存": self.save_role_button,
                                    "获取删除验证码": del_code, "删除": delete})  # fmt: skip
        self.manage_box = W.VBox([
            W.HBox([self.target, *row1]),
            W.HBox([W.HTML("<div style='width:90px'></div>"), del_code, self.delete_code, delete]),
        ])  # fmt: skip
        self.action_status = W.HTML()
        self.action_status.add_class("alisim-status")
        self.panel = W.HTML()
        return [W.HBox([W.HTML("<div class='alisim-label'></div>"), self.code_button]), self.inbox_view]

    # --- the add form ----------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.sub_accounts.add(values)

    def success_message(self) -> str:
        subs = self.backend.state.sub_accounts
        return f"子账号已添加（{subs[-1].name}，{subs[-1].role}）" if subs else "子账号已添加"

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:
            self.inputs["verification_code"].value = ""  # a code works once
            self.inputs["password"].value = ""
        self.refresh_views()
        return result

    def request_code(self) -> SubmitResult:
        """「获取验证码」: a code is emailed to the admin's security email (see the simulated inbox)."""
        with self.backend.via("screen"):
            result = self._run(lambda: self.backend.sub_accounts.request_code("add"))
        if result.ok:
            acc = self.backend.state.account
            result = SubmitResult(
                True, message=f"验证码已发送到管理员安全邮箱 {_mask_email(acc.email)}，请查看下方的模拟邮件"
            )
            show_message(self.inbox_view, self.backend.inbox.latest())
        self._show(result)
        return result

    # --- actions on the list ---------------------------------------------------------------------
    def _action(self, fn, ok_message: str | None = None) -> SubmitResult:
        with self.backend.via("screen"):
            result = self._run(fn)
        if result.ok and result.warnings:
            result = SubmitResult(True, message="；".join(result.warnings))
        elif result.ok and ok_message:
            result = SubmitResult(True, message=ok_message)
        self._show_action(result)
        self.refresh_views()
        return result

    def _show_action(self, result: SubmitResult) -> None:
        self.last_result = result
        cls = "alisim-ok" if result.ok else "alisim-fail"
        mark = "✔" if result.ok else "✘"
        parts = [
            f"<div class='{cls}'>{mark} {esc(result.message or ('完成' if result.ok else '操作失败'))}</div>"
        ]
        parts += [f"<div class='alisim-fail'>{esc(v)}</div>" for v in result.errors.values()]
        self.action_status.value = "".join(parts)

    def switch(self, account: str) -> SubmitResult:
        """Log in as the admin ("admin") or a sub-account (id or email)."""
        return self._action(lambda: self.backend.switch_account(account))

    def details(self, account: str) -> SubmitResult:
        """查看详情: the sub-account's profile and what it owns."""

        def show():
            sub = self.backend.sub_accounts.get(account)
            owned = self.backend.sub_accounts.owned(sub.id)
            rows = [("编号", sub.id), ("账号类型", sub.role), ("状态", "已冻结" if sub.frozen else "正常"),
                    ("数据管家", "已授权" if sub.data_access or sub.role != rules.ROLE_MAKER else "未授权"),
                    *[(L[k], getattr(sub, k)) for k in ("name", "gender", "email", "phone", "mobile",
                      "contact_address", "street_address", "city", "postcode", "department", "job_title")],
                    ("密码", "已设置（只保存加密后的指纹）"), ("创建日期", sub.created_on.isoformat()),
                    ("名下数据", "、".join(f"{k} {n}" for k, n in _owned_labels(owned)) or "无")]  # fmt: skip
            body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
            self.panel.value = (
                f"<b>{esc(sub.name)} 的子账号详情</b><table class='alisim-table'>{body}</table>"
            )
            self._open_details(sub.id)
            return []

        self._close_details()
        return self._action(show, "已显示子账号详情；要修改账号类型，请点击“编辑”")

    def _open_details(self, sub_id: str) -> None:
        self.detail_account = sub_id
        self.details_box.layout.display = None
        self.edit_button.layout.display = None
        self.role_editor.layout.display = "none"

    def _close_details(self) -> None:
        self.detail_account = None
        self.details_box.layout.display = "none"
        self.role_editor.layout.display = "none"

    def edit(self) -> SubmitResult:
        """「编辑」 on the open details: the account type becomes a choice, set to the current type."""
        if self.detail_account is None:
            result = SubmitResult(False, message="请先选择子账号并点击“查看详情”，再点击“编辑”")
            self._show_action(result)
            return result
        sub = self.backend.sub_accounts.get(self.detail_account)
        if sub.role in self.role_select.options:  # a hand-edited store may hold anything
            self.role_select.value = sub.role
        self.edit_button.layout.display = "none"
        self.role_editor.layout.display = None
        result = SubmitResult(True, message=f"正在编辑 {sub.name} 的账号类型：选择新类型后点击“保存”")
        self._show_action(result)
        return result

    def cancel_edit(self) -> None:
        self.role_editor.layout.display = "none"
        self.edit_button.layout.display = None

    def save_role(self, role: Any = None) -> SubmitResult:
        """「保存」 in the editor: the sim checks the change (制作员 only upwards, the admin never)."""
        account = self.detail_account
        if account is None or self.role_editor.layout.display == "none":
            result = SubmitResult(False, message="请先在子账号详情里点击“编辑”，再保存账号类型")
            self._show_action(result)
            return result
        role = self.role_select.value if role is None else role
        result = self._action(lambda: self.backend.sub_accounts.change_role(account, role))
        if result.ok:
            self.details(account)  # the details show the new type; the editor closes
            self._show_action(result)
        return result

    def login_summary(self, account: str) -> SubmitResult:
        """子账号登录摘要: time, IP address and country/region of each login, newest first."""

        def show():
            records = self.backend.sub_accounts.login_summary(account)
            sub = self.backend.sub_accounts.get(account)
            unusual = "<b style='color:#e4393c'>非常用地区，请核实；如被盗用请立即冻结</b>"
            rows = "".join(
                f"<tr><td>{r.at:%Y-%m-%d %H:%M}</td><td>{esc(r.ip)}</td><td>{esc(r.country)}</td>"
                f"<td>{unusual if r.country != '中国' else ''}</td></tr>"
                for r in records
            )
            self.panel.value = (
                f"<b>{esc(sub.name)} 的登录摘要</b><table class='alisim-table'><tr><th>登录时间</th><th>IP 地址</th>"
                f"<th>国家/地区</th><th></th></tr>{rows or '<tr><td colspan=4>还没有登录记录</td></tr>'}</table>"
            )
            return []

        return self._action(show, "已显示登录摘要")

    def change_role(self, account: str, role: str) -> SubmitResult:
        """The whole path of L1366 in one call: 查看详情 → 「编辑」 → choose the type → 「保存」."""
        opened = self.details(account)
        if not opened.ok:
            return opened
        self.edit()
        return self.save_role(role)

    def freeze(self, account: str) -> SubmitResult:
        return self._action(lambda: self.backend.sub_accounts.freeze(account))

    def unfreeze(self, account: str) -> SubmitResult:
        return self._action(lambda: self.backend.sub_accounts.unfreeze(account))

    def grant_data(self, account: str, granted: bool = True) -> SubmitResult:
        return self._action(lambda: self.backend.sub_accounts.grant_data(account, granted))

    def request_delete_code(self) -> SubmitResult:
        result = self._action(
            lambda: self.backend.sub_accounts.request_code("delete"), "删除验证码已发送到管理员安全邮箱"
        )
        if result.ok:
            show_message(self.inbox_view, self.backend.inbox.latest())
        return result

    def delete(self, account: str, verification_code: str) -> SubmitResult:
        result = self._action(lambda: self.backend.sub_accounts.delete(account, verification_code))
        if result.ok:
            self.delete_code.value = ""
            self.panel.value = ""
            self._close_details()
        return result

    # --- views -----------------------------------------------------------------------------------
    def refresh_views(self) -> None:
        """Redraw the acting account, the limit, the table and the pickers from the store."""
        state = self.backend.state
        subs = state.sub_accounts
        acting = state.acting_as
        if acting == ADMIN_ID:
            who = f"管理员（主账号）{esc(state.account.email) if state.account else ''}"
        else:
            sub = next((s for s in subs if s.id == acting), None)
            who = f"子账号 {esc(sub.name)}（{esc(sub.role)}）" if sub else f"{esc(acting)}（已不存在）"
        self.acting_html.value = f"<div class='alisim-sub'>当前登录：<b>{who}</b></div>"
        self.acting_perms.value = permission_table(self.backend)
        options = [("管理员（主账号）", ADMIN_ID)] + [
            (f"{s.name}（{s.role}{'，已冻结' if s.frozen else ''}）", s.id) for s in subs
        ]
        self.switcher.options = options
        self.switcher.value = acting if acting in dict((v, v) for _k, v in options) else ADMIN_ID
        limit = self.backend.sub_accounts.limit
        tier = state.account.tier if state.account else rules.TIER_FREE
        self.limit_html.value = (
            f"<div class='alisim-sub'>会员类型：{esc(tier)} · 已有子账号 {len(subs)} / {limit} 个</div>"
        )
        if not allowed(self.backend, "account.sub_manage"):
            self.table.value = (
                f"<div class='alisim-warn'>当前账号是{esc(role_of(self.backend))}，没有“管理子账号”的权限："
                "只有管理员（主账号）能查看和管理子账号。</div>"
            )
            self.manage_box.layout.display = "none"
            return
        self.manage_box.layout.display = None
        head = "".join(
            f"<th>{h}</th>" for h in ("编号", "姓名", "邮箱", "账号类型", "状态", "数据管家", "最近登录")
        )
        rows = []
        for s in subs:
            last = max((r.at for r in s.logins), default=None)
            data = "可查看" if s.role != rules.ROLE_MAKER else ("已授权" if s.data_access else "未授权")
            rows.append(
                f"<tr><td>{esc(s.id)}</td><td>{esc(s.name)}</td><td>{esc(s.email)}</td><td>{esc(s.role)}</td>"
                f"<td>{'已冻结' if s.frozen else '正常'}</td><td>{data}</td>"
                f"<td>{last:%Y-%m-%d %H:%M}</td></tr>" if last else
                f"<tr><td>{esc(s.id)}</td><td>{esc(s.name)}</td><td>{esc(s.email)}</td><td>{esc(s.role)}</td>"
                f"<td>{'已冻结' if s.frozen else '正常'}</td><td>{data}</td><td>—</td></tr>"
            )  # fmt: skip
        empty = "<tr><td colspan=7>还没有子账号</td></tr>"
        self.table.value = f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows) or empty}</table>"
        current = self.target.value
        self.target.options = [(f"{s.id} {s.name}", s.id) for s in subs]
        if current in {s.id for s in subs}:
            self.target.value = current

    def _load_saved(self) -> None:
        n = len(self.backend.state.sub_accounts)
        if n:
            self.status.value = f"<div class='alisim-ok'>本店已有 {n} 个子账号，见下方“子账号管理”。</div>"


def _mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:2]}***@{domain}" if domain else email


def _owned_labels(owned: dict[str, int]) -> list[tuple[str, int]]:
    return [(OWNED_LABELS.get(k, k), n) for k, n in owned.items() if n]


_GROUPS = {"product": "产品管理", "store": "店铺管理", "inquiry": "询盘", "crm": "客户通", "data": "数据管家",
           "account": "账户中心"}  # fmt: skip
_MATRIX_ROLES = (rules.ROLE_ADMIN, rules.ROLE_MANAGER, rules.ROLE_SALES, rules.ROLE_MAKER)


class PermissionMatrix:
    """账号管理权限 (L1295-1346) as an interactive table: pick a module, or only the rows where roles differ."""

    def __init__(self) -> None:
        self.group = W.Dropdown(options=["全部", *_GROUPS.values()], value="全部", description="模块")
        self.only_diff = W.Checkbox(description="只看各角色不同的功能", value=False, indent=False)
        self.table = W.HTML()
        self.group.observe(lambda _c: self.render(), "value")
        self.only_diff.observe(lambda _c: self.render(), "value")
        self.widget = W.VBox([css(), W.HBox([self.group, self.only_diff]), self.table])
        self.render()

    def rows(self) -> list[tuple[str, str, list[bool]]]:
        out = []
        for key, roles in PERMISSIONS.items():
            group = _GROUPS[key.split(".")[0]]
            if self.group.value not in ("全部", group):
                continue
            cells = [role in roles for role in _MATRIX_ROLES]
            if self.only_diff.value and all(cells):
                continue
            out.append((group, LABELS[key], cells))
        return out

    def render(self) -> None:
        head = "".join(f"<th>{r}</th>" for r in _MATRIX_ROLES)
        body = "".join(
            f"<tr><td>{g}</td><td>{esc(label)}</td>"
            + "".join(
                "<td class='yes'>√</td>" if ok else "<td style='color:#bbb;text-align:center'>×</td>"
                for ok in cells
            )
            + "</tr>"
            for g, label, cells in self.rows()
        )
        note = "<div class='alisim-help'>数据管家：制作员得到管理员授权后才可以查看。</div>"
        self.table.value = (
            f"<table class='alisim-table'><tr><th>模块</th><th>功能</th>{head}</tr>{body}</table>{note}"
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
