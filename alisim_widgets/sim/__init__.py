"""The simulation library: pure Python, never imports ipywidgets (tests run it without a kernel)."""

from .backend import AREAS, Backend, open_backend
from .errors import (
    FieldError,
    PermissionDenied,
    SimError,
    StateFileError,
    ValidationFailed,
)
from .scenarios import PROJECTS, build_scenario

__all__ = [
    "AREAS",
    "Backend",
    "open_backend",
    "FieldError",
    "PermissionDenied",
    "SimError",
    "StateFileError",
    "ValidationFailed",
    "PROJECTS",
    "build_scenario",
]
