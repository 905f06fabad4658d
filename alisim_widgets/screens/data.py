"""数据管家 (09_data): the store's data pages with plotly charts, and 提交分析结果.

Every page is a :class:`Screen` whose form is the query: ``fill(start=…, end=…, source=…, country=…)``
then ``submit()`` (the 查询 button) shows the KPI cards, tables and charts for that period and returns the
summary table as ``result.data``. Every page offers the period's rows and its table as CSV downloads, so a
student can also work in a spreadsheet. :class:`AnalysisSubmitScreen` saves a task's answers in the store.

plotly and pandas are imported when a page draws its first chart, not with this module.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import ipywidgets as W

from ..sim import Backend
from ..sim.data import COUNTRIES, END, SOURCES, START, Kpis
from ..sim.data_tasks import COUNT, PERCENT, SOURCE, TASKS
from ..sim.data_tasks import COUNTRIES as COUNTRY_KIND
from .base import Field, Screen, SubmitResult, esc
from .style import ORANGE, css

__all__ = [
    "DataOverviewPage",
    "TrafficSourcesPage",
    "ProductAnalysisPage",
    "KeywordAnalysisPage",
    "BuyerCountriesPage",
    "AnalysisSubmitScreen",
    "AnalysisSubmitPage",
    "kpi_cards_html",
    "csv_link_html",
    "PAGES",
]

_ALL = "全部"
_DEFAULT_START = dt.date(2022, 9, 1)
_CARDS = (
    ("曝光", "impressions", "{:,}"),
    ("点击", "clicks", "{:,}"),
    ("访客", "visitors", "{:,}"),
    ("询盘", "inquiries", "{:,}"),
    ("点击率", "ctr", "{:.2f}%"),
    ("询盘转化率", "inquiry_rate", "{:.2f}%"),
    ("订单", "orders", "{:,}"),
    ("订单金额（美元）", "amount", "{:,.2f}"),
)
_DATA_CSS = f"""<style>
.alisim-kpis {{ display: flex; flex-wrap: wrap; gap: 10px; margin: 6px 0; }}
.alisim-kpi {{ border: 1px solid #eee; border-top: 3px solid {ORANGE}; padding: 6px 12px; min-width: 120px; }}
.alisim-kpi .name {{ color: #888; font-size: 12px; }}
.alisim-kpi .value {{ font-size: 20px; font-weight: bold; color: #333; }}
.alisim-kpi .up {{ color: #1a7f37; font-size: 12px; }}
.alisim-kpi .down {{ color: #e4393c; font-size: 12px; }}
.alisim-kpi .flat {{ color: #999; font-size: 12px; }}
.alisim-data-table {{ max-height: 360px; overflow: auto; }}
</style>"""
_COLUMN_NAMES = {
    "impressions": "曝光",
    "clicks": "点击",
    "visitors": "访客",
    "inquiries": "询盘",
    "orders": "订单",
    "amount": "金额（美元）",
    "ctr": "点击率%",
    "inquiry_rate": "询盘率%",
    "share": "访客占比%",
    "date": "日期",
    "week": "周",
    "source": "流量来源",
    "country": "国家",
    "keyword": "关键词",
    "product_id": "产品编号",
    "title": "产品名称",
    "tier": "分层",
    "showcase": "橱窗",
}


def _value(k: Kpis, attr: str) -> float | None:
    return getattr(k, attr)


def kpi_cards_html(now: Kpis, before: Kpis | None = None, label: str = "环比") -> str:
    """The KPI cards of a period, each with its change against the previous period of the same length."""
    cards = []
    for name, attr, fmt in _CARDS:
        value = _value(now, attr)
        shown = "—" if value is None else fmt.format(value)
        change = ""
        old = _value(before, attr) if before is not None else None
        if value is not None and old:
            pct = 100 * (value - old) / old
            cls = "up" if pct > 0.05 else ("down" if pct < -0.05 else "flat")
            arrow = {"up": "↑", "down": "↓", "flat": "→"}[cls]
            change = f"<div class='{cls}'>{label} {arrow} {abs(pct):.1f}%</div>"
        cards.append(
            f"<div class='alisim-kpi'><div class='name'>{esc(name)}</div><div class='value'>{esc(shown)}</div>"
            f"{change}</div>"
        )
    return f"{_DATA_CSS}<div class='alisim-kpis'>{''.join(cards)}</div>"


def csv_link_html(data: bytes, file_name: str, text: str) -> str:
    """A download link carrying the CSV in the page itself (no server round trip; works in Voila)."""
    payload = base64.b64encode(data).decode("ascii")
    size = f"{len(data) / 1024:.0f} KB"
    return (
        f"<a download='{esc(file_name)}' href='data:text/csv;charset=utf-8;base64,{payload}' "
        f"style='color:{ORANGE}'>⬇ {esc(text)}（{esc(file_name)}，{size}）</a>"
    )


def table_html(frame: Any, limit: int = 40) -> str:
    """A summary table (every value escaped), Chinese column names, at most ``limit`` rows."""
    cols = list(frame.columns)
    names = [frame.index.name or "", *cols]
    head = "".join(f"<th>{esc(_COLUMN_NAMES.get(c, c))}</th>" for c in names)
    rows = []
    for i, idx in enumerate(frame.index[:limit]):
        label = idx.date().isoformat() if hasattr(idx, "date") else idx
        cells = "".join(f"<td>{esc(_fmt(frame[c].iat[i]))}</td>" for c in cols)
        rows.append(f"<tr><td>{esc(label)}</td>{cells}</tr>")
    more = f"<div class='alisim-help'>共 {len(frame)} 行，显示前 {limit} 行；完整数据请下载 CSV。</div>"
    return (
        f"<div class='alisim-data-table'><table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table></div>"
        + (more if len(frame) > limit else "")
    )


def _fmt(value: Any) -> str:
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return "—" if value != value else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def bars_html(frame: Any, column: str, limit: int = 20) -> str:
    """A plain HTML bar chart of ``column`` (the first ``limit`` rows): what a page shows without plotly's renderer."""
    part = frame[column].head(limit)
    top = float(part.max()) if len(part) else 0.0
    rows = []
    for idx, value in part.items():
        label = idx.date().isoformat() if hasattr(idx, "date") else idx
        width = 0 if top <= 0 else 100 * float(value) / top
        rows.append(
            f"<tr><td style='white-space:nowrap;padding:1px 6px'>{esc(label)}</td><td style='width:420px'>"
            f"<div style='background:{ORANGE};height:12px;width:{width:.1f}%'></div></td>"
            f"<td style='padding:1px 6px'>{esc(_fmt(value))}</td></tr>"
        )
    name = _COLUMN_NAMES.get(column, column)
    return (
        f"<div class='alisim-help'>{esc(name)}（简版图表：这里没有装 plotly 的图表扩展）</div>"
        f"<table style='font-size:12px;border-collapse:collapse'>{''.join(rows)}</table>"
    )


def chart_bundle(fig: Any, fallback_html: str) -> dict[str, Any]:
    """The figure as plotly's own output (interactive where its renderer is installed: JupyterLab, Voila)
    with an HTML fallback that a page without the renderer shows instead."""
    import json

    import plotly.io as pio

    return {
        "application/vnd.plotly.v1+json": json.loads(pio.to_json(fig, validate=False)),
        "text/html": fallback_html,
    }


def show_chart(output: W.Output, bundle: dict[str, Any]) -> None:
    """Put ``bundle`` in ``output`` as its only output, through the widget's state.

    Not ``with output: display(...)``: that routes the kernel's messages by the running cell, and a page built
    inside a cell (every page draws its first chart in its constructor) then confuses clients that follow
    the routing (nbclient waited out its timeout on it). The state is the same everywhere, kernel or not.
    """
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


_PERIOD = (
    Field("start", "开始日期", "date", True, placeholder="2022-09-01", help=f"数据范围 {START} 至 {END}"),
    Field("end", "结束日期", "date", True, placeholder="2022-09-30"),
)
# A page shows only the filters it applies (流量来源 is not filtered by source, 买家国家 not by country).
_FILTER_FIELDS = {
    "source": Field("source", "流量来源", "select", options=(_ALL, *SOURCES)),
    "country": Field("country", "买家国家", "select", options=(_ALL, *(c for c, _ in COUNTRIES))),
}


class _DataPage(Screen):
    """A 数据管家 page: a period and filters (the form), KPI cards, a chart, a table, CSV downloads."""

    submit_label = "查询"
    by = "date"
    bar_column = "impressions"  # the column of the simple chart shown where plotly's renderer is missing
    filters: tuple[str, ...] = ("source", "country")
    chart_height = 360

    fields = (*_PERIOD, _FILTER_FIELDS["source"], _FILTER_FIELDS["country"])

    def __init__(self, backend: Backend) -> None:
        self.cards = W.HTML()
        self.chart = W.Output()
        self.table = W.HTML()
        self.downloads = W.HTML()
        self.csv_button = W.Button(description="生成 CSV 下载", icon="download")
        self.csv_button.on_click(lambda _b: self.make_csv())
        super().__init__(backend)
        self.widget.children = (
            *self.widget.children,
            self.cards,
            self.chart,
            self.table,
            W.HBox([self.csv_button]),
            self.downloads,
        )
        self.last_frame: Any = None
        self.last_figure: Any = None
        self.fill(start=_DEFAULT_START, end=END, **dict.fromkeys(self.filters, _ALL))
        self.submit()  # the page opens on the last month's data, charts drawn

    def _header(self) -> W.HTML:
        seed = self.backend.data.seed()
        return W.HTML(
            f"<div class='alisim-head'><b>数据管家 › {esc(self.title)}</b>"
            f"<div class='alisim-sub'>{esc(self.subtitle)}</div>"
            f"<div class='alisim-sub'>本店数据由用户名 {esc(seed)} 生成，和同学的数据不一样。</div></div>"
        )

    def _query(self, values: dict[str, Any]) -> tuple[dt.date, dt.date, dict[str, Any]]:
        from ..sim.data import _period

        start, end = _period(values.get("start") or START, values.get("end") or END)
        filters = {k: values.get(k) for k in self.filters if values.get(k) not in (None, "", _ALL)}
        return start, end, filters

    def _apply(self, values: dict[str, Any]) -> SubmitResult:
        start, end, filters = self._query(values)
        frame = self.backend.data.summary(self.by, start, end, **filters)
        now = self.backend.data.kpis(start, end, **filters)
        before_period = self.backend.data.previous_period(start, end)
        before = None
        if before_period[0] >= START:
            before = self.backend.data.kpis(*before_period, **filters)
        self.cards.value = kpi_cards_html(now, before) + (
            f"<div class='alisim-help'>环比：与前一段同样长的时间（{before_period[0]} 至 {before_period[1]}）比较。</div>"
            if before
            else "<div class='alisim-help'>前一段时间不在数据范围内，不显示环比。</div>"
        )
        frame = self.arrange(frame)
        self.last_frame = frame
        self.table.value = table_html(frame)
        self.downloads.value = ""
        self.last_figure = self.figure(frame, start, end)
        show_chart(self.chart, chart_bundle(self.last_figure, bars_html(frame, self.bar_column)))
        empty = "（没有符合条件的数据）" if frame.empty else ""
        return SubmitResult(True, message=f"{start} 至 {end} 的数据{empty}", data=frame)

    def arrange(self, frame: Any) -> Any:
        return frame

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:  # pragma: no cover - subclasses
        raise NotImplementedError

    def _layout(self, fig: Any, title: str) -> Any:
        fig.update_layout(
            title=title, height=self.chart_height, margin=dict(l=40, r=20, t=50, b=40),
            font=dict(family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif"),
            plot_bgcolor="#fff", legend=dict(orientation="h", y=-0.2),
        )  # fmt: skip
        return fig

    def make_csv(self) -> str:
        """Put the download links for the period's rows and this page's table under the table."""
        result = self.submit()
        if not result.ok:
            return ""
        start, end, filters = self._query(self.values())
        rows = self.backend.data.csv("traffic", start, end, **filters)
        table = self.last_frame.to_csv(date_format="%Y-%m-%d").encode("utf-8-sig")
        html = (
            csv_link_html(rows, f"traffic_{start}_{end}.csv", "明细数据")
            + "<br>"
            + csv_link_html(table, f"{self.by}_{start}_{end}.csv", "本页汇总表")
        )
        self.downloads.value = html
        return html

    def _load_saved(self) -> None:
        self.backend.data.seed()  # the data's seed is saved when the store's data is first opened


class DataOverviewPage(_DataPage):
    """店铺概览: the KPI cards with their change, and the daily trend of the period."""

    title = "店铺概览"
    subtitle = "曝光、点击、访客、询盘和转化率；卡片上是与前一段同样长时间相比的变化（环比）。"
    by = "date"

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:
        import plotly.graph_objects as go

        fig = go.Figure()
        fig.add_scatter(x=frame.index, y=frame["impressions"], name="曝光", line=dict(color=ORANGE))
        fig.add_scatter(x=frame.index, y=frame["clicks"], name="点击", yaxis="y2", line=dict(color="#1f77b4"))
        fig.add_scatter(
            x=frame.index, y=frame["inquiries"], name="询盘", yaxis="y2", line=dict(color="#2ca02c")
        )
        fig.update_layout(
            xaxis=dict(tickformat="%m-%d"),
            yaxis=dict(title="曝光", rangemode="tozero"),
            yaxis2=dict(
                title="点击 / 询盘", overlaying="y", side="right", rangemode="tozero", showgrid=False
            ),
        )
        return self._layout(fig, f"每日趋势 {start} 至 {end}")


class TrafficSourcesPage(_DataPage):
    """流量来源: where the visitors came from (客户构成) and how each source converts."""

    title = "流量来源"
    subtitle = "访客从哪里来：搜索、外贸直通车（P4P）、推荐、RFQ、橱窗、直接访问、社交媒体。"
    by = "source"
    bar_column = "visitors"
    filters = ("country",)
    fields = (*_PERIOD, _FILTER_FIELDS["country"])

    def arrange(self, frame: Any) -> Any:
        frame = frame.sort_values("visitors", ascending=False)
        frame["share"] = (100 * frame["visitors"] / frame["visitors"].sum()).round(2)
        return frame

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:
        import plotly.graph_objects as go
        from plotly.subplots import make_subplots

        fig = make_subplots(rows=1, cols=2, specs=[[{"type": "domain"}, {"type": "xy"}]],
                            subplot_titles=("访客构成", "各来源询盘转化率 %"))  # fmt: skip
        fig.add_trace(go.Pie(labels=list(frame.index), values=frame["visitors"], hole=0.4), 1, 1)
        fig.add_trace(
            go.Bar(x=list(frame.index), y=frame["inquiry_rate"], marker_color=ORANGE, showlegend=False), 1, 2
        )
        fig = self._layout(fig, f"流量来源 {start} 至 {end}")
        fig.update_layout(margin=dict(t=90))  # the chart's title above the two subplot titles
        return fig


class ProductAnalysisPage(_DataPage):
    """产品分析: every product's exposure and click rate, with the store's medians (the diagnostic quadrants)."""

    title = "产品分析"
    subtitle = "每个产品的曝光、点击、访客、询盘；虚线是全店产品的中位数，把产品分成四个象限。"
    by = "product_id"
    bar_column = "impressions"
    chart_height = 460

    def arrange(self, frame: Any) -> Any:
        titles = self.backend.data.frame("products").set_index("product_id")
        frame = frame.join(titles[["title", "tier", "showcase"]])
        return frame.sort_values("impressions", ascending=False)

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:
        import plotly.graph_objects as go

        fig = go.Figure(
            go.Scatter(
                x=frame["impressions"], y=frame["ctr"], mode="markers",
                marker=dict(size=9, color=frame["inquiry_rate"], colorscale="Oranges", showscale=True,
                            colorbar=dict(title="询盘率%"), line=dict(width=0.5, color="#666")),
                text=[f"{i} {str(t)[:40]}" for i, t in zip(frame.index, frame["title"], strict=True)],
                hovertemplate="%{text}<br>曝光 %{x}<br>点击率 %{y:.2f}%<extra></extra>",
            )
        )  # fmt: skip
        fig.add_vline(x=float(frame["impressions"].median()), line_dash="dash", line_color="#999")
        fig.add_hline(y=float(frame["ctr"].median()), line_dash="dash", line_color="#999")
        fig.update_layout(xaxis_title="曝光", yaxis_title="点击率 %")
        return self._layout(fig, f"产品四象限 {start} 至 {end}（颜色：询盘转化率）")


class KeywordAnalysisPage(_DataPage):
    """关键词分析: the words buyers searched (搜索 and P4P rows), ranked by clicks."""

    title = "关键词分析"
    subtitle = "买家搜哪些词找到了本店（只有“搜索”和“P4P”来源带关键词）；长尾词很多，每个词的量都不大。"
    by = "keyword"
    bar_column = "clicks"

    def arrange(self, frame: Any) -> Any:
        return frame.sort_values(["clicks", "impressions"], ascending=False)

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:
        import plotly.graph_objects as go

        top = frame.head(20).iloc[::-1]
        fig = go.Figure(
            go.Bar(x=top["clicks"], y=[str(k) for k in top.index], orientation="h", marker_color=ORANGE)
        )
        fig.update_layout(xaxis_title="点击")
        self.chart_height = 520
        return self._layout(fig, f"点击最多的 20 个搜索词 {start} 至 {end}")


class BuyerCountriesPage(_DataPage):
    """买家国家: where the visitors and inquiries come from (买家画像)."""

    title = "买家国家"
    subtitle = "访客和询盘来自哪些国家：看看是不是把想卖的东西卖给了想买的人。"
    by = "country"
    bar_column = "visitors"
    filters = ("source",)
    fields = (*_PERIOD, _FILTER_FIELDS["source"])

    def arrange(self, frame: Any) -> Any:
        frame = frame.sort_values("visitors", ascending=False)
        frame["share"] = (100 * frame["visitors"] / frame["visitors"].sum()).round(2)
        return frame

    def figure(self, frame: Any, start: dt.date, end: dt.date) -> Any:
        import plotly.graph_objects as go

        top = frame.head(15)
        fig = go.Figure()
        fig.add_bar(x=[str(c) for c in top.index], y=top["visitors"], name="访客", marker_color=ORANGE)
        fig.add_bar(x=[str(c) for c in top.index], y=top["inquiries"], name="询盘", marker_color="#1f77b4")
        fig.update_layout(barmode="group", yaxis_title="人数 / 询盘数")
        return self._layout(fig, f"访客最多的 15 个国家 {start} 至 {end}")


# --- 提交分析结果 ------------------------------------------------------------------------------------------
def _field_kind(kind: str, exactly: int | None) -> str:
    if kind in (COUNT, PERCENT) or (kind == COUNTRY_KIND and exactly == 1):
        return "text"
    if kind == SOURCE:
        return "select"
    return "lines"


class AnalysisSubmitScreen(Screen):
    """提交分析结果: the answers of one analysis task (09.1.1–09.1.5), saved in the store."""

    submit_label = "提交分析结果"

    def __init__(self, backend: Backend, task_id: str = "09.1.1") -> None:
        if task_id not in TASKS:
            raise KeyError(f"没有数据分析任务 {task_id}（可选：{'、'.join(TASKS)}）")
        task = TASKS[task_id]
        self.task_id = task_id
        self.title = f"提交分析结果 · {task.title}"
        self.subtitle = "在笔记本里用 pandas 算好，再把结果填在这里提交；可以改了再交，评分看最后一次提交。"
        self.fields = tuple(
            Field(
                f.key,
                f.label,
                _field_kind(f.kind, f.exactly),
                options=SOURCES if f.kind == SOURCE else (),
                help=f.help,
            )  # fmt: skip
            for f in task.fields
        )
        super().__init__(backend)

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if hasattr(value, "tolist") and not isinstance(value, str):  # a pandas Series / Index, a numpy array
            value = value.tolist()
        if f.kind == "text" and isinstance(value, (list, tuple)) and len(value) == 1:
            value = value[0]
        if f.kind == "lines" and isinstance(value, (set, frozenset)):
            value = sorted(map(str, value))
        if f.kind == "select" and isinstance(value, (list, tuple)) and len(value) == 1:
            value = value[0]
        super()._set(f, widget, value)

    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.data.submit(self.task_id, values)

    def success_message(self) -> str:
        return "分析结果已保存"

    def _load_saved(self) -> None:
        saved = self.backend.data.answer(self.task_id)
        if saved is None:
            return
        shown: dict[str, Any] = {}
        for f in self.fields:
            if f.key in saved.numbers:
                number = saved.numbers[f.key]
                shown[f.key] = (
                    f"{int(number)}"
                    if number.is_integer() and f.key in _counts(self.task_id)
                    else f"{number:g}"
                )
            elif f.key in saved.items:
                shown[f.key] = saved.items[f.key]
        self.fill(**shown)


def _counts(task_id: str) -> set[str]:
    return {f.key for f in TASKS[task_id].fields if f.kind == COUNT}


class AnalysisSubmitPage:
    """提交分析结果 for the demo menu: choose a task, fill its answers."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.task = W.Dropdown(
            options=[(f"{t} {task.title}", t) for t, task in TASKS.items()], description="任务",
            layout=W.Layout(width="420px"),
        )  # fmt: skip
        self.box = W.VBox()
        self.task.observe(lambda ch: self.show(ch["new"]), "value")
        self.widget = W.VBox([css(), self.task, self.box])
        self.screen: AnalysisSubmitScreen | None = None
        self.show(self.task.value)

    def show(self, task_id: str) -> AnalysisSubmitScreen:
        self.screen = AnalysisSubmitScreen(self.backend, task_id)
        self.box.children = (self.screen.widget,)
        return self.screen

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


PAGES = {
    "店铺概览": DataOverviewPage,
    "流量来源": TrafficSourcesPage,
    "产品分析": ProductAnalysisPage,
    "关键词分析": KeywordAnalysisPage,
    "买家国家": BuyerCountriesPage,
}
