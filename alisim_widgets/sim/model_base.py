"""The base of every saved model: unknown keys are refused, so a hand-edited file is caught on load."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["SavedModel"]


class SavedModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)
