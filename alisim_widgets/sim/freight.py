"""交易管理 › 运费模板 (L4909-5060, task 08.2.3): templates, their service lines, the five pricing types,
承诺达, and a preview of the freight of a product's minimum order quantity from simulated rate cards.

A template holds one goods type and ships by express only (RTS). Each service line names a carrier, how the
parcel is handed over (仓到门 from a warehouse, or 门到门 from the seller's postcode), the countries it
serves and how the freight is priced. Every error of a line is reported under ``services`` with its number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .scenarios.trade_data import CARRIERS, COUNTRY_ZONES, WAREHOUSES
from .trade import money
from .trade_models import FreightService, FreightTemplate

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "FreightArea",
    "PreviewRow",
    "FREIGHT_LABELS",
    "SERVICE_LABELS",
    "SERVICES",
    "COUNTRIES",
    "COUNTRY_ZONES",
    "WAREHOUSE_NAMES",
    "moq_of",
    "chargeable_kg",
    "list_price",
    "norm_country",
    "norm_service",
]

FREIGHT_LABELS: dict[str, str] = {
    "name": "模板名称",
    "origin": "发货地",
    "origin_postcode": "发货地邮编",
    "method": "物流支持方式",
    "goods": "公司经营商品",
    "logistics": "物流选择",
    "destination": "发往的国家",
    "services": "运费详情（服务类型）",
}
SERVICE_LABELS: dict[str, str] = {
    "service": "服务类型",
    "delivery": "发货方式",
    "warehouse": "发货仓库",
    "warehouse_postcode": "发货邮编",
    "countries": "发往国家和地区",
    "pricing": "运费类型",
    "rate_pct": "运费调整比例（%）",
    "first_kg_usd": "首重 1 kg 运费（USD）",
    "extra_kg_usd": "续重每 kg 运费（USD）",
    "per_unit_usd": "每件运费（USD）",
    "on_time": "承诺达（On-time Delivery）",
}
SERVICES = tuple(CARRIERS)
COUNTRIES = tuple(COUNTRY_ZONES)
WAREHOUSE_NAMES = tuple(WAREHOUSES)
_ZONES = tuple(dict.fromkeys(COUNTRY_ZONES.values()))
# Lines only for their own goods (simulator): the cosmetics and e-cigarette lines.
_GOODS_LINES = {"全球化妆品专线": "化妆品", "全球电子烟专线": "电子烟"}
_LIGHT_LINES = ("无忧专线-标准", "Alibaba.com Standard")  # 单包裹上限 20 kg (L5018, L5025-5026)


def norm_service(value: str) -> str:
    """全球 3C&普货专线 (L5051) and 全球3C&普货专线 are the same line: spaces inside Chinese names are dropped."""
    squeezed = "".join(value.split())
    for name in SERVICES:
        if "".join(name.split()).casefold() == squeezed.casefold():
            return name
    return value.strip()


def norm_country(value: str) -> str:
    """ "欧洲 France" (as the task prints it) → "France"."""
    text = value.strip()
    for zone in _ZONES:
        if text.startswith(zone):
            text = text[len(zone) :].strip(" -—:：")
    for name in COUNTRIES:
        if name.casefold() == text.casefold():
            return name
    return text


# --- reading a product ---------------------------------------------------------------------------
def moq_of(product: Any) -> int:
    """The product's minimum order quantity: the first ladder tier, or its MOQ."""
    if getattr(product, "price_tiers", None):
        return min(t.min_qty for t in product.price_tiers)
    return int(getattr(product, "moq", None) or 1)


def chargeable_kg(product: Any, quantity: int) -> float:
    """Billed weight of ``quantity`` units: the larger of real and volumetric weight, up to the next 0.5 kg."""
    unit = float(product.weight_kg or 0)
    if product.package_cm:
        length, width, height = product.package_cm
        unit = max(unit, length * width * height / rules.FREIGHT_VOLUMETRIC_DIVISOR)
    return math.ceil(unit * quantity * 2) / 2


def list_price(service: str, country: str, kg: float) -> Decimal:
    """The platform's price (rate card, simulated) for ``kg`` to ``country``: first 0.5 kg + each further 0.5."""
    first, extra = CARRIERS[service]["card"][COUNTRY_ZONES[country]]
    halves = max(1, math.ceil(kg * 2))
    return money(Decimal(str(first)) + Decimal(str(extra)) * (halves - 1))


@dataclass(frozen=True)
class PreviewRow:
    """One line of the preview: the freight of the MOQ by one service to one country (or why it is hidden)."""

    service: str
    country: str
    kg: float
    freight_usd: Decimal | None  # None: this service is not shown for this order
    note: str = ""
    compensation_usd: Decimal | None = None  # 承诺达: what a late parcel earns the buyer (≤ 50 USD)


# --- the area ------------------------------------------------------------------------------------
class FreightArea:
    """运费模板 of the store."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def templates(self) -> list[FreightTemplate]:
        return list(self.backend.state.trade.freight_templates)

    def template(self, name: Any) -> FreightTemplate:
        for t in self.backend.state.trade.freight_templates:
            if t.name == str(name).strip():
                return t
        raise SimError(f"没有名为“{str(name)[:40]}”的运费模板")

    def save_template(self, values: dict[str, Any]) -> list[str]:
        """「保存」: check every field and every service line at once; a template of the same name is replaced."""
        unknown = set(values) - set(FREIGHT_LABELS)
        if unknown:
            raise SimError(f"运费模板表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        lab, get = FREIGHT_LABELS, values.get
        errors, advice = FieldErrors(), []
        name = validate.text(errors, "name", lab["name"], get("name"), max_len=50)
        origin = validate.choice(errors, "origin", lab["origin"], get("origin"), rules.FREIGHT_ORIGINS)
        postcode = validate.digits(errors, "origin_postcode", lab["origin_postcode"], get("origin_postcode"),
                                   lengths=(6,))  # fmt: skip
        method = validate.choice(errors, "method", lab["method"], get("method"), rules.FREIGHT_METHODS)
        if method and method != rules.FREIGHT_TEMPLATE_METHOD:
            errors.add("method", f"运费模板目前只支持快递（RTS 商品），暂不支持{method}", "express_only")
        goods = validate.choice(errors, "goods", lab["goods"], get("goods"), rules.FREIGHT_GOODS_TYPES)
        logistics = validate.choice(
            errors, "logistics", lab["logistics"], get("logistics"), rules.FREIGHT_LOGISTICS
        )
        destination = validate.text(errors, "destination", lab["destination"], get("destination"), max_len=60)
        if destination:
            destination = norm_country(destination)
            if destination not in COUNTRIES:
                errors.add("destination", f"{lab['destination']}只能从列表里选择（没有“{destination[:30]}”）",
                           "choice")  # fmt: skip
                destination = None
        services = self._services(errors, get("services"), goods, advice)
        if destination and services and not any(destination in s.countries for s in services):
            errors.add("destination", f"{destination} 不在任何一个服务类型的发往国家和地区里", "not_served")
        errors.raise_if_any()
        template = FreightTemplate(
            name=name, origin=origin, origin_postcode=postcode, method=method, goods=goods,
            logistics=logistics, destination=destination, services=services, saved_on=self.backend.today(),
            owner=self.backend.state.acting_as,
        )  # fmt: skip
        replaced = any(t.name == name for t in self.backend.state.trade.freight_templates)
        if replaced:
            advice.append(f"已有同名模板“{name}”，这次保存替换了它")
        with self.backend.transaction("freight.save_template", name) as work:
            others = [t for t in work.trade.freight_templates if t.name != name]
            work.trade.freight_templates = [*others, template]
        return advice

    def delete_template(self, name: Any) -> None:
        template = self.template(name)
        with self.backend.transaction("freight.delete_template", template.name) as work:
            work.trade.freight_templates = [
                t for t in work.trade.freight_templates if t.name != template.name
            ]

    # service lines
    def _services(self, errors: FieldErrors, value: Any, goods: str | None, advice: list[str]):
        label = FREIGHT_LABELS["services"]
        if value in (None, "", [], ()):
            errors.add("services", f"请至少添加一个{SERVICE_LABELS['service']}", "required")
            return []
        if isinstance(value, (str, bytes, dict)) or not isinstance(value, (list, tuple)):
            errors.add("services", f"{label}应为一组服务类型（每行一个）", "type")
            return []
        if len(value) > rules.FREIGHT_SERVICES_MAX:
            errors.add(
                "services", f"服务类型最多 {rules.FREIGHT_SERVICES_MAX} 个（当前 {len(value)}）", "max_n"
            )
            return []
        out: list[FreightService] = []
        for n, row in enumerate(value, start=1):
            line = self._service(errors, n, row, goods, advice)
            if line is not None:
                if any(s.service == line.service for s in out):
                    errors.add("services", f"服务类型 {n}：{line.service} 已经添加过了", "unique")
                    continue
                out.append(line)
        return out

    def _service(self, errors: FieldErrors, n: int, row: Any, goods: str | None, advice: list[str]):
        if not isinstance(row, dict):
            errors.add("services", f"服务类型 {n}：应为一行服务设置", "type")
            return None
        unknown = set(row) - set(SERVICE_LABELS)
        if unknown:
            errors.add(
                "services", f"服务类型 {n}：没有这些设置项 {', '.join(sorted(map(str, unknown)))}", "type"
            )
            return None
        lab, get = SERVICE_LABELS, row.get
        mine = FieldErrors()  # this line's errors, prefixed with its number when copied over
        service = validate.text(mine, "service", lab["service"], get("service"), max_len=60)
        if service:
            service = norm_service(service)
            if service not in SERVICES:
                mine.add("service", f"{lab['service']}只能从平台方案里选择（没有“{service[:30]}”）", "choice")
                service = None
        if service in _GOODS_LINES and goods and goods != _GOODS_LINES[service]:
            mine.add("service", f"{service} 只承运{_GOODS_LINES[service]}，不能用于{goods}", "goods")
        delivery = validate.choice(mine, "delivery", lab["delivery"], get("delivery"), rules.FREIGHT_DELIVERY)
        warehouse = validate.optional_text(mine, "warehouse", lab["warehouse"], get("warehouse"), max_len=40)
        postcode = validate.digits(mine, "warehouse_postcode", lab["warehouse_postcode"],
                                   get("warehouse_postcode"), lengths=(6,))  # fmt: skip
        if delivery == "仓到门":
            if not warehouse:
                mine.add("warehouse", "仓到门方案需要选择发货仓库", "required")
            elif warehouse not in WAREHOUSES:
                mine.add(
                    "warehouse", f"{lab['warehouse']}只能从列表里选择（没有“{warehouse[:30]}”）", "choice"
                )
            elif postcode and postcode != WAREHOUSES[warehouse]:
                advice.append(
                    f"服务类型 {n}：{warehouse} 的邮编是 {WAREHOUSES[warehouse]}（填写的是 {postcode}）"
                )
        elif delivery == "门到门" and warehouse:
            mine.add("warehouse", "门到门方案从你自己的发货地揽收，不选仓库", "door")
        countries = self._countries(mine, get("countries"), service)
        pricing = validate.choice(
            mine,
            "pricing",
            lab["pricing"],
            get("pricing") or rules.FREIGHT_ALI_PRICE,
            rules.FREIGHT_PRICING_TYPES,
        )
        if pricing == rules.FREIGHT_NEGOTIATED:
            mine.add(
                "pricing", "协商物流没有明确的运费展示，不符合 Ready to Ship 标准，运费模板不能使用", "rts"
            )
        rate = validate.decimal(mine, "rate_pct", lab["rate_pct"], get("rate_pct"), required=False,
                                min_value=1, max_value=rules.FREIGHT_RATE_PCT_MAX, places=0)  # fmt: skip
        rate = rate if rate is not None else Decimal(rules.FREIGHT_DEFAULT_RATE_PCT)
        first = extra = per_unit = None
        if pricing == "按重量":
            first = validate.decimal(
                mine, "first_kg_usd", lab["first_kg_usd"], get("first_kg_usd"), min_value=0
            )
            extra = validate.decimal(
                mine, "extra_kg_usd", lab["extra_kg_usd"], get("extra_kg_usd"), min_value=0
            )
        elif pricing == "按数量":
            per_unit = validate.decimal(
                mine, "per_unit_usd", lab["per_unit_usd"], get("per_unit_usd"), min_value=0
            )
        on_time = get("on_time")
        if on_time in (None, ""):
            on_time = False
        elif not isinstance(on_time, bool):
            mine.add("on_time", f"{lab['on_time']}应为勾选或不勾选（是 / 否）", "type")
            on_time = False
        if on_time:
            if service and service not in rules.ON_TIME_LINES:
                mine.add("on_time", f"{service} 不支持承诺达：只有 {'、'.join(rules.ON_TIME_LINES)} 这六条线支持",
                         "on_time_line")  # fmt: skip
            if pricing and pricing != rules.FREIGHT_ALI_PRICE:
                mine.add(
                    "on_time",
                    f"承诺达要求运费类型为{rules.FREIGHT_ALI_PRICE}（当前 {pricing}）",
                    "on_time_pricing",
                )
            if rate > Decimal(str(rules.ON_TIME_MAX_RATE * 100)):
                mine.add("on_time", f"承诺达要求调价率不超过 {rules.ON_TIME_MAX_RATE:.0%}（当前 {rate}%）",
                         "on_time_rate")  # fmt: skip
        for e in mine.errors:
            errors.add("services", f"服务类型 {n}：{e.message}", e.rule)
        if mine:
            return None
        return FreightService(
            service=service, delivery=delivery, warehouse=warehouse if delivery == "仓到门" else "",
            warehouse_postcode=postcode, countries=countries, pricing=pricing, rate_pct=float(rate),
            first_kg_usd=float(first) if first is not None else None,
            extra_kg_usd=float(extra) if extra is not None else None,
            per_unit_usd=float(per_unit) if per_unit is not None else None, on_time=on_time,
        )  # fmt: skip

    @staticmethod
    def _countries(errors: FieldErrors, value: Any, service: str | None) -> list[str]:
        label = SERVICE_LABELS["countries"]
        if value in (None, "", [], ()):
            errors.add("countries", f"请选择{label}", "required")
            return []
        if isinstance(value, str) or not isinstance(value, (list, tuple, set)):
            errors.add("countries", f"{label}应为一组国家", "type")
            return []
        out = []
        for item in value:
            country = norm_country(str(item))
            if country not in COUNTRIES:
                errors.add("countries", f"{label}里没有“{str(item)[:30]}”", "choice")
                return []
            if service and country not in CARRIERS[service]["countries"]:
                errors.add("countries", f"{service} 不派送到 {country}", "not_served")
                return []
            if country in out:
                errors.add("countries", f"{label}不能重复选择 {country}", "unique")
                return []
            out.append(country)
        return out

    # the preview
    def preview(self, template: Any, product: Any) -> list[PreviewRow]:
        """预览运费: the freight of ``product``'s minimum order quantity, in USD, per service and country.

        ``template`` is a saved template's name or a FreightTemplate; ``product`` an id or a title.
        """
        tpl = template if isinstance(template, FreightTemplate) else self.template(template)
        item = self._product(product)
        moq = moq_of(item)
        kg = chargeable_kg(item, moq)
        rows = []
        for s in tpl.services:
            for country in s.countries:
                rows.append(self._row(s, country, kg, moq))
        return rows

    def _product(self, value: Any) -> Any:
        for p in self.backend.state.products:
            if value == p.id or str(value).strip() == str(p.id) or str(value).strip() == p.title:
                return p
        raise SimError(f"店铺里没有这个产品：{str(value)[:40]}")

    @staticmethod
    def _row(s: FreightService, country: str, kg: float, moq: int) -> PreviewRow:
        if s.service in _LIGHT_LINES and kg > rules.WORRY_FREE_MAX_KG:
            return PreviewRow(s.service, country, kg, None,
                              f"最小起订量计费重 {kg:g} kg，超过单包裹上限 {rules.WORRY_FREE_MAX_KG} kg，不展示")  # fmt: skip
        if s.service == rules.HEAVY_LINE and kg <= rules.HEAVY_LINE_MIN_KG:
            return PreviewRow(s.service, country, kg, None,
                              f"{rules.HEAVY_LINE} {rules.HEAVY_LINE_MIN_KG} kg 以上才展示（当前 {kg:g} kg）")  # fmt: skip
        if s.pricing == rules.FREIGHT_FREE:
            freight, note = Decimal("0.00"), "卖家包邮"
        elif s.pricing == "按重量":
            extra_kg = max(0, math.ceil(kg) - 1)
            freight = money(Decimal(str(s.first_kg_usd)) + Decimal(str(s.extra_kg_usd)) * extra_kg)
            note = "按重量：首重 + 续重"
        elif s.pricing == "按数量":
            freight, note = money(Decimal(str(s.per_unit_usd)) * moq), f"按数量：{moq} 件"
        else:
            base = list_price(s.service, country, kg)
            freight = money(base * Decimal(str(s.rate_pct)) / 100)
            note = f"平台运费 {base} × 调价率 {s.rate_pct:g}%"
        compensation = None
        if s.on_time:
            compensation = min(freight, money(rules.ON_TIME_MAX_COMPENSATION_USD))
        return PreviewRow(s.service, country, kg, freight, note, compensation)
