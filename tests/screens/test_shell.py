"""The My Alibaba shell (the Voila demo's dashboard), driven from code without a browser."""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as W
import pytest

from alisim_widgets.screens.membership import MembershipComparison
from alisim_widgets.screens.registration import RegistrationScreen
from alisim_widgets.screens.shell import SECTIONS, AccountCard, MyAlibabaShell
from alisim_widgets.sim import Backend
from alisim_widgets.sim.persistence import StateFile
from alisim_widgets.sim.state import Account, StoreState

MENU = [
    "账户中心",
    "店铺管理",
    "产品管理",
    "媒体中心",
    "商机沟通",
    "客户管理",
    "营销中心",
    "交易管理",
    "数据管家",
    "出口服务",
]

# The textbook's data of task 01.2.2 (as in tools/notebooks/build_01_account.py).
TEXTBOOK = {
    "company_name": "湖南典阅科技有限公司",
    "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "license_no": "440000551523412",
    "email": "dianyuekeji@163.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "password": "dianyue123",
    "mobile": "13666301234",
}


@pytest.fixture
def no_disk(monkeypatch, tmp_path):
    """Run in an empty folder and make any attempt to save a state file fail loudly."""
    monkeypatch.chdir(tmp_path)

    def refuse(self, state):
        raise AssertionError(f"the demo tried to save {self.path}")

    monkeypatch.setattr(StateFile, "save", refuse)
    monkeypatch.setattr(StateFile, "backup", refuse)
    return tmp_path


def test_menu_lists_the_ten_sections_in_backend_order():
    shell = MyAlibabaShell()
    assert list(shell.section_buttons)[: len(MENU)] == MENU
    assert list(SECTIONS)[: len(MENU)] == MENU
    assert "湖南典阅科技有限公司" in shell.top.value
    assert shell.backend.state.account.tier in shell.top.value


def test_demo_store_is_in_memory():
    shell = MyAlibabaShell()
    assert shell.backend.path is None and not shell.backend.persistent
    assert shell.backend.project == "demo"


def test_every_section_and_page_opens(no_disk):
    shell = MyAlibabaShell()
    for section in shell.sections:
        shell.section_buttons[section].click()
        assert shell.current[0] == section
        for label, _factory in shell.sections[section]:
            shell.page_buttons[(section, label)].click()
            assert shell.current == (section, label)
            assert len(shell.content.children) == 1
            assert section in shell.crumb.value and html.escape(label) in shell.crumb.value
    assert shell.failures == {}
    assert list(no_disk.iterdir()) == []


def test_account_center_pages():
    shell = MyAlibabaShell()
    labels = [label for label, _ in shell.sections["账户中心"]]
    assert labels[:3] == ["注册账号", "会员服务对比", "账号信息"]
    assert isinstance(shell.open("账户中心"), RegistrationScreen)  # the first page by default
    assert isinstance(shell.open("账户中心", "会员服务对比"), MembershipComparison)
    card = shell.open("账户中心", "账号信息")
    assert isinstance(card, AccountCard)
    assert "dianyuekeji@163.com" in card.html.value
    assert "136****1234" in card.html.value and "13666301234" not in card.html.value


def test_pages_are_built_lazily_and_once(monkeypatch):
    calls = []

    def factory(backend):
        calls.append(backend)
        return W.Label("子账号设置页面")

    monkeypatch.setitem(SECTIONS, "店铺管理", [*SECTIONS["店铺管理"], ("子账号设置", factory)])
    shell = MyAlibabaShell()
    assert calls == []
    shell.open("店铺管理")
    shell.open("账户中心", "会员服务对比")
    shell.page_buttons[("店铺管理", "子账号设置")].click()
    assert calls == [shell.backend]
    assert shell.content.children[0].value == "子账号设置页面"


def test_empty_sections_say_they_open_later(monkeypatch):
    monkeypatch.setitem(SECTIONS, "出口服务", [])  # at least one empty section, whatever later projects add
    shell = MyAlibabaShell()
    empty = [s for s in MENU if not shell.sections[s]]
    assert "出口服务" in empty
    for section in empty:
        assert shell.open(section) is None
        notice = shell.content.children[0].value
        assert "本模块将在后续项目中开放" in notice and section in notice


def test_registration_page_shows_the_registered_demo_account(no_disk):
    """The demo store is registered: its page is the 账号信息 edit form, not an empty registration."""
    shell = MyAlibabaShell()
    screen = shell.open("账户中心", "注册账号")
    assert screen.backend is shell.backend
    assert screen.values()["company_name"] == "湖南典阅科技有限公司"
    assert screen.values()["email"] == "dianyuekeji@163.com"
    assert "已注册" in screen.status.value and screen.submit_button.description == "保存修改"
    assert list(no_disk.iterdir()) == []


def test_a_correction_in_the_demo_shows_on_the_card_and_start_over_brings_it_back(no_disk):
    shell = MyAlibabaShell()
    screen = shell.open("账户中心", "注册账号")
    result = screen.fill(company_address="湖南省长沙市岳麓区谷园路 1 号").submit()
    assert result.ok, result
    card = shell.open("账户中心", "账号信息")
    assert "谷园路 1 号" in card.html.value  # the card is refreshed when opened
    shell.open("账户中心", "注册账号")
    screen.reset_button.click()
    assert shell.backend.state.account.company_address.endswith("谷园路 1 号")  # asking changes nothing
    screen.start_over_row.confirm_button.click()
    assert "没有备份文件" not in screen.status.value and "已重新开始本项目" in screen.status.value
    assert screen.values()["company_address"] == "湖南省长沙市岳麓区谷园街道谷园路 200 号"
    again = shell.open("账户中心", "账号信息")
    assert again is not card  # rebuilt from the fresh store
    assert "谷园路 200 号" in again.html.value
    assert list(no_disk.iterdir()) == []


def test_task_tags_are_hidden_in_the_shell():
    from alisim_widgets.screens.shell import _SHELL_CSS

    assert ".alisim-shell .alisim-task { display: none; }" in _SHELL_CSS


def test_a_broken_page_does_not_take_the_shell_down(monkeypatch):
    def broken(_backend):
        raise RuntimeError("<b>boom</b>")

    monkeypatch.setitem(SECTIONS, "数据管家", [("数据概览", broken)])
    shell = MyAlibabaShell()
    assert shell.open("数据管家") is None
    html = shell.content.children[0].value
    assert "页面加载失败" in html and "&lt;b&gt;boom&lt;/b&gt;" in html
    assert ("数据管家", "数据概览") in shell.failures
    assert isinstance(shell.open("账户中心", "会员服务对比"), MembershipComparison)


def test_open_refuses_unknown_names_in_chinese():
    shell = MyAlibabaShell()
    with pytest.raises(KeyError, match="没有这个模块"):
        shell.open("后台首页")
    with pytest.raises(KeyError, match="没有这个页面"):
        shell.open("账户中心", "子账号")


def test_account_text_is_escaped():
    hostile = "<script>alert(1)</script>&<img src=x onerror=alert(2)>"
    account = Account(
        login_id=hostile,
        company_name=hostile,
        company_address=hostile,
        license_no=hostile,
        email=hostile,
        legal_rep_name=hostile,
        legal_rep_name_en=hostile,
        password_hash="x",
        mobile="13666301234",
        tier=hostile,
        registered_on=dt.date(2022, 3, 10),
    )
    backend = Backend("demo", StoreState(project="demo", today=dt.date(2022, 8, 20), account=account), None)
    shell = MyAlibabaShell(backend)
    card = shell.open("账户中心", "账号信息")
    for shown in (card.html.value, shell.top.value):
        assert "<script>" not in shown and "<img" not in shown
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&lt;img src=x onerror=alert(2)&gt;" in shown


def test_unregistered_store_shows_a_plain_card():
    backend = Backend("01_account", StoreState(project="01_account", today=dt.date(2022, 3, 10)), None)
    shell = MyAlibabaShell(backend)
    assert "未注册" in shell.top.value
    assert "还没有注册" in shell.open("账户中心", "账号信息").html.value


def test_shell_displays_as_a_widget():
    shell = MyAlibabaShell()
    bundle = shell._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == shell.widget.model_id
