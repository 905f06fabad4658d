"""Knowledge-check screens: answers saved like any screen, refused when empty or unknown."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.quiz import quiz_panel
from alisim_widgets.sim.quiz import questions_of


def test_single_choice_is_saved_and_shown_again(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    assert aw.screen_for("01.q2", backend).fill(answer="29800 元/年").submit().ok
    again = aw.screen_for("01.q2", aw.open_backend("01_account", path=tmp_path))
    assert again.values()["answer"] == "29800 元/年"


def test_multiple_choice_keeps_every_choice(make_backend):
    backend = make_backend("01_account")
    screen = aw.screen_for("01.q1", backend)
    opts = screen.question.options
    assert screen.fill(answer=[opts[0], opts[1]]).submit().ok
    assert backend.state.answers["01.q1"] == [opts[0], opts[1]]


def test_no_answer_is_refused(make_backend, tmp_path):
    backend = make_backend("01_account")
    result = aw.screen_for("01.q1", backend).submit()
    assert not result.ok and "至少选择 1 项" in result.errors["answer"]
    assert "01.q1" not in backend.state.answers


def test_unknown_option_is_refused_from_code(make_backend):
    backend = make_backend("01_account")
    with pytest.raises(ValueError, match="没有这个选项"):
        aw.screen_for("01.q2", backend).fill(answer="100 元")
    with pytest.raises(Exception, match="没有这个选项"):
        backend.quiz.answer("01.q2", ["100 元"])


def test_panel_shows_every_question_of_the_project(make_backend):
    panel = quiz_panel(make_backend("01_account"), "01")
    assert len(panel.children) == 1 + len(questions_of("01")) == 1 + 8  # the style, then 01.q1–01.q8
