"""The one reader of uploaded video files: duration, picture size, codec and frame rate.

Files are read with PyAV (FFmpeg's demuxers and decoders, shipped inside the ``av`` wheels), imported
only when a video is actually checked, so ``import alisim_widgets`` does not pay for it. Only the
demuxers listed in ``_DEMUXERS`` may open a student's file: a playlist or other indirect format could
otherwise make FFmpeg open further files. The whole file is demuxed (not decoded) so that a truncated
file is caught even when its header is intact, and the first picture is decoded so that a file whose
header looks right but whose picture data is garbage is caught too.

The clips of the simulated video bank have no bytes: :func:`clip_facts` gives their saved metadata in
the same shape, so the rules read one kind of fact whatever the source.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

__all__ = [
    "VideoFacts",
    "VideoUnreadable",
    "probe_video",
    "clip_facts",
    "container_name",
    "formats_text",
]

# FFmpeg demuxer → what it can hold. Only these may open an upload (AVFormatContext.format_whitelist).
_DEMUXERS = {
    "mov,mp4,m4a,3gp,3g2,mj2": "mp4",  # refined to mov / 3gp by the major brand
    "matroska,webm": "mkv",  # refined to webm by the codecs
    "avi": "avi",
    "flv": "flv",
    "asf": "wmv",
    "mpeg": "mpg",
    "mpegts": "ts",
}
_WHITELIST = ",".join(_DEMUXERS)
_WEBM_CODECS = {"vp8", "vp9", "av1", "vorbis", "opus"}
_NAMES = {
    "mp4": "MP4",
    "mov": "MOV",
    "3gp": "3GP",
    "webm": "WebM",
    "mkv": "MKV",
    "avi": "AVI",
    "flv": "FLV",
    "wmv": "WMV",
    "mpg": "MPEG",
    "ts": "MPEG-TS",
}
# A file whose packets end this much before the duration its header gives is missing its end.
_TRUNCATION_TOLERANCE_S = 0.5


@dataclass(frozen=True)
class VideoFacts:
    """What a video really is, measured from its bytes (or, for a bank clip, its saved metadata)."""

    container: str  # a key of _NAMES: "mp4", "mov", "webm", ...
    codec: str  # FFmpeg's codec name of the picture: "h264", "hevc", "vp9", ...
    seconds: float
    width: int  # as displayed (a phone clip turned by 90° is reported upright)
    height: int
    fps: float | None = None


class VideoUnreadable(ValueError):
    """The bytes are no readable video. ``problem`` is the Chinese reason; ``kind`` is ``not_video``
    (not a video at all: renamed, or a format none of ``_DEMUXERS`` reads) or ``truncated`` (cut short or
    damaged). A readable video in a format a field does not take is the caller's rule (``container``)."""

    def __init__(self, kind: str, problem: str) -> None:
        super().__init__(problem)
        self.kind = kind
        self.problem = problem


def container_name(container: str) -> str:
    """``mp4`` → ``MP4``, ``webm`` → ``WebM``."""
    return _NAMES.get(container, container.upper())


def formats_text(formats: tuple[str, ...]) -> str:
    """``("mp4", "mov")`` → ``MP4、MOV``."""
    return "、".join(container_name(f) for f in formats)


def clip_facts(clip: Any) -> VideoFacts:
    """The facts of a clip of the simulated video bank, from its saved metadata (it has no bytes)."""
    name = str(getattr(clip, "file_name", "") or "")
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else "mp4"
    return VideoFacts(
        container=ext if ext in _NAMES else "mp4",
        codec=str(getattr(clip, "codec", "h264")),
        seconds=float(clip.duration_s),
        width=int(clip.width),
        height=int(clip.height),
        fps=getattr(clip, "fps", None),
    )


def _what_else(data: bytes) -> str:
    """Why FFmpeg refused the bytes, in words: an image is named (a renamed picture is common)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            return f"内容是 {img.format} 图片"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        pass
    if not data.strip():
        return "文件是空的"
    return "无法识别文件内容"


def _container(fmt_name: str, metadata: dict, codecs: set[str]) -> str:
    family = _DEMUXERS.get(fmt_name, "")
    if family == "mp4":
        brand = str(metadata.get("major_brand", "")).strip().lower()
        if brand == "qt":
            return "mov"
        if brand.startswith("3g"):
            return "3gp"
    if family == "mkv" and codecs and codecs <= _WEBM_CODECS:
        return "webm"
    return family


def probe_video(data: bytes) -> VideoFacts:
    """Measure an uploaded video; raise :class:`VideoUnreadable` when it is not a whole, readable video."""
    import av  # lazy: PyAV loads FFmpeg (about 40 ms); only a video upload needs it

    if not data:
        raise VideoUnreadable("not_video", "文件是空的")
    try:
        container = av.open(io.BytesIO(data), options={"format_whitelist": _WHITELIST})
    except (av.FFmpegError, OSError, EOFError) as exc:
        # A known container whose index is missing (an MP4 cut before its moov box) opens as
        # nothing at all, so both causes are named.
        raise VideoUnreadable("not_video", f"文件不完整或不是视频（{_what_else(data)}）") from exc
    with container:
        streams = list(container.streams)
        # A stream cut off in the middle of its header has no codec at all.
        codecs = {s.codec_context.name for s in streams if s.type in ("video", "audio") and s.codec_context}
        kind = _container(container.format.name, dict(container.metadata), codecs)
        if not container.streams.video:
            raise VideoUnreadable("not_video", f"不是视频（{container_name(kind)} 文件里没有画面）")
        video = container.streams.video[0]
        if video.codec_context is None:
            raise VideoUnreadable("truncated", "文件不完整或已损坏（读不出画面的编码）")
        width, height = int(video.width or 0), int(video.height or 0)
        codec = video.codec_context.name
        rate = video.average_rate or video.guessed_rate
        fps = round(float(rate), 3) if rate else None
        header_s = container.duration / 1_000_000 if container.duration else None

        start = end = None
        rotation = 0
        decoded = False
        try:
            for packet in container.demux():
                if packet.is_corrupt:
                    raise VideoUnreadable("truncated", "文件不完整或已损坏（有残缺的数据包）")
                if packet.pts is None:
                    continue  # a flush packet
                t0 = float(packet.pts * packet.time_base)
                step = packet.duration or 0
                t1 = float((packet.pts + step) * packet.time_base)
                if not step and packet.stream.type == "video" and fps:
                    t1 = t0 + 1 / fps
                start = t0 if start is None else min(start, t0)
                end = t1 if end is None else max(end, t1)
                if not decoded and packet.stream.index == video.index:
                    for frame in packet.decode():
                        rotation = int(getattr(frame, "rotation", 0) or 0)
                        decoded = True
                        break
            if not decoded:
                for frame in video.codec_context.decode(None):  # frames the decoder still holds
                    rotation = int(getattr(frame, "rotation", 0) or 0)
                    decoded = True
                    break
        except av.FFmpegError as exc:
            raise VideoUnreadable("truncated", "文件不完整或已损坏（画面数据无法解码）") from exc
    if not decoded:
        raise VideoUnreadable("truncated", "文件不完整或已损坏（没有一帧能显示的画面）")
    span = (end - start) if start is not None and end is not None else 0.0
    seconds = header_s if header_s else span
    if header_s and span < header_s - _TRUNCATION_TOLERANCE_S:
        raise VideoUnreadable(
            "truncated", f"文件不完整（只有前 {span:.1f} 秒的内容，文件头写的是 {header_s:.1f} 秒）"
        )
    if seconds <= 0 or width <= 0 or height <= 0:
        raise VideoUnreadable("truncated", "文件不完整或已损坏（读不出时长或画面大小）")
    if rotation % 180:
        width, height = height, width  # shown upright: a phone's portrait clip is portrait
    return VideoFacts(container=kind, codec=codec, seconds=seconds, width=width, height=height, fps=fps)
