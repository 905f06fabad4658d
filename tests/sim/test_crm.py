"""客户通, groups, 外贸邮/EDM set-up, templates, campaigns and 智能圈客: the rules on both sides of each limit."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.crm import country_name
from alisim_widgets.sim.crm_models import CustomerEvent
from alisim_widgets.sim.edm import campaign_results, edm_cost, render_preview
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from alisim_widgets.sim.scenarios import build_scenario
from alisim_widgets.sim.scenarios.crm_data import DYNAMIC_MEMBERS, TASK_CUSTOMERS
from alisim_widgets.sim.scenarios.products_data import DEERC_TITLE
from tests.crm_forms import CAMPAIGN, DYNAMIC, FIXED, INSITE, TEMPLATE
from tests.hostile import file_bytes


@pytest.fixture
def backend(make_backend):
    return make_backend("06_crm")


def refused(backend, call, field: str) -> ValidationFailed:
    """``call`` is refused with an error on ``field`` and the saved store stays as it was."""
    before = file_bytes(backend.path) if backend.path else None
    revision = backend.state.revision
    with pytest.raises(ValidationFailed) as exc:
        call()
    assert field in exc.value.by_field(), exc.value.by_field()
    assert backend.state.revision == revision
    if backend.path:
        assert file_bytes(backend.path) == before
    return exc.value


def add_event(backend, customer_id: str, kind: str, days_ago: int, product_id: int | None = None) -> None:
    with backend.transaction("test.event") as work:
        c = next(c for c in work.customers if c.id == customer_id)
        c.events.append(
            CustomerEvent(kind=kind, day=work.today - dt.timedelta(days=days_ago), product_id=product_id)
        )


# --- the customer list -------------------------------------------------------------------------------------
def test_the_scenario_has_sixty_customers_with_sources_countries_and_dated_behaviour():
    state = build_scenario("06_crm")
    assert len(state.customers) >= 60
    assert {c.source for c in state.customers} == set(rules.CRM_SOURCES)
    assert all(c.country for c in state.customers)
    assert sum(1 for c in state.customers if c.events) >= 60
    kinds = {e.kind for c in state.customers for e in c.events}
    assert {"访问", "询盘", "下单", "收藏"} <= kinds <= set(rules.CRM_EVENT_KINDS)
    assert {"我的客户", "公海客户"} == {c.pool for c in state.customers}
    names = [c.name for c in state.customers]
    assert set(TASK_CUSTOMERS) <= set(names) and len(names) == len(set(names))
    assert build_scenario("06_crm").model_dump() == state.model_dump()  # deterministic


def test_country_names_in_chinese_or_english():
    assert country_name("Russian Federation") == country_name("俄罗斯联邦") == "俄罗斯联邦"
    assert country_name("united states") == "美国" and country_name("Brazil") == "巴西"
    assert country_name("Atlantis") is None and country_name(5) is None


def test_default_groups_follow_the_data(backend):
    members = {g: {c.id for c in backend.crm.members(g)} for g in rules.CRM_DEFAULT_GROUPS}
    assert all(members.values()), members
    assert members["店铺忠诚客户"] <= members["店铺成交客户"]
    assert members["最近成交客户"] <= members["店铺成交客户"]
    assert {"CU-101", "CU-102", "CU-103"} <= members["店铺忠诚客户"]  # the repeat buyers of 06.3.4
    assert "CU-113" not in members["店铺成交客户"]
    backend.crm.record("CU-113", "下单", 3175)
    assert "CU-113" in {c.id for c in backend.crm.members("店铺成交客户")}
    assert "CU-113" in {c.id for c in backend.crm.members("最近成交客户")}


def test_add_tag(backend):
    assert backend.crm.add_tag("Amy Tang", "九月采购节") == ["新客户", "九月采购节"]
    assert backend.crm.add_tag("CU-104", "九月采购节") == ["新客户", "九月采购节"]  # no duplicate
    refused(backend, lambda: backend.crm.add_tag("CU-104", "x" * (rules.CRM_TAG_MAX + 1)), "tag")
    refused(backend, lambda: backend.crm.add_tag("Nobody", "VIP"), "customer")


# --- fixed groups (06.3.4) ---------------------------------------------------------------------------------
def test_the_textbook_fixed_group(backend):
    assert backend.crm.create_fixed_group(FIXED) == []
    group = backend.crm.group("重点客户群")
    assert group.kind == "固定客群" and group.scope == "我的客户" and group.description == "回购重点人群"
    assert [c.name for c in backend.crm.members(group)] == list(TASK_CUSTOMERS)


@pytest.mark.parametrize(
    "n, ok", [(rules.GROUP_DESCRIPTION_MAX, True), (rules.GROUP_DESCRIPTION_MAX + 1, False)]
)
def test_fixed_group_description_at_most_256(backend, n, ok):
    values = {**FIXED, "description": "回" * n}
    if ok:
        backend.crm.create_fixed_group(values)
        assert len(backend.crm.group("重点客户群").description) == n
    else:
        refused(backend, lambda: backend.crm.create_fixed_group(values), "description")


def test_fixed_group_customers_must_be_in_the_scope_and_the_list(backend):
    refused(
        backend, lambda: backend.crm.create_fixed_group({**FIXED, "customers": ["Fred leemie"]}), "customers"
    )
    backend.crm.create_fixed_group(
        {**FIXED, "name": "公海好客户", "scope": "公海客户", "customers": ["Fred leemie"]}
    )
    refused(
        backend,
        lambda: backend.crm.create_fixed_group({**FIXED, "customers": ["No Such Buyer"]}),
        "customers",
    )
    refused(
        backend,
        lambda: backend.crm.create_fixed_group({**FIXED, "customers": ["CU-101", "CU-101"]}),
        "customers",
    )
    refused(backend, lambda: backend.crm.create_fixed_group({**FIXED, "customers": []}), "customers")
    refused(
        backend, lambda: backend.crm.create_fixed_group({**FIXED, "customers": "David Timko"}), "customers"
    )
    refused(backend, lambda: backend.crm.create_fixed_group({**FIXED, "scope": "全部客户"}), "scope")


def test_group_names(backend):
    refused(backend, lambda: backend.crm.create_fixed_group({**FIXED, "name": "店铺粉丝"}), "name")
    refused(backend, lambda: backend.crm.create_fixed_group({**FIXED, "name": "x" * 51}), "name")
    backend.crm.create_dynamic_group(DYNAMIC)
    refused(backend, lambda: backend.crm.create_fixed_group({**FIXED, "name": DYNAMIC["name"]}), "name")
    backend.crm.create_fixed_group(FIXED)
    assert backend.crm.create_fixed_group({**FIXED, "description": "改过"}) == ["已更新固定客群“重点客户群”"]
    assert len(backend.crm.groups()) == 2


def test_a_fixed_group_does_not_change_with_the_data(backend):
    backend.crm.create_fixed_group(FIXED)
    backend.advance_days(200)
    assert [c.name for c in backend.crm.members("重点客户群")] == list(TASK_CUSTOMERS)


# --- dynamic groups (06.3.5) -------------------------------------------------------------------------------
def test_the_textbook_dynamic_group_is_computed_from_the_data(backend):
    backend.crm.create_dynamic_group(DYNAMIC)
    assert [c.id for c in backend.crm.members(DYNAMIC["name"])] == list(DYNAMIC_MEMBERS)
    # a new inquiry today brings a Brazilian buyer in; his old one (30 days ago) did not
    backend.crm.record("Pedro Santos", "询盘")
    assert "CU-110" in {c.id for c in backend.crm.members(DYNAMIC["name"])}
    # one day on, Olga's inquiry (29 days old, inside the window today) is 30 days old: she leaves
    backend.advance_days(1)
    ids = {c.id for c in backend.crm.members(DYNAMIC["name"])}
    assert "CU-108" not in ids and "CU-110" in ids
    backend.advance_days(60)
    assert backend.crm.members(DYNAMIC["name"]) == []


@pytest.mark.parametrize("days_ago, member", [(0, True), (29, True), (30, False)])
def test_the_30_day_window_includes_today(backend, days_ago, member):
    add_event(backend, "CU-113", "询盘", 100)  # a Spanish buyer: make her Brazilian with one inquiry
    with backend.transaction("test.country") as work:
        c = next(c for c in work.customers if c.id == "CU-113")
        c.country, c.events = (
            "巴西",
            [CustomerEvent(kind="询盘", day=work.today - dt.timedelta(days=days_ago))],
        )
    backend.crm.create_dynamic_group(DYNAMIC)
    assert ("CU-113" in {c.id for c in backend.crm.members(DYNAMIC["name"])}) is member


def test_dynamic_conditions(backend):
    english = {**DYNAMIC, "countries": ["United States", "Brazil", "Russian Federation"]}
    backend.crm.create_dynamic_group(english)
    assert backend.crm.group(DYNAMIC["name"]).conditions.countries == ["美国", "巴西", "俄罗斯联邦"]
    refused(backend, lambda: backend.crm.create_dynamic_group({"name": "空条件"}), "countries")
    refused(
        backend, lambda: backend.crm.create_dynamic_group({**DYNAMIC, "countries": ["Atlantis"]}), "countries"
    )
    refused(
        backend,
        lambda: backend.crm.create_dynamic_group({**DYNAMIC, "countries": ["美国", "USA"]}),
        "countries",
    )
    refused(backend, lambda: backend.crm.create_dynamic_group({**DYNAMIC, "countries": "美国"}), "countries")
    for bad in (0, -1, "abc", 2.5, rules.CRM_WITHIN_DAYS_MAX + 1):
        refused(backend, lambda b=bad: backend.crm.create_dynamic_group({**DYNAMIC, "inquiry_within_days": b}),
                "inquiry_within_days")  # fmt: skip
    backend.crm.create_dynamic_group(
        {**DYNAMIC, "name": "一年", "inquiry_within_days": rules.CRM_WITHIN_DAYS_MAX}
    )
    refused(
        backend, lambda: backend.crm.create_dynamic_group({**DYNAMIC, "sources": ["朋友介绍"]}), "sources"
    )
    with pytest.raises(SimError):
        backend.crm.create_dynamic_group({**DYNAMIC, "members": ["CU-101"]})
    assert len(backend.crm.preview({"sources": ["名片"]})) == sum(
        1 for c in backend.state.customers if c.source == "名片"
    )


def test_every_account_may_build_groups_only_the_admin_runs_campaigns(backend):
    backend.switch_account("sub02")  # 制作员
    backend.crm.create_fixed_group(FIXED)
    with pytest.raises(PermissionDenied):
        backend.edm.create_campaign(CAMPAIGN)
    with pytest.raises(PermissionDenied):
        backend.edm.save_template(TEMPLATE)


def test_deleting_a_sub_account_hands_its_customers_to_the_admin(backend):
    assert {c.id for c in backend.state.customers if c.owner == "sub01"} == {"CU-01", "CU-02"}
    code = backend.sub_accounts.request_code("delete")
    backend.sub_accounts.delete("sub01", code)
    assert all(c.owner == "admin" for c in backend.state.customers)
    assert backend.crm.customer("CU-01").source == "询盘客户"  # the 06 fields survive the transfer


# --- 外贸邮 and EDM set-up ------------------------------------------------------------------------------------
def test_the_scenario_store_can_send_mails(backend):
    assert backend.edm.problem() is None and backend.edm.mx_active()


def test_mx_record_takes_48_hours_on_the_scenario_clock(backend):
    backend.edm.open_mail("www.dianyue-2022.com", True)
    assert backend.edm.setup.domain == "dianyue-2022.com" and backend.edm.setup.sender == ""
    refused(backend, lambda: backend.edm.save_sender("edm@mail.dianyue-2022.com", "Smtp2022pass"), "sender")
    backend.edm.confirm_mx()
    confirmed = backend.edm.setup.mx_confirmed_at
    assert backend.edm.mx_ready_at() - confirmed == dt.timedelta(hours=rules.MX_RECORD_HOURS)
    backend.advance_days(1)
    assert not backend.edm.mx_active() and "48 小时" in backend.edm.problem()
    backend.advance_days(1)
    assert backend.edm.mx_active() and backend.now() >= confirmed + dt.timedelta(hours=48)


def test_sender_password_and_reply_address(backend):
    backend.edm.open_mail("dianyue-2022.com", True)
    backend.edm.confirm_mx()
    backend.advance_days(2)
    refused(backend, lambda: backend.edm.save_reply("mark@dianyue-2022.com", "Mark"), "reply_email")
    refused(backend, lambda: backend.edm.save_sender("edm@other.com", "Smtp2022pass"), "sender")
    refused(backend, lambda: backend.edm.save_sender("edm@mail.dianyue-2022.com", "short"), "smtp_password")
    backend.edm.save_sender("edm@mail.dianyue-2022.com", "Smtp2022pass")
    assert "Smtp2022pass" not in backend.path.read_text(encoding="utf-8")  # kept as a hash only
    refused(backend, lambda: backend.edm.save_reply("not an email", "Mark"), "reply_email")
    backend.edm.save_reply("mark@dianyue-2022.com", "Mark")
    assert backend.edm.problem() is None


def test_opening_mail_needs_the_licence_and_a_domain(backend):
    refused(backend, lambda: backend.edm.open_mail("dianyue-2022.com", False), "agree")
    for bad in ("", "dianyue", "http://x.com/a", "<b>x</b>.com"):
        refused(backend, lambda b=bad: backend.edm.open_mail(b, True), "domain")


# --- quota and cost ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sent, mails, free, paid, cost",
    [(0, 200, 200, 0, "0.00"), (0, 201, 200, 1, "0.01"), (199, 1, 1, 0, "0.00"), (200, 1, 0, 1, "0.01"),
     (150, 1050, 50, 1000, "2.00"), (0, 1200, 200, 1000, "2.00"), (300, 2000, 0, 2000, "4.00")],
)  # fmt: skip
def test_200_free_a_day_then_2_yuan_per_1000(sent, mails, free, paid, cost):
    q = edm_cost(sent, mails)
    assert (q.free, q.paid, str(q.cost_cny)) == (free, paid, cost)


def test_mails_sent_today_count_against_the_free_quota(backend):
    backend.edm.save_template(TEMPLATE)  # one test mail
    assert backend.edm.sent_on(backend.today()) == 1
    backend.edm.create_campaign(CAMPAIGN)
    sent = len(backend.edm.campaigns()[-1].recipients)
    assert backend.edm.sent_on(backend.today()) == 1 + sent
    assert backend.edm.quote(rules.EDM_FREE_PER_DAY).paid == 1 + sent
    backend.advance_days(1)
    assert backend.edm.sent_on(backend.today()) == 0


# --- templates (06.8.3) ------------------------------------------------------------------------------------
def test_the_textbook_template_from_the_library(backend):
    advice = backend.edm.save_template(TEMPLATE)
    t = backend.edm.template("新品促销模板")
    assert t.base == rules.EDM_SEPTEMBER_NEW_PRODUCTS and t.content == TEMPLATE["content"]
    assert "测试邮件已发送" in advice[-1]
    assert backend.inbox.latest().subject == "[测试] Here's a coupon for a new product"
    assert len(backend.edm.test_mails(t.id)) == 1


def test_template_fields(backend):
    refused(
        backend,
        lambda: backend.edm.save_template({**TEMPLATE, "base_template": "不存在的模板"}),
        "base_template",
    )
    for key in ("name", "description", "subject", "content"):
        refused(backend, lambda k=key: backend.edm.save_template({**TEMPLATE, k: ""}), key)
    refused(
        backend,
        lambda: backend.edm.save_template({**TEMPLATE, "content": "<script>alert(1)</script>"}),
        "content",
    )
    refused(backend, lambda: backend.edm.save_template({**TEMPLATE, "subject": "x" * (rules.EDM_SUBJECT_MAX + 1)}),
            "subject")  # fmt: skip
    backend.edm.save_template({**TEMPLATE, "base_template": "", "send_test": False})
    assert backend.edm.template("新品促销模板").base == "" and backend.edm.test_mails("新品促销模板") == []


def test_a_test_mail_needs_the_edm_set_up(backend):
    backend.edm.open_mail("dianyue-2022.com", True)
    refused(backend, lambda: backend.edm.save_template(TEMPLATE), "send_test")


def test_the_preview_escapes_everything():
    html = render_preview("<b>hi</b>", "line 1\n<script>alert(1)</script>", "a&b@x.com")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<br>" in html and "a&amp;b" in html


# --- campaigns (06.8.5) ------------------------------------------------------------------------------------
def test_the_textbook_campaign_sends_to_the_interested_customers(backend):
    advice = backend.edm.create_campaign(CAMPAIGN)
    c = backend.edm.campaigns()[-1]
    members = backend.crm.members("店铺兴趣客户")
    assert c.active and c.send_at == backend.edm.campaigns()[-1].created_at
    assert set(c.recipients) == {m.id for m in members if m.email}
    assert c.free_mails == len(c.recipients) and c.cost_cny == 0
    assert "免费" in advice[0]


@pytest.mark.parametrize(
    "n, ok", [(rules.CAMPAIGN_DESCRIPTION_MAX, True), (rules.CAMPAIGN_DESCRIPTION_MAX + 1, False)]
)
def test_campaign_description_at_most_1000(backend, n, ok):
    values = {**CAMPAIGN, "description": "d" * n}
    if ok:
        backend.edm.create_campaign(values)
    else:
        refused(backend, lambda: backend.edm.create_campaign(values), "description")


def test_campaign_fields(backend):
    today = backend.today()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "start": yesterday}), "start")
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "end": "2022-08-24"}), "end")
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "channel": "短信"}), "channel")
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "group": "不存在的客群"}), "group")
    refused(
        backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "template": "新品促销模板"}), "template"
    )
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "send": "定时发送"}), "send_at")
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "send": "定时发送", "send_at": "2022-08-20 08:00"}),
            "send_at")  # fmt: skip
    backend.edm.create_campaign({**CAMPAIGN, "start": today.isoformat()})  # today is allowed
    backend.edm.save_template(TEMPLATE)
    backend.edm.create_campaign({**CAMPAIGN, "template": "新品促销模板"})  # the store's own template


def test_a_draft_sends_nothing(backend):
    assert backend.edm.create_campaign({**CAMPAIGN, "activate": False}) == [
        "已保存为草稿：点击“活动生效”后才会发送"
    ]
    c = backend.edm.campaigns()[-1]
    assert not c.active and c.recipients == [] and backend.edm.status(c) == "草稿"
    backend.advance_days(3)
    assert backend.edm.results(c) == dict.fromkeys(("delivered", "opened", "clicked", "replied"), 0)


def test_a_scheduled_campaign_goes_out_at_its_time(backend):
    backend.edm.create_campaign({**CAMPAIGN, "send": "定时发送", "send_at": "2022-08-25 10:00"})
    c = backend.edm.campaigns()[-1]
    assert backend.edm.status(c).startswith("待发送") and backend.edm.results(c)["delivered"] == 0
    assert backend.edm.sent_on(dt.date(2022, 8, 25)) == 0
    backend.advance_days(6)  # 08-26 09:00
    assert backend.edm.status(c) == "已发送" and backend.edm.results(c)["delivered"] > 0


def test_results_grow_over_the_days_after_sending(backend):
    backend.edm.create_campaign(CAMPAIGN)
    c = backend.edm.campaigns()[-1]
    seen = [campaign_results(c, c.send_at + dt.timedelta(days=d)) for d in range(8)]
    for r in seen:
        assert len(c.recipients) >= r["delivered"] >= r["opened"] >= r["clicked"] >= r["replied"]
    for a, b in zip(seen, seen[1:], strict=False):
        assert all(b[k] >= a[k] for k in a)
    assert seen[0]["opened"] == 0 and seen[-1]["opened"] > 0 and seen[-1]["replied"] > 0


def test_a_group_without_emails_cannot_be_mailed(backend):
    backend.crm.create_fixed_group({**FIXED, "name": "名片客户", "customers": ["han zhang"]})
    refused(backend, lambda: backend.edm.create_campaign({**CAMPAIGN, "group": "名片客户"}), "group")
    backend.edm.create_campaign({**CAMPAIGN, "group": "名片客户", "activate": False})  # a draft is fine


# --- 智能圈客 (06.8.4) ---------------------------------------------------------------------------------------
def test_smart_audience_is_recent_visitors_with_similar_tastes(backend):
    picked = backend.edm.smart_audience(DEERC_TITLE)
    assert 0 < len(picked) <= rules.SMART_AUDIENCE_MAX
    today = backend.today()
    first = today - dt.timedelta(days=rules.SMART_AUDIENCE_DAYS - 1)
    for c, reason in picked:
        assert any(e.kind == "访问" and first <= e.day <= today for e in c.events), c.name
        assert reason
    assert picked[0][1] == "近期访问过这个产品"
    pools = {c.pool for c, _ in picked}
    assert pools <= {"我的客户", "公海客户"}


def test_the_textbook_insite_message(backend):
    assert backend.edm.send_insite(INSITE)[0].startswith("已发送给智能圈客圈选的")
    s = backend.edm.insite()[-1]
    assert (s.quantity, s.unit, s.unit_price, s.product_id) == (5, "Box(es)", 35.0, 3175)
    assert s.customer_ids == [c.id for c, _ in backend.edm.smart_audience(3175)]


@pytest.mark.parametrize(
    "key, bad",
    [("quantity", "0"), ("quantity", "1.5"), ("unit", "Boxes"), ("unit_price", "0"), ("unit_price", "-1"),
     ("product", "No such product"), ("title", ""), ("message", "x" * (rules.INSITE_MESSAGE_MAX + 1))],
)  # fmt: skip
def test_insite_fields(backend, key, bad):
    refused(backend, lambda: backend.edm.send_insite({**INSITE, key: bad}), key)


# --- persistence ---------------------------------------------------------------------------------------------
def test_everything_survives_a_restart(backend, tmp_path):
    backend.crm.create_fixed_group(FIXED)
    backend.crm.create_dynamic_group(DYNAMIC)
    backend.edm.save_template(TEMPLATE)
    backend.edm.send_insite(INSITE)
    backend.edm.create_campaign(CAMPAIGN)
    again = aw.open_backend("06_crm", path=tmp_path)
    assert again.state.crm == backend.state.crm and again.state.edm == backend.state.edm
    assert again.state.customers == backend.state.customers


def test_a_store_saved_before_06_still_loads(backend, tmp_path):
    backend.crm.add_tag("CU-101", "VIP")
    data = json.loads(backend.path.read_text(encoding="utf-8"))
    data.pop("crm"), data.pop("edm")
    for c in data["customers"]:
        for key in ("company", "email", "source", "pool", "tags", "fan", "events"):
            c.pop(key)
    backend.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = aw.open_backend("06_crm", path=tmp_path)
    assert again.problem is None, again.problem
    assert again.crm.groups() == [] and again.edm.setup.domain == ""
    assert again.crm.customer("CU-101").events == []


def test_a_draft_can_be_made_effective_later(backend):
    backend.edm.create_campaign({**CAMPAIGN, "activate": False})
    draft = backend.edm.campaigns()[-1]
    advice = backend.edm.activate_campaign(draft.id)
    c = backend.edm.campaigns()[-1]
    assert c.active and c.recipients and "免费" in advice[0] and backend.edm.status(c) == "已发送"
    with pytest.raises(SimError, match="已经生效"):
        backend.edm.activate_campaign(draft.id)
    with pytest.raises(SimError):
        backend.edm.activate_campaign("EDM-999")


def test_a_scheduled_draft_whose_time_has_passed_is_refused(backend):
    backend.edm.create_campaign(
        {**CAMPAIGN, "activate": False, "send": "定时发送", "send_at": "2022-08-25 10:00"}
    )
    draft = backend.edm.campaigns()[-1]
    backend.advance_days(6)
    refused(backend, lambda: backend.edm.activate_campaign(draft.id), "send_at")


@pytest.mark.parametrize(
    "tier, edition", [(rules.TIER_FREE, ""), (rules.TIER_GOLD, "基础版"), (rules.TIER_VERIFIED, "智能版")]
)
def test_crm_is_for_paid_members(backend, tier, edition):
    with backend.transaction("test.tier") as work:
        work.account.tier = tier
    assert backend.crm.edition() == edition
    calls = (
        lambda: backend.crm.create_fixed_group(FIXED),
        lambda: backend.crm.create_dynamic_group(DYNAMIC),
        lambda: backend.edm.save_template(TEMPLATE),
        lambda: backend.edm.send_insite(INSITE),
        lambda: backend.edm.create_campaign(CAMPAIGN),
    )
    for call in calls:
        if edition:
            call()
        else:
            revision = backend.state.revision
            with pytest.raises(SimError, match="免费会员"):
                call()
            assert backend.state.revision == revision
