"""File fields for screens: ``Field(kind="file")`` / ``kind="files"`` become FileUpload widgets.

``fill(logo=...)`` takes what a person's file dialog would give: a path on disk, ``(name, bytes)``, an
ipywidgets upload entry, or a list of them for ``files``. The simulator then reads the real bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..sim.uploads import Upload
from .base import Field, esc

__all__ = ["FileFieldsMixin", "upload_entries", "role_note", "FILE_KINDS"]

FILE_KINDS = ("file", "files")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def role_note(backend: Any, permission: str) -> str:
    """A red line when the acting account's role may not use this page (the simulator refuses anyway)."""
    from ..sim.errors import PermissionDenied
    from ..sim.permissions import LABELS, allowed, role_of

    try:
        if allowed(backend, permission):
            return ""
        role = role_of(backend)
    except PermissionDenied as exc:
        return f"<div class='alisim-fail'>{esc(exc.message)}</div>"
    return (
        f"<div class='alisim-fail'>当前登录的是{esc(role)}账号，没有“{esc(LABELS[permission])}”的权限："
        "可以查看，提交会被拒绝。请切换回管理员（主账号）。</div>"
    )


def _entry(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and "content" in value:
        content = bytes(value["content"])
        name = str(value.get("name", "upload"))
    elif isinstance(value, Upload):
        name, content = value.name, value.content
    elif isinstance(value, (tuple, list)) and len(value) == 2 and isinstance(value[1], (bytes, bytearray)):
        name, content = str(value[0]), bytes(value[1])
    elif isinstance(value, (str, Path)):
        path = Path(value)
        if not path.is_file():
            raise ValueError(f"找不到文件：{str(value)[:80]}")
        name, content = path.name, path.read_bytes()
    else:
        raise ValueError(f"上传的应是文件（路径或 (文件名, 字节)），收到的是 {type(value).__name__}")
    return {
        "name": name,
        "type": "",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": _EPOCH,
    }


def upload_entries(value: Any, *, multiple: bool) -> tuple[dict[str, Any], ...]:
    """FileUpload's value for what ``fill`` got."""
    if value in (None, "", ()) or (isinstance(value, list) and not value):
        return ()
    if (
        multiple
        and isinstance(value, (list, tuple))
        and not (len(value) == 2 and isinstance(value[1], (bytes, bytearray)))
    ):
        return tuple(_entry(v) for v in value)
    return (_entry(value),)


class FileFieldsMixin:
    """Put before :class:`Screen` in the bases: adds the ``file`` and ``files`` field kinds."""

    file_accept: dict[str, str] = {}  # field key → the accept filter of the file dialog

    def make_input(self, f: Field) -> W.Widget:
        if f.kind in FILE_KINDS:
            up = W.FileUpload(
                accept=self.file_accept.get(f.key, ""),
                multiple=f.kind == "files",
                description="选择文件" if f.kind == "file" else "选择多个文件",
            )
            return up
        return super().make_input(f)  # type: ignore[misc]

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind in FILE_KINDS:
            widget.value = upload_entries(value, multiple=f.kind == "files")
            return
        super()._set(f, widget, value)  # type: ignore[misc]

    def values(self) -> dict[str, Any]:
        out = super().values()  # type: ignore[misc]
        for f in self.fields:  # type: ignore[attr-defined]
            if f.kind in FILE_KINDS:
                entries = [Upload(e["name"], bytes(e["content"])) for e in self.inputs[f.key].value]  # type: ignore[attr-defined]
                out[f.key] = entries if f.kind == "files" else (entries[0] if entries else None)
        return out
