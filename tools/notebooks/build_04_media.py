"""Build course/04_media/04_media.ipynb (项目四 媒体中心: True View 粉丝通)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, quiz, solution, write  # noqa: E402

from alisim_widgets.sim.quiz import QUESTIONS  # noqa: E402
from autograde import SPECS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from alisim_widgets.screens.trueview_tools import ClipInspector, TrueViewManager
from autograde import check

backend = aw.open_backend("04_media", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

VIDEO_TIME = """
# 2016–2020 年美国成年人每天花在各类数字活动上的平均时间（分钟）
import plotly.graph_objects as go

years = [2016, 2017, 2018, 2019, 2020]
minutes = {
    "Digital video": [97, 100, 104, 108, 113],
    "Digital audio": [77, 79, 81, 83, 85],
    "Social networks": [58, 60, 62, 64, 66],
    "Facebook": [40, 41, 42, 43, 44],
    "Instagram": [25, 26, 27, 28, 29],
    "Snapchat": [24, 26, 27, 28, 29],
}
fig = go.Figure([go.Scatter(x=years, y=v, name=k, mode="lines+markers") for k, v in minutes.items()])
fig.update_layout(title="看视频的时间逐年增加", xaxis_title="年份", yaxis_title="分钟/天", height=360,
                  xaxis=dict(dtick=1))
fig
"""

TASK_SOLUTION = """
if not backend.media.posts():
    trueview.fill(
        video="VID-DRESS-01",
        cover_source="视频截帧",
        cover_frame="3",
        content_type="产品使用效果",
        title="双十一新品介绍",
        description="It is the princess dress in the eyes of girls. let the little girl like a princess dexterous and lovely.",
        tags=["使用效果", "新品介绍"],
        products=["2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female Party Clubwear Vestido"],
        publish="立即发布",
    ).submit()
"""

QUIZ_IDS = sorted(q for q in QUESTIONS if q.startswith("04."))


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


CHECKLIST = (
    'TaskChecklist(backend, {"04.1.4": "发布粉丝通视频", '
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

cells = [
    md("""
# 项目四　媒体中心：True View（粉丝通）

**学习目标**
- 说出 True View 是什么、有哪几类视频、买家在哪里看到它；
- 记住发布路径和视频要求（画幅、清晰度、时长、大小，以及哪些内容不能出现）；
- 会选封面、加标签、写描述、关联产品；
- 判断一条视频的质量等级（合格、良好、优质），知道怎样让它升级；
- 在模拟后台从视频银行里挑出合格的视频，发布一条 True View 视频。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。操作会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 10 月 20 日，湖南典阅科技的店铺已经开张半年，产品也发布了不少。“双十一”快到了，
美工给 **Mark** 拍了一批产品视频，放进了后台的**视频银行**。Mark 想用这些视频在国际站的内容频道
True View（中文叫“粉丝通”）里做推广，为新品引流。可视频不是随便哪段都能发：平台有一整套要求。
这个项目里，你要帮 Mark 挑出能发的视频，把它发布出去。
"""),
    md("""
## 知识点 1.1　True View 是什么

True View 是国际站上一个专门放**短视频**的频道。卖家用真人出镜、实拍产品的方式，告诉买家
“这个东西为什么值得买”，也可以分享买家的使用体验。平台把视频分成四类：

| 类别 | 拍什么 |
|---|---|
| 真人出镜 | 有人出镜讲解、示范产品 |
| 产品实拍 | 直接拍产品本身：外观、细节、做工 |
| 经验分享 | 分享选品、使用、行业里的经验 |
| 产品测评 | 对产品做测试、对比、打分 |

发布时还可以按视频的用途选内容类型，比如本项目任务里的“产品使用效果”。

**为什么要做视频？** 买家看视频的时间越来越多。下面是 2016–2020 年美国成年人每天花在各类数字
活动上的平均分钟数，看视频（Digital video）一直排第一，而且逐年增加。
"""),
    code(VIDEO_TIME),
    md("""
**买家在哪里看到 True View？**
- 国际站网站首页的视频推荐区；
- Alibaba.com 手机 App 首页的第二个标签页（与 Just For You、Buyers Picks、New Arrivals 等栏目并列）。

视频做得好，买家刷到就可能点进店铺、发起询盘。
"""),
    md("""
## 知识点 1.2　发布路径和五个步骤

路径：**My Alibaba → 媒体中心 → 视频发布 → 发布视频 → True View 视频 → 立即发布**。

1. **添加视频**：从视频银行选一段符合要求的视频；
2. **选封面**：从视频里截一帧，或从图片银行里挑一张图片，尺寸不小于 **750 × 1334** 像素（竖版）；
3. **选内容标签**：标签分“品、商、行业”三大类，按视频内容选，**至少 1 个，最多 3 个**；
4. **写内容描述**：标签选好以后再写描述，说清视频讲什么（见下面的描述公式）；
5. **关联产品**：把视频里出现的产品挂上去，**最多 9 个**，而且必须和视频内容一致。

最后选择“立即发布”，或“定时发布”（定时的时间必须晚于现在）。
"""),
    md("""
## 知识点 1.3　视频要求：哪些能发，哪些不能发

| 项目 | 要求 |
|---|---|
| 画幅比例 | 9:16、16:9、3:4 或 1:1（推荐 9:16 竖版；要求清单里还写了 4:3，模拟器也接受） |
| 清晰度 | 高清 720P 及以上（看短边：1280×720 是 720P，854×480 只有 480P） |
| 时长 | 15 秒到 3 分钟，建议 1 分钟左右 |
| 大小 | 500 MB 以内 |
| 字幕和声音 | 要有**英文字幕**；中文字幕、中文配音不通过；背景音乐不要用带中文人声的歌 |

**下面这些都会被拒绝：**
- PPT 或几张图片来回切换的视频；Aliwood 生成的视频；
- 画面里出现外部网站网址、私人联系方式、电话、二维码、微信、邮箱；
- 商家自制片头、剪辑软件片头，剪辑软件的水印；
- 滤镜太重或叠了好几层，看不清产品本来的样子；
- 画面抖动，有黑边或边框。

**动手试一试：视频体检。** 先在“载入视频”里选视频银行里的一段视频，看看它有没有问题；
再改一改时长、尺寸、字幕或勾选框，看看哪条规则会亮红灯。
"""),
    code("ClipInspector(backend)"),
    md("""
## 知识点 1.4　封面、标签、描述、关联产品

**封面**：可以从视频里截一帧（平台自动裁成 750 × 1334），也可以从**图片银行**里选一张图片（模拟器还允许直接上传）。
图片至少 750 像素宽、1334 像素高：横版图片（例如 1334 × 750）不行，项目三那些 800 × 800 的方形产品图也不够高。

**内容标签**分三大类，按视频实际内容选 1–3 个：
- **品**（产品）：产品卖点、产品细节、使用效果、产品测评、新品介绍……
- **商**（商家）：服务、实力、日更，例如物流效率、工厂金品视频、生产线；
- **行业**：行业趋势、行业科普、买家好评……

**描述公式**：让买家一眼看懂视频讲什么。

| 类型 | 公式 | 例子 |
|---|---|---|
| 品 | 类别 + 型号 + 展示内容 + 序号 | 蓝牙鼠标GS3775电竞 |
| 商 | 服务 / 实力 / 日更 | 物流效率、工厂金品视频、生产线 |
| 人 | 国籍 + 买家姓名 + 产品 + 序号 | 俄罗斯MIKE-TWS005好评 |

英文描述也有常用句式：科普类 *Learn more about [product]*；福利类 *Get my free XXX now!*、
*Try [product] today*、*Sale ends at midnight*；互惠推荐 *Are you looking for the hottest product? LOOK here!!*

**关联产品**：最多 9 个，只挂视频里真正出现的产品。视频拍的是连衣裙，就不能挂遥控车。
"""),
    md("""
## 知识点 1.5　视频质量等级

审核通过的视频会被评为三个等级之一，等级越高，平台给的曝光机会越多：

| 等级 | 条件 |
|---|---|
| 合格 | 通过审核就是合格。平台会提出优化建议，例如内容不完整、清晰度低、有噪音 |
| 良好 | 同时满足：有产品介绍、有卖点介绍、时长不少于 15 秒、横屏 16:9 |
| 优质 | 先达到良好，再加上效果数据：**近 30 天有效播放多于 10 次**（正好 10 次还不够） |

注意两点：竖版 9:16 的视频可以发布，但评不上“良好”；“近 30 天”是滚动计算的，老的播放会慢慢“过期”。
发布视频以后，你可以在下面的“True View 视频管理”里模拟买家观看，看等级怎么变化。
"""),
    md("""
## 知识点 1.6　数据查看：视频发出去以后看什么

视频发布不是终点。在后台的 True View 视频管理里，每条视频都有自己的数据，卖家主要看三样：

- **状态**：已发布，还是定时发布、还在等待上线；
- **近 30 天有效播放次数**：买家真正看了多少次。它按最近 30 天滚动计算，一个月前的播放会慢慢不算数；
- **质量等级**和**升级还差什么**：合格的视频缺产品介绍、卖点介绍、时长或横屏 16:9 中的哪一样，
  良好的视频离“近 30 天有效播放多于 10 次”还差多少。

看数据的目的是改进：播放少，就换更吸引人的封面、标签和描述，或者多发几条；质量等级上不去，就按
“升级还需要”那一栏补拍、重剪。本项目的管理页（实操后面）就是一个简化的数据页，可以边模拟播放边观察。

## 知识点 1.7　谁能用粉丝通

粉丝通不是所有卖家都能用，它是会员权益的一部分（项目一的会员权益表里“商机获取”一栏）：

| 会员类型 | 能否使用粉丝通 |
|---|---|
| 免费会员 | 不能 |
| 出口通（普通会员） | 只有**一星商家**可以用 |
| 金品诚企（高端会员） | **全部商家**都可以用 |

所以 Mark 的店铺要先开通付费会员，出口通会员还要达到一星商家，才能在粉丝通里发视频。
"""),
    locked_md(
        """
## 实操 04.1.4　发布粉丝通视频

粉丝通是国际站做内容营销的工具：卖家发布内容把买家吸引过来、获得客户，让买家成为粉丝、愿意再回来看，
最后把这些流量变成生意。Mark 收到了美工做好的产品视频（都在视频银行里），要用它们在国际站发布一条
**Tips 视频**，也就是本项目说的 True View 短视频。请从视频银行里选一段**符合 True View 全部要求**的视频，
按下面的要求发布：

| 项目 | 内容 |
|---|---|
| 内容类型 | 产品使用效果 |
| 内容描述 | It is the princess dress in the eyes of girls. let the little girl like a princess dexterous and lovely. |
| 产品名称（关联产品） | 2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female Party Clubwear Vestido |
| 内容标题 | 双十一新品介绍 |
| 发布时间 | 立即发布 |

封面和内容标签任务没有指定，请自己按规则选择（封面可以从视频中截取一帧，也可以从图片银行里选一张够大的竖版图片；
标签 1–3 个）。

**提示**：先仔细看视频银行表格里每段视频的时长、分辨率、画幅、大小、字幕、配音和“其他信息”。
选了不合格的视频，系统会在“视频”旁边列出它违反的**每一条**要求。评分看你**最近一次**发布的视频。
""",
        "task_04_1_4",
    ),
    code('trueview = aw.screen_for("04.1.4", backend)\ntrueview'),
    code('SelfCheck(backend, "04.1.4")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(TASK_SOLUTION, "answer_04_1_4"),
    grade('check("04.1.4", backend)', "check_04_1_4", SPECS["04.1.4"].points),
    md("""
### 看看质量等级怎么变化

发布以后，视频的质量等级显示在下面的管理页里。选中你的视频，填“有效播放”次数和天数，点“模拟播放”：
天数为 0 是今天的播放；天数大于 0 时，模拟时钟会往后走这么多天。试一试：
1. 先模拟 10 次播放，等级变了吗？再加 1 次呢？
2. 把时钟往后拨 30 天（播放 1 次、天数 30），原来的播放还算“近 30 天”吗？

（模拟播放不影响本任务的得分。）
"""),
    code("TrueViewManager(backend)"),
    md("""
## 知识检测

每道题选好答案后点击“提交答案”，答案会保存下来，可以改了再交。
"""),
    *quiz_cells(),
    md("""
## 我的进度
"""),
    code(CHECKLIST),
    md("""
## 小结

- True View 是国际站的短视频频道，视频分真人出镜、产品实拍、经验分享、产品测评四类，买家在网站首页和
  App 首页第二个标签页看到它；
- 发布路径：媒体中心 → 视频发布 → 发布视频 → True View 视频；步骤是选视频、选封面、加标签、写描述、挂产品；
- 视频要求：画幅 9:16 / 16:9 / 3:4 / 1:1，720P 以上，15 秒–3 分钟，500 MB 以内，英文字幕；
  不能有联系方式、网址、二维码、水印、自制片头、PPT、Aliwood、重滤镜、中文字幕或中文配音；
- 封面（视频截帧或图片银行图片）不小于 750 × 1334；先选标签（1–3 个）再写描述；关联产品最多 9 个并与内容相符；
- 质量等级：合格 → 良好（产品和卖点介绍、≥ 15 秒、横屏 16:9）→ 优质（再加近 30 天有效播放多于 10 次）；
  发布后看数据（状态、近 30 天有效播放、质量等级）来改进视频；
- 粉丝通是会员权益：免费会员不能用，出口通会员中的一星商家和全部金品诚企会员可以用。

下一个项目，Mark 要去 RFQ 市场找采购需求，给海外买家报价。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "04_media" / "04_media.ipynb", "项目四 媒体中心")
    print(f"wrote {out}")
