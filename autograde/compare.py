"""How a saved value is compared with the expected one."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["COMPARERS", "norm_text"]


def norm_text(value: Any) -> str:
    """Case- and whitespace-insensitive form of a text."""
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def _exact(actual: Any, expected: Any) -> bool:
    return actual == expected


def _text(actual: Any, expected: Any) -> bool:
    return actual is not None and norm_text(actual) == norm_text(expected)


def _nospace(actual: Any, expected: Any) -> bool:
    """Whitespace anywhere is ignored (long descriptions typed by hand)."""
    return (
        actual is not None
        and re.sub(r"\s+", "", str(actual)).casefold() == re.sub(r"\s+", "", str(expected)).casefold()
    )


def _set(actual: Any, expected: Any) -> bool:
    if actual is None:
        return False
    return {norm_text(a) for a in actual} == {norm_text(e) for e in expected} and len(actual) == len(expected)


def _number(actual: Any, expected: Any, tolerance: float = 0.005) -> bool:
    try:
        return abs(Decimal(str(actual)) - Decimal(str(expected))) <= Decimal(str(tolerance))
    except (InvalidOperation, TypeError):
        return False


COMPARERS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": _exact,
    "text": _text,
    "nospace": _nospace,
    "set": _set,
    "number": _number,
}
