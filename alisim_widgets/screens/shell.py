"""The My Alibaba shell: top bar, the backend's ten sections on the left, the chosen page on the right.

The menu is data: :data:`SECTIONS` maps a section to its pages, each a ``(label, factory)`` pair where
``factory(backend)`` returns a widget or anything with a ``.widget`` (a :class:`Screen`). A later project
adds its page with one line, put below the 账户中心 block of this module so that the demo sees it::

    SECTIONS["店铺管理"].append(("子账号设置", lambda b: SubAccountScreen(b)))

A factory gets the demo store; import heavy screens inside the factory to keep the demo's start fast.

Pages are built on first click. The Voila demo runs on an in-memory store: a visitor changes nothing on disk.
A page with an ``after_reset`` list (the registration page's confirmed start-over) gets a hook that rebuilds
the other pages from the fresh store; a page with ``refresh()`` is refreshed each time it is opened. The
shell is for visitors: the course's task tags (实操 …) are hidden in it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ..sim import Backend, open_backend
from .base import esc
from .style import ORANGE, css

__all__ = ["MyAlibabaShell", "SECTIONS", "AccountCard", "Factory"]

Factory = Callable[[Backend], Any]

# The backend's sections in menu order, each with the course project that opens it.
_SECTION_PROJECTS = (
    ("账户中心", "项目一"),
    ("店铺管理", "项目二"),
    ("产品管理", "项目三"),
    ("媒体中心", "项目四"),
    ("商机沟通", "项目五"),
    ("客户管理", "项目六"),
    ("营销中心", "项目七"),
    ("交易管理", "项目八"),
    ("数据管家", "项目九"),
    ("出口服务", "项目十"),
)
_PROJECT_OF = dict(_SECTION_PROJECTS)

# Section → its pages in menu order. Later projects append to these lists.
SECTIONS: dict[str, list[tuple[str, Factory]]] = {name: [] for name, _ in _SECTION_PROJECTS}

_SHELL_CSS = f"""
<style>
.alisim-shell {{ font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  border: 1px solid #eee; max-width: 1220px; }}
.alisim-shell-top {{ display: flex; align-items: center; gap: 14px; }}
.alisim-shell-top .logo {{ font-weight: bold; font-size: 18px; }}
.alisim-shell-top .store {{ font-size: 14px; }}
.alisim-shell-top .tier {{ background: #fff; color: {ORANGE}; border-radius: 3px; font-size: 12px;
  padding: 1px 6px; }}
.alisim-shell-top .note {{ margin-left: auto; font-size: 12px; opacity: .85; }}
.alisim-shell-menu {{ background: #fafafa; border-right: 1px solid #eee; padding: 6px 0; }}
.alisim-shell-menu .jupyter-button {{ width: 160px; text-align: left; background: transparent;
  box-shadow: none; margin: 0; height: 34px; }}
.alisim-shell-menu .jupyter-button.alisim-page {{ padding-left: 28px; height: 30px; font-size: 12px;
  color: #555; }}
.alisim-shell-menu .jupyter-button.alisim-open {{ color: {ORANGE}; font-weight: bold; }}
.alisim-shell-menu .jupyter-button:focus {{ outline: none; }}
.alisim-shell-menu .jupyter-button:hover:enabled, .alisim-shell-menu .jupyter-button:focus:enabled {{
  box-shadow: none; background: #fff1e8; }}
.alisim-shell-menu .jupyter-button.alisim-current,
.alisim-shell-menu .jupyter-button.alisim-current:hover:enabled {{ background: {ORANGE}; color: #fff; }}
.alisim-shell-main {{ padding: 6px 16px; }}
.alisim-crumb {{ color: #888; font-size: 12px; padding: 4px 0; }}
.alisim-crumb b {{ color: #333; }}
.alisim-notice {{ color: #666; background: #fff8f2; border: 1px dashed #f5c6a5; padding: 18px 20px;
  margin: 10px 0; border-radius: 4px; font-size: 14px; }}
.alisim-card {{ border: 1px solid #eee; border-top: 3px solid {ORANGE}; padding: 8px 14px; max-width: 720px; }}
.alisim-card table {{ border-collapse: collapse; font-size: 13px; }}
.alisim-card th {{ text-align: right; color: #888; font-weight: normal; padding: 5px 14px 5px 0; width: 110px; }}
.alisim-card td {{ color: #333; padding: 5px 0; }}
.alisim-shell .alisim-task {{ display: none; }}
</style>
"""


def _mask(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) >= 7 else mobile


class AccountCard:
    """账号信息: a read-only card of the store's admin account."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.html = W.HTML(self.render())
        self.widget = W.VBox([css(), W.HTML(_SHELL_CSS, layout=W.Layout(height="0px")), self.html])

    def refresh(self) -> None:
        self.html.value = self.render()

    def render(self) -> str:
        acc = self.backend.state.account
        if acc is None:
            return "<div class='alisim-notice'>本店铺还没有注册账号。</div>"
        rows = [
            ("登录账号", acc.login_id),
            ("会员类型", acc.tier),
            ("公司名称", acc.company_name),
            ("公司地址", acc.company_address),
            ("营业执照号", acc.license_no),
            ("电子邮箱", acc.email),
            ("法人姓名", acc.legal_rep_name),
            ("英文姓名", acc.legal_rep_name_en),
            ("手机号码", _mask(acc.mobile)),
            ("登录密码", "已设置（只保存加密后的指纹，不保存明文）"),
            ("注册日期", acc.registered_on.isoformat()),
        ]
        body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        return (
            "<div class='alisim-card'><div class='alisim-head'><b>账号信息</b>"
            "<div class='alisim-sub'>改正资料：在“注册账号”页面直接修改后点击“保存修改”；"
            "登录邮箱和密码在“个人信息与账号安全 › 账号安全”中修改</div></div>"
            f"<table>{body}</table></div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


def _registration(backend: Backend) -> Any:
    # The demo store is registered: the page shows its account as the 账号信息 edit form.
    from .registration import RegistrationScreen

    return RegistrationScreen(backend)


def _membership(_backend: Backend) -> Any:
    from .membership import MembershipComparison

    return MembershipComparison()


SECTIONS["账户中心"] += [
    ("注册账号", _registration),
    ("会员服务对比", _membership),
    ("账号信息", AccountCard),
]

# 项目二 (02_store): A&V, company information, personal information and account security.
from .account_security import AccountCenterPage  # noqa: E402
from .company import CompanyInfoScreen  # noqa: E402
from .verification import VerificationScreen  # noqa: E402

SECTIONS["店铺管理"] += [("A&V 认证", VerificationScreen), ("管理公司信息", CompanyInfoScreen)]
SECTIONS["账户中心"].append(("个人信息与账号安全", AccountCenterPage))

# 项目二: 子账号设置 (02.5.4) and 全球旺铺装修 (02.4.1).
from .decoration import DecorationScreen  # noqa: E402
from .sub_accounts import SubAccountScreen  # noqa: E402

SECTIONS["账户中心"].append(("子账号设置", SubAccountScreen))
SECTIONS["店铺管理"].append(("全球旺铺装修", DecorationScreen))


# 项目三 (03_product): publishing products and the product workbench (built on first click).
def _publish(backend: Backend) -> Any:
    from .products import ProductPublishScreen

    return ProductPublishScreen(backend)


def _workbench(backend: Backend) -> Any:
    from .product_workbench import ProductWorkbench

    return ProductWorkbench(backend)


SECTIONS["产品管理"] += [("发布产品", _publish), ("产品运营工作台", _workbench)]

# 项目四 (04_media): the video bank, True View publishing and the True View video manager.
from .media import TrueViewScreen, VideoBankPage  # noqa: E402
from .trueview_tools import TrueViewManager  # noqa: E402

SECTIONS["媒体中心"] += [
    ("视频银行", VideoBankPage),
    ("发布 True View 视频", TrueViewScreen),
    ("True View 视频管理", TrueViewManager),
]


def _trade(name: str) -> Factory:
    """项目八 (08_trade): drafting orders, the orders' life, the fee calculator, freight templates (on first click)."""

    def build(backend: Backend) -> Any:
        from . import freight, trade

        page = getattr(trade, name, None) or getattr(freight, name)
        return page() if name == "FeeCalculator" else page(backend)

    return build


SECTIONS["交易管理"] += [(label, _trade(name)) for label, name in (("起草信用保障订单", "TradeOrderScreen"), ("从询盘起草信保订单", "InquiryOrderScreen"), ("所有订单", "OrdersPage"), ("手续费计算器", "FeeCalculator"), ("运费模板", "FreightTemplateScreen"), ("预览运费", "FreightPreview"))]  # fmt: skip


def _marketing(name: str) -> Factory:
    """项目七 (07_marketing): 橱窗, 优惠券, 折扣营销 and the buyer's order, built on first click."""

    def build(backend: Backend) -> Any:
        from . import coupons, showcases

        return getattr(showcases if name == "ShowcaseScreen" else coupons, name)(backend)

    return build


SECTIONS["营销中心"] += [(label, _marketing(name)) for label, name in (("橱窗管理", "ShowcaseScreen"), ("优惠券", "CouponScreen"), ("折扣营销", "DiscountScreen"), ("买家下单模拟", "OrderSimulator"))]  # fmt: skip


def _p4p(backend: Backend) -> Any:
    from .p4p import P4PCenter  # 外贸直通车: the plan form and a simulated week (07.9.3-07.9.6)

    return P4PCenter(backend)


SECTIONS["营销中心"] += [("外贸直通车", _p4p)]


def _customs(page: str) -> Factory:
    """项目十 (10_customs): the customs-document tool and the declarations made with it."""

    def build(backend: Backend) -> Any:
        from . import customs

        return getattr(customs, page)(backend)

    return build


SECTIONS["出口服务"] += [
    ("报关单证制作", _customs("CustomsScreen")),
    ("我的单证", _customs("CustomsDocsPage")),
]


def _crm(module: str, name: str) -> Factory:
    """项目六 (06_crm): 客户通, 客群, EDM 设置, 模板, 营销活动 and 智能圈客 (built on first click)."""

    def build(backend: Backend) -> Any:
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{module}"), name)(backend)

    return build


SECTIONS["客户管理"] += [(label, _crm(m, n)) for label, m, n in (("客户列表", "crm", "CustomerListPage"), ("客群管理", "crm", "GroupsPage"), ("新建固定客群", "crm", "FixedGroupScreen"), ("新建动态客群", "crm", "DynamicGroupScreen"), ("EDM 设置", "edm", "EdmSetupScreen"), ("模板管理", "edm", "TemplateScreen"), ("新建 EDM 营销", "edm", "CampaignScreen"), ("营销活动效果", "edm", "CampaignResultsPage"), ("智能圈客站内营销", "edm", "InsiteScreen"))]  # fmt: skip


# 项目五 (05_rfq): the RFQ market, the quote form (05.1.4), subscriptions and my quotes (built on first click).
def _rfq(name: str) -> Factory:
    def factory(backend: Backend) -> Any:
        from . import rfq

        return getattr(rfq, name)(backend)

    return factory


SECTIONS["商机沟通"] += [
    ("RFQ 市场", _rfq("RfqMarketPage")),
    ("RFQ 报价", _rfq("RfqQuoteScreen")),
    ("商机订阅", _rfq("RfqSubscriptionScreen")),
    ("我的报价", _rfq("MyQuotesPage")),
]


# 项目九 (09_data): 数据管家's pages on the store's seeded data, and 提交分析结果 (built on first click).
def _data(name: str) -> Factory:
    def build(backend: Backend) -> Any:
        from . import data

        return getattr(data, name)(backend)

    return build


SECTIONS["数据管家"] += [(label, _data(name)) for label, name in (("店铺概览", "DataOverviewPage"), ("流量来源", "TrafficSourcesPage"), ("产品分析", "ProductAnalysisPage"), ("关键词分析", "KeywordAnalysisPage"), ("买家国家", "BuyerCountriesPage"), ("提交分析结果", "AnalysisSubmitPage"))]  # fmt: skip


def _as_widget(page: Any) -> W.Widget:
    if isinstance(page, W.Widget):
        return page
    inner = getattr(page, "widget", None)
    if isinstance(inner, W.Widget):
        return inner
    out = W.Output()
    with out:
        from IPython.display import display

        display(page)
    return out


class MyAlibabaShell:
    """The seller backend in one widget: ``MyAlibabaShell()`` opens the demo store (in memory)."""

    def __init__(self, backend: Backend | None = None) -> None:
        self.backend = backend if backend is not None else open_backend("demo", path=None)
        self.sections: dict[str, list[tuple[str, Factory]]] = {k: list(v) for k, v in SECTIONS.items()}
        self.pages: dict[tuple[str, str], Any] = {}  # built pages, by (section, page label)
        self.failures: dict[tuple[str, str], str] = {}  # pages whose factory raised (traceback)
        self.current: tuple[str, str | None] | None = None
        self._views: dict[tuple[str, str], W.Widget] = {}

        self.top = W.HTML(self._top_html(), layout=W.Layout(margin="0"))
        self.section_buttons: dict[str, W.Button] = {}
        self.page_buttons: dict[tuple[str, str], W.Button] = {}
        self._page_boxes: dict[str, W.VBox] = {}
        menu_items: list[W.Widget] = []
        for section, pages in self.sections.items():
            button = W.Button(description=section, tooltip=section)
            button.on_click(lambda _b, s=section: self.open(s))
            self.section_buttons[section] = button
            subs = []
            for label, _factory in pages:
                sub = W.Button(description=label, tooltip=label)
                sub.add_class("alisim-page")
                sub.on_click(lambda _b, s=section, p=label: self.open(s, p))
                self.page_buttons[(section, label)] = sub
                subs.append(sub)
            box = W.VBox(subs, layout=W.Layout(display="none"))
            self._page_boxes[section] = box
            menu_items += [button, box]
        self.menu = W.VBox(menu_items, layout=W.Layout(width="170px", min_width="170px"))
        self.menu.add_class("alisim-shell-menu")
        self.crumb = W.HTML()
        self.crumb.add_class("alisim-crumb")
        self.content = W.Box([self._welcome()], layout=W.Layout(width="100%"))
        main = W.VBox([self.crumb, self.content], layout=W.Layout(flex="1 1 auto", min_width="0"))
        main.add_class("alisim-shell-main")
        self.widget = W.VBox(
            [
                css(),
                W.HTML(_SHELL_CSS, layout=W.Layout(height="0px", margin="0")),
                self.top,
                W.HBox([self.menu, main]),
            ]
        )
        self.widget.add_class("alisim-shell")
        self.crumb.value = "<b>工作台</b>"

    # --- pieces ----------------------------------------------------------------------------------
    def _top_html(self) -> str:
        acc = self.backend.state.account
        store = esc(acc.company_name) if acc else "（未注册店铺）"
        tier = f"<span class='tier'>{esc(acc.tier)}</span>" if acc else ""
        note = "演示店铺 · 所有操作只在本页面内有效，不会保存" if not self.backend.persistent else ""
        return (
            "<div class='alisim-shell-top'><span class='logo'>My Alibaba</span>"
            f"<span class='store'>{store}</span>{tier}<span class='note'>{note}</span></div>"
        )

    def _welcome(self) -> W.HTML:
        rows = "".join(
            f"<tr><td>{esc(s)}</td><td>{esc('、'.join(label for label, _ in pages)) if pages else '后续项目开放'}</td></tr>"
            for s, pages in self.sections.items()
        )
        return W.HTML(
            "<div class='alisim-head'><b>欢迎使用 My Alibaba 卖家后台（模拟）</b>"
            "<div class='alisim-sub'>从左侧菜单选择一个模块，再选择具体页面。</div></div>"
            f"<table class='alisim-table'><tr><th>模块</th><th>页面</th></tr>{rows}</table>"
        )

    @staticmethod
    def empty_notice(section: str) -> str:
        project = _PROJECT_OF.get(section)
        where = f"（{project}）" if project else ""
        return (
            f"<div class='alisim-notice'><b>{esc(section)}</b><br>"
            f"本模块将在后续项目中开放{esc(where)}。请先使用已开放的模块。</div>"
        )

    # --- navigation ------------------------------------------------------------------------------
    def open(self, section: str, page: str | None = None) -> Any:
        """Show ``section`` (and its ``page``, by default the first); returns the page (None if empty)."""
        if section not in self.sections:
            raise KeyError(f"没有这个模块：{section}（可选：{'、'.join(self.sections)}）")
        pages = self.sections[section]
        labels = [label for label, _ in pages]
        if page is not None and page not in labels:
            raise KeyError(f"{section}没有这个页面：{page}（可选：{'、'.join(labels) or '无'}）")
        if page is None and labels:
            page = labels[0]
        self.current = (section, page)
        for name, box in self._page_boxes.items():
            box.layout.display = None if name == section else "none"
        for name, button in self.section_buttons.items():
            self._mark(button, "alisim-open", name == section)
        for key, button in self.page_buttons.items():
            self._mark(button, "alisim-current", key == (section, page))
        if page is None:
            self.crumb.value = f"<b>{esc(section)}</b>"
            self.content.children = [W.HTML(self.empty_notice(section))]
            return None
        self.crumb.value = f"{esc(section)} › <b>{esc(page)}</b>"
        self.content.children = [self._view(section, page)]
        built = self.pages.get((section, page))
        if callable(getattr(built, "refresh", None)):
            built.refresh()
        self.top.value = self._top_html()
        return built

    def reload(self, keep: tuple[str, str] | None = None) -> None:
        """After a start-over: every page but ``keep`` is built again from the fresh store when opened."""
        for key in [k for k in self._views if k != keep]:
            del self._views[key]
            self.pages.pop(key, None)
        self.top.value = self._top_html()

    def _view(self, section: str, page: str) -> W.Widget:
        key = (section, page)
        if key not in self._views:
            factory = dict(self.sections[section])[page]
            try:
                built = factory(self.backend)
                self.pages[key] = built
                hooks = getattr(built, "after_reset", None)
                if isinstance(hooks, list):
                    hooks.append(lambda k=key: self.reload(keep=k))
                self._views[key] = _as_widget(built)
            except Exception as exc:  # noqa: BLE001 - one broken page must not take the demo down
                self.failures[key] = traceback.format_exc()
                return W.HTML(
                    f"<div class='alisim-fail'>页面加载失败：{esc(type(exc).__name__)}：{esc(exc)}</div>"
                )
        return self._views[key]

    @staticmethod
    def _mark(button: W.Button, cls: str, on: bool) -> None:
        if on:
            button.add_class(cls)
        else:
            button.remove_class(cls)

    # --- display ---------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        where = " › ".join(p for p in self.current if p) if self.current else "工作台"
        return f"<MyAlibabaShell {self.backend.state.account.company_name if self.backend.state.account else ''} · {where}>"
