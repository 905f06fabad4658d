"""营销中心 › 橱窗管理: the store's showcases, their selling points, a buyer's search page and advice.

One form does each showcase operation (添加, 替换, 移除, 设置橱窗卖点): ``fill(action=…, product_id=…)``
then ``submit()``. Below it: the showcase groups, the selection advice (from the product workbench) and a
search page simulation where a showcase product climbs above ordinary products of the same level.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.showcases import SHOWCASE_LABELS, SearchResult, selling_point_candidates
from .base import Field, Screen, esc

__all__ = ["ShowcaseScreen", "showcase_slots_html", "advice_html", "search_html"]

_TITLE_SHOWN = 56


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_SHOWN else title[:_TITLE_SHOWN] + "…"


def showcase_slots_html(backend: Backend) -> str:
    """The showcases in their groups: product, since when, selling points and whether they show yet."""
    area = backend.showcases
    cap, groups = area.capacity(), max(area.groups(), 1)
    if not cap:
        return "<div class='alisim-warn'>免费会员没有橱窗：出口通会员自带 2 组共 10 个橱窗，金品诚企 40 个。</div>"
    titles = {p.id: p.title for p in backend.state.products}
    slots = area.slots()
    per_group = -(-cap // groups)
    rows = []
    for n in range(cap):
        slot = slots[n] if n < len(slots) else None
        group = f"第 {n // per_group + 1} 组"
        if slot is None:
            cells = (group, n + 1, "（空）", "", "", "")
        else:
            points = "、".join(slot.selling_points) or "—"
            state = (
                ("已同步" if area.points_live(slot) else f"{rules.SELLING_POINT_SYNC_HOURS} 小时内同步")
                if slot.selling_points
                else ""
            )
            cells = (
                group,
                n + 1,
                f"{slot.product_id} · {_short(titles.get(slot.product_id, ''))}",
                str(slot.added_on),
                points,
                state,
            )
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("分组", "橱窗", "产品", "加入日期", "橱窗卖点", "卖点状态"))
    return (
        f"<div class='alisim-help'>已用 {len(slots)} / {cap} 个橱窗（{esc(backend.state.account.tier)}）</div>"
        f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"
    )  # fmt: skip


def advice_html(backend: Backend, limit: int = 8) -> str:
    """橱窗选品建议: the products scored by traffic, conversion and strength (workbench data)."""
    rows = []
    for a in backend.showcases.advice()[:limit]:
        cells = (
            f"{a.product_id} · {_short(a.title)}",
            "是" if a.in_showcase else "",
            a.growth,
            a.views_30d,
            f"{a.inquiry_rate:.1%}",
            a.orders_90d,
            f"{a.score:g}",
            "；".join(a.reasons) or "—",
            "；".join(a.concerns) or "—",
        )
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    head = "".join(
        f"<th style='white-space:nowrap'>{h}</th>"
        for h in (
            "产品",
            "已在橱窗",
            "成长分",
            "近30天浏览",
            "询盘率",
            "近90天订单",
            "选品分",
            "适合的理由",
            "要注意",
        )
    )
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


def search_html(results: list[SearchResult], limit: int = 20) -> str:
    """A search results page: 顶级展位, P4P, then the natural ranking with showcase badges."""
    rows = []
    for r in results[:limit]:
        badge = " <span class='alisim-badge warn'>橱窗</span>" if r.showcase else ""
        own = " <span class='alisim-badge done'>本店</span>" if r.own else ""
        level = f"{r.level} 级（{r.score:g}）" if r.kind == "自然排名" else "—"
        style = " style='background:#fff4ec'" if r.own else ""
        cells = (str(r.position), r.kind, f"{esc(_short(r.title))}{badge}{own}", esc(r.supplier), level)
        rows.append(f"<tr{style}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("位置", "类型", "产品", "供应商", "综合分等级"))
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


class ShowcaseScreen(Screen):
    """橱窗管理: 添加 / 替换 / 移除 a showcase product, or set its selling points (at most 3)."""

    title = "橱窗管理"
    subtitle = "My Alibaba › 店铺管理 › 全球旺铺 › 编辑 › 产品 › 添加橱窗产品"
    submit_label = "确定"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._products = backend.showcases.products()
        L = SHOWCASE_LABELS
        self.fields = (
            Field("action", L["action"], "radio", True, rules.SHOWCASE_OPERATIONS),
            Field("product_id", L["product_id"], "product", True, help="添加：选一个还不在橱窗里的产品；替换、移除、设置卖点：选橱窗里的产品"),
            Field("replace_with", L["replace_with"], "product", help="替换时，选要放进这个橱窗的新产品"),
            Field("selling_points", L["selling_points"], "points",
                  help=f"平台从产品信息里提炼的卖点，最多选 {rules.SELLING_POINT_LABELS_MAX} 个，{rules.SELLING_POINT_SYNC_HOURS} 小时内同步"),
        )  # fmt: skip
        super().__init__(backend)
        self.inputs["product_id"].observe(lambda _c: self._refresh_points(), "value")
        self.slots_view = W.HTML()
        self.advice_view = W.HTML()
        self.keyword = W.Text(
            value="rc car", placeholder="买家搜索的词，如 rc car", layout=W.Layout(width="260px")
        )
        search_button = W.Button(description="搜索")
        search_button.on_click(lambda _b: self.search(self.keyword.value))
        self.search_view = W.HTML()
        self.widget.children = [
            *self.widget.children,
            W.HTML("<b>我的橱窗</b>"),
            self.slots_view,
            W.HTML("<b>橱窗选品建议</b><div class='alisim-help'>数据来自产品运营工作台：成长分、浏览、询盘率、订单</div>"),
            self.advice_view,
            W.HTML("<b>买家搜索结果模拟</b><div class='alisim-help'>1 个顶级展位 → 5 个 P4P 产品 → 自然排名（同一等级里橱窗产品排在前面）。本店推广中的直通车计划产品也参加 P4P 竞价（推广评分 × 出价）</div>"),
            W.HBox([self.keyword, search_button]),
            self.search_view,
        ]  # fmt: skip
        self._render()

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "product":
            options = [("请选择产品", None)] + [(f"{p.id} · {_short(p.title)}", p.id) for p in self._products]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="560px"))
        if f.kind == "points":
            return W.VBox([])
        return super().make_input(f)

    def _product_value(self, value: Any) -> int | None:
        if value in (None, ""):
            return None
        text = str(value).strip()
        for p in self._products:
            if text == str(p.id) or text == p.title:
                return p.id
        raise ValueError(f"店铺里没有这个已发布的产品：{text[:60]}")

    def _refresh_points(self, chosen: list[str] | None = None) -> None:
        box = self.inputs["selling_points"]
        pid = self.inputs["product_id"].value
        product = next((p for p in self._products if p.id == pid), None)
        options = selling_point_candidates(product) if product else []
        keep = set(chosen if chosen is not None else [b.description for b in box.children if b.value])
        box.children = [W.Checkbox(description=o, value=o in keep, indent=False) for o in options]

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "product":
            widget.value = self._product_value(value)
        elif f.kind == "points":
            chosen = list(value or [])
            self._refresh_points(chosen)
            offered = {b.description for b in widget.children}
            missing = [c for c in chosen if c not in offered]
            if missing:
                raise ValueError(
                    f"这个产品没有这个卖点：{missing[0]}（可选：{'、'.join(sorted(offered)) or '先选产品'}）"
                )
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.inputs[f.key]
            out[f.key] = [b.description for b in w.children if b.value] if f.kind == "points" else w.value
        return out

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.showcases.apply(values)

    def submit(self):
        result = super().submit()
        self._render()
        return result

    def success_message(self) -> str:
        return (
            f"已保存：橱窗已用 {len(self.backend.showcases.slots())} / {self.backend.showcases.capacity()} 个"
        )

    def search(self, keyword: str) -> list[SearchResult]:
        """「搜索」: the buyer's results page for ``keyword`` (with this store's showcases)."""
        try:
            results = self.backend.showcases.search(keyword)
        except Exception as exc:  # noqa: BLE001 - a refused keyword is shown, not raised
            self.search_view.value = (
                f"<div class='alisim-fail'>{esc(getattr(exc, 'message', '') or exc)}</div>"
            )
            return []
        self.search_view.value = search_html(results)
        return results

    def _render(self) -> None:
        self.slots_view.value = showcase_slots_html(self.backend)
        self.advice_view.value = advice_html(self.backend)
        if self.keyword.value.strip():
            self.search(self.keyword.value)
