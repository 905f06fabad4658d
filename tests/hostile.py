"""Hostile input shared by every project's tests: each value must be refused with a clear error."""

from __future__ import annotations

from pathlib import Path

HOSTILE_TEXT = {
    "empty": "",
    "whitespace": "   \t ",
    "huge": "测" * 10_000,
    "emoji": "好玩具😀🚀",
    "script": "<script>alert(1)</script>",
    "sql": "x'); DROP TABLE accounts; --",
}
HOSTILE_NUMBER = {
    **HOSTILE_TEXT,
    "negative": "-5",
    "not_a_number": "abc",
}


def file_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def assert_refused(screen, data: dict, key: str, bad, state_path: Path) -> None:
    """Fill valid ``data`` with ``key`` replaced by ``bad``: refused, error on ``key``, file unchanged."""
    before = file_bytes(state_path)
    screen.fill(**{**data, key: bad})
    result = screen.submit()
    assert not result.ok, f"{key}={bad!r:.40} was accepted"
    assert key in result.errors, f"{key}={bad!r:.40}: no error beside the field ({result.errors})"
    assert result.errors[key].strip(), "the error message is empty"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.errors[key]), "the message is not Chinese"
    assert file_bytes(state_path) == before, "a refused submission changed the state file"
    typed = screen.values()[key]
    if isinstance(bad, str) and isinstance(typed, str):
        assert typed == bad, "what the user typed was lost"
