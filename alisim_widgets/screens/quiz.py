"""Knowledge checks (知识检测): one small screen per question; answers are saved like any screen."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend
from ..sim.quiz import QUESTIONS, questions_of
from .base import Field, Screen
from .style import css

__all__ = ["QuestionScreen", "quiz_panel"]


class QuestionScreen(Screen):
    """One question: radio buttons (single choice) or check boxes (multiple choice)."""

    submit_label = "提交答案"

    def __init__(self, backend: Backend, question_id: str) -> None:
        q = QUESTIONS[question_id]
        self.question = q
        self.task_id = q.id
        self.title = q.prompt
        self.fields = (
            Field("answer", "我的答案", "multiselect" if q.multiple else "radio", True, q.options),
        )
        super().__init__(backend)

    def _header(self) -> W.HTML:
        return W.HTML(
            f"<div class='alisim-head'><b>{self.question.id[3:].upper()}．</b>{self.question.prompt}</div>"
        )

    def fill(self, **values: Any) -> QuestionScreen:
        if not self.question.multiple and isinstance(values.get("answer"), (list, tuple)):
            values["answer"] = values["answer"][0] if values["answer"] else None
        return super().fill(**values)  # type: ignore[return-value]

    def _apply(self, values: dict[str, Any]) -> Any:
        answer = values["answer"]
        self.backend.quiz.answer(self.question.id, answer if answer is not None else [])

    def success_message(self) -> str:
        return "答案已保存（可以修改后再次提交）"

    def _load_saved(self) -> None:
        saved = self.backend.quiz.answer_of(self.question.id)
        if saved:
            self.fill(answer=saved)


def quiz_panel(backend: Backend, project_number: str) -> W.VBox:
    """All knowledge checks of a project, one after another."""
    screens = [QuestionScreen(backend, q.id) for q in questions_of(project_number)]
    return W.VBox([css(), *[s.widget for s in screens]])
