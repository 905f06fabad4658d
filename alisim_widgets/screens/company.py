"""管理公司信息 (task 02.3.1): the five tabs of the real page, the completeness meter, the review lock.

A&V-certified fields are shown ticked and read-only. After 「提交」 the page is 审核中 for one working
day on the scenario clock: the simulator refuses any edit until the review is done.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import company as C
from ..sim import rules
from .base import Field, Screen, SubmitResult, esc
from .file_fields import FileFieldsMixin, role_note
from .style import ORANGE

__all__ = ["CompanyInfoScreen", "CompletenessCalculator", "meter_html"]

L = C.LABELS
_REQ = set(C.REQUIRED)
_LIST_HELP = "每行一个（也可以用 、 或 , 分隔）；请用英文"
_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "company_type": ("select", rules.COMPANY_TYPES),
    "main_category": ("select", tuple(v for v, _ in C.MAIN_CATEGORIES)),
    "cert_type": ("select", C.CERT_TYPES),
    "cert_valid_to": ("date", ()),
    "cert_certified_on": ("date", ()),
    "cert_issued_on": ("date", ()),
    "cert_image": ("file", ()),
    "annual_output_shown": ("radio", C.YES_NO),
    "export_currency": ("select", C.CURRENCIES),
    "customs_keywords": ("radio", C.YES_NO),
    "oem_services": ("multiselect", C.OEM_SERVICES),
    "export_ratio": ("select", C.EXPORT_RATIOS),
    "main_markets": ("multiselect", C.MARKETS),
    "trade_staff": ("select", C.TRADE_STAFF),
    "export_mode": ("select", C.EXPORT_MODES),
    "overseas_office": ("radio", C.YES_NO),
    "trade_terms": ("multiselect", C.TRADE_TERMS),
    "payment_methods": ("multiselect", C.PAYMENT_METHODS),
    "languages": ("multiselect", C.LANGUAGES),
    "core_advantages": ("textarea", ()),
    "qc_process": ("textarea", ()),
    "detailed_description": ("textarea", ()),
    "production_flow_chart": ("file", ()),
    "logo": ("file", ()),
    "company_photos": ("files", ()),
    "company_video": ("file", ()),
    **{k: ("lines", ()) for k in C.LIST_KEYS},
}
_HELP = {
    "company_type": "决定信息完整度怎么计算：贸易型 / 工厂型 / 工贸一体",
    "year_established": "年份（2022）或日期（2022-03-05）",
    "main_products": f"最多 {rules.MAIN_PRODUCTS_MAX} 个；{_LIST_HELP}",
    "other_products": "没有就留空或填“无”",
    "core_advantages": "请用英文",
    "logo": f"仅支持 PNG，小于 {rules.LOGO_MAX_BYTES // 1024}K，建议 100 × 100 像素",
    "company_photos": f"仅支持 JPG，每张小于 {rules.COMPANY_PHOTO_MAX_BYTES // 1024}K，一般 {rules.COMPANY_PHOTOS_ADVISED} 张：门头、办公室或车间、全景",
    "company_video": f"格式 {', '.join(rules.COMPANY_VIDEO_FORMATS)}；小于 2.5MB；建议 {rules.COMPANY_VIDEO_ADVISED_SECONDS} 秒以内",
    "production_flow_chart": f"JPG 或 PNG，小于 {rules.COMPANY_PHOTO_MAX_BYTES // 1024}K",
    "registered_address_cn": "与经营地址不同时填写；相同可留空",
    "registered_address_en": "与经营地址不同时填写；相同可留空（英文）",
    "cert_image": "证书扫描件：JPG、PNG、PDF 或 TIFF，小于 1024K",
    "annual_output_shown": "选 Yes 时须填写上面的年产量",
    "market_shares": "先在主要市场里勾选，再写每个市场的百分比，如 North America 40%; Western Europe 60%（合计不超过 100%）",
    "currency": "币种代码，3 个英文字母，如 USD",
    "detailed_description": f"最多 {rules.COMPANY_DESCRIPTION_MAX} 个字符，请用英文",
}
_MAX = {
    "core_advantages": rules.COMPANY_ADVANTAGES_MAX,
    "detailed_description": rules.COMPANY_DESCRIPTION_MAX,
}
_ACCEPT = {
    "logo": ".png",
    "company_photos": ".jpg,.jpeg",
    "production_flow_chart": ".jpg,.jpeg,.png",
    "company_video": ",".join(f".{e}" for e in rules.COMPANY_VIDEO_FORMATS),
    "cert_image": ",".join(f".{e}" for e in C.CERT_FILE_FORMATS),
}
_CATEGORY_LABELS = dict(C.MAIN_CATEGORIES)


def _field(key: str) -> Field:
    kind, options = _KINDS.get(key, ("text", ()))
    return Field(key, L[key], kind, key in _REQ, options, help=_HELP.get(key, ""), max_len=_MAX.get(key))


def meter_html(meter: dict[str, int], company_type: str | None) -> str:
    """The completeness meter: one bar per item (L1003-1028)."""
    kind = company_type or f"{rules.COMPANY_TYPES[0]}（未选择，按贸易型计算）"
    total = round(sum(meter.values()) / len(meter)) if meter else 0
    bars = "".join(
        f"<tr><td>{esc(item)}</td><td><div style='width:160px;background:#eee;height:8px;border-radius:4px'>"
        f"<div style='width:{pct * 1.6:.0f}px;background:{ORANGE};height:8px;border-radius:4px'></div></div>"
        f"</td><td>{pct}%</td></tr>"
        for item, pct in meter.items()
    )
    return (
        f"<div class='alisim-inbox'><b>信息完整度 {total}%</b>（经营类型：{esc(kind)}）"
        f"<table class='alisim-table'>{bars}</table></div>"
    )


class CompanyInfoScreen(FileFieldsMixin, Screen):
    title = "管理公司信息"
    subtitle = (
        "店铺管理 › 管理公司信息 · 买家看到的信息请全部用英文填写；打钩的是 A&V 已认证信息，不能自行修改"
    )
    task_id = "02.3.1"
    submit_label = "提交"
    fields = tuple(_field(k) for _tab, keys in C.TABS for k in keys)
    file_accept = _ACCEPT

    def __init__(self, backend) -> None:
        super().__init__(backend)
        rows = dict(zip([f.key for f in self.fields], self.body.children, strict=True))
        self._rows = rows
        # The real page's tab bar is short (基本信息 | 研发设计 | …); the full name heads each tab.
        pages = [W.VBox([W.HTML(f"<div class='alisim-sub'>{esc(title)}</div>"), *[rows[k] for k in keys]])
                 for title, keys in C.TABS]  # fmt: skip
        self.tabs = W.Tab(children=pages)
        for i, (title, _keys) in enumerate(C.TABS):
            self.tabs.set_title(i, title.split(" / ")[0])
        self.body.children = [self.tabs]
        for key in ("company_type", "company_photos", "company_video", "exhibitions", "buyer_cases",
                    "production_flow_chart", "production_equipment", "production_lines", "qc_process",
                    "qc_equipment"):  # fmt: skip
            self.inputs[key].observe(lambda _c: self._update_meter(), "value")
        self._render()

    def make_input(self, f: Field) -> W.Widget:
        if f.key == "main_category":
            options = [("请选择", None), *[(f"{v}  {_CATEGORY_LABELS[v]}", v) for v in f.options]]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="420px"))
        return super().make_input(f)

    def _header(self) -> W.Widget:
        self.review_line = W.HTML()
        self.meter = W.HTML()
        return W.VBox([super()._header(), self.review_line, self.meter])

    # --- submitting ------------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.company.submit(values)

    def success_message(self) -> str:
        info = self.backend.state.company
        return f"已提交，审核中：{info.review_done_on} 审核完成，审核期间不能修改" if info else "已提交"

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render()
        return result

    # --- display ---------------------------------------------------------------------------------
    def _render(self) -> None:
        area = self.backend.company
        verified = area.verified_values()
        for key, row in self._rows.items():
            star = "<span class='alisim-star'>*</span>" if key in _REQ else ""
            tick = " <span style='color:#1a7f37' title='A&V 已认证'>✔已认证</span>" if key in verified else ""
            row.children[0].value = f"<div class='alisim-label'>{star}{esc(L[key])}{tick}</div>"
            self.inputs[key].disabled = key in verified
        status, info = area.status, area.info
        if status == C.REVIEWING:
            self.review_line.value = (
                f"<div class='alisim-warn'>审核中：{info.submitted_on} 提交，{info.review_done_on} 审核完成；"
                f"审核期间不能修改（今天 {self.backend.today()}）。</div>"
            )
        elif status == C.APPROVED:
            self.review_line.value = f"<div class='alisim-ok'>✔ 审核通过（{info.review_done_on}），信息已在旺铺展示，可以继续修改。</div>"
        else:
            self.review_line.value = "<div class='alisim-help'>还没有提交过公司信息。</div>"
        self.submit_button.disabled = status == C.REVIEWING
        note = role_note(self.backend, "store.company_info")
        if note:
            self.review_line.value = note + self.review_line.value
        self._update_meter()

    def _update_meter(self) -> None:
        """The meter from what the form holds now, with files already saved counting as filled."""
        v = super().values()
        info = self.backend.state.company
        entries = {k: self.inputs[k].value for k in C.FILE_KEYS}

        def has(key: str) -> bool:
            return bool(entries[key]) or (info is not None and bool(getattr(info, key)))

        def filled(key: str) -> bool:
            value = v.get(key)
            if isinstance(value, list):
                return any(x and x.strip().casefold() not in ("无", "none") for x in value)
            return bool(value and str(value).strip())

        meter = C.completeness(
            v.get("company_type"),
            photos=has("company_photos"),
            video=has("company_video"),
            exhibitions=filled("exhibitions"),
            buyer_cases=filled("buyer_cases"),
            flow_chart=has("production_flow_chart"),
            equipment=filled("production_equipment"),
            lines=filled("production_lines"),
            qc_process=filled("qc_process"),
            qc_equipment=filled("qc_equipment"),
        )
        self.meter.value = meter_html(meter, v.get("company_type"))

    def _load_saved(self) -> None:
        info = self.backend.state.company
        shown: dict[str, Any] = dict(self.backend.company.verified_values())
        if info is not None:
            data = info.model_dump()
            for f in self.fields:
                if f.kind in ("file", "files") or f.key.startswith("cert_"):
                    continue
                value = data.get(f.key)
                if value in (None, "", []):
                    continue
                if f.key in ("office_area_m2", "factory_area_m2") and float(value).is_integer():
                    value = int(value)
                if f.key == "market_shares":  # typed back the way the field takes it
                    value = "; ".join(f"{m} {pct}%" for m, pct in value.items())
                shown[f.key] = value
            if info.certificate is not None:
                cert = info.certificate
                shown |= {"cert_type": cert.cert_type, "cert_no": cert.cert_no, "cert_name": cert.cert_name,
                          "cert_valid_to": cert.cert_valid_to or "", "cert_certified_on": cert.certified_on or "",
                          "cert_issued_on": cert.issued_on or ""}  # fmt: skip
        if shown:
            self.fill(**shown)
        if info is not None:
            saved = [f"{L[k]}：{esc(getattr(info, k).name)}" for k in ("logo", "production_flow_chart", "company_video")
                     if getattr(info, k) is not None]  # fmt: skip
            saved += [f"{L['company_photos']}：{esc(p.name)}" for p in info.company_photos]
            if info.certificate is not None and info.certificate.image is not None:
                saved.append(f"{L['cert_image']}：{esc(info.certificate.image.name)}")
            if saved:
                self.status.value = (
                    "<div class='alisim-help'>已保存的文件（不重新上传就保留）："
                    + "；".join(saved)
                    + "</div>"
                )


class CompletenessCalculator:
    """知识点 3: tick what a company has filled in and see its completeness (L1003-1028)."""

    ITEMS = (
        ("photos", "公司图片"),
        ("video", "公司视频"),
        ("exhibitions", "展会信息"),
        ("buyer_cases", "买家案例"),
        ("flow_chart", "生产线流程图"),
        ("equipment", "生产设备"),
        ("lines", "生产线"),
        ("qc_process", "质量控制流程"),
        ("qc_equipment", "质量检测设备"),
    )
    _TRADING_ONLY = {"buyer_cases"}
    _FACTORY_ONLY = {"flow_chart", "equipment", "lines", "qc_process", "qc_equipment"}

    def __init__(self) -> None:
        from .style import css

        self.kind = W.Dropdown(
            options=list(rules.COMPANY_TYPES), value=rules.COMPANY_TYPES[0], description="经营类型"
        )
        self.boxes = {
            key: W.Checkbox(description=label, value=False, indent=False) for key, label in self.ITEMS
        }
        self.meter = W.HTML()
        for widget in (self.kind, *self.boxes.values()):
            widget.observe(lambda _c: self.render(), "value")
        self.widget = W.VBox([css(), self.kind, W.HBox(list(self.boxes.values())[:4]),
                              W.HBox(list(self.boxes.values())[4:]), self.meter])  # fmt: skip
        self.render()

    def set(self, kind: str | None = None, **filled: bool) -> dict[str, int]:
        """Choose the type and tick items in code; returns the meter."""
        if kind is not None:
            self.kind.value = kind
        for key, value in filled.items():
            self.boxes[key].value = bool(value)
        return self.result()

    def result(self) -> dict[str, int]:
        return C.completeness(self.kind.value, **{k: b.value for k, b in self.boxes.items()})

    def render(self) -> None:
        trading = self.kind.value == rules.COMPANY_TYPES[0]
        for key, box in self.boxes.items():
            box.disabled = key in (self._FACTORY_ONLY if trading else self._TRADING_ONLY)
        self.meter.value = meter_html(self.result(), self.kind.value)

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
