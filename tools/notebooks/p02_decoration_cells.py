"""Cells of 02_store.ipynb for 知识点 4 (the global shop) and the decoration task 02.4.1 (our design).

``tools/notebooks/build_02_store.py`` imports :func:`decoration_cells`. The cells expect the notebook's
setup cell to have defined ``aw``, ``backend``, ``check`` and ``SelfCheck``. The answer cell makes its
pictures with Pillow and its video header with ``struct``: no media file ships with the course.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nbbuild import code, grade, locked_md, md, quiz, solution  # noqa: E402

from autograde import SPECS  # noqa: E402

__all__ = ["decoration_cells", "DECORATION_TASKS"]

DECORATION_TASKS = {"02.4.1": "全球旺铺装修", "02.q9": "知识检测：谁能装修旺铺"}

KNOWLEDGE = """
## 知识点 4　全球旺铺

**旺铺是什么？** 全球旺铺是平台给每家供应商的“企业官网”：买家点进店铺，看到的首页、产品分组、
公司介绍和联系方式都在这里。它不只是展示信息，更是**营销**的阵地。电脑端（PC）旺铺装修好以后，
可以一键同步到手机端（无线旺铺）。

> 只有**管理员**和**制作员**可以装修旺铺，业务员和业务经理不行（见权限表“管理全球旺铺”一行）。

**首页由一个个“板块”拼成**，常用的有：

| 板块 | 作用 | 规则 |
|---|---|---|
| 店招（招牌） | 店铺最上面的横幅，放公司 Logo 和公司名称（名称的字体、字号、效果可以自己选） | 建议 1200×280 像素，**更小会上传失败**；底部 44 像素被导航栏挡住 |
| 轮播 banner | 几张海报轮流播放，宣传新品和活动 | 最多 4 张，JPG/PNG，每张 ≤ 2 MB，**建议**宽 900 像素（其他宽度也能保存，会被缩放），高 250、350 或 450 像素；轮播时间：不轮播（买家手动切换）/ 每五秒切换 / 每十秒切换 |
| 通栏 banner | 横跨整个屏幕的大图 | 最多 5 张，宽 1920 像素，高 550 或 650 像素 |
| 产品推荐 | 七种样式：橱窗产品、带类目产品、单品、平铺、重点推荐、主营产品认证、智能产品推荐；每种能加的次数有限 | 平铺最多 8 个产品，手动挑选；橱窗产品按后台橱窗的顺序展示；板块上可以加标题和链接 |
| 客服模块 | 买家一点就能找到对应的客服 | 最多 5 个账号，头像仅支持 JPG/PNG，建议 100×100 像素 |
| 自定义内容区 | 自己写文字、放图片 | 最多 15 个 |
| 视频 | 介绍公司规模、工厂设备、研发和团队 | 不超过 10 分钟 |

banner 和产品推荐这类板块从左边的“营销”“产品”分组里**拖到页面上合适的位置**，再点板块空白处进入设置。

**装修的几个要点**：主题颜色统一；产品陈列有重点；轮播海报放最重要的信息；用视频展示实力；
用好自定义区。一家好店铺能让买家很快看到四件事：**商家能力**（工厂、展会、服务过的买家）、
**产品表达**（清楚的分组和排序）、**品牌调性**和**服务能力**（回复率、回复速度、服务过的国家）。
"""

TASK = """
## 实操 02.4.1　全球旺铺装修（拓展任务）

Mark 要给店铺装修首页。请在下面的“全球旺铺装修”页面完成这些板块（用自己的图片和视频，
尺寸按要求准备；不会做图的同学可以用画图软件新建一张指定尺寸的图片）：

1. **店招**：上传一张 **1200×280 像素**的店招图片（JPG 或 PNG），勾选“显示公司名称”；
2. **轮播 banner**：上传 **3 张**（或更多）宽 900、高 **350 像素**的图片，轮播时间选 **每五秒切换**；
3. **通栏 banner**：上传至少 1 张 **1920×550 像素**的图片，高度选 550；
4. **产品推荐**：板块类型选 **平铺**，把店铺里已发布的 **2 个产品**都选上（公司 Logo、名称字体等可以自己选，不计分）；
5. **客服模块**：添加客服 **Xu tiantian**，旺旺账号自己取，客服类型选 **售前咨询**，头像为 **100×100 像素**；
6. **自定义内容区**：添加一个标题为 **Why Choose Us** 的内容区，内容用英文写一两句公司的优势；
7. **视频**：上传一段不超过 10 分钟的 MP4 公司介绍视频。

每个板块填好后点它自己的“保存”按钮；页面最下方是首页预览，红字提示会告诉你哪张图片不合格、差在哪里。
"""

ANSWER = '''
# 用 Pillow 现做需要的图片、用 PyAV 现做一段视频（真正装修时请用设计好的图片和拍好的视频），再通过页面上传；可以反复运行
import io
from fractions import Fraction

import av
from PIL import Image, ImageDraw

if backend.state.acting_as != "admin":
    backend.switch_account("admin")  # 只有管理员和制作员可以装修


def picture(width, height, color, fmt="PNG", text=""):
    img = Image.new("RGB", (width, height), color)
    if text:
        ImageDraw.Draw(img).text((40, 40), text, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def mp4(seconds, size=(640, 360)):
    """A real MP4 (one still picture for `seconds` seconds) that stands in for the company video."""
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as out:
        stream = out.add_stream("mpeg4", rate=1)
        stream.width, stream.height, stream.pix_fmt = *size, "yuv420p"
        for at in (0, seconds - 1):  # two frames: the first and the last second
            frame = av.VideoFrame.from_image(Image.new("RGB", size, (255, 106, 0)))
            frame.pts, frame.time_base = at, Fraction(1)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return buf.getvalue()


values = dict(
    signboard_image=("signboard.png", picture(1200, 280, (255, 106, 0), text="HuNan DianYue")),
    show_company_name=True,
    carousel_images=[(f"banner{n}.jpg", picture(900, 350, c, "JPEG", f"Banner {n}"))
                     for n, c in enumerate([(230, 90, 40), (40, 120, 200), (60, 160, 90)], 1)],
    carousel_height=350,
    carousel_rotation="每五秒切换",
    banner_images=[("full_width.jpg", picture(1920, 550, (250, 200, 80), "JPEG", "New arrivals"))],
    banner_height=550,
    agent1_name="Xu tiantian",
    agent1_tm_account="dianyue_xu",
    agent1_kind="售前咨询",
    agent1_avatar=("xu.png", picture(100, 100, (255, 180, 150))),
    video_file=("company_profile.mp4", mp4(95)),
    product_module_type="平铺",
    tiled_products=[str(p.id) for p in backend.decoration.products()][:8],
    video_title="HuNan DianYue Company Profile",
)
if not any(a.title == "Why Choose Us" for a in backend.decoration.current.custom_areas):
    values.update(custom_title="Why Choose Us",
                  custom_content="We have a complete supply chain system and offer one-stop sales services.")
result = decoration.fill(**values).submit()
result
'''


def decoration_cells() -> list:
    """Knowledge 4, the decoration task 02.4.1 (screen, self-check, answer, grade) and its quiz."""
    return [
        md(KNOWLEDGE),
        *quiz("02.q9"),
        locked_md(TASK, "task_02_4_1"),
        code('decoration = aw.screen_for("02.4.1", backend)\ndecoration'),
        code('SelfCheck(backend, "02.4.1")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(ANSWER, "answer_02_4_1"),
        grade('check("02.4.1", backend)', "check_02_4_1", SPECS["02.4.1"].points),
    ]
