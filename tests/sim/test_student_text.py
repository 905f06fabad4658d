"""Text students see: no textbook line numbers ("（L5006）") and our own spelling (真人出镜, not the typo 真人出境).

Every string literal of the package and the notebook builders that contains Chinese is student-facing
(messages, labels, notebook text); line references belong in comments and docstrings.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "alisim_widgets").rglob("*.py")) + sorted((ROOT / "tools" / "notebooks").glob("*.py"))
HAN = re.compile(r"[\u4e00-\u9fff]")
LINE_REF = re.compile(r"(?<![A-Za-z0-9])L\d{2,4}(?!\d)")


def _student_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if HAN.search(node.value):
                out.append((node.lineno, node.value))
    return out


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_no_line_numbers_and_no_typo_in_student_text(path):
    for lineno, text in _student_strings(path):
        assert not LINE_REF.search(text), f"{path.name}:{lineno}: a textbook line number in student text"
        assert "真人出境" not in text, (
            f"{path.name}:{lineno}: write 真人出镜 (真人出境 is the textbook's typo)"
        )
        assert "）（" not in text or "（多选）（" not in text, f"{path.name}:{lineno}: doubled brackets"


def test_attribute_labels_have_no_brackets_of_their_own():
    # The product screen shows "label（English）": a label with its own brackets would double them.
    from alisim_widgets.sim import categories

    for attribute in categories.ATTRIBUTES.values():
        assert "（" not in attribute.label and "(" not in attribute.label, attribute.label


def test_membership_table_row_as_printed():
    # L272: the 询盘沟通 row's 金品诚企 cell reads 询盘名片化差异.
    from alisim_widgets.screens import membership

    row = next(r for r in membership.BENEFITS if r[1] == "询盘沟通")
    assert row[-1] == "询盘名片化差异"
