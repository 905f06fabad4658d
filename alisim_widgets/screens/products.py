"""发布产品 (tasks 03.3.5 and 03.3.6): the category picker and the product publishing form.

The form follows the backend page: 类目 → 基本信息 (type, title, keywords) → 商品属性 → 交易信息 (prices,
stock, lead time…) → 物流信息 → 特殊服务及其他 → 商品描述 (images, video, details). Rows that a product
type does not have are hidden and not sent. Every rule is the simulator's: the form only shows live
counters, the live title check and the measurements of uploaded files, then what the simulator says.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, categories, rules
from ..sim.errors import SimError
from ..sim.product_media import as_file, image_advice, measure_image, size_text
from ..sim.products import (
    LOGISTICS_ATTRIBUTES,
    PAYMENT_METHODS,
    PRODUCT_LABELS,
    SELL_BY,
    SHIPPING_MODES,
    SPECIAL_GOODS,
    SUPPLY_PERIODS,
    UNITS,
    freight_templates,
    keyword_problems,
    title_report,
)
from ..sim.products_models import (
    PRICE_MODE_RANGE,
    PRICE_MODES,
    PRODUCT_TYPE_CUSTOM,
    PRODUCT_TYPE_RTS,
    PRODUCT_TYPES,
    ImageMeta,
    Product,
    VideoMeta,
)
from .base import Field, Screen, SubmitResult, esc
from .style import css
from .video_input import VideoCheck, VideoInput

__all__ = [
    "CategoryPicker",
    "ProductPublishScreen",
    "RtsPublishScreen",
    "CustomPublishScreen",
    "TitleChecker",
    "bank_image_label",
]

L = PRODUCT_LABELS
_SMALL = W.Layout(width="110px")
_NEW = "new"


def bank_image_label(b: Any) -> str:
    """How a picture of the image bank is offered for picking (main images here, the True View cover in
    screens.media): id, what it shows, pixels and size, so the student can judge it before choosing."""
    return f"{b.id} · {b.subject} · {b.image.width}×{b.image.height} · {size_text(b.image.size_bytes)}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class CategoryPicker:
    """类目选择: search by a keyword, or choose level by level; only a leaf can be the value."""

    LEVELS = 4

    def __init__(self) -> None:
        self.raw = ""  # what was typed when it names no leaf (the simulator says why)
        self.search_box = W.Text(
            placeholder="输入产品关键词，如 plush toy 或 毛绒玩具", layout=W.Layout(width="300px")
        )
        self.search_button = W.Button(description="搜索类目", icon="search")
        self.search_button.on_click(lambda _b: self.search())
        self.search_box.on_submit(lambda _w: self.search())
        self.results = W.Select(options=[], rows=5, layout=W.Layout(width="560px", display="none"))
        self.results.observe(self._pick_result, "value")
        self.message = W.HTML()
        self.levels = [
            W.Dropdown(options=[], value=None, layout=W.Layout(width="150px")) for _ in range(self.LEVELS)
        ]
        for i, dd in enumerate(self.levels):
            dd.observe(lambda ch, i=i: self._level_changed(i), "value")
        self.chosen = W.HTML()
        self._callbacks: list = []
        self._quiet = False
        self._fill_level(0, ())
        self.widget = W.VBox(
            [W.HBox([self.search_box, self.search_button]), self.message, self.results,
             W.HBox(self.levels), self.chosen]
        )  # fmt: skip

    # --- value -------------------------------------------------------------------------------------
    @property
    def category(self) -> categories.Category | None:
        path = tuple(d.value for d in self.levels if d.value)
        return categories.find(categories.SEP.join(path)) if path else None

    @property
    def value(self) -> str:
        cat = self.category
        return cat.text if cat else self.raw

    def set(self, value: Any) -> None:
        """Choose a category by its path (Chinese or English, any separator)."""
        text = "" if value is None else str(value)
        cat = categories.find(text)
        self._quiet = True
        try:
            self._fill_level(0, ())
            self.raw = "" if cat else text
            if cat:
                for i, name in enumerate(cat.path):
                    self.levels[i].value = name
                    self._fill_level(i + 1, cat.path[: i + 1])
        finally:
            self._quiet = False
        self._changed()

    def on_change(self, callback) -> None:
        self._callbacks.append(callback)

    def _repr_mimebundle_(self, **kwargs):
        return W.VBox([css(), self.widget])._repr_mimebundle_(**kwargs)

    # --- browsing ----------------------------------------------------------------------------------
    def _fill_level(self, i: int, path: tuple[str, ...]) -> None:
        for j in range(i, self.LEVELS):
            names = categories.children(path) if j == i else []
            self.levels[j].options = [("请选择", None), *[(n, n) for n in names]] if names else []
            self.levels[j].value = None
            self.levels[j].layout.display = None if names else "none"

    def _level_changed(self, i: int) -> None:
        if self._quiet:
            return
        path = tuple(d.value for d in self.levels[: i + 1])
        if None in path:
            path = path[: path.index(None)]
        if i + 1 < self.LEVELS and len(path) == i + 1:
            self._quiet = True
            try:
                self._fill_level(i + 1, path)
            finally:
                self._quiet = False
        self.raw = ""
        self._changed()

    def search(self, term: str | None = None) -> categories.SearchResult:
        if term is not None:
            self.search_box.value = term
        result = categories.search(self.search_box.value)
        css_class = "alisim-fail" if result.prohibited else "alisim-help"
        self.message.value = f"<div class='{css_class}'>{esc(result.message)}</div>"
        opts = []
        for cat in result.categories:
            note = f"（限制类目：需{cat.certificate}）" if cat.restricted else ""
            opts.append((f"{cat.text}　{cat.en_text}{note}", cat.text))
        self.results.options = opts
        self.results.value = None
        self.results.layout.display = None if opts else "none"
        return result

    def _pick_result(self, change) -> None:
        if change["new"]:
            self.set(change["new"])

    def _changed(self) -> None:
        cat = self.category
        if cat:
            note = (
                f"<span class='alisim-warn'>限制销售类目：发布前须在 认证中心-证书管理 提交“{esc(cat.certificate)}”</span>"
                if cat.restricted
                else ""
            )
            self.chosen.value = f"<div>已选类目：<b>{esc(cat.text)}</b>（{esc(cat.en_text)}）{note}</div>"
        elif any(d.value for d in self.levels):
            self.chosen.value = "<div class='alisim-help'>请继续选到最后一级类目</div>"
        else:
            self.chosen.value = ""
        if not self._quiet:
            for cb in self._callbacks:
                cb(cat)


class TitleChecker:
    """A live title checker (for the notebook): type a title, see the counter and every rule at once."""

    def __init__(self, title: str = "") -> None:
        self.box = W.Textarea(
            value=title, placeholder="输入一个英文产品标题试试", layout=W.Layout(width="640px", height="60px")
        )
        self.report = W.HTML()
        self.box.observe(lambda _c: self.render(), "value")
        self.widget = W.VBox([css(), self.box, self.report])
        self.render()

    def render(self) -> str:
        self.report.value = title_html(self.box.value)
        return self.report.value

    def check(self, title: str) -> str:
        self.box.value = title
        return self.report.value

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class MainImageChecker:
    """Upload a picture and see what the publishing page would say about it as a main image."""

    def __init__(self) -> None:
        self.upload = W.FileUpload(
            accept=".jpg,.jpeg,.png,.gif,.webp", multiple=False, description="选择图片"
        )
        self.report = W.HTML("<div class='alisim-help'>选一张图片，看看它能不能做产品主图</div>")
        self.upload.observe(self._uploaded, "value")
        self.widget = W.VBox([css(), self.upload, self.report])

    def _uploaded(self, change) -> None:
        files = [as_file(v) for v in change["new"]]
        if files and files[0]:
            self.check(*files[0])

    def check(self, name: str, data: bytes) -> str:
        """The verdict on one file (also what the upload button shows)."""
        if len(data) > rules.MAIN_IMAGE_MAX_BYTES:
            html = f"<div class='alisim-fail'>✘ {esc(name)}：{size_text(len(data))}，主图不能超过 5 MB</div>"
        else:
            meta, why = measure_image(name, data)
            if meta is None:
                html = f"<div class='alisim-fail'>✘ {esc(name)}：{esc(why)}</div>"
            else:
                notes = image_advice(meta, "这张图")
                facts = f"{esc(meta.name)} · {meta.format} · {meta.width}×{meta.height} · {size_text(meta.size_bytes)}"
                html = f"<div class='alisim-ok'>✔ 可以上传：{facts}</div>" + "".join(
                    f"<div class='alisim-warn'>提示：{esc(n)}</div>" for n in notes
                )
        self.report.value = html
        return html

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class LadderPreview:
    """What a buyer pays under ladder prices: type a quantity, see the tier, the unit price and the total."""

    def __init__(self, tiers: list[tuple[int, float]], unit: str = "Box/Boxes") -> None:
        self.tiers = sorted((int(q), float(p)) for q, p in tiers)
        self.unit = unit
        self.quantity = W.BoundedIntText(value=self.tiers[0][0], min=0, max=1_000_000, description="采购数量")
        self.result = W.HTML()
        self.quantity.observe(lambda _c: self.render(), "value")
        rows = "".join(f"<tr><td>≥ {q}</td><td>US ${p:.2f}</td></tr>" for q, p in self.tiers)
        table = W.HTML(
            f"<table class='alisim-table'><tr><th>起订量（{esc(unit)}）</th><th>FOB 单价</th></tr>{rows}</table>"
        )
        self.widget = W.VBox([css(), table, self.quantity, self.result])
        self.render()

    def price_for(self, quantity: int) -> float | None:
        """The unit price of the highest tier the quantity reaches (None below the first tier)."""
        price = None
        for q, p in self.tiers:
            if quantity >= q:
                price = p
        return price

    def render(self) -> str:
        n = self.quantity.value
        price = self.price_for(n)
        if price is None:
            self.result.value = (
                f"<div class='alisim-warn'>{n} 不到最小起订量 {self.tiers[0][0]}，买家不能下单</div>"
            )
        else:
            self.result.value = f"<div class='alisim-ok'>买 {n} {esc(self.unit)}：单价 US ${price:.2f}，合计 US ${price * n:,.2f}</div>"
        return self.result.value

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def title_html(title: str, counter: bool = True) -> str:
    """The live verdict on a title: counter (unless the form shows its own), refused rules in red, advice in amber."""
    r = title_report(title)
    count = f"<span class='alisim-count{' over' if r.length > rules.TITLE_MAX else ''}'>{r.length}/{rules.TITLE_MAX}</span>"
    count = count if counter else ""
    if not r.length:
        return count
    parts = [count]
    parts += [f"<div class='alisim-fail'>✘ {esc(e)}</div>" for e in r.errors]
    parts += [f"<div class='alisim-warn'>提示：{esc(w)}</div>" for w in r.warnings]
    if r.ok and not r.warnings:
        parts.append("<div class='alisim-ok'>✔ 标题符合规则，长度也在建议的 60–70 个字符之间</div>")
    elif r.ok:
        parts.append("<div class='alisim-ok'>✔ 没有违反标题规则</div>")
    return "".join(parts)


def _fields(backend: Backend) -> tuple[Field, ...]:
    attrs = tuple(
        Field(k, a.label + f"（{a.en}）", "multiselect" if a.options else "text", False, a.options, max_len=None if a.options else rules.ATTRIBUTE_MAX)
        for k, a in categories.ATTRIBUTES.items()
    )  # fmt: skip
    return (
        Field("category", L["category"], "category", True),
        Field("special_goods", L["special_goods"], "select", False, SPECIAL_GOODS, help="第三类医疗器械只能发在六个指定类目，并且要有证书"),
        Field("product_type", L["product_type"], "radio", True, PRODUCT_TYPES),
        Field("title", L["title"], "text", True, placeholder="营销词 + 修饰词 + 属性词 + 核心词 + 场景词", max_len=rules.TITLE_MAX),
        Field("keywords", L["keywords"], "keywords", True, help="至少 1 个、最多 3 个，每个不超过 128 个字符，不要重复"),
        *attrs,
        Field("price_mode", L["price_mode"], "radio", True, PRICE_MODES),
        Field("sell_by", L["sell_by"], "radio", True, SELL_BY),
        Field("lot_size", L["lot_size"], "text", True, placeholder="每批包含的数量"),
        Field("unit", L["unit"], "select", True, UNITS),
        Field("price_tiers", L["price_tiers"] + "（FOB，USD）", "tiers", True, help="起订量逐档增加，单价逐档降低；最多 4 档"),
        Field("price_range", L["price_range"] + "（FOB，USD）", "pair", True),
        Field("moq", L["moq"], "text", True),
        Field("stock", L["stock"], "text", True),
        Field("sku_code", L["sku_code"], "text", False, max_len=rules.SKU_CODE_MAX),
        Field("lead_time", L["lead_time"], "leadtime", True, help="数量（含）以内 → 几天发货；最多 3 个范围；Ready to Ship 须 15 天内发货"),
        Field("payment_methods", L["payment_methods"], "multiselect", True, PAYMENT_METHODS),
        Field("shipping_mode", L["shipping_mode"], "select", False, SHIPPING_MODES),
        Field("port", L["port"], "text", False, placeholder="如 Ningbo、Shenzhen"),
        Field("supply_ability", L["supply_ability"], "supply", False),
        Field("package_cm", L["package_cm"] + "（长×宽×高 cm）", "dims", True),
        Field("weight_kg", L["weight_kg"] + "（kg/单位）", "text", True),
        Field("logistics_attribute", L["logistics_attribute"], "select", True, LOGISTICS_ATTRIBUTES),
        Field("freight_template", L["freight_template"], "select", False, tuple(freight_templates(backend))),
        Field("samples", L["samples"], "samples", False),
        Field("customization", L["customization"], "multiselect", False, rules.CUSTOMIZATION_SERVICES, help="支持定制服务能提高产品成长分"),
        Field("other_services", L["other_services"], "multiselect", False, rules.OTHER_SERVICES),
        Field("images", L["images"], "images", True, help="JPG/PNG，单张 ≤ 5 MB（建议 ≤ 3 MB），640×640 以上、近似正方形，建议 5 张以上"),
        Field("video", L["video"], "video", False, help="从视频银行选择或上传 MP4/MOV：≤ 45 秒（建议 20 秒以上）、≥ 480P、≤ 100 MB、横屏"),
        Field("description", L["description"], "textarea", True, max_len=rules.DESCRIPTION_MAX),
        Field("packaging", L["packaging"], "text", False, max_len=rules.PACKAGING_MAX, placeholder="如 Outer: Kraft carton"),
        Field("custom_attributes", L["custom_attributes"], "textarea", False, help="每行一条：名称: 值（最多 {rules.CUSTOM_ATTRIBUTES_MAX} 条）"),
        Field("custom_customization", L["custom_customization"], "text", False, max_len=rules.CUSTOM_CUSTOMIZATION_NAME_MAX, help="定制服务里没有的，可以自己起名称"),
        Field("customization_moq", L["customization_moq"], "textarea", False, help="每行一条：定制服务: 数量，如 LOGO定制: 100"),
        Field("detail_video", L["detail_video"], "video", False, help="从视频银行选择：≤ 10 分钟、≤ 500 MB，一个视频最多关联 20 个产品；显示在详情页右侧上方"),
    )  # fmt: skip


_SECTIONS = (
    ("category", "① 类目选择"),
    ("product_type", "② 基本信息"),
    ("place_of_origin", "③ 商品属性（带 * 为必填）"),
    ("price_mode", "④ 交易信息"),
    ("package_cm", "⑤ 物流信息"),
    ("samples", "⑥ 特殊服务及其他"),
    ("images", "⑦ 商品描述"),
)
_CUSTOM_ONLY = ("payment_methods", "port", "moq", "price_range")
_RTS_ONLY = ("stock", "sell_by", "lot_size")


class ProductPublishScreen(Screen):
    """The product publishing page (发布产品), for Ready to Ship and Customization."""

    title = "发布产品"
    subtitle = "产品管理 > 发布产品 · 所有内容用英文填写（买家来自全球）"
    submit_label = "提交"
    product_type: str | None = None

    def __init__(
        self, backend: Backend, product_type: str | None = None, product_id: int | None = None
    ) -> None:
        if product_type is not None:
            self.product_type = product_type
        self.fields = _fields(backend)
        self.rows: dict[str, W.Widget] = {}
        self._images: list[Any] = []
        self.videos: dict[str, VideoInput] = {}  # 主图视频 and 详情页视频, by field key
        self.product_id: int | None = None
        self.on_saved: list = []  # callbacks(product_id) after a successful submission
        self._bank = list(getattr(backend.state, "videos", None) or [])
        super().__init__(backend)
        self._decorate()
        if self.product_type:
            self.inputs["product_type"].value = self.product_type
        if product_id is not None:
            self.edit(product_id)
        self._refresh_rows()

    # --- building ----------------------------------------------------------------------------------
    def _row(self, f: Field) -> W.Widget:
        row = super()._row(f)
        self.rows[f.key] = row
        return row

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "category":
            self.picker = CategoryPicker()
            self.picker.on_change(lambda _c: self._refresh_rows())
            return self.picker.widget
        if f.kind == "keywords":
            self.keyword_boxes = [W.Text(placeholder=p, layout=W.Layout(width="360px")) for p in
                                  ("营销词 + 产品中心词", "重要属性词 + 产品中心词", "营销词/属性词 + 中心词的近义词")]  # fmt: skip
            self.keyword_counts = [W.HTML(self._count_html(0, rules.KEYWORD_MAX)) for _ in self.keyword_boxes]
            self.keyword_hint = W.HTML()
            for box, cnt in zip(self.keyword_boxes, self.keyword_counts, strict=True):
                box.observe(lambda ch, c=cnt: self._keyword_changed(c, ch["new"]), "value")
            return W.VBox([*[W.HBox([b, c]) for b, c in zip(self.keyword_boxes, self.keyword_counts, strict=True)],
                           self.keyword_hint])  # fmt: skip
        if f.kind in ("tiers", "leadtime"):
            return self._tier_editor(f)
        if f.kind == "pair":
            return W.HBox(
                [
                    W.Text(placeholder="最低价", layout=_SMALL),
                    W.HTML("—"),
                    W.Text(placeholder="最高价", layout=_SMALL),
                ]
            )
        if f.kind == "dims":
            return W.HBox([W.Text(placeholder=n, layout=W.Layout(width="80px")) for n in ("长", "宽", "高")])
        if f.kind == "supply":
            return W.HBox([W.Text(placeholder="数量", layout=_SMALL), W.HTML("每"),
                           W.Dropdown(options=[("请选择", None), *[(p, p) for p in SUPPLY_PERIODS]], value=None,
                                      layout=W.Layout(width="90px"))])  # fmt: skip
        if f.kind == "samples":
            box = W.Checkbox(description="支持样品服务", value=False, indent=False)
            qty = W.Text(placeholder="单次最多索样数量", layout=W.Layout(width="150px"))
            price = W.Text(placeholder="样品单价（USD）", layout=W.Layout(width="150px"))
            more = W.HBox([qty, price])
            more.layout.display = "none"
            box.observe(lambda ch: setattr(more.layout, "display", None if ch["new"] else "none"), "value")
            return W.VBox([box, more])
        if f.kind == "images":
            self.image_upload = W.FileUpload(accept=".jpg,.jpeg,.png", multiple=True, description="上传主图")
            self.image_upload.observe(self._uploaded_images, "value")
            self.image_list = W.HTML()
            clear = W.Button(description="清空主图", icon="trash")
            clear.on_click(lambda _b: self._set_images([]))
            bank = self.backend.state.image_bank
            self.bank_pick = W.SelectMultiple(
                options=[(bank_image_label(b), b.id) for b in bank],
                rows=min(6, max(len(bank), 1)), layout=W.Layout(width="560px"),
            )  # fmt: skip
            add = W.Button(description="从图片银行添加", icon="image")
            add.on_click(lambda _b: self._add_from_bank())
            bank_box = W.VBox([W.HTML("<div class='alisim-help'>图片银行：</div>"), self.bank_pick, add])
            bank_box.layout.display = None if bank else "none"
            return W.VBox([W.HBox([self.image_upload, clear]), bank_box, self.image_list])
        if f.kind == "video":
            self.videos[f.key] = VideoInput(f.label, self._bank, self._video_check(f.key))
            return self.videos[f.key].widget
        return super().make_input(f)

    def _tier_editor(self, f: Field) -> W.VBox:
        limit = rules.PRICE_TIERS_MAX if f.kind == "tiers" else rules.LEAD_TIME_TIERS_MAX
        names = ("起订量 ≥", "FOB 单价 USD") if f.kind == "tiers" else ("数量 ≤", "天内发货")
        box = W.VBox()
        add = W.Button(description="增加一档" if f.kind == "tiers" else "增加数量范围", icon="plus")
        box._alisim = {"names": names, "limit": limit, "add": add}  # type: ignore[attr-defined]
        add.on_click(lambda _b: self._add_tier(box))
        self._add_tier(box)
        return W.VBox([box, add])

    def _add_tier(self, box: W.VBox, qty: str = "", value: str = "") -> None:
        names = box._alisim["names"]  # type: ignore[attr-defined]
        row = W.HBox([W.Text(value=qty, placeholder=names[0], layout=_SMALL),
                      W.Text(value=value, placeholder=names[1], layout=_SMALL)])  # fmt: skip
        remove = W.Button(icon="times", layout=W.Layout(width="34px"), tooltip="删除这一档")
        remove.on_click(lambda _b, r=row: self._remove_tier(box, r))
        row.children = (*row.children, remove)
        box.children = (*box.children, row)
        box._alisim["add"].disabled = len(box.children) >= box._alisim["limit"]  # type: ignore[attr-defined]

    def _remove_tier(self, box: W.VBox, row: W.HBox) -> None:
        box.children = tuple(r for r in box.children if r is not row)
        if not box.children:
            self._add_tier(box)
        box._alisim["add"].disabled = len(box.children) >= box._alisim["limit"]  # type: ignore[attr-defined]

    def _decorate(self) -> None:
        """Section headings, the live title check, and the edit selector at the top."""
        heads = dict(_SECTIONS)
        children = []
        for f in self.fields:
            if f.key in heads:
                children.append(W.HTML(f"<div class='alisim-section'>{esc(heads[f.key])}</div>"))
            children.append(self.rows[f.key])
        self.title_hint = W.HTML()
        self.inputs["title"].observe(
            lambda ch: setattr(self.title_hint, "value", title_html(ch["new"], counter=False)), "value"
        )
        self.rows["title"].children[1].children = (*self.rows["title"].children[1].children, self.title_hint)
        self.attribute_note = W.HTML("<div class='alisim-help'>选好类目后，这里显示该类目的属性</div>")
        children.insert(children.index(self.rows["place_of_origin"]), self.attribute_note)
        self.editing = W.Dropdown(layout=W.Layout(width="560px"))
        self._fill_editing()
        self.editing.observe(self._editing_changed, "value")
        top = W.HBox([W.HTML("<div class='alisim-label'>操作</div>"), self.editing])
        self.body.children = (top, *children)
        for key in ("product_type", "price_mode", "sell_by", "shipping_mode"):
            self.inputs[key].observe(lambda _c: self._refresh_rows(), "value")
        self.widget.children = (self.widget.children[0], self._style(), *self.widget.children[1:])

    @staticmethod
    def _style() -> W.HTML:
        return W.HTML(
            "<style>.alisim-section{font-weight:bold;color:#333;border-left:3px solid #FF6A00;"
            "padding:2px 8px;margin:12px 0 4px 0;background:#fff8f2}</style>",
            layout=W.Layout(height="0px", margin="0"),
        )

    def _fill_editing(self) -> None:
        opts = [("发布新产品", _NEW)] + [
            (f"编辑 ID {p.id} · {p.product_type} · {p.title[:60]}", p.id) for p in self.backend.state.products
        ]
        current = self.product_id if self.product_id is not None else _NEW
        self._quiet_edit = True
        self.editing.options = opts
        self.editing.value = current
        self._quiet_edit = False

    def _editing_changed(self, change) -> None:
        if getattr(self, "_quiet_edit", False):
            return
        if change["new"] == _NEW:
            self.new_product()
        else:
            self.edit(change["new"])

    # --- visibility --------------------------------------------------------------------------------
    def _applicable(self) -> set[str]:
        """Field keys the form shows for the chosen type, price mode and category."""
        keys = {f.key for f in self.fields}
        ptype = self.inputs["product_type"].value
        if ptype == PRODUCT_TYPE_RTS:
            keys -= set(_CUSTOM_ONLY)
        elif ptype == PRODUCT_TYPE_CUSTOM:
            keys -= set(_RTS_ONLY)
        mode = self.inputs["price_mode"].value
        keys -= {"price_range", "moq"} if mode != PRICE_MODE_RANGE else {"price_tiers"}
        if ptype != PRODUCT_TYPE_RTS or self.inputs["sell_by"].value != "按批卖":
            keys.discard("lot_size")
        cat = self.picker.category
        required, optional = categories.attribute_keys(cat) if cat else (("place_of_origin", "brand"), ())
        keys -= set(categories.ATTRIBUTES) - set(required) - set(optional)
        return keys

    def _refresh_rows(self) -> None:
        if not self.rows:
            return
        shown = self._applicable()
        for key, row in self.rows.items():
            row.layout.display = None if key in shown else "none"
        cat = self.picker.category
        required = categories.attribute_keys(cat)[0] if cat else ("place_of_origin", "brand")
        rts = self.inputs["product_type"].value == PRODUCT_TYPE_RTS
        custom = self.inputs["product_type"].value == PRODUCT_TYPE_CUSTOM
        starred = {
            **{k: k in required for k in categories.ATTRIBUTES},
            "freight_template": rts,
            "shipping_mode": custom,
            "supply_ability": custom,
            "port": custom and self.inputs["shipping_mode"].value in ("海运", "空运"),
        }
        star_html = "<span class='alisim-star'>*</span>"
        for key, star in starred.items():
            label = self.rows[key].children[0]
            label.value = (
                f"<div class='alisim-label'>{star_html if star else ''}{esc(self.field(key).label)}</div>"
            )
        self.attribute_note.value = (
            f"<div class='alisim-help'>“{esc(cat.text)}”类目的属性：带 * 的必填，其余越完整越好</div>"
            if cat else "<div class='alisim-help'>选好类目后，这里显示该类目的属性</div>"
        )  # fmt: skip

    # --- live feedback -----------------------------------------------------------------------------
    def _keyword_changed(self, counter: W.HTML, value: str) -> None:
        counter.value = self._count_html(len(value or ""), rules.KEYWORD_MAX)
        problems = [f"{w[:30]}：{'；'.join(keyword_problems(w))}" for w in
                    (b.value.strip() for b in self.keyword_boxes) if w and keyword_problems(w)]  # fmt: skip
        self.keyword_hint.value = "".join(f"<div class='alisim-fail'>✘ {esc(p)}</div>" for p in problems)

    def _uploaded_images(self, change) -> None:
        files = [as_file(v) for v in change["new"]]
        if not files:
            return
        self._set_images([*self._images, *[f for f in files if f]])
        self.image_upload.value = ()  # ready for the next upload

    def _add_from_bank(self) -> None:
        self._set_images([*self._images, *self.bank_pick.value])
        self.bank_pick.value = ()

    def _set_images(self, items: list[Any]) -> None:
        self._images = list(items)
        bank = {b.id: b.image for b in self.backend.state.image_bank}
        lines = []
        for i, item in enumerate(self._images, 1):
            if isinstance(item, ImageMeta):
                meta, why = item, ""
            elif isinstance(item, str):
                meta, why = bank.get(item.strip()), "图片银行里没有这张图片"
                if meta is not None and meta.size_bytes > rules.MAIN_IMAGE_MAX_BYTES:
                    lines.append(
                        f"<div class='alisim-fail'>第 {i} 张 {esc(item)}：{size_text(meta.size_bytes)}，超过 5 MB</div>"
                    )
                    continue
            else:
                file = as_file(item)
                if file is None:
                    lines.append(f"<div class='alisim-fail'>第 {i} 张：不是文件</div>")
                    continue
                if len(file[1]) > rules.MAIN_IMAGE_MAX_BYTES:
                    lines.append(
                        f"<div class='alisim-fail'>第 {i} 张 {esc(file[0])}：{size_text(len(file[1]))}，超过 5 MB</div>"
                    )
                    continue
                meta, why = measure_image(*file)
            if meta is None:
                lines.append(
                    f"<div class='alisim-fail'>第 {i} 张 {esc(item if isinstance(item, str) else item[0] if isinstance(item, tuple) else '')}：{esc(why)}</div>"
                )
                continue
            notes = image_advice(meta, "")
            mark = "✔" if not notes else "!"
            extra = f"<span class='alisim-help'>（{esc('；'.join(notes))}）</span>" if notes else ""
            lines.append(f"<div>{mark} 第 {i} 张 {esc(meta.name)} · {meta.format} · {meta.width}×{meta.height} · "
                         f"{size_text(meta.size_bytes)}{extra}</div>")  # fmt: skip
        count = f"<div class='alisim-help'>已选 {len(self._images)} / {rules.MAIN_IMAGES_MAX} 张</div>"
        self.image_list.value = count + "".join(lines)

    def _video_check(self, key: str) -> VideoCheck:
        """The live check of one video field: the simulator's own rules for it."""
        from types import SimpleNamespace

        from ..sim.product_media import check_detail_video, check_video

        if key == "video":
            return lambda errors, value, kept: check_video(errors, "video", value, self._bank, kept)

        def detail(errors: Any, value: Any, kept: VideoMeta | None) -> tuple[VideoMeta | None, list[str]]:
            old = SimpleNamespace(id=self.product_id, detail_video=kept)
            return check_detail_video(errors, value, self._bank, old, self.backend.state.products)

        return detail

    # --- values ------------------------------------------------------------------------------------
    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        k = f.kind
        if k == "category":
            self.picker.set(value)
        elif k == "keywords":
            words = [value] if isinstance(value, str) else list(value or [])
            if len(words) > len(self.keyword_boxes):
                raise ValueError(f"产品关键词最多填写 {rules.KEYWORDS_MAX} 个（收到 {len(words)} 个）")
            for i, box in enumerate(self.keyword_boxes):
                box.value = _text(words[i]) if i < len(words) else ""
        elif k in ("tiers", "leadtime"):
            box = widget.children[0]
            rows = [value] if isinstance(value, str) else list(value or [])
            box.children = ()
            for row in rows or [("", "")]:
                if isinstance(row, dict):
                    row = tuple(row.values())
                pair = list(row) if isinstance(row, (list, tuple)) else [row, ""]
                pair = (pair + ["", ""])[:2] if len(pair) <= 2 else pair
                if len(pair) != 2:
                    raise ValueError(f"{f.label}的每一行应是两个数：{row!r}")
                self._add_tier(box, _text(pair[0]), _text(pair[1]))
        elif k in ("pair", "dims", "supply"):
            n = {"pair": 2, "dims": 3, "supply": 2}[k]
            if isinstance(value, dict):
                value = (value.get("quantity"), value.get("period"))
            items = [value] if isinstance(value, (str, int, float)) else list(value or [])
            if len(items) > n:
                raise ValueError(f"{f.label}应为 {n} 项（收到 {len(items)} 项）")
            items += [None] * (n - len(items))
            texts = [c for c in widget.children if isinstance(c, W.Text)]
            if k == "supply":
                texts[0].value = _text(items[0])
                dd = widget.children[2]
                if items[1] not in (None, "") and items[1] not in SUPPLY_PERIODS:
                    raise ValueError(f"供货周期没有这个选项：{items[1]}（可选：{'、'.join(SUPPLY_PERIODS)}）")
                dd.value = items[1] or None
            else:
                for box, item in zip(texts, items, strict=True):
                    box.value = _text(item)
        elif k == "samples":
            box, more = widget.children
            qty, price = more.children
            if isinstance(value, dict):
                box.value = bool(value.get("supported", True))
                qty.value, price.value = _text(value.get("max_qty")), _text(value.get("price_usd"))
            else:
                box.value = bool(value) and value not in ("不支持",)
                qty.value = price.value = ""
        elif k == "images":
            if value in (None, "", (), []):
                items = []
            elif as_file(value) is not None or not isinstance(value, (list, tuple)):
                items = [value]  # one file
            else:
                items = list(value)
            self._set_images(items)
        elif k == "video":
            self.videos[f.key].set(value)
        elif k == "select" and f.key == "unit":
            match = next(
                (u for u in UNITS if isinstance(value, str) and u.casefold() == value.strip().casefold()),
                value,
            )
            super()._set(f, widget, match if value not in (None, "") else None)
        elif k == "select" and value == "":
            widget.value = None
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        shown = self._applicable()
        out: dict[str, Any] = {}
        for f in self.fields:
            if f.key not in shown:
                continue
            w, k = self.inputs[f.key], f.kind
            if k == "category":
                out[f.key] = self.picker.value
            elif k == "keywords":
                out[f.key] = [b.value for b in self.keyword_boxes if b.value.strip()]
            elif k in ("tiers", "leadtime"):
                out[f.key] = [(r.children[0].value, r.children[1].value) for r in w.children[0].children
                              if r.children[0].value.strip() or r.children[1].value.strip()]  # fmt: skip
            elif k in ("pair", "dims"):
                texts = [c.value for c in w.children if isinstance(c, W.Text)]
                out[f.key] = tuple(texts) if any(t.strip() for t in texts) else None
            elif k == "supply":
                qty, period = w.children[0].value, w.children[2].value
                out[f.key] = (qty, period) if qty.strip() or period else None
            elif k == "samples":
                box, more = w.children
                out[f.key] = (
                    {"supported": True, "max_qty": more.children[0].value, "price_usd": more.children[1].value}
                    if box.value else False
                )  # fmt: skip
            elif k == "images":
                out[f.key] = list(self._images)
            elif k == "video":
                out[f.key] = self.videos[f.key].value()
            elif k == "multiselect":
                out[f.key] = [b.description for b in w.children if b.value]
            else:
                out[f.key] = w.value
        return out

    # --- editing -----------------------------------------------------------------------------------
    def new_product(self) -> None:
        """Empty the form for a new product (the preset type stays)."""
        self.product_id = None
        for f in self.fields:
            empty = [] if f.kind in ("multiselect", "keywords", "images", "tiers", "leadtime") else None
            self._set(f, self.inputs[f.key], empty)
        if self.product_type:
            self.inputs["product_type"].value = self.product_type
        self._fill_editing()
        self._refresh_rows()
        self.status.value = ""

    def edit(self, product_id: Any) -> Product:
        """Load a saved product into the form; 提交 then saves the changes to it."""
        p = self.backend.products.get(product_id)
        self.product_id = p.id
        values = {
            "category": p.category, "special_goods": p.special_goods, "product_type": p.product_type,
            "title": p.title, "keywords": p.keywords, **{k: p.attributes.get(k) for k in categories.ATTRIBUTES},
            "price_mode": p.price_mode, "sell_by": p.sell_by if p.is_rts else None,
            "lot_size": p.lot_size, "unit": p.unit,
            "price_tiers": [(t.min_qty, t.price_usd) for t in p.price_tiers],
            "price_range": (p.price_min_usd, p.price_max_usd) if p.price_min_usd is not None else None,
            "moq": p.moq, "stock": p.stock, "sku_code": p.sku_code,
            "lead_time": [(t.max_qty, t.days) for t in p.lead_time],
            "payment_methods": p.payment_methods, "shipping_mode": p.shipping_mode or None, "port": p.port,
            "supply_ability": (p.supply_ability.quantity, p.supply_ability.period) if p.supply_ability else None,
            "samples": p.samples.model_dump() if p.samples.supported else False,
            "customization": p.customization, "other_services": p.other_services,
            "package_cm": p.package_cm, "weight_kg": p.weight_kg,
            "logistics_attribute": p.logistics_attribute or None,
            "freight_template": p.freight_template or None,
            "images": list(p.images), "video": p.video, "description": p.description,
            "packaging": p.packaging, "custom_customization": p.custom_customization,
            "custom_attributes": "\n".join(f"{k}: {v}" for k, v in p.custom_attributes.items()),
            "customization_moq": "\n".join(f"{k}: {v}" for k, v in p.customization_moq.items()),
            "detail_video": p.detail_video,
        }  # fmt: skip
        known = {f.key for f in self.fields}
        options = {f.key: f.options for f in self.fields if f.kind in ("select", "radio")}
        for key, value in values.items():
            if key in options and value not in (None, "") and value not in options[key]:
                continue  # e.g. a freight template the store no longer has
            if key in known:
                self._set(self.field(key), self.inputs[key], value)
        self._fill_editing()
        self._refresh_rows()
        self.status.value = (
            f"<div class='alisim-ok'>正在编辑已发布的产品 ID {p.id}（{esc(p.status)}，发布于 {p.published_on}）："
            "修改后点击“提交”保存</div>"
        )
        return p

    # --- submitting --------------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> Any:
        published = self.backend.products.publish(values, product_id=self.product_id, task_id=self.task_id)
        verb = "已保存修改" if published.updated else "发布成功"
        return SubmitResult(
            True,
            warnings=published.warnings,
            message=f"{verb}！产品 ID {published.product_id}",
            data=published.product_id,
        )

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:
            self.product_id = result.data
            self._fill_editing()
            for callback in self.on_saved:
                callback(result.data)
        return result

    def _load_saved(self) -> None:
        if not self.task_id:
            return
        mine = [p for p in self.backend.state.products if p.task_id == self.task_id]
        if mine:
            self.product_id = mine[-1].id  # edit() runs after the widgets exist (see __init__)
            self._pending_edit = mine[-1].id


class _TaskScreen(ProductPublishScreen):
    def __init__(self, backend: Backend, product_id: int | None = None) -> None:
        self._pending_edit = None
        super().__init__(backend, product_id=product_id)
        if product_id is None and self._pending_edit is not None:
            try:
                self.edit(self._pending_edit)
            except SimError:
                self.product_id = None


class RtsPublishScreen(_TaskScreen):
    """Task 03.3.5 发布直接下单品: the publishing form preset to Ready to Ship."""

    title = "发布产品 · 直接下单品（Ready to Ship）"
    task_id = "03.3.5"
    product_type = PRODUCT_TYPE_RTS


class CustomPublishScreen(_TaskScreen):
    """Task 03.3.6 发布非直接下单品: the publishing form preset to Customization."""

    title = "发布产品 · 非直接下单品（Customization）"
    task_id = "03.3.6"
    product_type = PRODUCT_TYPE_CUSTOM
