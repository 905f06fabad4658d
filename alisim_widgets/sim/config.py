"""Course configuration chosen by the teacher, never by the student: practice or exam mode.

The teacher sets the mode where a student cannot change it:

- the ``ALISIM_MODE`` environment variable (``exam`` or ``practice``, with ``ALISIM_EXAM_MINUTES``) of the
  Jupyter server or JupyterHub spawner. It is read from the process's own environment, from the environment
  it was *started* with (``/proc/self/environ``) and from its parent's (the Jupyter server): changing
  ``os.environ`` inside a kernel does not remove the server's setting;
- a system file ``/etc/alisim/config.json`` or ``<sys.prefix>/etc/alisim/config.json``
  (``{"mode": "exam", "exam_minutes": 60}``), written by whoever installs the course;
- at grading time, ``alisim_config.json`` in the course root (beside ``nbgrader_config.py``).

An ``alisim_config.json`` in the notebook's folder or its parents is still read, but like everything in a
student's reach it can only make the mode stricter: any source that says exam wins.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CourseConfig", "load_config", "CONFIG_FILENAME", "system_config_paths"]

CONFIG_FILENAME = "alisim_config.json"
PRACTICE, EXAM = "practice", "exam"
DEFAULT_EXAM_MINUTES = 60  # 考核时长 60 分钟 (L2052-2056)
_MAX_CONFIG_BYTES = 4096


@dataclass(frozen=True)
class CourseConfig:
    mode: str = PRACTICE
    exam_minutes: int = DEFAULT_EXAM_MINUTES

    @property
    def exam(self) -> bool:
        return self.mode == EXAM


def system_config_paths() -> list[Path]:
    """Where the teacher's system-wide configuration may live (outside any student's folder)."""
    return [Path("/etc/alisim") / CONFIG_FILENAME, Path(sys.prefix) / "etc" / "alisim" / CONFIG_FILENAME]


def _minutes(value: object) -> int:
    try:
        minutes = int(str(value))
    except (TypeError, ValueError):
        return DEFAULT_EXAM_MINUTES
    return minutes if 1 <= minutes <= 24 * 60 else DEFAULT_EXAM_MINUTES


def _from_mapping(env: dict[str, str]) -> CourseConfig | None:
    mode = env.get("ALISIM_MODE", "").strip().lower()
    if mode not in (PRACTICE, EXAM):
        return None
    return CourseConfig(mode, _minutes(env.get("ALISIM_EXAM_MINUTES", DEFAULT_EXAM_MINUTES)))


def _proc_environ(pid: str) -> dict[str, str]:
    """The environment a process was started with (Linux); empty elsewhere or when not readable."""
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    out = {}
    for item in raw.split(b"\0"):
        key, sep, value = item.partition(b"=")
        if sep and key.startswith(b"ALISIM_"):
            out[key.decode("ascii", "replace")] = value.decode("utf-8", "replace")
    return out


def _from_file(path: Path) -> CourseConfig | None:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_CONFIG_BYTES:
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    mode = raw.get("mode", PRACTICE)
    if mode not in (PRACTICE, EXAM):
        return None
    return CourseConfig(mode, _minutes(raw.get("exam_minutes", DEFAULT_EXAM_MINUTES)))


def _sources(folder: str | Path | None) -> list[CourseConfig]:
    found = [
        _from_mapping(dict(os.environ)),
        _from_mapping(_proc_environ("self")),
        _from_mapping(_proc_environ(str(os.getppid()))),
        *(_from_file(p) for p in system_config_paths()),
    ]
    if folder is not None:
        here = Path(folder).resolve()
        found += [_from_file(c / CONFIG_FILENAME) for c in [here, *list(here.parents)[:3]]]
    return [c for c in found if c is not None]


def load_config(folder: str | Path | None = ".") -> CourseConfig:
    """The mode for a notebook in ``folder``: exam if the teacher (or anything else) says exam."""
    exams = [c for c in _sources(folder) if c.exam]
    # The first source in the list is the teacher's, so its exam length wins.
    return exams[0] if exams else CourseConfig()
