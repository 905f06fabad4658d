"""营销中心 showcases: counts by membership, the operations, selling points, the search page, the advice."""

from __future__ import annotations

import datetime as dt

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from alisim_widgets.sim.scenarios.marketing_data import STORYLINE_SHOWCASES
from alisim_widgets.sim.showcases import capacity_of, gift_start, search_page, selling_point_candidates
from tests.hostile import file_bytes


@pytest.fixture
def backend(make_backend):
    return make_backend("07_marketing")


def refused(backend, action, *args, key: str, rule: str):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        action(*args)
    assert rule in {e.rule for e in exc.value.errors if e.field == key}, exc.value.errors
    assert file_bytes(backend.path) == before
    return exc.value.by_field()[key]


def test_showcases_by_membership():
    assert capacity_of(rules.TIER_FREE) == 0
    assert capacity_of(rules.TIER_GOLD) == 10 and rules.SHOWCASE_GROUPS[rules.TIER_GOLD] == 2
    assert capacity_of(rules.TIER_VERIFIED) == 40


def test_the_scenario_store_uses_three_of_ten(backend):
    area = backend.showcases
    assert area.capacity() == 10 and area.groups() == 2
    assert [s.product_id for s in area.slots()] == list(STORYLINE_SHOWCASES)


def test_add_until_full_then_refused(backend):
    area = backend.showcases
    free = [p.id for p in area.products() if p.id not in area.showcase_ids()]
    for pid in free[:7]:
        area.add(pid)
    assert len(area.slots()) == 10
    message = refused(backend, area.add, free[7], key="product_id", rule="full")
    assert "10" in message


def test_a_free_member_has_no_showcase(backend):
    with backend.transaction("test.tier") as work:
        work.account.tier = rules.TIER_FREE
        work.marketing.showcases = []
    message = refused(backend, backend.showcases.add, 3175, key="product_id", rule="full")
    assert "免费会员" in message


def test_add_refuses_duplicates_and_unknown_products(backend):
    refused(backend, backend.showcases.add, 3178, key="product_id", rule="duplicate")
    refused(backend, backend.showcases.add, 4242, key="product_id", rule="unknown")
    refused(backend, backend.showcases.add, "<script>", key="product_id", rule="unknown")
    refused(backend, backend.showcases.add, None, key="product_id", rule="required")
    backend.showcases.add(backend.state.products[0].title)  # by title, as the picker shows it


def test_replace_keeps_the_place_and_clears_the_points(backend):
    area = backend.showcases
    area.set_selling_points(3170, selling_point_candidates(area.product(3170))[:2])
    area.replace(3170, 3175)
    assert [s.product_id for s in area.slots()] == [3178, 3175, 3179]
    assert area.slots()[1].selling_points == []
    refused(backend, area.replace, 3168, 3176, key="product_id", rule="not_in")
    refused(backend, area.replace, 3178, 3179, key="replace_with", rule="duplicate")


def test_remove(backend):
    backend.showcases.remove(3170)
    assert 3170 not in backend.showcases.showcase_ids()
    refused(backend, backend.showcases.remove, 3170, key="product_id", rule="not_in")


def test_selling_points_at_most_3_from_the_listing_and_live_after_48_hours(backend):
    area = backend.showcases
    options = selling_point_candidates(area.product(3178))
    assert len(options) >= 4 and "Ready to Ship" in options
    refused(backend, area.set_selling_points, 3178, options[:4], key="selling_points", rule="max_n")
    refused(
        backend,
        area.set_selling_points,
        3178,
        ["Best price in the world"],
        key="selling_points",
        rule="choice",
    )
    refused(backend, area.set_selling_points, 3178, [], key="selling_points", rule="min_n")
    refused(backend, area.set_selling_points, 3175, options[:1], key="product_id", rule="not_in")
    advice = area.set_selling_points(3178, options[:3])
    assert "48" in advice[0]
    slot = area.slots()[0]
    assert slot.selling_points == options[:3] and not area.points_live(slot)
    backend.advance_days(1)
    assert not area.points_live(area.slots()[0])  # a day later: not yet
    backend.advance_days(2)
    assert area.points_live(area.slots()[0])


def test_the_form_action(backend):
    assert backend.showcases.apply({"action": "添加", "product_id": 3175}) == []
    with pytest.raises(ValidationFailed):
        backend.showcases.apply({"action": "排序"})
    with pytest.raises(SimError):
        backend.showcases.apply({"action": "添加", "colour": 1})


def test_a_sales_sub_account_may_not_manage_showcases(backend):
    backend.switch_account("sub01")  # 业务员: 管理橱窗产品 is for the admin and the 制作员
    with pytest.raises(PermissionDenied):
        backend.showcases.add(3175)
    backend.switch_account("sub02")  # 制作员
    backend.showcases.add(3175)


# --- the search page -----------------------------------------------------------------------------------------
def test_search_page_order_top_spot_then_five_p4p_then_natural(backend):
    results = backend.showcases.search("rc car")
    assert [r.kind for r in results[:7]] == ["顶级展位"] + ["P4P"] * rules.SEARCH_P4P_SPOTS + ["自然排名"]
    assert [r.position for r in results] == list(range(1, len(results) + 1))
    natural = results[6:]
    keys = [(-r.level, not r.showcase) for r in natural]
    assert keys == sorted(keys)  # by level; within a level showcase products first


def test_a_showcase_ranks_above_ordinary_products_on_equal_terms(backend):
    products = backend.showcases.products()
    plain = search_page("rc car", products, set())
    shown = search_page("rc car", products, {3175})
    own_plain = next(r for r in plain if r.product_id == 3175)
    own_shown = next(r for r in shown if r.product_id == 3175)
    assert own_shown.level == own_plain.level and own_shown.position <= own_plain.position
    same_level = [r for r in shown if r.kind == "自然排名" and r.level == own_shown.level]
    assert all(r.position > own_shown.position for r in same_level if not r.showcase)


def test_the_same_keyword_gives_the_same_page(backend):
    assert backend.showcases.search("RC  car") == backend.showcases.search("rc car")
    with pytest.raises(ValidationFailed):
        backend.showcases.search("")


def test_advice_reads_the_workbench(backend):
    advice = backend.showcases.advice()
    best = advice[0]
    assert best.product_id == 3175 and best.reasons  # the RC car: strong, much traffic, orders
    board = next(a for a in advice if a.product_id == 3177)  # the title repeats "Board": a violation
    assert board.score == 0 and any("违规" in c for c in board.concerns)
    assert [a.score for a in advice] == sorted((a.score for a in advice), reverse=True)


def test_gifted_showcases_start_within_90_days_of_signing():
    signed = dt.date(2022, 3, 10)
    assert gift_start(signed) == dt.date(2022, 6, 8)  # not set: started by the system on day 90
    assert gift_start(signed, "2022-06-08") == dt.date(2022, 6, 8)
    assert gift_start(signed, signed) == signed
    for late in ("2022-06-09", "2022-03-09"):
        with pytest.raises(SimError, match="90"):
            gift_start(signed, late)
    with pytest.raises(ValidationFailed):
        gift_start(signed, "soon")


def test_the_stores_p4p_plan_bids_for_the_p4p_places(backend):
    from tests.p4p_data import P4P_TASKS

    assert backend.showcases.promoted() == {}
    assert not any(r.own for r in backend.showcases.search("rc car")[:6])
    backend.p4p.save_plan(P4P_TASKS["07.9.4"])  # 爆品助推 of the RC car, bids 5-10 元
    assert backend.showcases.promoted() == {3175: 10.0}
    page = backend.showcases.search("rc car")
    ads = [r for r in page if r.kind == "P4P"]
    assert len(ads) == rules.SEARCH_P4P_SPOTS and [r.product_id for r in ads if r.own] == [3175]
    assert any(r.own and r.kind == "自然排名" for r in page)  # the ad does not take its natural place away
    assert not any(r.own and r.kind == "P4P" for r in backend.showcases.search("wooden blocks"))
