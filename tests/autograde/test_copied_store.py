"""A student who hands in a classmate's ``alisim_state.json`` (copied, or a symlink that ``nbgrader submit``
turns into a copy) scores what the classmate scores: grading reads the store. The class report names the two
to each other, from the store's first steps (wall-clock second, operation, detail), in every project."""

from __future__ import annotations

import datetime as dt
import shutil
import types

from autograde.report import ClassResults, StudentReport, _check_store, _flag_same_work, render_html
from autograde.spec import SPECS
from tests.e2e.students import DRIVERS

PROJECT = "07_marketing"
DRIVER = DRIVERS[PROJECT]
TASKS = sorted(t for t in SPECS if t.startswith("07."))


class _LaterClock(dt.datetime):
    """The wall clock of a student working an hour later than alice."""

    @classmethod
    def now(cls, tz=None):
        return dt.datetime.now(tz) + dt.timedelta(hours=1)


def _report(name, folder):
    report = StudentReport(name)
    report.tasks, report.problem, _seed, report.first_steps = _check_store(PROJECT, folder, TASKS)
    return report


def test_a_copied_store_is_named_in_the_class_report(tmp_path, monkeypatch):
    alice = tmp_path / "alice" / PROJECT
    alice.mkdir(parents=True)
    backend = DRIVER.open_backend(alice, "alice")
    DRIVER.do_tasks(backend)
    DRIVER.do_quiz(backend)

    carol = tmp_path / "carol" / PROJECT  # hands in alice's store, after one more step of her own
    shutil.copytree(alice, carol)
    DRIVER.do_quiz(DRIVER.open_backend(carol, "carol"))

    import alisim_widgets.sim.backend as backend_module

    monkeypatch.setattr(
        backend_module,
        "dt",
        types.SimpleNamespace(datetime=_LaterClock, timedelta=dt.timedelta, date=dt.date, time=dt.time),
    )
    bob = tmp_path / "bob" / PROJECT  # the same work, done on his own
    bob.mkdir(parents=True)
    backend = DRIVER.open_backend(bob, "bob")
    DRIVER.do_tasks(backend)
    DRIVER.do_quiz(backend)
    monkeypatch.undo()

    nobody = tmp_path / "dave" / PROJECT  # handed in nothing
    nobody.mkdir(parents=True)
    reports = [_report(n, f) for n, f in (("alice", alice), ("bob", bob), ("carol", carol), ("dave", nobody))]
    _flag_same_work(reports)

    assert [r.same_work for r in reports] == [["carol"], [], ["alice"], []]
    full = sum(SPECS[t].points for t in TASKS)
    assert [round(sum(float(x) for x in r.tasks.values()), 2) for r in reports[:3]] == [
        full
    ] * 3  # hence the flag
    page = render_html(ClassResults(PROJECT, TASKS, full, reports, False, "now"))
    assert page.count("可能拷贝了别人的进度文件") == 2
    assert "与 carol 完全相同" in page and "与 alice 完全相同" in page and "与 bob" not in page
