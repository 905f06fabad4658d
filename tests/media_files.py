"""Real image and video files made on the fly for tests (images with Pillow, videos with PyAV)."""

from __future__ import annotations

import functools
import io
import struct
from fractions import Fraction

from PIL import Image, ImageDraw

__all__ = ["image_bytes", "noisy_jpeg", "mp4_bytes", "video_bytes"]


def image_bytes(
    width: int,
    height: int,
    fmt: str = "PNG",
    color=(255, 106, 0),
    *,
    text: str = "",
    bottom_text: bool = False,
) -> bytes:
    """A real ``fmt`` image of ``width``×``height`` px (text drawn in the middle or in the bottom strip)."""
    img = Image.new("RGB", (width, height), color)
    if text or bottom_text:
        draw = ImageDraw.Draw(img)
        y = height - max(4, height * 30 // 280) if bottom_text else height // 2
        for x in range(10, width - 40, 60):  # a row of dark blocks: real visible content
            draw.rectangle((x, y - 6, x + 30, y + 6), fill=(20, 20, 20))
            if text:
                draw.text((x, y - 20), text, fill=(0, 0, 0))
    buf = io.BytesIO()
    save_fmt = {"JPG": "JPEG"}.get(fmt.upper(), fmt.upper())
    if save_fmt == "GIF":
        img = img.convert("P")
    img.save(buf, save_fmt, **({"quality": 90} if save_fmt == "JPEG" else {}))
    return buf.getvalue()


def noisy_jpeg(width: int, height: int, target_bytes: int) -> bytes:
    """A JPEG of ``width``×``height`` px padded (with an APP15 comment segment) to ``target_bytes``."""
    base = image_bytes(width, height, "JPEG")
    missing = target_bytes - len(base)
    if missing <= 0:
        return base
    segments = b""
    while missing > 0:
        chunk = min(missing, 65_533 + 4) - 4
        chunk = max(chunk, 0)
        segments += b"\xff\xef" + struct.pack(">H", chunk + 2) + b"\0" * chunk
        missing -= chunk + 4
    data = base[:2] + segments + base[2:]
    return data[: len(data) + missing] if missing < 0 else data


# --- videos: real files written with PyAV (the simulator reads them with PyAV too) ----------------------
_CONTAINERS = {"mp4": "mp4", "mov": "mov", "webm": "webm", "mkv": "matroska", "avi": "avi"}
_CODECS = {"mp4": "libx264", "mov": "libx264", "webm": "libvpx-vp9", "mkv": "libx264", "avi": "mpeg4"}


def _encoder(container: str, codec: str | None) -> str:
    """The wanted codec, or one the installed FFmpeg has (a conda-forge build may lack libx264)."""
    import av

    wanted = codec or _CODECS[container]
    if wanted in av.codecs_available:
        return wanted
    fallback = ("libvpx", "libaom-av1") if container == "webm" else ("libopenh264", "mpeg4")
    return next(c for c in fallback if c in av.codecs_available)


@functools.lru_cache(maxsize=64)
def _video(
    seconds: float, width: int, height: int, container: str, codec: str | None, rotation: int
) -> bytes:
    import av

    name = _encoder(container, codec)
    buf = io.BytesIO()
    # MP4 and MOV keep any frame timing, so a long clip is two frames far apart (tiny and fast);
    # other containers get evenly spaced frames at 10 fps.
    sparse = container in ("mp4", "mov") and seconds > 2
    fps = 1 if sparse else 10
    tb = Fraction(1, 100)
    total = round(seconds * 100)
    pts = [0, total - 100] if sparse else [round(i * 100 / fps) for i in range(max(1, round(seconds * fps)))]
    odd = width % 2 or height % 2
    with av.open(buf, "w", format=_CONTAINERS[container]) as out:
        stream = out.add_stream(name, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv444p" if odd and name == "libx264" else "yuv420p"  # 4:2:0 needs even sizes
        stream.codec_context.time_base = tb
        if name.startswith("libvpx"):
            stream.options = {"deadline": "realtime", "cpu-used": "8"}  # the default is slow
        if rotation:
            stream.set_display_rotation(rotation)
        for i, at in enumerate(pts):
            img = Image.new("RGB", (width, height), (30 + 20 * (i % 10), 106, 200))
            frame = av.VideoFrame.from_image(img).reformat(format=stream.pix_fmt)
            frame.pts, frame.time_base = at, tb
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def video_bytes(
    seconds: float = 2.0,
    width: int = 320,
    height: int = 240,
    *,
    container: str = "mp4",
    codec: str | None = None,
    rotation: int = 0,
    pad_to: int | None = None,
) -> bytes:
    """A real, playable video (H.264 in MP4/MOV, VP9 in WebM, MPEG-4 in AVI) made with PyAV.

    ``pad_to`` grows an MP4/MOV to exactly that many bytes with a trailing ``free`` box (still valid).
    """
    data = _video(float(seconds), width, height, container, codec, rotation)
    if pad_to is None:
        return data
    assert container in ("mp4", "mov") and pad_to >= len(data) + 8, (pad_to, len(data))
    n = pad_to - len(data)
    return data + struct.pack(">I", n) + b"free" + bytes(n - 8)


def mp4_bytes(seconds: float, width: int = 320, height: int = 240, **kw) -> bytes:
    """A real MP4 lasting ``seconds`` (see :func:`video_bytes`)."""
    return video_bytes(seconds, width, height, **kw)
