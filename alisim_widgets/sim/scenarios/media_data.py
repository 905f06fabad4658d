"""The storyline's video bank (视频银行): the clips the designer handed Mark for True View (04_media).

Two clips of the velvet dress (product 3178) pass every True View rule, ``VID-DRESS-01`` (16:9, product and
selling points: 良好 once published) and ``VID-DRESS-02`` (9:16: 合格). Every other clip breaks exactly one
rule (named in ``BREAKS``), so the video bank teaches each rule once. Sizes are in bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..media_models import VideoClip

__all__ = ["DRESS_CLIP_ID", "COMPLIANT_CLIPS", "BREAKS", "video_bank"]

DRESS_CLIP_ID = "VID-DRESS-01"
MB = 1024 * 1024
_DRESS, _DEERC, _MUSHROOM, _BOARD, _RAINBOW = 3178, 3175, 3176, 3177, 3179
_BLOCKS, _BRICKS, _FEEDING, _MARBLE, _GOWN = 3168, 3169, 3170, 3180, 3181
_PUMPKIN, _SWEATER, _MAGNETIC = 3185, 3186, 3187

_HD = {"width": 1920, "height": 1080}
_VERTICAL = {"width": 1080, "height": 1920}
_GOOD = {"product_intro": True, "selling_points": True}

# (id, file name, what it shows, seconds, size in MB, product ids, other metadata)
_CLIPS: list[tuple[str, str, str, float, float, list[int], dict[str, Any]]] = [
    ("VID-DRESS-01", "velvet-dress-showcase-en.mp4", "黑色丝绒连衣裙：模特上身展示，英文讲解面料和卖点",
     58, 86, [_DRESS], {**_HD, **_GOOD, "voice": "英文"}),
    ("VID-DRESS-02", "velvet-dress-vertical.mp4", "黑色丝绒连衣裙：竖版上身效果，配英文字幕",
     32, 41, [_DRESS], {**_VERTICAL, "product_intro": True}),
    ("VID-DRESS-03", "velvet-dress-teaser.mp4", "黑色丝绒连衣裙：新品预告片段",
     12, 18, [_DRESS], {**_HD, "product_intro": True}),
    ("VID-DRESS-04", "velvet-dress-full-runway.mp4", "黑色丝绒连衣裙：完整走秀",
     205, 310, [_DRESS], {**_HD, **_GOOD, "voice": "英文"}),
    ("VID-DRESS-05", "velvet-dress-phone-480p.mp4", "黑色丝绒连衣裙：手机拍摄的细节",
     48, 22, [_DRESS], {"width": 854, "height": 480, **_GOOD}),
    ("VID-DRESS-06", "velvet-dress-cinema.mp4", "黑色丝绒连衣裙：宽银幕风格短片",
     45, 120, [_DRESS], {"width": 2560, "height": 1080, **_GOOD}),
    ("VID-DRESS-07", "velvet-dress-cn-subtitles.mp4", "黑色丝绒连衣裙：上身展示（中文字幕）",
     50, 74, [_DRESS], {**_HD, **_GOOD, "subtitles": "中文"}),
    ("VID-DRESS-08", "velvet-dress-cn-voiceover.mp4", "黑色丝绒连衣裙：主播讲解（中文配音）",
     66, 96, [_DRESS], {**_HD, **_GOOD, "voice": "中文"}),
    ("VID-DRESS-09", "velvet-dress-jianying.mp4", "黑色丝绒连衣裙：剪辑版上身展示",
     40, 58, [_DRESS], {**_HD, **_GOOD, "watermark": "剪映"}),
    ("VID-DRESS-10", "velvet-dress-wechat-qr.mp4", "黑色丝绒连衣裙：结尾放了微信二维码",
     55, 80, [_DRESS], {**_HD, **_GOOD, "contacts": ["二维码"]}),
    ("VID-SWEATER-01", "girls-sweater-dress-en.mp4", "女童针织毛衣裙：小模特穿着效果",
     40, 52, [_SWEATER], {**_VERTICAL, "product_intro": True}),
    ("VID-GOWN-01", "flower-girl-gown-email.mp4", "女童亮片礼服裙：结尾显示联系邮箱",
     36, 47, [_GOWN], {**_VERTICAL, "product_intro": True, "contacts": ["邮箱"]}),
    ("VID-GOWN-02", "flower-girl-gown-website.mp4", "女童亮片礼服裙：片中出现外部网站网址",
     44, 60, [_GOWN], {**_HD, **_GOOD, "contacts": ["外域网址"]}),
    ("VID-RC-01", "deerc-rc-car-offroad.mp4", "DEERC 遥控车：越野实测，英文讲解",
     75, 110, [_DEERC], {**_HD, **_GOOD, "voice": "英文"}),
    ("VID-PILLOW-01", "mushroom-pillow-slides.mp4", "蘑菇毛绒抱枕：几张产品图片轮播",
     30, 9, [_MUSHROOM], {"width": 1080, "height": 1080, "slideshow": True}),
    ("VID-BOARD-01", "balance-board-aliwood.mp4", "儿童平衡板：Aliwood 一键生成",
     25, 15, [_BOARD], {**_HD, **_GOOD, "aliwood": True}),
    ("VID-RAINBOW-01", "rainbow-stacking-filter.mp4", "彩虹叠叠乐：加了多层复古滤镜",
     38, 50, [_RAINBOW], {**_VERTICAL, "product_intro": True, "heavy_filter": True}),
    ("VID-BLOCKS-01", "wooden-blocks-factory-intro.mp4", "木质积木：开头是工厂自制片头",
     62, 90, [_BLOCKS], {**_HD, **_GOOD, "self_made_intro": True}),
    ("VID-BRICKS-01", "wooden-bricks-no-subtitles.mp4", "彩色积木：英文讲解，但没有字幕",
     47, 66, [_BRICKS], {**_HD, **_GOOD, "voice": "英文", "subtitles": "无"}),
    ("VID-FEEDING-01", "feeding-set-cn-song.mp4", "硅胶餐具：背景音乐是中文流行歌",
     34, 44, [_FEEDING], {**_VERTICAL, "product_intro": True, "bgm_chinese_vocals": True}),
    ("VID-PUMPKIN-01", "pumpkin-plush-4k.mp4", "南瓜毛绒玩具：4K 拍摄",
     170, 620, [_PUMPKIN], {"width": 3840, "height": 2160, **_GOOD}),
    ("VID-MAGNETIC-01", "magnetic-board-phone.mp4", "磁性画板：画面里写着销售电话",
     29, 35, [_MAGNETIC], {**_VERTICAL, "product_intro": True, "contacts": ["电话"]}),
    ("VID-MARBLE-01", "marble-race-handheld.mp4", "弹珠轨道积木：手持拍摄，晃动明显",
     52, 70, [_MARBLE], {**_HD, **_GOOD, "shaky": True}),
    ("VID-MARBLE-02", "marble-race-letterbox.mp4", "弹珠轨道积木：上下有黑边",
     41, 55, [_MARBLE], {"width": 1080, "height": 1440, "product_intro": True, "black_bars": True}),
]  # fmt: skip

COMPLIANT_CLIPS = ("VID-DRESS-01", "VID-DRESS-02", "VID-SWEATER-01", "VID-RC-01")
# The one rule each other clip breaks (rule ids of sim.media.RULE_NAMES): the tests hold the bank to this.
BREAKS = {
    "VID-DRESS-03": "duration_min",
    "VID-DRESS-04": "duration_max",
    "VID-DRESS-05": "resolution",
    "VID-DRESS-06": "aspect",
    "VID-DRESS-07": "subtitles_chinese",
    "VID-DRESS-08": "voice_chinese",
    "VID-DRESS-09": "watermark",
    "VID-DRESS-10": "contact_二维码",
    "VID-GOWN-01": "contact_邮箱",
    "VID-GOWN-02": "contact_外域网址",
    "VID-PILLOW-01": "slideshow",
    "VID-BOARD-01": "aliwood",
    "VID-RAINBOW-01": "heavy_filter",
    "VID-BLOCKS-01": "self_made_intro",
    "VID-BRICKS-01": "subtitles_missing",
    "VID-FEEDING-01": "bgm_chinese",
    "VID-PUMPKIN-01": "size",
    "VID-MAGNETIC-01": "contact_电话",
    "VID-MARBLE-01": "shaky",
    "VID-MARBLE-02": "black_bars",
}


def video_bank() -> list[VideoClip]:
    """Every clip of the bank (the designer uploaded them in August 2022, one a day)."""
    first = dt.date(2022, 8, 1)
    clips = []
    for n, (clip_id, name, subject, seconds, size_mb, products, meta) in enumerate(_CLIPS):
        meta = {"subtitles": "英文", **meta}
        clips.append(
            VideoClip(
                id=clip_id,
                file_name=name,
                subject=subject,
                duration_s=seconds,
                size_bytes=int(size_mb * MB),
                product_ids=list(products),
                uploaded_on=first + dt.timedelta(days=n % 18),
                **meta,
            )
        )
    return clips
