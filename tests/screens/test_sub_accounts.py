"""The 子账号设置 screen (task 02.5.4), driven as a person drives it: add, manage, switch accounts."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.persistence import STATE_FILENAME
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.p02_team_data import XU_TIANTIAN

TASK = {k: v for k, v in XU_TIANTIAN.items()}


@pytest.fixture
def screen(make_backend):
    return aw.screen_for("02.5.4", make_backend("02_store"))


def _code(screen) -> str:
    assert screen.request_code().ok
    return screen.backend.inbox.last_code()


def test_textbook_data_adds_xu_tiantian(screen):
    result = screen.fill(**TASK, verification_code=_code(screen)).submit()
    assert result.ok, result
    sub = screen.backend.state.sub_accounts[-1]
    assert (sub.name, sub.role, sub.email) == ("Xu tiantian", "业务经理", "15826947@qq.com")
    assert "Xu tiantian" in screen.table.value and "3 / 5" in screen.limit_html.value
    assert screen.values()["password"] == "" and screen.values()["verification_code"] == ""
    assert screen.backend.state.audit[-1].source == "screen"


def test_get_code_button_emails_the_admin(screen):
    screen.code_button.click()
    code = screen.backend.inbox.last_code()
    assert code in screen.inbox_view.value and "dianyuekeji@163.com" in screen.inbox_view.value
    assert "di***@163.com" in screen.status.value


def test_errors_show_beside_their_fields_and_typed_values_stay(screen):
    result = screen.fill(**{**TASK, "mobile": "123", "email": "bad"}, verification_code="000000").submit()
    assert not result.ok
    assert "11 位" in screen.error_labels["mobile"].value
    assert "格式不正确" in screen.error_labels["email"].value
    assert screen.error_labels["name"].value == ""
    assert screen.values()["email"] == "bad" and screen.values()["name"] == "Xu tiantian"


def test_roles_are_offered_with_what_each_may_do(screen):
    assert tuple(screen.inputs["role"].options) == ("制作员", "业务员", "业务经理")
    html = "".join(w.value for row in screen.body.children for w in row.children[1].children if hasattr(w, "value")
                   and isinstance(w.value, str))  # fmt: skip
    for words in ("旺铺", "分配给自己", "下属业务员"):
        assert words in html


def test_required_fields_are_starred(screen):
    html = "".join(row.children[0].value for row in screen.body.children)
    assert html.count("alisim-star") == 7  # name, gender, email, password, mobile, role, code


def test_unknown_radio_option_is_a_clear_error(screen):
    with pytest.raises(ValueError, match="没有这个选项"):
        screen.fill(role="管理员")
    with pytest.raises(ValueError, match="没有这个选项"):
        screen.fill(gender="x")


def test_no_role_chosen_is_refused_beside_the_field(screen):
    result = screen.fill(**{**TASK, "role": None, "gender": None}, verification_code=_code(screen)).submit()
    assert "请选择账号类型" in result.errors["role"] and "请选择性别" in result.errors["gender"]


def test_management_actions_through_the_screen(screen):
    assert screen.details("sub01").ok and "Wang fang" in screen.panel.value and "询盘 2" in screen.panel.value
    assert (
        screen.login_summary("sub01").ok
        and "越南" in screen.panel.value
        and "非常用地区" in screen.panel.value
    )
    assert screen.change_role("sub02", "业务经理").ok
    bad = screen.change_role("sub02", "制作员")
    assert (
        not bad.ok
        and "不能改回制作员" in bad.errors["role"]
        and "不能改回制作员" in screen.action_status.value
    )
    assert screen.freeze("sub01").ok and "已冻结" in screen.table.value
    assert not screen.delete("sub01", "123456").ok
    assert screen.unfreeze("sub01").ok
    assert screen.request_delete_code().ok
    result = screen.delete("sub01", screen.backend.inbox.last_code())
    assert result.ok and "归入主账号" in result.message and "Wang fang" not in screen.table.value


def test_action_buttons_act_on_the_picked_account(screen):
    screen.target.value = "sub01"
    screen.action_buttons["冻结"].click()
    assert screen.backend.state.sub_accounts[0].frozen
    screen.action_buttons["解冻"].click()
    screen.target.value = "sub02"
    screen.action_buttons["授权数据管家"].click()
    assert screen.backend.state.sub_accounts[1].data_access


def test_switching_accounts_changes_what_the_screen_allows(screen):
    before = file_bytes(screen.backend.path)
    assert screen.switch("sub01").ok
    assert "Wang fang" in screen.acting_html.value and "没有“管理子账号”的权限" in screen.table.value
    assert screen.manage_box.layout.display == "none"
    assert "业务员" in screen.acting_perms.value
    state_after_switch = file_bytes(screen.backend.path)
    assert state_after_switch != before  # the login is recorded
    result = screen.request_code()
    assert not result.ok and "添加子账号" in result.message
    result = screen.fill(**TASK, verification_code="123456").submit()
    assert not result.ok and "添加子账号" in result.message
    assert file_bytes(screen.backend.path) == state_after_switch
    screen.switcher.value = "admin"
    screen.switch_button.click()
    assert screen.backend.state.acting_as == "admin" and screen.manage_box.layout.display is None


def test_a_frozen_account_cannot_be_switched_to(screen):
    screen.freeze("sub01")
    result = screen.switch("sub01")
    assert not result.ok and "冻结" in result.message


def test_names_from_a_hand_edited_store_are_escaped(screen):
    with screen.backend.transaction("test.edit") as work:
        work.sub_accounts[0].name = "<img src=x onerror=alert(1)>"
    screen.refresh_views()
    screen.details("sub01")
    assert "<img src=x" not in screen.table.value + screen.panel.value + screen.acting_perms.value
    assert "&lt;img" in screen.table.value and "&lt;img" in screen.panel.value


def test_saved_sub_accounts_show_after_restart(tmp_path):
    backend = aw.open_backend("02_store", path=tmp_path)
    screen = aw.screen_for("02.5.4", backend)
    screen.fill(**TASK, verification_code=_code(screen)).submit()
    again = aw.screen_for("02.5.4", aw.open_backend("02_store", path=tmp_path))
    assert "Xu tiantian" in again.table.value and "已有 3 个子账号" in again.status.value


REQUIRED_TEXT = ["name", "email", "password"]
OPTIONAL_TEXT = ["phone", "contact_address", "street_address", "city", "postcode", "department", "job_title"]
NUMBERS = ["mobile", "verification_code"]
NOT_EMPTY = {k: v for k, v in HOSTILE_TEXT.items() if k not in ("empty", "whitespace")}
CASES = (
    [(k, c) for k in REQUIRED_TEXT for c in HOSTILE_TEXT]
    + [(k, c) for k in OPTIONAL_TEXT for c in NOT_EMPTY]  # left empty, an optional field is fine
    + [(k, c) for k in NUMBERS for c in HOSTILE_NUMBER]
)


@pytest.mark.parametrize(("key", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_hostile_input_is_refused_and_changes_nothing(tmp_path, key, case):
    backend = aw.open_backend("02_store", path=tmp_path)
    screen = aw.screen_for("02.5.4", backend)
    code = _code(screen)  # the file exists now: it must not change
    bad = {**HOSTILE_TEXT, **HOSTILE_NUMBER}[case]
    assert_refused(screen, {**TASK, "verification_code": code}, key, bad, tmp_path / STATE_FILENAME)
    assert len(backend.state.sub_accounts) == 2


def test_hostile_ids_in_actions_change_nothing(screen):
    screen.request_code()  # the file exists now: it must not change
    before = file_bytes(screen.backend.path)
    for bad in [*HOSTILE_TEXT.values(), None, 12]:
        for action in (screen.details, screen.freeze, screen.unfreeze, screen.login_summary, screen.switch):
            result = action(bad)
            assert not result.ok and result.message
        assert not screen.change_role(bad, "业务员").ok
        assert not screen.change_role("sub01", bad).ok
        assert not screen.delete(bad, "123456").ok
        assert not screen.grant_data(bad, True).ok
    for action in (screen.freeze, screen.unfreeze, lambda a: screen.delete(a, "123456"),
                   lambda a: screen.change_role(a, "业务员")):  # fmt: skip
        assert not action("admin").ok
    assert "<script>" not in screen.action_status.value
    assert file_bytes(screen.backend.path) == before


def test_role_changes_through_details_then_edit(screen):
    """L1366: 查看详情 → 「编辑」 → choose the new type → save; no type change straight from the list."""
    assert "修改类型" not in screen.action_buttons
    assert screen.details_box.layout.display == "none"
    assert not screen.edit().ok  # nothing open yet
    assert screen.details("sub02").ok
    assert screen.details_box.layout.display is None and screen.role_editor.layout.display == "none"
    assert not screen.save_role().ok  # 编辑 not clicked yet
    assert screen.edit().ok and screen.role_editor.layout.display is None
    assert screen.role_select.value == screen.backend.sub_accounts.get("sub02").role
    screen.role_select.value = "业务经理"
    assert screen.save_role().ok
    assert screen.backend.sub_accounts.get("sub02").role == "业务经理"
    assert "业务经理" in screen.panel.value and screen.role_editor.layout.display == "none"


def test_a_refused_role_change_in_the_editor_changes_nothing(screen):
    assert screen.change_role("sub02", "业务员").ok  # 制作员 → 业务员 is allowed
    before = file_bytes(screen.backend.path)
    screen.details("sub02")
    screen.edit()
    bad = screen.save_role("制作员")  # never back to 制作员
    assert not bad.ok and "role" in bad.errors and "不能改回制作员" in screen.action_status.value
    assert screen.backend.sub_accounts.get("sub02").role == "业务员"
    assert file_bytes(screen.backend.path) == before
