"""Checks of project 09: answers computed independently with plain pandas score full, from each student's seed.

The expected answers are computed in ``tests/data09_answers.py`` with plain pandas on ``backend.data.frames()``
(not with the simulator's or the grader's helpers), following the rules the notebook states.
"""

from __future__ import annotations

import json
import math

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.data_tasks import TASKS
from autograde import SPECS, check, evaluate
from autograde.check import score_task
from tests.data09_answers import answers_from


@pytest.fixture
def student(make_backend, tmp_path, monkeypatch):
    """``student("alice")``: a store opened by that JupyterHub user in their own folder."""

    def _open(name: str):
        monkeypatch.setenv("JUPYTERHUB_USER", name)
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        backend = make_backend("09_data", folder)
        assert backend.data.seed() == name
        return backend

    return _open


def submit_all(backend, answers: dict[str, dict]) -> None:
    for task_id, values in answers.items():
        backend.data.submit(task_id, values)


def test_two_students_each_score_full_from_their_own_data(student, monkeypatch):
    alice, bob = student("alice"), student("bob")
    mine = {b: answers_from(b.data.frames()) for b in (alice, bob)}
    assert mine[alice]["09.1.1"]["impressions"] != mine[bob]["09.1.1"]["impressions"]
    for backend in (alice, bob):
        submit_all(backend, mine[backend])
    # The teacher grades later, as another user: the seed saved in each store is what counts.
    monkeypatch.setenv("JUPYTERHUB_USER", "teacher")
    for backend in (alice, bob):
        graded = aw.open_backend("09_data", path=backend.path.parent)
        assert graded.state.data.seed == backend.state.data.seed
        for task_id in TASKS:
            result = score_task(task_id, graded)
            assert result.full, result.feedback_lines()


def test_copied_answers_score_less(student):
    alice, bob = student("alice"), student("bob")
    submit_all(bob, answers_from(alice.data.frames()))  # bob hands in alice's numbers
    scores = {t: float(score_task(t, bob)) for t in TASKS}
    assert sum(scores.values()) < 0.5 * sum(SPECS[t].points for t in TASKS), scores
    assert scores["09.1.1"] == 0


# One wrong answer per task (a plausible mistake), and what it must not reveal.
def _wrong(task_id: str, right: dict) -> tuple[str, object]:
    if task_id == "09.1.1":
        return "ctr", right["ctr"] / 100  # a fraction, not a percentage
    if task_id == "09.1.2":
        return "low_exposure", right["low_exposure"][:-1]
    if task_id == "09.1.3":
        return "top_keywords", right["top_keywords"][:4] + right["p4p_keywords"][-1:]
    if task_id == "09.1.4":
        return "top5_share", right["top5_share"] + 1
    return "wow_clicks", -right["wow_clicks"]


@pytest.mark.parametrize("task_id", list(TASKS))
def test_one_wrong_answer_scores_partly_and_is_named(student, task_id, capsys):
    alice = student("alice")
    right = answers_from(alice.data.frames())[task_id]
    key, value = _wrong(task_id, right)
    if right[key] == value or (key == "top_keywords" and set(value) == set(right[key])):
        pytest.skip("this seed makes the mistake right")
    alice.data.submit(task_id, {**right, key: value})
    result = check(task_id, alice)
    assert 0 < result < result.max_score
    out = capsys.readouterr().out
    label = next(f.label for f in TASKS[task_id].fields if f.key == key)
    assert f"✘ {label}" in out
    assert [f.key for f in result.wrong] == [key]
    expected = right[key]
    shown = expected if isinstance(expected, list) else [expected]
    for item in shown:
        if isinstance(item, float):
            assert f"{item:g}" not in out and f"{item:.2f}" not in out
        elif str(item) not in json.dumps(value, ensure_ascii=False):
            assert str(item) not in out, "the feedback gives the expected answer away"


def test_percentages_have_a_stated_tolerance(student):
    alice = student("alice")
    right = answers_from(alice.data.frames())["09.1.1"]
    exact = 100 * right["clicks"] / right["impressions"]
    for delta, ok in ((0.0, True), (0.009, True), (-0.009, True), (0.02, False), (-0.02, False)):
        alice.data.submit("09.1.1", {**right, "ctr": exact + delta})
        outcome = {o.key: o.ok for o in evaluate("09.1.1", alice).fields}
        assert outcome["ctr"] is ok, delta
    alice.data.submit("09.1.1", {**right, "impressions": right["impressions"] + 1})
    assert not {o.key: o.ok for o in evaluate("09.1.1", alice).fields}["impressions"]


def test_unanswered_fields_and_tasks(student):
    alice = student("alice")
    for task_id in TASKS:
        result = evaluate(task_id, alice)
        assert result == 0 and "提交分析结果" in result.note
    right = answers_from(alice.data.frames())["09.1.1"]
    alice.data.submit("09.1.1", {"impressions": right["impressions"]})
    result = evaluate("09.1.1", alice)
    assert 0 < result < 10 and sum(1 for o in result.fields if o.missing) == 6


def test_lists_compare_as_sets_and_names_case_insensitively(student):
    alice = student("alice")
    right = answers_from(alice.data.frames())["09.1.4"]
    alice.data.submit(
        "09.1.4",
        {**right, "top_countries": [c.upper() for c in reversed(right["top_countries"])]},
    )
    assert evaluate("09.1.4", alice).full


def test_points_and_no_answer_in_the_spec_module():
    assert sum(SPECS[t].points for t in TASKS) == 50
    assert all(math.isclose(SPECS[f"09.q{n}"].points, 1) for n in range(1, 7))


def test_class_report_flags_two_students_with_the_same_seed(student):
    import shutil

    from autograde.report import ClassResults, StudentReport, _check_store, _flag_same_seeds, render_html

    alice, bob = student("alice"), student("bob")
    submit_all(alice, answers_from(alice.data.frames()))
    bob.data.seed()
    copy = alice.path.parent.parent / "carol"
    shutil.copytree(alice.path.parent, copy)  # carol hands in alice's state file
    reports = []
    for name, folder in (("alice", alice.path.parent), ("bob", bob.path.parent), ("carol", copy)):
        report = StudentReport(name)
        report.tasks, report.problem, report.data_seed, _ = _check_store("09_data", folder, list(TASKS))
        reports.append(report)
    _flag_same_seeds(reports)
    assert [r.same_seed for r in reports] == [["carol"], [], ["alice"]]
    assert (
        reports[2].data_seed == "alice" and reports[2].tasks["09.1.1"].full
    )  # the copy scores: hence the flag
    page = render_html(ClassResults("09_data", list(TASKS), 50, reports, False, "now"))
    assert page.count("数据种子（alice）") == 2 and "与 carol 相同" in page and "与 alice 相同" in page


def test_grading_the_notebook_from_each_students_store(student):
    """What ``nbgrader autograde`` does here (GradeFromState): every grade cell filled from the handed-in store."""
    import copy
    from pathlib import Path

    import nbformat

    from autograde.stategrade import grade_notebook, load_submission

    source = nbformat.read(Path(__file__).resolve().parents[2] / "course/09_data/09_data.ipynb", as_version=4)
    alice, bob, carol = student("alice"), student("bob"), student("carol")
    submit_all(alice, answers_from(alice.data.frames()))
    submit_all(bob, answers_from(bob.data.frames()))
    submit_all(carol, answers_from(alice.data.frames()))  # carol copies alice's answers into her own store
    totals = {}
    for backend in (alice, bob, carol):
        nb = copy.deepcopy(source)
        results = grade_notebook(nb, load_submission(backend.path.parent, "09_data"), reveal=False)
        totals[backend.data.seed()] = sum(float(results[t]) for t in TASKS)
        graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert all(c.outputs for c in graded)
    assert totals["alice"] == totals["bob"] == 50
    assert totals["carol"] < 25


def test_data_generated_differently_at_grading_is_not_graded_silently(student):
    """The store keeps a digest of the data the student saw; other numbers at grading time are reported."""
    alice = student("alice")
    submit_all(alice, answers_from(alice.data.frames()))
    assert len(alice.state.data.fingerprint) == 16
    assert score_task("09.1.1", alice).full
    with alice.transaction("test.tamper") as work:  # as if the grader's numpy drew other numbers
        work.data.fingerprint = "0" * 16
    result = score_task("09.1.1", alice)
    assert result == 0 and "DataVersionMismatch" in result.note
