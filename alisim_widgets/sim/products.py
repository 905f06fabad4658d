"""产品管理 (项目三): publishing Ready to Ship and Customization products, certificates, product upkeep.

Publishing checks every rule of RULES.md "Products" at once and refuses the whole submission when one
breaks (nothing saved); advice comes back as warnings. Titles: ≤ 128 characters, others' brand or patent
words refused, a word three or more times refused, 60–70 characters advised. Ready to Ship: ladder
prices, shipping within 15 days, express only, never negotiated shipping. Restricted categories need a
certificate; prohibited goods are refused. A listing that repeats one already in the store (only title,
images, attributes or description changed) is a duplicate and is refused: edit the existing one instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import categories, rules, validate
from .errors import FieldError, FieldErrors, SimError, ValidationFailed
from .permissions import require
from .product_media import check_detail_video, check_images, check_video
from .product_titles import NOT_ENGLISH, TitleReport, keyword_problems, prohibited_message, title_report
from .product_workbench import duplicate_signals, is_duplicate
from .products_models import (
    PRICE_MODE_LADDER,
    PRICE_MODE_RANGE,
    PRICE_MODES,
    PRODUCT_TYPE_CUSTOM,
    PRODUCT_TYPE_RTS,
    PRODUCT_TYPES,
    STATUS_OFFLINE,
    STATUS_PUBLISHED,
    Certificate,
    LeadTime,
    PriceTier,
    Product,
    Samples,
    SupplyAbility,
)

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "ProductsArea",
    "Published",
    "TitleReport",
    "title_report",
    "keyword_problems",
    "PRODUCT_LABELS",
    "UNITS",
    "PAYMENT_METHODS",
    "SHIPPING_MODES",
    "SUPPLY_PERIODS",
    "LOGISTICS_ATTRIBUTES",
    "SELL_BY",
    "SPECIAL_GOODS",
    "DEFAULT_FREIGHT_TEMPLATE",
    "freight_templates",
]

UNITS = (
    "Piece/Pieces", "Box/Boxes", "Set/Sets", "Pair/Pairs", "Carton/Cartons", "Bag/Bags", "Dozen/Dozens",
    "Pack/Packs", "Unit/Units", "Meter/Meters", "Kilogram/Kilograms", "Ton/Tons",
)  # fmt: skip
PAYMENT_METHODS = ("L/C", "T/T", "D/P", "D/A", "Western Union", "MoneyGram", "PayPal")
SHIPPING_MODES = ("快递", "海运", "空运", "陆运", "协商物流")
RTS_SHIPPING_MODE = "快递"  # RTS freight templates are express only (L4909-5027)
NEGOTIATED = "协商物流"  # L5006 not Ready to Ship
SUPPLY_PERIODS = ("天", "周", "月", "年")
LOGISTICS_ATTRIBUTES = ("普货", "带电", "带磁", "液体", "粉末", "膏体")
SELL_BY = ("按件卖", "按批卖")
SPECIAL_GOODS = ("普通商品", "第三类医疗器械")
DEFAULT_FREIGHT_TEMPLATE = "系统默认运费模板"
_MAX_QTY = 10_000_000
_MAX_PRICE = 1_000_000
_MAX_DAYS = 180  # simulator: the longest lead time the form takes
_PORT_CHARS = r"A-Za-z0-9 .,'()\-"
_SKU_CHARS = r"A-Za-z0-9_\-"

PRODUCT_LABELS: dict[str, str] = {
    "category": "产品类目",
    "product_type": "产品类型",
    "special_goods": "特殊商品声明",
    "title": "产品名称",
    "keywords": "产品关键词",
    **{k: a.label for k, a in categories.ATTRIBUTES.items()},
    "description": "产品描述",  # L2072
    "price_mode": "价格设置方式",
    "sell_by": "销售方式",
    "lot_size": "每批数量",
    "unit": "计量单位",
    "price_tiers": "阶梯价格",
    "price_range": "价格区间",
    "moq": "最小起订量",
    "stock": "可售数量",
    "sku_code": "商品编码",
    "lead_time": "发货期",
    "payment_methods": "支付方式",
    "shipping_mode": "物流模式",  # L2084
    "port": "港口",
    "supply_ability": "供货能力",
    "samples": "样品服务",
    "customization": "定制服务",
    "other_services": "其他服务",
    "package_cm": "产品尺寸",  # L2039
    "weight_kg": "重量",  # L2089
    "logistics_attribute": "物流属性",
    "freight_template": "运费模板",
    "images": "产品主图",
    "video": "主图视频",
    "packaging": "包装方式",  # L1917
    "custom_attributes": "自定义属性",  # L1877 自定义属性补充, L1919 新增属性
    "customization_moq": "最小定制量",  # L1942-1946 (LOGO定制 100 Set/Sets …)
    "custom_customization": "自定义定制名称",  # L1948
    "detail_video": "详情页视频",  # L1982, L1987
}
# Fields a Ready to Ship listing does not have (its buyers pay online; logistics come from the template).
_CUSTOM_ONLY = ("payment_methods", "port", "moq", "price_range")
_RTS_ONLY = ("stock", "sell_by", "lot_size")


def freight_templates(backend: Backend) -> dict[str, str]:
    """Template name → its pricing type: the system default plus the store's own (08_trade)."""
    out = {DEFAULT_FREIGHT_TEMPLATE: "阿里物流价"}
    for tpl in getattr(backend.state, "freight_templates", None) or []:
        name = getattr(tpl, "name", None)
        if isinstance(name, str):
            out[name] = str(getattr(tpl, "pricing", "") or getattr(tpl, "pricing_type", "") or "")
    return out


@dataclass
class Published:
    """A successful publication: the product's id and the advice for it."""

    product_id: int
    warnings: list[str]
    updated: bool = False


# --- parsing helpers ---------------------------------------------------------------------------------
def _pairs(errors: FieldErrors, key: str, label: str, value: Any) -> list[tuple[Any, Any]] | None:
    """A list of 2-item rows (quantity, number) as typed; blank rows are dropped."""
    if value is None or value == "":
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        errors.add(key, f"{label}应为一组（数量, 数值）", "type")
        return None
    rows = []
    for row in value:
        if isinstance(row, dict):
            row = tuple(row.values())
        if not isinstance(row, (list, tuple)) or len(row) != 2:
            errors.add(key, f"{label}的每一行应包含两个数：数量和数值", "type")
            return None
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        rows.append(tuple(row))
    return rows


def _canonical(value: Any, options: tuple[str, ...]) -> Any:
    """The option ``value`` names, forgiving case and spaces ("piece/pieces" → "Piece/Pieces")."""
    if isinstance(value, str):
        low = re.sub(r"\s+", "", value).casefold()
        for opt in options:
            if re.sub(r"\s+", "", opt).casefold() == low:
                return opt
    return value


def _english_text(errors: FieldErrors, key: str, label: str, value: Any, **kw) -> str | None:
    out = validate.text(errors, key, label, value, **kw)
    if out is not None and NOT_ENGLISH.search(out):
        errors.add(
            key,
            f"{label}只能用英文填写（买家看不懂中文），不能包含“{NOT_ENGLISH.search(out).group()}”",
            "english",
        )
        return None
    return out


class ProductsArea:
    """产品管理: publish, edit and take down products; submit certificates for restricted categories."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading -------------------------------------------------------------------------------------
    @property
    def all(self) -> list[Product]:
        return list(self.backend.state.products)

    def get(self, product_id: Any) -> Product:
        for p in self.backend.state.products:
            if p.id == product_id or str(p.id) == str(product_id).strip():
                return p
        raise SimError(f"店铺里没有 ID 为 {str(product_id)[:20]} 的产品")

    def find(self, title: str) -> Product | None:
        """The product with this title (case and spaces forgiven), if any."""
        want = re.sub(r"\s+", " ", title or "").strip().casefold()
        for p in self.backend.state.products:
            if re.sub(r"\s+", " ", p.title).strip().casefold() == want:
                return p
        return None

    def certificate_valid(self, kind: str) -> bool:
        today = self.backend.today()
        return any(c.kind == kind and c.valid_until >= today for c in self.backend.state.certificates)

    # --- publishing ----------------------------------------------------------------------------------
    def publish(
        self, values: dict[str, Any], *, product_id: int | None = None, task_id: str | None = None
    ) -> Published:
        """「提交」 on the publishing page: a new product, or (``product_id``) the edited one."""
        require(self.backend, "product.manage" if product_id is not None else "product.publish")
        unknown = set(values) - set(PRODUCT_LABELS)
        if unknown:
            raise SimError(f"发布产品的表单没有这些字段：{', '.join(sorted(unknown))}")
        old = self.get(product_id) if product_id is not None else None
        product, warnings = self._validate(values, old)
        dup = self._duplicate_of(product, exclude=product_id)
        if dup is not None:
            signals = "、".join(duplicate_signals(product, dup))
            raise ValidationFailed([FieldError(
                "duplicate",
                f"与店铺里的产品 ID {dup.id}（{dup.title[:40]}）是同款（{signals}相同），属于重复铺货："
                "只改标题、主图、属性或详情不能当作新产品发布。请编辑原产品，或换一个真正不同的产品。",
                "duplicate",
            )])  # fmt: skip
        op = "product.update" if old else "product.publish"
        with self.backend.transaction(op, f"title={product.title[:60]}") as work:
            if old is not None:
                product.id, product.published_on, product.owner = old.id, old.published_on, old.owner
                product.updated_on = work.today
                product.task_id = old.task_id or task_id
                product.orders_90d, product.inquiries_30d, product.views_30d = (
                    old.orders_90d, old.inquiries_30d, old.views_30d
                )  # fmt: skip
                product.status = old.status
                work.products = [product if p.id == old.id else p for p in work.products]
            else:
                product.id = max((p.id for p in work.products), default=3000) + 1
                product.published_on = work.today
                product.task_id = task_id
                work.products.append(product)
        return Published(product.id, warnings, updated=old is not None)

    def _validate(self, values: dict[str, Any], old: Product | None) -> tuple[Product, list[str]]:
        errors, warnings = FieldErrors(), []
        lab, get = PRODUCT_LABELS, values.get

        ptype = validate.choice(
            errors, "product_type", lab["product_type"], get("product_type"), PRODUCT_TYPES
        )
        rts = ptype == PRODUCT_TYPE_RTS
        custom = ptype == PRODUCT_TYPE_CUSTOM
        if ptype is not None:
            not_here = _CUSTOM_ONLY if rts else _RTS_ONLY
            for key in not_here:
                if get(key) not in (None, "", [], (), {}):
                    kind = "Ready to Ship" if rts else "Customization"
                    errors.add(key, f"{kind} 产品没有“{lab[key]}”这一项，请清空", "not_applicable")

        # Category: a leaf of the tree; restricted ones need the certificate; class-III devices only there.
        category = None
        raw_cat = get("category")
        if raw_cat in (None, "") or (isinstance(raw_cat, str) and not raw_cat.strip()):
            errors.add("category", "请选择产品类目（选到最后一级）", "required")
        elif not isinstance(raw_cat, str) or len(raw_cat) > 200:
            errors.add("category", "产品类目应为类目路径，例如 玩具 >> 积木", "type")
        else:
            category = categories.find(raw_cat)
            if category is None:
                hit = categories.prohibited_term_in(raw_cat)
                if hit:
                    errors.add("category", prohibited_message("类目", hit), "prohibited")
                elif categories.children(categories.split_path(raw_cat)):
                    errors.add("category", "请选到最后一级类目（精准类目）", "leaf")
                else:
                    errors.add("category", "没有这个类目，请用类目搜索或逐级选择", "unknown")
        special = validate.choice(
            errors,
            "special_goods",
            lab["special_goods"],
            get("special_goods") or SPECIAL_GOODS[0],
            SPECIAL_GOODS,
        )
        if category is not None:
            if special == "第三类医疗器械" and not category.restricted:
                errors.add(
                    "category",
                    "第三类医疗器械只能发布在平台指定的六个类目（如 Health & Medical > Medical Devices），"
                    "发布在其他类目不论有无资质都会被处罚",
                    "medical_category",
                )
            elif category.restricted and not self.certificate_valid(category.certificate):
                errors.add(
                    "category",
                    f"“{category.text}”是限制销售类目：请先在 认证中心-证书管理 提交“{category.certificate}”，"
                    "审核通过后才能发布",
                    "certificate",
                )

        # Title and keywords.
        title = None
        raw_title = get("title")
        plain = validate.text(errors, "title", "标题", raw_title, max_len=100_000)
        if plain is not None:
            report = title_report(plain)
            if report.errors:
                errors.add("title", "；".join(report.errors), "title")
            else:
                title = plain
                warnings += report.warnings
        keywords = self._keywords(errors, get("keywords"))

        # Attributes of the category: required ones starred.
        attributes: dict[str, str | list[str]] = {}
        required, optional = categories.attribute_keys(category) if category else ((), ())
        for key, attr in categories.ATTRIBUTES.items():
            value = get(key)
            if category is not None and key not in required + optional:
                if value not in (None, "", [], ()):
                    errors.add(
                        key, f"“{category.text}”类目没有“{attr.label}”这个属性，请清空", "not_applicable"
                    )
                continue
            if attr.options:
                chosen = validate.choices(
                    errors, key, attr.label, value or [], attr.options, min_n=1 if key in required else 0
                )
                if chosen:
                    attributes[key] = list(chosen)
            else:
                text = _english_text(
                    errors, key, attr.label, value, required=key in required, max_len=rules.ATTRIBUTE_MAX
                )
                if text is not None:
                    attributes[key] = text
        if category is not None:
            missing = [categories.ATTRIBUTES[k].label for k in optional if k not in attributes]
            if missing:
                warnings.append(f"属性越完整越容易被买家搜到，还可以填写：{'、'.join(missing)}")

        description = _english_text(
            errors,
            "description",
            lab["description"],
            get("description"),
            multiline=True,
            max_len=rules.DESCRIPTION_MAX,
        )
        if description is not None and len(description) < 50:
            warnings.append("详细描述太短，建议写清规格、材质、尺寸、包装和用途，并配上图片")

        # Prices.
        price_mode = validate.choice(errors, "price_mode", lab["price_mode"], get("price_mode"), PRICE_MODES)
        if rts and price_mode == PRICE_MODE_RANGE:
            errors.add("price_mode", "Ready to Ship 产品只能按数量设置阶梯价格（买家直接下单）", "rts_ladder")
        unit = validate.choice(errors, "unit", lab["unit"], _canonical(get("unit"), UNITS), UNITS)
        tiers = price_min = price_max = moq = None
        if price_mode == PRICE_MODE_LADDER:
            tiers = self._price_tiers(errors, get("price_tiers"))
            if get("price_range") not in (None, "", [], ()):
                errors.add("price_range", "已选择阶梯价格，请清空价格区间", "not_applicable")
        elif price_mode == PRICE_MODE_RANGE:
            if get("price_tiers") not in (None, "", [], ()):
                errors.add("price_tiers", "已选择价格区间，请清空阶梯价格", "not_applicable")
            price_min, price_max = self._price_range(errors, get("price_range"))
            moq = validate.integer(errors, "moq", lab["moq"], get("moq"), min_value=1, max_value=_MAX_QTY)
        sell_by = lot_size = stock = None
        if rts:
            sell_by = validate.choice(
                errors, "sell_by", lab["sell_by"], get("sell_by") or SELL_BY[0], SELL_BY
            )
            if sell_by == "按批卖":
                lot_size = validate.integer(
                    errors, "lot_size", lab["lot_size"], get("lot_size"), min_value=2, max_value=_MAX_QTY
                )
            elif get("lot_size") not in (None, ""):
                errors.add("lot_size", "按件卖时不需要填写每批数量，请清空", "not_applicable")
            stock = validate.integer(
                errors, "stock", lab["stock"], get("stock"), min_value=1, max_value=_MAX_QTY
            )
            if stock is not None and tiers and stock < tiers[0].min_qty:
                errors.add(
                    "stock", f"可售数量（{stock}）不能少于最小起订量（{tiers[0].min_qty}）", "stock_moq"
                )
        sku = validate.text(
            errors, "sku_code", lab["sku_code"], get("sku_code"), required=False, max_len=rules.SKU_CODE_MAX,
            allowed=_SKU_CHARS, allowed_desc="英文字母、数字、- 和 _",
        )  # fmt: skip

        # Delivery: lead time tiers (RTS ships within 15 days, L1927).
        lead = self._lead_time(errors, get("lead_time"), rts)

        # Trade and logistics.
        payments = validate.choices(
            errors, "payment_methods", lab["payment_methods"], get("payment_methods") or [], PAYMENT_METHODS,
            min_n=1 if custom else 0,
        )  # fmt: skip
        shipping = validate.choice(
            errors,
            "shipping_mode",
            lab["shipping_mode"],
            get("shipping_mode"),
            SHIPPING_MODES,
            required=custom,
        )
        if rts and shipping == NEGOTIATED:
            # L5006: negotiated shipping shows no freight, so it is not Ready to Ship (no line numbers for students).
            errors.add(
                "shipping_mode",
                "协商物流没有明确的运费，不符合 Ready to Ship 标准，请用运费模板",
                "negotiated",
            )
        elif rts and shipping not in (None, RTS_SHIPPING_MODE):
            errors.add(
                "shipping_mode",
                "Ready to Ship 产品的运费模板只支持快递，不能选海运、空运或陆运",
                "rts_express",
            )
        port = None
        if custom:
            port = validate.text(
                errors, "port", lab["port"], get("port"), required=shipping in ("海运", "空运"), max_len=50,
                allowed=_PORT_CHARS, allowed_desc="英文字母、数字、空格和 . , ' ( ) -",
            )  # fmt: skip
        supply = self._supply(errors, get("supply_ability"), unit, required=custom)
        samples = self._samples(errors, get("samples"))
        customization = validate.choices(
            errors,
            "customization",
            lab["customization"],
            get("customization") or [],
            rules.CUSTOMIZATION_SERVICES,
        )
        others = validate.choices(
            errors, "other_services", lab["other_services"], get("other_services") or [], rules.OTHER_SERVICES
        )
        package = self._package(errors, get("package_cm"))
        weight = validate.decimal(
            errors,
            "weight_kg",
            lab["weight_kg"],
            get("weight_kg"),
            min_value=0.001,
            max_value=10_000,
            places=3,
        )
        logistics = validate.choice(
            errors,
            "logistics_attribute",
            lab["logistics_attribute"],
            get("logistics_attribute"),
            LOGISTICS_ATTRIBUTES,
        )
        templates = freight_templates(self.backend)
        template = validate.choice(
            errors,
            "freight_template",
            lab["freight_template"],
            get("freight_template"),
            tuple(templates),
            required=rts,
        )
        if rts and template is not None and templates.get(template) == NEGOTIATED:
            errors.add(  # L5006
                "freight_template", "这个运费模板是协商物流，不符合 Ready to Ship 标准", "negotiated"
            )

        images, image_advice = check_images(
            errors, "images", get("images"), old.images if old else None, self.backend.state.image_bank
        )
        warnings += image_advice
        bank = list(getattr(self.backend.state, "videos", None) or [])
        video, video_advice = check_video(errors, "video", get("video"), bank, old.video if old else None)
        warnings += video_advice
        if images and video is None and not errors:
            warnings.append(
                "没有主图视频：视频流量约是图片的 1.5 倍，建议从视频银行选一个 20–45 秒的横屏视频"
            )
        packaging = validate.text(
            errors,
            "packaging",
            lab["packaging"],
            get("packaging"),
            required=False,
            max_len=rules.PACKAGING_MAX,
        )
        custom_attrs = self._custom_attributes(errors, get("custom_attributes"))
        custom_name = validate.text(
            errors, "custom_customization", lab["custom_customization"], get("custom_customization"),
            required=False, max_len=rules.CUSTOM_CUSTOMIZATION_NAME_MAX,
        )  # fmt: skip
        moq_by = self._customization_moq(
            errors,
            get("customization_moq"),
            [*(customization or []), *([custom_name] if custom_name else [])],
        )
        detail, detail_advice = check_detail_video(
            errors, get("detail_video"), bank, old, self.backend.state.products
        )
        warnings += detail_advice
        errors.raise_if_any()

        product = Product(
            id=0,
            title=title,
            product_type=ptype,
            category=category.text,
            keywords=keywords,
            attributes=attributes,
            description=description,
            price_mode=price_mode,
            sell_by=sell_by or "按件卖",
            lot_size=lot_size,
            unit=unit,
            price_tiers=tiers or [],
            price_min_usd=price_min,
            price_max_usd=price_max,
            moq=moq,
            stock=stock,
            sku_code=sku or "",
            lead_time=lead,
            payment_methods=list(payments or []),
            shipping_mode=shipping or "",
            port=port or "",
            supply_ability=supply,
            samples=samples,
            customization=list(customization or []),
            other_services=list(others or []),
            package_cm=package,
            weight_kg=float(weight),
            logistics_attribute=logistics,
            freight_template=template or "",
            images=images,
            video=video,
            packaging=packaging or "",
            custom_attributes=custom_attrs,
            customization_moq=moq_by,
            custom_customization=custom_name or "",
            detail_video=detail,
            special_goods=special,
            published_on=self.backend.today(),
            owner="admin",  # new products belong to the admin (L1290)
        )
        return product, warnings

    def _custom_attributes(self, errors: FieldErrors, value: Any) -> dict[str, str]:
        """自定义属性 (L1877, L1919): name → value pairs, given as a dict or as "名称: 值" lines."""
        lab = PRODUCT_LABELS["custom_attributes"]
        if value in (None, "", {}, [], ()):
            return {}
        if isinstance(value, str):
            rows = [line for line in value.splitlines() if line.strip()]
            pairs = []
            for n, line in enumerate(rows, 1):
                sep = ":" if ":" in line else "：" if "：" in line else None
                if sep is None:
                    errors.add(
                        "custom_attributes", f"{lab}第 {n} 行应写成“名称: 值”（当前“{line[:20]}”）", "format"
                    )
                    return {}
                pairs.append(tuple(part.strip() for part in line.split(sep, 1)))
        elif isinstance(value, dict):
            pairs = list(value.items())
        else:
            errors.add("custom_attributes", f"{lab}应为“名称: 值”的几行文字", "type")
            return {}
        if len(pairs) > rules.CUSTOM_ATTRIBUTES_MAX:
            errors.add(
                "custom_attributes",
                f"{lab}最多 {rules.CUSTOM_ATTRIBUTES_MAX} 条（当前 {len(pairs)} 条）",
                "max_n",
            )
            return {}
        out: dict[str, str] = {}
        for n, (name, val) in enumerate(pairs, 1):
            before = len(errors.errors)
            clean_name = validate.text(errors, "custom_attributes", f"{lab}第 {n} 条的名称", name, max_len=40)
            clean_val = validate.text(
                errors, "custom_attributes", f"{lab}第 {n} 条的值", val, max_len=rules.ATTRIBUTE_MAX
            )
            if len(errors.errors) > before:
                return {}
            if clean_name.lower() in {k.lower() for k in out}:
                errors.add("custom_attributes", f"{lab}“{clean_name}”重复了", "unique")
                return {}
            out[clean_name] = clean_val
        return out

    def _customization_moq(self, errors: FieldErrors, value: Any, services: list[str]) -> dict[str, int]:
        """最小定制量 per chosen customization (L1942-1946): {"LOGO定制": 100, …}."""
        lab = PRODUCT_LABELS["customization_moq"]
        if value in (None, "", {}):
            return {}
        if isinstance(value, str):  # the screen's box: one "LOGO定制: 100" per line
            rows, value = [line for line in value.splitlines() if line.strip()], {}
            for line in rows:
                sep = ":" if ":" in line else "：" if "：" in line else None
                if sep is None:
                    errors.add(
                        "customization_moq", f"{lab}每行应写成“定制服务: 数量”（当前“{line[:20]}”）", "format"
                    )
                    return {}
                name, qty = (part.strip() for part in line.split(sep, 1))
                value[name] = qty
        if not isinstance(value, dict):
            errors.add("customization_moq", f"{lab}应为“定制服务 → 数量”", "type")
            return {}
        out: dict[str, int] = {}
        for name, qty in value.items():
            if qty in (None, ""):
                continue
            if name not in services:
                errors.add(
                    "customization_moq",
                    f"{lab}：“{str(name)[:20]}”不是已选择的定制服务，请先勾选它",
                    "choice",
                )
                return {}
            number = validate.integer(
                errors, "customization_moq", f"{name}的{lab}", qty, min_value=1, max_value=_MAX_QTY
            )
            if number is None:
                return {}
            out[name] = number
        return out

    def _keywords(self, errors: FieldErrors, value: Any) -> list[str] | None:
        label = PRODUCT_LABELS["keywords"]
        if value is None or value == "":
            value = []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            errors.add("keywords", f"{label}应为 1–3 个词", "type")
            return None
        words = []
        for i, raw in enumerate(value, 1):
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            sub = FieldErrors()
            word = validate.text(sub, "keywords", f"第 {i} 个关键词", raw, max_len=100_000)
            if sub:
                errors.add("keywords", sub.errors[0].message, sub.errors[0].rule)
                return None
            problems = keyword_problems(word)
            if problems:
                errors.add("keywords", f"第 {i} 个关键词：" + "；".join(problems), "keyword")
                return None
            words.append(word)
        if len(words) < rules.KEYWORDS_MIN:
            errors.add("keywords", "请至少填写一个产品关键词", "required")
            return None
        if len(words) > rules.KEYWORDS_MAX:
            errors.add("keywords", f"产品关键词最多 {rules.KEYWORDS_MAX} 个（当前 {len(words)}）", "max_n")
            return None
        folded = [re.sub(r"\s+", " ", w).casefold() for w in words]
        if len(set(folded)) < len(folded):
            errors.add("keywords", "产品关键词不能重复填写", "unique")
            return None
        return words

    def _price_tiers(self, errors: FieldErrors, value: Any) -> list[PriceTier] | None:
        label = PRODUCT_LABELS["price_tiers"]
        rows = _pairs(errors, "price_tiers", label, value)
        if rows is None:
            return None
        if not rows:
            errors.add("price_tiers", "请至少设置一档价格（最小起订量和 FOB 单价）", "required")
            return None
        ladder = validate.price_ladder(
            errors, "price_tiers", label, rows, max_n=rules.PRICE_TIERS_MAX, qty_name="起订量",
            max_qty=_MAX_QTY, max_price=_MAX_PRICE,
        )  # fmt: skip
        if ladder is None:
            return None
        return [PriceTier(min_qty=q, price_usd=price) for q, price in ladder]

    def _price_range(self, errors: FieldErrors, value: Any) -> tuple[float | None, float | None]:
        label = PRODUCT_LABELS["price_range"]
        if value in (None, "", [], ()):
            errors.add("price_range", "请填写价格区间（最低价和最高价，USD）", "required")
            return None, None
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)) or len(value) != 2:
            errors.add("price_range", f"{label}应为两个数：最低价和最高价", "type")
            return None, None
        sub = FieldErrors()
        lo = validate.decimal(sub, "price_range", "最低价", value[0], min_value=0.01, max_value=_MAX_PRICE)
        hi = validate.decimal(sub, "price_range", "最高价", value[1], min_value=0.01, max_value=_MAX_PRICE)
        if sub:
            errors.add("price_range", "；".join(e.message for e in sub.errors), "number")
            return None, None
        if lo > hi:
            errors.add("price_range", f"最低价（{lo}）不能高于最高价（{hi}）", "range")
            return None, None
        return float(lo), float(hi)

    def _lead_time(self, errors: FieldErrors, value: Any, rts: bool) -> list[LeadTime] | None:
        label = PRODUCT_LABELS["lead_time"]
        rows = _pairs(errors, "lead_time", label, value)
        if rows is None:
            return None
        if not rows:
            errors.add("lead_time", "请填写发货期：多少数量以内、几天发货", "required")
            return None
        if len(rows) > rules.LEAD_TIME_TIERS_MAX:
            errors.add(
                "lead_time",
                f"发货期最多设置 {rules.LEAD_TIME_TIERS_MAX} 个数量范围（当前 {len(rows)}）",
                "max_n",
            )
            return None
        out: list[LeadTime] = []
        for i, (qty, days) in enumerate(rows, 1):
            sub = FieldErrors()
            q = validate.integer(
                sub, "lead_time", f"第 {i} 个范围的数量", qty, min_value=1, max_value=_MAX_QTY
            )
            d = validate.integer(
                sub, "lead_time", f"第 {i} 个范围的天数", days, min_value=1, max_value=_MAX_DAYS
            )
            if sub:
                errors.add("lead_time", "；".join(e.message for e in sub.errors), "number")
                return None
            out.append(LeadTime(max_qty=q, days=d))
        for a, b in zip(out, out[1:], strict=False):
            if b.max_qty <= a.max_qty or b.days < a.days:
                errors.add("lead_time", "数量范围要逐个增加，发货天数不能比上一个范围少", "tier_order")
                return None
        if rts:
            late = [t for t in out if t.days > rules.RTS_MAX_LEAD_DAYS]
            if late:
                errors.add(
                    "lead_time",
                    f"Ready to Ship 产品必须在 {rules.RTS_MAX_LEAD_DAYS} 天内发货（当前 {late[0].days} 天）",
                    "rts_days",
                )
                return None
        return out

    def _supply(
        self, errors: FieldErrors, value: Any, unit: str | None, required: bool
    ) -> SupplyAbility | None:
        label = PRODUCT_LABELS["supply_ability"]
        if value in (None, "", [], (), {}):
            if required:
                errors.add("supply_ability", "请填写供货能力：数量和周期（如 1000 / 周）", "required")
            return None
        if isinstance(value, dict):
            value = (value.get("quantity"), value.get("period"))
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)) or len(value) != 2:
            errors.add("supply_ability", f"{label}应为数量和周期两项", "type")
            return None
        qty, period = value
        if (qty in (None, "") or (isinstance(qty, str) and not qty.strip())) and period in (None, ""):
            if required:
                errors.add("supply_ability", "请填写供货能力：数量和周期（如 1000 / 周）", "required")
            return None
        sub = FieldErrors()
        q = validate.integer(sub, "supply_ability", "供货数量", qty, min_value=1, max_value=_MAX_QTY)
        p = validate.choice(sub, "supply_ability", "供货周期", period, SUPPLY_PERIODS)
        if sub:
            errors.add("supply_ability", "；".join(e.message for e in sub.errors), "supply")
            return None
        return SupplyAbility(quantity=q, unit=unit or "", period=p)

    def _samples(self, errors: FieldErrors, value: Any) -> Samples:
        if value in (None, False, "", "不支持"):
            return Samples()
        if value is True:
            value = {"supported": True}
        if not isinstance(value, dict):
            errors.add("samples", "样品服务应为：不支持，或 支持 + 单次最多数量 + 样品单价", "type")
            return Samples()
        if not value.get("supported"):
            if value.get("max_qty") not in (None, "") or value.get("price_usd") not in (None, ""):
                errors.add("samples", "不支持样品时，请清空样品数量和单价", "not_applicable")
            return Samples()
        sub = FieldErrors()
        q = validate.integer(
            sub, "samples", "单次最多索样数量", value.get("max_qty"), min_value=1, max_value=10_000
        )
        p = validate.decimal(
            sub, "samples", "样品单价", value.get("price_usd"), min_value=0.01, max_value=_MAX_PRICE
        )
        if sub:
            errors.add("samples", "；".join(e.message for e in sub.errors), "samples")
            return Samples()
        return Samples(supported=True, max_qty=q, price_usd=float(p))

    def _package(self, errors: FieldErrors, value: Any) -> tuple[float, float, float] | None:
        label = PRODUCT_LABELS["package_cm"]
        if value in (None, "", [], ()):
            errors.add("package_cm", "请填写包装尺寸：长、宽、高（cm）", "required")
            return None
        if isinstance(value, str):
            value = re.split(r"\s*[*×xX,，]\s*", value.strip().removesuffix("cm").strip())
        if not isinstance(value, (list, tuple)) or len(value) != 3:
            errors.add("package_cm", f"{label}应为长、宽、高三个数（cm）", "type")
            return None
        sub = FieldErrors()
        dims = [
            validate.decimal(sub, "package_cm", name, v, min_value=0.1, max_value=1000, places=1)
            for name, v in zip(("长", "宽", "高"), value, strict=True)
        ]
        if sub:
            errors.add("package_cm", "；".join(e.message for e in sub.errors), "number")
            return None
        return tuple(float(d) for d in dims)  # type: ignore[return-value]

    def _duplicate_of(self, product: Product, exclude: int | None) -> Product | None:
        for other in self.backend.state.products:
            if other.id != exclude and is_duplicate(product, other):
                return other
        return None

    # --- upkeep --------------------------------------------------------------------------------------
    def set_status(self, product_id: Any, status: str) -> None:
        """上架 / 下架 (published / taken offline)."""
        require(self.backend, "product.manage")
        product = self.get(product_id)
        if status not in (STATUS_PUBLISHED, STATUS_OFFLINE):
            raise SimError(f"产品状态只能是：{STATUS_PUBLISHED}、{STATUS_OFFLINE}")
        if status == STATUS_PUBLISHED and title_report(product.title).errors:
            raise SimError(f"产品 {product.id} 的标题违规，请先编辑修改标题再上架")
        with self.backend.transaction("product.status", f"id={product.id} {status}") as work:
            for p in work.products:
                if p.id == product.id:
                    p.status = status

    def delete(self, product_id: Any) -> None:
        """删除 a product (e.g. the extra copy of a duplicate listing)."""
        require(self.backend, "product.manage")
        product = self.get(product_id)
        with self.backend.transaction("product.delete", f"id={product.id}") as work:
            work.products = [p for p in work.products if p.id != product.id]

    def assign(self, product_id: Any, owner: str) -> None:
        """Give a product to the admin, a 业务员 or a 业务经理 (never a 制作员, RULES.md)."""
        require(self.backend, "product.manage")
        product = self.get(product_id)
        if owner != "admin":
            sub = next((s for s in getattr(self.backend.state, "sub_accounts", []) if s.id == owner), None)
            if sub is None:
                raise SimError(f"没有这个子账号：{str(owner)[:20]}")
            if sub.role == rules.ROLE_MAKER:
                raise SimError("产品不能分配给制作员，只能分配给业务员、业务经理或管理员")
        with self.backend.transaction("product.assign", f"id={product.id} owner={owner}") as work:
            for p in work.products:
                if p.id == product.id:
                    p.owner = owner

    def submit_certificate(self, values: dict[str, Any]) -> list[str]:
        """认证中心-证书管理: upload a regulatory licence (the simulator's review passes it at once)."""
        require(self.backend, "product.certified")
        errors = FieldErrors()
        kind = validate.choice(
            errors, "kind", "证书类型", values.get("kind"), (rules.MEDICAL_III_CERTIFICATE,)
        )
        number = validate.text(
            errors, "number", "证书编号", values.get("number"), max_len=40,
            allowed=validate.CJK + r"A-Za-z0-9\-", allowed_desc="中文、英文字母、数字和 -",
        )  # fmt: skip
        holder = validate.text(errors, "holder", "持证企业", values.get("holder"), max_len=100)
        account = self.backend.state.account
        if holder and account and holder != account.company_name:
            errors.add("holder", f"持证企业应与本店铺的公司名称一致（{account.company_name}）", "holder")
        today = self.backend.today()
        valid_until = validate.date(
            errors, "valid_until", "有效期至", values.get("valid_until"),
            not_before=today, not_before_desc=f"今天（{today}）",
        )  # fmt: skip
        errors.raise_if_any()
        with self.backend.transaction("product.certificate", f"{kind} {number}") as work:
            work.certificates.append(
                Certificate(
                    kind=kind, number=number, holder=holder, valid_until=valid_until, submitted_on=work.today
                )
            )
        return ["证书已提交，模拟器中审核立即通过，现在可以在对应的限制类目发布产品"]
