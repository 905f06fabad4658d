"""09_data: every plotly figure the notebook shows stays under 1 MB once embedded (issue 13).

The notebook's own chart cells (the worked example, the daily trend) are run here in-process from the builder's
sources, and each 数据管家 page's chart is built, on a student's full dataset; the size measured is the figure's
JSON, which is what the ``application/vnd.plotly.v1+json`` output of a cell (or a saved widget's output) holds.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import plotly.io as pio
import pytest

from alisim_widgets.screens.data import PAGES

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 1_000_000


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_09_data", ROOT / "tools" / "notebooks" / "build_09_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _embedded_size(fig) -> int:
    return len(json.dumps(pio.to_json(fig, validate=False)).encode())


def test_notebook_chart_cells_stay_under_1_mb(make_backend, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    build = _builder()
    namespace = {"backend": make_backend("09_data")}
    sizes = {}
    for name in ("EXAMPLE", "EXAMPLE_DIAGNOSIS", "EXAMPLE_CHART", "FRAMES", "DAILY"):
        exec(compile(getattr(build, name), name, "exec"), namespace)  # noqa: S102 - our own builder's cells
        if name in ("EXAMPLE_CHART", "DAILY"):
            sizes[name] = _embedded_size(namespace["fig"])
    assert sizes and all(0 < size < LIMIT for size in sizes.values()), sizes


@pytest.mark.parametrize("name", list(PAGES))
def test_page_charts_stay_under_1_mb(make_backend, monkeypatch, name):
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    page = PAGES[name](make_backend("09_data"))
    page.fill(start="2022-07-01", end="2022-09-30").submit()  # the widest period: the largest chart
    assert 0 < _embedded_size(page.last_figure) < LIMIT
