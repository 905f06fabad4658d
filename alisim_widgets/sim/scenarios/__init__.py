"""Scenario data: the store as it is when each project starts (earlier projects done).

Every scenario is deterministic. ``build_scenario(project)`` returns a fresh :class:`StoreState`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..state import StoreState

__all__ = ["PROJECTS", "build_scenario", "is_source_folder", "SOURCE_MARKER"]

PROJECTS = (
    "01_account",
    "02_store",
    "03_product",
    "04_media",
    "05_rfq",
    "06_crm",
    "07_marketing",
    "08_trade",
    "09_data",
    "10_customs",
)
# The demo shows the storyline store fully set up: the latest scenario that exists.
DEMO = "demo"

# A file that only the instructor's source folders hold (nbgrader ignores it when releasing):
# a store opened there is kept in memory, so no solved state file can be released to students.
SOURCE_MARKER = ".alisim_source"


def is_source_folder(folder: Path) -> bool:
    return (folder / SOURCE_MARKER).exists()


def build_scenario(project: str) -> StoreState:
    """The starting store of ``project`` (or of the demo)."""
    if project != DEMO and project not in PROJECTS:
        raise ValueError(f"没有这个项目：{project}（可选：{', '.join(PROJECTS)}）")
    module = importlib.import_module(f".{'demo' if project == DEMO else 'p' + project}", __name__)
    state = module.build()
    state.project = project
    return state
