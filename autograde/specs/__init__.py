"""Task specs of every project (expected answers: never shipped inside a released notebook)."""

from . import (
    p01_account,  # noqa: F401  (registers its specs)
    p04_media,  # noqa: F401
)
