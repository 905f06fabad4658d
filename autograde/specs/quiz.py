"""Specs of knowledge-check questions: the saved choices must equal the right set."""

from __future__ import annotations

from alisim_widgets.sim.quiz import QUESTIONS

from ..spec import FieldCheck, TaskSpec

__all__ = ["quiz_spec"]


def quiz_spec(question_id: str, right: list[str], points: float = 1) -> TaskSpec:
    question = QUESTIONS[question_id]
    unknown = set(right) - set(question.options)
    assert not unknown, f"{question_id}: {unknown} is not an option"

    def extract(backend):
        chosen = backend.state.answers.get(question_id)
        return None if chosen is None else {"answer": chosen}

    return TaskSpec(
        question_id,
        f"知识检测 {question_id[3:].upper()}",
        points,
        extract,
        (FieldCheck("answer", "答案", right, "set", hint="回看本节的知识点"),),
        missing="还没有提交这道题的答案",
    )
