"""项目八 交易管理's scenario data: the inquiry inbox, carriers with simulated rate cards, warehouses.

The rate cards are the simulator's (the textbook shows no prices): USD for the first 0.5 kg and for each
further 0.5 kg, per destination zone. They are fixed numbers, so every preview is deterministic.
"""

from __future__ import annotations

import datetime as dt

from ..ownership_models import Inquiry
from ..state import StoreState

__all__ = [
    "AMY_INQUIRY_ID",
    "COUNTRY_ZONES",
    "CARRIERS",
    "WAREHOUSES",
    "trade_inquiries",
    "add_trade_scenario",
]

AMY_INQUIRY_ID = "INQ-AMY-01"

# Destination → zone of the rate cards. The countries a template can ship to (the 发往国家和地区 list).
COUNTRY_ZONES: dict[str, str] = {
    "Germany": "欧洲",
    "Italy": "欧洲",
    "Czech Republic": "欧洲",
    "France": "欧洲",
    "Spain": "欧洲",
    "Belgium": "欧洲",
    "Netherlands": "欧洲",
    "Poland": "欧洲",
    "United Kingdom": "欧洲",
    "United States": "北美",
    "Canada": "北美",
    "Mexico": "拉美",
    "Brazil": "拉美",
    "Argentina": "拉美",
    "Japan": "亚洲",
    "South Korea": "亚洲",
    "Singapore": "亚洲",
    "Australia": "大洋洲",
}
_ALL = tuple(COUNTRY_ZONES)
_EUROPE = tuple(c for c, z in COUNTRY_ZONES.items() if z == "欧洲")


def _card(first: float, extra: float, *, europe=1.0, america=1.1, latam=1.5, asia=0.7, oceania=1.2):
    """A rate card: (first 0.5 kg, each further 0.5 kg) in USD for every zone."""
    factors = {"欧洲": europe, "北美": america, "拉美": latam, "亚洲": asia, "大洋洲": oceania}
    return {zone: (round(first * f, 2), round(extra * f, 2)) for zone, f in factors.items()}


# Carrier → the countries it serves and its rate card (simulated). 无忧专线 and the 专线 are the platform's
# own lines (L4919); FedEx, UPS and DHL are express services.
CARRIERS: dict[str, dict] = {
    "FedEx IP": {"countries": _ALL, "card": _card(28.0, 5.2)},
    "FedEx IE": {"countries": _ALL, "card": _card(24.0, 4.1)},
    "UPS Express Saver": {"countries": _ALL, "card": _card(26.5, 4.8)},
    "DHL Express": {"countries": _ALL, "card": _card(29.0, 5.0)},
    "全球3C&普货专线": {"countries": _ALL, "card": _card(12.0, 2.6)},
    "全球重货专线": {"countries": _ALL, "card": _card(30.0, 1.9)},
    "全球化妆品专线": {"countries": _ALL, "card": _card(13.5, 2.9)},
    "全球电子烟专线": {"countries": _ALL, "card": _card(14.0, 3.1)},
    "欧美专线": {"countries": (*_EUROPE, "United States", "Canada"), "card": _card(11.0, 2.4)},
    "中美经济专线": {"countries": ("United States",), "card": _card(9.5, 2.1)},
    "无忧专线-标准": {"countries": _ALL, "card": _card(10.5, 2.3)},
    "Alibaba.com Standard": {"countries": _ALL, "card": _card(10.0, 2.2)},
}

# Warehouses of the platform's lines (仓到门): name → postcode.
WAREHOUSES: dict[str, str] = {
    "八达通深圳仓": "518000",
    "越航深圳机场仓": "518000",
    "广州白云仓": "510000",
    "义乌仓": "322000",
    "上海浦东仓": "200000",
    "济南仓": "250000",
}


def trade_inquiries(today: dt.date) -> list[Inquiry]:
    """The inquiry inbox of 08_trade: Amy Tang's (INQ-AMY-01) and a few others."""

    def d(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    return [
        Inquiry(
            id=AMY_INQUIRY_ID,
            subject="Kids Plastic Balance Board - first order 50 pcs",
            buyer="Amy Tang",
            received_on=d(6),
            buyer_email="amy.tang@kidsplayretail.com",
            buyer_company="Kids Play Retail LLC",
            buyer_country="United States",
            message=(
                "Hi Mark, we would like to start with 50 pcs of the Kids Plastic Balance Board. "
                "Please draft a Trade Assurance order so we can confirm it."
            ),
            product_id=3177,
            quantity=50,
        ),
        Inquiry(
            id="INQ-0805",
            subject="Velvet midi dress, price for 300 pcs?",
            buyer="Claire Dubois",
            received_on=d(3),
            buyer_email="claire.dubois@modeparis.fr",
            buyer_company="Mode Paris SARL",
            buyer_country="France",
            message="Could you quote 300 pcs of the black velvet midi dress, sizes S-XL?",
            product_id=3178,
            quantity=300,
        ),
        Inquiry(
            id="INQ-0806",
            subject="Mushroom plush pillow samples",
            buyer="Hiroshi Sato",
            received_on=d(1),
            buyer_email="h.sato@toyland.co.jp",
            buyer_company="Toyland Co., Ltd.",
            buyer_country="Japan",
            message="We need 3 samples of the mushroom plush pillow before a bulk order.",
            product_id=3176,
            quantity=3,
        ),
    ]


def add_trade_scenario(state: StoreState) -> StoreState:
    """Put 08_trade's inquiries in the store (kept apart from any inquiry with the same id)."""
    known = {q.id for q in state.inquiries}
    state.inquiries += [q for q in trade_inquiries(state.today) if q.id not in known]
    return state
