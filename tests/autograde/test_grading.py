"""Grading that no student can cheat: one nbgrader course, one batch, both graders.

Every student of the class hands in 01_account; the attackers try each trick of issue 7 on top of answering
the knowledge checks on the screens (1 point each, beside the 10 of 01.2.2). Both ``nbgrader autograde`` (the repository's
configuration) and ``python -m autograde grade`` must give every student exactly what their own saved
store earns, leave the classmates alone, run no student code, and leave the same gradebook and
``autograded/`` behind. ``report``, ``export`` and ``verify`` then work on the result.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from alisim_widgets.sim.security import hash_password
from autograde.cli import main
from tests.autograde.classroom import (
    ASSIGNMENT,
    FULL_MARKS,
    QUIZ,
    _all_right,
    _answer,
    _english_name_wrong,
    _quiz,
    clean_env,
    make_course,
    nbgrader,
)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")]

QUIZ_POINTS = float(len(QUIZ))  # one point per knowledge check
MARKER = "ATTACK_RAN"  # any student code that runs writes a file with this name next to the course


def _quiz_only(folder: Path) -> None:
    _answer(folder, _quiz())


def _with_answer_cell(code: str):
    """Answer the quiz on the screens, then put ``code`` into the first answer cell."""

    def do(folder: Path) -> None:
        _quiz_only(folder)
        path = folder / f"{ASSIGNMENT}.ipynb"
        nb = nbformat.read(path, as_version=4)
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
        cell.source = code
        nbformat.write(nb, path)

    return do


def _marker_code(what: str) -> str:
    return f"import pathlib; pathlib.Path({str(Path('/tmp') / MARKER)!r} + '-{what}').write_text('ran')\n"


def _fake_check(folder: Path) -> None:
    _with_answer_cell(_marker_code("fake") + "def check(*a, **k):\n    return None")(folder)


def _interactivity(folder: Path) -> None:
    _with_answer_cell("get_ipython().ast_node_interactivity = 'none'")(folder)


def _repr_patch(folder: Path) -> None:
    _with_answer_cell("from autograde.result import CheckResult\nCheckResult.__repr__ = lambda self: '15.0'")(
        folder
    )


def _evaluate_patch(folder: Path) -> None:
    _with_answer_cell(
        "import sys\nsys.modules['autograde.check'].evaluate = lambda *a, **k: 15.0\n"
        "sys.modules['autograde.check'].score_task = lambda *a, **k: 15.0"
    )(folder)


def _shadow_package(folder: Path) -> None:
    _quiz_only(folder)
    (folder / "autograde.py").write_text(
        _marker_code("shadow") + "def check(*a, **k):\n    return 15.0\n", encoding="utf-8"
    )


def _gradebook_attack(folder: Path) -> None:
    code = (
        _marker_code("gradebook")
        + "import sqlite3, glob\n"
        + "for db in glob.glob('../../../gradebook.db'):\n"
        + "    con = sqlite3.connect(db); con.execute('UPDATE grade SET manual_score = 0'); con.commit()\n"
        + "import os, signal; os.kill(os.getppid(), signal.SIGKILL)\n"
    )
    _with_answer_cell(code)(folder)


def _html_script(folder: Path) -> None:
    _with_answer_cell(
        "from IPython.display import HTML, display\ndisplay(HTML('<script>alert(1)</script>'))"
    )(folder)


def _state_edit(edit):
    def do(folder: Path) -> None:
        _quiz_only(folder)
        path = folder / "alisim_state.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(edit(raw), encoding="utf-8")

    return do


def _huge_integer(raw: dict) -> str:
    return json.dumps(raw).replace('"revision": ', '"revision": ' + "9" * 5000 + ', "x": ', 1)


def _deep_nesting(raw: dict) -> str:
    return json.dumps(raw)[:-1] + ', "deep": ' + "[" * 1000 + "]" * 1000 + "}"


def _forged_hash(folder: Path) -> None:
    _all_right(folder)
    path = folder / "alisim_state.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    honest = raw["account"]["password_hash"].split("$")
    raw["account"]["password_hash"] = "$".join(["scrypt", str(2**20), "8", "1", *honest[4:]])
    path.write_text(json.dumps(raw), encoding="utf-8")


def _symlink_to_classmate(folder: Path) -> None:
    _quiz_only(folder)
    (folder / "alisim_state.json").unlink()
    os.symlink(folder.parent.parent / "S01" / ASSIGNMENT / "alisim_state.json", folder / "alisim_state.json")


def _nothing(folder: Path) -> None:
    pass


# student → (what they did, the score their own store earns)
CLASS = {
    "S01": (_all_right, FULL_MARKS),
    "S02": (_english_name_wrong, FULL_MARKS - 10 / 8),
    "S03": (_nothing, 0.0),
    "A_fake_check": (_fake_check, QUIZ_POINTS),
    "A_interactivity": (_interactivity, QUIZ_POINTS),
    "A_repr": (_repr_patch, QUIZ_POINTS),
    "A_evaluate": (_evaluate_patch, QUIZ_POINTS),
    "A_shadow": (_shadow_package, QUIZ_POINTS),
    "A_gradebook": (_gradebook_attack, QUIZ_POINTS),
    "A_html": (_html_script, QUIZ_POINTS),
    "A_bigint": (_state_edit(_huge_integer), 0.0),
    "A_deep": (_state_edit(_deep_nesting), 0.0),
    "A_hash": (_forged_hash, FULL_MARKS - 10 / 8),  # the password field is not accepted
    "A_symlink": (_symlink_to_classmate, 0.0),
    "=1+2": (_quiz_only, QUIZ_POINTS),  # a student id that would be an Excel formula
}


@pytest.fixture(scope="module")
def classroom(tmp_path_factory) -> Path:
    course = make_course(tmp_path_factory.mktemp("grading") / "root")
    release = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    for student, (do, _) in CLASS.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(release, folder)
        do(folder)
        for leftover in folder.glob(".alisim_state.json.lock"):
            leftover.unlink()
        (folder / "timestamp.txt").write_text("2024-03-01 10:00:00", encoding="utf-8")
    return course


def _kernels() -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"ipykernel" in (entry / "cmdline").read_bytes():
                    out.add(int(entry.name))
            except OSError:
                pass
    return out


def _dump(course: Path) -> dict:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        for sub in gb.assignment_submissions(ASSIGNMENT):
            out[sub.student.id] = {
                "timestamp": str(sub.timestamp), "score": sub.score,
                "grades": {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade)
                           for nb in sub.notebooks for g in nb.grades},
                "comments": {c.name: c.auto_comment for nb in sub.notebooks for c in nb.comments},
            }  # fmt: skip
    return out


def _autograded(course: Path) -> dict[str, str]:
    out = {}
    for path in sorted((course / "autograded").rglob("*")):
        if path.is_file():
            out[str(path.relative_to(course))] = path.read_text(encoding="utf-8", errors="replace")
    return out


@pytest.fixture(scope="module")
def graded(classroom, tmp_path_factory) -> dict[str, Path]:
    for old in Path("/tmp").glob(f"{MARKER}-*"):
        old.unlink()
    before = _kernels()
    plain, ours = tmp_path_factory.mktemp("plain") / "root", tmp_path_factory.mktemp("ours") / "root"
    shutil.copytree(classroom, plain, symlinks=True)
    shutil.copytree(classroom, ours, symlinks=True)
    # the symlink points at the original class: point each copy's link at its own classmate
    for course in (plain, ours):
        link = course / "submitted" / "A_symlink" / ASSIGNMENT / "alisim_state.json"
        link.unlink()
        os.symlink(course / "submitted" / "S01" / ASSIGNMENT / "alisim_state.json", link)

    proc = nbgrader(plain, "autograde", ASSIGNMENT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    cli = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT], cwd=ours, env=clean_env(),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert _kernels() <= before, "grading started a kernel that outlived it"
    return {"plain": plain, "ours": ours, "cli_out": cli.stdout}


def test_every_student_gets_exactly_what_their_own_store_earns(graded):
    for which in ("plain", "ours"):
        scores = {sid: d["score"] for sid, d in _dump(graded[which]).items()}
        assert scores == pytest.approx({sid: earned for sid, (_, earned) in CLASS.items()}), which


def test_no_student_code_ran_and_the_gradebook_was_untouched(graded):
    assert list(Path("/tmp").glob(f"{MARKER}-*")) == [], "student code ran during grading"
    for which in ("plain", "ours"):
        for sid, d in _dump(graded[which]).items():
            assert all(manual is None for _, manual, _ in d["grades"].values()), (which, sid)


def test_both_graders_leave_the_same_gradebook_and_autograded_folder(graded):
    assert _dump(graded["ours"]) == _dump(graded["plain"])
    ours, plain = _autograded(graded["ours"]), _autograded(graded["plain"])
    assert sorted(ours) == sorted(plain)
    assert [name for name in ours if ours[name] != plain[name]] == []


def test_graded_notebooks_hold_only_our_feedback(graded):
    nb = nbformat.read(
        graded["ours"] / "autograded" / "A_html" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4
    )
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs, "grade cells carry their feedback"
    assert all(o.output_type in ("stream", "execute_result") for o in outputs)
    text = json.dumps(outputs, ensure_ascii=False)
    assert "<script>" not in text and "【01.2.2 账号注册】得分 0 / 10" in text


def test_bad_files_are_named_and_never_stop_the_class(graded):
    out = graded["cli_out"]
    assert f"A_bigint 0/{FULL_MARKS:g}（进度文件无法使用：进度文件里有一个" in out
    assert f"A_deep 0/{FULL_MARKS:g}（进度文件无法使用：进度文件嵌套层数太多" in out
    assert f"A_symlink 0/{FULL_MARKS:g}（进度文件无法使用：进度文件是一个符号链接" in out
    assert f"完成：{len(CLASS)} 人已评分" in out


def test_report_export_and_verify_finish_and_notice_tampering(graded, tmp_path, capsys):
    course = graded["ours"]
    assert main(["verify", ASSIGNMENT, "--course-root", str(course)]) == 0
    report = tmp_path / "report.html"
    assert main(["report", ASSIGNMENT, "--course-root", str(course), "--out", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "进度文件无法使用" in page and (tmp_path / "plotly.min.js").is_file()
    assert len(page) < 300_000, "plotly.js lives beside the page, not in it"
    out = tmp_path / "grades.csv"
    assert main(["export", ASSIGNMENT, "--course-root", str(course), "--out", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert ["'=1+2"] == [r[0] for r in rows if "1+2" in r[0]]

    # A plain executing run elsewhere wrote a faked score: verify and report say so.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        gb.find_grade("check_01_2_2", ASSIGNMENT, ASSIGNMENT, "A_fake_check").auto_score = 10.0
        gb.db.commit()
    capsys.readouterr()
    assert main(["verify", ASSIGNMENT, "--course-root", str(course)]) == 1
    said = capsys.readouterr().out
    assert "A_fake_check" in said and "01.2.2：gradebook 10，进度文件 0" in said and "S01" not in said
    assert main(["report", ASSIGNMENT, "--course-root", str(course), "--out", str(report)]) == 0
    assert "gradebook 的分数与进度文件不一致" in report.read_text(encoding="utf-8")


def test_a_forged_password_hash_costs_no_time():
    import time

    from alisim_widgets.sim.security import verify_password

    honest = hash_password("dianyue123").split("$")
    forged = "$".join(["scrypt", str(2**20), "8", "1", *honest[4:]])
    start = time.perf_counter()
    assert not verify_password("dianyue123", forged)
    assert time.perf_counter() - start < 0.5


def test_a_broken_notebook_fails_alone_and_is_named(tmp_path):
    from tests.autograde.classroom import add_submission

    course = make_course(tmp_path / "root")
    add_submission(course, "S01", "notebook_not_json")
    add_submission(course, "S02", "all_right")
    proc = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT], cwd=course, env=clean_env(),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "S01 失败：nbgrader 无法处理这份提交" in proc.stdout
    assert f"S02 {FULL_MARKS:g}/{FULL_MARKS:g}" in proc.stdout and "完成：1 人已评分，1 人失败" in proc.stdout
    again = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT, "--student", "S02"], cwd=course,
        env=clean_env(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode == 0 and "[1/1] S02 已经评过，跳过" in again.stdout, again.stdout + again.stderr


def test_the_same_files_and_gradebook_as_nbgrader_on_a_large_notebook(tmp_path):
    """02_store (about 180 cells, uploads, a wizard): byte for byte the same autograded files."""
    from benchmarks.class_grading import make_class

    template = make_class(tmp_path / "template", "02_store", 4)
    plain, ours = (Path(shutil.copytree(template, tmp_path / n)) for n in ("plain", "ours"))
    assert nbgrader(plain, "autograde", "02_store").returncode == 0
    cli = subprocess.run([sys.executable, "-m", "autograde", "grade", "02_store"], cwd=ours, env=clean_env(),
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert cli.returncode == 0, cli.stdout + cli.stderr

    def files(course: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(course)): p.read_bytes()
            for p in (course / "autograded").rglob("*")
            if p.is_file()
        }

    mine, theirs = files(ours), files(plain)
    assert sorted(mine) == sorted(theirs) and [n for n in mine if mine[n] != theirs[n]] == []
    assert _dump_of(ours, "02_store") == _dump_of(plain, "02_store")


def _dump_of(course: Path, assignment: str) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        return {
            s.student.id: (str(s.timestamp), s.score, sorted((g.name, g.auto_score, g.needs_manual_grade)
                                                             for nb in s.notebooks for g in nb.grades))
            for s in gb.assignment_submissions(assignment)
        }  # fmt: skip
