"""全球旺铺装修 (extension task 02.4.1): one tab per module, real file uploads, a home-page preview.

Each module is a small form (a :class:`Screen`) with its own 「保存」 button. :class:`DecorationScreen`
holds them all: ``fill(**values)`` sends each key to the module that owns it and ``submit()`` saves
every module that was filled, so code drives it the way a person does. Upload fields take file bytes:
``fill(signboard_image=("shop.png", data))``, a list of such pairs for banners, or raw bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.decoration import AGENT_LABELS, read_upload
from ..sim.decoration import DECORATION_LABELS as L
from ..sim.permissions import allowed, role_of
from .base import Field, Screen, SubmitResult, esc
from .style import ORANGE, css

__all__ = ["DecorationScreen", "preview_html", "UploadScreen"]

_IMAGE_ACCEPT = ".jpg,.jpeg,.png"
_VIDEO_ACCEPT = ".mp4,.mov"


def _as_file_dicts(value: Any, *, multiple: bool, default_ext: str) -> tuple[dict, ...]:
    """What ``fill`` got (bytes, (name, bytes), dict, Upload or a list of them) as FileUpload's value."""
    if value is None or value == "" or value == () or value == []:
        return ()
    if (
        multiple
        and isinstance(value, list | tuple)
        and not (
            isinstance(value, tuple)
            and len(value) == 2
            and isinstance(value[1], bytes | bytearray | memoryview)
        )
    ):
        items = list(value)
    else:
        items = [value]
    out = []
    for n, item in enumerate(items, 1):
        try:
            up = read_upload(item)
        except TypeError as exc:
            raise ValueError(f"第 {n} 个文件应为文件内容（bytes）或 (文件名, bytes)") from exc
        if up is None:
            continue
        name = up.name if up.name != "upload" else f"upload{n}{default_ext}"
        out.append({
            "name": name, "type": "", "size": len(up.content), "content": memoryview(up.content),
            "last_modified": dt.datetime(2022, 3, 20, tzinfo=dt.timezone.utc),
        })  # fmt: skip
    return tuple(out)


class UploadScreen(Screen):
    """A Screen whose fields may be file uploads: ``file`` (one image), ``files`` (several), ``video``."""

    def make_input(self, f: Field) -> W.Widget:
        if f.kind in ("file", "files", "video"):
            up = W.FileUpload(
                accept=_VIDEO_ACCEPT if f.kind == "video" else _IMAGE_ACCEPT,
                multiple=f.kind == "files",
                description="上传视频" if f.kind == "video" else "上传图片",
                layout=W.Layout(width="auto"),
            )
            return up
        if f.kind == "select" and f.options and all(o.isdigit() for o in f.options):
            return W.Dropdown(options=[("请选择", None), *[(f"{o} 像素", o) for o in f.options]], value=None)
        return super().make_input(f)

    def _row(self, f: Field) -> W.Widget:
        row = super()._row(f)
        if f.kind in ("file", "files", "video"):
            names = W.HTML("<span class='alisim-help'>未选择文件</span>")
            widget = self.inputs[f.key]
            widget.observe(lambda ch, h=names: setattr(h, "value", _names_html(ch["new"])), "value")
            self.file_names = getattr(self, "file_names", {})
            self.file_names[f.key] = names
            row.children[1].children = (W.HBox([widget, names]), *row.children[1].children[1:])
        return row

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind in ("file", "files", "video"):
            ext = ".mp4" if f.kind == "video" else ".png"
            widget.value = _as_file_dicts(value, multiple=f.kind == "files", default_ext=ext)
            return
        if f.kind == "select" and value is not None and not isinstance(value, str):
            value = str(value)
        super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = super().values()
        for f in self.fields:
            if f.kind in ("file", "video"):
                files = self.inputs[f.key].value
                out[f.key] = files[0] if files else None
            elif f.kind == "files":
                out[f.key] = list(self.inputs[f.key].value)
        return out

    def _header(self) -> W.HTML:
        return W.HTML(f"<div class='alisim-sub'>{esc(self.subtitle)}</div>" if self.subtitle else "")

    def _after_submit(self) -> None:
        """Hook: the container redraws the preview."""


def _names_html(files: Any) -> str:
    if not files:
        return "<span class='alisim-help'>未选择文件</span>"
    parts = [f"{esc(f.get('name', ''))}（{len(bytes(f.get('content', b''))) / 1024:.1f} KB）" for f in files]
    return f"<span class='alisim-help'>已选择：{'、'.join(parts)}</span>"


class SignboardForm(UploadScreen):
    title = "招牌设置"
    subtitle = (f"PC 店招建议 {rules.SIGNBOARD_PX[0]}×{rules.SIGNBOARD_PX[1]} 像素（更小会上传失败），"
                f"底部 {rules.SIGNBOARD_NAV_COVER_PX} 像素会被导航栏遮挡，JPG/PNG")  # fmt: skip
    submit_label = "保存店招"
    fields = (
        Field("signboard_image", L["signboard_image"], "file"),
        Field(
            "use_default_signboard",
            L["use_default_signboard"],
            "checkbox",
            help="不上传图片，使用平台默认招牌",
        ),
        Field("show_company_name", L["show_company_name"], "checkbox", help="在店招上显示公司名称"),
        Field("signboard_logo", L["signboard_logo"], "file", help="可选，JPG/PNG，显示在公司名称旁边"),
        Field("name_font", L["name_font"], "select", options=rules.SIGNBOARD_FONTS),
        Field("name_size", L["name_size"], "select", options=tuple(map(str, rules.SIGNBOARD_FONT_SIZES))),
        Field("name_effect", L["name_effect"], "select", options=rules.SIGNBOARD_EFFECTS),
    )

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.set_signboard(
            values["signboard_image"], use_default=values["use_default_signboard"],
            show_company_name=values["show_company_name"], logo=values["signboard_logo"],
            name_font=values["name_font"] or "", name_size=values["name_size"],
            name_effect=values["name_effect"] or "",
        )  # fmt: skip

    def _load_saved(self) -> None:
        sb = self.backend.decoration.current.signboard
        self.inputs["show_company_name"].value = True if sb is None else sb.show_company_name
        if sb is not None:
            self.inputs["use_default_signboard"].value = sb.image is None
            self.inputs["name_font"].value = sb.name_font or None
            self.inputs["name_size"].value = str(sb.name_size) if sb.name_size else None
            self.inputs["name_effect"].value = sb.name_effect or None
            what = (
                "默认招牌"
                if sb.image is None
                else f"{esc(sb.image.filename)}（{sb.image.width}×{sb.image.height}）"
            )
            self.status.value = f"<div class='alisim-ok'>✔ 已保存：{what}</div>"


class CarouselForm(UploadScreen):
    title = "轮播 banner"
    subtitle = (f"最多 {rules.CAROUSEL_MAX_IMAGES} 张，JPG/PNG，每张不超过 2 MB，建议宽 {rules.CAROUSEL_WIDTH_PX} 像素，"
                f"高 {' / '.join(map(str, rules.CAROUSEL_HEIGHTS_PX))} 像素（同一板块高度一致）")  # fmt: skip
    submit_label = "保存轮播 banner"
    fields = (
        Field("carousel_images", L["carousel_images"], "files", required=True),
        Field("carousel_height", L["carousel_height"], "select", required=True,
              options=tuple(map(str, rules.CAROUSEL_HEIGHTS_PX))),
        Field("carousel_rotation", L["carousel_rotation"], "radio", required=True, options=rules.CAROUSEL_ROTATION),
        Field("carousel_placement", L["carousel_placement"], "select", options=rules.BANNER_PLACEMENTS,
              help="在页面上把板块拖到哪里"),
    )  # fmt: skip

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.set_carousel(
            values["carousel_images"], values["carousel_height"], values["carousel_rotation"],
            values["carousel_placement"] or "",
        )  # fmt: skip

    def _load_saved(self) -> None:
        m = self.backend.decoration.current.carousel
        if m is not None:
            self.inputs["carousel_height"].value = str(m.height)
            self.inputs["carousel_rotation"].value = m.rotation
            self.inputs["carousel_placement"].value = m.placement or None
            self.status.value = (
                f"<div class='alisim-ok'>✔ 已保存 {len(m.images)} 张，高 {m.height} 像素</div>"
            )


class FullBannerForm(UploadScreen):
    title = "通栏 banner"
    subtitle = (f"最多 {rules.FULL_BANNER_MAX_IMAGES} 张，JPG/PNG，宽 {rules.FULL_BANNER_WIDTH_PX} 像素，"
                f"高 {' / '.join(map(str, rules.FULL_BANNER_HEIGHTS_PX))} 像素")  # fmt: skip
    submit_label = "保存通栏 banner"
    fields = (
        Field("banner_images", L["banner_images"], "files", required=True),
        Field("banner_height", L["banner_height"], "select", required=True,
              options=tuple(map(str, rules.FULL_BANNER_HEIGHTS_PX))),
        Field("banner_placement", L["banner_placement"], "select", options=rules.BANNER_PLACEMENTS,
              help="在页面上把板块拖到哪里"),
    )  # fmt: skip

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.set_full_banner(
            values["banner_images"], values["banner_height"], values["banner_placement"] or ""
        )

    def _load_saved(self) -> None:
        m = self.backend.decoration.current.full_banner
        if m is not None:
            self.inputs["banner_height"].value = str(m.height)
            self.inputs["banner_placement"].value = m.placement or None
            self.status.value = (
                f"<div class='alisim-ok'>✔ 已保存 {len(m.images)} 张，高 {m.height} 像素</div>"
            )


class TiledForm(UploadScreen):
    title = "产品推荐"
    subtitle = (
        f"板块类型：{'、'.join(rules.PRODUCT_MODULE_TYPES)}。平铺最多 {rules.TILED_PRODUCTS_MAX} 个产品，手动选择；"
        "单品选 1 个；橱窗产品、主营产品认证、智能产品推荐由平台自动展示"
    )
    submit_label = "保存产品推荐板块"

    def __init__(self, backend: Backend) -> None:
        products = backend.decoration.products()
        self._choices = {str(p.id): f"{p.id} {str(p.title)[:48]}" for p in products}
        self.fields = (
            Field("product_module_type", L["product_module_type"], "select", options=rules.PRODUCT_MODULE_TYPES,
                  help="不选即为平铺"),
            Field("tiled_title", L["tiled_title"], max_len=60, placeholder="如 Hot Products"),
            Field("tiled_products", L["tiled_products"], "multiselect",
                  options=tuple(self._choices.values()),
                  help="" if products else "店铺里还没有已发布的产品（项目三发布产品后可以添加）"),
            Field("product_module_link", L["product_module_link"], max_len=rules.PRODUCT_MODULE_LINK_MAX,
                  placeholder="可选，如 https://dianyue.en.alibaba.com/productgrouplist.html"),
        )  # fmt: skip
        super().__init__(backend)
        if not products:
            self.body.children = (*self.body.children, W.HTML(
                "<div class='alisim-warn'>店铺里还没有已发布的产品：项目三发布产品后，这里可以选择要平铺的产品。</div>"
            ))  # fmt: skip

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.key == "tiled_products" and isinstance(value, list | tuple):
            labels = []
            for v in value:
                key = str(v).strip()
                if key not in self._choices:
                    raise ValueError(f"店铺里没有编号为 {key[:20]} 的已发布产品")
                labels.append(self._choices[key])
            value = labels
        super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out = super().values()
        out["tiled_products"] = [label.split(" ", 1)[0] for label in out["tiled_products"]]
        return out

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.set_tiled_products(
            values["tiled_products"], values["tiled_title"], values["product_module_type"] or "平铺",
            values["product_module_link"],
        )  # fmt: skip

    def _load_saved(self) -> None:
        m = self.backend.decoration.current.tiled
        if m is not None:
            self.inputs["tiled_title"].value = m.title
            self.inputs["product_module_link"].value = m.link
            chosen = {self._choices.get(str(i)) for i in m.product_ids}
            for box in self.inputs["tiled_products"].children:
                box.value = box.description in chosen
            self.status.value = f"<div class='alisim-ok'>✔ 已保存 {len(m.product_ids)} 个产品</div>"


def _agent_fields() -> tuple[Field, ...]:
    out = []
    for n in range(1, rules.SERVICE_ACCOUNTS_MAX + 1):
        out += [
            Field(f"agent{n}_name", f"客服 {n} · {AGENT_LABELS['name']}", required=n == 1, max_len=20),
            Field(f"agent{n}_tm_account", f"客服 {n} · {AGENT_LABELS['tm_account']}", required=n == 1),
            Field(f"agent{n}_kind", f"客服 {n} · {AGENT_LABELS['kind']}", "select", required=n == 1,
                  options=rules.SERVICE_TYPES),
            Field(f"agent{n}_avatar", f"客服 {n} · {AGENT_LABELS['avatar']}", "file", required=n == 1,
                  help="JPG/PNG，建议 100×100 像素"),
        ]  # fmt: skip
    return tuple(out)


class ServiceForm(UploadScreen):
    title = "客服模块"
    subtitle = (
        f"最多 {rules.SERVICE_ACCOUNTS_MAX} 个客服账号；头像仅支持 JPG/PNG，建议 100×100 像素；不用的行留空"
    )
    submit_label = "保存客服模块"
    fields = _agent_fields()

    def _apply(self, values: dict[str, Any]) -> Any:
        agents = [
            {k: values[f"agent{n}_{k}"] for k in AGENT_LABELS}
            for n in range(1, rules.SERVICE_ACCOUNTS_MAX + 1)
        ]
        return self.backend.decoration.set_service(agents)

    def _load_saved(self) -> None:
        m = self.backend.decoration.current.service
        if m is None:
            return
        for n, agent in enumerate(m.agents, 1):
            self.inputs[f"agent{n}_name"].value = agent.name
            self.inputs[f"agent{n}_tm_account"].value = agent.tm_account
            self.inputs[f"agent{n}_kind"].value = agent.kind
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已保存 {len(m.agents)} 个客服（头像需要重新上传才能修改）</div>"
        )


class CustomAreaForm(UploadScreen):
    title = "自定义内容区"
    subtitle = f"最多 {rules.CUSTOM_AREAS_MAX} 个；文字按原样显示（不执行 HTML）"
    submit_label = "添加自定义内容区"
    fields = (
        Field("custom_title", L["custom_title"], required=True, max_len=60),
        Field(
            "custom_content",
            L["custom_content"],
            "textarea",
            required=True,
            max_len=rules.CUSTOM_AREAS_TEXT_MAX,
        ),
        Field("custom_image", L["custom_image"], "file", help="可选，JPG/PNG"),
    )

    def _extra_widgets(self) -> list[W.Widget]:
        self.area_list = W.HTML()
        self.remove_pick = W.Dropdown(description="删除", layout=W.Layout(width="300px"))
        self.remove_button = W.Button(description="删除所选内容区", layout=W.Layout(width="auto"))
        self.remove_button.on_click(lambda _b: self.remove(self.remove_pick.value))
        return [self.area_list, W.HBox([self.remove_pick, self.remove_button])]

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.add_custom_area(
            values["custom_title"], values["custom_content"], values["custom_image"]
        )

    def submit(self) -> SubmitResult:
        result = super().submit()
        if result.ok:  # the form is for the next area
            for key in ("custom_title", "custom_content"):
                self.inputs[key].value = ""
            self.inputs["custom_image"].value = ()
        self._load_saved()
        return result

    def remove(self, area_id: Any) -> SubmitResult:
        with self.backend.via("screen"):
            result = self._run(lambda: self.backend.decoration.remove_custom_area(area_id))
        if result.ok:
            result = SubmitResult(True, message="已删除")
        self._show(result)
        self._load_saved()
        self._after_submit()
        return result

    def _load_saved(self) -> None:
        areas = self.backend.decoration.current.custom_areas
        self.area_list.value = (
            f"<div class='alisim-sub'>已有 {len(areas)} / {rules.CUSTOM_AREAS_MAX} 个："
            + "、".join(f"#{a.id} {esc(a.title)}" for a in areas) + "</div>"
        )  # fmt: skip
        self.remove_pick.options = [(f"#{a.id} {a.title[:30]}", a.id) for a in areas]


class VideoForm(UploadScreen):
    title = "旺铺视频"
    subtitle = "MP4 视频，时长不超过 10 分钟；以公司介绍为主（规模、工厂设备、研发、团队）"
    submit_label = "保存视频"
    fields = (
        Field("video_file", L["video_file"], "video", required=True),
        Field("video_title", L["video_title"], max_len=60),
    )

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.decoration.set_video(values["video_file"], values["video_title"])

    def _load_saved(self) -> None:
        v = self.backend.decoration.current.video
        if v is not None:
            self.inputs["video_title"].value = v.title
            self.status.value = (
                f"<div class='alisim-ok'>✔ 已保存：{esc(v.filename)}（{v.seconds:.0f} 秒）</div>"
            )


_FORMS = (
    ("signboard", "店招", SignboardForm),
    ("carousel", "轮播 banner", CarouselForm),
    ("full_banner", "通栏 banner", FullBannerForm),
    ("tiled", "产品推荐", TiledForm),
    ("service", "客服模块", ServiceForm),
    ("custom", "自定义内容区", CustomAreaForm),
    ("video", "视频", VideoForm),
)


class DecorationScreen:
    """全球旺铺装修: the module tabs, and a preview of the decorated home page."""

    title = "全球旺铺装修"
    task_id = "02.4.1"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.forms: dict[str, UploadScreen] = {}
        for name, _label, cls in _FORMS:
            form = cls(backend)
            form.submit_button.on_click(lambda _b: self.refresh_preview())
            form._after_submit = self.refresh_preview
            self.forms[name] = form
            setattr(self, name, form)
        self._owner = {key: name for name, form in self.forms.items() for key in form.inputs}
        self._touched: list[str] = []
        self.tabs = W.Tab(children=[f.widget for f in self.forms.values()])
        self.tabs.titles = tuple(label for _n, label, _c in _FORMS)
        self.role_html = W.HTML()
        self.preview = W.HTML()
        self.preview_button = W.Button(description="刷新预览", icon="eye")
        self.preview_button.on_click(lambda _b: self.refresh_preview())
        self.status = W.HTML()
        head = W.HTML(
            f"<div class='alisim-head'><b>{self.title}</b><span class='alisim-task'>实操 {self.task_id}</span>"
            "<div class='alisim-sub'>店铺管理 → 全球旺铺 → 装修 · 只有管理员和制作员可以装修；PC 旺铺可一键同步到无线旺铺</div></div>"
        )
        self.widget = W.VBox([
            css(), head, self.role_html, self.tabs, self.status,
            W.HTML("<div class='alisim-head'><b>首页预览</b></div>"), self.preview_button, self.preview,
        ])  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.refresh_preview()

    @property
    def inputs(self) -> dict[str, W.Widget]:
        return {k: w for form in self.forms.values() for k, w in form.inputs.items()}

    @property
    def error_labels(self) -> dict[str, W.HTML]:
        return {k: w for form in self.forms.values() for k, w in form.error_labels.items()}

    def fill(self, **values: Any) -> DecorationScreen:
        """Set fields of any module by key; upload fields take bytes, (filename, bytes) or lists of them."""
        unknown = [k for k in values if k not in self._owner]
        if unknown:
            raise KeyError(f"{self.title}没有这些字段：{', '.join(unknown)}")
        by_form: dict[str, dict[str, Any]] = {}
        for key, value in values.items():
            by_form.setdefault(self._owner[key], {})[key] = value
        for name, vals in by_form.items():
            self.forms[name].fill(**vals)
            if name not in self._touched:
                self._touched.append(name)
        return self

    def values(self) -> dict[str, Any]:
        return {k: v for form in self.forms.values() for k, v in form.values().items()}

    def submit(self) -> SubmitResult:
        """Save every module filled since the last submit (in tab order); one result for all of them."""
        names = [n for n, _l, _c in _FORMS if n in self._touched]
        if not names:
            result = SubmitResult(False, message="没有需要保存的板块：请先填写或上传")
            self._show(result)
            return result
        results = [(n, self.forms[n].submit()) for n in names]
        self._touched = [n for n, r in results if not r.ok]  # keep the refused ones to resubmit
        errors = {k: v for _n, r in results for k, v in r.errors.items()}
        warnings = [w for _n, r in results for w in r.warnings]
        failed = [(n, r) for n, r in results if not r.ok]
        labels = {n: lab for n, lab, _c in _FORMS}
        if failed:
            msg = "；".join(f"{labels[n]}：{r.message}" for n, r in failed)
            result = SubmitResult(False, errors=errors, warnings=warnings, message=msg)
        else:
            result = SubmitResult(
                True, warnings=warnings, message="已保存：" + "、".join(labels[n] for n in names)
            )
        self._show(result)
        self.refresh_preview()
        return result

    def _show(self, result: SubmitResult) -> None:
        self.last_result = result
        cls, mark = ("alisim-ok", "✔") if result.ok else ("alisim-fail", "✘")
        self.status.value = f"<div class='{cls}'>{mark} {esc(result.message)}</div>" + "".join(
            f"<div class='alisim-warn'>提示：{esc(w)}</div>" for w in result.warnings
        )

    def refresh_preview(self) -> None:
        self.backend.refresh()
        try:
            role = role_of(self.backend)
        except Exception:  # noqa: BLE001
            role = "?"
        if allowed(self.backend, "store.shop_decoration"):
            self.role_html.value = f"<div class='alisim-sub'>当前账号：{esc(role)}，可以装修旺铺</div>"
        else:
            self.role_html.value = f"<div class='alisim-warn'>当前账号是{esc(role)}：只有管理员和制作员可以装修旺铺，保存会被拒绝。</div>"
        self.preview.value = preview_html(self.backend)

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<DecorationScreen 板块：{', '.join(self.forms)}>"


def preview_html(backend: Backend) -> str:
    """The decorated home page as HTML: images as data URIs, every text escaped."""
    deco = backend.decoration.current
    acc = backend.state.account
    company = esc(acc.company_name) if acc else ""
    nav_h = rules.SIGNBOARD_NAV_COVER_PX
    parts = ["<div style='width:760px;border:1px solid #ddd;font-family:sans-serif;font-size:12px'>"]
    sb = deco.signboard
    if sb is None:
        parts.append(
            "<div style='padding:20px;color:#999;text-align:center;background:#f5f5f5'>（还没有设置店招）</div>"
        )
    else:
        bg = (
            f"background:url({sb.image.preview}) center/cover;"
            if sb.image
            else f"background:linear-gradient({ORANGE},#ffb37a);"
        )
        # The chosen 字体 / 字号 / 效果 (L1140) are shown as closely as a browser allows; names are escaped.
        font = f"font-family:{esc(sb.name_font)};" if sb.name_font and sb.name_font != "默认字体" else ""
        size = round((sb.name_size or 20) * 178 / rules.SIGNBOARD_PX[1] * 1.5)
        effect = {"加粗": "font-weight:bold;", "描边": "-webkit-text-stroke:1px #333;"}.get(
            sb.name_effect, ""
        )
        shadow = "0 2px 6px #000" if sb.name_effect == "阴影" else "0 1px 3px #000"
        logo = (
            f"<img src='{sb.logo.preview}' style='height:40px;vertical-align:middle;margin-right:8px'>"
            if sb.logo
            else ""
        )
        name = f"<div style='position:absolute;left:16px;top:24px;font-size:{size}px;color:#fff;{font}{effect}" \
               f"text-shadow:{shadow}'>{logo}{company if sb.show_company_name else ''}</div>"  # fmt: skip
        h = 178  # 760 px wide preview: 280 px scale to 177.3
        nav = round(nav_h * h / rules.SIGNBOARD_PX[1])
        parts.append(
            f"<div style='position:relative;height:{h}px;{bg}'>{name}"
            f"<div style='position:absolute;bottom:0;left:0;right:0;height:{nav}px;background:rgba(51,51,51,.85);"
            "color:#fff;display:flex;gap:18px;align-items:center;padding-left:16px'>"
            "<span>Home</span><span>Products</span><span>Company Profile</span><span>Contacts</span>"
            f"<span style='margin-left:auto;padding-right:8px;opacity:.7'>导航栏遮挡底部 {nav_h} 像素</span></div></div>"
        )
    if deco.carousel:
        m = deco.carousel
        imgs = "".join(
            f"<img src='{a.preview}' title='{esc(a.filename)}' style='width:{'100%' if i == 0 else '60px'};"
            f"{'' if i == 0 else 'margin:2px;border:1px solid #ccc;'}'>"
            for i, a in enumerate(m.images)
        )
        parts.append(
            f"<div style='margin:8px'><b>轮播 banner</b>（{len(m.images)} 张，{esc(m.rotation)}）<br>{imgs}</div>"
        )
    if deco.full_banner:
        m = deco.full_banner
        imgs = "".join(
            f"<img src='{a.preview}' title='{esc(a.filename)}' style='width:100%;display:block'>"
            for a in m.images[:1]
        )
        parts.append(
            f"<div style='margin:8px 0'><b style='margin-left:8px'>通栏 banner</b>（{len(m.images)} 张）{imgs}</div>"
        )
    if deco.tiled:
        products = {int(p.id): p for p in backend.decoration.products()}
        cells = "".join(
            f"<div style='width:170px;border:1px solid #eee;padding:6px;margin:3px'>#{pid}<br>"
            f"{esc(getattr(products.get(pid), 'title', '（已不在店铺中）'))[:80]}</div>"
            for pid in deco.tiled.product_ids
        )
        parts.append(f"<div style='margin:8px'><b>{esc(deco.tiled.title) or '产品平铺'}</b>"
                     f"<div style='display:flex;flex-wrap:wrap'>{cells}</div></div>")  # fmt: skip
    for module in deco.product_modules:
        link = f" · 链接：{esc(module.link)}" if module.link else ""
        what = f"{len(module.product_ids)} 个产品" if module.product_ids else "由平台自动展示"
        parts.append(
            f"<div style='margin:8px'><b>{esc(module.title) or esc(module.module_type)}</b>"
            f"（{esc(module.module_type)}，{what}{link}）</div>"
        )
    if deco.video:
        v = deco.video
        parts.append(f"<div style='margin:8px;padding:30px;background:#222;color:#fff;text-align:center'>▶ "
                     f"{esc(v.title or v.filename)}（{int(v.seconds) // 60}:{int(v.seconds) % 60:02d}）</div>")  # fmt: skip
    for area in deco.custom_areas:
        img = f"<img src='{area.image.preview}' style='max-width:100%'>" if area.image else ""
        text = esc(area.content).replace("\n", "<br>")
        parts.append(
            f"<div style='margin:8px;border-top:1px solid #eee'><b>{esc(area.title)}</b><p>{text}</p>{img}</div>"
        )
    if deco.service:
        agents = "".join(
            f"<div style='text-align:center;margin:4px 10px'><img src='{a.avatar.preview}' "
            f"style='width:50px;height:50px;border-radius:25px'><br>{esc(a.name)}<br>"
            f"<span style='color:#999'>{esc(a.kind)} · {esc(a.tm_account)}</span></div>"
            for a in deco.service.agents
        )
        parts.append(f"<div style='margin:8px'><b>联系客服</b><div style='display:flex'>{agents}</div></div>")
    if len(parts) == 2 and sb is None:
        parts.append(
            "<div style='padding:20px;color:#999'>旺铺还没有装修：在上面的板块里上传图片并保存。</div>"
        )
    parts.append("</div>")
    return "".join(parts)
