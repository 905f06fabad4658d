"""alisim (阿里巴巴国际站实训): a simulated My Alibaba seller backend for Jupyter courseware.

import alisim_widgets as aw
backend = aw.open_backend("01_account", path=".")
screen = aw.screen_for("01.2.2", backend)
result = screen.fill(**values).submit()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .screens.base import Screen
    from .sim import PROJECTS, Backend, open_backend

__all__ = ["open_backend", "screen_for", "Backend", "PROJECTS", "__version__"]
__version__ = "0.1.0"

# Every notebook, every Voila kernel and the grading command import this package, and most of them need only
# part of it: the simulator (pydantic models of the whole store) is imported on first use of one of these
# names, the screens (ipywidgets) on the first screen_for. tests/test_imports.py keeps it that way.
_LAZY = {"open_backend": ".sim", "Backend": ".sim", "PROJECTS": ".sim"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later look-ups skip this hook
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def screen_for(task_id: str, backend: Backend, **kwargs: Any) -> Screen:
    """The screen (ipywidgets form) of a task id of TASKS.md, e.g. ``"01.2.2"``."""
    from .screens import screen_for as _screen_for

    return _screen_for(task_id, backend, **kwargs)
