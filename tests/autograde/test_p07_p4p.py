"""Checks of 07.9.3–07.9.6: the textbook data scores full; each wrong field scores less and is named, never
with the expected value; premiums are compared as resolved maps; the knowledge checks 07.q10–07.q15."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import p4p
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.p4p_data import P4P_TASKS
from tests.quiz_answers import QUIZ_ANSWERS

# A value per field that passes every rule but is not the task's.
WRONG = {
    "plan_type": None,  # a plan of another type: the task's plan is then missing
    "name": {"name": "我的计划"},
    "products": {"products": [3177]},
    "daily_budget_cny": {"daily_budget_cny": 120},
    "weekly_budget": {"weekly_budget": False},
    "bid_range_cny": {"bid_range_cny": (5, 9)},
    "region_premiums": {"region_premiums": {"美国": 160, "*": 150}},
    "crowd_premiums": {"crowd_premiums": {"*": 180}},
}


@pytest.fixture
def backend(make_backend):
    return make_backend("07_marketing")


def submit(backend, task_id: str, **changes):
    result = aw.screen_for(task_id, backend).fill(**{**P4P_TASKS[task_id], **changes}).submit()
    assert result.ok, result
    return backend


@pytest.mark.parametrize("task_id", sorted(P4P_TASKS))
def test_textbook_data_scores_full(backend, task_id, capsys):
    result = check(task_id, submit(backend, task_id))
    assert result == result.max_score == 10 and result.full
    assert "全部正确" in capsys.readouterr().out


@pytest.mark.parametrize("task_id", sorted(P4P_TASKS))
def test_nothing_saved_scores_zero_with_a_reason(backend, task_id):
    result = evaluate(task_id, backend)
    assert result == 0 and "还没有" in "\n".join(result.feedback_lines())


@pytest.mark.parametrize("task_id", sorted(P4P_TASKS))
@pytest.mark.parametrize("key", [k for k in WRONG if k != "plan_type"])
def test_each_wrong_field_is_named(backend, task_id, key):
    keys = {fc.key for fc in SPECS[task_id].fields}
    if key not in keys:
        pytest.skip(f"{task_id} does not set {key}")
    changes = dict(WRONG[key])
    if task_id == "07.9.3" and key == "products":
        changes["products"] = [3185]  # one new product instead of all
    if task_id == "07.9.5" and key == "products":
        changes["products"] = [3175]
    result = evaluate(task_id, submit(backend, task_id, **changes))
    assert 0 < result < result.max_score
    wrong = [o for o in result.fields if not o.ok]
    assert [o.key for o in wrong] == [key]
    text = "\n".join(result.feedback_lines())
    label = next(fc.label for fc in SPECS[task_id].fields if fc.key == key)
    assert label in text
    expected = next(fc.expected for fc in SPECS[task_id].fields if fc.key == key)
    if isinstance(expected, (int, str)) and not isinstance(expected, bool):
        assert f"（你的答案：{expected}" not in text  # the expected value is never given away


def test_partial_credit_follows_the_weights(backend):
    result = evaluate("07.9.4", submit(backend, "07.9.4", **WRONG["region_premiums"]))
    total = sum(fc.weight for fc in SPECS["07.9.4"].fields)
    assert result == pytest.approx(10 * (total - 2) / total, abs=0.01)


def test_latest_plan_of_the_type_is_graded(backend):
    submit(backend, "07.9.4", name="先建的计划")
    submit(backend, "07.9.4")
    assert evaluate("07.9.4", backend).full


def test_every_new_product_chosen_by_hand_is_all(backend):
    assert evaluate("07.9.3", submit(backend, "07.9.3", products=[3185, 3186, 3187])).full


def test_every_recommended_region_ticked_by_hand_equals_others(backend):
    regions = {r: 150 for r in p4p.RECOMMENDED_REGIONS}
    crowds = {c: 150 for c in p4p.RECOMMENDED_CROWDS}
    assert evaluate("07.9.6", submit(backend, "07.9.6", region_premiums=regions, crowd_premiums=crowds)).full


def test_a_missing_recommended_region_is_wrong(backend):
    regions = {r: 150 for r in list(p4p.RECOMMENDED_REGIONS)[:-1]}
    result = evaluate("07.9.6", submit(backend, "07.9.6", region_premiums=regions))
    assert [o.key for o in result.fields if not o.ok] == ["region_premiums"]


def test_germany_is_needed_in_07_9_5(backend):
    regions = {"美国": 200, "英国": 200, "俄罗斯": 200, "*": 150}
    result = evaluate("07.9.5", submit(backend, "07.9.5", region_premiums=regions))
    assert [o.key for o in result.fields if not o.ok] == ["region_premiums"]


def test_a_plan_of_another_type_does_not_count(backend):
    submit(backend, "07.9.4", plan_type="定向推广", name="放错类型的计划")
    assert evaluate("07.9.4", backend) == 0


QUIZ = ["07.q10", "07.q11", "07.q12", "07.q13", "07.q14", "07.q15"]


@pytest.mark.parametrize("qid", QUIZ)
def test_knowledge_checks(backend, qid):
    answer = QUIZ_ANSWERS[qid]
    aw.screen_for(qid, backend).fill(answer=answer if QUESTIONS[qid].multiple else answer[0]).submit()
    assert evaluate(qid, backend).full
    wrong = next(o for o in QUESTIONS[qid].options if o not in answer)
    aw.screen_for(qid, backend).fill(answer=[wrong] if QUESTIONS[qid].multiple else wrong).submit()
    assert not evaluate(qid, backend).full


def test_quiz_answers_agree_with_the_simulator():
    assert p4p.rank([("D", 8, 12), ("E", 11, 9), ("F", 6, 16)])[0][0] == QUIZ_ANSWERS["07.q10"][0]
    assert f"{p4p.click_price(10, 8, 5)} 元" == QUIZ_ANSWERS["07.q11"][0]
    assert f"{p4p.premium_bid(5, 220):g} 元" == QUIZ_ANSWERS["07.q12"][0]
