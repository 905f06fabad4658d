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
from pathlib import Path

import nbformat
import pytest

import alisim_widgets as aw
from autograde.check import score_task as evaluate
from autograde.cli import main
from autograde.course import open_course, task_columns
from autograde.report import class_results, grade_table, render_html
from tests.autograde.classroom import (
    ASSIGNMENT,
    FULL_MARKS,
    add_submission,
    make_course,
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
    # Every list, not the top ten: each knowledge check adds a "2 人没有完成" line above the 1-person ones.
    mistakes = [text for _, text in results.common_mistakes(limit=100)]
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
    assert "<td class='id'>李小明</td>" in page
    # plotly.js is one file beside the page (written by write_report), never fetched from a network
    assert re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page) == ["plotly.min.js"]
    assert "cdn" not in page.lower()
    assert page.count("Plotly.newPlot") == 3
    for heading in (
        f"总分分布（满分 {FULL_MARKS:g}）",
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
    assert by_id["S01"].total == FULL_MARKS - 1 and by_id["S01"].estimated == FULL_MARKS  # 10 → 9
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
    # Totals follow FULL_MARKS (01.2.2's 10 + one point per knowledge check), so a new question is one edit.
    full = f"{FULL_MARKS:g}"
    questions = int(FULL_MARKS) - 10
    quiz_columns = [f"01.q{n} 知识检测 Q{n}" for n in range(1, questions + 1)]
    assert rows[0] == ["学号", "姓名", "总分", "满分", "01.2.2 账号注册", *quiz_columns, "状态"]
    table = {r[0]: r for r in rows[1:]}
    assert table["S01"] == [
        "S01",
        "王<script>alert(1)</script>",
        full,
        full,
        "10",
        *["1"] * questions,
        "已评分",
    ]
    assert table["S02"][:5] == ["S02", "李小明", f"{FULL_MARKS - 10 / 8:g}", full, "8.75"]
    assert table["S05"][2:5] == [f"{FULL_MARKS - 2 * 10 / 8 - 1:g}", full, "7.5"]
    assert table["S06"][2:5] == [f"{questions:g}", full, "0"]  # quiz only
    assert table["S99"] == [
        "S99",
        "Tom Smith",
        "",
        full,
        *[""] * (questions + 1),
        "未提交",
    ]  # 01.2.2 and each question
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
    assert exit_info.value.code == 2 and "不认识的参数：--jobs 0" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["regrade", ASSIGNMENT])
    assert "不认识的命令：regrade（可选：grade、verify、report、export）" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command, phrases",
    [
        ([], ["按进度文件自动评分", "班级成绩报告", "导出成绩表", "显示这段帮助并退出"]),
        (["grade"], ["用法：", "不运行", "课程根目录", "--force", "--execute"]),
        (["verify"], ["gradebook", "退出码为 1"]),
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
