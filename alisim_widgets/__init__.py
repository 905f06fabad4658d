"""alisim (阿里巴巴国际站实训): a simulated My Alibaba seller backend for Jupyter courseware.

import alisim_widgets as aw
backend = aw.open_backend("01_account", path=".")
screen = aw.screen_for("01.2.2", backend)
result = screen.fill(**values).submit()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sim import PROJECTS, Backend, open_backend

if TYPE_CHECKING:
    from .screens.base import Screen

__all__ = ["open_backend", "screen_for", "Backend", "PROJECTS", "__version__"]
__version__ = "0.1.0"


def screen_for(task_id: str, backend: Backend, **kwargs: Any) -> Screen:
    """The screen (ipywidgets form) of a task id of TASKS.md, e.g. ``"01.2.2"``."""
    from .screens import screen_for as _screen_for

    return _screen_for(task_id, backend, **kwargs)
