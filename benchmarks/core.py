"""Core figures of project 01, each as a ratio against a baseline measured in the same run.

    python benchmarks/core.py [--only import|submit|notebook]

- import: ``import alisim_widgets`` vs ``import pandas, plotly, ipywidgets`` (median of several runs, each in a
  fresh interpreter; issue 14 asks for ≤ 0.3), and a notebook's first cell (the package, the screens it shows
  at once, autograde) against the same baseline and against ``import ipywidgets`` alone;
- notebook: executing the 01_account source notebook with nbclient vs a one-cell notebook;
- submit: the registration form's submit (validate + hash + atomic save) vs an atomic save alone.
"""

from __future__ import annotations

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


# What a course notebook's first cell imports (tools/notebooks/build_01_account.py SETUP): the screens it shows
# straight away need ipywidgets; pandas and plotly must still stay out.
FIRST_CELL = (
    "import alisim_widgets as aw\n"
    "from alisim_widgets.screens.membership import MembershipComparison\n"
    "from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist\n"
    "from autograde import check"
)
BASELINE = "import pandas, plotly, ipywidgets"
HEAVY = ("pandas", "plotly", "ipywidgets", "nbformat", "nbgrader")


def _time_fresh(code: str) -> float:
    """Wall time of one fresh interpreter running ``code`` (start-up included, as a notebook kernel pays it)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def _medians(codes: dict[str, str], n: int) -> dict[str, float]:
    """Median of n fresh-interpreter runs per snippet, interleaved so that load from other processes on
    the machine hits every snippet alike; one untimed run each first warms the disk cache and .pyc files."""
    for code in codes.values():
        _time_fresh(code)
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(n):
        for name, code in codes.items():
            times[name].append(_time_fresh(code))
    return {name: statistics.median(t) for name, t in times.items()}


def _loaded(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return out.split()


def bench_import(n: int = 9) -> None:
    m = _medians(
        {"bare": "pass", "core": "import alisim_widgets", "first": FIRST_CELL, "base": BASELINE,
         "widgets": "import ipywidgets"},
        n,
    )  # fmt: skip
    print(f"import alisim_widgets: {m['core'] * 1000:.0f} ms vs {BASELINE} {m['base'] * 1000:.0f} ms "
          f"→ ratio {m['core'] / m['base']:.2f} (target ≤ 0.30; bare interpreter {m['bare'] * 1000:.0f} ms; "
          f"median of {n} fresh interpreters each); loads {_loaded('import alisim_widgets') or 'none'} "
          f"of {', '.join(HEAVY)}")  # fmt: skip
    print(f"a notebook's first cell (alisim_widgets + its screens + autograde): {m['first'] * 1000:.0f} ms "
          f"→ ratio {m['first'] / m['base']:.2f} against the same baseline, {m['first'] / m['widgets']:.2f} "
          f"against import ipywidgets alone ({m['widgets'] * 1000:.0f} ms); loads "
          f"{', '.join(_loaded(FIRST_CELL)) or 'none'}")  # fmt: skip


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
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("import", "submit", "notebook"), help="run one figure only")
    args = parser.parse_args()
    os.chdir(ROOT)
    for name, bench in (("import", bench_import), ("submit", bench_submit), ("notebook", bench_notebook)):
        if args.only in (None, name):
            bench()
