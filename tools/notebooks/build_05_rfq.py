"""Build course/05_rfq/05_rfq.ipynb (项目五 商机沟通: RFQ 市场与报价)."""

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
from alisim_widgets.screens.rfq import MyQuotesPage, RfqMarketPage, RfqSubscriptionScreen
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("05_rfq", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

TASK_SOLUTION = """
if backend.rfq.record("RFQ-BLOCKS-01") is None:
    quote.market.search("building blocks", stars="3 星")
    quote.market.open("RFQ-BLOCKS-01")
    quote.fill(
        rfq_id="RFQ-BLOCKS-01",
        product_name="Slide Building Blocks toys City House",
        product_code="M00257",
        details="Name:Slide Building Blocks toys City House\\nSize: Round box 20*20 cm\\n"
        "Suitable for: 0-6 month baby\\nColor: colored\\nMaterial: Solid wood",
        unit="盒/boxes",
        trade_terms="FOB Shanghai",
        valid_until="2022-11-25",
        currency="USD",
        price_tiers=[(100, 18.00), (500, 15.00)],
        payment_terms=["T/T"],
        sample="free sample, buyer pays freight, sent within 3 days of confirmation",
        message="Hello, we are very happy that we have goods that meet your procurement needs, I hope you can "
        "take a look at our quotation information, and look forward to in-depth cooperation with you! Thank you!",
        value_added_services=[],
        product_image="IMG-HOUSE-01",
    ).submit()
"""

QUIZ_IDS = sorted((q for q in QUESTIONS if q.startswith("05.")), key=lambda q: int(q.split("q")[-1]))


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


CHECKLIST = (
    'TaskChecklist(backend, {"05.1.4": "RFQ 商机报价", '
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

cells = [
    md("""
# 项目五　商机沟通：RFQ 市场与报价

**学习目标**
- 说清 RFQ 是什么：买家怎样发布采购需求，卖家在哪里看到、怎样报价；
- 记住 RFQ 市场的规则：报价名额、三星 RFQ、报价权益；
- 会用关键词和类目订阅商机，会搜索、筛选 RFQ；
- 报价前会读 RFQ、会调研买家；
- 在模拟后台找到与 Mark 的积木商品相符的采购需求，完整填写报价表单并发出报价。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。操作会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 11 月 1 日。店铺的产品和视频都已经上线，可光等买家上门还不够。Mark 听说国际站有个
“采购直达”市场，海外买家会把想买的东西直接发布出来，等着供应商报价。他打开后台，准备主动出击：
先看看市场里有哪些采购需求，再挑一条和店里积木相符的，给买家发一份像样的报价。
"""),
    md("""
## 知识点 1.1　RFQ 是什么

**RFQ**（Request for Quotation，询价请求）是买家**主动**填写的采购需求：要什么产品、多少数量、
什么条件，然后委托平台去找合适的卖家。卖家看到需求后，按买家的要求及时报价。

| 叫法 | 内容 |
|---|---|
| 英文名称 | AliSourcePro |
| 中文名称 | 采购直达 |
| 俗称 | RFQ |
| 买家发布需求的网址 | rfq.alibaba.com |
| 卖家查看和报价的网址 | sourcing.alibaba.com（后台：商机沟通 → RFQ 商机） |

和询盘不同，询盘是买家看中了**某个卖家的某个产品**才发来的；RFQ 是买家把需求**公开**出来，
很多卖家都能看到、都能报价，所以要拼速度、拼报价质量。
"""),
    md("""
## 知识点 1.2　RFQ 市场和它的规则

RFQ 市场默认展示平台**推荐**给你的商机，你也可以按常用搜索词搜索，或者订阅类目和关键词。
市场里每条 RFQ 都会显示：标题、星级、浏览量、发布地区、采购量，以及“剩余 N 个报价名额”。

**市场规则**（务必记住）：
1. 每条 RFQ **最多接受 10 个报价**，名额满了就不能再报（有“报价畅行”权益的卖家不受这个限制）；
2. **三星** RFQ 的需求信息更完整、买家质量更好，成交转化也更高；
3. 每报一次价，消耗**一条报价权益**；
4. 权益的来源：付费会员的会员包每月默认 **20 条**，按服务分或返赠规则赠送的，以及不定期线上活动送的。

下面就是模拟的 RFQ 市场。顶部可以在“全部商机”和“为您推荐商机”（按你的订阅推荐、还能报价的）之间切换。
试一试：搜索 `building blocks`，再用“星级”“名额”“发布”筛选，换一种排序；点“查看详情”看一条 RFQ 的完整内容。
注意有的 RFQ 已经“已满”或“已过期”。
"""),
    code("RfqMarketPage(backend)"),
    md("""
### 商机订阅：让合适的 RFQ 自己找上门

在“商机订阅设置”里可以订阅**类目**和**关键词**。订阅以后，符合条件的新 RFQ 会通过**邮件或 APP**
通知你，所有订阅到的商机都能在“MA › 采购直达 › RFQ 商机”里查看和报价。

页面上写着最多可以添加 100 个类目、100 个关键词；教材的批注却说最多 5 个类目和 24 个关键词。
模拟后台按页面的 100 / 100 执行，超过 5 个类目或 24 个关键词时提醒你：订阅贵精不贵多，
订得太杂，推送来的商机反而不准。

试一试：给店铺订阅和积木、婴儿玩具有关的类目和英文关键词，看看下面“为您推荐商机”怎么变。
"""),
    code("RfqSubscriptionScreen(backend)"),
    md("""
## 知识点 1.3　报价之前：读懂 RFQ，调研买家

**先读 RFQ 页面**，从四个地方判断买家有多想买：
1. 有没有**附件**（规格书、图纸）；
2. 有没有**图片**；
3. 有没有**三星**标识：三星是经过平台验真的严肃商机；
4. **发布时间**：越早回复，买家越早看到你，反馈也越快。

**再调研买家和产品**：
- 素材：RFQ 的标题和图片；渠道：阿里巴巴、谷歌、购物网站；
- 目的：弄清买家要的到底是什么产品、他心里大概的价位，估一估他的利润空间和竞争情况。

**看买家的行为**：**访问时间**（最近还来不来）、**活跃情况**（常不常登录、发不发询盘、有没有下过单）、
**搜索行为**（最近在搜什么）、**竞品了解**（他看过哪些同类产品、什么价格）。

在上面的市场里点开一条 RFQ 的“查看详情”，下方的“报价前的买家调研”就是这些信息。
对比一下：同样是买家，有的几乎每天都来、回复率很高；有的一个多月没登录、邮箱也没验证。
你会先给谁报价？
"""),
    md("""
## 知识点 1.4　报价表单

在 RFQ 详情页点“报价”，就进入报价表单：

- **报价语言**：非英语的商机可以选对应语言（例如西班牙语），默认 English；
- 表格里的内容**要用英文填写**（买家是海外客户），有其他疑问可以加附件，也可以用保存过的**报价模板**；
- **产品信息**：产品名称、编码、产品细节（材料、尺寸、用途、工艺等），可以从“我的 RFQ 产品”导入；
- **价格条款**：商品单位、贸易术语和港口（如 FOB Shanghai）、报价有效期、货币、按采购数分档的单价、付款方式；
- **物流 / 样品服务**：是否提供样品、样品费、运费谁付、确认后几天内寄出；
- **报价信息**：写给买家的一段话；还可以选择增值服务和产品图片。

报价发出后，这条 RFQ 的报价名额就少一个，你的报价权益也少一条。同一条 RFQ 不能重复报价；
买家回复之前，可以修改已发出的报价（不再消耗权益）。

## 知识点 1.5　报价权益从哪里来

| 方式 | 说明 |
|---|---|
| 免费获取 | 付费会员每月赠送 **20 条**；按服务力等级分数，下个月再赠送；参加报价返赠活动，下个月赠送；不定期营销活动赠送 |
| 付费获取 | 免费会员：购买**基础餐包**；付费会员：购买**加油包** |

免费会员入驻时能免费获得 **10 条**报价权益（项目一会员权益表）。模拟后台在市场和报价页的顶部显示本月还剩几条。
"""),
    locked_md(
        """
## 实操 05.1.4　RFQ 商机报价

Mark 查看了采购直达，发现店里的积木商品符合一条采购需求，决定报价。请先在下面页面上方的
**RFQ 市场**里找到这条采购需求（用关键词搜索，看清标题、描述、采购量、有效期和剩余名额；
有的积木 RFQ 已经满了或过期了），点“报价”，再按下面的内容填写报价表单并提交：

| 项目 | 内容 |
|---|---|
| 产品名称 | Slide Building Blocks toys City House |
| 产品编码 | M00257 |
| 产品细节 | Name:Slide Building Blocks toys City House<br>Size: Round box 20*20 cm<br>Suitable for: 0-6 month baby<br>Color: colored<br>Material: Solid wood |
| 商品单位 | 盒/boxes |
| 装运信息 | FOB Shanghai |
| 报价有效期 | 2022 年 11 月 25 日 |
| 采购数与单价 | 100 件以上 18 美金，500 件以上 15 美金；货币单位：USD |
| 付款方式 | T/T |
| 样品 | 支持提供样品，免费提供，运费由买家支付，确认后 3 天内寄送样品 |
| 报价信息 | Hello, we are very happy that we have goods that meet your procurement needs, I hope you can take a look at our quotation information, and look forward to in-depth cooperation with you! Thank you! |
| 增值服务 | 无 |

产品图片任务没有指定，可以从图片银行里选一张积木城市小屋的图片。

**提示**：一条 RFQ 只能报一次价。填错了也不要紧：勾选“修改报价”，改好后再提交（买家回复以前都可以改）。
评分看你对这条采购需求的报价。
""",
        "task_05_1_4",
    ),
    code('quote = aw.screen_for("05.1.4", backend)\nquote'),
    code('SelfCheck(backend, "05.1.4")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(TASK_SOLUTION, "answer_05_1_4"),
    grade('check("05.1.4", backend)', "check_05_1_4", SPECS["05.1.4"].points),
    md("""
### 报价以后：等买家回复

买家不会马上回复。下面是“我的报价”：点“**等待 1 天**”让模拟时钟前进一天，过一两天买家的回复就到了。
回复有三种：**回复**（有兴趣，接着谈）、**提问**（比如要样品、问最好的价格和交期）、**拒绝**（比如价格远远
高于他的预算）。想一想：如果报价时不提供样品，或者价格比他看过的同类产品贵很多，会发生什么？

（等待会让模拟日期往后走，RFQ 可能因此满员或过期；本任务的得分不受影响。）
"""),
    code("MyQuotesPage(backend)"),
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

- RFQ（采购直达，AliSourcePro）是买家主动发布的采购需求，卖家在后台“商机沟通 › RFQ 商机”里查看和报价；
- 每条 RFQ 最多 10 个报价名额，满了不能再报（报价畅行权益除外）；三星 RFQ 更完整、买家更优质；
- 每次报价消耗一条权益：付费会员每月 20 条，免费会员入驻时 10 条；还可以按服务分、返赠活动获得，或购买基础餐包、加油包；
- 订阅类目和关键词，新商机通过邮件或 APP 通知；
- 报价前先读 RFQ（附件、图片、三星、发布时间），再调研买家（访问时间、活跃情况、搜索行为、竞品了解）；
- 报价表单用英文填写：产品信息、单位、贸易术语和港口、有效期、货币、阶梯价格、付款方式、样品、报价信息。

下一个项目，Mark 要管理越来越多的客户：客户通、客户分组和营销邮件。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "05_rfq" / "05_rfq.ipynb", "项目五 商机沟通")
    print(f"wrote {out}")
