"""The simulator's one small error hierarchy.

Checks and tests look at an error's type and ``field``, never at its wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "FieldError",
    "SimError",
    "ValidationFailed",
    "PermissionDenied",
    "StateFileError",
    "StateFileCorrupt",
    "StateFileForeign",
    "SchemaTooNew",
    "SchemaTooOld",
    "FieldErrors",
]


@dataclass(frozen=True)
class FieldError:
    """One broken rule: which field, which rule, and the Chinese message shown beside the field."""

    field: str
    message: str
    rule: str = ""


class SimError(Exception):
    """Base of every error the simulator raises on purpose."""

    message: str = ""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(SimError):
    """A submission broke one or more rules; ``errors`` lists them all (not only the first)."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.errors:
            out[e.field] = f"{out[e.field]}；{e.message}" if e.field in out else e.message
        return out


class PermissionDenied(SimError):
    """The acting account's role may not do this (RULES.md, permission matrix)."""

    def __init__(self, message: str, permission: str = "") -> None:
        super().__init__(message)
        self.permission = permission


class StateFileError(SimError):
    """The saved state file cannot be used; the file is kept as ``backup``."""

    def __init__(self, message: str, backup: str | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class StateFileCorrupt(StateFileError):
    """Not valid JSON, or not the shape of a saved store."""


class StateFileForeign(StateFileError):
    """A state file of another project."""


class SchemaTooNew(StateFileError):
    """Written by a newer alisim than this one."""


class SchemaTooOld(StateFileError):
    """Written by an alisim too old to read."""


@dataclass
class FieldErrors:
    """Collects every field error of one submission, then raises them together."""

    errors: list[FieldError] = field(default_factory=list)

    def add(self, field_key: str, message: str, rule: str = "") -> None:
        self.errors.append(FieldError(field_key, message, rule))

    def has(self, field_key: str) -> bool:
        return any(e.field == field_key for e in self.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)
