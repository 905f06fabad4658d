"""Core figures of project 01, each as a ratio against a baseline measured in the same run.

    python benchmarks/core.py

- import: ``import alisim_widgets`` in a fresh interpreter vs an interpreter that imports nothing,
  and the screen layer vs ``import ipywidgets`` alone (pandas and plotly must stay unimported);
- notebook: executing the 01_account source notebook with nbclient vs a one-cell notebook;
- submit: the registration form's submit (validate + hash + atomic save) vs an atomic save alone.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median_run(code: str, n: int = 7) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import() -> None:
    base = _median_run("pass")
    core = _median_run("import alisim_widgets")
    widgets = _median_run("import ipywidgets")
    screens = _median_run("import alisim_widgets.screens.registration, autograde")
    lazy = subprocess.run(
        [sys.executable, "-c", "import alisim_widgets, autograde, sys; print('pandas' in sys.modules, 'plotly' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    print(f"import alisim_widgets: {core * 1000:.0f} ms vs bare interpreter {base * 1000:.0f} ms "
          f"→ ratio {core / base:.2f}")  # fmt: skip
    print(f"import screens + autograde: {screens * 1000:.0f} ms vs import ipywidgets {widgets * 1000:.0f} ms "
          f"→ ratio {screens / widgets:.2f}; pandas/plotly imported: {lazy}")  # fmt: skip


def _execute(nb_path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(nb_path), as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(nb_path.parent)}}).execute()
    return time.perf_counter() - start


def bench_notebook(n: int = 3) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    real, empty = [], []
    for _ in range(n):
        with tempfile.TemporaryDirectory() as tmp:
            src = ROOT / "course" / "01_account" / "01_account.ipynb"
            shutil.copy(src, Path(tmp) / src.name)
            real.append(_execute(Path(tmp) / src.name))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "empty.ipynb"
            nbformat.write(new_notebook(cells=[new_code_cell("pass")]), str(path))
            empty.append(_execute(path))
    r, e = statistics.median(real), statistics.median(empty)
    print(f"execute 01_account.ipynb: {r:.2f} s vs one-cell notebook {e:.2f} s → ratio {r / e:.2f}")


def bench_submit(n: int = 20) -> None:
    import alisim_widgets as aw
    from alisim_widgets.sim.persistence import StateFile

    data = {
        "company_name": "湖南典阅科技有限公司", "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
        "license_no": "440000551523412", "email": "dianyuekeji@163.com", "legal_rep_name": "张龙",
        "legal_rep_name_en": "Zhang long", "password": "dianyue123", "mobile": "13666301234",
    }  # fmt: skip
    submits, saves = [], []
    for _ in range(n):
        with tempfile.TemporaryDirectory() as tmp:
            backend = aw.open_backend("01_account", path=tmp)
            screen = aw.screen_for("01.2.2", backend).fill(**data)
            screen.request_code()
            screen.fill(verification_code=backend.inbox.last_code())
            start = time.perf_counter()
            assert screen.submit().ok
            submits.append(time.perf_counter() - start)
            store = StateFile(tmp, "01_account")
            start = time.perf_counter()
            store.save(backend.state)
            saves.append(time.perf_counter() - start)
    s, b = statistics.median(submits), statistics.median(saves)
    print(f"registration submit: {s * 1000:.1f} ms vs atomic save alone {b * 1000:.1f} ms → ratio {s / b:.1f} "
          f"(includes the scrypt password hash)")  # fmt: skip


if __name__ == "__main__":
    os.chdir(ROOT)
    bench_import()
    bench_submit()
    bench_notebook()
    json.dumps({})
