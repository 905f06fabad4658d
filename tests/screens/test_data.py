"""数据管家 pages and 提交分析结果, driven like a person: fill the period and filters, 查询, read the page."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd
import pytest

from alisim_widgets.screens.data import (
    PAGES,
    AnalysisSubmitPage,
    AnalysisSubmitScreen,
    BuyerCountriesPage,
    DataOverviewPage,
    KeywordAnalysisPage,
    ProductAnalysisPage,
    TrafficSourcesPage,
)
from alisim_widgets.screens.shell import SECTIONS
from alisim_widgets.sim.data_tasks import TASKS


@pytest.fixture
def backend(make_backend, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    return make_backend("09_data")


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_opens_on_september_with_a_chart_and_a_table(backend, name):
    page = PAGES[name](backend)
    assert page.last_result.ok, page.last_result
    assert page.values()["start"] == "2022-09-01" and page.values()["end"] == "2022-09-30"
    assert page.last_figure is not None and len(page.last_figure.data) >= 1
    assert "<table" in page.table.value and "alisim-kpi" in page.cards.value
    assert "alice" in page.widget.children[1].value  # whose seed the data came from


def test_overview_cards_show_the_period_and_its_change(backend):
    page = DataOverviewPage(backend)
    result = page.fill(start="2022-09-19", end="2022-09-25").submit()
    k = backend.data.kpis("2022-09-19", "2022-09-25")
    assert result.ok and f"{k.impressions:,}" in page.cards.value and "环比" in page.cards.value
    assert "2022-09-12 至 2022-09-18" in page.cards.value
    assert len(result.data) == 7 and int(result.data["impressions"].sum()) == k.impressions
    # The first week has no earlier period in the data: no change shown.
    page.fill(start="2022-07-01", end="2022-07-07").submit()
    assert "不显示环比" in page.cards.value


def test_filters_change_the_numbers(backend):
    page = TrafficSourcesPage(backend)
    everyone = page.last_result.data["visitors"].sum()
    us = page.fill(country="United States").submit().data["visitors"].sum()
    assert 0 < us < everyone
    assert set(page.last_result.data.index.astype(str)) <= {
        "搜索",
        "P4P",
        "推荐",
        "RFQ",
        "橱窗",
        "直接访问",
        "社交媒体",
    }
    page = BuyerCountriesPage(backend)
    p4p = page.fill(source="P4P").submit()
    assert p4p.ok and p4p.data["share"].sum() == pytest.approx(100, abs=0.1)


def test_bad_period_is_shown_beside_the_field_and_kept(backend):
    page = DataOverviewPage(backend)
    result = page.fill(start="2022-10-05").submit()
    assert not result.ok and "start" in result.errors and "2022-07-01" in page.error_labels["start"].value
    assert page.values()["start"] == "2022-10-05"  # what was typed stays
    result = page.fill(start="2022-09-20", end="2022-09-10").submit()
    assert "end" in result.errors


def test_product_page_shows_medians_and_titles(backend):
    page = ProductAnalysisPage(backend)
    frame = page.last_result.data
    assert {"title", "tier", "showcase", "ctr", "inquiry_rate"} <= set(frame.columns)
    shapes = page.last_figure.layout.shapes
    assert len(shapes) == 2  # the two median lines of the quadrants


def test_csv_links_decode_to_the_period_rows(backend):
    page = TrafficSourcesPage(backend)
    page.fill(start="2022-09-19", end="2022-09-25", country="Brazil")
    html = page.make_csv()
    links = re.findall(r"base64,([A-Za-z0-9+/=]+)'", html)
    assert len(links) == 2
    rows = pd.read_csv(io.BytesIO(base64.b64decode(links[0])), encoding="utf-8-sig")
    assert set(rows["country"]) == {"Brazil"} and rows["date"].min() >= "2022-09-19"
    table = pd.read_csv(io.BytesIO(base64.b64decode(links[1])), encoding="utf-8-sig")
    assert table["visitors"].sum() == rows["visitors"].sum()


def test_seed_shown_escaped(make_backend, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "<b>x</b>")
    page = DataOverviewPage(make_backend("09_data"))
    assert (
        "<b>x</b>" not in page.widget.children[1].value
        and "&lt;b&gt;x&lt;/b&gt;" in page.widget.children[1].value
    )


# --- 提交分析结果 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("task_id", list(TASKS))
def test_submit_screen_has_the_task_fields(backend, task_id):
    screen = AnalysisSubmitScreen(backend, task_id)
    assert list(screen.inputs) == [f.key for f in TASKS[task_id].fields]


def test_fill_submit_saves_and_reopens_with_the_answers(backend):
    screen = AnalysisSubmitScreen(backend, "09.1.4")
    countries = pd.Series(["United States", "Brazil", "Peru", "Chile", "Canada"])  # straight from pandas
    result = screen.fill(
        top_countries=countries, top5_share=55.55, top_inquiry_country=["United States"]
    ).submit()
    assert result.ok, result
    saved = backend.data.answer("09.1.4")
    assert saved.items["top_countries"] == list(countries) and saved.numbers["top5_share"] == 55.55
    again = AnalysisSubmitScreen(backend, "09.1.4")
    assert again.values()["top_countries"] == list(countries) and again.values()["top5_share"] == "55.55"
    assert backend.state.audit[-1].source == "screen" and backend.state.audit[-1].op == "data.submit"


def test_refused_answers_keep_what_was_typed_and_change_nothing(backend):
    screen = AnalysisSubmitScreen(backend, "09.1.1")
    screen.fill(impressions=100, ctr="4.1").submit()
    before = backend.state.model_dump_json()
    result = screen.fill(impressions="nan", clicks="很多", ctr="4.2").submit()
    assert not result.ok and set(result.errors) == {"impressions", "clicks"}
    assert "NaN" in screen.error_labels["impressions"].value
    assert screen.values()["clicks"] == "很多" and screen.values()["ctr"] == "4.2"
    assert backend.state.model_dump_json() == before


def test_huge_list_is_refused(backend):
    screen = AnalysisSubmitScreen(backend, "09.1.2")
    result = screen.fill(low_exposure=list(range(5000))).submit()
    assert not result.ok and "最多" in result.errors["low_exposure"]


def test_submit_page_switches_tasks_and_demo_menu_has_the_pages(backend):
    page = AnalysisSubmitPage(backend)
    page.task.value = "09.1.5"
    assert page.screen.task_id == "09.1.5" and "weakest_source" in page.screen.inputs
    labels = [label for label, _ in SECTIONS["数据管家"]]
    assert labels == ["店铺概览", "流量来源", "产品分析", "关键词分析", "买家国家", "提交分析结果"]


def test_chart_output_is_plotly_with_an_html_fallback(backend):
    from alisim_widgets.screens.data import bars_html, chart_bundle

    page = BuyerCountriesPage(backend)
    bundle = chart_bundle(page.last_figure, bars_html(page.last_frame, "visitors"))
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html"}
    assert bundle["application/vnd.plotly.v1+json"]["data"][0]["type"] == "bar"
    assert "United States" in bundle["text/html"] or "Brazil" in bundle["text/html"]
    frame = page.last_frame.rename(index={page.last_frame.index[0]: "<img src=x onerror=alert(1)>"})
    assert "<img" not in bars_html(frame, "visitors")


def test_ids_typed_on_one_line_and_an_empty_query(backend):
    screen = AnalysisSubmitScreen(backend, "09.1.2")
    assert screen.fill(low_exposure="3203, 3228\n3242").submit().ok
    assert backend.data.answer("09.1.2").items["low_exposure"] == ["3203", "3228", "3242"]
    page = DataOverviewPage(backend)
    result = page.fill(source="推荐").submit()
    words = KeywordAnalysisPage(backend)
    empty = words.fill(source="推荐").submit()  # 推荐 rows carry no search word
    assert result.ok and empty.ok and empty.data.empty and "没有符合条件的数据" in empty.message


@pytest.mark.parametrize(
    ("page_class", "shown", "hidden"),
    [
        (DataOverviewPage, {"source", "country"}, set()),
        (TrafficSourcesPage, {"country"}, {"source"}),  # the page splits by source: no source filter
        (BuyerCountriesPage, {"source"}, {"country"}),  # the page splits by country: no country filter
    ],
)
def test_a_page_offers_only_the_filters_it_applies(backend, page_class, shown, hidden):
    page = page_class(backend)
    filters = set(page.inputs) - {"start", "end"}
    assert filters == shown and not filters & hidden
    for key in shown:  # each offered filter changes what the page shows
        options = [v for _label, v in page.inputs[key].options if v not in (None, "全部")]
        before = page.cards.value
        assert page.fill(**{key: options[0]}).submit().ok
        assert page.cards.value != before, key


@pytest.mark.parametrize("name", list(PAGES))
def test_the_chart_is_the_pages_output_with_a_fallback(backend, name):
    """The chart is set as the Output widget's state (no output routing by cell): plotly's JSON and an HTML
    bar chart for pages without plotly's renderer, replaced on every query."""
    page = PAGES[name](backend)
    (only,) = page.chart.outputs
    assert set(only["data"]) == {"application/vnd.plotly.v1+json", "text/html"}
    page.fill(start="2022-08-01", end="2022-08-15").submit()
    (again,) = page.chart.outputs
    assert again["data"]["application/vnd.plotly.v1+json"] != only["data"]["application/vnd.plotly.v1+json"]
