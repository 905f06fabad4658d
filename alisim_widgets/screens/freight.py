"""交易管理 › 运费模板 › 新建模板 (08.2.3) and the freight preview (预览运费).

The service lines are rows of widgets (服务类型 1, 2 …, 添加服务类型); ``fill(services=[{...}, …])`` sets
them as a person would. The simulator checks every line and reports its errors beside 运费详情.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.errors import SimError
from ..sim.freight import (
    COUNTRIES,
    COUNTRY_ZONES,
    FREIGHT_LABELS,
    SERVICE_LABELS,
    SERVICES,
    WAREHOUSE_NAMES,
    chargeable_kg,
    moq_of,
    norm_country,
    norm_service,
)
from .base import Field, Screen, SubmitResult, esc
from .style import css

__all__ = ["FreightTemplateScreen", "ServiceRow", "FreightPreview", "templates_table_html"]

L = FREIGHT_LABELS
S = SERVICE_LABELS
_TEXT_KEYS = ("warehouse_postcode", "rate_pct", "first_kg_usd", "extra_kg_usd", "per_unit_usd")
_SHORT = {"warehouse_postcode": "发货邮编", "rate_pct": "调整比例 %", "first_kg_usd": "首重 USD",
          "extra_kg_usd": "续重/kg USD", "per_unit_usd": "每件 USD"}  # fmt: skip


class ServiceRow:
    """One 服务类型 line: carrier, delivery, warehouse and postcode, countries, pricing, rate, 承诺达."""

    def __init__(self, number: int, on_remove=None) -> None:
        self.service = W.Dropdown(options=[("请选择", None), *[(s, s) for s in SERVICES]], value=None,
                                  description=S["service"], layout=W.Layout(width="340px"))  # fmt: skip
        self.delivery = W.RadioButtons(
            options=list(rules.FREIGHT_DELIVERY), value=None, description=S["delivery"]
        )
        self.warehouse = W.Dropdown(options=[("不选", ""), *[(w, w) for w in WAREHOUSE_NAMES]], value="",
                                    description=S["warehouse"], layout=W.Layout(width="340px"))  # fmt: skip
        self.texts = {
            k: W.Text(description=_SHORT[k], placeholder=S[k], style={"description_width": "initial"},
                      layout=W.Layout(width="230px"))
            for k in _TEXT_KEYS
        }  # fmt: skip
        self.pricing = W.Dropdown(options=list(rules.FREIGHT_PRICING_TYPES), value=rules.FREIGHT_ALI_PRICE,
                                  description=S["pricing"], layout=W.Layout(width="340px"))  # fmt: skip
        self.countries = [
            W.Checkbox(description=c, value=False, indent=False, layout=W.Layout(width="150px"))
            for c in COUNTRIES
        ]
        self.on_time = W.Checkbox(description=S["on_time"], value=False, indent=False)
        remove = W.Button(description="删除", layout=W.Layout(width="70px"))
        if on_remove is not None:
            remove.on_click(lambda _b: on_remove(self))
        self.head = W.HTML()
        self.number = number
        grid = W.GridBox(self.countries, layout=W.Layout(grid_template_columns="repeat(5, 150px)"))
        self.widget = W.VBox(
            [
                W.HBox([self.head, remove]),
                W.HBox([self.service, self.delivery]),
                W.HBox([self.warehouse, self.texts["warehouse_postcode"]]),
                W.HTML(f"<div class='alisim-help'>{S['countries']}</div>"),
                grid,
                W.HBox([self.pricing, self.texts["rate_pct"]]),
                W.HBox([self.texts["first_kg_usd"], self.texts["extra_kg_usd"], self.texts["per_unit_usd"]]),
                self.on_time,
            ],
            layout=W.Layout(border="1px solid #f0d9c8", padding="4px 8px", margin="4px 0"),
        )
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.number = number
        self.head.value = f"<b>服务类型 {number}</b>"

    def set(self, row: dict[str, Any]) -> None:
        """Set the line from a dict with the keys of ``SERVICE_LABELS``."""
        if not isinstance(row, dict):
            raise ValueError("每个服务类型应为一组设置（dict）")
        unknown = set(row) - set(S)
        if unknown:
            raise KeyError(f"服务类型没有这些设置项：{', '.join(sorted(map(str, unknown)))}")
        service = row.get("service")
        if service not in (None, ""):
            service = norm_service(str(service))
            if service not in SERVICES:
                raise ValueError(f"服务类型没有这个选项：{str(service)[:40]}")
        self.service.value = service or None
        delivery = row.get("delivery")
        if delivery not in (None, "") and delivery not in rules.FREIGHT_DELIVERY:
            raise ValueError(f"发货方式没有这个选项：{delivery}")
        self.delivery.value = delivery or None
        warehouse = row.get("warehouse") or ""
        if warehouse and warehouse not in WAREHOUSE_NAMES:
            raise ValueError(f"发货仓库没有这个选项：{str(warehouse)[:40]}")
        self.warehouse.value = warehouse
        for key in _TEXT_KEYS:
            value = row.get(key)
            self.texts[key].value = "" if value is None else str(value)
        pricing = row.get("pricing") or rules.FREIGHT_ALI_PRICE
        if pricing not in rules.FREIGHT_PRICING_TYPES:
            raise ValueError(f"运费类型没有这个选项：{pricing}")
        self.pricing.value = pricing
        wanted = {norm_country(str(c)) for c in (row.get("countries") or [])}
        unknown = wanted - set(COUNTRIES)
        if unknown:
            raise ValueError(f"发往国家和地区没有这个选项：{sorted(unknown)[0][:40]}")
        for box in self.countries:
            box.value = box.description in wanted
        self.on_time.value = bool(row.get("on_time"))

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "service": self.service.value,
            "delivery": self.delivery.value,
            "warehouse": self.warehouse.value,
            "countries": [b.description for b in self.countries if b.value],
            "pricing": self.pricing.value,
            "on_time": self.on_time.value,
        }
        for key in _TEXT_KEYS:
            text = self.texts[key].value
            if text.strip() or key == "warehouse_postcode":
                out[key] = text
        return out


class FreightTemplateScreen(Screen):
    """新建运费模板: name, origin, express, goods type, logistics choice, destination and the service lines."""

    title = "新建运费模板"
    subtitle = "My Alibaba › 交易管理 › 运费模板 › 新建模板"
    task_id = "08.2.3"
    submit_label = "保存"
    fields = (
        Field("name", L["name"], required=True, max_len=50),
        Field("origin", L["origin"], "select", True, rules.FREIGHT_ORIGINS),
        Field("origin_postcode", L["origin_postcode"], required=True, placeholder="6 位数字"),
        Field("method", L["method"], "radio", True, rules.FREIGHT_METHODS,
              help="运费模板目前只支持快递（RTS 商品），暂不支持空运、海运"),
        Field("goods", L["goods"], "select", True, rules.FREIGHT_GOODS_TYPES,
              help="一种商品类型配置一个运费模板，不要混配"),
        Field("logistics", L["logistics"], "radio", True, rules.FREIGHT_LOGISTICS),
        Field("destination", L["destination"], "select", True, COUNTRIES),
        Field("services", L["services"], "services", True,
              help="承诺达：只在六条专线上、运费类型为阿里物流价、调价率不超过 120% 时可选"),
    )  # fmt: skip

    def __init__(self, backend: Backend) -> None:
        self.rows: list[ServiceRow] = []
        super().__init__(backend)
        self.templates_view = W.HTML()
        self.widget.children = [*self.widget.children, W.HTML("<b>我的运费模板</b>"), self.templates_view]
        self._render_templates()

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "services":
            self.rows_box = W.VBox()
            add = W.Button(description="+ 添加服务类型")
            add.on_click(lambda _b: self.add_row())
            box = W.VBox([self.rows_box, add])
            self.add_row()
            return box
        if f.key == "destination":  # shown as the page groups them: 欧洲 France
            options = [("请选择", None), *[(f"{COUNTRY_ZONES[c]} {c}", c) for c in COUNTRIES]]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="420px"))
        return super().make_input(f)

    def add_row(self) -> ServiceRow:
        row = ServiceRow(len(self.rows) + 1, on_remove=self.remove_row)
        self.rows.append(row)
        self.rows_box.children = [r.widget for r in self.rows]
        return row

    def remove_row(self, row: ServiceRow) -> None:
        self.rows = [r for r in self.rows if r is not row]
        for n, r in enumerate(self.rows, start=1):
            r.renumber(n)
        self.rows_box.children = [r.widget for r in self.rows]

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "services":
            items = list(value or [])
            while len(self.rows) < len(items):
                self.add_row()
            while len(self.rows) > max(1, len(items)):
                self.remove_row(self.rows[-1])
            for row, item in zip(self.rows, items, strict=False):
                row.set(item)
            if not items:
                self.rows[0].set({})
        elif f.key == "destination" and isinstance(value, str):
            super()._set(f, widget, norm_country(value) if value else None)
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = {}
        for f in self.fields:
            if f.kind == "services":
                rows = [r.value() for r in self.rows]
                out[f.key] = [r for r in rows if r["service"] or r["countries"] or r["delivery"]]
            else:
                out[f.key] = self.inputs[f.key].value
        return out

    def _apply(self, values: dict[str, Any]) -> Any:
        advice = self.backend.freight.save_template(values)
        return SubmitResult(True, warnings=advice, message=f"运费模板“{values['name'].strip()}”已保存")

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_templates()
        return result

    def _render_templates(self) -> None:
        self.templates_view.value = templates_table_html(self.backend)

    def _load_saved(self) -> None:
        templates = self.backend.freight.templates()
        if not templates:
            return
        t = templates[-1]
        services = []
        for s in t.services:
            row = s.model_dump()
            row["rate_pct"] = f"{s.rate_pct:g}"
            services.append({k: v for k, v in row.items() if v is not None})
        self.fill(name=t.name, origin=t.origin, origin_postcode=t.origin_postcode, method=t.method,
                  goods=t.goods, logistics=t.logistics, destination=t.destination, services=services)  # fmt: skip
        self.status.value = f"<div class='alisim-ok'>✔ 已保存：运费模板“{esc(t.name)}”</div>"


def templates_table_html(backend: Backend) -> str:
    templates = backend.freight.templates()
    if not templates:
        return "<div class='alisim-help'>还没有运费模板。</div>"
    rows = []
    for t in templates:
        lines = "<br>".join(
            esc(f"{s.service}（{s.delivery}{'，' + s.warehouse if s.warehouse else ''}，{s.pricing} {s.rate_pct:g}%"
                f"{'，承诺达' if s.on_time else ''}）→ {'、'.join(s.countries)}")
            for s in t.services
        )  # fmt: skip
        cells = (esc(t.name), esc(f"{t.origin} {t.origin_postcode}"), esc(t.goods), esc(t.destination), lines)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("模板名称", "发货地", "商品类型", "发往国家", "服务类型"))
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


class FreightPreview:
    """预览运费: the freight of a product's minimum order quantity in USD, per service and country."""

    def __init__(self, backend: Backend, product: Any = None) -> None:
        self.backend = backend
        self.template = W.Dropdown(description="运费模板", layout=W.Layout(width="360px"))
        self.product = W.Dropdown(
            options=[(f"{p.id} · {p.title[:50]}", p.id) for p in backend.state.products],
            description="产品", layout=W.Layout(width="560px"),
        )  # fmt: skip
        if product is not None:
            self.product.value = product
        button = W.Button(description="预览运费", button_style="warning")
        button.on_click(lambda _b: self.render())
        self.table = W.HTML()
        self.widget = W.VBox([css(), W.HTML("<div class='alisim-head'><b>预览运费</b></div>"),
                              W.HBox([self.template, self.product]), button, self.table])  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        names = [t.name for t in self.backend.freight.templates()]
        current = self.template.value
        self.template.options = names
        if names:
            self.template.value = current if current in names else names[-1]
        self.render()

    def render(self) -> str:
        if not self.template.value or self.product.value is None:
            self.table.value = "<div class='alisim-help'>先保存一个运费模板，再选择产品预览运费。</div>"
            return self.table.value
        try:
            rows = self.backend.freight.preview(self.template.value, self.product.value)
        except SimError as exc:
            self.table.value = f"<div class='alisim-fail'>{esc(exc.message)}</div>"
            return self.table.value
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in (
                r.service, r.country, f"{r.kg:g}",
                "不展示" if r.freight_usd is None else f"{r.freight_usd:,.2f}",
                "—" if r.compensation_usd is None else f"{r.compensation_usd:,.2f}", r.note,
            )) + "</tr>"
            for r in rows
        )  # fmt: skip
        item = next(p for p in self.backend.state.products if p.id == self.product.value)
        moq = moq_of(item)
        head = f"<div class='alisim-help'>最小起订量 {moq} 件，计费重 {chargeable_kg(item, moq):g} kg；运费单位：美元</div>"
        self.table.value = head + (
            "<table class='alisim-table'><tr><th>服务类型</th><th>国家</th><th>计费重 kg</th><th>运费 USD</th>"
            f"<th>承诺达最高赔付 USD</th><th>说明</th></tr>{body}</table>"
        )
        return self.table.value

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
