"""The saved shape of company information (管理公司信息, task 02.3.1, L664-1029)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from .model_base import SavedModel
from .upload_models import FileMeta

__all__ = ["Certificate", "CompanyInfo"]


class Certificate(SavedModel):
    """One entry under 研发设计 → 证书商标及专利."""

    cert_type: str
    cert_no: str
    cert_name: str
    cert_valid_to: dt.date | None = None
    certified_on: dt.date | None = None  # 认证日期 (L850)
    issued_on: dt.date | None = None  # 颁证日期 (L851)
    image: FileMeta | None = None  # 证书图片: the scan (L852-857)


class CompanyInfo(SavedModel):
    """What the company submitted, tab by tab, and when its one-working-day review ends."""

    # 基本信息
    company_type: str = ""
    company_name_cn: str
    company_name_en: str
    address_cn: str
    address_en: str
    # 注册地址 when it differs from the operating address above (L362: they may differ); "" = the same.
    registered_address_cn: str = ""
    registered_address_en: str = ""
    postcode: str
    main_category: str
    main_products: list[str]
    other_products: list[str] = Field(default_factory=list)
    year_established: str  # "2022" or "2022-03-05": the form takes either
    employees: int
    website: str = ""
    legal_rep_name: str
    legal_rep_name_en: str
    office_area_m2: float | None = None
    core_advantages: str = ""
    # 研发设计 / 证书商标及专利
    rd_staff: int | None = None
    certificate: Certificate | None = None
    # 加工制造能力 / 合作工厂
    factory_address: str = ""
    factory_area_m2: float | None = None
    oem_services: list[str] = Field(default_factory=list)
    oem_years: int | None = None
    factory_staff: int | None = None
    production_scale: str = ""  # 生产规模 (L893)
    annual_output: str = ""
    annual_output_shown: str = ""  # 是否添加年产量信息: Yes / No (L897)
    production_flow_chart: FileMeta | None = None
    production_equipment: list[str] = Field(default_factory=list)
    production_lines: list[str] = Field(default_factory=list)
    qc_process: str = ""
    qc_equipment: list[str] = Field(default_factory=list)
    # 外贸出口能力 / 贸易信息
    last_trade_partner: str = ""  # 上一贸易伙伴 (L909)
    export_ratio: str = ""
    main_markets: list[str] = Field(default_factory=list)
    market_shares: dict[str, int] = Field(default_factory=dict)  # 主要市场占比: market → percent (L913-919)
    export_currency: str = ""  # 公司出口币种 (L921)
    customs_keywords: str = ""  # 是否有海关关键字: Yes / No (L923)
    trade_staff: str = ""
    export_mode: str = ""
    export_ports: list[str] = Field(default_factory=list)
    currency: str = ""  # 货币: a currency code (L934)
    overseas_office: str = ""
    trade_terms: list[str] = Field(default_factory=list)
    payment_methods: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    buyer_cases: list[str] = Field(default_factory=list)
    # 展示信息
    logo: FileMeta | None = None
    detailed_description: str = ""
    company_photos: list[FileMeta] = Field(default_factory=list)
    company_video: FileMeta | None = None
    exhibitions: list[str] = Field(default_factory=list)
    # review (L997)
    submitted_on: dt.date
    submitted_at: dt.datetime
    review_done_on: dt.date
    submissions: int = 1

    @field_validator("payment_methods", mode="before")
    @classmethod
    def _printed_names(cls, value):
        """Saves made before the options were printed as in the textbook (L955-956) read with today's names."""
        old = {"D/P D/A": "O/P O/A", "MoneyGram": "Money Gram"}
        return [old.get(v, v) for v in value] if isinstance(value, list) else value
