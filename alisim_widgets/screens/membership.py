"""会员服务体系: an interactive comparison of 免费会员 / 出口通 / 金品诚企 (L243-290)."""

from __future__ import annotations

import ipywidgets as W

from ..sim import rules
from .style import css

__all__ = ["MembershipComparison", "BENEFITS"]

T0, T1, T2 = rules.MEMBERSHIP_TIERS
# (group, benefit, free, 出口通, 金品诚企) — from the textbook's benefit table (L243-290).
BENEFITS: list[tuple[str, str, str, str, str]] = [
    ("开启跨境电商", "实地认证", "", "✓", "✓"),
    ("开启跨境电商", "验厂视频 / 企业能力评估报告 / 360 全景验厂", "", "", "✓"),
    ("开启跨境电商", "主营产品认证", "", "", "10 个"),
    ("开启跨境电商", "品类视频", "", "", "3 个"),
    ("建立站点", "全球 E 站发品（基础建站）", "✓", "✓", "✓"),
    ("建立站点", "专属旺铺、免费旺铺模板、MA 后台专属权益卡片", "", "", "✓"),
    ("展示产品", "商品多媒体表达", "", "✓", "✓"),
    ("展示产品", "品证关联", "", "", "✓"),
    ("数据指导优化", "数据管家", "", "基础版", "金品版"),
    (
        "商机沟通 / 客户管理",
        "询盘沟通",
        f"免费获取 {rules.FREE_MEMBER_RFQ_QUOTES} 条报价权益",
        "基础版",
        "询盘名片化差异",  # L272, as printed
    ),
    ("商机沟通 / 客户管理", "客户通", "", "基础版", "智能版"),
    (
        "商机沟通 / 客户管理",
        "子账号",
        "",
        f"{rules.MAX_SUB_ACCOUNTS[T1]} 个",
        f"{rules.MAX_SUB_ACCOUNTS[T2]} 个",
    ),
    ("商机获取", "橱窗", "", f"{rules.SHOWCASE_GROUPS[T1]} 组", f"{rules.SHOWCASE_GROUPS[T2]} 组"),
    ("商机获取", "商家实力标签、金品专区、海外营销权益、网站活动优先权、明星展播购买权", "", "", "✓"),
    ("商机获取", "粉丝通", "", "一星商家", "全量商家"),
    (
        "收费标准",
        "年费",
        "免费",
        f"{rules.MEMBERSHIP_FEE_CNY[T1]:,} 元/年",
        f"{rules.MEMBERSHIP_FEE_CNY[T2]:,} 元/年",
    ),
]


class MembershipComparison:
    """Pick the tiers to compare and, optionally, only the rows where they differ."""

    def __init__(self) -> None:
        self.tiers = W.SelectMultiple(options=list(rules.MEMBERSHIP_TIERS), value=list(rules.MEMBERSHIP_TIERS),
                                      description="对比会员", rows=3)  # fmt: skip
        self.only_diff = W.Checkbox(description="只看不同之处", value=False)
        self.table = W.HTML()
        self.tiers.observe(lambda _c: self.render(), "value")
        self.only_diff.observe(lambda _c: self.render(), "value")
        self.widget = W.VBox([css(), W.HBox([self.tiers, self.only_diff]), self.table])
        self.render()

    def rows(self) -> list[tuple[str, str, list[str]]]:
        idx = [rules.MEMBERSHIP_TIERS.index(t) for t in self.tiers.value]
        out = []
        for group, name, *cells in BENEFITS:
            shown = [cells[i] for i in idx]
            if self.only_diff.value and len(set(shown)) <= 1:
                continue
            out.append((group, name, shown))
        return out

    def render(self) -> None:
        head = "".join(f"<th>{t}</th>" for t in self.tiers.value)
        body = "".join(
            f"<tr><td>{g}</td><td>{n}</td>"
            + "".join(f"<td class='yes'>{c or '—'}</td>" for c in cells)
            + "</tr>"
            for g, n, cells in self.rows()
        )
        self.table.value = (
            f"<table class='alisim-table'><tr><th>类别</th><th>权益</th>{head}</tr>{body}</table>"
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
