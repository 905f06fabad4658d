"""A video field of the product form: pick a clip of the video bank or upload an MP4/MOV, checked live.

The publishing page has two of them, 主图视频 and 详情页视频 (L1982). Each keeps what the student chose:
an upload, a bank clip, text that names no clip (so the simulator can say why it is refused), or the
edited product's own video, which stays when nothing new is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ..sim.errors import FieldErrors
from ..sim.product_media import as_file, size_text
from ..sim.products_models import VideoMeta
from .base import esc

__all__ = ["VideoInput", "VideoCheck"]

# check(errors, value, kept) -> (the video's facts or None, advice lines)
VideoCheck = Callable[[FieldErrors, Any, "VideoMeta | None"], tuple["VideoMeta | None", list[str]]]


class VideoInput:
    """A bank dropdown, an upload button and one line that says whether the video passes the rules."""

    def __init__(self, label: str, bank: list[Any], check: VideoCheck) -> None:
        self.label = label
        self.check = check
        self._upload: tuple[str, bytes] | None = None
        self._kept: VideoMeta | None = None
        self._raw: str | None = None
        options = [(f"不使用{label}", None)] + [
            (f"{c.id} · {c.file_name} · {c.duration_s:g} 秒 · {c.width}×{c.height} · {size_text(c.size_bytes)}", c.id)
            for c in bank
        ]  # fmt: skip
        self.pick = W.Dropdown(options=options, value=None, layout=W.Layout(width="520px"))
        self.pick.observe(lambda ch: self._chosen(ch["new"]), "value")
        self.upload = W.FileUpload(accept=".mp4,.mov", multiple=False, description="上传视频")
        self.upload.observe(self._uploaded, "value")
        self.info = W.HTML()
        self.widget = W.VBox([self.pick, self.upload, self.info])

    @property
    def kept(self) -> VideoMeta | None:
        """The edited product's own video, kept while nothing else is chosen."""
        return self._kept

    def value(self) -> Any:
        """What the simulator gets: the upload, the bank id, the unknown text, or the kept video."""
        if self._upload is not None:
            return self._upload
        if self.pick.value:
            return self.pick.value
        if self._raw is not None:
            return self._raw
        return self._kept

    def set(self, value: Any) -> None:
        """Show ``value``: a VideoMeta (the product's own), a bank id or other text, a file, or nothing."""
        self._upload = self._kept = self._raw = None
        self.pick.value = None
        if isinstance(value, VideoMeta):
            self._kept = value
        elif isinstance(value, str) and value.strip():
            ids = [option[1] for option in self.pick.options]
            if value.strip() in ids:
                self.pick.value = value.strip()
            else:
                self._raw = value
        elif value not in (None, "", (), []):
            file = as_file(value)
            if file is None:
                raise ValueError(f"{self.label}应为视频银行的编号，或 (文件名, 字节) 形式的文件")
            self._upload = file
        self.show()

    def show(self) -> None:
        value = self.value()
        if value is None:
            self.info.value = ""
            return
        errors = FieldErrors()
        meta, advice = self.check(errors, value, self._kept)
        if errors:
            self.info.value = "".join(
                f"<div class='alisim-fail'>✘ {esc(e.message)}</div>" for e in errors.errors
            )
        elif meta is not None:
            own = "（本产品已有的视频）" if meta is self._kept else ""
            notes = "".join(f"<div class='alisim-warn'>提示：{esc(a)}</div>" for a in advice)
            self.info.value = (f"<div>✔ {esc(meta.name)}{own} · {meta.seconds:g} 秒 · {meta.width}×{meta.height} · "
                               f"{size_text(meta.size_bytes)}</div>{notes}")  # fmt: skip

    def _chosen(self, clip_id: str | None) -> None:
        if clip_id:
            self._upload = self._kept = self._raw = None
        self.show()

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = [as_file(v) for v in change["new"]]
        if files and files[0]:
            self._upload, self._kept, self._raw = files[0], None, None
            self.pick.value = None
            self.upload.value = ()
        self.show()
