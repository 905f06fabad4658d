"""The one video reader (``sim.media_probe``) on real files made here with PyAV, and on broken ones."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from alisim_widgets.sim.media_models import VideoClip
from alisim_widgets.sim.media_probe import VideoUnreadable, clip_facts, formats_text, probe_video
from tests.media_files import image_bytes, video_bytes


@pytest.mark.parametrize(
    "container, codec, want_container, want_codec",
    [
        ("mp4", None, "mp4", "h264"),
        ("mov", None, "mov", "h264"),
        ("webm", "libvpx", "webm", "vp8"),
        ("webm", "libvpx-vp9", "webm", "vp9"),
        ("mkv", None, "mkv", "h264"),
        ("avi", None, "avi", "mpeg4"),
    ],
)
def test_real_files_of_each_container_are_measured(container, codec, want_container, want_codec):
    import av

    if codec and codec not in av.codecs_available:
        pytest.skip(f"this FFmpeg has no {codec} encoder")
    facts = probe_video(video_bytes(2, 320, 240, container=container, codec=codec))
    assert (facts.container, facts.width, facts.height) == (want_container, 320, 240)
    assert facts.seconds == pytest.approx(2.0, abs=0.05)
    assert facts.fps == pytest.approx(10, abs=0.5) or container == "avi"  # AVI counts the codec's ticks
    if codec or container in ("mp4", "mov"):
        assert facts.codec == want_codec or "libx264" not in av.codecs_available


@pytest.mark.parametrize("seconds", [1, 19.5, 45, 45.01, 600, 600.01])
def test_long_durations_are_exact(seconds):
    assert probe_video(video_bytes(seconds, 640, 480)).seconds == pytest.approx(seconds, abs=1e-6)


def test_a_clip_turned_by_a_quarter_is_measured_as_shown():
    facts = probe_video(video_bytes(30, 1280, 720, rotation=90))
    assert (facts.width, facts.height) == (720, 1280)


def test_bytes_after_the_end_do_not_matter():
    assert probe_video(video_bytes(30, pad_to=256 * 1024)).seconds == 30


def _faststart_mp4(path) -> bytes:
    """An MP4 whose index (moov) comes first, as a streaming site writes it: cutting it keeps the header.
    (FFmpeg moves the index on closing, by reading the file back: it needs a real file.)"""
    import av

    with (
        av.open(io.BytesIO(video_bytes(2, 320, 240))) as src,
        av.open(str(path), "w", format="mp4", options={"movflags": "faststart"}) as out,
    ):
        stream = out.add_stream_from_template(src.streams.video[0])
        for packet in src.demux(video=0):
            if packet.dts is not None:
                packet.stream = stream
                out.mux(packet)
    return path.read_bytes()


@pytest.fixture(scope="module")
def truncated(tmp_path_factory) -> dict[str, bytes]:
    whole_mp4 = video_bytes(2, 320, 240)
    faststart = _faststart_mp4(tmp_path_factory.mktemp("video") / "faststart.mp4")
    assert faststart.index(b"moov") < faststart.index(b"mdat")
    assert probe_video(faststart).seconds == pytest.approx(2.0, abs=0.05)
    webm = video_bytes(2, 320, 240, container="webm")
    return {
        "mp4 without its index": whole_mp4[: len(whole_mp4) // 2],
        "mp4 cut in its data": faststart[: len(faststart) * 2 // 3],
        "webm cut in its data": webm[: len(webm) // 2],
        "mov cut short": video_bytes(2, container="mov")[:600],
    }


@pytest.mark.parametrize(
    "what", ["mp4 without its index", "mp4 cut in its data", "webm cut in its data", "mov cut short"]
)
def test_truncated_files_are_refused(truncated, what):
    with pytest.raises(VideoUnreadable) as info:
        probe_video(truncated[what])
    assert "不完整" in info.value.problem, info.value.problem


@pytest.mark.parametrize(
    "data, words",
    [
        (image_bytes(64, 48, "PNG"), "内容是 PNG 图片"),
        (image_bytes(64, 48, "JPEG"), "内容是 JPEG 图片"),
        ("宣传视频脚本：第一幕……\n".encode() * 40, "无法识别文件内容"),
        (b"", "空"),
        (b"\0" * 4096, "不是视频"),
        # a playlist is never opened: it could make FFmpeg read other files
        (b"#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n", "不是视频"),
    ],
)
def test_files_that_are_not_videos_are_refused(data, words):
    with pytest.raises(VideoUnreadable) as info:
        probe_video(data)
    assert info.value.kind == "not_video" and words in info.value.problem


def test_bank_clips_are_read_from_their_saved_metadata():
    clip = VideoClip(id="VID-1", file_name="a.mov", subject="测试", duration_s=31.5, width=1080, height=1920,
                     size_bytes=10, uploaded_on="2022-04-01")  # fmt: skip
    facts = clip_facts(clip)
    assert (facts.container, facts.seconds, facts.width, facts.height) == ("mov", 31.5, 1080, 1920)
    assert formats_text(("mp4", "mov", "webm")) == "MP4、MOV、WebM"


def test_importing_the_package_does_not_load_pyav():
    code = "import alisim_widgets, alisim_widgets.sim.media_probe, sys; print('av' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
