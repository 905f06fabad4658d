"""The teacher's CLI (python -m autograde grade / report / export) and the API under it.

Fast tests build the class's stores by driving the screens (no notebook is executed) and, where a gradebook
is needed, write it through nbgrader's Gradebook API as autograde would. Slow tests run real nbgrader:
parallel grading must leave the same gradebook and autograded notebooks as serial ``nbgrader autograde``.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import alisim_widgets as aw
from autograde import evaluate
from autograde.cli import main
from autograde.course import open_course, task_columns
from autograde.grading import grade_class, merge_rows
from autograde.report import class_results, grade_table, render_html
from tests.autograde.classroom import (
    ASSIGNMENT,
    FULL_MARKS,
    SLOW_VARIANTS,
    VARIANTS,
    add_submission,
    clean_env,
    make_course,
    nbgrader,
)

HERE = Path(__file__).resolve().parent
# nbgrader's own add_submission trips SQLAlchemy autoflush warnings; they are not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


# --- fixtures ---------------------------------------------------------------------------------------------
def store_of(course: Path, student: str) -> Path:
    return course / "submitted" / student / ASSIGNMENT / "alisim_state.json"


def synthetic_gradebook(
    course: Path, students: list[str], names: dict[str, tuple[str, str]] | None = None
) -> None:
    """The gradebook nbgrader would leave: the assignment's grade cells, and each student's auto scores
    (what the grade cells give on the student's store)."""
    from nbgrader.api import Gradebook

    columns = task_columns(course / "course" / ASSIGNMENT)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        gb.update_or_create_assignment(ASSIGNMENT)
        gb.add_notebook(ASSIGNMENT, ASSIGNMENT)
        for notebook, grade_id, _, points in columns:
            gb.add_grade_cell(grade_id, notebook, ASSIGNMENT, max_score=points, cell_type="code")
        nb = nbformat.read(course / "course" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and not meta.get("grade"):
                gb.add_solution_cell(meta["grade_id"], ASSIGNMENT, ASSIGNMENT)
        for sid, (first, last) in (names or {}).items():
            gb.update_or_create_student(sid, first_name=first, last_name=last)
        for sid in students:
            gb.update_or_create_student(sid)
            gb.add_submission(ASSIGNMENT, sid)
            backend = aw.open_backend(ASSIGNMENT, path=store_of(course, sid).parent)
            for notebook, grade_id, task, _ in columns:
                grade = gb.find_grade(grade_id, notebook, ASSIGNMENT, sid)
                grade.auto_score = float(evaluate(task, backend))
                grade.needs_manual_grade = False
        gb.db.commit()


CLASS = ["all_right", "english_name_wrong", "english_name_wrong", "english_name_wrong", "two_fields_wrong",
         "quiz_only", "nothing", "corrupt_state"]  # fmt: skip


NAMES = {"S01": ("<script>alert(1)</script>", "王"), "S02": ("小明", "李"), "S99": ("Tom", "Smith")}


@pytest.fixture(scope="module")
def _class_template(tmp_path_factory) -> Path:
    course = make_course(tmp_path_factory.mktemp("stores") / "root", generate=False)
    for i, variant in enumerate(CLASS):
        add_submission(course, f"S{i + 1:02d}", variant)
    return course


@pytest.fixture(scope="module")
def _graded_template(_class_template, tmp_path_factory) -> Path:
    course = tmp_path_factory.mktemp("graded") / "root"
    shutil.copytree(_class_template, course)
    synthetic_gradebook(course, [f"S{i:02d}" for i in range(1, 9)], names=NAMES)  # S99 never handed in
    return course


@pytest.fixture
def store_course(_class_template, tmp_path) -> Path:
    """A course with S01…S08 doing the CLASS variants on the screens (nothing executed, no gradebook)."""
    return Path(shutil.copytree(_class_template, tmp_path / "course_root"))


@pytest.fixture
def graded_course(_graded_template, tmp_path) -> Path:
    """``store_course`` with the gradebook nbgrader autograde would leave (students named as in NAMES)."""
    return Path(shutil.copytree(_graded_template, tmp_path / "course_root"))


def gradebook(course: Path):
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim")


def run_cli(*args: str, capsys) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- report (fast) ----------------------------------------------------------------------------------------
def test_report_counts_each_mistake_by_field_without_touching_the_stores(store_course):
    before = {p: p.read_bytes() for p in store_course.glob("submitted/*/*/*")}
    results = class_results(open_course(store_course), ASSIGNMENT)

    assert [s.student for s in results.students] == [f"S{i:02d}" for i in range(1, 9)]
    fields = {f.label: f for f in results.field_stats()}
    assert fields["01.2.2 英文姓名"].wrong == 4  # three "Long Zhang" and one "Zhang Hu"
    assert fields["01.2.2 手机号码"].wrong == 1
    assert fields["01.2.2 公司名称"].wrong == 0
    assert fields["01.2.2 英文姓名"].undone == 3  # quiz only, nothing handed in, corrupt store
    assert fields["01.q2 知识检测 Q2"].wrong == 1
    mistakes = [text for _, text in results.common_mistakes()]
    assert mistakes[0] == "01.2.2 英文姓名：4 人不一致"
    assert "01.2.2 账号注册：3 人没有完成" in mistakes
    assert "01.2.2 手机号码：1 人不一致" in mistakes

    by_id = {s.student: s for s in results.students}
    assert by_id["S01"].score == FULL_MARKS and by_id["S01"].mistakes() == []
    assert by_id["S02"].score == pytest.approx(FULL_MARKS - 10 / 8)
    assert by_id["S02"].mistakes() == ["01.2.2 英文姓名"]
    assert by_id["S07"].store == "" and by_id["S07"].score == 0
    assert "损坏" in by_id["S08"].problem
    assert not results.graded  # no gradebook yet: the totals are the re-checked stores'

    after = {p: p.read_bytes() for p in store_course.glob("submitted/*/*/*")}
    assert after == before, "the report must not change or back up any student's file"


def test_report_html_is_self_contained_escaped_and_in_chinese(graded_course):
    page = render_html(class_results(open_course(graded_course), ASSIGNMENT))

    assert "<script>alert(1)</script>" not in page
    assert "王&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<td>李小明</td>" in page
    assert not re.search(r"<script[^>]*\bsrc=", page), "plotly.js must be inline (the page works offline)"
    assert page.count("Plotly.newPlot") == 3
    for heading in (
        "总分分布（满分 15）",
        "各任务出错率",
        "各字段出错率",
        "最常见的错误",
        "01.2.2 英文姓名：4 人不一致",
    ):
        # Chart titles sit in plotly's JSON: \uXXXX escapes without orjson, plain UTF-8 with it.
        assert heading in page or json.dumps(heading)[1:-1] in page, heading


def test_report_takes_totals_from_the_gradebook(graded_course):
    with gradebook(graded_course) as gb:
        gb.remove_submission(ASSIGNMENT, "S08")  # not graded yet
        gb.find_grade(
            "check_01_2_2", ASSIGNMENT, ASSIGNMENT, "S01"
        ).manual_score = 9  # the teacher's override
        gb.db.commit()
    results = class_results(open_course(graded_course), ASSIGNMENT)
    by_id = {s.student: s for s in results.students}
    assert by_id["S01"].total == 14 and by_id["S01"].estimated == FULL_MARKS
    assert by_id["S08"].total is None and not results.graded
    page = render_html(results)
    assert re.search(r"<td class='num'>0 \*</td>", page), "an ungraded student's estimate is marked"


# --- export (fast) ----------------------------------------------------------------------------------------
def test_export_writes_excel_readable_csv_with_one_column_per_task(graded_course, tmp_path, capsys):
    out = tmp_path / "成绩.csv"

    code, stdout, _ = run_cli(
        "export", ASSIGNMENT, "--course-root", str(graded_course), "--out", str(out), capsys=capsys
    )
    assert code == 0 and "已导出成绩表" in stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so that Excel reads the Chinese"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["学号", "姓名", "总分", "满分", "01.2.2 账号注册", "01.q1 知识检测 Q1", "01.q2 知识检测 Q2",
                       "01.q3 知识检测 Q3", "01.q4 知识检测 Q4", "01.q5 知识检测 Q5", "状态"]  # fmt: skip
    table = {r[0]: r for r in rows[1:]}
    assert table["S01"] == [
        "S01",
        "王<script>alert(1)</script>",
        "15",
        "15",
        "10",
        "1",
        "1",
        "1",
        "1",
        "1",
        "已评分",
    ]
    assert table["S02"][:5] == ["S02", "李小明", "13.75", "15", "8.75"]
    assert table["S05"][2:5] == ["11.5", "15", "7.5"]
    assert table["S06"][2:5] == ["5", "15", "0"]  # quiz only
    assert table["S99"] == ["S99", "Tom Smith", "", "15", "", "", "", "", "", "", "未提交"]
    assert len(table) == 9


def test_export_before_grading_says_what_to_do(store_course, capsys):
    with gradebook(store_course) as gb:
        gb.update_or_create_assignment(ASSIGNMENT)
    code, _, err = run_cli("export", ASSIGNMENT, "--course-root", str(store_course), capsys=capsys)
    assert code == 2 and "还没有评分结果" in err and f"python -m autograde grade {ASSIGNMENT}" in err
    with pytest.raises(Exception, match="还没有评分结果"):
        grade_table(open_course(store_course), ASSIGNMENT)


# --- errors and help (fast) -------------------------------------------------------------------------------
def test_clear_chinese_errors(store_course, tmp_path, capsys):
    code, _, err = run_cli("grade", ASSIGNMENT, "--course-root", str(tmp_path), capsys=capsys)
    assert code == 2 and "nbgrader 还没有配置" in err and "nbgrader_config.py" in err

    code, _, err = run_cli("report", "99_nothing", "--course-root", str(store_course), capsys=capsys)
    assert code == 2 and "没有这个作业：99_nothing" in err and "01_account" in err

    code, _, err = run_cli("grade", ASSIGNMENT, "--course-root", str(store_course), capsys=capsys)
    assert code == 2 and "nbgrader generate_assignment 01_account" in err  # no gradebook yet

    empty = make_course(tmp_path / "empty", generate=False)
    code, _, err = run_cli("report", ASSIGNMENT, "--course-root", str(empty), capsys=capsys)
    assert code == 2 and "还没有学生提交" in err and "nbgrader collect 01_account" in err

    with pytest.raises(SystemExit) as exit_info:
        main(["grade", ASSIGNMENT, "--jobs", "0"])
    assert exit_info.value.code == 2 and "--jobs/-j：至少是 1（收到 0）" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["regrade", ASSIGNMENT])
    assert "不认识的命令：regrade（可选：grade、report、export）" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command, phrases",
    [
        ([], ["并行自动评分", "班级成绩报告", "导出成绩表", "显示这段帮助并退出"]),
        (["grade"], ["用法：", "同时评分的进程数", "课程根目录", "--force", "重试一次"]),
        (["report"], ["输出的 HTML 文件", "最常见的错误", "作业名称"]),
        (["export"], ["带 BOM 的 UTF-8", "输出的 CSV 文件"]),
    ],
)
def test_help_is_chinese(command, phrases, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "-h"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for phrase in phrases:
        assert phrase in text
    assert "show this help" not in text and "usage:" not in text


# --- merging and the worker pool (fast, with a scripted worker) -------------------------------------------
def _rows(score_check: float, quiz: float = 1.0, stamp: str | None = "2024-03-01T10:00:00") -> dict:
    grades = {"check_01_2_2": [score_check, False], **{f"q{n}_check": [quiz, False] for n in range(1, 6)}}
    return {
        "timestamp": stamp, "score": score_check + 5 * quiz, "max_score": FULL_MARKS, "needs_manual_grade": False,
        "notebooks": {ASSIGNMENT: {"late_submission_penalty": None, "grades": grades,
                                   "comments": {"answer_01_2_2": "No response."}}},
    }  # fmt: skip


def test_merge_writes_autograde_rows_and_keeps_manual_grades(graded_course):
    with gradebook(graded_course) as gb:
        gb.find_grade("q1_check", ASSIGNMENT, ASSIGNMENT, "S01").manual_score = 0.5
        gb.find_comment("answer_01_2_2", ASSIGNMENT, ASSIGNMENT, "S01").manual_comment = "写得好"
        gb.db.commit()
        merge_rows(gb, ASSIGNMENT, "S01", _rows(7.5))
        merge_rows(gb, ASSIGNMENT, "S42", _rows(10))  # a student the gradebook did not know yet

    with gradebook(graded_course) as gb:
        check = gb.find_grade("check_01_2_2", ASSIGNMENT, ASSIGNMENT, "S01")
        assert (check.auto_score, check.score, check.needs_manual_grade) == (7.5, 7.5, False)
        q1 = gb.find_grade("q1_check", ASSIGNMENT, ASSIGNMENT, "S01")
        assert (q1.auto_score, q1.manual_score, q1.score) == (1.0, 0.5, 0.5)
        comment = gb.find_comment("answer_01_2_2", ASSIGNMENT, ASSIGNMENT, "S01")
        assert (comment.auto_comment, comment.manual_comment) == ("No response.", "写得好")
        assert gb.find_submission(ASSIGNMENT, "S01").timestamp.isoformat() == "2024-03-01T10:00:00"
        assert gb.find_submission(ASSIGNMENT, "S42").score == FULL_MARKS


def _scripted(monkeypatch, tmp_path, script: dict, rows: dict, no_start: bool = False) -> list[str]:
    state = tmp_path / "attempts"
    state.mkdir()
    monkeypatch.setenv("FAKE_WORKER_SCRIPT", json.dumps(script))
    monkeypatch.setenv("FAKE_WORKER_ROWS", json.dumps(rows))
    monkeypatch.setenv("FAKE_WORKER_STATE", str(state))
    if no_start:
        monkeypatch.setenv("FAKE_WORKER_NO_START", "1")
    return [sys.executable, str(HERE / "fake_worker.py")]


def test_pool_retries_infrastructure_failures_once_and_never_stops_the_class(
    graded_course, tmp_path, monkeypatch
):
    course = graded_course
    script = {"S02": ["infra", "ok"], "S03": ["crash", "ok"], "S04": ["broken"], "S05": ["infra", "infra"]}
    rows = {f"S{i:02d}": _rows(10 - i) for i in range(1, 9)}
    command = _scripted(monkeypatch, tmp_path, script, rows)
    progress, retries = [], []

    outcome = grade_class(
        open_course(course), ASSIGNMENT, jobs=2, worker_command=command,
        progress=lambda done, total, r: progress.append((done, total, r.student)), on_retry=retries.append,
    )  # fmt: skip

    by_id = {r.student: r for r in outcome.results}
    assert [p[:2] for p in progress] == [(n, 8) for n in range(1, 9)]
    assert {p[2] for p in progress} == set(by_id) == {f"S{i:02d}" for i in range(1, 9)}
    assert sorted(r.student for r in retries) == ["S02", "S03", "S05"]
    assert (by_id["S02"].status, by_id["S02"].attempts, by_id["S02"].score) == ("graded", 2, 13)
    assert (by_id["S03"].status, by_id["S03"].attempts) == ("graded", 2)
    assert not (course / "autograded" / "S03").exists() or not any(
        (course / "autograded" / "S03").rglob("*.ipynb")
    )
    assert (by_id["S04"].status, by_id["S04"].attempts) == ("failed", 1)  # a broken submission: not retried
    assert "不是有效的 JSON" in by_id["S04"].reason
    assert (by_id["S05"].status, by_id["S05"].attempts) == ("failed", 2)
    assert [r.student for r in outcome.failed] == ["S04", "S05"]

    with gradebook(course) as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    merged = ("S01", "S02", "S03", "S06", "S07", "S08")
    assert {sid: scores[sid] for sid in merged} == {sid: rows[sid]["score"] for sid in merged}
    assert scores["S04"] == FULL_MARKS - 10 / 8, "a failed student's earlier grades stay as they were"


def test_pool_gives_up_a_student_that_hangs(graded_course, tmp_path, monkeypatch):
    course = graded_course
    command = _scripted(
        monkeypatch, tmp_path, {"S02": ["hang"]}, {f"S{i:02d}": _rows(10) for i in range(1, 9)}
    )
    outcome = grade_class(open_course(course), ASSIGNMENT, jobs=2, worker_command=command, student_timeout=3)
    by_id = {r.student: r for r in outcome.results}
    assert (
        by_id["S02"].status == "failed" and "评分超时" in by_id["S02"].reason and by_id["S02"].attempts == 1
    )
    assert [r.student for r in outcome.failed] == ["S02"]


def test_pool_reports_every_student_when_nbgrader_cannot_start(graded_course, tmp_path, monkeypatch):
    course = graded_course
    command = _scripted(monkeypatch, tmp_path, {}, {}, no_start=True)
    outcome = grade_class(open_course(course), ASSIGNMENT, jobs=2, worker_command=command)
    assert len(outcome.results) == 8 and len(outcome.failed) == 8
    assert all("启动失败" in r.log or "无法启动" in r.reason for r in outcome.failed)
    assert any("SyntaxError (simulated)" in r.log for r in outcome.failed)


# --- real nbgrader (slow) ---------------------------------------------------------------------------------
CELL_TIMEOUT_S = 5  # instead of the course's 60 s, so that the endless loop costs seconds


@pytest.fixture(scope="module")
def class_course(tmp_path_factory) -> Path:
    """A generated 01_account with one student per VARIANT (S01…S09) and an endless loop (S10)."""
    course = make_course(tmp_path_factory.mktemp("class") / "root")
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"c.Execute.timeout = {CELL_TIMEOUT_S}\n")  # both graders read the course's config
    for i, variant in enumerate(VARIANTS):
        add_submission(course, f"S{i + 1:02d}", variant)
    add_submission(course, "S10", "endless_loop")
    return course


def _gradebook_dump(course: Path) -> dict:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        for sub in gb.assignment_submissions(ASSIGNMENT):
            out[sub.student.id] = {
                "timestamp": sub.timestamp, "score": sub.score, "needs_manual_grade": sub.needs_manual_grade,
                "notebooks": {
                    nb.name: {
                        "late": nb.late_submission_penalty,
                        "grades": {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade) for g in nb.grades},
                        "comments": {c.name: (c.auto_comment, c.manual_comment) for c in nb.comments},
                    }
                    for nb in sub.notebooks
                },
            }  # fmt: skip
    return out


_VOLATILE = [
    (re.compile(r'"model_id": "[0-9a-f]{32}"'), '"model_id": "…"'),
    (re.compile(r"unusable-\d{8}-\d{6}"), "unusable-…"),  # backup names carry the wall clock
]


def _outputs(cell) -> list:
    """The cell's outputs with consecutive stream outputs joined: the kernel sends ``print`` text in one or two
    messages depending on timing (two serial nbgrader runs differ in the same way); the text is the same."""
    out: list = []
    for o in cell.get("outputs", []):
        if (
            o.output_type == "stream"
            and out
            and out[-1].get("output_type") == "stream"
            and out[-1]["name"] == o.name
        ):
            out[-1] = {**out[-1], "text": out[-1]["text"] + o.text}
        else:
            out.append(dict(o))
    return out


def _autograded(course: Path) -> dict[str, str]:
    """Every autograded file, notebooks reduced to what grading decides (sources, outputs, nbgrader metadata)."""
    out = {}
    for path in sorted((course / "autograded").rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(course))
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            cells = [(c.source, _outputs(c), c.metadata.get("nbgrader")) for c in nb.cells]
            text = json.dumps(cells, ensure_ascii=False, sort_keys=True, default=dict)
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        for pattern, repl in _VOLATILE:
            text, name = pattern.sub(repl, text), pattern.sub(repl, name)
        out[name] = text
    return out


@pytest.mark.slow
def test_parallel_grade_equals_serial_nbgrader_autograde(class_course, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(class_course, serial)
    shutil.copytree(class_course, parallel)

    proc = nbgrader(serial, "autograde", ASSIGNMENT)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # nbgrader's exit code for one broken submission
    cli = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT, "--jobs", "2"], cwd=parallel, env=clean_env(),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert cli.returncode == 1, cli.stdout + cli.stderr  # one student failed, every other one graded
    lines = cli.stdout.splitlines()
    students = {f"S{i + 1:02d}": v for i, v in enumerate(VARIANTS)}
    expectations = {
        **{sid: VARIANTS[v][1] for sid, v in students.items()},
        "S10": SLOW_VARIANTS["endless_loop"][1],
    }
    for sid, expected in expectations.items():
        line = next(ln for ln in lines if re.match(rf"\[\s*\d+/10\] {sid} ", ln))
        if expected is None:
            assert "失败：笔记本文件已损坏" in line, line
        else:
            assert f" {sid} {expected:g}/15（" in line, line
    assert "完成：9 人已评分，1 人失败；2 个进程" in cli.stdout

    # The same gradebook, row by row, and the same autograded files.
    dump = _gradebook_dump(parallel)
    assert dump == _gradebook_dump(serial)
    assert {sid: d["score"] for sid, d in dump.items() if expectations[sid] is not None} == {
        sid: total for sid, total in expectations.items() if total is not None
    }
    ours, theirs = _autograded(parallel), _autograded(serial)
    assert sorted(ours) == sorted(theirs)
    assert [n for n in ours if ours[n] != theirs[n]] == []

    # nbgrader's own next step works on our result.
    proc = nbgrader(parallel, "generate_feedback", ASSIGNMENT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    feedback = (parallel / "feedback" / "S01" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert "15.0 / 15.0" in feedback or "15 / 15" in feedback

    # Report and export read the real gradebook.
    out = tmp_path / "grades.csv"
    assert main(["export", ASSIGNMENT, "--course-root", str(parallel), "--out", str(out)]) == 0
    table = {r[0]: r for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()[1:])}
    assert table["S02"][2] == f"{VARIANTS['english_name_wrong'][1]:g}" and table["S09"][-1] == "待人工评分"
    report = tmp_path / "report.html"
    assert main(["report", ASSIGNMENT, "--course-root", str(parallel), "--out", str(report)]) == 0
    assert "01.2.2 英文姓名：2 人不一致" in report.read_text(encoding="utf-8")

    # A second run grades only what is new, like nbgrader autograde without --force.
    again = subprocess.run(
        [sys.executable, "-m", "autograde", "grade", ASSIGNMENT, "--student", "S01"], cwd=parallel,
        env=clean_env(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode == 0 and "[1/1] S01 已经评过，跳过" in again.stdout, again.stdout + again.stderr


@pytest.mark.slow
def test_a_kernel_that_dies_at_start_is_retried_on_the_real_worker(class_course, tmp_path, monkeypatch):
    course = tmp_path / "root"
    shutil.copytree(class_course, course, ignore=shutil.ignore_patterns("S0[3-9]", "S1[0-9]"))
    monkeypatch.setenv("FLAKY_STUDENT", "S02")
    monkeypatch.setenv("FLAKY_STATE", str(tmp_path / "killed"))
    for key in [k for k in list(__import__("os").environ) if k.startswith(("ALISIM_", "NBGRADER_"))]:
        monkeypatch.delenv(key)
    retries = []

    outcome = grade_class(open_course(course), ASSIGNMENT, jobs=1, on_retry=retries.append,
                          worker_command=[sys.executable, str(HERE / "flaky_worker.py")])  # fmt: skip

    assert (tmp_path / "killed").exists(), "the kernel was killed once"
    assert [r.student for r in retries] == ["S02"]
    assert "评分环境出错" in retries[0].reason
    by_id = {r.student: r for r in outcome.results}
    assert (by_id["S01"].status, by_id["S01"].score) == ("graded", FULL_MARKS)
    assert (by_id["S02"].status, by_id["S02"].attempts, by_id["S02"].score) == (
        "graded", 2, VARIANTS["english_name_wrong"][1],
    )  # fmt: skip
