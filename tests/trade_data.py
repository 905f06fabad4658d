"""Project 08's textbook data (TASKS.md §08_trade), exactly as printed, keyed by the screens' field keys."""

from __future__ import annotations

DRESS = (
    "2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female "
    "Party Clubwear Vestido"
)
BOARD = (
    "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board "
    "Activity Game"
)
EUROPE = ["Germany", "Italy", "Czech Republic", "France", "Spain", "Belgium"]

# 08.1.4 起草信保订单 (L4838-4863)
TA_ORDER = {
    "buyer_email": "DGQFAD@126.COM",
    "buyer_name": "Lin meimei",
    "shipping_address": "San Carlos, Mendoza, Argentina Eugenio Bustos, Mendoza, Mendoza, Argentina, 5569",
    "product": DRESS,
    "spec": "C10",
    "quantity": "100",
    "unit_price_usd": "36",
    "shipping_method": "海运",
    "advance_usd": "1000",
    "ship_within_days": "5",
    "trade_terms": "FOB",
    "export_via_onetouch": "不使用一达通报关",
}

# 08.1.5 起草线上信保订单 from Amy Tang's inquiry (L4873-4899)
INQUIRY_ORDER = {
    "inquiry_id": "INQ-AMY-01",
    "product": BOARD,
    "quantity": "50",
    "unit_price_usd": "6",
    "shipping_method": "海运",
    "trade_terms": "CIF",
    "advance_usd": "200",
    "ship_within_days": "3",
    "consignee_name": "kayla",
    "consignee_mobile": "15899635888",
    "consignee_postcode": "90012",
    "shipping_address": "205 W. 1st St. Los Angeles, California 90012, America",
    "export_via_onetouch": "不使用一达通报关",
    "assurance_term": "保障到收货后",
}

# 08.2.3 设置运费模板 (L5034-5055); the textbook writes 全球 3C&普货专线 with a space and 欧洲 France.
FREIGHT = {
    "name": "RTS 商品常规物流",
    "origin": "中国大陆",
    "origin_postcode": "250000",
    "method": "快递",
    "goods": "普通商品",
    "logistics": "优选物流",
    "destination": "欧洲 France",
    "services": [
        {
            "service": "FedEx IP",
            "delivery": "仓到门",
            "warehouse": "八达通深圳仓",
            "warehouse_postcode": "518000",
            "countries": EUROPE,
            "rate_pct": 50,
        },
        {
            "service": "全球 3C&普货专线",
            "delivery": "仓到门",
            "warehouse": "越航深圳机场仓",
            "warehouse_postcode": "518000",
            "countries": EUROPE,
            "rate_pct": 50,
        },
    ],
}


def sim_order(**changes) -> dict:
    """08.1.4's data as the simulator takes it (the order type given)."""
    return {"order_type": "信用保障订单", **TA_ORDER, **changes}
