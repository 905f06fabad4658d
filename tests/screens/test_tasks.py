"""The task checklist: in practice mode it says when a saved answer is wrong; in exam mode only that it is saved."""

from __future__ import annotations

import json

import pytest

from alisim_widgets.screens.tasks import TaskChecklist
from alisim_widgets.sim.config import CONFIG_FILENAME
from tests.data import REGISTRATION

TASKS = {"01.2.2": "账号注册", "01.q2": "知识检测 2", "01.q3": "知识检测 3", "01.q5": "知识检测 5"}


@pytest.fixture
def backend(make_backend):
    backend = make_backend("01_account")
    code = backend.account.request_code(REGISTRATION["mobile"])
    backend.account.register({**REGISTRATION, "company_name": "湖南典阅", "verification_code": code})
    backend.quiz.answer("01.q2", ["29800 元/年"])  # right
    backend.quiz.answer("01.q3", ["5 个"])  # wrong
    return backend


def _badges(checklist: TaskChecklist) -> dict[str, str]:
    return {tid: checklist.status(tid)[0] for tid in TASKS}


def test_practice_mode_says_which_saved_answers_are_wrong(backend):
    checklist = TaskChecklist(backend, TASKS)
    assert _badges(checklist) == {
        "01.2.2": "已提交·有待修改",
        "01.q2": "已作答·正确",
        "01.q3": "已作答·有误",
        "01.q5": "未完成",
    }
    assert "已作答·有误" in checklist.html.value and "alisim-badge warn" in checklist.html.value
    assert "任务进度：3 / 4" in checklist.html.value


def test_exam_mode_never_says_right_or_wrong(backend, tmp_path):
    (tmp_path / CONFIG_FILENAME).write_text(json.dumps({"mode": "exam"}), encoding="utf-8")
    checklist = TaskChecklist(backend, TASKS)
    assert checklist.exam
    assert _badges(checklist) == {"01.2.2": "已提交", "01.q2": "已作答", "01.q3": "已作答", "01.q5": "未完成"}
    html = checklist.html.value
    assert "有误" not in html and "正确" not in html and "有待修改" not in html


def test_a_corrected_answer_shows_as_right(backend):
    checklist = TaskChecklist(backend, TASKS)
    backend.quiz.answer("01.q3", ["10 个"])
    backend.account.update({"company_name": REGISTRATION["company_name"]})
    checklist.button.click()
    assert checklist.status("01.q3")[0] == "已作答·正确"
    assert checklist.status("01.2.2")[0] == "已完成"
