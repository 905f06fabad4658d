"""Shared fixtures: a backend of any project in a temporary folder (persistent, like a student's)."""

from __future__ import annotations

from pathlib import Path

import pytest

import alisim_widgets as aw

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def make_backend(tmp_path):
    """``make_backend("02_store")`` → a backend saving to ``tmp_path/alisim_state.json``."""

    def _make(project: str, folder: Path | None = None):
        return aw.open_backend(project, path=folder or tmp_path)

    return _make


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
