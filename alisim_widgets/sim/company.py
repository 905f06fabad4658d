"""管理公司信息 (task 02.3.1, also 实操 2.4 / 2.5; L664-1029): the five tabs, their rules and the review.

- Everything a buyer reads is in English: only the ``*_cn`` fields and the legal representative's
  Chinese name may hold Chinese (the task says "请使用英文填写所有信息").
- Facts certified by A&V are read-only (L741-747): a submission that changes one is refused.
- After a submission the information is under review for one working day and cannot be edited (L997).
- The completeness meter (L1003-1028) depends on the company type: trading vs factory / factory + trade.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .company_models import Certificate, CompanyInfo
from .errors import FieldErrors, SimError
from .permissions import require
from .uploads import as_upload, check_file, check_image
from .verification import LABELS as AV_LABELS
from .verification import VERIFIED_COMPANY_KEYS, parse_date
from .workdays import add_working_days

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "CompanyArea",
    "LABELS",
    "TABS",
    "MAIN_CATEGORIES",
    "CERT_TYPES",
    "OEM_SERVICES",
    "EXPORT_RATIOS",
    "MARKETS",
    "TRADE_STAFF",
    "EXPORT_MODES",
    "YES_NO",
    "TRADE_TERMS",
    "PAYMENT_METHODS",
    "CURRENCIES",
    "CERT_FILE_FORMATS",
    "parse_market_shares",
    "LANGUAGES",
    "ENGLISH_KEYS",
    "LIST_KEYS",
    "FILE_KEYS",
    "completeness",
    "completeness_of",
    "REVIEWING",
    "APPROVED",
]

REVIEWING, APPROVED = "审核中", "审核通过"

# Top-level categories (value, English name as the buyer side shows it).
MAIN_CATEGORIES = (
    ("玩具与兴趣爱好", "Toys & Hobbies"),
    ("母婴用品", "Mother & Kids"),
    ("服装", "Apparel"),
    ("家居用品", "Home & Garden"),
    ("消费电子", "Consumer Electronics"),
    ("运动与娱乐", "Sports & Entertainment"),
    ("礼品与工艺品", "Gifts & Crafts"),
    ("美容个护", "Beauty & Personal Care"),
    ("箱包", "Luggage, Bags & Cases"),
    ("鞋与配件", "Shoes & Accessories"),
    ("包装印刷", "Packaging & Printing"),
    ("办公文教用品", "Office & School Supplies"),
)
CERT_TYPES = ("认证证书", "荣誉证书", "专利", "商标")  # L835
OEM_SERVICES = ("OEM Service Offered", "Design Service Offered", "Buyer Label Offered")  # L885
EXPORT_RATIOS = tuple(f"{lo}%-{lo + 9 if lo > 1 else 10}%" for lo in (1, 11, 21, 31, 41, 51, 61, 71, 81, 91))
MARKETS = (
    "North America",
    "South America",
    "Eastern Europe",
    "Southeast Asia",
    "Africa",
    "Oceania",
    "Mid East",
    "Eastern Asia",
    "Western Europe",
    "Central America",
    "Northern Europe",
    "Southern Europe",
    "South Asia",
    "Domestic Market",
)  # fmt: skip  (L915-919)
TRADE_STAFF = ("1-2 People", "3-5 People", "6-10 People", "11-20 People", "Above 20 People")
EXPORT_MODES = ("有进出口权（自营出口）", "通过代理出口")  # L929
YES_NO = ("Yes", "No")
TRADE_TERMS = (
    "FOB",
    "CFR",
    "CIF",
    "EXW",
    "FAS",
    "CIP",
    "FCA",
    "CPT",
    "DEQ",
    "DDP",
    "DDU",
    "Ex-warehouse Delivery",
    "DAF",
    "DES",
)  # fmt: skip  (L941-945)
# As printed (L955-956), including "O/P O/A" and "Money Gram".
PAYMENT_METHODS = (
    "T/T",
    "L/C",
    "O/P O/A",
    "Money Gram",
    "Credit Card",
    "PayPal",
    "Western Union",
    "Cash",
    "Escrow",
)  # fmt: skip
# 公司出口币种 (L921) is a list on the page but the textbook prints none: the currencies trade is usually
# settled in (RULES.md names USD and RMB for e-收汇).
CURRENCIES = ("USD", "CNY", "EUR", "GBP", "JPY", "HKD", "AUD", "CAD")
# 证书图片 (L852-857): JPG, PNG, PDF, TIFF. The printed limit "1024 个字节" cannot hold any scan; read as 1024 KB.
CERT_FILE_FORMATS = ("jpg", "jpeg", "png", "pdf", "tif", "tiff")
CERT_FILE_MAX_BYTES = 1024 * 1024
LANGUAGES = (
    "English",
    "Chinese",
    "Spanish",
    "Japanese",
    "Portuguese",
    "German",
    "Arabic",
    "French",
    "Russian",
    "Korean",
    "Hindi",
    "Italian",
)  # fmt: skip  (L961-964)

LABELS = {
    # 基本信息
    "company_type": "经营类型",
    "company_name_cn": AV_LABELS["company_name_cn"],
    "company_name_en": AV_LABELS["company_name_en"],
    "address_cn": "公司中文经营地址",
    "address_en": "公司英文经营地址",
    "registered_address_cn": "公司中文注册地址",
    "registered_address_en": "公司英文注册地址",
    "postcode": "邮编",
    "main_category": "主营一级类目",
    "main_products": "主营业务（主营产品）",
    "other_products": "更多经营产品",
    "year_established": "公司注册年份",
    "employees": "公司人数",
    "website": "公司网址",
    "legal_rep_name": AV_LABELS["legal_rep_name"],
    "legal_rep_name_en": AV_LABELS["legal_rep_name_en"],
    "office_area_m2": "办公面积（m²）",
    "core_advantages": "公司核心优势",
    # 研发设计 / 证书商标及专利
    "rd_staff": "研发人员数量",
    "cert_type": "证书类型",
    "cert_no": "证书编号",
    "cert_name": "证书名称",
    "cert_certified_on": "认证日期",
    "cert_issued_on": "颁证日期",
    "cert_valid_to": "证书有效期至",
    "cert_image": "证书图片",
    # 加工制造能力 / 合作工厂
    "factory_address": "工厂地址",
    "factory_area_m2": "工厂面积（m²）",
    "oem_services": "工厂类型（OEM 服务）",
    "oem_years": "OEM 经验（年）",
    "factory_staff": "所聘人员数量",
    "production_scale": "生产规模",
    "annual_output": "年产量",
    "annual_output_shown": "是否添加年产量信息",
    "production_flow_chart": "生产线流程图",
    "production_equipment": "生产设备",
    "production_lines": "生产线",
    "qc_process": "质量控制流程",
    "qc_equipment": "质量检测设备",
    # 外贸出口能力 / 贸易信息
    "last_trade_partner": "上一贸易伙伴",
    "export_ratio": "出口比例",
    "main_markets": "主要市场",
    "market_shares": "主要市场占比",
    "export_currency": "公司出口币种",
    "customs_keywords": "是否有海关关键字",
    "trade_staff": "外贸部门员工",
    "export_mode": "出口方式",
    "export_ports": "出口港口",
    "currency": "货币（币种代码）",
    "overseas_office": "是否有海外办事处",
    "trade_terms": "交易条款",
    "payment_methods": "跨境支付方式",
    "languages": "语言",
    "buyer_cases": "买家案例",
    # 展示信息
    "logo": "公司标志（Logo）",
    "detailed_description": "公司详细描述",
    "company_photos": "公司形象展示图",
    "company_video": "公司视频",
    "exhibitions": "展会信息",
}
TABS = (
    ("基本信息", ("company_type", "company_name_cn", "company_name_en", "address_cn", "address_en",
                  "registered_address_cn", "registered_address_en", "postcode",
                  "main_category", "main_products", "other_products", "year_established", "employees", "website",
                  "legal_rep_name", "legal_rep_name_en", "office_area_m2", "core_advantages")),
    ("研发设计 / 证书商标及专利", ("rd_staff", "cert_type", "cert_no", "cert_name", "cert_certified_on",
                                  "cert_issued_on", "cert_valid_to", "cert_image")),
    ("加工制造能力 / 合作工厂", ("factory_address", "factory_area_m2", "oem_services", "oem_years", "factory_staff",
                                "production_scale", "annual_output", "annual_output_shown", "production_flow_chart",
                                "production_equipment", "production_lines", "qc_process", "qc_equipment")),
    ("外贸出口能力 / 贸易信息", ("last_trade_partner", "export_ratio", "main_markets", "market_shares",
                                "export_currency", "customs_keywords", "trade_staff", "export_mode", "export_ports",
                                "currency", "overseas_office", "trade_terms", "payment_methods", "languages",
                                "buyer_cases")),
    ("展示信息", ("logo", "detailed_description", "company_photos", "company_video", "exhibitions")),
)  # fmt: skip
REQUIRED = (
    "company_name_cn", "company_name_en", "address_cn", "address_en", "postcode", "main_category",
    "main_products", "year_established", "employees", "legal_rep_name", "legal_rep_name_en",
)  # fmt: skip
# Fields a buyer reads: English only (Chinese only in the *_cn fields and the Chinese name).
ENGLISH_KEYS = (
    "company_name_en", "address_en", "registered_address_en", "production_scale", "last_trade_partner",
    "main_products", "other_products", "website", "legal_rep_name_en",
    "core_advantages", "cert_no", "cert_name", "factory_address", "annual_output", "production_equipment",
    "production_lines", "qc_process", "qc_equipment", "export_ports", "buyer_cases", "detailed_description",
    "exhibitions",
)  # fmt: skip
LIST_KEYS = (
    "main_products", "other_products", "production_equipment", "production_lines", "qc_equipment",
    "export_ports", "buyer_cases", "exhibitions",
)  # fmt: skip
FILE_KEYS = ("production_flow_chart", "logo", "company_photos", "company_video")
ALL_KEYS = tuple(k for _tab, keys in TABS for k in keys)
CERT_KEYS = ("cert_type", "cert_no", "cert_name", "cert_certified_on", "cert_issued_on", "cert_valid_to",
             "cert_image")  # fmt: skip
_MARKET_BY_FOLD = {m.casefold(): m for m in MARKETS}
_SHARE = re.compile(r"(.+?)\s*[:：]?\s*(-?\d+(?:\.\d+)?)\s*[%％]?")

_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
_SPLIT = re.compile(r"[\n、;；,，]+")
_NOTHING = {"无", "none", "n/a", "na", "-", "没有"}
_WEBSITE = re.compile(r"(https?://)?([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(/[A-Za-z0-9._~%/?#=&+-]*)?")
_COMPANY_CN_CHARS = validate.CJK + r"A-Za-z0-9 ()（）&·.,\-"
_ADDRESS_CN_CHARS = validate.CJK + r"A-Za-z0-9 ()（）#,，、.\-/"
_NAME_CN_CHARS = validate.CJK + "·"
_NAME_EN_CHARS = r"A-Za-z .'\-"
_COMPANY_EN_CHARS = r"A-Za-z0-9 .,&()'\-"
_ADDRESS_EN_CHARS = r"A-Za-z0-9 .,#'()/\-"
_LIST_LIMITS = {  # key → (max entries, max characters per entry)
    "main_products": (rules.MAIN_PRODUCTS_MAX, rules.MAIN_PRODUCT_MAX_LEN),
    "other_products": (10, rules.MAIN_PRODUCT_MAX_LEN),
    "production_equipment": (20, 100),
    "production_lines": (20, 100),
    "qc_equipment": (20, 100),
    "export_ports": (10, 60),
    "buyer_cases": (10, 200),
    "exhibitions": (10, 200),
}


def completeness(
    company_type: str | None,
    *,
    photos: bool,
    video: bool,
    exhibitions: bool,
    buyer_cases: bool,
    flow_chart: bool,
    equipment: bool,
    lines: bool,
    qc_process: bool,
    qc_equipment: bool,
) -> dict[str, int]:
    """Completeness per item in percent (L1003-1028); a missing company type counts as trading."""
    env = rules.COMPLETENESS_ENVIRONMENT_PCT[int(photos) + int(video)]
    out = {"公司环境": env, "展会信息": 100 if exhibitions else 0}
    if company_type in (None, "", rules.COMPANY_TYPES[0]):
        out["买家案例"] = 100 if buyer_cases else 0
    else:
        out["生产信息"] = rules.COMPLETENESS_PRODUCTION_PCT[int(flow_chart) + int(equipment) + int(lines)]
        out["质量信息"] = rules.COMPLETENESS_QUALITY_PCT[int(qc_process) + int(qc_equipment)]
    return out


def completeness_of(info: CompanyInfo | None) -> dict[str, int]:
    """The meter of what the store has saved."""
    if info is None:
        return completeness(None, photos=False, video=False, exhibitions=False, buyer_cases=False,
                            flow_chart=False, equipment=False, lines=False, qc_process=False,
                            qc_equipment=False)  # fmt: skip
    return completeness(
        info.company_type,
        photos=bool(info.company_photos),
        video=info.company_video is not None,
        exhibitions=bool(info.exhibitions),
        buyer_cases=bool(info.buyer_cases),
        flow_chart=info.production_flow_chart is not None,
        equipment=bool(info.production_equipment),
        lines=bool(info.production_lines),
        qc_process=bool(info.qc_process),
        qc_equipment=bool(info.qc_equipment),
    )


class CompanyArea:
    """店铺管理 → 管理公司信息 (admin only, L1304)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def info(self) -> CompanyInfo | None:
        return self.backend.state.company

    @property
    def status(self) -> str | None:
        """None (never submitted), 审核中 or 审核通过, on the scenario clock."""
        info = self.info
        if info is None:
            return None
        return REVIEWING if self.backend.today() < info.review_done_on else APPROVED

    @property
    def locked(self) -> bool:
        return self.status == REVIEWING

    def verified_values(self) -> dict[str, str]:
        return self.backend.verification.verified_values()

    def submit(self, values: dict[str, Any]) -> list[str]:
        """「提交」: validate every tab at once; the info then stays under review for one working day."""
        require(self.backend, "store.company_info")
        if self.locked:
            info = self.info
            raise SimError(
                f"公司信息正在审核中（{info.submitted_on} 提交，{info.review_done_on} 审核完成），审核期间不能修改。"
                "（模拟器：backend.advance_days(1) 让时钟前进一天）"
            )
        unknown = set(values) - set(ALL_KEYS)
        if unknown:
            raise SimError(f"公司信息没有这些字段：{', '.join(sorted(unknown))}")
        errors, warnings = FieldErrors(), []
        clean = self._validate(errors, warnings, values)
        errors.raise_if_any()
        today, now = self.backend.today(), self.backend.now()
        old = self.info
        for key in FILE_KEYS:  # an empty upload keeps what was uploaded before
            if clean[key] in (None, []) and old is not None:
                clean[key] = getattr(old, key)
        cert = None
        if clean["cert_type"]:
            image = clean["cert_image"]
            if image is None and old is not None and old.certificate is not None:
                image = old.certificate.image  # an empty upload keeps the scan uploaded before
            cert = Certificate(cert_type=clean["cert_type"], cert_no=clean["cert_no"], cert_name=clean["cert_name"],
                               cert_valid_to=clean["cert_valid_to"], certified_on=clean["cert_certified_on"],
                               issued_on=clean["cert_issued_on"], image=image)  # fmt: skip
            if image is None:
                # L837-839: certificates need their scan; without it the entry cannot pass review
                warnings.append("证书还没有上传证书图片（扫描件）：没有扫描件的证书无法通过审核。")
        for key in CERT_KEYS:
            clean.pop(key)
        done = add_working_days(today, rules.COMPANY_REVIEW_WORKING_DAYS)
        info = CompanyInfo(
            **clean,
            certificate=cert,
            submitted_on=today,
            submitted_at=now,
            review_done_on=done,
            submissions=(old.submissions + 1) if old else 1,
        )
        with self.backend.transaction("company.submit", f"review_done_on={done}") as work:
            work.company = info
        meter = completeness_of(info)
        warnings.append(
            f"已提交，进入审核：{done} 审核完成（{rules.COMPANY_REVIEW_WORKING_DAYS} 个工作日），审核期间不能修改。"
        )
        warnings.append("信息完整度：" + "，".join(f"{k} {v}%" for k, v in meter.items()))
        return warnings

    # --- validation ----------------------------------------------------------------------------
    def _validate(self, errors: FieldErrors, warnings: list[str], values: dict[str, Any]) -> dict[str, Any]:
        get, lab = values.get, LABELS
        c: dict[str, Any] = {}
        verified = self.verified_values()
        c["company_type"] = validate.choice(errors, "company_type", lab["company_type"], get("company_type"),
                                            rules.COMPANY_TYPES, required=False) or ""  # fmt: skip
        if not c["company_type"]:
            warnings.append("没有选择经营类型：信息完整度按贸易型公司计算。")
        for key in VERIFIED_COMPANY_KEYS:
            if key in verified:
                typed = get(key)
                if typed is None or (isinstance(typed, str) and not typed.strip()):
                    c[key] = verified[key]
                    continue
                if not isinstance(typed, str) or _squash(typed) != _squash(verified[key]):
                    errors.add(
                        key,
                        f"{lab[key]}是 A&V 已认证的信息，不能自行修改；如需变更，请联系客户经理",
                        "verified",
                    )
                    continue
                c[key] = verified[key]
                continue
            c[key] = self._verified_kind(errors, key, get(key))
        c["registered_address_cn"] = validate.optional_text(
            errors, "registered_address_cn", lab["registered_address_cn"], get("registered_address_cn"),
            max_len=rules.ADDRESS_MAX, allowed=_ADDRESS_CN_CHARS, allowed_desc="中英文、数字和常用标点",
        )  # fmt: skip
        c["registered_address_en"] = self._english(
            errors, "registered_address_en", get("registered_address_en"), max_len=rules.ADDRESS_MAX
        )
        if c["registered_address_en"] and not re.fullmatch(
            f"[{_ADDRESS_EN_CHARS}]+", c["registered_address_en"]
        ):
            errors.add("registered_address_en", f"{lab['registered_address_en']}只能包含英文字母、数字和 . , # ' / -",
                       "charset")  # fmt: skip
        c["postcode"] = validate.digits(errors, "postcode", lab["postcode"], get("postcode"),
                                        lengths=(rules.POSTCODE_DIGITS,))  # fmt: skip
        c["main_category"] = validate.choice(errors, "main_category", lab["main_category"], get("main_category"),
                                             [v for v, _ in MAIN_CATEGORIES])  # fmt: skip
        for key in LIST_KEYS:
            c[key] = self._list(errors, key, get(key))
        c["year_established"] = self._year(errors, get("year_established"))
        c["employees"] = self._count(errors, "employees", get("employees"), required=True, unit="人")
        c["website"] = self._website(errors, get("website"))
        c["office_area_m2"] = self._area(errors, "office_area_m2", get("office_area_m2"))
        c["core_advantages"] = self._english(errors, "core_advantages", get("core_advantages"),
                                             max_len=rules.COMPANY_ADVANTAGES_MAX, multiline=True)  # fmt: skip
        # 研发设计 / 证书
        c["rd_staff"] = self._count(errors, "rd_staff", get("rd_staff"), unit="人")
        self._certificate(errors, c, values)
        # 加工制造能力
        c["factory_address"] = self._english(
            errors, "factory_address", get("factory_address"), max_len=rules.ADDRESS_MAX
        )
        c["factory_area_m2"] = self._area(errors, "factory_area_m2", get("factory_area_m2"))
        c["oem_services"] = validate.choices(errors, "oem_services", lab["oem_services"], get("oem_services"),
                                             OEM_SERVICES) or []  # fmt: skip
        c["oem_years"] = self._count(
            errors, "oem_years", get("oem_years"), unit="年", zero_ok=True, max_value=100
        )
        c["factory_staff"] = self._count(errors, "factory_staff", get("factory_staff"), unit="人")
        c["production_scale"] = self._english(
            errors, "production_scale", get("production_scale"), max_len=100
        )
        c["annual_output"] = self._english(errors, "annual_output", get("annual_output"), max_len=100)
        c["annual_output_shown"] = validate.choice(
            errors, "annual_output_shown", lab["annual_output_shown"], get("annual_output_shown"), YES_NO,
            required=False,
        ) or ""  # fmt: skip
        if c["annual_output_shown"] == "Yes" and not c["annual_output"] and not errors.has("annual_output"):
            errors.add(
                "annual_output", f"选择添加年产量信息（Yes）时，{lab['annual_output']}不能为空", "required"
            )
        c["production_flow_chart"] = check_image(
            errors, "production_flow_chart", lab["production_flow_chart"], get("production_flow_chart"),
            formats=("JPEG", "PNG"), max_bytes=rules.COMPANY_PHOTO_MAX_BYTES, at=self.backend.now(),
        )  # fmt: skip
        c["qc_process"] = self._english(errors, "qc_process", get("qc_process"), max_len=2000, multiline=True)
        # 外贸出口能力
        c["last_trade_partner"] = self._english(
            errors, "last_trade_partner", get("last_trade_partner"), max_len=rules.COMPANY_NAME_MAX * 2
        )
        for key, options in (("export_ratio", EXPORT_RATIOS), ("trade_staff", TRADE_STAFF),
                             ("export_mode", EXPORT_MODES), ("overseas_office", YES_NO),
                             ("export_currency", CURRENCIES), ("customs_keywords", YES_NO)):  # fmt: skip
            c[key] = validate.choice(errors, key, lab[key], get(key), options, required=False) or ""
        for key, options in (("main_markets", MARKETS), ("trade_terms", TRADE_TERMS),
                             ("payment_methods", PAYMENT_METHODS), ("languages", LANGUAGES)):  # fmt: skip
            c[key] = validate.choices(errors, key, lab[key], get(key), options) or []
        c["market_shares"] = parse_market_shares(errors, get("market_shares"), c["main_markets"])
        c["currency"] = self._currency(errors, get("currency"))
        # 展示信息
        c["logo"] = check_image(errors, "logo", lab["logo"], get("logo"), formats=("PNG",),
                                max_bytes=rules.LOGO_MAX_BYTES, at=self.backend.now())  # fmt: skip
        if c["logo"] is not None and (c["logo"].width, c["logo"].height) != rules.LOGO_ADVISED_PX:
            w, h = rules.LOGO_ADVISED_PX
            warnings.append(f"公司标志建议 {w} × {h} 像素（当前 {c['logo'].width} × {c['logo'].height}）。")
        c["detailed_description"] = self._english(errors, "detailed_description", get("detailed_description"),
                                                  max_len=rules.COMPANY_DESCRIPTION_MAX, multiline=True)  # fmt: skip
        c["company_photos"] = self._photos(errors, warnings, get("company_photos"))
        c["company_video"] = check_file(
            errors, "company_video", lab["company_video"], get("company_video"),
            extensions=rules.COMPANY_VIDEO_FORMATS, max_bytes=rules.COMPANY_VIDEO_MAX_BYTES, at=self.backend.now(),
        )  # fmt: skip
        return c

    def _verified_kind(self, errors: FieldErrors, key: str, value: Any) -> str | None:
        lab = LABELS[key]
        if key == "company_name_cn":
            return validate.text(errors, key, lab, value, max_len=rules.COMPANY_NAME_MAX,
                                 allowed=_COMPANY_CN_CHARS, allowed_desc="中英文、数字和括号")  # fmt: skip
        if key == "address_cn":
            return validate.text(errors, key, lab, value, max_len=rules.ADDRESS_MAX,
                                 allowed=_ADDRESS_CN_CHARS, allowed_desc="中英文、数字和常用标点")  # fmt: skip
        if key == "legal_rep_name":
            return validate.text(errors, key, lab, value, min_len=2, max_len=20, allowed=_NAME_CN_CHARS,
                                 allowed_desc="中文姓名")  # fmt: skip
        if key == "legal_rep_name_en":
            text = self._english(errors, key, value, max_len=rules.PERSON_NAME_MAX, required=True)
            if text is not None and not re.fullmatch(f"[{_NAME_EN_CHARS}]+", text):
                errors.add(key, f"{lab}只能包含英文字母、空格和 . ' -", "charset")
                return None
            return text
        if key == "company_name_en":
            max_len, allowed, desc = (
                rules.COMPANY_NAME_MAX * 2,
                _COMPANY_EN_CHARS,
                "英文字母、数字和 . , & ( ) ' -",
            )
        else:
            max_len, allowed, desc = rules.ADDRESS_MAX, _ADDRESS_EN_CHARS, "英文字母、数字和 . , # ' / -"
        text = self._english(errors, key, value, max_len=max_len, required=True)
        if text and not re.fullmatch(f"[{allowed}]+", text):
            bad = "".join(sorted({ch for ch in text if not re.fullmatch(f"[{allowed}]", ch)}))[:10]
            errors.add(key, f"{lab}只能包含{desc}，不能包含“{bad}”", "charset")
            return None
        return text

    @staticmethod
    def _english(errors: FieldErrors, key: str, value: Any, *, max_len: int, required: bool = False,
                 multiline: bool = False) -> str:  # fmt: skip
        """A text a buyer reads: no Chinese characters or full-width punctuation."""
        text = validate.text(
            errors, key, LABELS[key], value, required=required, max_len=max_len, multiline=multiline
        )
        if text is None:
            return ""
        found = _CHINESE.search(text)
        if found:
            errors.add(
                key,
                f"{LABELS[key]}请使用英文填写，不能包含中文字符或全角标点（“{found.group()[:8]}”）",
                "english",
            )
            return ""
        return text

    def _list(self, errors: FieldErrors, key: str, value: Any) -> list[str]:
        """One entry per line (or separated by 、 , ;); 无 / none means nothing."""
        label = LABELS[key]
        if value is None:
            value = []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            errors.add(key, f"{label}应为文字列表（每行一个）", "type")
            return []
        entries: list[str] = []
        for item in value:
            if not isinstance(item, str):
                errors.add(key, f"{label}的每一项都应为文字", "type")
                return []
            entries += [p.strip() for p in _SPLIT.split(item) if p.strip()]
        if len(entries) == 1 and entries[0].casefold() in _NOTHING:
            entries = []
        if not entries:
            if key in REQUIRED:
                errors.add(key, f"{label}不能为空，至少填写 1 项", "required")
            return []
        most, longest = _LIST_LIMITS[key]
        if len(entries) > most:
            errors.add(key, f"{label}最多填写 {most} 项（当前 {len(entries)} 项）", "max_n")
            return []
        folded = [e.casefold() for e in entries]
        if len(set(folded)) != len(folded):
            errors.add(key, f"{label}不能重复填写同一项", "unique")
            return []
        for entry in entries:
            sub = FieldErrors()
            got = self._english(sub, key, entry, max_len=longest)
            if sub:
                msg = sub.errors[0].message.replace(LABELS[key], f"{label}中的“{entry[:20]}”", 1)
                errors.add(key, msg, sub.errors[0].rule)
                return []
            if not got:
                return []
        return entries

    def _year(self, errors: FieldErrors, value: Any) -> str | None:
        """A year (``2022``) or a date (``2022-03-05``, ``2022 年 3 月 5 日``): the task's data is a date."""
        key, label = "year_established", LABELS["year_established"]
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is None or isinstance(value, str) and not value.strip():
            errors.add(key, f"{label}不能为空", "required")
            return None
        if not isinstance(value, str):
            errors.add(key, f"{label}应为年份或日期", "type")
            return None
        value = value.strip()
        m = re.fullmatch(r"(\d{4})\s*年?", value)
        if m:
            year, text = int(m[1]), m[1]
        else:
            sub = FieldErrors()
            day = parse_date(sub, key, label, value)
            if day is None:
                if not sub or sub.errors[0].rule == "date":
                    errors.add(key, f"{label}应为年份（如 2022）或日期（如 2022-03-05）", "date")
                else:
                    errors.errors.extend(sub.errors)
                return None
            if day > self.backend.today():
                errors.add(key, f"{label}不能晚于今天（{self.backend.today()}）", "date_range")
                return None
            year, text = day.year, day.isoformat()
        if not 1800 <= year <= self.backend.today().year:
            errors.add(key, f"{label}应在 1800 年到今年之间（当前 {year}）", "date_range")
            return None
        return text

    @staticmethod
    def _count(errors: FieldErrors, key: str, value: Any, *, required: bool = False, unit: str = "",
               zero_ok: bool = False, max_value: int = 1_000_000) -> int | None:  # fmt: skip
        if isinstance(value, str) and unit:
            value = value.strip().removesuffix(unit).strip()
        return validate.integer(errors, key, LABELS[key], value, required=required,
                                min_value=0 if zero_ok else 1, max_value=max_value)  # fmt: skip

    @staticmethod
    def _area(errors: FieldErrors, key: str, value: Any) -> float | None:
        if isinstance(value, str):
            value = re.sub(r"\s*(m²|m2|平方米|㎡)\s*$", "", value.strip())
        number = validate.decimal(errors, key, LABELS[key], value, required=False, min_value=1,
                                  max_value=10_000_000)  # fmt: skip
        return float(number) if number is not None else None

    def _website(self, errors: FieldErrors, value: Any) -> str:
        text = self._english(errors, "website", value, max_len=200)
        if text and not _WEBSITE.fullmatch(text):
            errors.add("website", f"{LABELS['website']}格式不正确，应类似 www.example.com", "format")
            return ""
        return text

    def _certificate(self, errors: FieldErrors, c: dict[str, Any], values: dict[str, Any]) -> None:
        get, lab = values.get, LABELS
        c["cert_type"] = validate.choice(errors, "cert_type", lab["cert_type"], get("cert_type"), CERT_TYPES,
                                         required=False) or ""  # fmt: skip
        c["cert_no"] = self._english(errors, "cert_no", get("cert_no"), max_len=60)
        c["cert_name"] = self._english(errors, "cert_name", get("cert_name"), max_len=120)
        for key in ("cert_certified_on", "cert_issued_on", "cert_valid_to"):
            c[key] = parse_date(errors, key, lab[key], get(key), required=False)
        c["cert_image"] = self._cert_image(errors, get("cert_image"))
        today = self.backend.today()
        for key in ("cert_certified_on", "cert_issued_on"):
            if c[key] is not None and c[key] > today:
                errors.add(key, f"{lab[key]}不能晚于今天（{today}）", "date_range")
        certified, issued, valid_to = c["cert_certified_on"], c["cert_issued_on"], c["cert_valid_to"]
        if certified is not None and issued is not None and issued < certified:
            errors.add(
                "cert_issued_on", f"{lab['cert_issued_on']}不能早于{lab['cert_certified_on']}", "date_order"
            )
        if issued is not None and valid_to is not None and valid_to <= issued:
            errors.add(
                "cert_valid_to", f"{lab['cert_valid_to']}必须晚于{lab['cert_issued_on']}", "date_order"
            )
        given = [k for k in ("cert_type", "cert_no", "cert_name") if c[k]] + [
            k for k in ("cert_certified_on", "cert_issued_on", "cert_valid_to", "cert_image") if c[k]
        ]
        if given:
            for k in ("cert_type", "cert_no", "cert_name"):
                if not c[k] and not errors.has(k):
                    errors.add(k, f"添加证书时必须填写{lab[k]}", "required")
        if c["cert_valid_to"] is not None and c["cert_valid_to"] <= self.backend.today():
            errors.add(
                "cert_valid_to", f"证书已过期（有效期至 {c['cert_valid_to']}），过期证书不能展示", "expired"
            )

    @staticmethod
    def _currency(errors: FieldErrors, value: Any) -> str:
        """货币 (L934): the currency's code, three letters such as USD."""
        text = validate.text(errors, "currency", LABELS["currency"], value, required=False, max_len=10)
        if not text:
            return ""
        if not re.fullmatch(r"[A-Za-z]{3}", text):
            errors.add("currency", f"{LABELS['currency']}应为 3 个英文字母的币种代码，例如 USD", "format")
            return ""
        return text.upper()

    def _cert_image(self, errors: FieldErrors, value: Any):
        """证书图片: JPG / PNG / TIFF opened with Pillow, or a PDF that starts as a PDF does."""
        key, label = "cert_image", LABELS["cert_image"]
        try:
            upload = as_upload(value)
        except TypeError:
            upload = None  # check_file names the problem below
        if upload is not None and upload.name.lower().endswith(".pdf"):
            meta = check_file(errors, key, label, value, extensions=("pdf",), max_bytes=CERT_FILE_MAX_BYTES,
                              at=self.backend.now())  # fmt: skip
            if meta is not None and not upload.content.startswith(b"%PDF-"):
                errors.add(key, f"{label}的内容不是 PDF 文件（扩展名是 .pdf）", "format")
                return None
            return meta
        if upload is None and value not in (None, "", b""):
            return check_file(errors, key, label, value, extensions=CERT_FILE_FORMATS)
        return check_image(errors, key, label, value, formats=("JPEG", "PNG", "TIFF"),
                           max_bytes=CERT_FILE_MAX_BYTES, at=self.backend.now())  # fmt: skip

    def _photos(self, errors: FieldErrors, warnings: list[str], value: Any) -> list:
        label = LABELS["company_photos"]
        if value in (None, "", (), []):
            return []
        items = list(value) if isinstance(value, (list, tuple)) and not _is_pair(value) else [value]
        if len(items) > rules.COMPANY_PHOTOS_MAX:
            errors.add(
                "company_photos",
                f"{label}一次最多上传 {rules.COMPANY_PHOTOS_MAX} 张（模拟器的上限，当前 {len(items)} 张）",
                "max_n",
            )
            return []
        out = []
        for item in items:
            meta = check_image(errors, "company_photos", label, item, formats=("JPEG",),
                               max_bytes=rules.COMPANY_PHOTO_MAX_BYTES, at=self.backend.now())  # fmt: skip
            if meta is None:
                return []
            out.append(meta)
        if len(out) > rules.COMPANY_PHOTOS_ADVISED:
            # The textbook only describes three usual photos (no cap): more is allowed, with advice.
            warnings.append(
                f"公司形象展示图一般放 {rules.COMPANY_PHOTOS_ADVISED} 张：带 LOGO 的门头照、办公室或工厂内景、"
                f"公司全景（当前 {len(out)} 张，多出的几张请确认同样清晰、有代表性）。"
            )
        w, h = rules.COMPANY_PHOTO_ADVISED_PX
        small = [m.name for m in out if m.width < w or m.height < h]
        if small:
            warnings.append(f"公司形象展示图建议至少 {w} × {h} 像素：{'、'.join(small)} 偏小。")
        return out


def _is_pair(value: Any) -> bool:
    return len(value) == 2 and isinstance(value[1], (bytes, bytearray, memoryview))


def _squash(value: Any) -> str:
    return re.sub(r"\s+", "", str(value or "")).casefold()


def parse_market_shares(errors: FieldErrors, value: Any, markets: list[str]) -> dict[str, int]:
    """主要市场占比 (L913-919): a percent per ticked market, as ``{"North America": 40}`` or typed
    ``North America 40%; Western Europe 60%``. Each 1-100, together at most 100."""
    key, label = "market_shares", LABELS["market_shares"]
    if value in (None, "", {}):
        return {}
    pairs: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, str):
        text = validate.text(errors, key, label, value, max_len=600)
        if text is None:
            return {}
        for part in (p.strip() for p in re.split(r"[\n;；,，、]+", text)):
            if not part:
                continue
            m = _SHARE.fullmatch(part)
            if m is None:
                errors.add(
                    key, f"{label}的“{part[:20]}”应写成“市场 百分比”，例如 North America 40%", "format"
                )
                return {}
            pairs.append((m[1].strip(), m[2]))
    else:
        errors.add(key, f"{label}应写成“市场 百分比”，例如 North America 40%; Western Europe 60%", "type")
        return {}
    out: dict[str, int] = {}
    for name, pct in pairs:
        market = _MARKET_BY_FOLD.get(str(name).strip().casefold()) if isinstance(name, str) else None
        if market is None:
            errors.add(key, f"{label}中没有这个市场：{str(name)[:30]}", "choice")
            return {}
        if market in out:
            errors.add(key, f"{label}中 {market} 填了两次", "unique")
            return {}
        sub = FieldErrors()
        number = validate.integer(sub, key, f"{label}中 {market} 的百分比", pct, min_value=1, max_value=100)
        if number is None:
            errors.errors.extend(sub.errors)
            return {}
        if market not in markets:
            errors.add(key, f"{label}中的 {market} 没有在“{LABELS['main_markets']}”里勾选", "main_markets")
            return {}
        out[market] = number
    total = sum(out.values())
    if total > 100:
        errors.add(key, f"{label}合计不能超过 100%（当前 {total}%）", "max_total")
        return {}
    return out
