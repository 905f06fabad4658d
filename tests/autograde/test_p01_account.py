"""Checks of project 01: full marks for the textbook data, less for each wrong field, named in Chinese."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from autograde import SPECS, check, evaluate
from tests.data import REGISTRATION

# Values that pass every rule but differ from the task's data.
WRONG = {
    "company_name": "湖南典阅贸易有限公司",
    "company_address": "湖南省长沙市岳麓区谷园街道谷园路 201 号",
    "license_no": "370000266736773",
    "email": "dianyuekeji@126.com",
    "legal_rep_name": "张虎",
    "legal_rep_name_en": "Zhang hu",
    "password": "dianyue456",
    "mobile": "13666301235",
}
LABELS = {fc.key: fc.label for fc in SPECS["01.2.2"].fields}


def registered(make_backend, **changes):
    backend = make_backend("01_account")
    screen = aw.screen_for("01.2.2", backend).fill(**{**REGISTRATION, **changes})
    screen.request_code()
    assert screen.fill(verification_code=backend.inbox.last_code()).submit().ok
    return backend


def test_textbook_data_scores_full(make_backend, capsys):
    result = check("01.2.2", registered(make_backend))
    assert result == result.max_score == 10
    assert result.full
    assert "全部正确" in capsys.readouterr().out


def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys):
    result = check("01.2.2", make_backend("01_account"))
    assert result == 0
    assert "还没有注册账号" in capsys.readouterr().out


@pytest.mark.parametrize("key", list(WRONG))
def test_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("01.2.2", registered(make_backend, **{key: WRONG[key]}))
    assert result == pytest.approx(10 * 7 / 8)
    assert [f.key for f in result.wrong] == [key]
    out = capsys.readouterr().out
    assert f"✘ {LABELS[key]}" in out


def test_two_wrong_fields_are_both_named(make_backend):
    result = evaluate("01.2.2", registered(make_backend, email=WRONG["email"], mobile=WRONG["mobile"]))
    assert result == pytest.approx(7.5)
    assert {f.key for f in result.wrong} == {"email", "mobile"}


def test_case_and_space_differences_are_forgiven(make_backend):
    result = evaluate("01.2.2", registered(make_backend, legal_rep_name_en="ZHANG  LONG"))
    assert result.full


def test_result_is_a_number_for_nbgrader(make_backend):
    result = evaluate("01.2.2", registered(make_backend))
    assert repr(result) == "10.0"
    assert "10 / 10" in result._repr_html_()
    d = result.to_dict()
    assert d["score"] == 10 and d["max_score"] == 10 and len(d["fields"]) == 8


def test_expected_values_never_appear_in_feedback(make_backend, capsys):
    """Feedback names the wrong field but never gives the task's value away (teacher's grading, exam)."""
    from autograde.check import score_task

    backend = registered(make_backend, **WRONG)
    text = "\n".join(score_task("01.2.2", backend, reveal=False).feedback_lines())
    for expected in REGISTRATION.values():
        assert expected not in text
    for wrong in WRONG.values():  # an exam's feedback does not echo the student's values either
        assert wrong not in text
    assert "英文姓名" in text


def test_practice_mode_echoes_the_students_value_but_not_the_password(make_backend, monkeypatch, capsys):
    monkeypatch.setenv("ALISIM_MODE", "practice")
    check("01.2.2", registered(make_backend, email=WRONG["email"], password=WRONG["password"]))
    out = capsys.readouterr().out
    assert WRONG["email"] in out
    assert WRONG["password"] not in out


def test_exam_mode_gives_no_score_and_no_field_in_the_students_kernel(make_backend, monkeypatch, capsys):
    monkeypatch.setenv("ALISIM_MODE", "exam")
    backend = registered(make_backend, **WRONG)
    for result in (check("01.2.2", backend), evaluate("01.2.2", backend)):
        assert result == 0 and result.fields == [] and result.hidden
        assert "交卷后" in "".join(result.feedback_lines()) and "交卷后" in result._repr_html_()
    out = capsys.readouterr().out
    assert "交卷后" in out and "✘" not in out and "英文姓名" not in out
    # Setting NBGRADER_EXECUTION (as nbgrader's executing autograde does) reveals nothing either.
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert check("01.2.2", backend, quiet=True).hidden


def test_mode_comes_from_the_teachers_config_file(make_backend, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ALISIM_MODE", raising=False)
    (tmp_path / "alisim_config.json").write_text('{"mode": "exam", "exam_minutes": 45}', encoding="utf-8")
    check("01.2.2", registered(make_backend))
    assert "考核模式" in capsys.readouterr().out


QUIZ = {
    "01.q1": ["在大陆工商局注册、自己生产玩具的工厂", "在大陆注册、专做服装出口的贸易公司"],
    "01.q2": ["29800 元/年"],
    "01.q3": ["10 个"],
    "01.q5": ["错"],
    "01.q6": ["2015 年"],
    "01.q7": ["营业执照", "法人身份证件", "代理人二代身份证", "委托书", "银行对公账户"],
    "01.q8": ["150 元、250 元"],
}


@pytest.mark.parametrize("qid", list(QUIZ))
def test_quiz_right_and_wrong(make_backend, qid):
    backend = make_backend("01_account")
    assert evaluate(qid, backend) == 0
    screen = aw.screen_for(qid, backend)
    wrong = [o for o in screen.question.options if o not in QUIZ[qid]][:1]
    screen.fill(answer=wrong).submit()
    assert evaluate(qid, backend) == 0
    screen.fill(answer=QUIZ[qid] if screen.question.multiple else QUIZ[qid][0]).submit()
    assert evaluate(qid, backend) == 1


def test_partly_right_multiple_choice_scores_zero(make_backend):
    backend = make_backend("01_account")
    aw.screen_for("01.q1", backend).fill(answer=QUIZ["01.q1"][:1]).submit()
    assert evaluate("01.q1", backend) == 0


def test_a_broken_store_is_graded_not_crashed():
    class Broken:
        path = None

        @property
        def state(self):
            raise RuntimeError("boom")

    result = evaluate("01.2.2", Broken())
    assert result == 0 and "无法读取" in result.note
