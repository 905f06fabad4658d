"""媒体中心 › 发布 True View 视频 (task 04.1.4): the video bank and the publishing form.

The bank table shows each clip's facts (duration, resolution, ratio, size, subtitles, voice, what else is in
the picture); which of them break a rule is for the student to judge: the simulator refuses a clip that
breaks any rule, naming every reason beside the video field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..sim import Backend, rules
from ..sim.media import TRUEVIEW_LABELS as L
from ..sim.media import aspect_name, fmt_duration, fmt_size
from ..sim.media_models import TrueViewPost, VideoClip
from .base import Field, Screen, SubmitResult, esc
from .file_fields import FileFieldsMixin
from .products import bank_image_label
from .style import css

__all__ = [
    "TrueViewScreen",
    "VideoBankPage",
    "VideoUploadScreen",
    "bank_table_html",
    "clip_facts",
    "posts_table_html",
]

_PRODUCT_TITLE_SHOWN = 70
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)  # FileUpload entries carry a datetime


def clip_facts(clip: VideoClip) -> str:
    """The clip's other facts in a few words: watermark, contact details, slideshow, Aliwood…"""
    facts = []
    if clip.watermark:
        facts.append(f"{clip.watermark}水印")
    facts += [f"出现{c}" for c in clip.contacts]
    for flag, text in (
        (clip.slideshow, "图片轮播"),
        (clip.aliwood, "Aliwood 生成"),
        (clip.self_made_intro, "自制片头"),
        (clip.heavy_filter, "多层滤镜"),
        (clip.shaky, "画面晃动"),
        (clip.black_bars, "有黑边"),
        (clip.bgm_chinese_vocals, "中文歌曲背景音乐"),
        (clip.product_intro, "有产品介绍"),
        (clip.selling_points, "有卖点介绍"),
    ):
        if flag:
            facts.append(text)
    return "、".join(facts) or "—"


# The bank table fits its box: fixed column widths (percent of the box) and long values wrapped, so the
# 其他信息 column the task's tip points to is never cut off; all rows scroll in a box of fixed height
# under a header that stays in view.
BANK_COLUMNS = (
    ("编号", 9), ("文件名", 12), ("内容", 11), ("时长", 5), ("分辨率", 9), ("画幅", 5), ("大小", 6),
    ("字幕", 5), ("配音", 5), ("其他信息", 19), ("展示的产品", 14),
)  # fmt: skip
BANK_HEIGHT_PX = 480
BANK_CSS = f"""<style>
.alisim-fit, .alisim-fit .widget-html-content {{ min-width: 0; max-width: 100%; width: 100%; }}
.alisim-bank {{ max-height: {BANK_HEIGHT_PX}px; overflow: auto; width: 100%; border: 1px solid #eee; }}
.alisim-bank table {{ table-layout: fixed; width: 100%; margin: 0; font-size: 12px; line-height: 1.4; }}
.alisim-bank th {{ position: sticky; top: 0; z-index: 1; padding: 4px 5px; }}
.alisim-bank td {{ padding: 4px 5px; overflow-wrap: anywhere; word-break: break-word; }}
</style>"""


def _td(value: Any, column: int) -> str:
    return f"<td>{esc(value)}</td>"


def bank_table_html(clips: list[VideoClip], products: dict[int, str] | None = None) -> str:
    """The video bank as a table (every value escaped)."""
    products = products or {}
    head = "".join(f"<th style='width:{w}%'>{h}</th>" for h, w in BANK_COLUMNS)
    rows = []
    for c in clips:
        shown = "、".join(
            f"{pid}" + (f" {products[pid][:24]}…" if pid in products else "") for pid in c.product_ids
        )
        cells = (
            c.id,
            c.file_name,
            c.subject,
            fmt_duration(c.duration_s),
            f"{c.width}×{c.height}（{c.resolution_p}P）",
            aspect_name(c.width, c.height),
            fmt_size(c.size_bytes),
            c.subtitles,
            c.voice,
            clip_facts(c),
            shown or "—",
        )
        rows.append("<tr>" + "".join(_td(v, n) for n, v in enumerate(cells)) + "</tr>")
    return (
        f"{BANK_CSS}<div class='alisim-bank'><table class='alisim-table'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def posts_table_html(backend: Backend, posts: list[TrueViewPost] | None = None) -> str:
    """My True View videos with their status and quality level."""
    posts = backend.media.posts() if posts is None else posts
    if not posts:
        return "<div class='alisim-help'>还没有发布 True View 视频。</div>"
    titles = {p.id: p.title for p in backend.state.products}
    rows = []
    for post in posts:
        q = backend.media.quality(post.id)
        linked = "、".join(f"{pid} {titles.get(pid, '')[:20]}…" for pid in post.product_ids) or "—"
        cells = (
            post.id,
            post.title,
            post.video_id,
            post.content_type,
            "、".join(post.tags),
            linked,
            backend.media.status(post),
            str(q.plays_30d),
            q.level,
            "；".join(q.missing) or "—",
        )
        rows.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "编号",
            "内容标题",
            "视频",
            "内容类型",
            "标签",
            "关联产品",
            "状态",
            "近30天有效播放",
            "质量等级",
            "升级还需要",
        )
    )
    return f"<table class='alisim-table'><tr>{head}</tr>{''.join(rows)}</table>"


class TrueViewScreen(Screen):
    """发布 True View 视频: clip, cover, content type, title, description, tags, products, publish time."""

    title = "发布 True View 视频"
    # L2265 calls what Mark publishes a "Tips 视频": it is this True View video, published through 粉丝通.
    subtitle = "My Alibaba › 媒体中心 › 视频发布 › 发布视频 › True View 视频（粉丝通 Tips 视频）"
    task_id = "04.1.4"
    submit_label = "发布"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._clips = backend.media.clips()
        self._products = backend.media.products()
        self._bank_images = list(backend.state.image_bank)
        self._pending_cover: Any = None  # a path typed instead of a file chosen (refused by the sim)
        self.fields = (
            Field("video", L["video"], "video", True, tuple(c.id for c in self._clips),
                  help="先看上方视频银行里每段视频的信息，再选一段符合 True View 全部要求的视频"),
            Field("cover_source", L["cover_source"], "radio", True, rules.TRUEVIEW_COVER_SOURCES),
            Field("cover_frame", L["cover_frame"], placeholder="第几秒，如 3",
                  help="从视频中截取这一秒的画面，平台自动生成 750×1334 的封面"),
            Field("cover_bank", L["cover_bank"], "select", False, tuple(b.id for b in self._bank_images),
                  help=f"封面选“图片银行”时，从图片银行里选一张竖版图片（不小于 {rules.TRUEVIEW_COVER_MIN_PX[0]}×{rules.TRUEVIEW_COVER_MIN_PX[1]}）"),
            Field("cover_file", L["cover_file"], "file",
                  help=f"JPG 或 PNG，尺寸不小于 {rules.TRUEVIEW_COVER_MIN_PX[0]}×{rules.TRUEVIEW_COVER_MIN_PX[1]}"),
            Field("content_type", L["content_type"], "select", True, rules.TRUEVIEW_CONTENT_TYPES),
            Field("title", L["title"], required=True, max_len=rules.TRUEVIEW_TITLE_MAX),
            # 标签 before 描述, as the publishing steps go (L2180, L2188).
            Field("tags", L["tags"], "tags", True, rules.TRUEVIEW_TAG_OPTIONS,
                  help=f"按视频内容从 品、商、行业 三类中选 {rules.TRUEVIEW_TAGS[0]}–{rules.TRUEVIEW_TAGS[1]} 个"),
            Field("description", L["description"], "textarea", True, max_len=rules.TRUEVIEW_DESCRIPTION_MAX,
                  help="可参考：类别+型号+展示内容；或 Learn more about [product] / Try [product] today"),
            Field("products", L["products"], "products", False, tuple(str(p.id) for p in self._products),
                  help=f"最多 {rules.TRUEVIEW_MAX_PRODUCTS} 个，必须是视频里展示的产品"),
            Field("publish", L["publish"], "radio", True, rules.TRUEVIEW_PUBLISH_MODES),
            Field("scheduled_at", L["scheduled_at"], placeholder="年-月-日 时:分，如 2022-11-01 10:00",
                  help="选择“定时发布”时填写，必须晚于模拟时钟的现在"),
        )  # fmt: skip
        super().__init__(backend)
        self.posts_view = W.HTML()
        self.widget.children = [*self.widget.children, W.HTML("<b>我的 True View 视频</b>"), self.posts_view]
        self._render_posts()

    # --- building --------------------------------------------------------------------------------
    def _header(self) -> W.Widget:
        names = {p.id: p.title for p in self.backend.state.products}
        self.bank_view = W.HTML(bank_table_html(self._clips, names), layout=W.Layout(width="100%"))
        self.bank_view.add_class("alisim-fit")
        return W.VBox(
            [
                super()._header(),
                W.HTML(
                    f"<b>视频银行</b>（共 {len(self._clips)} 段，已用 {fmt_size(self.backend.media.bank_used_bytes())}"
                    f" / 总空间 {rules.VIDEO_BANK_BYTES // 1024**3} GB，模拟日期 {self.backend.today()}）"
                    "<div class='alisim-help'>True View 要求：画幅 9:16、16:9、3:4 或 1:1；720P 及以上；"
                    "15 秒–3 分钟；500 MB 以内；英文字幕；无联系方式、水印、自制片头、PPT、Aliwood、重滤镜…</div>"
                ),
                self.bank_view,
            ]
        )

    def make_input(self, f: Field) -> W.Widget:
        if f.kind == "video":
            options = [("请选择视频", None)] + [(f"{c.id} · {c.file_name}", c.id) for c in self._clips]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="420px"))
        if f.key == "cover_bank":
            # Offered as the product screen offers the image bank, so the student sees each picture's size.
            options = [("请选择图片", None)] + [(bank_image_label(b), b.id) for b in self._bank_images]
            return W.Dropdown(options=options, value=None, layout=W.Layout(width="560px"))
        if f.kind == "file":
            return W.FileUpload(accept=".jpg,.jpeg,.png", multiple=False, description="选择图片")
        if f.kind == "tags":
            columns = []
            for board, tags in rules.TRUEVIEW_TAG_BOARDS.items():
                boxes = [W.Checkbox(description=t, value=False, indent=False) for t in tags]
                columns.append(
                    W.VBox([W.HTML(f"<b>{esc(board)}</b>"), *boxes], layout=W.Layout(width="150px"))
                )
            return W.HBox(columns)
        if f.kind == "products":
            rows = []
            for p in self._products:
                box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="28px"))
                title = (
                    p.title if len(p.title) <= _PRODUCT_TITLE_SHOWN else p.title[:_PRODUCT_TITLE_SHOWN] + "…"
                )
                label = W.HTML(f"<span title='{esc(p.title)}'>{p.id} · {esc(title)}</span>")
                # Rows must not shrink inside the scrolling box (they would overlap).
                row = W.HBox([box, label], layout=W.Layout(flex="0 0 auto", min_height="28px"))
                row.product_id = p.id  # type: ignore[attr-defined]
                rows.append(row)
            return W.VBox(rows, layout=W.Layout(max_height="220px", overflow="auto", width="620px"))
        return super().make_input(f)

    # --- values ----------------------------------------------------------------------------------
    def _tag_boxes(self) -> list[W.Checkbox]:
        return [box for column in self.inputs["tags"].children for box in column.children[1:]]

    def _product_rows(self) -> list[W.HBox]:
        return list(self.inputs["products"].children)

    def _product_id(self, value: Any) -> int:
        for p in self._products:
            if value == p.id or str(value).strip() == str(p.id) or value == p.title:
                return p.id
        raise ValueError(f"关联产品中没有这个产品：{str(value)[:60]}（只能选择店铺里已发布的产品）")

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "video":
            if value not in (None, "") and value not in f.options:
                raise ValueError(f"视频银行里没有这段视频：{str(value)[:40]}")
            widget.value = value or None
        elif f.key == "cover_bank":
            if value not in (None, "") and value not in f.options:
                raise ValueError(f"图片银行里没有这张图片：{str(value)[:40]}")
            widget.value = value or None
        elif f.kind == "file":
            self._set_cover_file(widget, value)
        elif f.kind == "tags":
            chosen = set(value or [])
            unknown = chosen - set(f.options)
            if unknown:
                raise ValueError(f"内容标签没有这个选项：{sorted(unknown)[0]}")
            for box in self._tag_boxes():
                box.value = box.description in chosen
        elif f.kind == "products":
            wanted = {self._product_id(v) for v in (value or [])}
            for row in self._product_rows():
                row.children[0].value = row.product_id in wanted
        else:
            super()._set(f, widget, value)

    def _set_cover_file(self, widget: W.FileUpload, value: Any) -> None:
        """Choose a file as the file dialog would: bytes, a path on disk, or an ipywidgets upload entry."""
        self._pending_cover = None
        if value in (None, "", ()):
            widget.value = ()
            return
        name, content = "cover", None
        if isinstance(value, dict) and "content" in value:
            name, content = str(value.get("name") or name), value["content"]
        elif isinstance(value, (bytes, bytearray, memoryview)):
            content = bytes(value)
        elif isinstance(value, (str, Path)) and len(str(value)) < 1000 and Path(str(value)).is_file():
            name, content = Path(str(value)).name, Path(str(value)).read_bytes()
        if content is None or not isinstance(content, (bytes, bytearray, memoryview)):
            widget.value = ()
            self._pending_cover = value  # the sim says what is wrong with it
            return
        data = bytes(content)
        widget.value = (
            {
                "name": name,
                "type": "",
                "size": len(data),
                "content": memoryview(data),
                "last_modified": _EPOCH,
            },
        )

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.inputs[f.key]
            if f.kind == "file":
                if w.value:
                    item = w.value[0]
                    out[f.key] = {"name": item["name"], "content": bytes(item["content"])}
                else:
                    out[f.key] = self._pending_cover
            elif f.kind == "tags":
                out[f.key] = [b.description for b in self._tag_boxes() if b.value]
            elif f.kind == "products":
                out[f.key] = [row.product_id for row in self._product_rows() if row.children[0].value]
            else:
                out[f.key] = w.value
        return out

    # --- submitting ------------------------------------------------------------------------------
    def _apply(self, values: dict[str, Any]) -> Any:
        return self.backend.media.publish_trueview(values)

    def submit(self) -> SubmitResult:
        result = super().submit()
        self._render_posts()
        return result

    def success_message(self) -> str:
        posts = self.backend.media.posts()
        if not posts:
            return "已发布"
        post = posts[-1]
        q = self.backend.media.quality(post.id)
        level = f"，质量等级：{q.level}" if q.level in rules.TRUEVIEW_QUALITY_LEVELS else ""
        return f"发布成功：{post.id}（{self.backend.media.status(post)}{level}）"

    def _render_posts(self) -> None:
        self.posts_view.value = posts_table_html(self.backend)

    def _load_saved(self) -> None:
        posts = self.backend.media.posts()
        if not posts:
            return
        post = posts[-1]
        known = {p.id for p in self._products}
        values: dict[str, Any] = {
            "video": post.video_id if post.video_id in self.field("video").options else None,
            "cover_source": post.cover.source if post.cover.source in rules.TRUEVIEW_COVER_SOURCES else None,
            "cover_frame": "" if post.cover.frame_s is None else f"{post.cover.frame_s:g}",
            "cover_bank": post.cover.bank_id
            if post.cover.bank_id in self.field("cover_bank").options
            else None,
            "content_type": post.content_type if post.content_type in rules.TRUEVIEW_CONTENT_TYPES else None,
            "title": post.title,
            "description": post.description,
            "tags": [t for t in post.tags if t in rules.TRUEVIEW_TAG_OPTIONS],
            "products": [pid for pid in post.product_ids if pid in known],
            "publish": post.publish if post.publish in rules.TRUEVIEW_PUBLISH_MODES else None,
            "scheduled_at": f"{post.publish_at:%Y-%m-%d %H:%M}" if post.publish != "立即发布" else "",
        }
        self.fill(**values)
        if post.cover.source == "上传图片":
            cover = f"封面：已上传 {esc(post.cover.file_name)}（{post.cover.width}×{post.cover.height}），重新发布需再次选择图片"
        elif post.cover.source == "图片银行":
            cover = f"封面：图片银行的 {esc(post.cover.bank_id)}（{post.cover.width}×{post.cover.height}）"
        else:
            cover = f"封面：视频第 {post.cover.frame_s or 0:g} 秒的画面"
        self.status.value = (
            f"<div class='alisim-ok'>✔ 已保存：{esc(post.id)}（{esc(self.backend.media.status(post))}）。"
            f"{cover}</div>"
        )


class VideoUploadScreen(FileFieldsMixin, Screen):
    """上传视频: put an MP4/MOV of one's own into the video bank (10 GB in all, L2001)."""

    title = "上传视频到视频银行"
    subtitle = "媒体中心 > 视频银行 > 上传视频 · MP4/MOV，时长和清晰度从文件里读出"
    submit_label = "上传"
    file_accept = {"file": ".mp4,.mov"}
    fields = (
        Field("file", "视频文件", "file", True),
        Field("subject", "视频内容说明", "text", False, max_len=100, placeholder="如 平衡板：3 岁小朋友试玩"),
        Field("subtitles", "字幕", "select", True, rules.TRUEVIEW_SUBTITLES),
        Field("voice", "人声", "select", True, rules.TRUEVIEW_VOICES),
    )

    def __init__(self, backend: Backend) -> None:
        self.on_saved: list = []  # callbacks(clip) after a clip entered the bank
        super().__init__(backend)
        self.fill(subtitles="无", voice="无人声")

    def _apply(self, values: dict[str, Any]) -> Any:
        clip, advice = self.backend.media.upload_video(
            values["file"], values["subject"], values["subtitles"], values["voice"]
        )
        self._clip = clip
        for callback in self.on_saved:
            callback(clip)
        self.inputs["file"].value = ()  # the next upload starts empty; the details stay for the next one
        return [
            *advice,
            f"视频银行已用 {fmt_size(self.backend.media.bank_used_bytes())} / {fmt_size(rules.VIDEO_BANK_BYTES)}",
        ]

    def success_message(self) -> str:
        c = self._clip
        return f"已放进视频银行：{c.id}（{c.file_name} · {c.duration_s:g} 秒 · {c.width}×{c.height}）"


class VideoBankPage:
    """视频银行: every clip of the store with its facts, filterable by what it shows."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.search = W.Text(
            placeholder="按编号、文件名或内容筛选，如 toy、玩具", layout=W.Layout(width="360px")
        )
        self.table = W.HTML(layout=W.Layout(width="100%"))
        self.table.add_class("alisim-fit")
        self.search.observe(lambda _c: self.render(), "value")
        self.upload = VideoUploadScreen(backend)
        self.upload.on_saved.append(lambda _clip: self.render())
        self.widget = W.VBox(
            [css(), W.HTML("<div class='alisim-head'><b>视频银行</b></div>"), self.search, self.table,
             self.upload.widget]
        )  # fmt: skip
        self.widget.add_class("alisim-screen")
        self.render()

    def shown(self) -> list[VideoClip]:
        words = self.search.value.strip().casefold()
        clips = self.backend.media.clips()
        if not words:
            return clips
        return [c for c in clips if words in f"{c.id} {c.file_name} {c.subject}".casefold()]

    def render(self) -> None:
        names = {p.id: p.title for p in self.backend.state.products}
        clips = self.shown()
        used = f"已用 {fmt_size(self.backend.media.bank_used_bytes())} / {fmt_size(rules.VIDEO_BANK_BYTES)}"
        self.table.value = f"<div class='alisim-help'>{len(clips)} 段视频 · {used}</div>" + bank_table_html(
            clips, names
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
