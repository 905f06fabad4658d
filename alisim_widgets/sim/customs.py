"""出口服务: the customs-document tool (报关单证制作工具), task 10.1.4 (L5143-5306).

One submission of the tool checks every field at once (basic information, the goods table, the contract /
invoice / packing-list information) and, when nothing is refused, writes the document set — 报关草单, 合同,
商业发票, 装箱单 as PDF and one spreadsheet with the same four sheets — and saves the declaration.
The fees are written the customs way (:func:`fee_notation`, L5182-5186).
"""

from __future__ import annotations

import atexit
import datetime as dt
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .customs_models import CustomsDeclaration, CustomsGoods
from .customs_notation import FEE_KINDS, currency_code, currency_label, fee_notation, fee_text
from .customs_notation import plain as _plain
from .errors import FieldErrors, SimError

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "CustomsArea",
    "CUSTOMS_LABELS",
    "GOODS_LABELS",
    "FEE_KINDS",
    "DOCS_FOLDER",
    "fee_notation",
    "currency_code",
    "currency_label",
    "parse_date",
    "fee_text",
]

DOCS_FOLDER = "customs_docs"  # beside the notebook (the project folder)

CUSTOMS_LABELS: dict[str, str] = {
    # 基本信息 (L5255-5276)
    "domestic_shipper": "境内发货人",
    "exit_customs": "出境关别",
    "record_no": "备案号",
    "overseas_consignee": "境外收货人",
    "transport_mode": "运输方式",
    "vessel": "运输工具名称",
    "voyage_no": "航次号",
    "bill_of_lading": "提运单号",
    "producer_seller": "生产销售单位",
    "supervision_mode": "监管方式",
    "levy_nature": "征免性质",
    "license_no": "许可证号",
    "contract_no": "合同协议号",
    "trade_country": "贸易国（地区）",
    "arrival_country": "运抵国（地区）",
    "destination_port": "指运港",
    "exit_port": "离境口岸",
    "package_kind": "包装种类",
    "packages": "件数",
    "gross_kg": "毛重（千克）",
    "net_kg": "净重（千克）",
    "trade_terms": "成交方式",
    "freight": "运费",
    "freight_kind": "运费写法",
    "insurance": "保费",
    "insurance_kind": "保费写法",
    "misc": "杂费",
    "misc_kind": "杂费写法",
    "currency": "币制",
    "marks": "标记唛码",
    "special_relationship": "特殊关系确认",
    "price_influence": "价格影响确认",
    "royalties": "支付特许权使用费确认",
    # 商品信息 (L5280-5289)
    "goods": "商品信息",
    # 合同箱单发票相关信息 (L5293-5303)
    "shipper": "发货人",
    "shipper_address": "发货地址",
    "shipper_tel_fax": "发货人电话和传真",
    "consignee_address": "收货人地址",
    "consignee_tel_fax": "收货人电话和传真",
    "settlement": "结汇方式",
    "volume_cbm": "体积（CBM）",
    "ship_date": "预计发货日期",
    "contract_date": "合同日期",
    "packing_list_no": "箱单号",
    "packing_list_date": "箱单日期",
    "invoice_no": "发票号",
    "invoice_date": "发票日期",
}

GOODS_LABELS: dict[str, str] = {
    "hs_code": "商品编号（HS）",
    "goods_name": "商品名称及规格型号",
    "quantity": "数量",
    "unit": "法定单位",
    "gross_kg": "毛重（千克）",
    "net_kg": "净重（千克）",
    "unit_price": "单价",
    "total": "总价",
    "currency": "币制",
    "origin_country": "原产国（地区）",
    "destination_country": "最终目的国（地区）",
    "domestic_source": "境内货源地",
    "levy": "征免方式",
}

_FEES = ("freight", "insurance", "misc")
_FEE_NAMES = {"freight": "运费", "insurance": "保险费", "misc": "杂费"}

_TEXT_FIELDS: dict[str, tuple[bool, int]] = {  # key → (required, max length)
    "domestic_shipper": (True, 100),
    "exit_customs": (True, 30),
    "record_no": (False, 12),
    "overseas_consignee": (True, 100),
    "vessel": (False, 50),
    "voyage_no": (False, 32),
    "bill_of_lading": (False, 32),
    "producer_seller": (False, 100),
    "contract_no": (True, 32),
    "trade_country": (True, 30),
    "arrival_country": (True, 30),
    "destination_port": (True, 30),
    "exit_port": (True, 30),
    "marks": (True, 200),
    "shipper": (True, 100),
    "shipper_address": (True, 200),
    "consignee_address": (True, 200),
    "packing_list_no": (True, 32),
    "invoice_no": (True, 32),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "transport_mode": rules.CUSTOMS_TRANSPORT_MODES,
    "supervision_mode": rules.CUSTOMS_SUPERVISION_MODES,
    "levy_nature": rules.CUSTOMS_LEVY_NATURES,
    "package_kind": rules.CUSTOMS_PACKAGE_KINDS,
    "trade_terms": rules.CUSTOMS_TRADE_TERMS,
    "special_relationship": rules.CUSTOMS_YES_NO,
    "price_influence": rules.CUSTOMS_YES_NO,
    "royalties": rules.CUSTOMS_YES_NO,
    "settlement": rules.CUSTOMS_SETTLEMENTS,
}
_DATES = ("ship_date", "contract_date", "packing_list_date", "invoice_date")
_TEL = re.compile(r"^[0-9+\-()/ ]{5,40}$")
_NUMBER_ID = re.compile(r"^[A-Za-z0-9\-/]+$")
_DATE = re.compile(r"^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?$")


# --- field parsers ----------------------------------------------------------------------------
def parse_date(value: Any) -> dt.date | None:
    """2023-01-03, 2023.01.03, 2023/1/3 and 2023 年 1 月 20 日 (the textbook writes all of them)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def _date(errors: FieldErrors, key: str, label: str, value: Any) -> dt.date | None:
    if value in (None, ""):
        errors.add(key, f"请填写{label}", "required")
        return None
    day = parse_date(value)
    if day is None:
        errors.add(key, f"{label}格式应为 年-月-日，例如 2023-01-03", "date")
    return day


def _amount(
    errors: FieldErrors, key: str, label: str, value: Any, *, units: tuple[str, ...] = (), **kw: Any
) -> Decimal | None:
    """A number, with the unit the textbook prints after it allowed (30.5kg, 1CBM, 100 件)."""
    if isinstance(value, str):
        stripped = value.strip()
        for unit in units:
            if stripped.lower().endswith(unit.lower()):
                stripped = stripped[: -len(unit)].strip()
                break
        value = stripped
    return validate.decimal(errors, key, label, value, **kw)


def _tel(errors: FieldErrors, key: str, label: str, value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = validate.optional_text(errors, key, label, value, max_len=40)
    if text and not _TEL.match(text):
        errors.add(key, f"{label}只能包含数字、空格和 + - ( ) /", "charset")
        return ""
    return text


def _number_id(errors: FieldErrors, key: str, label: str, value: Any, required: bool, max_len: int) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = validate.text(errors, key, label, value, required=required, max_len=max_len) or ""
    if text and not _NUMBER_ID.match(text):
        errors.add(key, f"{label}只能包含英文字母、数字和 - /", "charset")
        return ""
    return text


def _temporary_folder() -> Path:
    """A folder for one in-memory store's documents, removed when the kernel ends (a public demo page
    runs for weeks, one kernel per visitor: their files must not pile up)."""
    folder = Path(tempfile.mkdtemp(prefix="alisim-customs-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


class CustomsArea:
    """The customs-document tool of one store."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def declarations(self) -> list[CustomsDeclaration]:
        return list(self.backend.state.customs)

    def latest(self) -> CustomsDeclaration | None:
        """The declaration made last (the one graded)."""
        items = self.backend.state.customs
        return items[-1] if items else None

    def folder(self) -> Path:
        """Where the documents go: ``customs_docs`` beside the notebook; a temporary folder for a store kept in
        memory (the demo, the teacher's source folder: nothing may be left there to be released)."""
        if self.backend.path is not None:
            return Path(self.backend.path).parent / DOCS_FOLDER
        return _temporary_folder()

    def files(self, declaration: CustomsDeclaration | None = None) -> list[Path]:
        """The document files of a declaration (the latest by default) that are still on disk."""
        declaration = declaration or self.latest()
        if declaration is None:
            return []
        folder = Path(declaration.folder)
        if not folder.is_absolute() and self.backend.path is not None:
            folder = Path(self.backend.path).parent / folder
        return [folder / name for name in declaration.files if (folder / name).exists()]

    # --- the tool's one submission ------------------------------------------------------------
    def declare(self, values: dict[str, Any]) -> tuple[CustomsDeclaration, list[str], list[Path]]:
        """「生成单证」: check everything, write the document set, save the declaration.

        Returns the saved declaration, the advice (warnings) and the paths of the files written.
        """
        unknown = set(values) - set(CUSTOMS_LABELS)
        if unknown:
            raise SimError(f"报关单证工具没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        self.backend.refresh()  # numbered after what another kernel of this folder saved
        errors, advice = FieldErrors(), []
        get, lab = values.get, CUSTOMS_LABELS
        data: dict[str, Any] = {}
        for key, (required, max_len) in _TEXT_FIELDS.items():
            if key in (
                "record_no",
                "voyage_no",
                "bill_of_lading",
                "contract_no",
                "packing_list_no",
                "invoice_no",
            ):
                data[key] = _number_id(errors, key, lab[key], get(key), required, max_len)
            else:
                data[key] = (
                    validate.text(errors, key, lab[key], get(key), required=required, max_len=max_len) or ""
                )
        for key, options in _CHOICES.items():
            data[key] = validate.choice(errors, key, lab[key], get(key), options)
        data["license_no"] = self._license(errors, get("license_no"))
        data["packages"] = _int_or_none(
            _amount(
                errors,
                "packages",
                lab["packages"],
                get("packages"),
                units=("件",),
                min_value=1,
                max_value=1_000_000,
                places=0,
            )  # fmt: skip
        )
        gross = _amount(errors, "gross_kg", lab["gross_kg"], get("gross_kg"), units=("kg", "千克"), min_value=0.001,
                        max_value=1_000_000, places=3)  # fmt: skip
        net = _amount(errors, "net_kg", lab["net_kg"], get("net_kg"), units=("kg", "千克"), min_value=0.001,
                      max_value=1_000_000, places=3)  # fmt: skip
        if gross is not None and net is not None and net > gross:
            errors.add(
                "net_kg", f"净重（{_plain(net)}）不能大于毛重（{_plain(gross)}）：毛重包括包装", "gross_net"
            )
        data["gross_kg"], data["net_kg"] = gross, net
        currency = self._currency(errors, "currency", lab["currency"], get("currency"))
        data["currency"] = currency
        data.update(self._fees(errors, data["trade_terms"], values))
        data["shipper_tel_fax"] = _tel(
            errors, "shipper_tel_fax", lab["shipper_tel_fax"], get("shipper_tel_fax")
        )
        data["consignee_tel_fax"] = _tel(
            errors, "consignee_tel_fax", lab["consignee_tel_fax"], get("consignee_tel_fax")
        )
        data["volume_cbm"] = _amount(
            errors, "volume_cbm", lab["volume_cbm"], get("volume_cbm"), units=("cbm", "立方米"), required=False,
            min_value=0.001, max_value=100_000, places=3,
        )  # fmt: skip
        for key in _DATES:
            data[key] = _date(errors, key, lab[key], get(key))
        goods = self._goods(errors, get("goods"), currency)
        errors.raise_if_any()

        advice += self._advice(data, goods)
        folder = self.folder()
        number = self._next_id()
        declaration = CustomsDeclaration(
            id=number,
            **data,
            goods=goods,
            owner=self.backend.state.acting_as,
            created_at=self.backend.now(),
        )
        from .customs_docs import write_documents  # the writers are needed only here

        try:
            paths = write_documents(declaration, folder)
        except OSError as exc:
            raise SimError(f"单证文件写不进文件夹 {folder}：{exc.strerror or exc}") from exc
        declaration.files = [p.name for p in paths]
        declaration.folder = DOCS_FOLDER if self.backend.path is not None else str(folder)
        with self.backend.transaction(
            "customs.declare", f"{number} contract={declaration.contract_no}"
        ) as work:
            work.customs = [*work.customs, declaration]
        return declaration, advice, paths

    def _next_id(self) -> str:
        numbers = [
            int(d.id.split("-")[-1]) for d in self.backend.state.customs if d.id.split("-")[-1].isdigit()
        ]
        return f"BG-{max(numbers, default=0) + 1:04d}"

    @staticmethod
    def _license(errors: FieldErrors, value: Any) -> str:
        """许可证号: format only (RULES.md, Contradictions): 15 digits or an 18-character credit code."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        text = validate.optional_text(errors, "license_no", CUSTOMS_LABELS["license_no"], value, max_len=30)
        if text and not re.fullmatch(r"\d{15}|[0-9A-Z]{18}", text):
            errors.add("license_no", "许可证号应为 15 位数字或 18 位代码（数字和大写字母）", "format")
            return ""
        return text

    @staticmethod
    def _currency(errors: FieldErrors, key: str, label: str, value: Any) -> str | None:
        if value in (None, ""):
            errors.add(key, f"请选择{label}", "required")
            return None
        code = currency_code(value) if isinstance(value, str) else None
        if code is None:
            shown = "、".join(rules.CUSTOMS_CURRENCY_CODES)
            errors.add(key, f"{label}只能是：{shown}（收到“{str(value)[:20]}”）", "choice")
        return code

    @staticmethod
    def _fees(errors: FieldErrors, terms: str | None, values: dict[str, Any]) -> dict[str, Any]:
        """运费 / 保费 / 杂费 by the trade terms (L5173-5179): CIF both, C&F freight only, FOB neither."""
        out: dict[str, Any] = {}
        needed = {
            k for k, name in _FEE_NAMES.items() if name in rules.CUSTOMS_FEES_NEEDED.get(terms or "", ())
        }
        for fee in _FEES:
            label = CUSTOMS_LABELS[fee]
            kind_value = values.get(f"{fee}_kind") or "总价"
            kind = FEE_KINDS.get(kind_value, kind_value)
            if kind not in rules.CUSTOMS_FEE_MARKS:
                errors.add(f"{fee}_kind", f"{CUSTOMS_LABELS[fee + '_kind']}只能是：率、单价、总价", "choice")
                kind = "total"
            out[f"{fee}_kind"] = kind
            raw = values.get(fee)
            empty = raw is None or (isinstance(raw, str) and not raw.strip())
            if fee != "misc" and terms is not None:
                if fee in needed and empty:
                    errors.add(fee, f"成交方式为 {terms} 时必须填写{label}", "terms_need")
                    out[fee] = None
                    continue
                if fee not in needed and not empty:
                    errors.add(
                        fee, f"成交方式为 {terms} 时不填写{label}（{_terms_rule(terms)}）", "terms_none"
                    )
                    out[fee] = None
                    continue
            if empty:
                out[fee] = None
                continue
            low = -100 if kind == "rate" else -10_000_000
            if fee != "misc":  # only 杂费 may be a deduction (L5186)
                low = 0.0001
            high = 100 if kind == "rate" else 10_000_000
            number = validate.decimal(errors, fee, label, raw, min_value=low, max_value=high, places=4)
            if number is not None and number == 0:
                errors.add(fee, f"{label}不能为 0：没有这项费用就空着", "min")
                number = None
            out[fee] = number
        return out

    def _goods(self, errors: FieldErrors, rows: Any, currency: str | None) -> list[CustomsGoods]:
        label = CUSTOMS_LABELS["goods"]
        if rows in (None, "", [], ()):
            errors.add("goods", f"{label}至少要有一行商品", "required")
            return []
        if isinstance(rows, dict):
            rows = [rows]
        if not isinstance(rows, (list, tuple)) or not all(isinstance(r, dict) for r in rows):
            errors.add("goods", f"{label}应为一组商品（每行一个 dict）", "type")
            return []
        if len(rows) > 50:
            errors.add("goods", f"{label}最多 50 行（当前 {len(rows)}）", "max_n")
            return []
        out: list[CustomsGoods] = []
        for n, row in enumerate(rows, start=1):
            unknown = set(row) - set(GOODS_LABELS)
            if unknown:
                errors.add(
                    "goods", f"第 {n} 行商品没有这些栏目：{', '.join(sorted(map(str, unknown)))}", "unknown"
                )
                continue
            row_errors = FieldErrors()
            item = self._goods_row(row_errors, row)
            for e in row_errors.errors:
                errors.add("goods", f"第 {n} 行商品 {e.message}", e.rule)
            if item is not None and not row_errors:
                out.append(item)
        return out

    def _goods_row(self, errors: FieldErrors, row: dict[str, Any]) -> CustomsGoods | None:
        lab, get = GOODS_LABELS, row.get
        hs = get("hs_code")
        hs = validate.digits(errors, "hs_code", lab["hs_code"], hs, lengths=(rules.HS_CODE_DIGITS,))
        name = validate.text(errors, "goods_name", lab["goods_name"], get("goods_name"), max_len=200)
        unit = validate.choice(errors, "unit", lab["unit"], get("unit"), rules.CUSTOMS_LEGAL_UNITS)
        quantity = _amount(errors, "quantity", lab["quantity"], get("quantity"),
                           units=rules.CUSTOMS_LEGAL_UNITS, min_value=0.001, max_value=10_000_000, places=3)  # fmt: skip
        gross = _amount(errors, "gross_kg", lab["gross_kg"], get("gross_kg"), units=("kg", "千克"),
                        min_value=0.001, max_value=1_000_000, places=3)  # fmt: skip
        net = _amount(errors, "net_kg", lab["net_kg"], get("net_kg"), units=("kg", "千克"),
                      min_value=0.001, max_value=1_000_000, places=3)  # fmt: skip
        if gross is not None and net is not None and net > gross:
            errors.add("net_kg", f"净重（{_plain(net)}）不能大于毛重（{_plain(gross)}）", "gross_net")
        price = validate.decimal(errors, "unit_price", lab["unit_price"], get("unit_price"), min_value=0.0001,
                                 max_value=10_000_000, places=4)  # fmt: skip
        total = validate.decimal(errors, "total", lab["total"], get("total"), required=False, min_value=0,
                                 max_value=10_000_000_000, places=4)  # fmt: skip
        if quantity is not None and price is not None:
            product = (quantity * price).quantize(Decimal("0.0001"))
            if total is None:
                total = product
            elif abs(total - product) > Decimal("0.005"):
                errors.add(
                    "total",
                    f"总价应等于 数量 × 单价（{_plain(quantity)} × {_plain(price)} = {_plain(product)}），"
                    f"填的是 {_plain(total)}",
                    "total",
                )
        code = self._currency(errors, "currency", lab["currency"], get("currency"))
        texts = {
            key: validate.text(errors, key, lab[key], get(key), max_len=30)
            for key in ("origin_country", "destination_country", "domestic_source")
        }
        levy = validate.choice(errors, "levy", lab["levy"], get("levy"), rules.CUSTOMS_GOODS_LEVIES)
        if errors:
            return None
        return CustomsGoods(
            hs_code=hs, goods_name=name, quantity=quantity, unit=unit, gross_kg=gross, net_kg=net,
            unit_price=price, total=total, currency=code, levy=levy, **texts,
        )  # fmt: skip

    @staticmethod
    def _advice(data: dict[str, Any], goods: list[CustomsGoods]) -> list[str]:
        advice = []
        if data["trade_country"] != data["arrival_country"]:
            advice.append(
                f"贸易国（{data['trade_country']}）与运抵国（{data['arrival_country']}）不同：只有三方贸易"
                "（和中间商成交、货物运到另一国）才这样填，否则两者应一致。"
            )
        if goods:
            gross = sum((g.gross_kg for g in goods), Decimal(0))
            net = sum((g.net_kg for g in goods), Decimal(0))
            if gross != data["gross_kg"] or net != data["net_kg"]:
                advice.append(
                    f"各行商品的毛重 / 净重合计为 {_plain(gross)} / {_plain(net)} 千克，与基本信息里的 "
                    f"{_plain(data['gross_kg'])} / {_plain(data['net_kg'])} 千克不一致。"
                )
            other = sorted({g.currency for g in goods} - {data["currency"]})
            if other:
                advice.append(
                    f"商品的币制（{'、'.join(other)}）与报关单币制（{data['currency']}）不同，请核对收汇币种。"
                )
        if data["ship_date"] < data["contract_date"]:
            advice.append("预计发货日期早于合同日期，请核对。")
        return advice


def _terms_rule(terms: str) -> str:
    needed = rules.CUSTOMS_FEES_NEEDED.get(terms, ())
    return f"{terms} 只填{'和'.join(needed)}" if needed else f"{terms} 不填运费和保险费"


def _int_or_none(number: Decimal | None) -> int | None:
    return int(number) if number is not None else None
