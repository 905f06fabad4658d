"""出口服务 › 报关单证制作 (task 10.1.4): the declaration tool's form and the documents it produces.

One form in three parts as in the tool (基本信息, 商品信息, 合同箱单发票相关信息). 「生成单证」 checks everything at
once; when nothing is refused the simulator writes 报关草单, 合同, 商业发票 and 装箱单 (PDF) and a spreadsheet,
and the result lists their paths (``result.files``). The fee fields show their customs notation as you type.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.customs import CUSTOMS_LABELS as L
from ..sim.customs import FEE_KINDS, GOODS_LABELS, currency_code, currency_label, fee_notation
from ..sim.customs_docs import DOC_FILES, Doc, build_documents
from ..sim.customs_models import CustomsDeclaration
from ..sim.errors import SimError
from .base import Field, Screen, SubmitResult, esc

__all__ = ["CustomsScreen", "CustomsResult", "GoodsEditor", "documents_html", "CustomsDocsPage"]

_CURRENCIES = tuple(rules.CUSTOMS_CURRENCY_CODES)
_FEE_KIND_OPTIONS = tuple(FEE_KINDS)  # 率 / 单价 / 总价
_KIND_NAME = {v: k for k, v in FEE_KINDS.items()}

_BASIC = (
    Field("domestic_shipper", L["domestic_shipper"], required=True, help="可填写公司名称"),
    Field("exit_customs", L["exit_customs"], required=True, placeholder="如 北京关区"),
    Field("record_no", L["record_no"]),
    Field("overseas_consignee", L["overseas_consignee"], required=True),
    Field("transport_mode", L["transport_mode"], "select", True, rules.CUSTOMS_TRANSPORT_MODES),
    Field("vessel", L["vessel"]),
    Field("voyage_no", L["voyage_no"]),
    Field("bill_of_lading", L["bill_of_lading"]),
    Field("producer_seller", L["producer_seller"]),
    Field("supervision_mode", L["supervision_mode"], "select", True, rules.CUSTOMS_SUPERVISION_MODES),
    Field("levy_nature", L["levy_nature"], "select", True, rules.CUSTOMS_LEVY_NATURES),
    Field("license_no", L["license_no"]),
    Field("contract_no", L["contract_no"], required=True),
    Field(
        "trade_country",
        L["trade_country"],
        required=True,
        help="实际与之成交的国家（三方贸易填中间商所在国）",
    ),
    Field("arrival_country", L["arrival_country"], required=True),
    Field("destination_port", L["destination_port"], required=True),
    Field("exit_port", L["exit_port"], required=True),
    Field("package_kind", L["package_kind"], "select", True, rules.CUSTOMS_PACKAGE_KINDS),
    Field("packages", L["packages"], required=True),
    Field("gross_kg", L["gross_kg"], required=True),
    Field("net_kg", L["net_kg"], required=True),
    Field("trade_terms", L["trade_terms"], "radio", True, rules.CUSTOMS_TRADE_TERMS),
    Field(
        "currency",
        L["currency"],
        "currency",
        True,
        _CURRENCIES,
        help="与收汇币种一致，可以是外币也可以是人民币",
    ),
    Field("freight", L["freight"]),
    Field("freight_kind", L["freight_kind"], "feekind", options=_FEE_KIND_OPTIONS),
    Field("insurance", L["insurance"]),
    Field("insurance_kind", L["insurance_kind"], "feekind", options=_FEE_KIND_OPTIONS),
    Field("misc", L["misc"], help="杂费扣除时填负数"),
    Field("misc_kind", L["misc_kind"], "feekind", options=_FEE_KIND_OPTIONS),
    Field("marks", L["marks"], required=True, placeholder="没有唛头填 N/M"),
    Field("special_relationship", L["special_relationship"], "radio", True, rules.CUSTOMS_YES_NO),
    Field("price_influence", L["price_influence"], "radio", True, rules.CUSTOMS_YES_NO),
    Field("royalties", L["royalties"], "radio", True, rules.CUSTOMS_YES_NO),
)
_GOODS = (Field("goods", L["goods"], "goods", True),)
_DOCS = (
    Field("shipper", L["shipper"], required=True),
    Field("shipper_address", L["shipper_address"], required=True),
    Field("shipper_tel_fax", L["shipper_tel_fax"]),
    Field("consignee_address", L["consignee_address"], required=True),
    Field("consignee_tel_fax", L["consignee_tel_fax"]),
    Field("settlement", L["settlement"], "select", True, rules.CUSTOMS_SETTLEMENTS),
    Field("volume_cbm", L["volume_cbm"]),
    Field("ship_date", L["ship_date"], "date", True),
    Field("contract_date", L["contract_date"], "date", True),
    Field("packing_list_no", L["packing_list_no"], required=True),
    Field("packing_list_date", L["packing_list_date"], "date", True),
    Field("invoice_no", L["invoice_no"], required=True),
    Field("invoice_date", L["invoice_date"], "date", True),
)
_SECTIONS = (("基本信息", _BASIC), ("商品信息", _GOODS), ("合同箱单发票相关信息", _DOCS))
_GOODS_COLUMNS = tuple(GOODS_LABELS)


@dataclass(repr=False)
class CustomsResult(SubmitResult):
    """A submission of the tool; ``files`` are the documents written (PDFs first, then the spreadsheet)."""

    files: list[Path] = field(default_factory=list)


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text == "-0" else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class GoodsEditor:
    """The goods table: one small form per row, 「添加商品」 adds a row, 「删除」 removes one."""

    def __init__(self) -> None:
        self.rows: list[dict[str, W.Widget]] = []
        self.box = W.VBox()
        self.add_button = W.Button(description="＋ 添加商品", layout=W.Layout(width="120px"))
        self.add_button.on_click(lambda _b: self.add_row())
        self.widget = W.VBox([self.box, self.add_button])
        self.add_row()

    def _input(self, key: str) -> W.Widget:
        layout = W.Layout(width="172px")
        if key == "unit":
            return W.Dropdown(
                options=[("请选择", None), *[(u, u) for u in rules.CUSTOMS_LEGAL_UNITS]], layout=layout
            )
        if key == "levy":
            return W.Dropdown(
                options=[("请选择", None), *[(u, u) for u in rules.CUSTOMS_GOODS_LEVIES]], layout=layout
            )
        if key == "currency":
            return W.Dropdown(
                options=[("请选择", None), *[(currency_label(c), c) for c in _CURRENCIES]], layout=layout
            )
        return W.Text(
            layout=layout, placeholder="如 Princess Dress Pink/002-03F" if key == "goods_name" else ""
        )

    def add_row(self, values: dict[str, Any] | None = None) -> dict[str, W.Widget]:
        row = {key: self._input(key) for key in _GOODS_COLUMNS}
        self.rows.append(row)
        if values:
            self.set_row(row, values)
        row["quantity"].observe(lambda _c, r=row: self._total_hint(r), "value")
        row["unit_price"].observe(lambda _c, r=row: self._total_hint(r), "value")
        self._render()
        return row

    @staticmethod
    def _total_hint(row: dict[str, W.Widget]) -> None:
        try:
            product = Decimal(row["quantity"].value.strip()) * Decimal(row["unit_price"].value.strip())
            row["total"].placeholder = f"数量 × 单价 = {format(product.normalize(), 'f')}"
        except Exception:  # not numbers yet
            row["total"].placeholder = "数量 × 单价"

    def remove_row(self, row: dict[str, W.Widget]) -> None:
        self.rows = [r for r in self.rows if r is not row]
        self._render()

    def _render(self) -> None:
        boxes = []
        for n, row in enumerate(self.rows, start=1):
            cells = []
            for key in _GOODS_COLUMNS:
                star = "<span class='alisim-star'>*</span>" if key not in ("total",) else ""
                cells.append(
                    W.VBox(
                        [W.HTML(f"<div class='alisim-help'>{star}{esc(GOODS_LABELS[key])}</div>"), row[key]]
                    )
                )
            remove = W.Button(description="删除", layout=W.Layout(width="60px"))
            remove.on_click(lambda _b, r=row: self.remove_row(r))
            grid = W.GridBox(
                cells, layout=W.Layout(grid_template_columns="repeat(4, 180px)", grid_gap="2px 6px")
            )
            head = W.HBox([W.HTML(f"<b>第 {n} 行商品</b>"), remove])
            boxes.append(
                W.VBox([head, grid], layout=W.Layout(border="1px solid #eee", padding="4px", margin="2px 0"))
            )
        self.box.children = boxes

    @staticmethod
    def set_row(row: dict[str, W.Widget], values: dict[str, Any]) -> None:
        unknown = set(values) - set(_GOODS_COLUMNS)
        if unknown:
            raise KeyError(f"商品信息没有这些栏目：{', '.join(sorted(map(str, unknown)))}")
        for key, value in values.items():
            widget = row[key]
            if key == "currency":
                code = currency_code(value) if isinstance(value, str) else None
                if value not in (None, "") and code is None:
                    raise ValueError(f"币制没有这个选项：{value}")
                widget.value = code
            elif isinstance(widget, W.Dropdown):
                if value not in (None, "") and value not in [v for _l, v in widget.options]:
                    raise ValueError(f"{GOODS_LABELS[key]}没有这个选项：{value}")
                widget.value = value or None
            else:
                widget.value = _text_of(value)

    def set(self, rows: Any) -> None:
        if isinstance(rows, dict):
            rows = [rows]
        if rows is not None and (
            not isinstance(rows, (list, tuple)) or not all(isinstance(r, dict) for r in rows)
        ):
            raise ValueError("商品信息应为一组商品：每行一个 dict，例如 [{'hs_code': '6204420000', …}]")
        self.rows = []
        for values in list(rows or []) or [{}]:
            self.add_row(values)

    def values(self) -> list[dict[str, Any]]:
        out = []
        for row in self.rows:
            values = {key: w.value for key, w in row.items()}
            if any(v not in (None, "") for v in values.values()):
                out.append(values)
        return out


class CustomsScreen(Screen):
    """报关单证制作工具: fill in once, 「生成单证」 writes the declaration draft, contract, invoice and packing list."""

    title = "报关单证制作"
    subtitle = "出口服务 › 报关单证制作工具：一次录入报关信息，一键生成报关草单、合同、发票、装箱单"
    task_id = "10.1.4"
    submit_label = "生成单证"
    fields = _BASIC + _GOODS + _DOCS

    def __init__(self, backend: Backend) -> None:
        self.goods_editor = GoodsEditor()
        self.notation = {fee: W.HTML() for fee in ("freight", "insurance", "misc")}
        self.documents = W.HTML()
        super().__init__(backend)
        self.widget.children = (*self.widget.children, self.documents)  # below the button and its message
        self._group()
        for fee in self.notation:
            for key in (fee, f"{fee}_kind", "currency"):
                self.inputs[key].observe(lambda _c, f=fee: self._show_notation(f), "value")
            self._show_notation(fee)

    # --- building --------------------------------------------------------------------------------
    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "goods":
            return self.goods_editor.widget
        if f.kind == "currency":
            return W.Dropdown(
                options=[("请选择", None), *[(currency_label(c), c) for c in f.options]], value=None,
                layout=W.Layout(width="260px"),
            )  # fmt: skip
        if f.kind == "feekind":
            return W.ToggleButtons(options=list(f.options), value="总价", style={"button_width": "60px"})
        widget = super().make_input(f)
        if hasattr(widget, "layout") and f.kind in ("text", "date", "select"):
            widget.layout.width = "360px"
        return widget

    def _row(self, f: Field) -> W.Widget:
        row = super()._row(f)
        if f.key in ("freight", "insurance", "misc"):
            col = row.children[1]
            col.children = (W.HBox([*col.children[0].children, self.notation[f.key]]), *col.children[1:])
        return row

    def _group(self) -> None:
        rows = list(self.body.children)
        grouped: list[W.Widget] = []
        start = 0
        for name, fields in _SECTIONS:
            grouped.append(W.HTML(f"<div class='alisim-head' style='font-size:14px;border-bottom:1px solid #f0d9c8'>"
                                  f"{esc(name)}</div>"))  # fmt: skip
            grouped += rows[start : start + len(fields)]
            start += len(fields)
        self.body.children = grouped

    def _show_notation(self, fee: str) -> None:
        value = self.inputs[fee].value.strip()
        if not value:
            self.notation[fee].value = ""
            return
        try:
            text = fee_notation(self.inputs[f"{fee}_kind"].value, value, self.inputs["currency"].value)
        except SimError:
            text = "？"
        self.notation[fee].value = f"<span class='alisim-help'>报关单写法：<b>{esc(text)}</b></span>"

    # --- values ----------------------------------------------------------------------------------
    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "goods":
            self.goods_editor.set(value)
        elif f.kind == "currency":
            code = currency_code(value) if isinstance(value, str) else None
            if value not in (None, "") and code is None:
                raise ValueError(f"{f.label}没有这个选项：{value}（可选：{'、'.join(_CURRENCIES)}）")
            widget.value = code
        elif f.kind == "feekind":
            name = _KIND_NAME.get(value, value) if value not in (None, "") else "总价"
            if name not in f.options:
                raise ValueError(f"{f.label}没有这个选项：{value}（可选：{'、'.join(f.options)}）")
            widget.value = name
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = {}
        for f in self.fields:
            if f.kind == "goods":
                out[f.key] = self.goods_editor.values()
            elif f.kind in ("currency", "feekind"):
                out[f.key] = self.inputs[f.key].value
            else:
                out[f.key] = super().values()[f.key] if f.kind == "multiselect" else self.inputs[f.key].value
        return out

    # --- submitting ------------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> CustomsResult:
        declaration, advice, paths = self.backend.customs.declare(values)
        self.documents.value = documents_html(declaration, paths)
        return CustomsResult(
            True, warnings=advice, data=declaration, files=paths,
            message=f"单证已生成（{declaration.id}）：报关草单、合同、商业发票、装箱单（PDF）和一份可编辑的表格",
        )  # fmt: skip

    def _load_saved(self) -> None:
        saved = self.backend.customs.latest()
        if saved is None:
            return
        values = {f.key: getattr(saved, f.key) for f in self.fields if f.key != "goods"}
        values = {
            k: (_KIND_NAME.get(v, v) if k.endswith("_kind") else _text_of(v)) for k, v in values.items()
        }
        goods = [{k: _text_of(v) for k, v in g.model_dump().items()} for g in saved.goods]
        self.fill(**values, goods=goods)
        self.documents.value = documents_html(saved, self.backend.customs.files(saved))


def _doc_html(doc: Doc) -> str:
    parts = [f"<div style='font-weight:bold;margin-top:8px'>{esc(doc.title)}</div>",
             f"<div class='alisim-help'>{esc(doc.subtitle)}</div>"]  # fmt: skip
    for block in doc.blocks:
        if block.title:
            parts.append(f"<div style='margin-top:4px'>{esc(block.title)}</div>")
        if block.kind == "table":
            head = "".join(f"<th>{esc(h)}</th>" for h in block.head)
            body = "".join(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            parts.append(f"<table class='alisim-table'><tr>{head}</tr>{body}</table>")
        elif block.kind == "pairs":
            body = "".join(
                "<tr>"
                + "".join(
                    f"<th>{esc(c)}</th>" if i % 2 == 0 else f"<td>{esc(c)}</td>" for i, c in enumerate(row)
                )
                + "</tr>"
                for row in block.rows
            )
            parts.append(f"<table class='alisim-table'>{body}</table>")
        else:
            parts += [f"<div>{esc(row[0])}</div>" for row in block.rows]
    return "".join(parts)


_MIME = {
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_LINK_MAX_BYTES = 2 * 1024 * 1024  # a document is about 20 KB; a link carries the file inside the page


def _download_link(path: Path, text: str) -> str:
    """A link that downloads the file from the page itself: works in Voila, which has no file browser."""
    try:
        data = path.read_bytes() if path.stat().st_size <= _LINK_MAX_BYTES else None
    except OSError:
        data = None
    if data is None:
        return esc(text)
    payload = base64.b64encode(data).decode("ascii")
    mime = _MIME.get(path.suffix, "application/octet-stream")
    return (f"<a download='{esc(path.name)}' href='data:{mime};base64,{payload}' style='color:#FF6A00'>"
            f"⬇ {esc(text)}</a>")  # fmt: skip


def documents_html(declaration: CustomsDeclaration, paths: list[Path]) -> str:
    """The files written and a preview of the four documents (every value escaped)."""
    titles = {stem: title for title, stem in DOC_FILES.values()}
    items = []
    for path in paths:
        stem = path.name.split("_BG-")[0]
        kind = titles.get(stem, "可编辑表格（四个工作表）" if path.suffix == ".xlsx" else path.suffix)
        items.append(f"<li>{_download_link(path, kind)}　<code>{esc(path)}</code></li>")
    files = (
        "<div class='alisim-help'>生成的文件（点击下载；在 JupyterLab 里也可以从左侧文件浏览器打开，PDF 可直接打印）：</div>"
        f"<ul style='margin:2px 0'>{''.join(items)}</ul>"
        if items
        else "<div class='alisim-help'>这份单证还没有文件（或文件已不在这台电脑上）：点击“生成单证”即可生成。</div>"
    )
    previews = "".join(_doc_html(doc) for doc in build_documents(declaration))
    return (
        f"<div style='border-top:1px dashed #f0d9c8;margin-top:8px;padding-top:6px'><b>单证 {esc(declaration.id)}</b>"
        f"{files}<details><summary>预览四份单证</summary>{previews}</details></div>"
    )


class CustomsDocsPage:
    """出口服务 › 我的单证: the declarations made, newest first, with their files and previews."""

    def __init__(self, backend: Backend) -> None:
        from .style import css

        self.backend = backend
        self.listing = W.HTML()
        self.widget = W.VBox([css(), self.listing])
        self.widget.add_class("alisim-screen")
        self.refresh()

    def refresh(self) -> None:
        """Show the declarations as they are now (the demo's menu calls this each time the page is opened)."""
        items = list(reversed(self.backend.customs.declarations()))
        if not items:
            html = "<div class='alisim-help'>还没有生成过报关单证：在“报关单证制作”页面填写后点击“生成单证”。</div>"
        else:
            html = "".join(documents_html(d, self.backend.customs.files(d)) for d in items)
        self.listing.value = f"<div class='alisim-head'><b>我的单证</b></div>{html}"

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
