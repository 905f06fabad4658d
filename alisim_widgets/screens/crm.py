"""客户管理 › 客户通 and 客群管理 (06.3.4, 06.3.5): the customer list, the group list, new fixed and dynamic groups.

Everything students typed or the customers' own data (names, companies) is escaped before it is shown.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.crm import COUNTRIES, DEFAULT_GROUP_RULES, DYNAMIC_LABELS, FIXED_LABELS, country_name
from ..sim.errors import SimError
from ..sim.ownership_models import Customer
from .base import Field, Screen, esc
from .style import css

__all__ = ["CustomerListPage", "GroupsPage", "FixedGroupScreen", "DynamicGroupScreen", "customers_table_html"]

_SHOWN_MAX = 80


def _last(c: Customer, kind: str) -> str:
    days = [e.day for e in c.events if e.kind == kind]
    return max(days).isoformat() if days else "—"


def customers_table_html(customers: list[Customer], *, limit: int = _SHOWN_MAX) -> str:
    """The customer list as a table (every value escaped)."""
    if not customers:
        return "<div class='alisim-help'>没有符合条件的客户。</div>"
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "编号",
            "客户",
            "公司",
            "国家/地区",
            "来源",
            "范围",
            "标签",
            "最近访问",
            "最近询盘",
            "下单次数",
        )
    )
    rows = []
    for c in customers[:limit]:
        cells = (
            c.id, c.name, c.company, c.country, c.source or "—", c.pool, "、".join(c.tags) or "—",
            _last(c, "访问"), _last(c, "询盘"), sum(1 for e in c.events if e.kind == "下单"),
        )  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    more = (
        f"<div class='alisim-help'>只显示前 {limit} 位，共 {len(customers)} 位</div>"
        if len(customers) > limit
        else ""
    )
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>{more}"


def customer_detail_html(c: Customer, products: dict[int, str]) -> str:
    """A customer's detail: contact, source, tags and every behaviour record (newest first)."""
    facts = (
        ("客户", c.name), ("公司", c.company or "—"), ("国家/地区", c.country or "—"), ("邮箱", c.email or "未留邮箱"),
        ("客户来源", c.source or "—"), ("范围", c.pool), ("基础标签", "、".join(c.tags) or "—"),
        ("店铺粉丝", "是" if c.fan else "否"),
    )  # fmt: skip
    head = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts)
    events = sorted(c.events, key=lambda e: e.day, reverse=True)
    rows = "".join(
        f"<tr><td>{e.day}</td><td>{esc(e.kind)}</td><td>{esc(products.get(e.product_id, '—')[:60])}</td></tr>"
        for e in events
    )
    return (
        f"<table class='alisim-table'>{head}</table><b>行为记录</b>"
        f"<table class='alisim-table'><tr><th>日期</th><th>行为</th><th>产品</th></tr>{rows}</table>"
    )


class CustomerListPage:
    """客户列表: filter by pool, source, country or words; open a customer's detail; add a basic tag."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.pool = W.Dropdown(
            options=[("全部", None), *[(p, p) for p in rules.CRM_GROUP_SCOPES]], description="范围"
        )
        self.source = W.Dropdown(
            options=[("全部", None), *[(s, s) for s in rules.CRM_SOURCES]], description="来源"
        )
        self.country = W.Dropdown(options=[("全部", None)], description="国家")
        self.search = W.Text(placeholder="客户或公司名称", layout=W.Layout(width="220px"))
        self.table = W.HTML()
        self.pick = W.Dropdown(options=[("选择客户查看详情", None)], layout=W.Layout(width="360px"))
        self.tag = W.Text(placeholder="新标签，如 回购客户", layout=W.Layout(width="200px"))
        self.tag_button = W.Button(description="添加标签", button_style="warning")
        self.tag_button.add_class("alisim-primary")
        self.detail = W.HTML()
        self.status = W.HTML()
        for w in (self.pool, self.source, self.country, self.search):
            w.observe(lambda _c: self.render(), "value")
        self.pick.observe(lambda _c: self._show_detail(), "value")
        self.tag_button.on_click(lambda _b: self.add_tag(self.pick.value, self.tag.value))
        self.widget = W.VBox(
            [
                css(),
                W.HTML(
                    "<div class='alisim-head'><b>客户列表</b><div class='alisim-sub'>My Alibaba › 客户管理 › 客户通"
                    f"（{esc(backend.crm.edition() or '免费会员不能使用客户通')}）</div></div>"
                ),
                W.HBox([self.pool, self.source, self.country, self.search]),
                self.table,
                W.HBox([self.pick, self.tag, self.tag_button]),
                self.status,
                self.detail,
            ]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        self.country.options = [("全部", None), *[(c, c) for c in self.backend.crm.countries()]]
        self.render()

    def shown(self) -> list[Customer]:
        words = self.search.value.strip().casefold()
        out = []
        for c in self.backend.crm.customers(self.pool.value):
            if self.source.value and c.source != self.source.value:
                continue
            if self.country.value and (country_name(c.country) or c.country) != self.country.value:
                continue
            if words and words not in f"{c.name} {c.company}".casefold():
                continue
            out.append(c)
        return out

    def render(self) -> None:
        shown = self.shown()
        self.table.value = f"<div class='alisim-help'>{len(shown)} 位客户</div>" + customers_table_html(shown)
        current = self.pick.value
        self.pick.options = [("选择客户查看详情", None), *[(f"{c.id} · {c.name}", c.id) for c in shown]]
        self.pick.value = current if any(c.id == current for c in shown) else None

    def _show_detail(self) -> None:
        c = self.backend.crm.customer(self.pick.value) if self.pick.value else None
        names = {p.id: p.title for p in self.backend.state.products}
        self.detail.value = customer_detail_html(c, names) if c else ""

    def add_tag(self, customer: Any, tag: Any) -> bool:
        """给客户打标签 (the button does this with the chosen customer and the typed tag)."""
        try:
            self.backend.crm.add_tag(customer, tag)
        except SimError as exc:
            self.status.value = f"<div class='alisim-fail'>✘ {esc(exc.message)}</div>"
            return False
        self.status.value = "<div class='alisim-ok'>✔ 已添加标签</div>"
        self.pick.value = customer if customer in dict(self.pick.options).values() else self.pick.value
        self._show_detail()
        self.render()
        return True

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


def groups_table_html(backend: Backend) -> str:
    """客群管理: the default groups (computed now) and the store's own groups with their member counts."""
    today = backend.today()
    rows = []
    for name in rules.CRM_DEFAULT_GROUPS:
        n = len(backend.crm.members(name))
        rows.append(("系统默认", name, n, DEFAULT_GROUP_RULES[name], today.isoformat()))
    for g in backend.crm.groups():
        n = len(backend.crm.members(g))
        if g.kind == "固定客群":
            rule = f"范围：{g.scope}；描述：{g.description}"
        else:
            c = g.conditions
            parts = []
            if c.countries:
                parts.append("国家地区：" + "、".join(c.countries))
            if c.sources:
                parts.append("来源：" + "、".join(c.sources))
            for label, days in (
                ("询盘", c.inquiry_within_days),
                ("访问", c.visit_within_days),
                ("下单", c.order_within_days),
            ):
                if days:
                    parts.append(f"近 {days} 天内{label}")
            rule = "；".join(parts)
        updated = today.isoformat() if g.kind == "动态客群" else f"{g.created_at:%Y-%m-%d}"
        rows.append((g.kind, g.name, n, rule, updated))
    head = "".join(f"<th>{h}</th>" for h in ("类型", "客群名称", "人数", "条件 / 说明", "更新时间"))
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table class='alisim-table'><tr>{head}</tr>{body}</table>"


class GroupsPage:
    """客群管理: every group with its members; dynamic groups are recomputed each time the page is shown."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.table = W.HTML()
        self.pick = W.Dropdown(options=[], description="查看客群", layout=W.Layout(width="360px"))
        self.members = W.HTML()
        self.pick.observe(lambda _c: self._show_members(), "value")
        self.widget = W.VBox(
            [
                css(),
                W.HTML(f"<div class='alisim-head'><b>客群管理</b><div class='alisim-sub'>My Alibaba › 客户管理 › 客群管理（模拟日期 {backend.today()}）</div></div>"),
                self.table,
                self.pick,
                self.members,
            ]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        self.table.value = groups_table_html(self.backend)
        self.pick.options = [("请选择", None), *[(n, n) for n in self.backend.crm.group_names()]]
        self._show_members()

    def _show_members(self) -> None:
        name = self.pick.value
        self.members.value = customers_table_html(self.backend.crm.members(name)) if name else ""

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


class _CustomerPicker:
    """A SelectMultiple over the customer list (label "name · country · pool", value the customer's id)."""

    @staticmethod
    def widget(customers: list[Customer]) -> W.SelectMultiple:
        options = [(f"{c.name} · {c.country} · {c.pool}", c.id) for c in customers]
        return W.SelectMultiple(options=options, value=(), rows=12, layout=W.Layout(width="520px"))


class FixedGroupScreen(Screen):
    """新建固定客群: 名称、范围、描述 (≤ 256), then 添加客户 from the customer list."""

    title = "新建固定客群"
    subtitle = "My Alibaba › 客户管理 › 客群管理 › 新建固定客群"
    task_id = "06.3.4"
    submit_label = "添加选中客户并保存"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._customers = backend.crm.customers()
        L = FIXED_LABELS
        self.fields = (
            Field("name", L["name"], required=True, max_len=rules.CRM_GROUP_NAME_MAX),
            Field("scope", L["scope"], "radio", True, rules.CRM_GROUP_SCOPES),
            Field("description", L["description"], "textarea", True, max_len=rules.GROUP_DESCRIPTION_MAX),
            Field("customers", L["customers"], "customers", True,
                  help="按住 Ctrl（Mac 上 ⌘）可多选；先用上方的筛选框找到客户"),
        )  # fmt: skip
        super().__init__(backend)
        self.groups_view = W.HTML()
        self.widget.children = [*self.widget.children, W.HTML("<b>客群列表</b>"), self.groups_view]
        self._render_groups()

    def _header(self) -> W.Widget:
        self.filter = W.Text(placeholder="筛选客户：名称、公司或国家", layout=W.Layout(width="300px"))
        self.filter.observe(lambda _c: self._filter(), "value")
        return W.VBox(
            [super()._header(), W.HBox([W.HTML("<div class='alisim-label'>筛选</div>"), self.filter])]
        )

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "customers":
            return _CustomerPicker.widget(self._customers)
        return super().make_input(f)

    def _filter(self) -> None:
        words = self.filter.value.strip().casefold()
        picker = self.inputs["customers"]
        chosen = set(picker.value)
        keep = [c for c in self._customers if c.id in chosen or not words
                or words in f"{c.name} {c.company} {c.country}".casefold()]  # fmt: skip
        before = tuple(picker.value)  # replacing the options clears the choice: keep it, in its order
        picker.options = [(f"{c.name} · {c.country} · {c.pool}", c.id) for c in keep]
        picker.value = tuple(i for i in before if i in chosen)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "customers":
            ids = []
            for item in value or []:
                found = self.backend.crm.customer(item)
                if found is None:
                    raise ValueError(f"客户列表里没有这个客户：{str(item)[:40]}")
                ids.append(found.id)
            self.filter.value = ""
            widget.value = tuple(ids)
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = super().values()
        out["customers"] = list(self.inputs["customers"].value)
        return out

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.crm.create_fixed_group(values)

    def submit(self):
        result = super().submit()
        self._render_groups()
        return result

    def success_message(self) -> str:
        g = next((g for g in reversed(self.backend.crm.groups()) if g.kind == "固定客群"), None)
        return f"已保存固定客群“{g.name}”，{len(g.customer_ids)} 位客户" if g else "已保存"

    def _render_groups(self) -> None:
        self.groups_view.value = groups_table_html(self.backend)

    def _load_saved(self) -> None:
        g = next((g for g in reversed(self.backend.crm.groups()) if g.kind == "固定客群"), None)
        if g is None:
            return
        known = {c.id for c in self._customers}
        self.fill(
            name=g.name,
            scope=g.scope if g.scope in rules.CRM_GROUP_SCOPES else None,
            description=g.description,
            customers=[i for i in g.customer_ids if i in known],
        )
        self.status.value = f"<div class='alisim-ok'>✔ 已保存：固定客群“{esc(g.name)}”</div>"


class DynamicGroupScreen(Screen):
    """新建动态客群: 基础标签 (国家地区, 客户来源渠道) and 客户行为标签 (询盘/访问/下单 within N days)."""

    title = "新建动态客群"
    subtitle = "My Alibaba › 客户管理 › 客群管理 › 新建动态客群"
    task_id = "06.3.5"
    submit_label = "创建"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        countries = backend.crm.countries()
        self._countries = tuple(countries + [c for c in COUNTRIES if c not in countries])
        L = DYNAMIC_LABELS
        self.fields = (
            Field("countries", f"基础标签：{L['countries']}", "countries", False, self._countries,
                  help="按住 Ctrl（Mac 上 ⌘）可多选"),
            Field("sources", f"基础标签：{L['sources']}", "multiselect", False, rules.CRM_SOURCES),
            Field("inquiry_within_days", f"行为标签：{L['inquiry_within_days']}", placeholder="天数，如 30",
                  help="客户在最近这么多天（含今天）里发起过询盘"),
            Field("visit_within_days", f"行为标签：{L['visit_within_days']}", placeholder="天数，可不填"),
            Field("order_within_days", f"行为标签：{L['order_within_days']}", placeholder="天数，可不填"),
            Field("name", L["name"], required=True, max_len=rules.CRM_GROUP_NAME_MAX),
        )  # fmt: skip
        super().__init__(backend)
        self.count = W.HTML()
        self.groups_view = W.HTML()
        self.widget.children = [
            *self.widget.children[:3], self.count, *self.widget.children[3:],
            W.HTML("<b>客群列表</b>"), self.groups_view,
        ]  # fmt: skip
        for key in ("countries", "inquiry_within_days", "visit_within_days", "order_within_days"):
            self.inputs[key].observe(lambda _c: self.update_count(), "value")
        for box in self.inputs["sources"].children:
            box.observe(lambda _c: self.update_count(), "value")
        self.update_count()
        self.groups_view.value = groups_table_html(backend)

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "countries":
            return W.SelectMultiple(options=list(f.options), value=(), rows=8, layout=W.Layout(width="260px"))
        return super().make_input(f)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "countries":
            names = []
            for item in value or []:
                zh = country_name(item)
                if zh is None or zh not in f.options:
                    raise ValueError(f"国家地区没有这个选项：{str(item)[:30]}")
                names.append(zh)
            widget.value = tuple(names)
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = super().values()
        out["countries"] = list(self.inputs["countries"].value)
        return out

    def update_count(self) -> int | None:
        """客群人数: how many customers the conditions pick now (before creating)."""
        values = {k: v for k, v in self.values().items() if k != "name"}
        try:
            n = len(self.backend.crm.preview(values))
        except SimError:
            self.count.value = "<div class='alisim-help'>客群人数：—（先设置有效的筛选条件）</div>"
            return None
        self.count.value = (
            f"<div class='alisim-warn'>客群人数：{n}（按模拟日期 {self.backend.today()} 的数据计算）</div>"
        )
        return n

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.crm.create_dynamic_group(values)

    def submit(self):
        result = super().submit()
        self.groups_view.value = groups_table_html(self.backend)
        return result

    def success_message(self) -> str:
        g = next((g for g in reversed(self.backend.crm.groups()) if g.kind == "动态客群"), None)
        if g is None:
            return "已创建"
        return (
            f"已创建动态客群“{g.name}”，当前 {len(self.backend.crm.members(g))} 人（客户数据变化时自动更新）"
        )

    def _load_saved(self) -> None:
        g = next((g for g in reversed(self.backend.crm.groups()) if g.kind == "动态客群"), None)
        if g is None or g.conditions is None:
            return
        c = g.conditions
        self.fill(
            name=g.name,
            countries=[x for x in c.countries if x in self._countries],
            sources=[s for s in c.sources if s in rules.CRM_SOURCES],
            inquiry_within_days=c.inquiry_within_days or "",
            visit_within_days=c.visit_within_days or "",
            order_within_days=c.order_within_days or "",
        )
        self.status.value = f"<div class='alisim-ok'>✔ 已保存：动态客群“{esc(g.name)}”</div>"
