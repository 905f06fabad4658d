"""The students' feedback page, rendered from a crafted graded notebook (no nbgrader run, no browser).

The same exporter set-up as ``nbgrader generate_feedback`` with the repo's config: HTMLExporter with the
template ``feedback`` from ``autograde/feedback_template`` and the ``StudentFeedback`` preprocessor (the
scores and comments that nbgrader's ``GetGrades`` would put into the metadata are set by hand here).
The browser test with a real nbgrader course is ``tests/e2e/test_feedback.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets.config import Config, PyFileConfigLoader

from autograde import exchange_setup
from autograde.feedback import WIDGET_NOTE, StudentFeedback, displays_page, render_markdown

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "autograde" / "feedback_template"
SCRIPT = "<script>alert('x')</script>"


def _nbg(**meta) -> dict:
    return {"nbgrader": {"grade": False, "solution": False, "locked": False, "task": False, **meta}}


def _graded_notebook() -> nbformat.NotebookNode:
    widget = {
        "application/vnd.jupyter.widget-view+json": {
            "model_id": "abc",
            "version_major": 2,
            "version_minor": 0,
        },
        "text/plain": "VBox(children=(HTML(value='<style>…'),))",
    }
    cells = [
        new_markdown_cell(
            "# 项目一\u3000账号注册\n\n| 项目 | 内容 |\n|---|---|\n| 公司名称 | 湖南典阅科技有限公司 |"
        ),
        new_markdown_cell(f"学生自己加的：{SCRIPT} <img src=x onerror=alert(1)> [链接](javascript:alert(1))"),
        new_code_cell(
            'registration = aw.screen_for("01.2.2", backend)\nregistration',
            outputs=[new_output("execute_result", data=widget, execution_count=1)],
        ),
        new_code_cell('aw.screen_for("01.q1", backend)'),  # graded from the state file: no outputs
        new_code_cell(
            "display(HTML(...))",
            outputs=[
                new_output("display_data", data={"text/html": f"<b>粗体</b>{SCRIPT}"}),
                new_output("display_data", data={"application/javascript": "alert(2)"}),
                new_output(
                    "display_data", data={"text/html": "<i>x</i>", "text/plain": "<IPython.HTML object>"}
                ),
                new_output(
                    "error", ename="NameError", evalue="name 'x' is not defined", traceback=["\x1b[31m…"]
                ),
            ],
        ),
        new_code_cell("pass", metadata=_nbg(solution=True, grade_id="answer_01_2_2", comment="No response.")),
        new_code_cell(
            'check("01.2.2", backend)',
            metadata=_nbg(grade=True, locked=True, grade_id="check_01_2_2", points=10, score=7.5),
            outputs=[
                new_output(
                    "stream",
                    name="stdout",
                    text="【01.2.2 账号注册】得分 7.5 / 10\n  ✔ 公司名称：正确\n  ✘ 英文姓名：与任务要求不一致\n",
                ),  # fmt: skip
                new_output(
                    "execute_result", data={"text/plain": "7.5", "text/html": SCRIPT}, execution_count=2
                ),
            ],
        ),
        new_code_cell(
            "registration.fill(email=1)",
            metadata=_nbg(solution=True, grade_id="answer_b", comment="老师：**写得好**<script>x</script>"),
        ),
    ]
    nb = new_notebook(cells=cells, metadata={"title": "项目一 账号注册"})
    return nb


@pytest.fixture(scope="module")
def page() -> str:
    exporter = HTMLExporter(
        config=Config(
            {"HTMLExporter": {"template_name": "feedback", "extra_template_basedirs": [str(TEMPLATES)]}}
        )
    )
    exporter.register_preprocessor(StudentFeedback(parent=exporter))
    resources = {
        "nbgrader": {"notebook": "01_account", "assignment": "01_account", "student": "S01", "score": 7.5,
                     "max_score": 10, "late_penalty": 0},
    }  # fmt: skip
    body, _ = exporter.from_notebook_node(_graded_notebook(), resources=resources)
    return body


def test_frame_is_chinese_and_summary_at_top(page):
    for text in ("作业反馈", "评分一览", "题目", "得分", "评语", "总分", "你的笔记本", "未作答", "学号：S01"):
        assert text in page, text
    for english in ("Test cell", "Student's answer", "No response", "Comment", "Score:", "Grade cell"):
        assert english not in page, english
    summary = page[page.index('id="summary"') : page.index("你的笔记本")]
    assert "01.2.2" in summary and "账号注册" in summary and "7.5 / 10" in summary
    assert "✘ 英文姓名：与任务要求不一致" in summary


def test_markdown_tables_render(page):
    assert re.search(r"<table>\s*<thead>\s*<tr>\s*<th>项目</th>", page)
    assert "<td>湖南典阅科技有限公司</td>" in page


def test_nothing_live_from_the_student(page):
    assert "<script" not in page.lower()
    assert "onerror=" not in page.replace("onerror=alert(1)&gt;", "")  # only as escaped text
    assert "javascript:" not in page
    assert "alert(2)" not in page  # application/javascript dropped
    assert "&lt;script&gt;" in page  # the student's markdown shown as text
    assert 'http-equiv="Content-Security-Policy"' in page and "default-src 'none'" in page
    assert "<link" not in page and 'src="http' not in page and 'href="http' not in page


def test_widgets_become_a_note(page):
    assert "VBox(" not in page and "HTML(value=" not in page
    assert page.count(WIDGET_NOTE) == 2  # the widget output and the output-less page cell
    assert "运行出错：NameError" in page
    assert "&lt;IPython.HTML object&gt;" in page


def test_teacher_comment_escaped_and_rendered(page):
    assert "<strong>写得好</strong>" in page and "老师评语" in page


def test_displays_page():
    assert displays_page("registration = aw.screen_for('01.2.2', backend)\nregistration")
    assert displays_page("SelfCheck(backend, '01.2.2')")
    assert not displays_page("print(1)")
    assert not displays_page("x = 1")
    assert not displays_page("def (")


def test_render_markdown_escapes_raw_html():
    assert render_markdown("<b>x</b>") == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"


def test_students_config_agrees_with_the_course_config():
    """setup_exchange.sh writes what the repo's nbgrader_config.py says: the course id and the ignore list."""
    repo = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert repo.CourseDirectory.course_id == exchange_setup.COURSE_ID
    assert set(repo.CourseDirectory.ignore) == set(exchange_setup.STUDENT_IGNORE)
    assert repo.GenerateFeedback.preprocessors[-1] == "autograde.feedback.StudentFeedback"
    assert Path(repo.HTMLExporter.extra_template_basedirs[0]).resolve() == TEMPLATES.resolve()


def test_students_config_is_valid_python(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        exchange_setup.student_config(tmp_path / "ex"), encoding="utf-8"
    )
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    assert cfg.Exchange.root == str(tmp_path / "ex")
    assert cfg.CourseDirectory.course_id == "alisim"
    assert ".alisim_state.json.lock" in cfg.CourseDirectory.ignore
