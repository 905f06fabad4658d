"""Build course/03_product/03_product.ipynb (项目三 产品管理: 发布直接下单品与定制品、产品运营工作台)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, solution, write  # noqa: E402

from alisim_widgets.sim import rules  # noqa: E402
from autograde import SPECS  # noqa: E402
from tests.quiz_answers import QUIZ_ANSWERS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.product_workbench import ProductWorkbench
from alisim_widgets.screens.products import CategoryPicker, LadderPreview, MainImageChecker, TitleChecker
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("03_product", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

RTS_SOLUTION = """
if not any(p.task_id == "03.3.5" for p in backend.state.products):
    import io

    from PIL import Image, ImageDraw

    def marble_photo(n):
        # a white 800×800 picture with a coloured ball: a real JPG file, made on the spot
        pic = Image.new("RGB", (800, 800), "white")
        ImageDraw.Draw(pic).ellipse((180, 180, 620, 620), fill=(230, 40 + 35 * n, 40))
        out = io.BytesIO()
        pic.save(out, "JPEG", quality=90)
        return (f"marble-race-{n}.jpg", out.getvalue())

    rts_page.fill(
        category="玩具 >> 积木",
        product_type="Ready to Ship",
        title="Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks Toys 6 Children Gift",
        keywords=["Building Blocks Toys"],
        place_of_origin="China",
        brand="DY",
        material="Plastic",
        scene="Transportation",
        feature="Poisonless and Harmless",
        color="Red",
        description="Specification:\\nProduct type:Slide DIY Blocks\\nAge: 8-13 years\\nPiece:168pcs\\nMaterial:ABS\\nColor:Red\\nSize:168pcs:16*16*12cm\\nNote : You need DIY by yourself to build up the toy. Great for kids playing and studying.",
        price_mode="根据数量设置FOB价格（阶梯价）",
        sell_by="按件卖",
        unit="Box/Boxes",
        price_tiers=[(1, 20.00), (50, 18.00), (100, 15.00)],
        stock=1000,
        sku_code="6852000",
        lead_time=[(100, 7)],
        package_cm=(20, 20, 10),
        weight_kg=0.5,
        logistics_attribute="普货",
        freight_template="系统默认运费模板",
        samples=False,
        customization=[],
        other_services=[],
        images=[marble_photo(n) for n in range(1, 6)],
    )
    print(rts_page.submit())
"""

CUSTOM_SOLUTION = """
if not any(p.task_id == "03.3.6" for p in backend.state.products):
    import io

    from PIL import Image as PilImage

    def dress_photo(n):
        # a pink 800×800 picture: a real JPG file, made on the spot
        buffer = io.BytesIO()
        PilImage.new("RGB", (800, 800), (250, 190 - 10 * n, 210)).save(buffer, "JPEG", quality=90)
        return (f"kids-dress-{n}.jpg", buffer.getvalue())

    custom_page.fill(
        category="服装 > 儿童服装 > 儿童连衣裙",
        product_type="Customization",
        title="Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls Princess Kids Dresses",
        keywords=["Kids Dresses"],
        place_of_origin="China",
        brand="DY",
        features=["Washable", "Breathable", "Anti-static"],
        color="Pink",
        size="M",
        sku_code="6204420000",
        description="Specification:\\nSweet Princess pooping dress\\nAge: 0-6 months\\nMaterial:Cotton\\nColor:Pink",
        price_mode="根据数量设置FOB价格（阶梯价）",
        unit="piece/pieces",
        price_tiers=[(50, 98.00), (100, 90.00)],
        payment_methods=["L/C", "T/T", "Western Union"],
        lead_time=[(1000, 7)],
        shipping_mode="海运",
        port="shanghai",
        supply_ability=(1000, "周"),
        samples={"supported": True, "max_qty": 5, "price_usd": 120},
        package_cm=(20, 20, 5),
        weight_kg=0.5,
        logistics_attribute="普货",
        freight_template="系统默认运费模板",
        customization=[],
        other_services=[],
        images=[dress_photo(n) for n in range(1, 6)],
    )
    print(custom_page.submit())
"""

QUIZ = [f"03.q{n}" for n in range(1, 11)]


def quiz_cells() -> list:
    cells = []
    for qid in QUIZ:
        n = qid.split("q")[-1]
        answer = QUIZ_ANSWERS[qid]  # the teacher's key: the specs hold digests only
        answer = answer if len(answer) > 1 else answer[0]
        cells.append(code(f'aw.screen_for("{qid}", backend)'))
        cells.append(
            solution(f'aw.screen_for("{qid}", backend).fill(answer={answer!r}).submit()', f"q{n}_answer")
        )
        cells.append(grade(f'check("{qid}", backend)', f"q{n}_check", SPECS[qid].points))
    return cells


PROHIBITED = "\n".join(f"| {n} | {name} |" for n, name in rules.PROHIBITED_CLASSES.items())
MEDICAL = "\n".join(f"{i}. {c}" for i, c in enumerate(rules.MEDICAL_III_CATEGORIES, 1))

cells = [
    md("""
# 项目三　产品管理

**学习目标**
- 说出国际站为什么给产品分层，读懂“产品运营工作台”里的成长分和五个维度；
- 记住主图、主图视频的素材要求，认出禁售、限售商品和常见的发布违规（重复铺货、标题违规）；
- 会选精准类目，会按规则写标题和关键词，填好属性、价格、物流和服务；
- 在模拟后台发布一款直接下单品（Ready to Ship）和一款定制品（Customization）。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。灰色表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交；你的操作自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 4 月，湖南典阅科技的店铺已经注册、认证、装修好了。店里先上架了十来款产品：遥控车、毛绒抱枕、
平衡板、丝绒连衣裙、木制积木……但 Mark 发现有的产品几乎没人看。产品部又送来了两款新品的资料：一套
弹珠轨道积木，要做成**买家可以直接下单**的产品；一款女童公主裙，要做成**接受定制**的产品。

这个项目里，你先用“产品运营工作台”给店里的老产品做一次体检，再按规则把两款新品发布出去。
"""),
    md("""
## 知识点 1.1　为什么要给产品分层

同一个店铺里，产品的质量参差不齐。平台用一套统一的标准给每个产品打分、分层，三方都得到好处：

| 对谁 | 好处 |
|---|---|
| 卖家 | 新发的产品怎么提升、老产品效果好不好，有一把统一的尺子 |
| 平台 | 知道该扶持哪些产品，让买家看到更好的产品，促成更多生意 |
| 买家 | 产品信息更规范、更完整，找货更快 |

分数高的产品会被评为“实力优品”，再往上是“爆品”，能拿到更多的曝光和营销权益。

## 知识点 1.2　产品运营工作台与成长分

后台路径：**产品管理 → 产品运营工作台**。表格里每个产品一行：产品类型、**产品成长分**，以及成长分背后的
五个维度——**产品优势、内容表达、行业特色、交易表现、额外加分**——每个维度显示“已达标”或“待优化”，
最后一列是平台给出的优化建议条数。

平台没有公开算分公式。本实训的模拟器把公式写了出来，方便你看懂“为什么是这个分”：

| 维度 | 满分 | 怎样得分（模拟器的规则） |
|---|---|---|
| 产品优势 | 25 | 阶梯价 2 档以上 8（价格区间 6）；起订量低 5；支持样品 4；支持定制服务 4；7 天内发货 4 |
| 内容表达 | 35 | 标题不违规 6，长度 60–70 再加 4；关键词填满 3 个 5；主图 5 张以上 8，图片清晰、近似正方形再加 2；主图视频 7；详细描述 200 字符以上 3 |
| 行业特色 | 20 | 必填属性填全 10，选填属性按填写比例最多 10 |
| 交易表现 | 20 | 近 90 天订单、近 30 天询盘越多越高 |
| 额外加分 | 0–5 | 快速发货 2，图文视频齐全 3（有违规时不加） |

一个维度拿到满分的 80% 就算“已达标”。下面就是店铺现在的工作台：按成长分从低到高排，勾选“只看有违规的产品”，
再点开分数最低的几个，看看它们丢分在哪里。
"""),
    code("workbench = ProductWorkbench(backend)\nworkbench"),
    md("""
> 想一想：ID 3177 的平衡板为什么被标成“违规”？ID 3168 和 3169 又是什么问题？后面的知识点会讲到。

## 知识点 1.3　成长分提升页

在真实后台，工作台里还有两张“成长分提升”页，直接下单品和定制品**各看各的**：

- **产品管理 → 产品运营工作台 → Ready to Ship 成长分提升**
- **产品管理 → 产品运营工作台 → Customization 成长分提升**

每张页面都是一张对照表：每个评分项一行，列出**当前得分、目标得分、差距**三列；表下面给出这类产品成长分的
**要求范围**，以及平台的**优化提升建议**。教材截图里的评分项有：产品成长分、行业特色、内容质量、文档质量、
图片质量、视频质量、音频质量、交互质量、客服质量、物流质量、售后质量、综合质量。

用法很简单：先找“差距”最大的那一行，照着建议去补，补一项、看一次分。
"""),
    md(f"""
## 知识点 2.1　开店前的素材准备

发布产品前，先把素材准备齐：**产品图片和视频**、**产品参数、属性和价格**、**定制能力、生产流程、包装运输和工厂介绍**。

**主图**（买家第一眼看到的图）：

| 项目 | 要求 |
|---|---|
| 文件 | JPG、JPEG 或 PNG；单张不能超过 5 MB（建议控制在 3 MB 以内，打开更快） |
| 尺寸 | 640×640 像素以上，750×750 最好；近似正方形 |
| 数量 | 建议每款 5 张以上：SKU、正面、背面、侧面、细节；4 张以上就能给产品加分 |
| 画面 | 产品居中、大小适中、完整；浅色或纯白背景；不放中文、不加水印和“牛皮癣”；Logo 最好不放，要放只放左上角 |

**主图视频**：{rules.MAIN_VIDEO_ADVISED_MIN_SECONDS}–{rules.MAIN_VIDEO_MAX_SECONDS} 秒（最长 45 秒，15–30 秒效果最好），清晰度不低于 480P（640×480），
不超过 100 MB，横屏拍摄，背景素净。**详情页视频**：不超过 10 分钟、不低于 480P、不超过 500 MB。
一个视频最多关联 20 个产品；视频银行一共 10 GB。有视频的产品，流量大约是只有图片的 1.5 倍。

**产品参数、属性和价格**要提前整理成表。先看**基础销售属性**，一共五项：

| 销售属性 | 要整理什么 |
|---|---|
| 价格 | 定制品填价格区间，直接下单品填阶梯价格 |
| 起订量、支付方式、物流 | 最少买多少，怎么付款，怎么发货 |
| SKU | 颜色、尺寸、大小、重量等规格 |
| 样品和定制 | 能不能直接拿样品，能不能定制 |
| 型号 | 产品的型号 |

定制规格最多可以配 **4 个**（例如颜色、尺寸、材质、重量），支付方式、物流方式里至少选一种；
如果支持样品，还要写清每次最少拿几个样品、样品按什么单位算。

再看**行业特征**，也就是买家页面上 **Quick Details**（产品速览）那一块：材质、使用范围、容量这类
能说明“这是什么行业的什么产品”的参数。以一张办公桌为例，它的 Quick Details 是这样的：

| 参数 | 值 | 参数 | 值 |
|---|---|---|---|
| Feature | Convertible | Specific Use | Office Desks |
| General Use | Commercial Furniture | Type | Office Furniture |
| Mail packing | N | Material | metal |
| Appearance | Modern | Metal Type | Iron |
| Place of Origin | Fujian, China | Brand Name | NO |
| Model Number | DR-CT9005 | Product Name | Custom Office Modern Desk |
| Usage | Office Furniture | | |

买家按条件筛选产品时，用的就是这些参数：填得越全，越容易被筛到。

试一试：选一张自己电脑里的图片，看看它能不能当主图。
"""),
    code("MainImageChecker()"),
    md(f"""
## 知识点 2.2　禁售和限售商品

**禁售**：下面 17 类商品不能发布。清单里的第 7 类“医疗器械”有一个例外要记住：其中的**第三类医疗器械**
（例如隐形眼镜、医用耗材）不是一概不能卖，而是按**限售**处理——有证书、发在指定类目就可以发布（见下面的“限售”）。
其他医疗器械，以及另外 16 类商品，都不能发布。

| 序号 | 禁售类别 |
|---|---|
{PROHIBITED}

**限售**：需要先拿到政府或行业的许可证明，在 **My Alibaba → 认证中心 → 证书管理** 提交，审核通过后才能发布。
以**第三类医疗器械**为例（它就是上面第 7 类的例外）：有证书也只能发布在下面六个类目；没有证书发布，或者发到其他类目（不管有没有证书），都会被扣分。

{MEDICAL}

试一试：在类目搜索框里输入 `香烟`、`ivory`、`contact lens`、`积木`，看看分别得到什么结果。
"""),
    code("CategoryPicker()"),
    md("""
## 知识点 2.3　常见的发布违规

**图片违规**：盗用别人的图片（改过也不行）、图里出现别人的品牌、产品上有专利部分却正面展示。

**重复铺货**：同一款产品，只改了标题、主图、属性或详情中的几样就再发一次，平台只会展示其中一个，还会处罚。
想多覆盖一些搜索词，应该用关键词，而不是一款产品发很多次。

**标题违规**：
- 用了别人的品牌词或专利词，例如 IPHONE、bluetooth；
- 同一个单词用了三次或以上（例如 Board、Board、Board）。

**搜索诊断**：后台有一套“搜索诊断”工具帮你自查，包括：搜索诊断首页、供应端诊断优化、关键词诊断优化、
产品诊断优化和排名查询工具。产品搜不到、排名靠后时，先到这里看看问题出在哪一环。

## 知识点 2.4　违规了怎么处理

违规的产品会被扣分、少展示，越早改越好。处理的思路是“哪里违规就改哪里”：

| 违规类型 | 怎么改 |
|---|---|
| 标题用了品牌词、专利词 | 删掉别人的品牌词、专利词，换成描述产品本身的词 |
| 同一个单词用了三次或以上 | 删掉重复的词，每个词最多用两次 |
| 重复铺货 | 同款只保留一个；想覆盖更多搜索词，改用关键词 |
| 图片违规 | 换成自己拍的图，去掉别人的品牌；专利部分换个角度拍 |
| 第三类医疗器械没证书、放错类目 | 先在认证中心提交证书，再移到六个指定类目之一 |

想查自己被扣了多少分，到 My Alibaba 后台左侧菜单：**服务中心 → 规则频道 → 规则中心**。

下面是一个实时的标题检查器：改一改平衡板的标题，让它既不违规、长度又在 60–70 个字符之间。
"""),
    code(
        'TitleChecker("Kids Plastic Balance Board with Maze Game Integration Training Wobble Board '
        'Children Fitness Board Activity Game")'
    ),
    md("""
## 知识点 3.1　选对类目，选对产品类型

一个产品由这些部分组成：**类目、标题、价格、规格属性、物流信息、定制和拿样、支付方式、产品参数、供货能力和包装信息**。
其中**类目是获取流量的第一步**：放错类目，买家就搜不到。选类目有两种办法——输入关键词搜索，或者一级一级往下选，
一定要选到最后一级。

选类目时常见的三个问题：

| 问题 | 怎么办 |
|---|---|
| 类目放错了 | 到买家首页搜同类产品，看别人放在哪个类目，照着参考 |
| 产品可以放进好几个类目 | 多覆盖几个合适的类目，能更全面地拿到流量 |
| 网站上没有合适的类目 | 可以向平台**提报新类目** |

发布时还要先决定产品类型：

| | Ready to Ship（直接下单品） | Customization（非直接下单品 / 定制品） |
|---|---|---|
| 适合的买家 | 中小批发商、小型零售商 | 品牌商、工厂、大型零售商 |
| 买家想要 | 快速交易、快速发货、低起订量、经常返单、轻度定制 | 深度定制：来图、来样、来料加工，开模 |
| 价格展示 | 按数量的**阶梯价格**，买家直接下单 | 一般显示**价格区间**（也可以按数量设阶梯价） |
| 发货 | 必须 **15 天内**发货；运费用运费模板算清楚，**不能用协商物流** | 按约定的交货期，常走海运、港口交货 |
| 支付 | 在线下单付款 | 可选 L/C、T/T、Western Union 等 |
"""),
    md("""
## 知识点 3.2　标题和关键词

**标题**是买家搜索时第一个被匹配的内容，可以按“**营销词 + 修饰词 + 属性词 + 核心词 + 场景词**”来组合：
- 长度适中，**60–70 个字符左右**最好，最多 128 个字符；
- 有多个规格可以写进去，例如 `30w/50w/100w light`；
- `with`、`for` 可以用，放在核心词后面；
- 同一个东西有不同叫法可以都放进标题，但不要堆砌同一个词。

**关键词**至少填 1 个、最多 3 个，每个不超过 128 个字符，彼此不要重复。三个关键词地位相同，可以参考：
`营销词 + 产品中心词`、`重要属性词 + 产品中心词`、`营销词/属性词 + 中心词的近义词`。
用数据管家的“关键词指数”看看哪个词搜的人多、竞争小：输入关键词、选择国家，就能看到相关词的
**相关性、热度趋势、点击率和竞争情况**。

标题可以分三步做：**基础标题制作 → 流量词添加 → 多标题发布**。先按上面的组合写出基础标题；再从关键词指数里
挑相关性高、热度在涨的流量词补进去；最后用不同的标题覆盖不同的流量词。注意：多发的产品之间要有真正的区别
（型号、规格等），只改标题的同款属于重复铺货（知识点 2.3）。

## 知识点 3.3　属性、售卖属性和物流信息

- **属性**：带星号的必须填，没有的可以自定义补充；属性越完整，越容易被买家按条件筛选到；
- **阶梯价格**：买得越多单价越低，起订量一档比一档高、单价一档比一档低；低起订量更受小批量买家欢迎；
- **样品**：支持拿样能提高下单的可能；
- **物流信息**：包装尺寸和重量决定运费；Ready to Ship 要保证 15 天内发货；发货期可以按数量设最多 3 个范围；
  包装方式要写出对货物的**保护措施**，例如防撞、防水；
- **定制服务**：勾选能做的定制（LOGO、外包装、图案……），支持定制能提高成长分。

定制和服务这一栏里的几项：

| 项目 | 含义 |
|---|---|
| LOGO 定制 / 外包装定制 / 图案定制 | 每一种都要写最小定制量，例如 100 Set/Sets |
| 自定义定制名称 | 上面没有的定制，自己起名字，最多 50 个字 |
| 私模产品 | 用专门开的模具生产的产品；研发中的新品和私模产品**不会在前台展示** |
| 生产可在线服务 | 能不能在线配合买家的生产流程需求，帮买家下单 |
| 特殊一站式服务 | 能不能为在 Amazon、eBay 等电商平台卖货的买家提供服务，能提高买家的转化率 |

试一试：用弹珠轨道积木的阶梯价，看看买 49 盒和买 50 盒各要付多少钱。
"""),
    code('LadderPreview([(1, 20.00), (50, 18.00), (100, 15.00)], unit="Box/Boxes")'),
    md("""
## 知识点 3.4　详细描述、主图和视频

详情页要把规格、材质、尺寸、包装、用途讲清楚，配上图片和视频。主图单张不超过 5 MB，大于 640×640，
不带中文、水印；一个产品 4 张图以上有助于提分。被检测到用了侵权图片会扣分；反过来，给自己的图片加上
**图片守护**，可以防止图片被别人盗用。主图视频不超过 45 秒、不超过 100 MB，放在主图第一张的位置；
详情视频放在详情页。店里没有视频时，可以用平台的工具把图片合成视频。
"""),
    locked_md(
        """
## 实操 03.3.5　发布直接下单品（Ready to Ship）

经过一周的准备，店铺已经开好。产品部送来一款积木的资料，请帮 Mark 把它发布成**直接下单品**：

| 项目 | 内容 |
|---|---|
| 产品类目 | 玩具 >> 积木 |
| 产品类型 | Ready to Ship |
| 产品名称 | Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks Toys 6 Children Gift |
| 产品关键词 | Building Blocks Toys |
| 原产地 / 品牌 / 材质 | China / DY / Plastic |
| 场景 / 产品特性 / 颜色 | Transportation / Poisonless and Harmless / Red |
| 价格设置方式 | 根据数量设置 FOB 价格，按件卖 |
| 计量单位 | Box/Boxes |
| 阶梯价格 | 最小起订量 ≥ 1：20 美元；≥ 50：18 美元；≥ 100：15 美元 |
| 可售数量 | 1000 |
| 商品编码 | 6852000 |
| 发货期 | 100 件以内（含 100）7 天发出 |
| 包装尺寸 / 重量 | 20×20×10 cm / 0.5 kg |
| 物流属性 / 运费模板 | 普货 / 系统默认运费模板 |
| 其他 | 不支持样品，也不支持其他服务 |

商品描述（每行一条）：

```
Specification:
Product type:Slide DIY Blocks
Age: 8-13 years
Piece:168pcs
Material:ABS
Color:Red
Size:168pcs:16*16*12cm
Note : You need DIY by yourself to build up the toy. Great for kids playing and studying.
```

**主图**：从页面的“图片银行”里选这款积木的 5 张照片（IMG-MARBLE-01 到 IMG-MARBLE-05），或者上传你自己的图片。

提交后如果有红字，按提示改好再提交；橙色的“提示”是优化建议，不影响发布。
""",
        "task_03_3_5",
    ),
    code('rts_page = aw.screen_for("03.3.5", backend)\nrts_page'),
    code('SelfCheck(backend, "03.3.5")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(RTS_SOLUTION, "answer_03_3_5"),
    grade('check("03.3.5", backend)', "check_03_3_5", SPECS["03.3.5"].points),
    locked_md(
        """
## 实操 03.3.6　发布非直接下单品（Customization）

典阅科技有自己的供应链，做早教玩具、母婴用品和童装。请把这款女童公主裙发布成**定制品**：

| 项目 | 内容 |
|---|---|
| 产品类目 | 服装 > 儿童服装 > 儿童连衣裙 |
| 产品类型 | Customization |
| 产品名称 | Summer Bodycon Children Clothes Sequin Baby Toddler Gown Birthday Wedding Party Flower Girls Princess Kids Dresses |
| 产品关键词 | Kids Dresses |
| 原产地 / 品牌 | China / DY |
| 产品特性 | Washable、Breathable、Anti-static |
| 颜色和尺码 | Pink / M |
| 商品编码 | 6204420000 |
| 价格设置 | 根据数量设置 FOB 阶梯价 |
| 计量单位 | piece/pieces |
| 阶梯价格 | ≥ 50 件：98 美元；≥ 100 件：90 美元 |
| 支付方式 | L/C、T/T、Western Union |
| 发货期 | 数量 ≤ 1000 件，7 天内发货 |
| 物流模式 / 海运港口 | 海运 / shanghai |
| 供货能力 | 1000 pieces/周 |
| 样品服务 | 支持：单次最多索样 5 件，单价 120 美元每件 |
| 物流尺寸 / 重量 | 20×20×5 cm / 0.5 kg/件 |
| 物流属性 / 运费模板 | 普货 / 系统默认运费模板 |
| 其他 | 不支持其他服务 |

产品描述（每行一条）：

```
Specification:
Sweet Princess pooping dress
Age: 0-6 months
Material:Cotton
Color:Pink
```

**主图**：从“图片银行”选 IMG-DRESS-01 到 IMG-DRESS-05，或者上传你自己的图片。
""",
        "task_03_3_6",
    ),
    code('custom_page = aw.screen_for("03.3.6", backend)\ncustom_page'),
    code('SelfCheck(backend, "03.3.6")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(CUSTOM_SOLUTION, "answer_03_3_6"),
    grade('check("03.3.6", backend)', "check_03_3_6", SPECS["03.3.6"].points),
    md("""
## 回到工作台

两款新品发布后，再打开工作台看看它们的成长分：哪些维度还“待优化”？按建议还能怎样提分？
（也可以在工作台里点“编辑”，把平衡板的标题改成不违规的。）
"""),
    code("ProductWorkbench(backend)"),
    md("""
## 知识检测

每道题选好答案后点击“提交答案”，答案会保存下来，可以改了再交。
"""),
    *quiz_cells(),
    md("## 我的进度"),
    code(
        'TaskChecklist(backend, {"03.3.5": "发布直接下单品", "03.3.6": "发布非直接下单品",\n'
        + "".join(f'                         "{q}": "知识检测 {q.split("q")[-1]}",\n' for q in QUIZ)
        + "})"
    ),
    md("""
## 小结

- 产品分层让卖家、平台、买家都受益；产品运营工作台用成长分和五个维度告诉你每个产品哪里要优化；
- 主图：JPG/PNG、不超过 5 MB（建议 3 MB 内）、640×640 以上、近似正方形、5 张以上；主图视频不超过 45 秒（建议 20 秒以上）、不低于 480P、不超过 100 MB、横屏；
- 17 类商品禁售；例外是第三类医疗器械按限售处理：要有证书，而且只能发在六个指定类目；
- 重复铺货和标题违规（品牌词、专利词，同一个单词用三次以上）都会被处罚；
- 成长分提升页分 Ready to Ship 和 Customization 两张，看当前得分、目标得分和差距；搜索诊断帮你找搜不到的原因；
- 类目要选到最后一级，没有合适的类目可以提报新类目；Ready to Ship 用阶梯价、15 天内发货、不能用协商物流；Customization 适合深度定制，价格区间和阶梯价都可以；
- 标题 60–70 个字符最好、最多 128，按“基础标题 → 流量词 → 多标题”来做；关键词 1–3 个、不重复；属性填完整，价格、物流、样品、定制服务都会影响成长分。

下一个项目，Mark 要用视频为产品引流：在媒体中心发布粉丝通（True View）视频。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "03_product" / "03_product.ipynb", "项目三 产品管理")
    print(f"wrote {out}")
