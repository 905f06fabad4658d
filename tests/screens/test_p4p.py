"""外贸直通车 screens: the four task screens with the textbook data, refusals that keep what was typed, the
premium pickers (recommended rows, extra countries and crowds), the plan list and the simulated week."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.p4p import (
    NewProductPlanScreen,
    P4PCenter,
    P4PPlanScreen,
    P4PWeekView,
    RemarketingPlanScreen,
    TargetedPlanScreen,
)
from alisim_widgets.sim import p4p
from tests.hostile import assert_refused
from tests.p4p_data import P4P_TASKS

STATE = "alisim_state.json"


@pytest.fixture
def backend(make_backend):
    return make_backend("07_marketing")


@pytest.mark.parametrize("task_id", sorted(P4P_TASKS))
def test_task_screens_take_the_textbook_data(backend, task_id):
    screen = aw.screen_for(task_id, backend)
    assert screen.values()["plan_type"] == P4P_TASKS[task_id]["plan_type"]  # preset by the task screen
    result = screen.fill(**P4P_TASKS[task_id]).submit()
    assert result.ok, result
    assert backend.p4p.plan(P4P_TASKS[task_id]["name"]) is not None
    assert P4P_TASKS[task_id]["name"] in screen.plan_list.value


def test_low_budget_is_a_warning_on_the_screen(backend):
    screen = NewProductPlanScreen(backend)
    result = screen.fill(**P4P_TASKS["07.9.3"]).submit()
    assert result.ok and any("100" in w for w in result.warnings)
    assert "提示" in screen.status.value


@pytest.mark.parametrize(
    ("key", "bad"),
    [("name", "<script>alert(1)</script>"), ("name", ""), ("daily_budget_cny", "abc"), ("daily_budget_cny", "-5"),
     ("bid_range_cny", ("2", "5")), ("bid_range_cny", ("6", "5")), ("region_premiums", {"美国": "99"}),
     ("crowd_premiums", {"蓝标买家": "abc"}), ("products", [3175])],
)  # fmt: skip
def test_refused_input_keeps_what_was_typed(backend, tmp_path, key, bad):
    screen = NewProductPlanScreen(backend)
    assert_refused(screen, P4P_TASKS["07.9.3"], key, bad, tmp_path / STATE)
    assert backend.p4p.plans() == []
    typed = screen.values()[key]
    if key == "bid_range_cny":
        assert typed == bad
    if key == "region_premiums":
        assert typed["美国"] == "99"


def test_premium_picker_rows_and_extra_lines(backend):
    screen = RemarketingPlanScreen(backend)
    screen.fill(**P4P_TASKS["07.9.5"])
    regions = screen.values()["region_premiums"]
    assert regions["德国"] == "200" and regions["加拿大"] == "150" and regions["美国"] == "200"
    picker = screen.inputs["region_premiums"].picker
    assert picker.extra.value == "德国 200"  # not recommended: on its own line
    assert all(picker.ticks[r].value for r in p4p.RECOMMENDED_REGIONS)
    crowds = screen.inputs["crowd_premiums"].picker
    assert crowds.ticks["偏好RTS商品买家"].value and crowds.percents["偏好RTS商品买家"].value == "200"
    assert set(crowds.extra.value.splitlines()) == {"蓝标买家 200", "高回访买家 200"}


def test_premium_after_bid_follows_the_highest_bid(backend):
    screen = P4PPlanScreen(backend).fill(bid_range_cny=("5", "8"), region_premiums={"美国": 156})
    assert "¥12.5" in screen.inputs["region_premiums"].picker.after["美国"].value  # L4342


def test_extra_lines_as_a_person_types_them(backend):
    screen = TargetedPlanScreen(backend).fill(**P4P_TASKS["07.9.6"])
    picker = screen.inputs["region_premiums"].picker
    picker.extra.value = "德国：200%\n巴西=180\n没有百分比"
    values = screen.values()["region_premiums"]
    assert values["德国"] == "200" and values["巴西"] == "180" and values["没有百分比"] == ""
    result = screen.submit()
    assert not result.ok and "region_premiums" in result.errors


def test_batch_setting_ticks_every_recommended_row(backend):
    picker = P4PPlanScreen(backend).inputs["crowd_premiums"].picker
    picker.batch.value = "150"
    picker.set_all(picker.batch.value)
    assert all(picker.ticks[c].value and picker.percents[c].value == "150" for c in p4p.RECOMMENDED_CROWDS)


def test_products_by_title_prefix_or_id(backend):
    screen = TargetedPlanScreen(backend).fill(products=["DEERC DE36W RC Car", 3176])
    assert screen.values()["products"] == [3175, 3176]
    with pytest.raises(ValueError):
        screen.fill(products=["No such product"])
    screen.fill(products="all")
    assert screen.values()["products"] == "all" and screen.inputs["products"].children[1].disabled


def test_a_new_screen_shows_the_saved_plan(backend):
    aw.screen_for("07.9.4", backend).fill(**P4P_TASKS["07.9.4"]).submit()
    again = aw.screen_for("07.9.4", backend).values()
    assert again["name"] == "玩具车产品助推计划" and again["products"] == [3175]
    assert again["bid_range_cny"] == ("5", "10") and again["weekly_budget"] is True
    assert again["region_premiums"]["美国"] == "220" and again["region_premiums"]["英国"] == "150"
    assert aw.screen_for("07.9.4", backend).fill().submit().ok  # saving it again changes nothing wrong


def test_plan_names_are_escaped_in_the_list(backend):
    backend.p4p.save_plan({**P4P_TASKS["07.9.4"], "name": "A & B 计划"})
    assert "A &amp; B 计划" in P4PPlanScreen(backend).plan_list.value


def test_week_view(backend):
    view = P4PWeekView(backend)
    assert view.run() == [] and "还没有推广计划" in view.table.value
    backend.p4p.save_plan(P4P_TASKS["07.9.6"])
    days = view.run()
    assert len(days) == 7 and view.table.value.count("<tr>") == 8
    assert "一周合计花费" in view.table.value


def test_demo_page_builds(backend):
    center = P4PCenter(backend)
    assert center.widget.get_title(0) == "新建推广计划"
