"""The saved shape of an uploaded file: what the simulator measured, never the bytes themselves.

Keeping only the measurements keeps ``alisim_state.json`` small (a 3 MB avatar would triple it).
"""

from __future__ import annotations

import datetime as dt

from .model_base import SavedModel

__all__ = ["FileMeta"]


class FileMeta(SavedModel):
    """One uploaded file as measured on upload: name, size, and for images the real format and pixels."""

    name: str
    size: int  # bytes
    sha256: str
    format: str = ""  # Pillow's format name for images ("JPEG", "PNG"), the extension otherwise
    width: int = 0
    height: int = 0
    uploaded_at: dt.datetime | None = None
