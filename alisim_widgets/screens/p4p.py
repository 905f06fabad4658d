"""营销中心 → 外贸直通车: the plan form of tasks 07.9.3–07.9.6 and a week of a running plan.

:class:`P4PPlanScreen` is one form for the four plan types (新品成长, 爆品助推, 搜索人群再营销, 定向推广); the
task screens preset the type. The region and crowd pickers list the recommended regions and crowds with the
advised premium and the bid after the premium (as the table of L4342 shows it), and take any other country
or crowd on extra lines (task 07.9.5 names 德国, which is not recommended). ``fill(region_premiums={"美国":
220, "*": 150})`` ticks every recommended region at 150 % and 美国 at 220 %. :class:`P4PWeekView` runs a
saved plan through a simulated week and charts spend against the budget.
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as W

from ..sim import Backend
from ..sim.p4p import (
    OTHERS,
    PLAN_LABELS,
    PLAN_TYPES,
    RECOMMENDED_CROWDS,
    RECOMMENDED_REGIONS,
    fmt_bid,
    premium_bid,
    week_figure,
)
from ..sim.p4p_models import P4PPlan
from ..sim.rules import P4P_PLAN_TYPE_ALIASES
from .base import Field, Screen, esc

__all__ = [
    "P4PPlanScreen",
    "NewProductPlanScreen",
    "HotProductPlanScreen",
    "RemarketingPlanScreen",
    "TargetedPlanScreen",
    "P4PWeekView",
    "P4PCenter",
]

_EXTRA_LINE = re.compile(r"^(?P<name>.+?)\s*[:：=\s]\s*(?P<percent>[0-9.]+)\s*%?$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


class _PremiumPicker:
    """Recommended names with a tick and a percent each, plus extra names typed one per line."""

    def __init__(self, recommended: dict[str, int], kind: str, bid_source) -> None:
        self.recommended = recommended
        self.kind = kind  # 地域 | 人群
        self._bid = bid_source  # () -> the plan's highest bid as typed, or None
        self.ticks: dict[str, W.Checkbox] = {}
        self.percents: dict[str, W.Text] = {}
        self.after: dict[str, W.HTML] = {}
        rows = [
            W.HTML(
                f"<table class='alisim-table'><tr><th style='width:200px'>推荐{kind}</th><th>设置溢价（%）</th>"
                "<th>溢价建议</th><th>溢价后最高出价</th></tr></table>"
            )
        ]
        for name, advised in recommended.items():
            tick = W.Checkbox(description=name, value=False, indent=False, layout=W.Layout(width="200px"))
            percent = W.Text(placeholder=str(advised), layout=W.Layout(width="80px"))
            after = W.HTML()
            percent.observe(lambda _c, n=name: self._update(n), "value")
            tick.observe(lambda _c, n=name: self._update(n), "value")
            self.ticks[name], self.percents[name], self.after[name] = tick, percent, after
            rows.append(
                W.HBox([tick, percent, W.HTML(f"<span class='alisim-help'>{advised}%</span>"), after])
            )
        self.batch = W.Text(placeholder="如 150", layout=W.Layout(width="80px"))
        batch_button = W.Button(description=f"全部推荐{kind}设为此溢价", layout=W.Layout(width="auto"))
        batch_button.on_click(lambda _b: self.set_all(self.batch.value))
        rows.append(W.HBox([W.HTML("批量设置："), self.batch, W.HTML("%"), batch_button]))
        self.extra = W.Textarea(
            placeholder=f"推荐列表以外的{kind}，每行一个：名称 溢价，如 “德国 200”",
            layout=W.Layout(width="420px", height="60px"),
        )
        rows.append(self.extra)
        self.widget = W.VBox(rows)

    def _update(self, name: str) -> None:
        bid = self._bid()
        text = self.percents[name].value.strip().rstrip("%")
        if not self.ticks[name].value or bid is None:
            self.after[name].value = ""
            return
        try:
            self.after[name].value = f"<span>{esc(fmt_bid(premium_bid(bid, float(text))))}</span>"
        except ValueError:
            self.after[name].value = ""

    def refresh(self) -> None:
        for name in self.ticks:
            self._update(name)

    def set_all(self, percent: Any) -> None:
        for name in self.recommended:
            self.ticks[name].value = True
            self.percents[name].value = str(percent).strip()

    def set(self, value: Any) -> None:
        if value in (None, ""):
            value = {}
        if not isinstance(value, dict):
            raise ValueError(f"{self.kind}溢价应为 {{名称: 百分比}}")
        for name in self.recommended:
            self.ticks[name].value, self.percents[name].value = False, ""
        extra = []
        if OTHERS in value:
            self.set_all(value[OTHERS])
        for name, percent in value.items():
            if name == OTHERS:
                continue
            key = re.sub(r"\s+", "", str(name))
            if key in self.recommended:
                self.ticks[key].value, self.percents[key].value = True, str(percent)
            else:
                extra.append(f"{name} {percent}")
        self.extra.value = "\n".join(extra)

    def get(self) -> dict[str, Any]:
        out: dict[str, Any] = {n: self.percents[n].value for n in self.recommended if self.ticks[n].value}
        for line in self.extra.value.splitlines():
            line = line.strip()
            if not line:
                continue
            m = _EXTRA_LINE.match(line)
            if m:
                out[m["name"].strip()] = m["percent"]
            else:
                out[line] = ""  # the simulator names the line and asks for a percent
        return out


class P4PPlanScreen(Screen):
    """外贸直通车 → 新建推广计划: type, name, products, budget, bid range, region and crowd premiums."""

    title = "外贸直通车 · 新建推广计划"
    subtitle = "营销中心 → 外贸直通车 → 新建计划（同名同类型的计划再次保存即为修改）"
    submit_label = "保存计划"
    plan_type: str | None = None  # the type a task screen presets
    fields = (
        Field("plan_type", PLAN_LABELS["plan_type"], "select", True, PLAN_TYPES),
        Field("name", PLAN_LABELS["name"], "text", True, placeholder="如：XX类目 XX买家偏好的商品组", max_len=60),
        Field("products", PLAN_LABELS["products"], "products", True,
              help="勾选“所有产品”，或在列表中按住 Ctrl/Shift 选择产品（新品成长只收 90 天内新发布的产品）"),
        Field("daily_budget_cny", PLAN_LABELS["daily_budget_cny"] + "（元）", "text", True,
              help="每天最多扣多少钱；没有数据的新店建议不低于 100 元"),
        Field("weekly_budget", PLAN_LABELS["weekly_budget"], "checkbox",
              help="开启周预算（周六至周五；流量高的日子最多多花 20%，一周不超过日预算 × 7）"),
        Field("bid_range_cny", PLAN_LABELS["bid_range_cny"] + "（元）", "range", True,
              help="智能出价在这个区间内自动出价"),
        Field("region_premiums", PLAN_LABELS["region_premiums"], "premiums_region",
              help="溢价后出价 = 出价 × 溢价比例"),
        Field("crowd_premiums", PLAN_LABELS["crowd_premiums"], "premiums_crowd",
              help="溢价不是筛选：没设溢价的买家照样能看到广告"),
    )  # fmt: skip

    def __init__(self, backend: Backend, plan_type: str | None = None) -> None:
        if plan_type is not None:
            self.plan_type = plan_type
        self.plan_list = W.HTML()
        super().__init__(backend)
        if self.inputs["plan_type"].value is None and self.plan_type:
            self.inputs["plan_type"].value = self.plan_type
        self._refresh_list()

    # building
    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "products":
            every = W.Checkbox(description="所有产品", value=False, indent=False)
            pick = W.SelectMultiple(options=self._product_options(), rows=8, layout=W.Layout(width="560px"))
            every.observe(lambda c: setattr(pick, "disabled", bool(c["new"])), "value")
            return W.VBox([every, pick])
        if f.kind == "range":
            low = W.Text(placeholder="最低", layout=W.Layout(width="90px"))
            high = W.Text(placeholder="最高", layout=W.Layout(width="90px"))
            high.observe(lambda _c: self._refresh_premiums(), "value")
            return W.HBox([low, W.HTML("&nbsp;—&nbsp;"), high, W.HTML("&nbsp;元")])
        if f.kind.startswith("premiums_"):
            region = f.kind == "premiums_region"
            picker = _PremiumPicker(
                RECOMMENDED_REGIONS if region else RECOMMENDED_CROWDS,
                "地域" if region else "人群",
                self._max_bid,
            )
            picker.widget.picker = picker  # type: ignore[attr-defined]
            return picker.widget
        return super().make_input(f)

    def _extra_widgets(self) -> list[W.Widget]:
        return [self.plan_list]

    def _product_options(self) -> list[tuple[str, int]]:
        today = self.backend.today()
        out = []
        for p in self.backend.state.products:
            if p.status != "已发布":
                continue
            new = "（新品）" if self.backend.p4p.is_new(p) else ""
            days = (today - p.published_on).days
            out.append((f"{p.id} · {p.title[:70]} · 发布 {days} 天{new}", p.id))
        return out

    def _max_bid(self) -> float | None:
        try:
            return float(self.inputs["bid_range_cny"].children[2].value)
        except (ValueError, KeyError, IndexError):
            return None

    def _refresh_premiums(self) -> None:
        for key in ("region_premiums", "crowd_premiums"):
            if key in self.inputs:
                self.inputs[key].picker.refresh()

    # values
    def _match_product(self, item: Any) -> int:
        if isinstance(item, int) and not isinstance(item, bool):
            ids = [v for _l, v in self.inputs["products"].children[1].options]
            if item in ids:
                return item
            raise ValueError(f"推广产品中没有 ID 为 {item} 的已发布产品")
        text = _norm(item)
        if text.isdigit():
            return self._match_product(int(text))
        products = [p for p in self.backend.state.products if p.status == "已发布"]
        found = [p for p in products if _norm(p.title) == text] or [
            p for p in products if len(text) >= 5 and _norm(p.title).startswith(text)
        ]
        if len(found) != 1:
            why = "有多个产品以此开头" if found else "列表里没有这个产品"
            raise ValueError(f"推广产品“{str(item)[:40]}”：{why}")
        return found[0].id

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.key == "plan_type" and isinstance(value, str):
            value = P4P_PLAN_TYPE_ALIASES.get(value.strip(), value.strip())
        if f.kind == "products":
            every, pick = widget.children
            if isinstance(value, str) and value.strip().casefold() in ("all", "所有产品", "全部产品"):
                every.value, pick.value = True, ()
                return
            if isinstance(value, (str, int)):
                value = [value]
            ids = tuple(self._match_product(v) for v in (value or []))
            every.value, pick.value = False, ids
        elif f.kind == "range":
            if isinstance(value, str):
                value = re.split(r"\s*[-–~至到,，]\s*", value.strip().rstrip("元").strip())
            low, high = (list(value) + ["", ""])[:2] if value else ("", "")
            widget.children[0].value = "" if low is None else str(low)
            widget.children[2].value = "" if high is None else str(high)
        elif f.kind.startswith("premiums_"):
            widget.picker.set(value)
        else:
            super()._set(f, widget, value)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.inputs[f.key]
            if f.kind == "products":
                every, pick = w.children
                out[f.key] = "all" if every.value else list(pick.value)
            elif f.kind == "range":
                out[f.key] = (w.children[0].value, w.children[2].value)
            elif f.kind.startswith("premiums_"):
                out[f.key] = w.picker.get()
            else:
                out[f.key] = w.value
        return out

    # submitting
    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.p4p.save_plan(values)

    def success_message(self) -> str:
        return "推广计划已保存，状态：推广中"

    def submit(self):
        result = super().submit()
        self._refresh_list()
        return result

    def _saved_plan(self) -> P4PPlan | None:
        plans = [p for p in self.backend.p4p.plans() if self.plan_type in (None, p.plan_type)]
        return plans[-1] if plans else None

    def _load_saved(self) -> None:
        plan = self._saved_plan()
        if plan is None:
            return
        self.inputs["plan_type"].value = plan.plan_type
        self.inputs["name"].value = plan.name
        every, pick = self.inputs["products"].children
        known = {v for _l, v in pick.options}
        every.value = plan.all_products
        pick.value = tuple(i for i in plan.product_ids if i in known)
        self.inputs["daily_budget_cny"].value = f"{plan.daily_budget_cny:g}"
        self.inputs["weekly_budget"].value = plan.weekly_budget
        self._set(self.field("bid_range_cny"), self.inputs["bid_range_cny"],
                  (f"{plan.bid_min_cny:g}", f"{plan.bid_max_cny:g}"))  # fmt: skip
        self.inputs["region_premiums"].picker.set(plan.region_premiums)
        self.inputs["crowd_premiums"].picker.set(plan.crowd_premiums)

    def _refresh_list(self) -> None:
        plans = self.backend.p4p.plans()
        if not plans:
            self.plan_list.value = "<div class='alisim-help'>计划列表：还没有推广计划</div>"
            return
        rows = "".join(
            f"<tr><td>{esc(p.name)}</td><td>{esc(p.plan_type)}</td>"
            f"<td>{'所有产品' if p.all_products else len(p.product_ids)}（今日在推 "
            f"{len(self.backend.p4p.plan_products(p))} 个）</td><td>{p.daily_budget_cny:g}</td>"
            f"<td>{'开启' if p.weekly_budget else '关闭'}</td><td>{p.bid_min_cny:g}–{p.bid_max_cny:g}</td>"
            f"<td>{esc(p.status)}</td></tr>"
            for p in plans
        )
        self.plan_list.value = (
            "<b>计划列表</b><table class='alisim-table'><tr><th>计划名称</th><th>推广类型</th><th>产品</th>"
            f"<th>日预算（元）</th><th>周预算</th><th>出价区间（元）</th><th>状态</th></tr>{rows}</table>"
        )


class NewProductPlanScreen(P4PPlanScreen):
    """实操 9.3 新品成长计划."""

    task_id = "07.9.3"
    plan_type = "新品成长"


class HotProductPlanScreen(P4PPlanScreen):
    """实操 9.4 爆品助推."""

    task_id = "07.9.4"
    plan_type = "爆品助推"


class RemarketingPlanScreen(P4PPlanScreen):
    """实操 9.5 搜索人群再营销."""

    task_id = "07.9.5"
    plan_type = "搜索人群再营销"


class TargetedPlanScreen(P4PPlanScreen):
    """实操 9.6 定向推广."""

    task_id = "07.9.6"
    plan_type = "定向推广"


class P4PWeekView:
    """「一周模拟」: a saved plan through a simulated week of auctions, a table and a chart."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.plan = W.Dropdown(description="推广计划", layout=W.Layout(width="420px"))
        self.button = W.Button(description="模拟一周", button_style="warning")
        self.button.add_class("alisim-primary")
        self.button.on_click(lambda _b: self.run())
        self.table = W.HTML()
        self.chart = W.Output()
        self.widget = W.VBox(
            [
                W.HTML("<div class='alisim-head'><b>外贸直通车 · 一周模拟</b><div class='alisim-sub'>"
                       "每次搜索按 推广评分 × 出价 排名，进入前五名算一次曝光；点击按扣费公式扣钱，"
                       "花到当天上限就停止展示</div></div>"),
                W.HBox([self.plan, self.button]),
                self.table,
                self.chart,
            ]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.reload()

    def reload(self) -> None:
        """Refresh the plan list (after saving a plan on another screen)."""
        self.backend.refresh()
        names = [p.name for p in self.backend.p4p.plans()]
        self.plan.options = names
        if names and self.plan.value is None:
            self.plan.value = names[-1]

    def run(self, name: str | None = None) -> list:
        """Simulate the plan ``name`` (or the chosen one); returns the days."""
        self.reload()
        name = name or self.plan.value
        if not name:
            self.table.value = "<div class='alisim-fail'>还没有推广计划：请先新建并保存一个计划</div>"
            return []
        try:
            days = self.backend.p4p.simulate(name)
        except Exception as exc:  # noqa: BLE001 - shown, never raised at the student
            self.table.value = f"<div class='alisim-fail'>{esc(getattr(exc, 'message', exc))}</div>"
            return []
        rows = "".join(
            f"<tr><td>{d.day:%Y-%m-%d} 周{'一二三四五六日'[d.day.weekday()]}{'（高峰）' if d.busy else ''}</td>"
            f"<td>{d.cap_cny:.2f}</td><td>{d.impressions}</td><td>{d.clicks}</td><td>{d.spend_cny:.2f}</td>"
            f"<td>{d.avg_click_cny:.2f}</td></tr>"
            for d in days
        )
        total = sum(d.spend_cny for d in days)
        self.table.value = (
            "<table class='alisim-table'><tr><th>日期</th><th>当天可花上限（元）</th><th>曝光</th><th>点击</th>"
            f"<th>花费（元）</th><th>平均点击花费（元）</th></tr>{rows}</table>"
            f"<div class='alisim-help'>一周合计花费 {total:.2f} 元</div>"
        )
        from .data import chart_bundle, show_chart  # plotly output with an HTML fallback

        fallback = (
            "<div class='alisim-help'>（这里没有装 plotly 的图表扩展，不显示图表：每天的数字见上表）</div>"
        )
        show_chart(self.chart, chart_bundle(week_figure(days, f"“{name}”一周模拟"), fallback))
        return days

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


class P4PCenter:
    """The demo's 外贸直通车 page: the plan form and the week simulation."""

    def __init__(self, backend: Backend) -> None:
        self.form = P4PPlanScreen(backend)
        self.week = P4PWeekView(backend)
        self.widget = W.Tab(children=[self.form.widget, self.week.widget])
        self.widget.set_title(0, "新建推广计划")
        self.widget.set_title(1, "一周模拟")
        self.widget.observe(lambda c: self.week.reload() if c["new"] == 1 else None, "selected_index")

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
