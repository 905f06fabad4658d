"""True View tools: the video manager (quality levels, simulated plays) and the clip inspector.

``TrueViewManager`` lists the store's True View videos with their quality level and lets the student
simulate buyers' plays on the scenario clock (合格 → 良好 → 优质). ``ClipInspector`` is the notebook's
what-if tool: load a clip of the bank, change its facts, and see which True View rules it breaks.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.errors import SimError, ValidationFailed
from ..sim.media import Violation, clip_violations, good_gaps
from ..sim.media_models import VideoClip
from .base import esc
from .media import posts_table_html
from .style import css

__all__ = ["TrueViewManager", "ClipInspector"]

_MB = 1024 * 1024


class TrueViewManager:
    """True View 视频管理: my videos, their quality level, simulated plays, delete."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.table = W.HTML()
        self.post = W.Dropdown(description="视频", layout=W.Layout(width="260px"))
        self.plays = W.Text(value="11", description="有效播放", layout=W.Layout(width="200px"))
        self.days = W.Text(value="0", description="天数", layout=W.Layout(width="160px"))
        self.play_button = W.Button(description="模拟播放", icon="play", button_style="warning")
        self.play_button.add_class("alisim-primary")
        self.delete_button = W.Button(description="删除视频", icon="trash")
        self.refresh_button = W.Button(description="刷新", icon="refresh")
        self.status = W.HTML()
        self.play_button.on_click(
            lambda _b: self.simulate(self.post.value, self.plays.value, self.days.value)
        )
        self.delete_button.on_click(lambda _b: self.delete(self.post.value))
        self.refresh_button.on_click(lambda _b: self.render())
        self.clock = W.HTML()
        self.widget = W.VBox(
            [
                css(),
                W.HTML(
                    "<div class='alisim-head'><b>True View 视频管理</b><div class='alisim-sub'>"
                    "质量等级：合格（审核通过）→ 良好（有产品和卖点介绍、不少于 15 秒、横屏 16:9）→ "
                    "优质（良好，且近 30 天有效播放多于 10 次）</div></div>"
                ),
                self.clock,
                self.table,
                W.HTML(
                    "<div class='alisim-help'>模拟买家观看：天数为 0 表示今天的播放；大于 0 时模拟时钟向前走这么多天，"
                    "播放平均分到每一天。</div>"
                ),  # fmt: skip
                W.HBox(
                    [
                        self.post,
                        self.plays,
                        self.days,
                        self.play_button,
                        self.delete_button,
                        self.refresh_button,
                    ]
                ),
                self.status,
            ]
        )
        self.widget.add_class("alisim-screen")
        self.render()

    def render(self) -> None:
        self.backend.refresh()
        posts = self.backend.media.posts()
        self.clock.value = f"<div class='alisim-help'>模拟时钟：{self.backend.now():%Y-%m-%d %H:%M}</div>"
        self.table.value = posts_table_html(self.backend, posts)
        options = [(f"{p.id} · {p.title[:16]}", p.id) for p in posts]
        current = self.post.value
        self.post.options = options
        self.post.value = (
            current if current in {p.id for p in posts} else (options[-1][1] if options else None)
        )

    def _say(self, ok: bool, text: str) -> None:
        cls = "alisim-ok" if ok else "alisim-fail"
        self.status.value = f"<div class='{cls}'>{'✔' if ok else '✘'} {esc(text)}</div>"

    def simulate(self, post_id: Any, plays: Any, days: Any = 0) -> bool:
        """「模拟播放」: ``plays`` effective plays over ``days`` days; True when they were recorded."""
        try:
            with self.backend.via("screen"):
                q = self.backend.media.simulate_plays(post_id, plays, days)
        except ValidationFailed as exc:
            self._say(False, "；".join(exc.by_field().values()))
            return False
        except SimError as exc:
            self._say(False, exc.message)
            return False
        self.render()
        self._say(True, f"已记录播放。{post_id} 近 30 天有效播放 {q.plays_30d} 次，质量等级：{q.level}")
        return True

    def delete(self, post_id: Any) -> bool:
        try:
            with self.backend.via("screen"):
                self.backend.media.delete_trueview(post_id)
        except SimError as exc:
            self._say(False, exc.message)
            return False
        self.render()
        self._say(True, f"已删除 {post_id}")
        return True

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


# The inspector's switches: (clip attribute, Chinese label).
_FLAGS = (
    ("slideshow", "PPT / 图片轮播"),
    ("aliwood", "Aliwood 生成"),
    ("self_made_intro", "自制片头"),
    ("heavy_filter", "多层滤镜"),
    ("shaky", "画面晃动"),
    ("black_bars", "有黑边或边框"),
    ("bgm_chinese_vocals", "中文歌曲作背景音乐"),
    ("product_intro", "有产品介绍"),
    ("selling_points", "有卖点介绍"),
)


class ClipInspector:
    """视频体检: which True View rules a clip breaks, and what it lacks for 良好. Change any fact to see."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        clips = backend.media.clips()
        self.source = W.Dropdown(
            options=[("自己设定", None)] + [(f"{c.id} · {c.file_name}", c.id) for c in clips],
            value=None,
            description="载入视频",
            layout=W.Layout(width="460px"),
        )
        small = W.Layout(width="210px")
        self.width = W.BoundedIntText(value=1920, min=1, max=10_000, description="宽（像素）", layout=small)
        self.height = W.BoundedIntText(value=1080, min=1, max=10_000, description="高（像素）", layout=small)
        self.seconds = W.BoundedFloatText(value=60, min=0, max=36_000, description="时长（秒）", layout=small)
        self.size_mb = W.BoundedFloatText(
            value=80, min=0, max=100_000, description="大小（MB）", layout=small
        )
        self.subtitles = W.Dropdown(options=list(rules.TRUEVIEW_SUBTITLES), value="英文", description="字幕",
                                    layout=small)  # fmt: skip
        self.voice = W.Dropdown(
            options=list(rules.TRUEVIEW_VOICES), value="无人声", description="配音", layout=small
        )
        self.watermark = W.Text(value="", description="水印", placeholder="如 剪映；没有就留空", layout=small)
        self.contacts = {
            c: W.Checkbox(description=c, value=False, indent=False) for c in rules.TRUEVIEW_REFUSED_CONTACTS
        }
        self.flags = {key: W.Checkbox(description=label, value=False, indent=False) for key, label in _FLAGS}
        self.result = W.HTML()
        self._loading = False
        controls = [self.width, self.height, self.seconds, self.size_mb, self.subtitles, self.voice, self.watermark,
                    *self.contacts.values(), *self.flags.values()]  # fmt: skip
        for control in controls:
            control.observe(lambda _c: self.render(), "value")
        self.source.observe(lambda ch: self.load(ch["new"]) if ch["new"] else None, "value")
        contact_box = W.HBox([W.HTML("画面里出现：", layout=W.Layout(width="90px")), *self.contacts.values()])
        self.widget = W.VBox(
            [
                css(),
                W.HTML("<div class='alisim-head'><b>视频体检（True View 发布要求）</b></div>"),
                self.source,
                W.HBox([self.width, self.height, self.seconds, self.size_mb]),
                W.HBox([self.subtitles, self.voice, self.watermark]),
                contact_box,
                W.GridBox(
                    list(self.flags.values()), layout=W.Layout(grid_template_columns="repeat(3, 220px)")
                ),
                self.result,
            ]
        )
        self.widget.add_class("alisim-screen")
        self.render()

    def load(self, video_id: str) -> None:
        """Put the facts of a bank clip into the controls."""
        clip = self.backend.media.clip(video_id)
        if clip is None:
            raise SimError(f"视频银行里没有编号为 {video_id} 的视频")
        self._loading = True
        try:
            self.width.value, self.height.value = clip.width, clip.height
            self.seconds.value = clip.duration_s
            self.size_mb.value = round(clip.size_bytes / _MB, 1)
            self.subtitles.value, self.voice.value, self.watermark.value = (
                clip.subtitles,
                clip.voice,
                clip.watermark,
            )
            for kind, box in self.contacts.items():
                box.value = kind in clip.contacts
            for key, box in self.flags.items():
                box.value = bool(getattr(clip, key))
        finally:
            self._loading = False
        if self.source.value != video_id:
            self.source.value = video_id
        self.render()

    def set(self, **facts: Any) -> ClipInspector:
        """Change facts from code, e.g. ``set(seconds=14)`` or ``set(contacts=["电话"])``."""
        self._loading = True
        try:
            for key, value in facts.items():
                if key == "contacts":
                    for kind, box in self.contacts.items():
                        box.value = kind in value
                elif key in self.flags:
                    self.flags[key].value = bool(value)
                elif key in ("width", "height", "seconds", "size_mb", "subtitles", "voice", "watermark"):
                    getattr(self, key).value = value
                else:
                    raise KeyError(f"没有这个视频信息：{key}")
        finally:
            self._loading = False
        self.render()
        return self

    def clip(self) -> VideoClip:
        """The clip the controls describe."""
        return VideoClip(
            id="CHECK",
            file_name="check.mp4",
            subject="",
            duration_s=self.seconds.value,
            width=self.width.value,
            height=self.height.value,
            size_bytes=int(self.size_mb.value * _MB),
            subtitles=self.subtitles.value,
            voice=self.voice.value,
            watermark=self.watermark.value.strip(),
            contacts=[k for k, box in self.contacts.items() if box.value],
            uploaded_on=self.backend.today(),
            **{key: box.value for key, box in self.flags.items()},
        )

    def violations(self) -> list[Violation]:
        return clip_violations(self.clip())

    def render(self) -> None:
        if self._loading:
            return
        clip = self.clip()
        broken = clip_violations(clip)
        if broken:
            items = "".join(f"<li>{esc(v.message)}</li>" for v in broken)
            self.result.value = f"<div class='alisim-fail'>✘ 不能发布到 True View，共 {len(broken)} 处问题：<ul>{items}</ul></div>"
            return
        gaps = good_gaps(clip)
        level = "合格" if gaps else "良好"
        more = (
            f"要评“良好”还需要：{'；'.join(gaps)}。"
            if gaps
            else "再有近 30 天多于 10 次有效播放，就能评为“优质”。"
        )
        self.result.value = (
            f"<div class='alisim-ok'>✔ 符合全部发布要求。发布后质量等级：{level}</div>"
            f"<div class='alisim-warn'>{esc(more)}</div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
