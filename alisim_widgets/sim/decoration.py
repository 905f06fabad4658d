"""全球旺铺装修 (extension 02.4.1, L1030-1186): signboard, banners, products, service, custom areas, video.

Uploads arrive as real file bytes (from the screen's FileUpload widget, or from code): the simulator
opens them with Pillow and measures the format, byte size and pixel size itself, so a file named
``banner.jpg`` that is really a GIF, or a 2.1 MB carousel image, is refused with the measured value.
The shop video is read by ``media_probe`` (its container and duration, and that it is whole).
Only the admin and a 制作员 may decorate (L1034, permission ``store.shop_decoration``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import warnings
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .decoration_models import (
    OLD_ROTATION,  # old short rotation names (before the textbook's wording) still mean the same
    BannerModule,
    CustomArea,
    Decoration,
    ImageAsset,
    ServiceAgent,
    ServiceModule,
    ShopVideo,
    Signboard,
    TiledProducts,
)
from .errors import FieldErrors, SimError
from .media_probe import VideoUnreadable, container_name, formats_text, probe_video
from .permissions import require
from .uploads import Upload, as_upload

read_upload = as_upload  # the name the decoration screens and tests use

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "DecorationArea",
    "DECORATION_LABELS",
    "Upload",
    "read_upload",
    "measure_image",
    "signboard_bottom_busy",
]

DECORATION_LABELS = {
    "signboard_image": "招牌底图",
    "use_default_signboard": "使用默认招牌",
    "show_company_name": "显示公司名称",
    "signboard_logo": "公司 Logo",
    "name_font": "公司名称字体",
    "name_size": "公司名称字号",
    "name_effect": "公司名称效果",
    "carousel_placement": "轮播 banner 位置",
    "banner_placement": "通栏 banner 位置",
    "product_module_type": "产品推荐板块类型",
    "product_module_link": "板块链接",
    "carousel_images": "轮播 banner 图片",
    "carousel_height": "轮播 banner 高度",
    "carousel_rotation": "轮播时间",
    "banner_images": "通栏 banner 图片",
    "banner_height": "通栏 banner 高度",
    "tiled_title": "平铺板块标题",
    "tiled_products": "平铺产品",
    "custom_title": "自定义区标题",
    "custom_content": "自定义区内容",
    "custom_image": "自定义区图片",
    "video_file": "旺铺视频",
    "video_title": "视频标题",
}
AGENT_LABELS = {"name": "客服名", "tm_account": "旺旺（TM）账号", "kind": "客服类型", "avatar": "客服头像"}

_PREVIEW_MAX_PX = (640, 640)
# Standard deviation of grey levels above which the covered strip "has content" (text, a logo).
_BUSY_STDDEV = 12.0
_TM_CHARS = r"A-Za-z0-9_.@\-" + validate.CJK
# Text shown on the shop page: letters, digits and everyday punctuation (no ; = ` \ < >: not code).
_SHOP_TEXT_CHARS = validate.CJK + r"A-Za-z0-9 .,!?:()&'\"/%#@+*\-，。！？：（）、“”‘’·—…"
_SHOP_TEXT_DESC = "中英文、数字和常用标点"
_SHOP_TEXT = {"allowed": _SHOP_TEXT_CHARS, "allowed_desc": _SHOP_TEXT_DESC}
_FILENAME_MAX = 120
# 产品推荐 types whose products the platform picks itself (showcase order, certified main products, AI).
AUTO_PRODUCT_MODULES = ("橱窗产品", "主营产品认证", "智能产品推荐")
_LINK_BAD_CHARS = set(" \t\n\r<>\"'`\\{}|^")


def _uploads(errors: FieldErrors, key: str, label: str, value: Any) -> list[Upload]:
    """Several files: a list/tuple of uploads (a FileUpload with ``multiple=True`` holds a tuple)."""
    if value is None or value == "":
        return []
    items = list(value) if isinstance(value, (list, tuple)) and not _is_pair(value) else [value]
    out = []
    for n, item in enumerate(items, 1):
        try:
            up = as_upload(item)
        except TypeError:
            errors.add(key, f"{label}第 {n} 个不是文件（收到 {type(item).__name__}）", "type")
            continue
        if up is not None:
            out.append(up)
    return out


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], (bytes, bytearray, memoryview))
    )


def _fmt_bytes(n: int) -> str:
    return f"{n / 1024 / 1024:.2f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def measure_image(up: Upload, *, max_bytes: int = rules.DECORATION_UPLOAD_MAX_BYTES):
    """Open ``up`` with Pillow: ``(ImageAsset, None)`` or ``(None, Chinese reason)``."""
    from PIL import Image, ImageOps

    size = len(up.content)
    if size == 0:
        return None, "文件是空的"
    if size > max_bytes:
        now, limit = _fmt_bytes(size), _fmt_bytes(max_bytes)
        if now == limit:  # just over the line: the rounded figures would read the same
            now = f"{size:,} 字节，上限 {max_bytes:,} 字节"
        return None, f"文件不能超过 {limit}（当前 {now}）"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a grade cell must never write to stderr
            img = Image.open(io.BytesIO(up.content))
            fmt = img.format or "未知"
            width, height = img.size
            if width * height > rules.DECORATION_IMAGE_MAX_PIXELS:
                return None, f"图片像素太多（{width}×{height}），无法处理"
            if fmt not in rules.DECORATION_IMAGE_FORMATS:
                return None, f"只支持 JPG 或 PNG 格式（这个文件是 {fmt}）"
            img.load()
            thumb = ImageOps.exif_transpose(img).convert("RGB")
            thumb.thumbnail(_PREVIEW_MAX_PX)
            buf = io.BytesIO()
            thumb.save(buf, "JPEG", quality=72)
    except Exception:  # noqa: BLE001 - any undecodable upload is the user's file, not our crash
        return None, "无法识别的图片文件（文件损坏或不是图片）"
    asset = ImageAsset(
        filename=_clean_name(up.name),
        format=fmt,
        width=width,
        height=height,
        size_bytes=size,
        sha256=hashlib.sha256(up.content).hexdigest(),
        preview="data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii"),
    )
    return asset, None


def _clean_name(name: str) -> str:
    # File names are shown back to the user: keep them short and free of control characters.
    name = "".join(ch for ch in str(name) if ch.isprintable())[-_FILENAME_MAX:]
    return name or "upload"


def signboard_bottom_busy(content: bytes) -> bool:
    """True when the strip that the navigation bar covers (bottom 44 of 280 px) has visible content."""
    from PIL import Image, ImageStat

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        img = Image.open(io.BytesIO(content)).convert("L")
    width, height = img.size
    strip = max(1, round(height * rules.SIGNBOARD_NAV_COVER_PX / rules.SIGNBOARD_PX[1]))
    region = img.crop((0, height - strip, width, height))
    return ImageStat.Stat(region).stddev[0] > _BUSY_STDDEV


class DecorationArea:
    """店铺管理 → 全球旺铺装修: each module is set as a whole; a refused module changes nothing."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def current(self) -> Decoration:
        return self.backend.state.decoration or Decoration()

    def products(self) -> list[Any]:
        """The store's products that a tiled module can show (published ones)."""
        items = getattr(self.backend.state, "products", None) or []
        return [p for p in items if getattr(p, "status", "已发布") != "已下架"]

    # --- 店招 --------------------------------------------------------------------------------------
    def set_signboard(
        self,
        image: Any = None,
        *,
        use_default: bool = False,
        show_company_name: bool = True,
        logo: Any = None,
        name_font: Any = "",
        name_size: Any = None,
        name_effect: Any = "",
    ):
        """招牌设置: a JPG/PNG of at least 1200×280 px (or the default), a logo, the name's font/size/effect."""
        require(self.backend, "store.shop_decoration")
        errors, warnings_out = FieldErrors(), []
        logo_asset = None
        logo_up = self._one(errors, "signboard_logo", DECORATION_LABELS["signboard_logo"], logo)
        if logo_up is not None:
            logo_asset, why = measure_image(logo_up)
            if why:
                errors.add("signboard_logo", f"{DECORATION_LABELS['signboard_logo']}{why}", "image")
        font = validate.choice(
            errors,
            "name_font",
            DECORATION_LABELS["name_font"],
            name_font,
            rules.SIGNBOARD_FONTS,
            required=False,
        )
        effect = validate.choice(
            errors, "name_effect", DECORATION_LABELS["name_effect"], name_effect, rules.SIGNBOARD_EFFECTS,
            required=False,
        )  # fmt: skip
        size = None
        if name_size not in (None, ""):
            size = validate.integer(errors, "name_size", DECORATION_LABELS["name_size"], name_size)
            if size is not None and size not in rules.SIGNBOARD_FONT_SIZES:
                errors.add(
                    "name_size",
                    f"{DECORATION_LABELS['name_size']}只能是 {' / '.join(map(str, rules.SIGNBOARD_FONT_SIZES))}"
                    f" 像素（当前 {size}）",
                    "choice",
                )
                size = None
        lab = DECORATION_LABELS["signboard_image"]
        asset = None
        up = self._one(errors, "signboard_image", lab, image)
        if up is None and not errors.has("signboard_image") and not use_default:
            errors.add("signboard_image", f"请上传{lab}，或勾选“使用默认招牌”", "required")
        if up is not None:
            asset, why = measure_image(up)
            if why:
                errors.add("signboard_image", f"{lab}{why}", "image")
            else:
                min_w, min_h = rules.SIGNBOARD_PX
                if asset.width < min_w or asset.height < min_h:
                    errors.add(
                        "signboard_image",
                        f"{lab}不能小于 {min_w}×{min_h} 像素（当前 {asset.width}×{asset.height}），上传失败",
                        "min_px",
                    )
                else:
                    if (asset.width, asset.height) != rules.SIGNBOARD_PX:
                        warnings_out.append(
                            f"{lab}建议尺寸为 {min_w}×{min_h} 像素（当前 {asset.width}×{asset.height}），"
                            "前台会按比例缩放，可能被裁切。"
                        )
                    if signboard_bottom_busy(up.content):
                        warnings_out.append(
                            f"{lab}底部 {rules.SIGNBOARD_NAV_COVER_PX} 像素会被导航栏遮挡，"
                            "这部分有文字或图案：请把重要内容移到上方。"
                        )
        if not isinstance(show_company_name, bool):
            errors.add("show_company_name", "显示公司名称只能是“是”或“否”", "type")
        errors.raise_if_any()
        with self._work("decoration.signboard") as (work, deco):
            deco.signboard = Signboard(
                image=None if use_default and up is None else asset,
                show_company_name=show_company_name,
                logo=logo_asset,
                name_font=font or "",
                name_size=size,
                name_effect=effect or "",
                updated_at=self.backend.now(),
            )
        return warnings_out

    # --- banners -------------------------------------------------------------------------------
    def set_carousel(self, images: Any, height: Any, rotation: Any, placement: Any = "") -> list[str]:
        """轮播 banner: 1-4 JPG/PNG images ≤ 2 MB, all of the chosen height (250/350/450); 900 px wide advised."""
        require(self.backend, "store.shop_decoration")
        errors, warnings_out = FieldErrors(), []
        h = self._height(errors, "carousel_height", rules.CAROUSEL_HEIGHTS_PX, height)
        rot = validate.choice(
            errors,
            "carousel_rotation",
            DECORATION_LABELS["carousel_rotation"],
            OLD_ROTATION.get(rotation, rotation) if isinstance(rotation, str) else rotation,
            rules.CAROUSEL_ROTATION,
        )
        place = self._placement(errors, "carousel_placement", placement)
        # L1158 says 建议宽为900像素: other widths are advice (a warning), not a refusal.
        assets = self._banner_images(
            errors, "carousel_images", images, rules.CAROUSEL_MAX_IMAGES, rules.CAROUSEL_WIDTH_PX, h,
            rules.CAROUSEL_MAX_BYTES, advised_width=True, warnings_out=warnings_out,
        )  # fmt: skip
        errors.raise_if_any()
        with self._work("decoration.carousel", f"{len(assets)} 张") as (work, deco):
            deco.carousel = BannerModule(
                height=h, rotation=rot, images=assets, placement=place, updated_at=self.backend.now()
            )
        return warnings_out

    def set_full_banner(self, images: Any, height: Any, placement: Any = "") -> list[str]:
        """通栏 banner: 1-5 JPG/PNG images, 1920 px wide, all 550 or 650 px high."""
        require(self.backend, "store.shop_decoration")
        errors = FieldErrors()
        h = self._height(errors, "banner_height", rules.FULL_BANNER_HEIGHTS_PX, height)
        place = self._placement(errors, "banner_placement", placement)
        assets = self._banner_images(
            errors, "banner_images", images, rules.FULL_BANNER_MAX_IMAGES, rules.FULL_BANNER_WIDTH_PX, h,
            rules.DECORATION_UPLOAD_MAX_BYTES,
        )  # fmt: skip
        errors.raise_if_any()
        with self._work("decoration.full_banner", f"{len(assets)} 张") as (work, deco):
            deco.full_banner = BannerModule(
                height=h, images=assets, placement=place, updated_at=self.backend.now()
            )
        return []

    # --- 产品平铺 --------------------------------------------------------------------------------
    def set_tiled_products(
        self, product_ids: Any, title: Any = "", module_type: Any = "平铺", link: Any = ""
    ) -> list[str]:
        """A 产品推荐 module (L1164-1167): 平铺 takes 1-8 products chosen by hand; 单品 exactly one;
        带类目产品 / 重点推荐 1-8; 橱窗产品, 主营产品认证 and 智能产品推荐 are filled by the platform."""
        require(self.backend, "store.shop_decoration")
        errors, warnings_out = FieldErrors(), []
        kind = validate.choice(
            errors,
            "product_module_type",
            DECORATION_LABELS["product_module_type"],
            "平铺" if module_type in (None, "") else module_type,
            rules.PRODUCT_MODULE_TYPES,
        )
        clean_link = self._link(errors, link)
        lab = DECORATION_LABELS["tiled_products"] if kind in (None, "平铺") else f"{kind}板块的产品"
        if kind in AUTO_PRODUCT_MODULES:
            if product_ids not in (None, "", [], ()):
                warnings_out.append(f"{kind}板块的产品由平台按后台设置自动展示，手动选择的产品不会保存。")
            product_ids = []
        clean_title = validate.text(
            errors,
            "tiled_title",
            DECORATION_LABELS["tiled_title"],
            title,
            required=False,
            max_len=60,
            **_SHOP_TEXT,
        )
        known = {int(p.id): p for p in self.products()}
        ids: list[int] = []
        if product_ids is None or product_ids == "":
            product_ids = []
        if isinstance(product_ids, (str, int)) or not isinstance(product_ids, (list, tuple)):
            errors.add("tiled_products", f"{lab}应为一组产品编号", "type")
        elif kind in AUTO_PRODUCT_MODULES:
            pass  # nothing to choose: the platform shows the showcase / certified / recommended products
        elif not known:
            errors.add(
                "tiled_products", "店铺里还没有已发布的产品，发布产品后才能添加产品平铺板块", "no_products"
            )
        else:
            for item in product_ids:
                text = str(item).strip()
                if not text.isascii() or not text.isdigit():
                    errors.add("tiled_products", f"{lab}应为产品编号（数字），收到“{text[:20]}”", "type")
                    break
                if int(text) not in known:
                    errors.add("tiled_products", f"店铺里没有编号为 {text} 的已发布产品", "unknown")
                    break
                ids.append(int(text))
            else:
                if not ids:
                    errors.add("tiled_products", f"请至少选择 1 个{lab}", "required")
                elif len(ids) != len(set(ids)):
                    errors.add("tiled_products", f"{lab}不能重复选择同一个产品", "unique")
                elif kind == "单品" and len(ids) != 1:
                    errors.add("tiled_products", f"{lab}只能选 1 个（当前 {len(ids)} 个）", "max_n")
                elif len(ids) > rules.TILED_PRODUCTS_MAX:
                    errors.add(
                        "tiled_products",
                        f"{lab}最多 {rules.TILED_PRODUCTS_MAX} 个（当前 {len(ids)} 个）",
                        "max_n",
                    )
        errors.raise_if_any()
        with self._work("decoration.tiled", f"{kind} {len(ids)} 个产品") as (work, deco):
            module = TiledProducts(
                title=clean_title or "", product_ids=ids, module_type=kind, link=clean_link,
                updated_at=self.backend.now(),
            )  # fmt: skip
            if kind == "平铺":
                deco.tiled = module
            else:  # one module of each other type: saving it again replaces it
                deco.product_modules = [m for m in deco.product_modules if m.module_type != kind] + [module]
        return warnings_out

    # --- 客服模块 --------------------------------------------------------------------------------
    def set_service(self, agents: Any) -> list[str]:
        """客服模块: 1-5 accounts, each a name, a TM account, a type and a JPG/PNG avatar (100×100 advised)."""
        require(self.backend, "store.shop_decoration")
        errors, warnings_out = FieldErrors(), []
        if not isinstance(agents, (list, tuple)):
            raise SimError("客服账号应为一个列表")
        rows = [
            a
            for a in agents
            if isinstance(a, dict) and any(a.get(k) not in (None, "", ()) for k in AGENT_LABELS)
        ]
        if len(agents) != len([a for a in agents if isinstance(a, dict)]):
            raise SimError("每个客服账号应为一组字段（客服名、旺旺账号、客服类型、头像）")
        if not rows:
            errors.add("agent1_name", "请至少添加 1 个客服账号", "required")
        if len(rows) > rules.SERVICE_ACCOUNTS_MAX:
            raise SimError(f"客服模块最多添加 {rules.SERVICE_ACCOUNTS_MAX} 个账号（当前 {len(rows)} 个）")
        out: list[ServiceAgent] = []
        seen: set[str] = set()
        for n, agent in enumerate(agents, 1):
            if agent not in rows:
                continue
            p = f"agent{n}_"
            name = validate.text(
                errors,
                p + "name",
                f"客服 {n} 的{AGENT_LABELS['name']}",
                agent.get("name"),
                max_len=20,
                **_SHOP_TEXT,
            )
            tm = validate.text(
                errors, p + "tm_account", f"客服 {n} 的{AGENT_LABELS['tm_account']}", agent.get("tm_account"),
                max_len=50, allowed=_TM_CHARS, allowed_desc="字母、数字、中文和 _ . @ -",
            )  # fmt: skip
            if tm is not None:
                if tm.lower() in seen:
                    errors.add(p + "tm_account", f"客服 {n} 的旺旺账号与前面的客服重复", "unique")
                seen.add(tm.lower())
            kind = validate.choice(
                errors,
                p + "kind",
                f"客服 {n} 的{AGENT_LABELS['kind']}",
                agent.get("kind"),
                rules.SERVICE_TYPES,
            )
            label = f"客服 {n} 的{AGENT_LABELS['avatar']}"
            up = self._one(errors, p + "avatar", label, agent.get("avatar"))
            asset = None
            if up is None and not errors.has(p + "avatar"):
                errors.add(p + "avatar", f"请上传{label}（JPG 或 PNG）", "required")
            elif up is not None:
                asset, why = measure_image(up)
                if why:
                    errors.add(p + "avatar", f"{label}{why}", "image")
                elif (asset.width, asset.height) != rules.SERVICE_AVATAR_PX:
                    w, h = rules.SERVICE_AVATAR_PX
                    warnings_out.append(
                        f"{label}建议为 {w}×{h} 像素（当前 {asset.width}×{asset.height}），前台会缩放显示。"
                    )
            if name and tm and kind and asset:
                out.append(ServiceAgent(name=name, tm_account=tm, kind=kind, avatar=asset))
        errors.raise_if_any()
        with self._work("decoration.service", f"{len(out)} 个客服") as (work, deco):
            deco.service = ServiceModule(agents=out, updated_at=self.backend.now())
        return warnings_out

    # --- 自定义内容区 -----------------------------------------------------------------------------
    def add_custom_area(self, title: Any, content: Any, image: Any = None) -> list[str]:
        """自定义内容区: at most 15 on the home page; text is shown as text (never as HTML)."""
        require(self.backend, "store.shop_decoration")
        count = len(self.current.custom_areas)
        if count >= rules.CUSTOM_AREAS_MAX:
            raise SimError(
                f"自定义内容区最多添加 {rules.CUSTOM_AREAS_MAX} 个（已有 {count} 个），请先删除一个"
            )
        errors = FieldErrors()
        clean_title = validate.text(
            errors, "custom_title", DECORATION_LABELS["custom_title"], title, max_len=60, **_SHOP_TEXT
        )
        clean_content = validate.text(
            errors, "custom_content", DECORATION_LABELS["custom_content"], content,
            max_len=rules.CUSTOM_AREAS_TEXT_MAX, multiline=True, allowed=_SHOP_TEXT_CHARS + "\n\t",
            allowed_desc=_SHOP_TEXT_DESC,
        )  # fmt: skip
        asset = None
        up = self._one(errors, "custom_image", DECORATION_LABELS["custom_image"], image)
        if up is not None:
            asset, why = measure_image(up)
            if why:
                errors.add("custom_image", f"{DECORATION_LABELS['custom_image']}{why}", "image")
        errors.raise_if_any()
        with self._work("decoration.custom_add", clean_title or "") as (work, deco):
            next_id = max((a.id for a in deco.custom_areas), default=0) + 1
            deco.custom_areas.append(
                CustomArea(id=next_id, title=clean_title, content=clean_content, image=asset,
                           created_at=self.backend.now())
            )  # fmt: skip
        return []

    def remove_custom_area(self, area_id: Any) -> list[str]:
        require(self.backend, "store.shop_decoration")
        ids = {a.id for a in self.current.custom_areas}
        try:
            key = int(str(area_id).strip())
        except ValueError:
            key = None
        if key not in ids:
            raise SimError(f"没有编号为 {str(area_id)[:20]} 的自定义内容区")
        with self._work("decoration.custom_remove", f"id={key}") as (work, deco):
            deco.custom_areas = [a for a in deco.custom_areas if a.id != key]
        return []

    # --- 视频 ------------------------------------------------------------------------------------
    def set_video(self, video: Any, title: Any = "") -> list[str]:
        """旺铺视频: an MP4/MOV of at most 10 minutes (the file itself is read by ``media_probe``)."""
        require(self.backend, "store.shop_decoration")
        errors = FieldErrors()
        lab = DECORATION_LABELS["video_file"]
        clean_title = validate.text(
            errors,
            "video_title",
            DECORATION_LABELS["video_title"],
            title,
            required=False,
            max_len=60,
            **_SHOP_TEXT,
        )
        up = self._one(errors, "video_file", lab, video)
        seconds = None
        if up is None and not errors.has("video_file"):
            errors.add("video_file", f"请上传{lab}（MP4）", "required")
        elif up is not None:
            ext = up.name.rsplit(".", 1)[-1].lower() if "." in up.name else ""
            if len(up.content) > rules.SHOP_VIDEO_MAX_BYTES:
                errors.add(
                    "video_file", f"{lab}不能超过 {_fmt_bytes(rules.SHOP_VIDEO_MAX_BYTES)}", "max_bytes"
                )
            elif ext not in rules.SHOP_VIDEO_FORMATS:
                errors.add(
                    "video_file",
                    f"{lab}只支持 {formats_text(rules.SHOP_VIDEO_FORMATS)} 格式（当前文件：{_clean_name(up.name)[:40]}）",
                    "format",
                )
            else:
                seconds = self._video_seconds(errors, lab, up)
        errors.raise_if_any()
        with self._work("decoration.video", _mmss(seconds)) as (work, deco):
            deco.video = ShopVideo(
                filename=_clean_name(up.name), title=clean_title or "", seconds=round(seconds, 3),
                size_bytes=len(up.content), updated_at=self.backend.now(),
            )  # fmt: skip
        return []

    def remove(self, module: str) -> list[str]:
        """Take one module off the home page: signboard, carousel, full_banner, tiled, service, video."""
        require(self.backend, "store.shop_decoration")
        if module not in ("signboard", "carousel", "full_banner", "tiled", "service", "video"):
            raise SimError(f"没有这个板块：{str(module)[:30]}")
        if getattr(self.current, module) is None:
            raise SimError("这个板块还没有添加")
        with self._work(f"decoration.remove_{module}") as (work, deco):
            setattr(deco, module, None)
        return []

    # --- helpers -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _work(self, op: str, detail: str = ""):
        with self.backend.transaction(op, detail) as work:
            if work.decoration is None:
                work.decoration = Decoration()
            yield work, work.decoration

    @staticmethod
    def _video_seconds(errors: FieldErrors, lab: str, up: Upload) -> float | None:
        """The shop video's duration read by ``media_probe``; None (and an error) when refused."""
        try:
            facts = probe_video(up.content)
        except VideoUnreadable as exc:
            errors.add("video_file", f"{lab}无法读取：{exc.problem}", "unreadable")
            return None
        if facts.container not in rules.SHOP_VIDEO_FORMATS:
            errors.add(
                "video_file",
                f"{lab}只支持 {formats_text(rules.SHOP_VIDEO_FORMATS)} 格式"
                f"（这个文件其实是 {container_name(facts.container)}）",
                "format",
            )
            return None
        if facts.seconds > rules.SHOP_VIDEO_MAX_SECONDS:
            errors.add(
                "video_file",
                f"{lab}不能超过 {rules.SHOP_VIDEO_MAX_SECONDS // 60} 分钟（当前 {_mmss(facts.seconds)}）",
                "max_seconds",
            )
            return None
        return facts.seconds

    @staticmethod
    def _one(errors: FieldErrors, key: str, label: str, value: Any) -> Upload | None:
        try:
            return as_upload(value)
        except TypeError:
            errors.add(key, f"{label}应为上传的文件（收到 {type(value).__name__}）", "type")
            return None

    @staticmethod
    def _placement(errors: FieldErrors, key: str, value: Any) -> str:
        if value in (None, ""):
            return ""  # not dragged anywhere yet: the platform puts a new module under the last one
        place = validate.choice(errors, key, DECORATION_LABELS[key], value, rules.BANNER_PLACEMENTS)
        return place or ""

    @staticmethod
    def _link(errors: FieldErrors, value: Any) -> str:
        """A module's optional link: an http(s) address without spaces or markup."""
        lab = DECORATION_LABELS["product_module_link"]
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            errors.add("product_module_link", f"{lab}应为网址文字", "type")
            return ""
        link = value.strip()
        if len(link) > rules.PRODUCT_MODULE_LINK_MAX:
            errors.add(
                "product_module_link",
                f"{lab}不能超过 {rules.PRODUCT_MODULE_LINK_MAX} 个字符（当前 {len(link)}）",
                "max_len",
            )
        elif not link.lower().startswith(("http://", "https://")) or len(link) < 12:
            errors.add("product_module_link", f"{lab}应以 http:// 或 https:// 开头的完整网址", "url")
        elif any(ch in _LINK_BAD_CHARS or not ch.isprintable() or not ch.isascii() for ch in link):
            errors.add("product_module_link", f"{lab}不能包含空格、引号、尖括号或中文等字符", "url")
        return link if not errors.has("product_module_link") else ""

    @staticmethod
    def _height(errors: FieldErrors, key: str, options: tuple[int, ...], value: Any) -> int | None:
        label = DECORATION_LABELS[key]
        number = validate.integer(errors, key, label, value)
        if number is not None and number not in options:
            errors.add(key, f"{label}只能是 {' / '.join(map(str, options))} 像素（当前 {number}）", "choice")
            return None
        return number

    @staticmethod
    def _banner_images(
        errors, key, images, max_n, width, height, max_bytes, *, advised_width=False, warnings_out=None
    ) -> list[ImageAsset]:
        label = DECORATION_LABELS[key]
        uploads = _uploads(errors, key, label, images)
        if errors.has(key):
            return []
        if not uploads:
            errors.add(key, f"请至少上传 1 张{label}", "required")
            return []
        if len(uploads) > max_n:
            errors.add(key, f"{label}最多 {max_n} 张（当前 {len(uploads)} 张）", "max_n")
            return []
        assets: list[ImageAsset] = []
        for n, up in enumerate(uploads, 1):
            where = f"第 {n} 张（{_clean_name(up.name)[:40]}）"
            asset, why = measure_image(up, max_bytes=max_bytes)
            if why:
                errors.add(key, f"{label}{where}{why}", "image")
                continue
            problems = []
            if asset.width != width and advised_width:
                warnings_out.append(
                    f"{label}{where}建议宽 {width} 像素（当前 {asset.width}），前台会按比例缩放。"
                )
            elif asset.width != width:
                problems.append(f"宽度应为 {width} 像素（当前 {asset.width}）")
            if height is not None and asset.height != height:
                problems.append(f"高度应为所选的 {height} 像素（当前 {asset.height}）")
            if problems:
                errors.add(key, f"{label}{where}" + "，".join(problems), "px")
                continue
            assets.append(asset)
        return assets


def _mmss(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(round(seconds, 1), 60)
    shown = f"{rest:04.1f}" if abs(rest - round(rest)) >= 0.05 else f"{round(rest):02d}"
    return f"{int(minutes)} 分 {shown} 秒"
