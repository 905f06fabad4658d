"""项目十 出口服务: the set-up store (出口通 member, A&V passed, team in place) on 2023-01-03."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..customs_models import CustomsDeclaration, CustomsGoods
from ..state import StoreState
from .established import established_store
from .products_data import image_bank
from .storyline import storyline_products, storyline_trueviews, storyline_videos

__all__ = ["build", "demo_declaration"]

_FIRM = "HuNan DianYue Science and Technology Co., Ltd"


def build() -> StoreState:
    state = established_store("10_customs", dt.date(2023, 1, 3))
    state.products = storyline_products(state.today)  # 03_product
    state.image_bank = image_bank()
    state.videos, state.trueviews = storyline_videos(), storyline_trueviews()  # 04_media
    return state


def demo_declaration() -> CustomsDeclaration:
    """The declaration of task 10.1.4 (L5255-5303) already made, for the demo store (its files are made on
    the visitor's 「生成单证」; a project's own store starts without it)."""
    day = dt.date(2023, 1, 3)
    goods = CustomsGoods(
        hs_code="6204420000", goods_name="Princess Dress Pink/002-03F", quantity=Decimal(100), unit="件",
        gross_kg=Decimal("30.5"), net_kg=Decimal(30), unit_price=Decimal(20), total=Decimal(2000), currency="AUD",
        origin_country="中国", destination_country="澳大利亚", domestic_source="东城区", levy="照章征税",
    )  # fmt: skip
    return CustomsDeclaration(
        id="BG-0001", domestic_shipper=_FIRM, exit_customs="北京关区", record_no="00001", overseas_consignee="Cici",
        transport_mode="水路运输", vessel="MARE DKICUM/ 0332W", voyage_no="23230", bill_of_lading="X21666002495",
        producer_seller=_FIRM, supervision_mode="一般贸易", levy_nature="一般征税", license_no="370000266736773",
        contract_no="CN62302095206141", trade_country="中国", arrival_country="澳大利亚", destination_port="中国境内",
        exit_port="北京", package_kind="包/袋", packages=100, gross_kg=Decimal("30.5"), net_kg=Decimal(30),
        trade_terms="CIF", freight=Decimal(100), insurance=Decimal(4), misc=Decimal(20), currency="AUD",
        marks="N/M", special_relationship="否", price_influence="否", royalties="否", goods=[goods],
        shipper=_FIRM,
        shipper_address="15 / F, Building A, No.128 East Fourth Ring Middle Road, Chaoyang District, Beijing",
        shipper_tel_fax="13666301234", consignee_address="55 Dunblane Street, Camperdown, NSW 2050, Australia",
        consignee_tel_fax="0061-6356345", settlement="T/T", volume_cbm=Decimal(1), ship_date=dt.date(2023, 1, 20),
        contract_date=day, packing_list_no="20200103", packing_list_date=day, invoice_no="IVF62302095202332",
        invoice_date=day, created_at=dt.datetime.combine(day, dt.time(10, 0)),
    )  # fmt: skip
