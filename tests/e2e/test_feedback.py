"""The feedback page a student reads, end to end: a real nbgrader course, ``nbgrader autograde`` and
``nbgrader generate_feedback`` with the repository's config, the HTML opened in chromium.

One student of 01_account registered with two wrong fields (英文姓名, 手机号码) and answered Q2 wrong; they
also added a markdown cell of their own with a script and an image from the internet. The page must be
Chinese, show the summary of every graded task with the per-field feedback at the top, show no widget repr,
run nothing of the student's and request nothing from any host (it is opened offline, from a file).

Written for whichever way ``nbgrader autograde`` grades (executing the notebook, or from the saved
``alisim_state.json`` without a kernel): the assertions are on what the student must read either way.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell
from nbgrader.api import Gradebook

from tests.autograde.classroom import ASSIGNMENT, FULL_MARKS, add_submission, make_course, nbgrader
from tests.e2e.browser import require_chromium

pytestmark = pytest.mark.slow
require_chromium()

STUDENT = "S01"
EXPECTED = FULL_MARKS - 2 * 10 / 8 - 1  # "two_fields_wrong": two of the eight registration fields, and Q2
HOSTILE_MD = (
    "我的笔记 <script>document.title='HACKED'</script>\n\n"
    "![外部图片](http://example.com/track.png) <img src=x onerror=\"document.title='HACKED'\">"
)


@pytest.fixture(scope="module")
def feedback(tmp_path_factory) -> tuple[Path, float]:
    course = make_course(tmp_path_factory.mktemp("feedback_course"))
    folder = add_submission(course, STUDENT, "two_fields_wrong")
    path = folder / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(2, new_markdown_cell(HOSTILE_MD))  # a cell of the student's own
    nbformat.write(nb, path)

    proc = nbgrader(course, "autograde", ASSIGNMENT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = nbgrader(course, "generate_feedback", ASSIGNMENT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "alisim") as gb:
        score = gb.find_submission(ASSIGNMENT, STUDENT).score
    html = course / "feedback" / STUDENT / ASSIGNMENT / f"{ASSIGNMENT}.html"
    assert html.is_file(), proc.stdout + proc.stderr
    return html, score


def test_graded_as_expected(feedback):
    _, score = feedback
    assert score == pytest.approx(EXPECTED)


def test_feedback_page_in_chromium(feedback, browser, artifacts):
    html, score = feedback
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="zh-CN")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        text = page.inner_text("body")
        summary = page.inner_text("table.summary")
        page.screenshot(path=str(artifacts / "feedback_01_account.png"), full_page=False)
        title = page.title()
        markdown_tables = page.locator(".md table").count()
        links_out = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    finally:
        context.close()

    # The Chinese frame, and nothing of nbgrader's English one.
    for word in ("作业反馈", "评分一览", "题目", "得分", "评语", "总分", "你的笔记本"):
        assert word in text, word
    for english in ("Test cell", "Student's answer", "No response", "Comments", "Score:", "Grade cell"):
        assert english not in text, english
    # No widget repr, a short Chinese note instead.
    assert "VBox(" not in text and "HTML(value=" not in text
    assert "此处是后台页面" in text
    # The summary at the top: every graded task with its score, the wrong fields named.
    assert f"总分：{score:g} / {FULL_MARKS:g}" in text
    assert "01.2.2" in summary and "账号注册" in summary and "7.5 / 10" in summary
    for qid in ("01.q1", "01.q2", "01.q3", "01.q4", "01.q5"):
        assert qid in summary, qid
    wrong = [line for line in summary.splitlines() if "✘" in line]
    assert any("英文姓名" in line for line in wrong), summary
    assert any("手机号码" in line for line in wrong), summary
    assert any("答案" in line for line in wrong), summary  # Q2
    assert "13666301234" not in summary, "the feedback gives the expected value away"
    # Markdown renders, tables too (the task statement's table of 01.2.2).
    assert markdown_tables >= 1
    # The student's markup is text, never live; nothing is fetched from anywhere.
    assert title != "HACKED" and not errors, errors
    assert "<script>document.title='HACKED'</script>" in text
    remote = [u for u in requests if urlparse(u).scheme not in ("file", "data", "about")]
    assert all(urlparse(u).hostname in ("localhost", "127.0.0.1") for u in remote), remote
    assert not [h for h in links_out if h and urlparse(h).scheme == "javascript"], links_out


def test_formgrader_button_makes_the_same_page(feedback):
    """formgrader's 生成反馈 goes through NbGraderAPI, which forces the template name "feedback": still ours."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import PyFileConfigLoader

    html, _ = feedback
    course = html.parents[3]
    cli_page = html.read_text(encoding="utf-8")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    result = NbGraderAPI(config=config).generate_feedback(ASSIGNMENT, STUDENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    api_page = html.read_text(encoding="utf-8")
    assert "评分一览" in api_page and "Test cell" not in api_page
    assert api_page == cli_page
