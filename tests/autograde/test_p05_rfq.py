"""Checks of project 05: the textbook quote scores full; each wrong field scores less and is named."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY
from tests.rfq_data import DETAILS, DETAILS_AS_PRINTED, QUOTE

LABELS = {fc.key: fc.label for fc in SPECS["05.1.4"].fields}
WEIGHT = {fc.key: fc.weight for fc in SPECS["05.1.4"].fields}
TOTAL = sum(WEIGHT.values())
# Values that pass every rule but differ from the task's data.
WRONG = {
    "rfq_id": {"rfq_id": "RFQ-BLOCKS-04"},
    "product_name": {"product_name": "Slide Building Blocks City House"},
    "product_code": {"product_code": "M00256"},
    "details": {"details": DETAILS.replace("Solid wood", "Plastic")},
    "unit": {"unit": "件/pieces"},
    "trade_terms": {"trade_terms": "FOB Ningbo"},
    "valid_until": {"valid_until": "2022-11-26"},
    "currency": {"currency": "EUR"},
    "price_tiers": {"price_tiers": [(100, 18.00), (500, 16.00)]},
    "payment_terms": {"payment_terms": ["T/T", "L/C"]},
    "sample": {"sample": "free sample, seller pays freight, sent within 3 days of confirmation"},
    "message": {"message": "Hello, please see our quotation."},
    "value_added_services": {"value_added_services": ["定制 Logo"]},
}


def quoted(make_backend, **changes):
    backend = make_backend("05_rfq")
    result = aw.screen_for("05.1.4", backend).fill(**{**QUOTE, **changes}).submit()
    assert result.ok, result
    return backend


def test_every_field_of_the_task_is_checked():
    assert set(WRONG) == set(LABELS) == set(QUOTE)


def test_textbook_data_scores_full(make_backend, capsys):
    result = check("05.1.4", quoted(make_backend))
    assert result == result.max_score == 10 and result.full
    captured = capsys.readouterr()
    assert "全部正确" in captured.out and captured.err == ""


@pytest.mark.parametrize(
    "changes",
    [
        {"details": DETAILS_AS_PRINTED},  # the textbook prints "Size:Size:" (L2517)
        {"details": DETAILS.replace("\n", "; ")},  # one line, as TASKS.md writes it
        {"valid_until": "2022 年 11 月 25 日"},
        {"unit": "Box/Boxes", "price_tiers": [("100", "18"), ("500", "15.00")]},
        {"value_added_services": [], "payment_terms": ["T/T"], "product_image": "IMG-HOUSE-02"},
        {"sample": "支持提供样品，免费提供，运费由买家支付，确认后 3 天内寄送样品"},
    ],
)
def test_the_textbook_data_as_printed_or_typed_differently_scores_full(make_backend, changes):
    assert evaluate("05.1.4", quoted(make_backend, **changes)).full


def test_nothing_quoted_scores_zero_with_a_reason(make_backend, capsys):
    assert check("05.1.4", make_backend("05_rfq")) == 0
    assert "还没有报价" in capsys.readouterr().out


@pytest.mark.parametrize("key", list(WRONG))
def test_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("05.1.4", quoted(make_backend, **WRONG[key]))
    assert [f.key for f in result.wrong] == [key]
    assert result == pytest.approx(10 * (TOTAL - WEIGHT[key]) / TOTAL, abs=0.01)  # scores have two decimals
    assert f"✘ {LABELS[key]}" in capsys.readouterr().out


def test_a_revised_quote_is_graded(make_backend):
    backend = quoted(make_backend, **WRONG["trade_terms"])
    assert not evaluate("05.1.4", backend).full
    aw.screen_for("05.1.4", backend).fill(**QUOTE, revise=True).submit()
    assert evaluate("05.1.4", backend).full


def test_the_task_rfq_is_graded_even_after_other_quotes(make_backend):
    backend = quoted(make_backend)
    aw.screen_for("05.1.4", backend).fill(**{**QUOTE, **WRONG["rfq_id"], **WRONG["message"]}).submit()
    assert evaluate("05.1.4", backend).full


def test_feedback_does_not_give_the_answer_away(make_backend):
    backend = quoted(make_backend, **WRONG["message"], **WRONG["rfq_id"], **WRONG["trade_terms"])
    text = "\n".join(evaluate("05.1.4", backend, reveal=False).feedback_lines())
    for answer in ("in-depth cooperation", "RFQ-BLOCKS-01", "Shanghai"):
        assert answer not in text


def test_the_graded_store_survives_a_restart(make_backend, tmp_path):
    quoted(make_backend)
    assert check("05.1.4", aw.open_backend("05_rfq", path=tmp_path), quiet=True).full


def test_a_hand_edited_store_is_graded_not_crashed(make_backend):
    backend = quoted(make_backend)
    with backend.transaction("test.break") as work:
        rec = next(r for r in work.rfqs if r.id == "RFQ-BLOCKS-01")
        rec.quote.price_tiers = []
        rec.quote.payment_terms = []
    result = evaluate("05.1.4", backend)
    assert {f.key for f in result.wrong} == {"price_tiers", "payment_terms"}


QUIZ_ANSWERS = {qid: ANSWER_KEY[qid] for qid in QUESTIONS if qid.startswith("05.") and qid in SPECS}


def test_every_knowledge_check_has_a_spec():
    assert sorted(QUIZ_ANSWERS) == [f"05.q{n}" for n in range(1, 7)]


@pytest.mark.parametrize("qid", sorted(QUIZ_ANSWERS))
def test_knowledge_checks_right_and_wrong(make_backend, qid):
    backend = make_backend("05_rfq")
    assert evaluate(qid, backend) == 0
    right = QUIZ_ANSWERS[qid]
    aw.screen_for(qid, backend).fill(answer=right).submit()
    assert evaluate(qid, backend).full
    wrong = [o for o in QUESTIONS[qid].options if o not in right][:1]
    aw.screen_for(qid, backend).fill(answer=wrong).submit()
    assert evaluate(qid, backend) == 0


def test_knowledge_check_answers_agree_with_the_rules():
    assert str(rules.RFQ_MAX_QUOTES) in QUIZ_ANSWERS["05.q1"][0]
    assert str(rules.RFQ_MONTHLY_QUOTA_PAID) in QUIZ_ANSWERS["05.q2"][0]
    assert str(rules.FREE_MEMBER_RFQ_QUOTES) in QUIZ_ANSWERS["05.q3"][0]
    assert set(QUIZ_ANSWERS["05.q4"]) == set(rules.RFQ_RESEARCH_POINTS)
