"""Quiz answers stay with the teacher: the installed package and the released notebooks hold none.

The package keeps a digest per question; the answer key is ``tests/quiz_answers.py`` (never installed).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import alisim_widgets
import autograde
from alisim_widgets.sim.quiz import QUESTIONS
from autograde.spec import SPECS
from autograde.specs.quiz import answer_digest
from tests.quiz_answers import QUIZ_ANSWERS

ROOT = Path(__file__).resolve().parents[2]
# rules.py lists the backend's facts that screens show (e.g. the A&V methods); sim/quiz.py lists every option.
ALLOWED = {"alisim_widgets/sim/quiz.py", "alisim_widgets/sim/rules.py"}


def test_every_question_has_a_digest_that_matches_the_key():
    quiz_specs = sorted(t for t in SPECS if ".q" in t)
    assert quiz_specs == sorted(QUIZ_ANSWERS) == sorted(q for q in QUESTIONS if q in SPECS)
    for qid, answer in QUIZ_ANSWERS.items():
        assert set(answer) <= set(QUESTIONS[qid].options), qid
        assert SPECS[qid].fields[0].expected == answer_digest(answer), qid
        assert answer_digest(list(reversed(answer))) == answer_digest(answer)


def _installed_files() -> list[Path]:
    out = []
    for package in (alisim_widgets, autograde):
        base = Path(package.__file__).parent
        out += [
            p for p in base.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".j2", ".html", ".txt")
        ]
    return out


def _string_sets(path: Path) -> list[frozenset[str]]:
    """Every list/tuple/set literal of string constants in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and node.elts:
            if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                found.append(frozenset(e.value for e in node.elts))
    return found


def test_no_installed_file_holds_an_answer_set():
    answers = {qid: frozenset(a) for qid, a in QUIZ_ANSWERS.items()}
    options = {frozenset(q.options) for q in QUESTIONS.values()}
    for path in _installed_files():
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        if path.suffix != ".py" or rel in ALLOWED:
            continue
        for literal in _string_sets(path):
            if literal in options:
                continue
            hits = [qid for qid, a in answers.items() if literal == a]
            assert not hits, f"{rel} holds the answer of {hits}"


@pytest.mark.slow
def test_released_notebooks_hold_no_answer(tmp_path):
    from autograde.edition import release_projects

    for project, folder in release_projects(ROOT, tmp_path).items():
        for nb_path in folder.glob("*.ipynb"):
            nb = json.loads(nb_path.read_text(encoding="utf-8"))
            code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
            # No solution is left that answers a question, and no literal holds an answer set.
            assert "fill(answer=" not in code and "QUIZ_ANSWERS" not in code, project
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                try:
                    tree = ast.parse("".join(cell["source"]))
                except SyntaxError:
                    continue
                for node in ast.walk(tree):
                    if (
                        isinstance(node, (ast.List, ast.Tuple, ast.Set))
                        and node.elts
                        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
                    ):
                        literal = frozenset(e.value for e in node.elts)
                        hits = [q for q, a in QUIZ_ANSWERS.items() if frozenset(a) == literal]
                        assert not hits, (project, hits)
