"""Checks of project 10: the textbook data scores full; each wrong field scores less and is named."""

from __future__ import annotations

import shutil

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.customs import fee_notation
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.customs_data import AS_PRINTED, FORM, GOODS
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY

SPEC = SPECS["10.1.4"]
LABELS = {fc.key: fc.label for fc in SPEC.fields}
N = len(SPEC.fields)
# Values that pass every rule but differ from the task's data: field key of the check → the change.
WRONG = {
    "domestic_shipper": {"domestic_shipper": "HuNan DianYue Co., Ltd"},
    "exit_customs": {"exit_customs": "长沙关区"},
    "record_no": {"record_no": "00002"},
    "vessel": {"vessel": "MARE DKICUM"},
    "transport_mode": {"transport_mode": "航空运输"},
    "license_no": {"license_no": "440000551523412"},
    "arrival_country": {"arrival_country": "新西兰"},
    "packages": {"packages": "10"},
    "gross_kg": {"gross_kg": "31"},
    "supervision_mode": {"supervision_mode": "来料加工"},
    "freight": {"freight": "10"},
    "currency": {"currency": "USD"},
    "marks": {"marks": "DY-2023"},
    "royalties": {"royalties": "是"},
    "shipper_address": {"shipper_address": "15 / F, Building A, Beijing"},
    "settlement": {"settlement": "L/C"},
    "ship_date": {"ship_date": "2023-01-21"},
    "invoice_no": {"invoice_no": "IVF62302095202333"},
    "fee_kinds": {"misc_kind": "单价"},
    "goods.hs_code": {"goods": [{**GOODS, "hs_code": "6204430000"}]},
    "goods.goods_name": {"goods": [{**GOODS, "goods_name": "Princess Dress Pink"}]},
    "goods.unit_price": {"goods": [{**GOODS, "unit_price": "21", "total": "2100"}]},
    "goods.domestic_source": {"goods": [{**GOODS, "domestic_source": "西城区"}]},
    "goods.levy": {"goods": [{**GOODS, "levy": "全免"}]},
}


def declared(make_backend, **changes):
    """The tool used from code (the screens' own path is in test_textbook_data_scores_full)."""
    backend = make_backend("10_customs")
    backend.customs.declare({**FORM, **changes})
    return backend


@pytest.mark.parametrize("data", [FORM, AS_PRINTED], ids=["form", "as_printed"])
def test_textbook_data_scores_full(make_backend, capsys, data):
    backend = make_backend("10_customs")
    assert aw.screen_for("10.1.4", backend).fill(**data).submit().ok
    result = check("10.1.4", backend)
    assert result == result.max_score == 20 and result.full
    captured = capsys.readouterr()
    assert "全部正确" in captured.out and captured.err == ""


def test_nothing_declared_scores_zero_with_a_reason(make_backend, capsys):
    assert check("10.1.4", make_backend("10_customs")) == 0
    assert "还没有生成报关单证" in capsys.readouterr().out


@pytest.mark.parametrize("key", list(WRONG))
def test_each_wrong_field_scores_less_and_is_named(make_backend, key):
    result = evaluate("10.1.4", declared(make_backend, **WRONG[key]))
    expected = {key, "goods.total"} if key == "goods.unit_price" else {key}
    assert {f.key for f in result.wrong} == expected
    assert result == pytest.approx(20 * (N - len(expected)) / N, abs=0.01)  # scores keep 2 decimals
    assert any(LABELS[key] in line for line in result.feedback_lines())


def test_the_fees_left_out_by_c_and_f_are_named_as_missing(make_backend):
    result = evaluate("10.1.4", declared(make_backend, trade_terms="C&F", insurance=""))
    assert {f.key for f in result.wrong} == {"trade_terms", "insurance"}
    assert "没有填写" in next(f for f in result.wrong if f.key == "insurance").feedback


def test_an_extra_goods_row_is_named(make_backend):
    rows = [GOODS, {**GOODS, "goods_name": "Princess Dress Blue/002-04F"}]
    result = evaluate("10.1.4", declared(make_backend, goods=rows))
    assert {f.key for f in result.wrong} == {"goods_rows"}


def test_the_latest_declaration_is_graded(make_backend):
    backend = declared(make_backend, **WRONG["marks"])
    assert not evaluate("10.1.4", backend).full
    aw.screen_for("10.1.4", backend).fill(**FORM).submit()
    assert evaluate("10.1.4", backend).full


def test_feedback_does_not_give_the_answer_away(make_backend):
    result = evaluate(
        "10.1.4", declared(make_backend, **WRONG["vessel"], **WRONG["invoice_no"]), reveal=False
    )
    text = "\n".join(result.feedback_lines())
    assert "0332W" not in text and "IVF62302095202332" not in text
    assert LABELS["vessel"] in text and LABELS["invoice_no"] in text


def test_the_check_reads_the_saved_fields_not_the_files(make_backend, tmp_path):
    backend = declared(make_backend)
    shutil.rmtree(tmp_path / "customs_docs")
    assert backend.customs.files() == []
    assert check("10.1.4", aw.open_backend("10_customs", path=tmp_path), quiet=True).full


def test_a_hand_edited_store_is_graded_not_crashed(make_backend):
    backend = declared(make_backend)
    with backend.transaction("test.break") as work:
        work.customs[-1].goods = []
        work.customs[-1].freight = None
    result = evaluate("10.1.4", backend)
    assert "freight" in {f.key for f in result.wrong} and "goods.hs_code" in {f.key for f in result.wrong}
    assert 0 < result < 20


QUIZ_ANSWERS = {qid: ANSWER_KEY[qid] for qid in QUESTIONS if qid.startswith("10.") and qid in SPECS}


def test_every_knowledge_check_has_a_spec():
    assert sorted(QUIZ_ANSWERS) == [f"10.q{n}" for n in range(1, 7)]


@pytest.mark.parametrize("qid", sorted(QUIZ_ANSWERS))
def test_knowledge_checks_right_and_wrong(make_backend, qid):
    backend = make_backend("10_customs")
    assert evaluate(qid, backend) == 0
    right = QUIZ_ANSWERS[qid]
    aw.screen_for(qid, backend).fill(answer=right if QUESTIONS[qid].multiple else right[0]).submit()
    assert evaluate(qid, backend).full
    wrong = [o for o in QUESTIONS[qid].options if o not in right][:1]
    aw.screen_for(qid, backend).fill(answer=wrong).submit()
    assert evaluate(qid, backend) == 0


def test_knowledge_check_answers_agree_with_the_simulator():
    assert QUIZ_ANSWERS["10.q1"] == ["只填运费"] and rules.CUSTOMS_FEES_NEEDED["C&F"] == ("运费",)
    assert QUIZ_ANSWERS["10.q2"] == [fee_notation("total", 5000, "HKD")]
    assert QUIZ_ANSWERS["10.q3"] == [fee_notation("rate", -1)]
    assert QUIZ_ANSWERS["10.q6"] == ["没有标记唛码"] and rules.CUSTOMS_NO_MARKS == "N/M"


def test_the_demo_store_holds_the_task_done_and_regenerates_its_files():
    demo = aw.open_backend("demo", path=None)
    assert evaluate("10.1.4", demo).full and demo.customs.files() == []
    result = aw.screen_for("10.1.4", demo).submit()  # the visitor's one click: the form shows the saved data
    assert result.ok and all(p.exists() for p in result.files)
    assert evaluate("10.1.4", demo).full
    shutil.rmtree(result.files[0].parent)
