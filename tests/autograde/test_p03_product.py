"""Checks of project 03: the textbook data scores full; each field wrong in turn scores less and is named."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.products_models import PRICE_MODE_RANGE
from autograde import SPECS, check, evaluate
from autograde.specs.p03_product import spec_lines
from tests.product_data import CUSTOM_TASK, RTS_TASK, images
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY

# Values that pass every rule but differ from the task's data (one per checked field).
RTS_WRONG = {
    "category": "玩具 >> 益智玩具",
    "product_type": "Customization",
    "title": "Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks Toy",
    "keywords": ["Building Block Toys"],
    "place_of_origin": "Vietnam",
    "brand": "DianYue",
    "material": "ABS",
    "scene": "Education",
    "feature": "Eco-friendly",
    "color": "Blue",
    "description": RTS_TASK["description"].replace("8-13", "6-13"),
    "price_mode": "按批卖",
    "unit": "Piece/Pieces",
    "price_tiers": [(1, 20.00), (50, 18.00), (100, 16.00)],
    "stock": 999,
    "sku_code": "6852001",
    "lead_time": [(100, 8)],
    "package_cm": (20, 20, 12),
    "weight_kg": 0.6,
    "logistics_attribute": "带电",
    # freight_template: a Ready to Ship product must have one and the 03 store has only the default
    # template, so it cannot be wrong here (it is still checked: 08_trade adds the store's own templates).
    "samples": {"supported": True, "max_qty": 2, "price_usd": 25},
    "other_services": ["私模产品"],
}
CUSTOM_WRONG = {
    "category": "服装 >> 女装 >> 连衣裙",
    "product_type": "Ready to Ship",
    "title": "Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls Princess Dresses",
    "keywords": ["Girls Dresses"],
    "place_of_origin": "Bangladesh",
    "brand": "DianYue",
    "features": ["Washable", "Breathable"],
    "color": "Red",
    "size": "L",
    "sku_code": "6204430000",
    "description": CUSTOM_TASK["description"].replace("Cotton", "Polyester"),
    "price_mode": PRICE_MODE_RANGE,
    "unit": "Set/Sets",
    "price_tiers": [(50, 98.00), (200, 90.00)],
    "payment_methods": ["T/T"],
    "lead_time": [(1000, 10)],
    "shipping_mode": "空运",
    "port": "ningbo",
    "supply_ability": (2000, "周"),
    "samples": {"supported": True, "max_qty": 5, "price_usd": 100},
    "package_cm": (20, 20, 6),
    "weight_kg": 0.4,
    "logistics_attribute": "粉末",
    "freight_template": None,
    "other_services": ["生产可在线服务"],
}


def _rts_values(key):
    values = {**RTS_TASK, "images": images(5)}
    if key == "price_mode":
        values.update(sell_by="按批卖", lot_size="10")
    elif (
        key == "product_type"
    ):  # a Customization product: the RTS-only fields go, the customization ones come
        values.update(product_type="Customization", sell_by=None, stock=None, payment_methods=["T/T"],
                      shipping_mode="海运", port="shanghai", supply_ability=(1000, "月"))  # fmt: skip
    elif key == "samples":
        values["samples"] = RTS_WRONG["samples"]
    else:
        values[key] = RTS_WRONG[key]
    return values


def _custom_values(key):
    values = {**CUSTOM_TASK, "images": images(5)}
    if key == "price_mode":
        values.update(price_mode=PRICE_MODE_RANGE, price_tiers=None, price_range=(90, 98), moq=50)
    elif key == "product_type":
        values.update(product_type="Ready to Ship", payment_methods=[], port="", shipping_mode="快递", stock=1000,
                      sell_by="按件卖")  # fmt: skip
    elif key == "shipping_mode":
        values.update(shipping_mode="空运")
    elif key == "category":
        values.update(category=CUSTOM_WRONG["category"], features=["Washable", "Breathable", "Anti-static"])
    else:
        values[key] = CUSTOM_WRONG[key]
    return values


def published(make_backend, task_id, values):
    backend = make_backend("03_product")
    result = aw.screen_for(task_id, backend).fill(**values).submit()
    assert result.ok, result
    return backend


def test_textbook_data_scores_full(make_backend, capsys):
    backend = make_backend("03_product")
    assert aw.screen_for("03.3.5", backend).fill(**RTS_TASK, images=images(5)).submit().ok
    assert aw.screen_for("03.3.6", backend).fill(**CUSTOM_TASK, images=images(5)).submit().ok
    for task_id in ("03.3.5", "03.3.6"):
        result = check(task_id, backend)
        assert result == result.max_score == 20 and result.full
    assert capsys.readouterr().out.count("全部正确") == 2


def test_either_order_and_only_one_task_done(make_backend):
    backend = make_backend("03_product")
    assert aw.screen_for("03.3.6", backend).fill(**CUSTOM_TASK, images=images(5)).submit().ok
    assert evaluate("03.3.6", backend).full
    rts = evaluate("03.3.5", backend)  # only the dress is there: it is graded, and scores little
    assert rts < 8


def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys):
    backend = make_backend("03_product")
    assert check("03.3.5", backend) == 0 and check("03.3.6", backend) == 0
    assert "还没有发布这个产品" in capsys.readouterr().out


def _labels(task_id):
    return {fc.key: fc.label for fc in SPECS[task_id].fields}


@pytest.mark.parametrize("key", list(RTS_WRONG))
def test_rts_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    backend = published(make_backend, "03.3.5", _rts_values(key))
    result = check("03.3.5", backend)
    n = len(SPECS["03.3.5"].fields)
    wrong = {f.key for f in result.wrong}
    assert key in wrong
    if key != "product_type":  # a Customization product also lacks the stock and the selling mode
        assert wrong == {key}
        assert result == pytest.approx(20 * (n - 1) / n, abs=0.01)
    assert result < 20
    assert f"✘ {_labels('03.3.5')[key]}" in capsys.readouterr().out


@pytest.mark.parametrize("key", list(CUSTOM_WRONG))
def test_customization_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    backend = published(make_backend, "03.3.6", _custom_values(key))
    result = check("03.3.6", backend)
    n = len(SPECS["03.3.6"].fields)
    wrong = {f.key for f in result.wrong}
    assert key in wrong
    if key not in ("product_type", "price_mode"):
        assert wrong == {key}
        assert result == pytest.approx(20 * (n - 1) / n, abs=0.01)
    assert result < 20
    assert f"✘ {_labels('03.3.6')[key]}" in capsys.readouterr().out


def test_feedback_never_gives_the_expected_value_away(make_backend, capsys):
    backend = published(make_backend, "03.3.5", _rts_values("sku_code"))
    check("03.3.5", backend)
    out = capsys.readouterr().out
    assert "6852001" in out  # the student's own value (practice mode)
    assert "6852000" not in out


def test_description_compares_the_specification_lines_whitespace_insensitively():
    text = RTS_TASK["description"]
    assert spec_lines(text) == spec_lines(text.replace("\n", "; "))
    assert spec_lines(text) == spec_lines("- " + text.replace("\n", "\n-   ").replace(": ", ":"))
    assert spec_lines(text) != spec_lines(text.replace("Color:Red", "Color:Blue"))


def test_forgiving_comparisons(make_backend):
    values = {
        **RTS_TASK,
        "images": images(5),
        "package_cm": (10, 20, 20),
        "description": RTS_TASK["description"].replace("\n", " ; "),
    }
    backend = published(make_backend, "03.3.5", values)
    assert evaluate("03.3.5", backend).full


def test_a_broken_store_is_graded_not_crashed(make_backend):
    backend = published(make_backend, "03.3.5", {**RTS_TASK, "images": images(5)})
    backend.state.products[-1].price_tiers = None  # hand-edited nonsense
    result = evaluate("03.3.5", backend)
    assert result.max_score == 20


@pytest.mark.parametrize("qid", [f"03.q{i}" for i in range(1, 11)])
def test_knowledge_checks_have_answers_among_the_options(qid):
    from alisim_widgets.sim.quiz import QUESTIONS

    assert set(ANSWER_KEY[qid]) <= set(QUESTIONS[qid].options)


def test_knowledge_check_title_question_matches_the_simulator():
    """03.q1's right answers are exactly the titles the simulator refuses."""
    from alisim_widgets.sim.products import title_report
    from alisim_widgets.sim.quiz import QUESTIONS

    broken = [t for t in QUESTIONS["03.q1"].options if not title_report(t).ok]
    assert set(broken) == set(ANSWER_KEY["03.q1"])
