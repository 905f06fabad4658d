"""The state file: atomic saves, a lock between kernels, and backups of files that cannot be used.

nbgrader re-runs the notebook in a fresh kernel, so the student's work survives only here.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from filelock import FileLock
from pydantic import ValidationError

from .errors import SchemaTooNew, SchemaTooOld, StateFileCorrupt, StateFileForeign
from .safe_json import UnsafeStateFile, read_state_json
from .state import SCHEMA_VERSION, StoreState

__all__ = ["STATE_FILENAME", "StateFile"]

STATE_FILENAME = "alisim_state.json"
_LOCK_SUFFIX = ".lock"
_LOCK_TIMEOUT_S = 30


class StateFile:
    """``alisim_state.json`` in one folder, for one project."""

    def __init__(self, folder: str | os.PathLike[str], project: str) -> None:
        self.folder = Path(folder)
        self.path = self.folder / STATE_FILENAME
        self.project = project
        self._lock = FileLock(str(self.folder / f".{STATE_FILENAME}{_LOCK_SUFFIX}"), timeout=_LOCK_TIMEOUT_S)

    def lock(self) -> FileLock:
        """An exclusive lock on the file, shared by every kernel on this folder."""
        return self._lock

    def exists(self) -> bool:
        return self.path.exists()

    def read_revision(self) -> int | None:
        """The revision on disk, or None when there is no usable file (cheap: no validation)."""
        try:
            return int(read_state_json(self.path)["revision"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def load(self) -> StoreState | None:
        """The saved state, or None when there is none. Raises a StateFileError (backup made) if unusable."""
        try:
            raw = read_state_json(self.path)
        except FileNotFoundError:
            return None
        except UnsafeStateFile as exc:
            raise self._unusable(StateFileCorrupt, exc.reason) from exc
        version = raw.get("schema_version")
        if isinstance(version, int) and version > SCHEMA_VERSION:
            raise self._unusable(
                SchemaTooNew, f"进度文件来自更新版本的实训软件（格式 {version}，本机只支持 {SCHEMA_VERSION}）"
            )
        if isinstance(version, int) and version < SCHEMA_VERSION:
            raise self._unusable(SchemaTooOld, f"进度文件的格式太旧（格式 {version}），无法读取")
        project = raw.get("project")
        if isinstance(project, str) and project != self.project:
            raise self._unusable(
                StateFileForeign, f"这是另一个项目（{project}）的进度文件，不属于 {self.project}"
            )
        try:
            return StoreState.model_validate(raw)
        except ValidationError as exc:
            raise self._unusable(StateFileCorrupt, "进度文件已损坏（内容被改动，无法识别）") from exc

    def save(self, state: StoreState) -> None:
        """Write atomically: a temporary file in the same folder, fsync, then rename over the old one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = state.model_dump_json(indent=1).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".alisim_tmp_", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; the teacher's account must read a submission
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def backup(self, reason: str) -> Path:
        """Copy the current file aside (never overwriting an earlier backup) and return its path."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"{STATE_FILENAME}.{reason}-{stamp}.bak"
        n = 1
        while target.exists():
            n += 1
            target = self.folder / f"{STATE_FILENAME}.{reason}-{stamp}-{n}.bak"
        # Never follow a link while backing up: keep the link itself, not what it points at.
        shutil.copy2(self.path, target, follow_symlinks=False)
        return target

    def _unusable(self, kind: type, what: str):
        backup = self.backup("unusable")
        self.path.unlink(missing_ok=True)
        message = f"{what}。原文件已备份为 {backup.name}，现在从本项目的初始场景重新开始。"
        return kind(message, backup=str(backup))
