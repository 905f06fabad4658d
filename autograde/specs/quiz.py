"""Specs of knowledge-check questions: the saved choices must match the answer's digest.

The package is installed where students work, so it never holds a quiz's answer in plain text: only a
salted SHA-256 digest of the right set of options. The practice-mode self-check still works (the student's
own choices are digested and compared); the answer key itself lives with the teacher
(``tests/quiz_answers.py``), and ``tools/quiz_digests.py`` prints the digest lines from it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from typing import Any

from alisim_widgets.sim.quiz import QUESTIONS

from ..spec import FieldCheck, TaskSpec

__all__ = ["quiz_spec", "answer_digest"]

_SALT = "alisim-quiz-v1"


def _chosen(answer: Any) -> list[str]:
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, Iterable):
        return sorted({str(a) for a in answer})
    return [str(answer)]


def answer_digest(answer: Any) -> str:
    """The digest of a set of chosen options (order and repeats do not matter)."""
    payload = json.dumps(_chosen(answer), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{_SALT}\0{payload}".encode()).hexdigest()


def _matches(actual: Any, digest: str) -> bool:
    return hmac.compare_digest(answer_digest(actual), digest)


def quiz_spec(question_id: str, digest: str, points: float = 1) -> TaskSpec:
    assert question_id in QUESTIONS, f"{question_id}: no such question"
    assert len(digest) == 64, f"{question_id}: not a SHA-256 digest"

    def extract(backend):
        chosen = backend.state.answers.get(question_id)
        return None if chosen is None else {"answer": chosen}

    return TaskSpec(
        question_id,
        f"知识检测 {question_id[3:].upper()}",
        points,
        extract,
        (FieldCheck("answer", "答案", digest, _matches, hint="回看本节的知识点"),),
        missing="还没有提交这道题的答案",
    )
