"""客户管理 › 营销: EDM 设置, 模板管理 (06.8.3), 智能圈客站内营销 (06.8.4), 新建EDM营销 (06.8.5), campaign results.

Mail texts are shown only through :func:`~alisim_widgets.sim.edm.render_preview` or ``esc``: nothing a student
types can put markup or script into the page.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.edm import (
    CAMPAIGN_LABELS,
    INSITE_LABELS,
    RESULT_NAMES,
    SETUP_LABELS,
    TEMPLATE_LABELS,
    render_preview,
)
from ..sim.errors import SimError, ValidationFailed
from .base import Field, Screen, SubmitResult, esc
from .style import css

__all__ = [
    "EdmSetupScreen",
    "TemplateScreen",
    "InsiteScreen",
    "CampaignScreen",
    "CampaignResultsPage",
    "campaigns_table_html",
    "library_table_html",
]


def library_table_html() -> str:
    """模板库 (L3283-3292): names and descriptions."""
    from ..sim.edm import LIBRARY

    rows = "".join(f"<tr><td>{esc(t.name)}</td><td>{esc(t.description) or '—'}</td></tr>" for t in LIBRARY)
    return f"<table class='alisim-table'><tr><th>模板名称</th><th>描述</th></tr>{rows}</table>"


def campaigns_table_html(backend: Backend) -> str:
    """营销活动: every EDM campaign with its status, mails, cost and results so far."""
    campaigns = backend.edm.campaigns()
    if not campaigns:
        return "<div class='alisim-help'>还没有营销活动。</div>"
    head = "".join(
        f"<th>{h}</th>"
        for h in ("编号", "活动名称", "客户分群", "活动时间", "邮件模板", "状态", "发送封数", "费用（元）",
                  *RESULT_NAMES.values())
    )  # fmt: skip
    rows = []
    for c in campaigns:
        r = backend.edm.results(c)
        cells = (
            c.id, c.name, c.group, f"{c.start} – {c.end}", c.template, backend.edm.status(c),
            len(c.recipients) if c.active else "—", f"{c.cost_cny:.2f}", *r.values(),
        )  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


def _setup_html(backend: Backend) -> str:
    s = backend.edm.setup
    ready = backend.edm.mx_ready_at()
    if not s.mx_confirmed_at:
        mx = "未设置"
    elif backend.edm.mx_active():
        mx = f"已生效（{ready:%Y-%m-%d %H:%M}）"
    else:
        mx = f"同步中，{ready:%Y-%m-%d %H:%M} 生效"
    rows = (
        ("外贸邮域名", s.domain or "未开通"), ("MX 记录", mx), ("DM发信地址", s.sender or "未保存"),
        ("SMTP密码", "已保存（只保存加密指纹）" if s.smtp_hash else "未保存"),
        ("回信邮箱", s.reply_email or "未设置"), ("回信人", s.reply_name or "未设置"),
        ("模拟时间", f"{backend.now():%Y-%m-%d %H:%M}"),
    )  # fmt: skip
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    problem = backend.edm.problem()
    note = (
        f"<div class='alisim-warn'>还不能发邮件：{esc(problem)}</div>"
        if problem
        else "<div class='alisim-ok'>✔ EDM 已配置完毕，可以群发营销邮件</div>"
    )
    return f"<table class='alisim-table'>{body}</table>{note}"


class EdmSetupScreen(Screen):
    """EDM 设置: 开通外贸邮 (域名 + 协议) → 我已完成 MX 设置 → 发信地址和 SMTP 密码 → 回信邮箱 (steps run in order)."""

    title = "EDM 设置（外贸邮）"
    subtitle = "My Alibaba › 客户管理 › EDM设置；商机沟通 › 邮箱 › 外贸邮设置"
    submit_label = "保存"
    fields = (
        Field("agree", SETUP_LABELS["agree"], "checkbox", help="已阅读并同意《外贸邮软件使用许可协议》和《Alimail Term of License and Use》"),
        Field("domain", SETUP_LABELS["domain"], placeholder="自有域名，如 dianyue2022.com"),
        Field("mx_done", SETUP_LABELS["mx_done"], "checkbox", help="我已在域名服务商处完成 MX 记录设置（48 小时后生效）"),
        Field("sender", SETUP_LABELS["sender"], placeholder="如 edm@mail.dianyue2022.com"),
        Field("smtp_password", SETUP_LABELS["smtp_password"], "password", help="窗口关闭后无法再次查看：请妥善保管"),
        Field("reply_email", SETUP_LABELS["reply_email"]),
        Field("reply_name", SETUP_LABELS["reply_name"]),
    )  # fmt: skip

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend)
        self.state_view = W.HTML(_setup_html(backend))
        self.widget.children = [*self.widget.children, self.state_view]

    def refresh(self) -> None:
        self.state_view.value = _setup_html(self.backend)

    def _apply(self, values: dict[str, Any]) -> Any:
        edm, advice = self.backend.edm, []
        domain = (values.get("domain") or "").strip()
        if domain and domain.lower().removeprefix("www.") != edm.setup.domain:
            advice += edm.open_mail(domain, values.get("agree"))
        if values.get("mx_done") and edm.setup.domain and edm.setup.mx_confirmed_at is None:
            advice.append(edm.confirm_mx())
        # Steps already saved are skipped: the saved form shows the sender but never the SMTP password.
        sender = str(values.get("sender") or "").strip()
        if values.get("smtp_password") or (sender and sender.lower() != edm.setup.sender):
            edm.save_sender(values.get("sender"), values.get("smtp_password"))
            self.inputs["smtp_password"].value = ""  # shown once only, never kept in the form
        reply = (str(values.get("reply_email") or "").strip(), str(values.get("reply_name") or "").strip())
        if any(reply) and reply != (edm.setup.reply_email, edm.setup.reply_name):
            edm.save_reply(values.get("reply_email"), values.get("reply_name"))
        problem = edm.problem()
        if problem:
            return SubmitResult(
                False, warnings=advice, message=f"已保存，尚未完成：{problem}", next_step="edm"
            )
        return advice

    def submit(self) -> SubmitResult:
        result = super().submit()
        self.refresh()
        return result

    def success_message(self) -> str:
        return "EDM 设置完成"

    def _load_saved(self) -> None:
        s = self.backend.edm.setup
        if s.domain:
            self.fill(agree=True, domain=s.domain, mx_done=s.mx_confirmed_at is not None, sender=s.sender,
                      reply_email=s.reply_email, reply_name=s.reply_name)  # fmt: skip


class TemplateScreen(Screen):
    """模板管理 › 模板库 → 编辑模板: name, description, subject, content; 发布; a test mail to oneself."""

    title = "新建 EDM 邮件模板"
    subtitle = "My Alibaba › 客户管理 › 营销 › 模板管理 › 模板库 › 编辑模板"
    task_id = "06.8.3"
    submit_label = "发布"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        names = tuple(t.name for t in backend.edm.library())
        L = TEMPLATE_LABELS
        self.fields = (
            Field("base_template", L["base_template"], "select", False, names,
                  help="从模板库下载一个模板作为基础（不选则新建空白模板）"),
            Field("name", L["name"], required=True, max_len=rules.EDM_TEMPLATE_NAME_MAX),
            Field("description", L["description"], required=True, max_len=rules.EDM_TEMPLATE_DESCRIPTION_MAX),
            Field("subject", L["subject"], required=True, max_len=rules.EDM_SUBJECT_MAX),
            Field("content", L["content"], "textarea", True, max_len=rules.EDM_CONTENT_MAX),
            Field("send_test", L["send_test"], "checkbox", help="发布后发送一封测试邮件到我的回信邮箱"),
        )  # fmt: skip
        super().__init__(backend)
        self.inputs["base_template"].observe(lambda ch: self._from_library(ch["new"]), "value")
        self.preview_button = W.Button(description="预览")
        self.preview_button.on_click(lambda _b: self.preview())
        self.preview_view = W.HTML()
        self.templates_view = W.HTML()
        self.widget.children = [
            *self.widget.children, W.HBox([self.preview_button]), self.preview_view,
            W.HTML("<b>我的模板</b>"), self.templates_view,
        ]  # fmt: skip
        self._render_templates()

    def _header(self) -> W.Widget:
        return W.VBox([super()._header(), W.HTML("<b>模板库</b>" + library_table_html())])

    _aliases = {"9 月采购节模板-New products": rules.EDM_SEPTEMBER_NEW_PRODUCTS,
                "9月采购节模板-New products": rules.EDM_SEPTEMBER_NEW_PRODUCTS}  # fmt: skip

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.key == "base_template" and isinstance(value, str):
            value = self._aliases.get(value.strip(), value)
        super()._set(f, widget, value)

    def _from_library(self, name: str | None) -> None:
        """Downloading a library template fills the fields still empty with its texts."""
        lib = self.backend.edm.library_template(name) if name else None
        if lib is None:
            return
        for key, text in (("subject", lib.subject), ("content", lib.content)):
            if not self.inputs[key].value.strip():
                self.inputs[key].value = text

    def preview(self) -> str:
        """预览 the form's subject and content as the buyer would see them (escaped)."""
        v = self.values()
        self.preview_view.value = render_preview(
            str(v.get("subject") or ""), str(v.get("content") or ""), self.backend.edm.setup.sender
        )
        return self.preview_view.value

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.edm.save_template(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_templates()
        if result.ok:
            self.preview()
        return result

    def success_message(self) -> str:
        t = self.backend.edm.templates()
        return f"模板“{t[-1].name}”已发布" if t else "已发布"

    def _render_templates(self) -> None:
        ts = self.backend.edm.templates()
        if not ts:
            self.templates_view.value = "<div class='alisim-help'>还没有自己的模板。</div>"
            return
        rows = "".join(
            f"<tr><td>{esc(t.id)}</td><td>{esc(t.name)}</td><td>{esc(t.description)}</td><td>{esc(t.subject)}</td>"
            f"<td>{esc(t.base or '（新建）')}</td><td>{len(self.backend.edm.test_mails(t.id))}</td></tr>"
            for t in ts
        )
        self.templates_view.value = (
            "<table class='alisim-table'><tr><th>编号</th><th>模板名称</th><th>描述</th><th>邮件主题</th>"
            f"<th>来自模板库</th><th>测试邮件</th></tr>{rows}</table>"
        )

    def _load_saved(self) -> None:
        ts = self.backend.edm.templates()
        if not ts:
            return
        t = ts[-1]
        names = self.field("base_template").options
        self.fill(base_template=t.base if t.base in names else None, name=t.name, description=t.description,
                  subject=t.subject, content=t.content)  # fmt: skip
        self.status.value = f"<div class='alisim-ok'>✔ 已发布：模板“{esc(t.name)}”</div>"


class InsiteScreen(Screen):
    """智能圈客站内营销: the customers the platform picks for a product, the product card and the message."""

    title = "智能圈客站内营销"
    subtitle = "My Alibaba › 客户管理 › 营销活动 › 智能圈客站内营销"
    task_id = "06.8.4"
    submit_label = "发送"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._products = backend.edm.products()
        L = INSITE_LABELS
        self.fields = (
            Field("title", L["title"], required=True, max_len=rules.INSITE_TITLE_MAX),
            Field("product", f"添加{L['product']}", "product", True, tuple(str(p.id) for p in self._products),
                  help="从店铺已发布的商品中选择；智能圈客会按这个商品圈选客户"),
            Field("quantity", L["quantity"], required=True, placeholder="如 5"),
            Field("unit", L["unit"], "select", True, rules.INSITE_UNITS),
            Field("unit_price", L["unit_price"], required=True, placeholder="如 35"),
            Field("message", f"添加{L['message']}", "textarea", True, max_len=rules.INSITE_MESSAGE_MAX),
        )  # fmt: skip
        super().__init__(backend)
        self.audience_view = W.HTML()
        self.sent_view = W.HTML()
        self.widget.children = [
            *self.widget.children[:2], W.HTML("<b>② 智能圈选客户</b>"), self.audience_view, *self.widget.children[2:],
            W.HTML("<b>已发送的站内营销</b>"), self.sent_view,
        ]  # fmt: skip
        self.inputs["product"].observe(lambda _c: self.show_audience(), "value")
        self.show_audience()
        self._render_sent()

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "product":
            options = [("请选择商品", None)] + [(f"{p.id} · {p.title[:70]}", p.id) for p in self._products]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="620px"))
        return super().make_input(f)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "product":
            if value in (None, ""):
                widget.value = None
                return
            for p in self._products:
                if value == p.id or str(value).strip() == str(p.id) or value == p.title:
                    widget.value = p.id
                    return
            raise ValueError(f"店铺里没有这个已发布的商品：{str(value)[:60]}")
        super()._set(f, widget, value)

    def show_audience(self) -> list:
        """The customers 智能圈客 picks for the chosen product (recomputed when the product changes)."""
        pid = self.inputs["product"].value
        if pid is None:
            self.audience_view.value = "<div class='alisim-help'>选择商品后，系统自动圈选近期访问过网站、且访问商品偏好相近的客户。</div>"
            return []
        picked = self.backend.edm.smart_audience(pid)
        rows = "".join(
            f"<tr><td>{esc(c.name)}</td><td>{esc(c.country)}</td><td>{esc(c.pool)}</td><td>{esc(why)}</td></tr>"
            for c, why in picked
        )
        self.audience_view.value = (
            f"<div class='alisim-help'>圈选到 {len(picked)} 位客户（最多 {rules.SMART_AUDIENCE_MAX} 位）</div>"
            "<div style='max-height:240px;overflow:auto'><table class='alisim-table'><tr><th>客户</th><th>国家/地区</th>"
            f"<th>范围</th><th>圈选原因</th></tr>{rows}</table></div>"
        )
        return picked

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.edm.send_insite(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_sent()
        return result

    def success_message(self) -> str:
        sent = self.backend.edm.insite()
        return f"站内营销已发送给 {len(sent[-1].customer_ids)} 位客户" if sent else "已发送"

    def _render_sent(self) -> None:
        sent = self.backend.edm.insite()
        if not sent:
            self.sent_view.value = "<div class='alisim-help'>还没有发送过站内营销。</div>"
            return
        titles = {p.id: p.title for p in self.backend.state.products}
        rows = "".join(
            f"<tr><td>{esc(s.id)}</td><td>{esc(s.title)}</td><td>{esc(titles.get(s.product_id, '')[:40])}…</td>"
            f"<td>{s.quantity} {esc(s.unit)} × US ${s.unit_price:g}</td><td>{len(s.customer_ids)}</td>"
            f"<td>{s.sent_at:%Y-%m-%d %H:%M}</td></tr>"
            for s in sent
        )
        self.sent_view.value = (
            "<table class='alisim-table'><tr><th>编号</th><th>标题</th><th>商品</th><th>数量 × 单价</th>"
            f"<th>投放成功客户</th><th>发送时间</th></tr>{rows}</table>"
        )

    def _load_saved(self) -> None:
        sent = self.backend.edm.insite()
        if not sent:
            return
        s = sent[-1]
        known = {p.id for p in self._products}
        self.fill(title=s.title, product=s.product_id if s.product_id in known else None, quantity=s.quantity,
                  unit=s.unit if s.unit in rules.INSITE_UNITS else None, unit_price=f"{s.unit_price:g}",
                  message=s.message)  # fmt: skip
        self.status.value = f"<div class='alisim-ok'>✔ 已发送：{esc(s.title)}</div>"


class CampaignScreen(Screen):
    """新建EDM营销: 信息 (名称, 客群, 时间, 描述 ≤ 1000) and 投放 (营销邮件, 模板, 发送时间); 活动生效 or 草稿."""

    title = "新建 EDM 营销"
    subtitle = "My Alibaba › 客户管理 › 营销 › 营销活动 › 新建EDM营销"
    task_id = "06.8.5"
    submit_label = "提交"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        L = CAMPAIGN_LABELS
        self.fields = (
            Field("name", L["name"], required=True, max_len=rules.EDM_CAMPAIGN_NAME_MAX),
            Field("group", L["group"], "select", True, tuple(backend.crm.group_names()),
                  help="系统默认客群和自己建的固定/动态客群都可以用"),
            Field("start", L["start"], "date", True),
            Field("end", L["end"], "date", True),
            Field("description", L["description"], "textarea", True, max_len=rules.CAMPAIGN_DESCRIPTION_MAX,
                  help="只给商家自己看，买家看不到"),
            Field("channel", L["channel"], "select", True, rules.EDM_CHANNELS, help="目前仅可选择营销邮件投放"),
            Field("template", L["template"], "select", True, tuple(backend.edm.template_names())),
            Field("send", L["send"], "radio", True, rules.EDM_SEND_MODES),
            Field("send_at", L["send_at"], placeholder="定时发送时填写：年-月-日 时:分"),
            Field("activate", L["activate"], "checkbox", help="活动生效（不勾选则保存为草稿，不发送）"),
        )  # fmt: skip
        self.quote_view = W.HTML()
        self.list_view = W.HTML()
        super().__init__(backend)
        self.widget.children = [
            *self.widget.children[:3], self.quote_view, *self.widget.children[3:],
            W.HTML("<b>营销活动</b>"), self.list_view,
        ]  # fmt: skip
        self.inputs["group"].observe(lambda _c: self.show_quote(), "value")
        self.show_quote()
        self.list_view.value = campaigns_table_html(backend)

    def _header(self) -> W.Widget:
        note = (
            f"注意：每日前 {rules.EDM_FREE_PER_DAY} 封邮件免费，超出部分 {rules.EDM_PRICE_CNY_PER_1000} 元/1000 封；"
            "发送前请确认费用。"
        )
        return W.VBox([super()._header(), W.HTML(f"<div class='alisim-warn'>{esc(note)}</div>")])

    def refresh(self) -> None:
        """Offer the groups and templates made since the page was built."""
        for key, options in (
            ("group", self.backend.crm.group_names()),
            ("template", self.backend.edm.template_names()),
        ):
            widget, current = self.inputs[key], self.inputs[key].value
            widget.options = [("请选择", None), *[(o, o) for o in options]]
            widget.value = current if current in options else None
            self.fields = tuple(
                Field(f.key, f.label, f.kind, f.required, tuple(options), f.placeholder, f.help, f.max_len)
                if f.key == key else f
                for f in self.fields
            )  # fmt: skip
        self.show_quote()
        self.list_view.value = campaigns_table_html(self.backend)

    def fill(self, **values: Any) -> CampaignScreen:
        self.refresh()
        return super().fill(**values)

    def show_quote(self) -> str:
        """The cost of sending to the chosen group today, shown before sending."""
        group = self.inputs["group"].value
        if not group:
            self.quote_view.value = ""
            return ""
        try:
            n = len(self.backend.edm.reachable(group))
        except SimError:
            self.quote_view.value = ""
            return ""
        text = self.backend.edm.quote(n).text()
        self.quote_view.value = f"<div class='alisim-help'>{esc(text)}</div>"
        return text

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.edm.create_campaign(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self.list_view.value = campaigns_table_html(self.backend)
        self.show_quote()
        return result

    def success_message(self) -> str:
        cs = self.backend.edm.campaigns()
        if not cs:
            return "已保存"
        c = cs[-1]
        return (
            f"活动“{c.name}”已生效：{self.backend.edm.status(c)}"
            if c.active
            else f"活动“{c.name}”已保存为草稿"
        )

    def _load_saved(self) -> None:
        cs = self.backend.edm.campaigns()
        if not cs:
            return
        c = cs[-1]
        self.fill(
            name=c.name, group=c.group if c.group in self.field("group").options else None, start=c.start,
            end=c.end, description=c.description, channel=c.channel if c.channel in rules.EDM_CHANNELS else None,
            template=c.template if c.template in self.field("template").options else None,
            send=c.send if c.send in rules.EDM_SEND_MODES else None,
            send_at=f"{c.send_at:%Y-%m-%d %H:%M}" if c.send == rules.EDM_SEND_MODES[1] else "", activate=c.active,
        )  # fmt: skip
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已保存：{esc(c.name)}（{esc(self.backend.edm.status(c))}）</div>"
        )


class CampaignResultsPage:
    """营销活动 › 查看效果: each campaign's mails, cost and results (they grow as the scenario clock moves on).

    A draft can be made effective here (活动生效).
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.table = W.HTML()
        self.drafts = W.Dropdown(options=[], description="草稿", layout=W.Layout(width="360px"))
        self.activate_button = W.Button(description="活动生效", button_style="warning")
        self.activate_button.add_class("alisim-primary")
        self.activate_button.on_click(lambda _b: self.activate(self.drafts.value))
        self.status = W.HTML()
        self.widget = W.VBox(
            [
                css(),
                W.HTML("<div class='alisim-head'><b>营销活动 › 查看效果</b></div>"),
                self.table,
                W.HBox([self.drafts, self.activate_button]),
                self.status,
            ]
        )
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        self.table.value = (
            f"<div class='alisim-help'>模拟时间 {self.backend.now():%Y-%m-%d %H:%M}</div>"
            + campaigns_table_html(self.backend)
        )
        drafts = [c for c in self.backend.edm.campaigns() if not c.active]
        self.drafts.options = [("请选择草稿", None), *[(f"{c.id} · {c.name}", c.id) for c in drafts]]

    def activate(self, campaign_id: Any) -> bool:
        """Make a draft effective (what the 活动生效 button does)."""
        try:
            advice = self.backend.edm.activate_campaign(campaign_id)
        except ValidationFailed as exc:
            self.status.value = "".join(
                f"<div class='alisim-fail'>✘ {esc(m)}</div>" for m in exc.by_field().values()
            )
            return False
        except SimError as exc:
            self.status.value = f"<div class='alisim-fail'>✘ {esc(exc.message)}</div>"
            return False
        self.status.value = f"<div class='alisim-ok'>✔ 活动已生效。{esc(advice[0])}</div>"
        self.refresh()
        return True

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
