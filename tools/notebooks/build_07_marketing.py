"""Build course/07_marketing/07_marketing.ipynb (项目七 营销中心: 橱窗, 优惠券与折扣, 流量渠道, 外贸直通车).

The P4P part (知识点 4–9, tasks 07.9.3–07.9.6) comes from ``p07_p4p_cells.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tools" / "notebooks"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, solution, write  # noqa: E402

from alisim_widgets.sim.quiz import QUESTIONS  # noqa: E402
from autograde import SPECS  # noqa: E402
from tests.quiz_answers import QUIZ_ANSWERS  # noqa: E402

try:  # the P4P helper's cells (知识点 4–9 and 07.9.3–07.9.6)
    from p07_p4p_cells import P4P_TASKS, p4p_cells  # noqa: E402
except ImportError:  # pragma: no cover - only while that part is being written
    P4P_TASKS, p4p_cells = {}, lambda: []

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from alisim_widgets.screens.coupons import OrderSimulator
from alisim_widgets.screens.showcases import ShowcaseScreen
from alisim_widgets.sim.coupons import final_amount
from autograde import check

backend = aw.open_backend("07_marketing", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

MY_TASKS = {"07.2.5": "设置满减优惠券", "07.2.6": "设置折扣营销", "07.2.7": "设置满折优惠券"}

SOLUTIONS = {
    "07.2.5": """
if not [c for c in backend.coupons.coupons() if c.coupon_type == "满减券"]:
    coupon.fill(
        coupon_type="满减券",
        title="9月外贸节满减优惠券",
        scene="详情页/旺铺",
        valid_from="2022-09-01",
        valid_to="2022-09-30",
        threshold_usd=300,
        discount_usd=30,
        quantity=1000,
        scope="全店铺",
        audience="全部买家",
        publish="立即发布",
    ).submit()
""",
    "07.2.6": """
if not backend.coupons.discounts():
    discount.fill(
        name="9月外贸节专享折扣",
        valid_from="2022-09-15",
        valid_to="2022-09-30",
        audience="所有人群",
        product_ids=[3175, 3176, 3177, 3178, 3179],
        stock_each=500,
        discount="9折",
    ).submit()
""",
    "07.2.7": """
if not [c for c in backend.coupons.coupons() if c.coupon_type == "满折券"]:
    percent_coupon.fill(
        coupon_type="满折券",
        title="9月外贸节满折优惠券",
        valid_from="2022-09-01",
        valid_to="2022-09-30",
        discount="7折",
        quantity=100,
        max_discount_usd=600,
        threshold_usd=200,
        scope="全店铺",
        audience="全部买家",
        publish="立即发布",
    ).submit()
""",
}
SCREEN_VARS = {"07.2.5": "coupon", "07.2.6": "discount", "07.2.7": "percent_coupon"}

STATEMENTS = {
    "07.2.5": """
## 实操 07.2.5　设置满减优惠券

Mark 要为九月外贸节准备自营销活动，折扣营销已经设好了。优惠券是最常用的自营销工具之一，能有效促成下单。
国际站的优惠券分满减和满折两种，Mark 先设置一张满减券：

| 项目 | 内容 |
|---|---|
| 优惠券类型 | 满减券 |
| 优惠券标题 | 9月外贸节满减优惠券 |
| 适用场景 | 详情页/旺铺 |
| 有效期 | 2022年9月1日-2022年9月30日 |
| 优惠券金额 | 满300减30 |
| 优惠券数量 | 1000张 |
| 使用范围 | 全店铺 |
| 使用人群 | 全部买家 |
| 发布方式 | 立即发布 |

请在下面的“创建优惠券”页面帮 Mark 完成设置。评分看店铺里**最近创建的一张满减券**。
""",
    "07.2.6": """
## 实操 07.2.6　设置折扣营销

九月是外贸采购的旺季（“金九银十”）。为了迎接九月外贸节，Mark 要给新发布的直接下单品做一个折扣活动：

| 项目 | 内容 |
|---|---|
| 活动类型 | 折扣营销 |
| 活动名称 | 9月外贸节专享折扣 |
| 活动有效期 | 2022年9月15日-2022年9月30日 |
| 活动人群 | 所有人群 |
| 活动条件 | 折扣 |
| 活动商品ID | 3175、3176、3177、3178、3179 |
| 活动库存 | 各500件 |
| 优惠方式 | 9折 |

请在下面的“折扣营销”页面完成设置。评分看**最近创建的一个折扣活动**。
""",
    "07.2.7": """
## 实操 07.2.7　设置满折优惠券

满减券设好了，Mark 再设一张满折券，给买家多一种选择：

| 项目 | 内容 |
|---|---|
| 优惠券类型 | 满折优惠券 |
| 优惠券标题 | 9月外贸节满折优惠券 |
| 有效期 | 2022年9月1日-2022年9月30日 |
| 优惠折扣 | 7折 |
| 优惠券数量 | 100 |
| 优惠额上限 | 600美元 |
| 使用门槛 | 200美元 |
| 使用范围 | 全店铺 |
| 使用人群 | 全部买家 |
| 发布方式 | 立即发布 |

任务没有说使用场景，保留页面默认的“详情页/旺铺”即可。评分看店铺里**最近创建的一张满折券**。
""",
}

ORDER_EXAMPLES = """
# 教材的公式：最终订单金额 = 货款（不含运费）× 折扣 − 满减券面额，或 = 货款 × 折扣 × 满折券折扣
print("1000 美元，9折，满300减30：", final_amount(1000, discount=0.9, coupon=("满减", 300, 30)))
print("1000 美元，9折，满200打7折（上限600）：", final_amount(1000, discount=0.9, coupon=("满折", 200, 0.7, 600)))
print("3000 美元，不打折，满200打7折（上限600）：", final_amount(3000, coupon=("满折", 200, 0.7, 600)))
print("250 美元，9折，满300减30（没到门槛）：", final_amount(250, discount=0.9, coupon=("满减", 300, 30)))
"""

ORDER_SIM = """
# 一位买家 9 月 20 日下单：10 辆遥控车 + 20 个蘑菇抱枕，运费 25 美元，用你创建的满减券（还没有创建就不用券）
order = OrderSimulator(backend)
reduce_coupon = next((c.id for c in reversed(backend.coupons.coupons()) if c.coupon_type == "满减券"), None)
order.fill(items={3175: 10, 3176: 20}, order_date="2022-09-20", coupon_id=reduce_coupon, shipping_usd=25)
order.calculate()
order
"""

SEARCH_AGAIN = """
from IPython.display import HTML
from alisim_widgets.screens.showcases import search_html

HTML(search_html(backend.showcases.search("rc car"), limit=12))
"""

QUIZ_IDS = sorted((q for q in QUESTIONS if q.startswith("07.")), key=lambda q: int(q.split("q")[-1]))
MY_QUIZ = [q for q in QUIZ_IDS if int(q.split("q")[-1]) < 10]


def quiz_cells(ids: list[str]) -> list:
    cells = []
    for qid in ids:
        n = qid.split("q")[-1]
        answer = QUIZ_ANSWERS[qid]  # the teacher's key: the specs hold digests only
        if not QUESTIONS[qid].multiple:
            answer = answer[0]
        cells.append(code(f'aw.screen_for("{qid}", backend)'))
        cells.append(
            solution(f'aw.screen_for("{qid}", backend).fill(answer={answer!r}).submit()', f"q{n}_answer")
        )
        cells.append(grade(f'check("{qid}", backend)', f"q{n}_check", SPECS[qid].points))
    return cells


def task_cells(task_id: str) -> list:
    var, slug = SCREEN_VARS[task_id], task_id.replace(".", "_")
    return [
        locked_md(STATEMENTS[task_id], f"task_{slug}"),
        code(f'{var} = aw.screen_for("{task_id}", backend)\n{var}'),
        code(f'SelfCheck(backend, "{task_id}")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(SOLUTIONS[task_id], f"answer_{slug}"),
        grade(f'check("{task_id}", backend)', f"check_{slug}", SPECS[task_id].points),
    ]


def checklist() -> str:
    tasks = {**MY_TASKS, **P4P_TASKS}
    quiz = [q for q in QUIZ_IDS if q in SPECS]
    items = [f'"{k}": "{v}"' for k, v in tasks.items()] + [
        f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in quiz
    ]
    return "TaskChecklist(backend, {" + ", ".join(items) + "})"


cells = [
    md("""
# 项目七　营销中心：橱窗、优惠券与折扣、外贸直通车

**学习目标**
- 说出橱窗是什么、有什么好处，出口通和金品诚企各有多少橱窗，怎样挑选和优化橱窗产品；
- 看懂买家搜索结果页的排序：顶级展位、P4P、自然排名，以及橱窗在自然排名里的作用；
- 记住优惠券的使用、核销和设置规则，会创建满减券、满折券和折扣活动；
- 会算一张同时有限时折扣和优惠券的订单最后要付多少钱；
- 了解国际站的四类流量：搜索、场景、互动、自增；
- 理解外贸直通车的排名和扣费规则，会建四种推广计划。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。操作会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 8 月 20 日。湖南典阅科技的店铺开张快半年了：出口通会员、A&V 认证、公司信息、产品、视频都已经做好。
九月是外贸采购的旺季，平台要办“九月外贸节”。**Mark** 打算先把店铺的橱窗用起来，再设置折扣和优惠券，
最后开通外贸直通车，为店铺多引一些流量、多促成一些订单。模拟时钟停在 2022-08-20，所以九月的活动都还没开始。
"""),
    md("""
## 知识点 1.1　橱窗是什么，有什么用

**橱窗**（橱窗展示位）是会员自带的一种营销工具：商家自己挑产品放进橱窗，这些产品在搜索里就有优先权。
放什么由商家决定，一般放转化率高的产品、爆款，或者店铺的主营产品。

橱窗有三个好处：
1. **排名优先**：条件相同的时候，橱窗产品排在普通产品前面；
2. **旺铺首页展示**：旺铺首页有橱窗产品的推广专区，能突出主打产品；
3. **自己做主**：随时可以换产品，主打什么由自己掌握。

**买家搜索结果的第一页怎么排？**

| 顺序 | 位置 | 说明 |
|---|---|---|
| 1 | 顶级展位（1 个） | 付费购买的最顶部位置 |
| 2 | P4P 产品（5 个） | 外贸直通车的广告位（本项目后半部分会学） |
| 3 | 自然排名 | 橱窗产品和普通产品一起按综合情况排，**同等条件下橱窗产品在前** |

橱窗和 P4P 可以配合使用：橱窗靠优先排名帮优质关键词、P4P 里价格高的词提升站内排名；P4P 把精准词出价推进前五，
还能从站外带来流量。
"""),
    md("""
## 知识点 1.2　橱窗有多少个，在哪里管理

| 会员 | 橱窗 | 开通 |
|---|---|---|
| 免费会员 | 没有 | — |
| 出口通 | 2 组，共 10 个 | 自带，不用另外开通 |
| 金品诚企 | 共 40 个 | 自带，金品诚企上线第二天自动上线 |

另外，找客户经理单独购买的橱窗、平台赠送的橱窗，都要设置**开通时间**。赠送的橱窗一定要在签约后 **90 天内**
设好开通时间，否则系统会自动开通（白白用掉一段时间）。

**管理路径**：店铺管理 → 全球旺铺 → 编辑 → 产品 → 添加橱窗产品，在这里管理橱窗产品、设置展示数量。
能做的操作有：添加、优化、排序、替换、移除，以及**设置橱窗卖点**。卖点是平台从产品描述里提炼出来的营销要点，
商家在后台挑选，前台**最多显示 3 个**卖点标签，**48 小时**内同步到前台。
"""),
    md("""
## 知识点 1.3　选哪些产品放橱窗，怎样优化

**选品的三个方向**：
1. **流量和转化**：流量高、受众广、转化好的产品；
2. **利润**：利润多、赚钱好的产品；
3. **实力优品**：产品本身够强，强强联合。

**选关键词**：词要和产品对得上，搭配合理，不要出现词性冲突；选热度高、竞争良性、趋势平稳的词；再看看这个词下
橱窗产品的排名情况。

**新店第一次配置橱窗**：结合市场调研（行业热品、买家询盘多的产品、线下外国买家常买的产品）和自己的主打产品，
优先选有加权的产品；再确定想要拿流量的关键词，和选出来的橱窗产品一一对上。

**积累数据后再分配**：按行业流量情况，**一到两周**看一次橱窗产品的数据，再调整：
- 曝光高但转化差：看它的曝光词，词太宽泛就换精准词；曝光主要来自直通车的，可以先暂停计划里这个产品；
- 点击率高但曝光低：用 P4P 给它引流；
- 访客多：保留，同时优化详情页，提高询盘转化。

之后可以把效果一般的橱窗换成“实力优品”或“爆品”。还可以把几个相关的关键词都设成优先推广同一个橱窗产品，
让点击和询盘集中到这个爆款上，它的买家喜好度就会越来越高。

**动手试一试**：下面是 Mark 店铺的橱窗管理页。店铺已经用了 3 个橱窗，还空着 7 个。
1. 先看“橱窗选品建议”：哪些产品流量大、转化好、是实力优品？哪些有违规或流量太少？
2. 在“买家搜索结果模拟”里搜 `rc car`，记下 DEERC 遥控车排第几；
3. 把遥控车（3175）**添加**进橱窗，再搜一次：它在同一等级的产品里往前挪了吗？
4. 给它**设置橱窗卖点**（最多 3 个），看看卖点状态。

（橱窗操作不计分，可以随意尝试。）
"""),
    code("showcase = ShowcaseScreen(backend)\nshowcase"),
    *quiz_cells(MY_QUIZ[:3]),
    md("""
## 知识点 2.1　优惠券的规则

**使用规则**
- 优惠券只抵扣订单里的**货款**，不抵扣运费；
- 一张券只能用在一笔订单上，不能拆开用，过期就作废；
- **使用门槛必须大于优惠面额**；订单货款（不含运费）达到门槛，买家才能用券；
- **样品订单不能用优惠券**；订单里没有这张券适用的商品，也不能用。

**核销规则**
- 每个订单**只能用 1 张**商品优惠券；买家下单时系统自动列出能用的券让买家选；
- **直接限时折扣**和**优惠券**可以在同一笔订单上叠加，所以：
  - 用满减券：最终金额 = 货款（不含运费）× 折扣 − 满减券面额；
  - 用满折券：最终金额 = 货款（不含运费）× 折扣 × 满折券折扣；
- 下单后价格锁定为用券后的价格，买家要在优惠券有效期内付款；订单取消时券还没过期，就会退回给买家继续用；
- 优惠券先抵扣尾款，尾款不够再抵扣首付款；付款成功就算用掉了，退款时不退优惠券的金额。

**设置规则**
| 项目 | 规则 |
|---|---|
| 类型 | 满减券、满折券两种 |
| 券标题 | 60 个字符以内 |
| 有效期 | 日期范围不超过 62 天 |
| 数量 | 同时最多发 10 张优惠券；每张券最多发行 1 万张 |
| 使用范围 | 全店铺（直接下单品和非直接下单品都能用）或特定商品（只能选直接下单品，最多 50 款） |
| 优惠面额 | 最低 5 美元，只能是 5 的倍数 |
| 修改数量 | 发放中的券可以**增加**数量；要**减少**，得先停止这张券 |

**展示顺序**：商品详情页上有多张券时，平台券排在店铺券前面；同一类型的券，优惠力度越大越靠前。
"""),
    md("""
## 知识点 2.2　创建优惠券，买家怎样领券

**创建路径**：My Alibaba → 营销中心 → 优惠券 → 创建优惠券。表单分“基本信息、高级信息、产品信息”三部分：
券标题、使用场景（详情页/旺铺，或直播间）、有效期、类型、发行量、优惠面额或折扣、使用门槛、使用范围。

**领券规则**：同一张券每个买家账号只能领一次；只有“发放中”的券能领。

**买家从哪里领券**：
1. 商家在“营销中心 → 优惠券”里点“分享”，把领券链接发给买家；
2. 商家在旺铺装修里放一个优惠券板块，买家在旺铺里领；
3. 买家在产品详情页的优惠券板块里领。

**折扣营销**（直接限时折扣）：给选定的直接下单品在一段时间里打折，可以指定活动人群，每款商品拿出一部分库存参加活动。
它和优惠券能叠加使用。
"""),
    *[cell for task_id in ("07.2.5", "07.2.6", "07.2.7") for cell in task_cells(task_id)],
    md("""
## 知识点 2.3　算一算：买家最后付多少钱

限时折扣和优惠券叠加时，按“先折扣、再用券、运费另算”的顺序计算。模拟器里的 `final_amount(货款, discount=折扣, coupon=优惠券)`
按教材的公式计算商品部分应付的金额：满减券写成 `("满减", 门槛, 面额)`，满折券写成 `("满折", 门槛, 折扣率, 上限)`。
注意满折券的**优惠额上限**：省下的钱超过上限，就只省上限那么多。
"""),
    code(ORDER_EXAMPLES),
    md("""
下面是买家下单模拟：填每个产品的数量、下单日期、选一张优惠券、填运费，点“计算实付金额”，一步一步看折扣和优惠券怎样起作用。
试一试：
1. 把下单日期改成 `2022-09-10`（折扣活动还没开始），结果有什么变化？
2. 换成你创建的满折券，买 100 辆遥控车，优惠额上限起作用了吗？
3. 勾选“样品订单”，优惠券还能用吗？
"""),
    code(ORDER_SIM),
    *quiz_cells(MY_QUIZ[3:8]),
    md("""
## 知识点 3　国际站的流量从哪里来

买家进入店铺的渠道可以分成四类：

| 流量 | 从哪里来 | 要点 |
|---|---|---|
| **搜索流量** | 买家在 PC 或 App 搜索框里搜词（也包括图片搜索、类目导航）；前六个结果是广告（手机端不连续），后面是自然排名 | 排序看买家转化（按类目偏好和历史效果）、反作弊、供给质量（商品信息、图片视频、商家能力、履约）、意图相关性（文本和类目） |
| **场景流量** | 系统推荐、导购会场（New Arrivals、Top-Ranking Products、Weekly Deals 等）、大促和日常活动 | 推荐区域的第 1、3、5、7… 位是广告位；New Arrivals 收近 90 天发布、成长分 60 以上的新品；Weekly Deals 要报名，RTS 商品、至少 10% off |
| **互动流量** | 买家和商家互动时产生：收藏、购物车、对比、分享；点信保订单、询盘、RFQ 里的产品信息 | 及时回复、跟进订单 |
| **自增流量** | 商家自己运营带来：站外网站、店内其他页面、客户通 EDM 和 IM、True View、直接访问 | True View 定期发视频、客户通跟进老客户、直播、站外社交媒体多渠道分发 |

橱窗和优惠券主要帮助搜索和场景流量的转化；接下来学的外贸直通车，则是用广告直接买搜索和推荐位置的流量。
"""),
    *quiz_cells(MY_QUIZ[8:]),
    *p4p_cells(),
    md("""
## 橱窗 + 直通车：再搜一次

建好直通车计划以后，回到买家的搜索结果页再搜一次 `rc car`。店铺推广中的计划产品会参加 P4P 竞价（推广评分 × 出价），
抢前五个 P4P 位；它在自然排名里的位置还在，放进橱窗的话同一等级里还会更靠前。这就是“橱窗保站内排名、P4P 抢前五”的配合。
"""),
    code(SEARCH_AGAIN),
    md("## 我的进度"),
    code(checklist()),
    md("""
## 小结

- 橱窗：出口通 2 组 10 个、金品诚企 40 个；搜索结果是 1 个顶级展位、5 个 P4P、再自然排名，同等条件下橱窗产品在前；
  选流量和转化好、利润好、实力强的产品放橱窗，一到两周看数据调整；卖点最多显示 3 个，48 小时内同步；
- 优惠券：满减券和满折券；标题 60 字符内，有效期不超过 62 天，同时最多 10 张、每张最多 1 万张；面额最低 5 美元且是 5 的倍数，
  门槛大于面额；全店铺或最多 50 款直接下单品；发放中只能加量，减量要先停止；
- 一笔订单只能用一张券，样品单不能用，运费不打折；折扣和优惠券叠加：货款 × 折扣 − 面额（满减），货款 × 折扣 × 券的折扣（满折）；
- 流量分搜索、场景、互动、自增四类；
- 外贸直通车按推广评分 × 出价排名，点击扣费 = 下一名出价 × 下一名评分 ÷ 自己的评分 + 0.01 元。

下一个项目，买家下单了：Mark 要学着起草信保订单、设置运费模板。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "07_marketing" / "07_marketing.ipynb", "项目七 营销中心")
    print(f"wrote {out}")
