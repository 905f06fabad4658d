"""Checks of project 07 (coupons and discounts): the textbook data scores full; each wrong field scores less and
is named without giving the answer away; the knowledge checks 07.q1–07.q9."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.coupons import final_amount
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from autograde.specs.p07_marketing import TASK_07_2_5, TASK_07_2_6, TASK_07_2_7
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY

TASKS = {"07.2.5": TASK_07_2_5, "07.2.6": TASK_07_2_6, "07.2.7": TASK_07_2_7}
# Values that pass every rule but differ from the task's data.
WRONG = {
    "07.2.5": {
        "title": "9月外贸节优惠券",
        "scene": "直播间",
        "valid_to": "2022-09-29",
        "threshold_usd": 200,
        "discount_usd": 20,
        "quantity": 100,
        "scope": "特定商品",
        "audience": "新买家",
        "publish": "定时发布",
    },
    "07.2.6": {
        "name": "9月外贸节折扣",
        "valid_from": "2022-09-16",
        "audience": "老买家",
        "product_ids": [3175, 3176, 3177, 3178],
        "stock_each": 400,
        "discount": "8折",
    },
    "07.2.7": {
        "title": "9月满折优惠券",
        "valid_from": "2022-09-02",
        "discount": "7.5折",
        "quantity": 1000,
        "max_discount_usd": 500,
        "threshold_usd": 300,
        "audience": "老买家",
    },
}
EXTRA = {"scope": {"product_ids": [3175]}, "publish": {"publish_on": "2022-08-25"}}


def submitted(make_backend, task_id: str, **changes):
    backend = make_backend("07_marketing")
    values = {**TASKS[task_id], **changes}
    for key in changes:
        values.update(EXTRA.get(key, {}))
    result = aw.screen_for(task_id, backend).fill(**values).submit()
    assert result.ok, result
    return backend


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_textbook_data_scores_full(make_backend, capsys, task_id):
    result = check(task_id, submitted(make_backend, task_id))
    assert result.full and result == result.max_score == SPECS[task_id].points == 10
    captured = capsys.readouterr()
    assert "全部正确" in captured.out and captured.err == ""


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys, task_id):
    assert check(task_id, make_backend("07_marketing")) == 0
    assert "还没有创建" in capsys.readouterr().out


@pytest.mark.parametrize("task_id,key", [(t, k) for t, wrong in WRONG.items() for k in wrong])
def test_each_wrong_field_scores_less_and_is_named(make_backend, task_id, key):
    result = evaluate(task_id, submitted(make_backend, task_id, **{key: WRONG[task_id][key]}))
    assert [f.key for f in result.wrong] == [key]
    weights = {fc.key: fc.weight for fc in SPECS[task_id].fields}
    total = sum(weights.values())
    assert result == pytest.approx(round(10 * (total - weights[key]) / total, 2))
    label = next(fc.label for fc in SPECS[task_id].fields if fc.key == key)
    assert any(f"✘ {label}" in line for line in result.feedback_lines())


@pytest.mark.parametrize(
    "task_id,key", [("07.2.5", "threshold_usd"), ("07.2.6", "discount"), ("07.2.7", "max_discount_usd")]
)
def test_feedback_does_not_give_the_answer_away(make_backend, task_id, key):
    result = evaluate(task_id, submitted(make_backend, task_id, **{key: WRONG[task_id][key]}), reveal=False)
    text = "\n".join(result.feedback_lines())
    expected = str(TASKS[task_id][key])
    assert expected not in text.replace("9月外贸节", "")


def test_a_coupon_of_the_wrong_type_still_earns_its_other_fields(make_backend):
    backend = make_backend("07_marketing")
    values = {**TASK_07_2_5, "coupon_type": "满折券", "discount": "9折"}
    assert aw.screen_for("07.2.5", backend).fill(**values).submit().ok
    result = evaluate("07.2.5", backend)
    assert {f.key for f in result.wrong} == {"coupon_type", "discount_usd"} and 0 < result < 10


def test_the_latest_coupon_of_each_type_is_graded(make_backend):
    backend = submitted(make_backend, "07.2.5", quantity=100)
    assert not evaluate("07.2.5", backend).full
    aw.screen_for("07.2.5", backend).fill(**TASK_07_2_5).submit()
    aw.screen_for("07.2.7", backend).fill(**TASK_07_2_7).submit()  # a 满折券 later does not hide the 满减券
    assert evaluate("07.2.5", backend).full and evaluate("07.2.7", backend).full


def test_the_graded_store_survives_a_restart(make_backend, tmp_path):
    submitted(make_backend, "07.2.6")
    assert check("07.2.6", aw.open_backend("07_marketing", path=tmp_path), quiet=True).full


def test_a_hand_edited_store_is_graded_not_crashed(make_backend):
    backend = submitted(make_backend, "07.2.6")
    with backend.transaction("test.break") as work:
        work.marketing.discounts[-1].product_ids = []
    result = evaluate("07.2.6", backend)
    assert [f.key for f in result.wrong] == ["product_ids"]


QUIZ_ANSWERS = {
    qid: ANSWER_KEY[qid] for qid in QUESTIONS if qid.startswith("07.") and int(qid.split("q")[-1]) < 10
}


def test_every_knowledge_check_has_a_spec():
    assert sorted(QUIZ_ANSWERS, key=lambda q: int(q.split("q")[-1])) == [f"07.q{n}" for n in range(1, 10)]
    assert all(q in SPECS for q in QUIZ_ANSWERS)


@pytest.mark.parametrize("qid", sorted(QUIZ_ANSWERS))
def test_knowledge_checks_right_and_wrong(make_backend, qid):
    backend = make_backend("07_marketing")
    assert evaluate(qid, backend) == 0
    right = QUIZ_ANSWERS[qid]
    aw.screen_for(qid, backend).fill(answer=right).submit()
    assert evaluate(qid, backend).full
    wrong = [o for o in QUESTIONS[qid].options if o not in right][:1]
    aw.screen_for(qid, backend).fill(answer=wrong).submit()
    assert evaluate(qid, backend) == 0


def test_knowledge_check_answers_agree_with_the_simulator(make_backend):
    assert final_amount(1000, 0.9, ("满减", 300, 30)) + 50 == 920  # 07.q5
    assert final_amount(3000, None, ("满折", 200, 0.7, 600)) == 2400  # 07.q6
    backend = make_backend("07_marketing")
    ok = []
    for option in QUESTIONS["07.q4"].options:  # "满 300 减 30"
        threshold, face = (int(x) for x in option.replace("满", "").split("减"))
        try:
            backend.coupons.create_coupon({**TASK_07_2_5, "threshold_usd": threshold, "discount_usd": face})
            ok.append(option)
        except Exception:  # noqa: BLE001 - refused
            pass
    assert ok == QUIZ_ANSWERS["07.q4"]
    assert backend.showcases.capacity() == 10  # 07.q1
