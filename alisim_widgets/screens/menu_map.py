"""知识点 1: the seller workbench and the backend's main menu as a clickable map (our own words)."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from .base import esc
from .style import css

__all__ = ["MenuMap", "MENU", "WORKBENCH"]

# The workbench's six areas (L457-462), said our way.
WORKBENCH = (
    ("账户中心", "账号设置、子账号管理、消息盒子（系统推送）和界面语言"),
    ("待办事项", "数据概览和要处理的事，点一下直接进入对应页面"),
    ("身份卡片", "会员类型、主营类目和会员权益"),
    ("帮助入口", "遇到问题时联系客服"),
    ("主要业务板块", "按“楼层”排列各业务的核心数据和入口，楼层顺序可以自己调整"),
    ("主菜单", "所有业务的入口，按业务类型分组（见下面的菜单地图）"),
)

# Main menu section → (what it is for, typical pages, who uses it most, the course project).
MENU: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "店铺管理": ("把店铺“搭”起来：公司资料、认证信息和旺铺首页。", ("管理公司信息", "A&V 认证", "全球旺铺装修"),
                 "运营", "项目二"),
    "认证中心": ("管理各种证书，查看认证办到了哪一步。", ("证书管理", "认证进度"), "运营", "项目二、三"),
    "产品管理": ("运营的重点栏目，几乎每天都用：发布产品、管理产品、工具中心。不熟悉时可以去“学习中心”。",
                 ("发布产品", "管理产品", "产品分组", "图片银行"), "运营", "项目三"),
    "商机沟通": ("业务员每天处理买家的地方：询盘的查看、分配和导出，RFQ 报价，样品单。",
                 ("询盘", "RFQ 市场与报价", "样品单"), "业务", "项目五"),
    "数据管家": ("用数据指导运营：热门关键词、同行商家、店铺首页数据、流量来源、每个产品的效果。",
                 ("关键词指数", "店铺数据", "流量入口", "产品效果"), "运营", "项目九"),
    "客户管理": ("管理买家关系：客户列表、EDM 营销邮件、营销活动、访客详情。",
                 ("客户列表", "EDM", "营销活动", "访客详情"), "业务", "项目六"),
    "营销中心": ("花钱或用资源做推广：P4P 外贸直通车、橱窗、顶级展位、明星展播、优惠券、粉丝通。",
                 ("外贸直通车 P4P", "橱窗", "顶级展位", "优惠券"), "运营", "项目七"),
    "交易管理": ("线上订单的各种操作：信用保障、运费模板、验货服务。", ("信用保障订单", "运费模板", "验货服务"),
                 "业务", "项目八"),
    "出口服务": ("出口服务订单：订单管理、退税管理等。", ("出口订单", "退税管理"), "业务", "项目十"),
    "物流服务": ("发货相关：物流结算、物流营销、海外仓管理。", ("物流结算", "海外仓"), "业务", "项目八"),
    "资金管理": ("钱的进出：资金明细、结汇、退税、提现。", ("资金明细", "结汇", "提现"), "财务 / 业务", "—"),
}  # fmt: skip


class MenuMap:
    """Click a section of the main menu to see what it is for; ``select("数据管家")`` does the same in code."""

    def __init__(self) -> None:
        self.buttons = W.ToggleButtons(options=list(MENU), value=None, style={"button_width": "78px"})
        self.card = W.HTML(self._hint())
        self.buttons.observe(lambda _c: self._render(), "value")
        self.widget = W.VBox([css(), self._workbench(), self.buttons, self.card])

    @staticmethod
    def _workbench() -> W.HTML:
        rows = "".join(f"<tr><td><b>{esc(a)}</b></td><td>{esc(b)}</td></tr>" for a, b in WORKBENCH)
        return W.HTML(
            "<b>卖家工作台的六个区域</b>"
            f"<table class='alisim-table'><tr><th>区域</th><th>用来做什么</th></tr>{rows}</table>"
            "<b>主菜单地图</b>：点一个栏目看看它管什么"
        )

    @staticmethod
    def _hint() -> str:
        return "<div class='alisim-help'>（还没有选择栏目）</div>"

    def select(self, section: str) -> str:
        """Open ``section`` as a click would; returns the card's text."""
        if section not in MENU:
            raise KeyError(f"主菜单没有这个栏目：{section}（可选：{'、'.join(MENU)}）")
        self.buttons.value = section
        return self.card.value

    def _render(self) -> None:
        section = self.buttons.value
        if section is None:
            self.card.value = self._hint()
            return
        purpose, pages, who, project = MENU[section]
        items = "".join(f"<li>{esc(p)}</li>" for p in pages)
        self.card.value = (
            f"<div class='alisim-inbox'><b>{esc(section)}</b>：{esc(purpose)}<ul>{items}</ul>"
            f"最常用的人：{esc(who)} · 本课程在 {esc(project)} 里练习</div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
