"""The 06_crm screens: the textbook data through fill()/submit(), hostile input, saved work, escaping, the demo."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.crm import CustomerListPage, GroupsPage
from alisim_widgets.screens.edm import CampaignResultsPage, EdmSetupScreen
from alisim_widgets.screens.shell import SECTIONS, MyAlibabaShell
from tests.crm_forms import CAMPAIGN, DYNAMIC, FIXED, FORMS, INSITE, TEMPLATE
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes

TASKS = tuple(FORMS)


@pytest.fixture
def backend(make_backend):
    return make_backend("06_crm")


@pytest.mark.parametrize("task_id", TASKS)
def test_textbook_data_submits_and_shows_again_after_a_restart(backend, tmp_path, task_id):
    screen = aw.screen_for(task_id, backend)
    assert screen.task_id == task_id
    result = screen.fill(**FORMS[task_id]).submit()
    assert result.ok and result.done, result
    again = aw.screen_for(task_id, aw.open_backend("06_crm", path=tmp_path))
    shown = again.values()
    for key, value in FORMS[task_id].items():
        if key in ("send_test", "customers", "product"):
            continue
        if key == "base_template":  # the task's name for it is saved as the library's name
            value = "2022-9月采购节新品发布"
        if isinstance(value, list):
            assert sorted(shown[key]) == sorted(value), key
        elif isinstance(value, bool):
            assert shown[key] is value, key
        else:
            assert str(shown[key]) == str(value), key
    assert "已" in again.status.value


# (task, field) → hostile values that must be refused beside the field with the state file unchanged
TEXT_FIELDS = {
    "06.3.4": ("name", "description"),
    "06.3.5": ("name",),
    "06.8.3": ("name", "description", "subject", "content"),
    "06.8.4": ("title", "message"),
    "06.8.5": ("name", "description"),
}
NUMBER_FIELDS = {
    "06.3.5": ("inquiry_within_days",),
    "06.8.4": ("quantity", "unit_price"),
    "06.8.5": ("start", "end"),
}
CASES = [
    (t, k, case, bad) for t, keys in TEXT_FIELDS.items() for k in keys for case, bad in HOSTILE_TEXT.items()
] + [
    # the dynamic group's day counts are optional: left empty they are simply not applied
    (t, k, case, bad)
    for t, keys in NUMBER_FIELDS.items()
    for k in keys
    for case, bad in HOSTILE_NUMBER.items()
    if not (t == "06.3.5" and case in ("empty", "whitespace"))
]


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> dict:
    """One saved store and one screen per task, shared by the hostile cases (a refusal changes nothing)."""
    backend = aw.open_backend("06_crm", path=tmp_path_factory.mktemp("hostile"))
    backend.crm.add_tag("CU-101", "VIP")  # the state file exists before the refused submissions
    return {"backend": backend}


@pytest.mark.parametrize("task_id, key, case, bad", CASES, ids=[f"{t}-{k}-{c}" for t, k, c, _ in CASES])
def test_hostile_input_is_refused_and_changes_nothing(screens, task_id, key, case, bad):
    backend = screens["backend"]
    if task_id not in screens:
        screens[task_id] = aw.screen_for(task_id, backend)
    screen = screens[task_id]
    assert_refused(screen, FORMS[task_id], key, bad, backend.path)


def test_choices_cannot_take_unknown_values(backend):
    with pytest.raises(ValueError):
        aw.screen_for("06.3.4", backend).fill(customers=["No Such Buyer"])
    with pytest.raises(ValueError):
        aw.screen_for("06.3.5", backend).fill(countries=["Atlantis"])
    with pytest.raises(ValueError):
        aw.screen_for("06.8.4", backend).fill(product="A product we do not sell")
    with pytest.raises(ValueError):
        aw.screen_for("06.8.5", backend).fill(group="不存在的客群")
    with pytest.raises(KeyError):
        aw.screen_for("06.8.5", backend).fill(members=["CU-101"])


def test_required_fields_left_empty_are_named_together(backend):
    result = aw.screen_for("06.8.5", backend).submit()
    assert not result.ok
    assert {"name", "group", "start", "end", "description", "channel", "template", "send"} <= set(
        result.errors
    )
    result = aw.screen_for("06.3.4", backend).submit()
    assert {"name", "scope", "description", "customers"} <= set(result.errors)


def test_fixed_group_screen_filters_and_keeps_the_choice(backend):
    screen = aw.screen_for("06.3.4", backend)
    screen.fill(customers=["CU-101"])
    screen.filter.value = "timko"
    labels = [label for label, _ in screen.inputs["customers"].options]
    assert any("David Timko" in x for x in labels) and any("Kouakouanicet" in x for x in labels)
    assert len(labels) == 2 and screen.values()["customers"] == ["CU-101"]
    result = screen.fill(**FIXED).submit()
    assert result.ok and "3 位客户" in result.message


def test_dynamic_group_screen_counts_before_creating(backend):
    screen = aw.screen_for("06.3.5", backend)
    assert screen.update_count() is None  # no condition yet
    screen.fill(countries=DYNAMIC["countries"])
    everyone = screen.update_count()
    screen.fill(inquiry_within_days="30")
    assert screen.update_count() == 6 < everyone and "客群人数：6" in screen.count.value
    screen.fill(countries=["United States"])  # English names pick the Chinese option
    assert screen.values()["countries"] == ["美国"]


def test_template_screen_prefills_from_the_library_and_previews_safely(backend):
    screen = aw.screen_for("06.8.3", backend)
    screen.fill(base_template="9 月采购节模板-New products")
    assert screen.values()["base_template"] == "2022-9月采购节新品发布"
    assert screen.values()["subject"]  # the library's text, to be edited
    screen.fill(subject="<b>x</b>", content="a\n<script>alert(1)</script>")
    html = screen.preview()
    assert "<script>" not in html and "&lt;b&gt;" in html
    result = screen.fill(**TEMPLATE).submit()
    assert result.ok and any("测试邮件" in w for w in result.warnings)
    assert "新品促销模板" in screen.templates_view.value


def test_insite_screen_shows_the_audience_of_the_product(backend):
    screen = aw.screen_for("06.8.4", backend)
    assert screen.show_audience() == []
    screen.fill(product=INSITE["product"])
    picked = screen.show_audience()
    assert picked and "圈选原因" in screen.audience_view.value
    assert screen.fill(**INSITE).submit().ok
    assert f"{len(picked)}</td>" in screen.sent_view.value


def test_campaign_screen_quotes_before_sending_and_offers_new_templates(backend):
    screen = aw.screen_for("06.8.5", backend)
    screen.fill(group="店铺兴趣客户")
    assert "免费" in screen.quote_view.value and "元" in screen.quote_view.value
    backend.edm.save_template(TEMPLATE)
    screen.fill(**{**CAMPAIGN, "template": "新品促销模板"})  # made after the page was built
    result = screen.submit()
    assert result.ok and "已生效" in result.message
    assert "新贸节客户促销" in screen.list_view.value
    draft = aw.screen_for("06.8.5", backend).fill(**{**CAMPAIGN, "activate": False}).submit()
    assert draft.ok and "草稿" in draft.message


def test_the_submit_button_does_the_same(backend):
    screen = aw.screen_for("06.3.4", backend).fill(**FIXED)
    screen.submit_button.click()
    assert backend.crm.group("重点客户群") is not None


def test_customer_names_are_escaped(backend):
    page = CustomerListPage(backend)
    page.search.value = "o'brien"
    assert "O&#x27;Brien" in page.table.value and "O'Brien" not in page.table.value
    page.pick.value = page.pick.options[1][1]
    assert "行为记录" in page.detail.value


def test_customer_list_filters_and_tags(backend):
    page = CustomerListPage(backend)
    page.pool.value = "公海客户"
    assert all(c.pool == "公海客户" for c in page.shown())
    page.pool.value = None
    page.country.value = "巴西"
    assert {c.country for c in page.shown()} == {"巴西"}
    assert page.add_tag("CU-105", "新贸节")
    assert "新贸节" in backend.crm.customer("CU-105").tags
    before = file_bytes(backend.path)
    assert not page.add_tag("CU-105", "<b>")
    assert file_bytes(backend.path) == before and "alisim-fail" in page.status.value


def test_groups_page_counts_every_group(backend):
    backend.crm.create_dynamic_group(DYNAMIC)
    page = GroupsPage(backend)
    for name in ("店铺兴趣客户", "最近询盘客户", DYNAMIC["name"]):
        assert name in page.table.value
    page.pick.value = DYNAMIC["name"]
    assert "Amy Tang" in page.members.value


def test_edm_setup_screen_runs_the_steps_in_order(make_backend):
    backend = make_backend("06_crm")
    backend.edm.open_mail("dianyue-2022.com", True)  # a new domain: start over
    screen = EdmSetupScreen(backend)
    result = screen.fill(mx_done=True).submit()
    assert not result.ok and result.next_step and "48 小时" in result.message
    backend.advance_days(2)
    result = screen.fill(sender="edm@mail.dianyue-2022.com", smtp_password="Smtp2022pass",
                         reply_email="mark@dianyue-2022.com", reply_name="Mark").submit()  # fmt: skip
    assert result.ok, result
    assert screen.values()["smtp_password"] == "" and "已配置完毕" in screen.state_view.value


def test_campaign_results_page(backend):
    backend.edm.create_campaign(CAMPAIGN)
    page = CampaignResultsPage(backend)
    assert "新贸节客户促销" in page.table.value and "已发送" in page.table.value


def test_the_demo_section_opens_every_page():
    shell = MyAlibabaShell(aw.open_backend("demo", path=None))
    labels = [label for label, _ in SECTIONS["客户管理"]]
    assert {
        "客户列表",
        "新建固定客群",
        "新建动态客群",
        "模板管理",
        "新建 EDM 营销",
        "智能圈客站内营销",
    } <= set(labels)
    for label in labels:
        shell.open("客户管理", label)
    assert shell.failures == {}
    page = shell.pages[("客户管理", "新建固定客群")]
    assert page.fill(**FIXED).submit().ok


def test_the_results_page_makes_a_draft_effective(backend):
    backend.edm.create_campaign({**CAMPAIGN, "activate": False})
    page = CampaignResultsPage(backend)
    draft_id = page.drafts.options[1][1]
    page.drafts.value = draft_id
    page.activate_button.click()
    assert "活动已生效" in page.status.value and backend.edm.campaigns()[-1].active
    assert len(page.drafts.options) == 1
    assert not page.activate(draft_id) and "已经生效" in page.status.value


def test_the_saved_edm_setup_submits_again_without_retyping_the_password(backend):
    screen = EdmSetupScreen(backend)
    assert screen.values()["sender"] == backend.edm.setup.sender and screen.values()["smtp_password"] == ""
    assert screen.submit().ok
    result = screen.fill(sender="edm2@mail.dianyue2022.com").submit()  # a new sender needs its password
    assert not result.ok and "smtp_password" in result.errors
