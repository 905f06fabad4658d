"""数据管家 (09_data) at scale: generating a million traffic rows and the store's KPIs, as a ratio.

    python benchmarks/data.py [--rows 1000000] [--repeat 5]

In one process, on the same frame: the simulator's work (``generate`` of ``rows`` rows from a seed, then the
KPIs of the overview page: the period's totals and rates, the previous period's, and the daily, per-source
and per-country summaries) against a plain pandas baseline (one ``groupby("date").sum()`` of the same frame's
metric columns). Prints the medians and the ratio; issue 13 asks for the simulator's part under a second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alisim_widgets.sim.data import generate, kpis, summarize  # noqa: E402

METRICS = ["impressions", "clicks", "visitors", "inquiries", "orders", "amount"]


def simulator(rows: int, seed: str):
    """Generate the dataset and compute what the overview page shows; returns the traffic frame."""
    traffic = generate(seed, rows, cache=False)["traffic"]
    kpis(traffic, "2022-09-01", "2022-09-30")
    kpis(traffic, "2022-08-02", "2022-08-31")
    for by in ("date", "source", "country"):
        summarize(traffic, by, "2022-09-01", "2022-09-30")
    return traffic


def baseline(traffic) -> None:
    traffic.groupby("date")[METRICS].sum()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    traffic = simulator(args.rows, "warm-up")  # imports numpy/pandas, builds the catalogue once
    sim_times, base_times = [], []
    for n in range(args.repeat):
        start = time.perf_counter()
        traffic = simulator(args.rows, f"student-{n}")
        sim_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        baseline(traffic)
        base_times.append(time.perf_counter() - start)
    sim, base = statistics.median(sim_times), statistics.median(base_times)
    print(f"rows: {len(traffic):,}")
    print(f"simulator (generate + KPIs): {sim:.3f} s (median of {args.repeat})")
    print(f"plain pandas groupby('date').sum() of the same frame: {base:.3f} s")
    print(f"ratio simulator / groupby: {sim / base:.1f}")
    print(f"under a second: {'yes' if sim < 1 else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
