"""外贸直通车 (P4P): the textbook's worked examples to the cent, every plan rule on both sides, a week of budget."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import p4p, rules
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.p4p_models import P4PPlan
from alisim_widgets.sim.state import StoreState
from tests.hostile import HOSTILE_TEXT
from tests.p4p_data import P4P_TASKS

NEW_IDS = {3185, 3186, 3187}  # published within 90 days of the 07 scenario's 2022-08-20


@pytest.fixture
def backend():
    return aw.open_backend("07_marketing", path=None)


def save(backend, task_id: str, **changes):
    return backend.p4p.save_plan({**P4P_TASKS[task_id], **changes})


def refused(backend, values: dict, key: str) -> str:
    before = backend.state.model_dump_json()
    with pytest.raises(ValidationFailed) as info:
        backend.p4p.save_plan(values)
    assert backend.state.model_dump_json() == before, "a refused plan changed the store"
    errors = info.value.by_field()
    assert key in errors, errors
    return errors[key]


# --- the textbook's figures ---------------------------------------------------------------------
def test_ranking_table_of_the_textbook():
    # L4052-4056: A 10 × 9 = 90 third, B 12 × 10 = 120 second, C 7 × 17.2 = 120.4 first
    assert p4p.rank([("A", 10, 9), ("B", 12, 10), ("C", 7, 17.2)]) == [
        ("C", 120.4, 1),
        ("B", 120.0, 2),
        ("A", 90.0, 3),
    ]


def test_equal_totals_keep_the_higher_score_first():
    assert [r[0] for r in p4p.rank([("X", 5, 24), ("Y", 12, 10)])] == ["Y", "X"]


def test_click_price_formula_to_the_cent():
    # L4075: next bid × next score / own score + 0.01
    assert p4p.click_price(own_score=7, next_score=12, next_bid=10) == 17.15  # 120 / 7 + 0.01
    assert p4p.click_price(own_score=12, next_score=10, next_bid=9) == 7.51  # 90 / 12 + 0.01
    assert p4p.click_price(own_score=10, next_score=8, next_bid=5) == 4.01
    with pytest.raises(SimError):
        p4p.click_price(0, 8, 5)


# L4342-4349 and L4369-4377: base bid 8.0, the premium, the bid after it as the table shows it
REGION_TABLE = {"美国": "¥12.5", "加拿大": "¥11.6", "英国": "¥11.9", "俄罗斯": "¥11.7", "乌克兰": "¥11.4",
                "埃及": "¥10.5", "摩洛哥": "¥10.5", "土耳其": "¥11.4"}  # fmt: skip
CROWD_TABLE = {"平台老客": "¥11.8", "访问过本店产品的买家": "¥11.0", "高MOQ偏好买家": "¥11.9",
               "高回货频率买家": "¥11.8", "中大采购规模偏好买家": "¥14.0", "潜在交易买家": "¥11.8",
               "显赫买家": "¥12.9", "真回货买家": "¥12.0", "偏好RTS商品买家": "¥12.0"}  # fmt: skip


def test_premium_tables_of_the_textbook():
    assert p4p.premium_bid(8.0, 156) == 12.48
    assert p4p.fmt_bid(12.48) == "¥12.5"
    assert {
        r: p4p.fmt_bid(p4p.premium_bid(8.0, pct)) for r, pct in p4p.RECOMMENDED_REGIONS.items()
    } == REGION_TABLE
    assert {
        c: p4p.fmt_bid(p4p.premium_bid(8.0, pct)) for c, pct in p4p.RECOMMENDED_CROWDS.items()
    } == CROWD_TABLE


def test_resolve_premiums_others_and_extra_names():
    resolved = p4p.resolve_premiums({"美国": 220, "德国": 200, "*": 150}, p4p.RECOMMENDED_REGIONS)
    assert resolved["美国"] == 220 and resolved["德国"] == 200 and resolved["加拿大"] == 150
    assert set(resolved) == set(p4p.RECOMMENDED_REGIONS) | {"德国"}
    assert p4p.resolve_premiums({}, p4p.RECOMMENDED_REGIONS) == {}


def test_week_runs_saturday_to_friday():
    assert p4p.week_start(dt.date(2022, 8, 20)) == dt.date(2022, 8, 20)  # a Saturday
    assert p4p.week_start(dt.date(2022, 8, 26)) == dt.date(2022, 8, 20)  # Friday
    assert p4p.week_start(dt.date(2022, 8, 27)) == dt.date(2022, 8, 27)


# --- the tasks' data ------------------------------------------------------------------------------
@pytest.mark.parametrize("task_id", sorted(P4P_TASKS))
def test_textbook_data_is_accepted(backend, task_id):
    save(backend, task_id)
    plan = backend.p4p.plan(P4P_TASKS[task_id]["name"])
    assert plan is not None and plan.status == "推广中"


def test_saved_plans_as_the_tasks_give_them(backend):
    for task_id in sorted(P4P_TASKS):
        save(backend, task_id)
    new, hot, remarketing, targeted = backend.p4p.plans()
    assert new.all_products and {p.id for p in backend.p4p.plan_products(new)} == NEW_IDS
    assert (
        hot.product_ids == [3175]
        and hot.region_premiums["美国"] == 220
        and hot.region_premiums["英国"] == 150
    )
    assert remarketing.plan_type == "搜索人群再营销" and not remarketing.weekly_budget
    assert remarketing.region_premiums["德国"] == 200  # not recommended (L4340), added by the student
    assert remarketing.crowd_premiums["偏好RTS商品买家"] == 200  # "偏好 RTS 商品买家" (L4576)
    assert remarketing.crowd_premiums["蓝标买家"] == 200 and remarketing.crowd_premiums["平台老客"] == 150
    assert targeted.product_ids == [3175, 3176]  # "DEERC DE36W RC Car" names the full title
    assert (targeted.bid_min_cny, targeted.bid_max_cny) == (5, 10)


def test_task_wording_of_the_remarketing_type(backend):
    save(backend, "07.9.5", plan_type="搜索人群再推荐")  # L4569
    assert backend.p4p.plans()[0].plan_type == "搜索人群再营销"


def test_low_daily_budget_warns_and_saves(backend):
    advice = save(backend, "07.9.3")  # 50 元 < the advised 100 (L4502)
    assert any("100" in a for a in advice) and backend.p4p.plans()[0].daily_budget_cny == 50
    assert not any("100 元" in a for a in save(backend, "07.9.3", daily_budget_cny=100))


# --- rules on both sides ---------------------------------------------------------------------------
def set_published(backend, pid: int, days_ago: int) -> None:
    with backend.transaction("test.published", str(pid)) as work:
        product = next(p for p in work.products if p.id == pid)
        product.published_on = work.today - dt.timedelta(days=days_ago)


def test_new_product_within_90_days(backend):
    set_published(backend, 3175, 89)
    save(backend, "07.9.3", products=[3175])
    set_published(backend, 3176, 90)
    message = refused(backend, {**P4P_TASKS["07.9.3"], "products": [3176]}, "products")
    assert "90" in message and "新品" in message


def test_new_products_leave_the_plan_after_90_days(backend):
    save(backend, "07.9.3")
    plan = backend.p4p.plans()[0]
    day = dt.date(2022, 10, 9)  # 3185 (2022-07-12) is 89 days old, 3186 68, 3187 60
    assert {p.id for p in backend.p4p.plan_products(plan, day)} == NEW_IDS
    assert {p.id for p in backend.p4p.plan_products(plan, day + dt.timedelta(days=1))} == {3186, 3187}
    backend.advance_days(100)
    assert backend.p4p.plan_products(backend.p4p.plans()[0]) == []


def test_new_product_plan_bid_floor(backend):
    save(backend, "07.9.3", bid_range_cny=(3, 3))
    refused(backend, {**P4P_TASKS["07.9.3"], "bid_range_cny": (2.99, 5)}, "bid_range_cny")
    save(backend, "07.9.4", bid_range_cny=(1, 10))  # other plans may start lower (L4242: [1, 10])


@pytest.mark.parametrize("bad", [(6, 5), ("abc", 5), (5,), "5", None, (5, 1000)])
def test_bad_bid_ranges(backend, bad):
    refused(backend, {**P4P_TASKS["07.9.4"], "bid_range_cny": bad}, "bid_range_cny")


def test_bid_range_as_text(backend):
    save(backend, "07.9.4", bid_range_cny="5-10 元")
    assert (backend.p4p.plans()[0].bid_min_cny, backend.p4p.plans()[0].bid_max_cny) == (5, 10)


@pytest.mark.parametrize(("percent", "ok"), [(100, True), (99, False), (500, True), (501, False), ("150%", True),
                                             (150.5, False), ("abc", False)])  # fmt: skip
def test_premium_range(backend, percent, ok):
    values = {**P4P_TASKS["07.9.4"], "region_premiums": {"美国": percent}}
    if ok:
        backend.p4p.save_plan(values)
    else:
        refused(backend, values, "region_premiums")


def test_premium_names(backend):
    save(backend, "07.9.4", region_premiums={"巴西": 180})  # any country, not only the recommended ones
    refused(backend, {**P4P_TASKS["07.9.4"], "crowd_premiums": {"偏好RTS商品买家": 150, "偏好 RTS 商品买家": 200}},
            "crowd_premiums")  # fmt: skip
    refused(backend, {**P4P_TASKS["07.9.4"], "region_premiums": ["美国", 220]}, "region_premiums")
    refused(backend, {**P4P_TASKS["07.9.4"], "region_premiums": {"<b>美国</b>": 220}}, "region_premiums")


def test_a_product_in_two_targeted_plans_not_three(backend):
    save(backend, "07.9.6")
    save(backend, "07.9.6", name="第二个定向计划")
    message = refused(backend, {**P4P_TASKS["07.9.6"], "name": "第三个定向计划"}, "products")
    assert "2 个" in message
    save(backend, "07.9.6", name="第三个定向计划", products=[3177])


def test_targeted_plan_product_limit(backend, monkeypatch):
    monkeypatch.setattr(rules, "P4P_TARGETED_PRODUCTS_MAX", 2)  # 200 in the textbook (L4230)
    save(backend, "07.9.6")  # two products
    refused(backend, {**P4P_TASKS["07.9.6"], "name": "三个产品", "products": [3175, 3176, 3177]}, "products")


def test_same_name_updates_the_plan_of_that_type(backend):
    save(backend, "07.9.4")
    save(backend, "07.9.4", daily_budget_cny=120)
    assert len(backend.p4p.plans()) == 1 and backend.p4p.plans()[0].daily_budget_cny == 120
    refused(backend, {**P4P_TASKS["07.9.6"], "name": P4P_TASKS["07.9.4"]["name"]}, "name")


@pytest.mark.parametrize(("value", "ok"), [(1, True), (0.99, False), (0, False), (-5, False), ("abc", False),
                                           (100_000, True), (100_001, False), (50.555, False)])  # fmt: skip
def test_daily_budget(backend, value, ok):
    values = {**P4P_TASKS["07.9.4"], "daily_budget_cny": value}
    if ok:
        backend.p4p.save_plan(values)
    else:
        refused(backend, values, "daily_budget_cny")


@pytest.mark.parametrize("bad", list(HOSTILE_TEXT.values()))
def test_hostile_names(backend, bad):
    refused(backend, {**P4P_TASKS["07.9.4"], "name": bad}, "name")


@pytest.mark.parametrize("bad", [*HOSTILE_TEXT.values(), [], ["The Mushroom cushion"], [3175, 3175], [True], [9999],
                                 {"a": 1}, "The"])  # fmt: skip
def test_bad_products(backend, bad):
    refused(backend, {**P4P_TASKS["07.9.4"], "products": bad}, "products")


def test_other_fields_refused(backend):
    refused(backend, {**P4P_TASKS["07.9.4"], "plan_type": "关键词推广"}, "plan_type")
    refused(backend, {**P4P_TASKS["07.9.4"], "weekly_budget": "yes"}, "weekly_budget")
    with pytest.raises(SimError):
        backend.p4p.save_plan({**P4P_TASKS["07.9.4"], "coupon": 5})


def test_delete_plan(backend):
    save(backend, "07.9.4")
    backend.p4p.delete_plan("玩具车产品助推计划")
    assert backend.p4p.plans() == []
    with pytest.raises(SimError):
        backend.p4p.delete_plan("玩具车产品助推计划")


def test_plans_are_saved_and_old_files_load(tmp_path):
    backend = aw.open_backend("07_marketing", path=tmp_path)
    backend.p4p.save_plan(P4P_TASKS["07.9.6"])
    again = aw.open_backend("07_marketing", path=tmp_path)
    assert [p.name for p in again.p4p.plans()] == ["重点人群定向推广"]
    data = again.state.model_dump(mode="json")
    data.pop("p4p_plans")
    assert StoreState.model_validate(data).p4p_plans == []


# --- a simulated week -----------------------------------------------------------------------------
def week(daily=100, weekly=True, premium=200, bid=10) -> list[p4p.DayResult]:
    plan = P4PPlan(
        id="P4P-0001", plan_type="爆品助推", name="模拟", product_ids=[3175], daily_budget_cny=daily,
        weekly_budget=weekly, bid_min_cny=5, bid_max_cny=bid,
        region_premiums={r: premium for r in p4p.RECOMMENDED_REGIONS},
        crowd_premiums={c: premium for c in p4p.RECOMMENDED_CROWDS}, created_on=dt.date(2022, 8, 20),
    )  # fmt: skip
    return p4p.simulate_week(plan, dt.date(2022, 8, 23))


def test_weekly_budget_over_a_week():
    days = week(daily=100, weekly=True)
    assert [d.day.weekday() for d in days] == [5, 6, 0, 1, 2, 3, 4]  # Saturday to Friday (L4330)
    assert sum(d.spend_cny for d in days) <= 700  # never more than daily × 7
    for d in days:
        assert d.spend_cny <= (120 if d.busy else 100)  # up to 20 % over on a busy day
    assert any(d.spend_cny > 100 for d in days if d.busy), "busy days should use the 20 %"
    assert all(d.spend_cny <= d.cap_cny for d in days)


def test_without_weekly_budget_each_day_stops_at_the_daily_budget():
    days = week(daily=100, weekly=False)
    assert all(d.cap_cny == 100 and d.spend_cny <= 100 for d in days)


def test_week_is_deterministic_and_clicks_cost_at_most_the_bid():
    assert week() == week()
    for d in week(premium=100, bid=10):
        assert d.clicks == 0 or d.avg_click_cny <= 10


def test_premiums_buy_more_top_five_impressions():
    low, high = week(daily=10_000, premium=100, bid=6), week(daily=10_000, premium=300, bid=6)
    assert sum(d.impressions for d in high) > sum(d.impressions for d in low)


def test_simulate_by_name(backend):
    save(backend, "07.9.6")
    assert len(backend.p4p.simulate("重点人群定向推广")) == 7
    with pytest.raises(SimError):
        backend.p4p.simulate("没有这个计划")


def test_week_figure():
    fig = p4p.week_figure(week())
    assert len(fig.data) == 3


# --- positions and star levels (L4022-4026, L4061) ----------------------------------------------
def test_only_three_to_five_star_keywords_reach_the_top_five():
    assert [p4p.top_five_eligible(s) for s in range(1, 6)] == [False, False, True, True, True]
    for bad in (0, 6, "3", True):
        with pytest.raises(SimError):
            p4p.top_five_eligible(bad)


def test_result_layouts_on_each_port():
    pc = p4p.result_layout("PC", top_spot=True, length=10)
    assert pc[:7] == ["顶展", *["直通车"] * 5, "自然"]
    assert p4p.result_layout("PC", length=6) == ["直通车"] * 5 + ["自然"]
    app = p4p.result_layout("无线端", length=60)
    assert app[:5] == ["直通车", "自然", "自然", "自然", "直通车"] and app.count("直通车") == 10
    web = p4p.result_layout("Web", top_spot=True, length=60)
    assert web[:5] == ["顶展", "直通车", "直通车", "自然", "直通车"] and web.count("直通车") == 15
    with pytest.raises(SimError):
        p4p.result_layout("电视")
