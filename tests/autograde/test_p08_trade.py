"""Checks of project 08: the textbook data scores full; each wrong field scores less and is named, not answered."""

from __future__ import annotations

import copy

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.quiz_answers import QUIZ_ANSWERS
from tests.trade_data import FREIGHT, INQUIRY_ORDER, TA_ORDER

# A value that passes every rule but differs from the task's data, per checked field.
WRONG_TA = {
    "buyer_email": {"buyer_email": "lin.meimei@gmail.com"},
    "buyer_name": {"buyer_name": "Lin Meimeii"},
    "shipping_address": {"shipping_address": "San Carlos, Mendoza, Argentina"},
    "spec": {"spec": "C11"},
    "quantity": {"quantity": "120"},
    "unit_price_usd": {"unit_price_usd": "35"},
    "shipping_method": {"shipping_method": "空运"},
    "advance_usd": {"advance_usd": "1200"},
    "ship_within_days": {"ship_within_days": "7"},
    "trade_terms": {"trade_terms": "CIF"},
    "export_via_onetouch": {"export_via_onetouch": "使用一达通报关"},
    "other_fees": {"other_fees": "20"},
    "services": {"services": ["专人跟单&验货服务"]},
    "order_type": {"order_type": "e收汇订单", "payment_method": "T/T", "currency": "USD"},
}
WRONG_INQUIRY = {
    "quantity": {"quantity": "60"},
    "trade_terms": {"trade_terms": "FOB"},
    "consignee_name": {"consignee_name": "Kayla Smith"},
    "consignee_mobile": {"consignee_mobile": "15899635889"},
    "assurance_term": {"assurance_term": "保障到发货"},
}


def _template(**changes):
    values = copy.deepcopy(FREIGHT)
    services = values["services"]
    for key, value in changes.items():
        if key.startswith("s1_"):
            services[0][key[3:]] = value
        elif key.startswith("s2_"):
            services[1][key[3:]] = value
        else:
            values[key] = value
    return values


WRONG_FREIGHT = {
    "name": {"name": "RTS 常规物流"},
    "origin_postcode": {"origin_postcode": "518000"},
    "destination": {"destination": "Germany"},
    "service_1": {"s1_warehouse": "广州白云仓"},
    "service_1_countries": {"s1_countries": ["Germany", "Italy", "France", "Spain", "Belgium"]},
    "service_1_rate": {"s1_rate_pct": 60},
    "service_2_rate": {"s2_rate_pct": 100},
}


def drafted(make_backend, screen_id: str, data: dict, **changes):
    backend = make_backend("08_trade")
    result = aw.screen_for(screen_id, backend).fill(**{**data, **changes}).submit()
    assert result.ok, result
    return backend


def saved_template(make_backend, **changes):
    backend = make_backend("08_trade")
    result = aw.screen_for("08.2.3", backend).fill(**_template(**changes)).submit()
    assert result.ok, result
    return backend


@pytest.mark.parametrize(
    "task,screen_id,data", [("08.1.4", "08.1.4", TA_ORDER), ("08.1.5", "08.1.5", INQUIRY_ORDER)]
)
def test_textbook_orders_score_full(make_backend, capsys, task, screen_id, data):
    result = check(task, drafted(make_backend, screen_id, data))
    assert result == result.max_score == 10 and result.full
    captured = capsys.readouterr()
    assert "全部正确" in captured.out and captured.err == ""


def test_textbook_template_scores_full(make_backend):
    assert evaluate("08.2.3", saved_template(make_backend)).full


@pytest.mark.parametrize("task", ["08.1.4", "08.1.5", "08.2.3"])
def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys, task):
    assert check(task, make_backend("08_trade")) == 0
    assert "还没有" in capsys.readouterr().out


def _assert_one_wrong(result, key, total_fields):
    assert [f.key for f in result.wrong] == [key]
    assert result == pytest.approx(10 * (total_fields - 1) / total_fields, abs=0.01)


@pytest.mark.parametrize("key", list(WRONG_TA))
def test_each_wrong_order_field_is_named(make_backend, capsys, key):
    result = check("08.1.4", drafted(make_backend, "08.1.4", TA_ORDER, **WRONG_TA[key]))
    _assert_one_wrong(result, key, len(SPECS["08.1.4"].fields))
    out = capsys.readouterr().out
    label = next(f.label for f in SPECS["08.1.4"].fields if f.key == key)
    assert f"✘ {label}" in out


@pytest.mark.parametrize("key", list(WRONG_INQUIRY))
def test_each_wrong_inquiry_order_field_is_named(make_backend, key):
    result = evaluate("08.1.5", drafted(make_backend, "08.1.5", INQUIRY_ORDER, **WRONG_INQUIRY[key]))
    _assert_one_wrong(result, key, len(SPECS["08.1.5"].fields))


def test_another_inquiry_is_named(make_backend):
    backend = make_backend("08_trade")
    claire = backend.trade.inquiry("INQ-0805")
    values = {**INQUIRY_ORDER, "inquiry_id": claire.id}
    assert aw.screen_for("08.1.5", backend).fill(**values).submit().ok
    result = evaluate("08.1.5", backend)
    assert [f.key for f in result.wrong] == ["inquiry_id"]


@pytest.mark.parametrize("key", list(WRONG_FREIGHT))
def test_each_wrong_template_field_is_named(make_backend, key):
    result = evaluate("08.2.3", saved_template(make_backend, **WRONG_FREIGHT[key]))
    _assert_one_wrong(result, key, len(SPECS["08.2.3"].fields))


def test_a_missing_service_line_is_named_as_missing(make_backend):
    backend = make_backend("08_trade")
    values = _template()
    values["services"] = values["services"][:1]
    assert aw.screen_for("08.2.3", backend).fill(**values).submit().ok
    result = evaluate("08.2.3", backend)
    assert {f.key for f in result.wrong} == {"service_2", "service_2_countries", "service_2_rate"}
    assert all("没有填写" in f.feedback for f in result.wrong)


def test_feedback_never_gives_the_expected_value(make_backend, capsys):
    backend = drafted(make_backend, "08.1.4", TA_ORDER, buyer_name="Lin Lei", spec="C12", advance_usd="900")
    check("08.1.4", backend)
    out = capsys.readouterr().out
    assert "Lin meimei" not in out and "C10" not in out and "1000" not in out
    assert "Lin Lei" in out  # the student's own answer is shown (practice mode)


def test_the_latest_order_of_each_kind_is_graded(make_backend):
    backend = drafted(make_backend, "08.1.4", TA_ORDER, quantity="50")
    assert not evaluate("08.1.4", backend).full
    aw.screen_for("08.1.4", backend).fill(**TA_ORDER).submit()
    aw.screen_for("08.1.5", backend).fill(**{**INQUIRY_ORDER, "quantity": "40"}).submit()
    assert evaluate("08.1.4", backend).full and not evaluate("08.1.5", backend).full


def test_knowledge_checks_with_the_answer_key(make_backend):
    backend = make_backend("08_trade")
    ids = sorted(q for q in QUESTIONS if q.startswith("08."))
    assert len(ids) == 8
    for qid in ids:
        assert check(qid, backend) == 0
        aw.screen_for(qid, backend).fill(answer=QUIZ_ANSWERS[qid] if QUESTIONS[qid].multiple else
                                         QUIZ_ANSWERS[qid][0]).submit()  # fmt: skip
        assert evaluate(qid, backend).full, qid
