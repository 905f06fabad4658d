"""运费模板: the textbook template, express only, pricing types, 承诺达 on both sides of its limits, the preview."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.freight import chargeable_kg, list_price, moq_of
from tests.hostile import file_bytes
from tests.trade_data import EUROPE, FREIGHT


@pytest.fixture
def backend(make_backend):
    return make_backend("08_trade")


def template(**changes) -> dict:
    return {**copy.deepcopy(FREIGHT), **changes}


def line(**changes) -> dict:
    base = {"service": "全球3C&普货专线", "delivery": "仓到门", "warehouse": "越航深圳机场仓",
            "warehouse_postcode": "518000", "countries": EUROPE, "rate_pct": 100}  # fmt: skip
    return {**base, **changes}


def refused(backend, values: dict) -> dict[str, str]:
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as info:
        backend.freight.save_template(values)
    assert file_bytes(backend.path) == before
    return info.value.by_field()


def test_textbook_template_is_accepted_as_printed(backend):
    assert backend.freight.save_template(template()) == []
    t = backend.freight.template("RTS 商品常规物流")
    assert t.destination == "France" and t.origin_postcode == "250000"
    assert [s.service for s in t.services] == ["FedEx IP", "全球3C&普货专线"]
    assert all(s.countries == EUROPE and s.rate_pct == 50 and s.pricing == "阿里物流价" for s in t.services)


def test_same_name_replaces_the_template(backend):
    backend.freight.save_template(template())
    advice = backend.freight.save_template(template(goods="带电商品"))
    assert len(backend.freight.templates()) == 1 and "替换" in advice[0]


@pytest.mark.parametrize("method", ["空运", "海运"])
def test_express_only(backend, method):
    assert "只支持快递" in refused(backend, template(method=method))["method"]


def test_negotiated_shipping_is_not_for_rts(backend):
    errors = refused(backend, template(services=[line(pricing="协商物流")]))
    assert "服务类型 1" in errors["services"] and "Ready to Ship" in errors["services"]


@pytest.mark.parametrize(
    "rate,ok", [("0", False), ("1", True), ("500", True), ("501", False), ("50.5", False)]
)
def test_adjustment_rate_bounds(backend, rate, ok):
    values = template(services=[line(rate_pct=rate)])
    if ok:
        backend.freight.save_template(values)
    else:
        assert "services" in refused(backend, values)


def test_rate_defaults_to_100(backend):
    row = line()
    del row["rate_pct"]
    backend.freight.save_template(template(services=[row]))
    assert backend.freight.templates()[0].services[0].rate_pct == rules.FREIGHT_DEFAULT_RATE_PCT


@pytest.mark.parametrize(
    "row,ok",
    [
        ({"rate_pct": "120", "on_time": True}, True),
        ({"rate_pct": "121", "on_time": True}, False),
        ({"service": "FedEx IP", "warehouse": "八达通深圳仓", "rate_pct": "100", "on_time": True}, False),
        ({"pricing": "按重量", "first_kg_usd": "10", "extra_kg_usd": "3", "on_time": True}, False),
        ({"service": "中美经济专线", "countries": ["United States"], "on_time": True}, True),
    ],
)
def test_on_time_delivery_needs_one_of_six_lines_ali_price_and_at_most_120(backend, row, ok):
    values = template(destination="United States" if "中美" in str(row) else "France", services=[line(**row)])
    if ok:
        backend.freight.save_template(values)
        assert backend.freight.templates()[0].services[0].on_time
    else:
        assert "承诺达" in refused(backend, values)["services"]


def test_a_line_only_goes_where_it_delivers(backend):
    errors = refused(backend, template(services=[line(service="中美经济专线")]))
    assert "不派送到" in errors["services"]


def test_warehouse_rules(backend):
    assert "仓库" in refused(backend, template(services=[line(warehouse="")]))["services"]
    assert "不选仓库" in refused(backend, template(services=[line(delivery="门到门")]))["services"]
    backend.freight.save_template(template(services=[line(delivery="门到门", warehouse="")]))
    advice = backend.freight.save_template(template(services=[line(warehouse="义乌仓")]))
    assert any("322000" in a for a in advice)  # the postcode typed is not the warehouse's: advice only


def test_duplicate_lines_and_an_unserved_destination(backend):
    assert "已经添加过" in refused(backend, template(services=[line(), line()]))["services"]
    assert "destination" in refused(backend, template(destination="Japan", services=[line()]))


def test_cosmetics_line_only_for_cosmetics(backend):
    assert "只承运化妆品" in refused(backend, template(services=[line(service="全球化妆品专线")]))["services"]
    backend.freight.save_template(template(goods="化妆品", services=[line(service="全球化妆品专线")]))


@pytest.mark.parametrize(
    "values,key",
    [
        ({"name": ""}, "name"),
        ({"name": "<script>x</script>"}, "name"),
        ({"origin_postcode": "25000"}, "origin_postcode"),
        ({"origin_postcode": "abcdef"}, "origin_postcode"),
        ({"destination": "Atlantis"}, "destination"),
        ({"services": []}, "services"),
        ({"services": "FedEx IP"}, "services"),
        ({"services": [line(countries=[])]}, "services"),
        ({"services": [line(service="Rocket Mail")]}, "services"),
        ({"services": [line(extra="x")]}, "services"),
    ],
)
def test_hostile_input_is_refused(backend, values, key):
    assert key in refused(backend, template(**values))


def test_unknown_field_is_refused(backend):
    with pytest.raises(SimError, match="没有这些字段"):
        backend.freight.save_template({**template(), "price": 1})


# --- the preview ----------------------------------------------------------------------------------------
def test_preview_shows_the_moq_freight_in_usd_for_each_country(backend):
    backend.freight.save_template(template())
    rows = backend.freight.preview("RTS 商品常规物流", 3178)
    dress = next(p for p in backend.state.products if p.id == 3178)
    assert moq_of(dress) == 2 and chargeable_kg(dress, 2) == 1.0  # 2 × max(0.4, 30×25×3/5000 = 0.45) → 1.0
    assert len(rows) == 12
    fedex_fr = next(r for r in rows if r.service == "FedEx IP" and r.country == "France")
    assert fedex_fr.freight_usd == (list_price("FedEx IP", "France", 1.0) * Decimal("0.5")).quantize(
        Decimal("0.01")
    )


def _heavy_template(backend) -> None:
    services = [line(service=s, warehouse="", delivery="门到门", on_time=s in rules.ON_TIME_LINES)
                for s in ("无忧专线-标准", "全球重货专线", "全球3C&普货专线")]  # fmt: skip
    backend.freight.save_template(template(name="重货", services=services))


def test_weight_limits_of_the_lines(backend):
    _heavy_template(backend)
    light = {r.service: r for r in backend.freight.preview("重货", 3178)}  # 1 kg
    assert light["无忧专线-标准"].freight_usd is not None
    assert light["全球重货专线"].freight_usd is None and "20 kg 以上" in light["全球重货专线"].note
    heavy = {r.service: r for r in backend.freight.preview("重货", 3168)}  # 100 × 1.2 kg
    assert heavy["无忧专线-标准"].freight_usd is None and "20 kg" in heavy["无忧专线-标准"].note
    assert heavy["全球重货专线"].freight_usd is not None


def test_on_time_compensation_is_the_freight_at_most_50_usd(backend):
    _heavy_template(backend)
    light = {r.service: r for r in backend.freight.preview("重货", 3178)}
    assert light["全球3C&普货专线"].compensation_usd == light["全球3C&普货专线"].freight_usd < 50
    heavy = {r.service: r for r in backend.freight.preview("重货", 3168)}
    assert heavy["全球重货专线"].freight_usd > 50 and heavy["全球重货专线"].compensation_usd == 50
    assert light["无忧专线-标准"].compensation_usd is None


def test_free_shipping_weight_and_quantity_pricing(backend):
    services = [
        line(service="FedEx IP", warehouse="八达通深圳仓", pricing="卖家包邮"),
        line(pricing="按重量", first_kg_usd="10", extra_kg_usd="3"),
        line(service="DHL Express", warehouse="", delivery="门到门", pricing="按数量", per_unit_usd="2.5"),
    ]
    backend.freight.save_template(template(services=services))
    rows = {r.service: r for r in backend.freight.preview("RTS 商品常规物流", 3168) if r.country == "France"}
    assert rows["FedEx IP"].freight_usd == 0
    assert rows["全球3C&普货专线"].freight_usd == Decimal("10") + 3 * 119  # 120 kg: first kg + 119 more
    assert rows["DHL Express"].freight_usd == Decimal("250.00")  # 100 pieces × 2.5
    assert "first_kg_usd" not in str(refused(backend, template(services=[line(pricing="按重量")])))


def test_preview_of_unknown_template_or_product(backend):
    with pytest.raises(SimError):
        backend.freight.preview("没有这个模板", 3178)
    backend.freight.save_template(template())
    with pytest.raises(SimError):
        backend.freight.preview("RTS 商品常规物流", 99999)


@pytest.mark.parametrize("flag", ["yes", "False", 1, [True]])
def test_on_time_is_a_tick_box(backend, flag):
    assert "承诺达" in refused(backend, template(services=[line(on_time=flag)]))["services"]
