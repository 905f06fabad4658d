"""The RFQ market and quoting (05_rfq): market data, search, every quote rule on both sides, replies, subscriptions."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.rfq import canonical_unit, parse_sample
from alisim_widgets.sim.scenarios import build_scenario
from alisim_widgets.sim.state import StoreState
from tests.hostile import HOSTILE_TEXT, file_bytes
from tests.rfq_data import DETAILS_AS_PRINTED, QUOTE


@pytest.fixture
def backend(make_backend):
    return make_backend("05_rfq")


def quote(backend, rfq_id: str = "RFQ-BLOCKS-01", revise: bool = False, **changes):
    return backend.rfq.quote({**QUOTE, "rfq_id": rfq_id, **changes}, revise=revise)


def refused(backend, key: str, rule: str | None = None, **changes) -> ValidationFailed:
    """The quote with ``changes`` is refused on ``key`` and the saved file is unchanged."""
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as info:
        quote(backend, **changes)
    errors = {e.field: e for e in info.value.errors}
    assert key in errors, errors
    if rule:
        assert errors[key].rule == rule, errors[key]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in errors[key].message)
    assert file_bytes(backend.path) == before
    return info.value


def fake_quotes(backend, n: int, day: dt.date | None = None) -> None:
    """``n`` earlier quotes of the store (on RFQs outside the market), quoted on ``day``."""
    template = build_template(backend)
    when = dt.datetime.combine(day or backend.today(), dt.time(9))
    with backend.transaction("test.quotes") as work:
        for i in range(n):
            q = template.model_copy(update={"rfq_id": f"OLD-{i}", "quoted_at": when})
            work.rfqs.append(type(work.rfqs[0])(id=f"OLD-{i}", title="old", quote=q))


def build_template(backend):
    other = aw.open_backend("05_rfq", path=None)
    quote(other)
    return other.rfq.record("RFQ-BLOCKS-01").quote


# --- the market ------------------------------------------------------------------------------------
def test_market_has_at_least_40_rfqs_across_trades_with_buyers(backend):
    rfqs = backend.rfq.rfqs()
    assert len(rfqs) >= 40 and len({r.id for r in rfqs}) == len(rfqs)
    cats = " ".join(backend.rfq.categories())
    for trade in ("Toys", "Dresses", "Baby", "Electronics"):
        assert trade in cats
    for r in rfqs:
        b = backend.rfq.buyer(r)
        assert b is not None and b.country == r.country and b.searches and b.viewed_products
        assert 0 <= r.stars <= rules.RFQ_STARS_MAX
    statuses = {backend.rfq.status(r) for r in rfqs}
    assert {"可报价", "已满", "已过期", "已报价"} <= statuses  # RFQ-0310 was quoted by Wang fang


def test_market_is_deterministic():
    a, b = build_scenario("05_rfq"), build_scenario("05_rfq")
    assert a.rfq_market == b.rfq_market and a.rfq_market is not None


def test_the_demo_store_has_the_market_too():
    demo = aw.open_backend("demo", path=None)
    assert (
        demo.rfq.get("RFQ-BLOCKS-01") is not None
        and demo.rfq.status(demo.rfq.get("RFQ-BLOCKS-01")) == "可报价"
    )


def test_search_by_keyword_filters_sorting_and_pages(backend):
    area = backend.rfq
    page = area.search("building blocks")
    ids = [r.id for r in page.items]
    assert "RFQ-BLOCKS-01" in ids and all(
        "block" in (r.title + " ".join(r.keywords)).casefold() for r in page.items
    )
    assert [r.id for r in area.search("BUILDING   blocks").items] == ids  # case and spaces do not matter
    assert {r.country for r in area.search(country="Germany").items} == {"Germany"}
    assert all(r.stars == 3 for r in area.search(min_stars=3).items)
    assert all(area.slots_left(r) >= 5 for r in area.search(min_slots=5, page_size=100).items)
    recent = area.search(posted_within_days=1, page_size=100).items
    assert recent and all(backend.now() - r.posted_at <= dt.timedelta(days=1) for r in recent)
    toys = area.search(category="Toys & Hobbies", page_size=100).items
    assert toys and all(r.category.startswith("Toys & Hobbies >>") for r in toys)
    newest = area.search(page_size=100).items
    assert [r.posted_at for r in newest] == sorted((r.posted_at for r in newest), reverse=True)
    by_slots = area.search(sort="剩余名额最多", page_size=100).items
    assert [area.slots_left(r) for r in by_slots] == sorted(
        (area.slots_left(r) for r in by_slots), reverse=True
    )
    first, last = area.search(page=1), area.search(page=99)
    assert first.pages == -(-first.total // rules.RFQ_PAGE_SIZE) and last.page == first.pages
    assert len(first.items) == rules.RFQ_PAGE_SIZE
    assert area.search("no such product xyz").total == 0
    recommended = area.search(recommended_only=True, page_size=100).items
    assert recommended and {r.id for r in recommended} == {r.id for r in area.recommended()}
    with pytest.raises(SimError):
        area.search(sort="随便")


def test_research_panel_covers_what_the_textbook_says_to_look_at(backend):
    panel = backend.rfq.research("RFQ-BLOCKS-01")
    assert set(rules.RFQ_READING_POINTS) | set(rules.RFQ_RESEARCH_POINTS) == set(panel)
    assert "三星" in panel["三星"] and "附件" in panel["附件"]
    with pytest.raises(SimError):
        backend.rfq.research("RFQ-NONE")


# --- the textbook's quote ----------------------------------------------------------------------------
def test_textbook_quote_is_accepted_as_printed(backend):
    advice = quote(backend, details=DETAILS_AS_PRINTED, valid_until="2022 年 11 月 25 日")
    rec = backend.rfq.record("RFQ-BLOCKS-01")
    q = rec.quote
    assert rec.owner == "admin" and q.details == DETAILS_AS_PRINTED and q.unit == "盒/boxes"
    assert q.valid_until == dt.date(2022, 11, 25) and q.trade_terms == "FOB Shanghai" and q.currency == "USD"
    assert [(t.min_qty, t.price) for t in q.price_tiers] == [(100, 18.0), (500, 15.0)]
    assert q.payment_terms == ["T/T"] and q.value_added_services == []
    assert q.sample.describe() == QUOTE["sample"]
    assert any("还剩 19 条" in a for a in advice)
    assert backend.rfq.status(backend.rfq.get("RFQ-BLOCKS-01")) == "已报价"


def test_quoting_takes_a_slot_and_a_quota(backend):
    rfq = backend.rfq.get("RFQ-BLOCKS-01")
    slots, left = backend.rfq.slots_left(rfq), backend.rfq.quota().left
    quote(backend)
    assert backend.rfq.slots_left(rfq) == slots - 1 and backend.rfq.quota().left == left - 1


# --- the rules, both sides ---------------------------------------------------------------------------
def test_a_full_rfq_refuses_and_the_tenth_quote_is_accepted(backend):
    nine = backend.rfq.get("RFQ-PLUSH-01")
    assert backend.rfq.quotes_received(nine) == rules.RFQ_MAX_QUOTES - 1
    quote(backend, "RFQ-PLUSH-01")
    assert backend.rfq.quotes_received(nine) == rules.RFQ_MAX_QUOTES and backend.rfq.slots_left(nine) == 0
    err = refused(backend, "rfq_id", "full", rfq_id="RFQ-BLOCKS-02")
    assert "10" in err.errors[0].message


def test_the_quote_pass_may_quote_a_full_rfq(backend):
    with backend.transaction("test.pass") as work:
        work.rfq_market.quote_pass = True
    quote(backend, "RFQ-BLOCKS-02")
    assert backend.rfq.quotes_received(backend.rfq.get("RFQ-BLOCKS-02")) == rules.RFQ_MAX_QUOTES + 1


def test_an_rfq_can_be_quoted_on_its_last_day_not_after(backend):
    rfq = backend.rfq.get("RFQ-BLOCKS-06")
    backend.advance_days((rfq.expires_on - backend.today()).days)
    assert backend.today() == rfq.expires_on
    quote(backend, "RFQ-BLOCKS-06", valid_until=rfq.expires_on.isoformat())
    other = backend.rfq.get("RFQ-BABY-01")
    backend.advance_days((other.expires_on - backend.today()).days + 1)
    refused(backend, "rfq_id", "expired", rfq_id="RFQ-BABY-01", valid_until=backend.today().isoformat())


def test_an_expired_rfq_refuses(backend):
    refused(backend, "rfq_id", "expired", rfq_id="RFQ-BLOCKS-07")
    refused(backend, "rfq_id", "unknown", rfq_id="RFQ-NOT-THERE")


def test_the_same_rfq_cannot_be_quoted_twice(backend):
    quote(backend)
    refused(backend, "rfq_id", "duplicate")
    refused(backend, "rfq_id", "duplicate", rfq_id="rfq-0310")  # Wang fang quoted it already


def test_a_quote_may_be_revised_until_the_buyer_answers(backend):
    quote(backend, product_code="M0025")
    left = backend.rfq.quota().left
    quote(backend, revise=True)
    rec = backend.rfq.record("RFQ-BLOCKS-01")
    assert rec.quote.product_code == "M00257" and rec.quote.revised_at is not None
    assert backend.rfq.quota().left == left and len(backend.state.rfqs) == len(
        {r.id for r in backend.state.rfqs}
    )
    backend.advance_days(3)
    assert backend.rfq.replies("RFQ-BLOCKS-01")
    refused(backend, "rfq_id", "replied", revise=True, valid_until="2022-11-25")
    with pytest.raises(ValidationFailed):
        quote(backend, "RFQ-EDU-01", revise=True)  # nothing to revise there


def test_paid_quota_is_20_a_month(backend):
    assert backend.state.account.tier != rules.TIER_FREE
    fake_quotes(backend, rules.RFQ_MONTHLY_QUOTA_PAID - 1)
    assert backend.rfq.quota().left == 1
    quote(backend)  # the 20th of the month
    assert backend.rfq.quota().left == 0
    refused(backend, "rfq_id", "quota", rfq_id="RFQ-EDU-01")
    backend.advance_days(30)  # December: a new month's quota
    assert backend.rfq.quota().used == 0 and backend.rfq.quota().left == rules.RFQ_MONTHLY_QUOTA_PAID


def test_free_member_has_10_quotes_since_joining(backend):
    with backend.transaction("test.free") as work:
        work.account.tier = rules.TIER_FREE
    fake_quotes(backend, rules.FREE_MEMBER_RFQ_QUOTES - 1, day=dt.date(2022, 6, 1))
    q = backend.rfq.quota()
    assert (q.total, q.used, q.left) == (rules.FREE_MEMBER_RFQ_QUOTES, 9, 1)
    quote(backend)
    refused(backend, "rfq_id", "quota", rfq_id="RFQ-EDU-01")


@pytest.mark.parametrize(
    "key,bad",
    [
        ("product_name", "积木城市小屋"),
        ("details", "材料：实木"),
        ("message", "你好"),
        ("unit", "boxes of ten"),
        ("trade_terms", "XYZ Shanghai"),
        ("trade_terms", "FOB 上海"),
        ("currency", "RMB"),
        ("payment_terms", "Bitcoin"),
        ("payment_terms", []),
        ("value_added_services", ["everything"]),
        ("product_code", "M0 0257!"),
        ("product_image", "IMG-NOT-THERE"),
        ("language", "日语"),
    ],
)
def test_wrong_values_are_refused_on_their_field(backend, key, bad):
    refused(backend, key, **{key: bad})


@pytest.mark.parametrize("key", ["product_name", "details", "message", "trade_terms", "rfq_id"])
@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_text_is_refused(backend, key, case):
    refused(backend, key, **{key: HOSTILE_TEXT[case]})


def test_validity_from_today_up_to_180_days(backend):
    today = backend.today()
    refused(backend, "valid_until", valid_until=(today - dt.timedelta(days=1)).isoformat())
    last = today + dt.timedelta(days=rules.RFQ_QUOTE_VALID_MAX_DAYS)
    refused(backend, "valid_until", "max", valid_until=(last + dt.timedelta(days=1)).isoformat())
    refused(backend, "valid_until", valid_until="2022-13-45")
    quote(backend, valid_until=last.isoformat())
    quote(backend, "RFQ-EDU-01", valid_until=today.isoformat())


@pytest.mark.parametrize(
    "tiers,rule",
    [
        ([], "required"),
        ([(500, 15.0), (100, 18.0)], "tier_qty"),
        ([(100, 15.0), (500, 18.0)], "tier_price"),
        ([(100, 18.0), (500, 18.0)], "tier_price"),
        ([(0, 18.0)], "number"),
        ([(100, 0)], "number"),
        ([(100, "-5")], "number"),
        ([(100, "abc")], "number"),
        ([(100, 18.001)], "number"),
        ([(1, 5.0), (2, 4.0), (3, 3.0), (4, 2.0), (5, 1.0)], "max_n"),
        ("100, 18", "type"),
    ],
)
def test_price_ladder_rules(backend, tiers, rule):
    refused(backend, "price_tiers", rule, price_tiers=tiers)


def test_four_tiers_and_one_tier_are_accepted(backend):
    quote(backend, price_tiers=[(1, 5.0), (2, 4.0), (3, 3.0), (4, 2.0)])
    quote(backend, "RFQ-EDU-01", price_tiers=[("600", "5.50")])


def test_sample_policies(backend):
    assert parse_sample("免费提供，运费由买家支付，确认后 3 天内寄送样品").describe() == QUOTE["sample"]
    fee = parse_sample("sample fee USD 5, seller pays freight, sent within 7 days")
    assert (fee.free, fee.fee, fee.freight_by, fee.ship_days) == (False, 5.0, "seller", 7)
    assert parse_sample("no sample").provided is False
    for bad in ("we have samples", "free sample", "free sample, buyer pays freight", "x" * 301):
        refused(backend, "sample", sample=bad)
    refused(backend, "sample", "sample_days", sample="free sample, buyer pays freight, sent within 61 days")
    refused(backend, "sample", "required", sample="")
    advice = quote(backend, sample="no sample")
    assert any("样品" in a for a in advice)  # this buyer wants a sample first


def test_units_are_named_in_either_language():
    for typed in ("盒/boxes", "Box/Boxes", "boxes", "盒", " BOXES "):
        assert canonical_unit(typed) == "盒/boxes"
    assert canonical_unit("pieces") == "件/pieces"


def test_unknown_fields_are_refused(backend):
    with pytest.raises(SimError):
        backend.rfq.quote({**QUOTE, "discount": "10%"})


# --- after quoting -------------------------------------------------------------------------------------
def test_buyer_replies_arrive_on_the_clock(backend):
    quote(backend)
    assert backend.rfq.replies("RFQ-BLOCKS-01") == []
    backend.advance_days(2)
    first = backend.rfq.replies("RFQ-BLOCKS-01")
    assert [r.kind for r in first] == ["回复"] and "sample" in first[0].text
    backend.advance_days(2)
    assert [r.kind for r in backend.rfq.replies("RFQ-BLOCKS-01")] == ["回复", "提问"]


def test_a_price_far_over_budget_is_refused_by_the_buyer(backend):
    quote(backend, price_tiers=[(100, 40.0), (500, 35.0)])
    backend.advance_days(3)
    assert [r.kind for r in backend.rfq.replies("RFQ-BLOCKS-01")] == ["拒绝"]


def test_no_sample_for_a_buyer_who_wants_one_brings_a_question(backend):
    quote(backend, sample="no sample")
    backend.advance_days(3)
    assert [r.kind for r in backend.rfq.replies("RFQ-BLOCKS-01")] == ["提问"]


def test_other_suppliers_fill_the_slots_as_days_pass(backend):
    rfq = backend.rfq.get("RFQ-BLOCKS-01")
    before = backend.rfq.slots_left(rfq)
    backend.advance_days(5)
    assert backend.rfq.slots_left(rfq) == before - 2


# --- subscriptions -------------------------------------------------------------------------------------
def test_subscriptions_and_recommendations(backend):
    cats = backend.rfq.categories()
    assert backend.rfq.subscribe(cats[:5], [f"word{i}" for i in range(24)]) == []
    assert backend.rfq.market().categories == cats[:5]
    advice = backend.rfq.subscribe(cats[:6], [f"word{i}" for i in range(25)])
    assert advice and "5" in advice[0] and "24" in advice[0]
    backend.rfq.subscribe([], ["building blocks"])
    rec = backend.rfq.recommended()
    assert (
        rec and all(backend.rfq.status(r) == "可报价" for r in rec) and rec[0].posted_at >= rec[-1].posted_at
    )


def test_subscription_limits_are_100_keywords_and_100_categories(backend, monkeypatch):
    backend.rfq.subscribe([], [f"word{i}" for i in range(rules.RFQ_SUBSCRIPTION_KEYWORDS_MAX)])
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as info:
        backend.rfq.subscribe([], [f"word{i}" for i in range(rules.RFQ_SUBSCRIPTION_KEYWORDS_MAX + 1)])
    assert info.value.errors[0].field == "keywords" and file_bytes(backend.path) == before
    monkeypatch.setattr(
        rules, "RFQ_SUBSCRIPTION_CATEGORIES_MAX", 3
    )  # the market has fewer than 100 categories
    with pytest.raises(ValidationFailed):
        backend.rfq.subscribe(backend.rfq.categories()[:4], [])
    for bad_cats, bad_words in ((["No >> Such"], []), ([], ["积木"]), ([], ["<b>x</b>"]), ("", 5)):
        with pytest.raises(ValidationFailed):
            backend.rfq.subscribe(bad_cats, bad_words)
    assert file_bytes(backend.path) == before


# --- ownership and persistence ---------------------------------------------------------------------------
def test_a_sub_accounts_quotes_move_to_the_admin_on_deletion(backend):
    backend.switch_account("sub01")
    quote(backend)
    assert backend.rfq.record("RFQ-BLOCKS-01").owner == "sub01"
    backend.switch_account("admin")
    backend.sub_accounts.delete("sub01", backend.sub_accounts.request_code("delete"))
    rec = backend.rfq.record("RFQ-BLOCKS-01")
    assert rec.owner == "admin" and rec.quote is not None


def test_quotes_are_saved_and_an_old_file_without_the_market_loads(backend, tmp_path):
    quote(backend)
    again = aw.open_backend("05_rfq", path=tmp_path)
    assert again.rfq.record("RFQ-BLOCKS-01").quote == backend.rfq.record("RFQ-BLOCKS-01").quote
    old = StoreState.model_validate(
        {k: v for k, v in backend.state.model_dump(mode="json").items() if k != "rfq_market"}
    )
    assert old.rfq_market is None
    data = backend.state.model_dump(mode="json")
    for rec in data["rfqs"]:
        rec.pop("quote")
    assert all(r.quote is None for r in StoreState.model_validate(data).rfqs)
