"""Cells of 07_marketing.ipynb for 知识点 4–9 (外贸直通车 P4P) and tasks 07.9.3–07.9.6.

``tools/notebooks/build_07_marketing.py`` imports :func:`p4p_cells` and :data:`P4P_TASKS`. The cells expect
the notebook's setup cell to have defined ``aw``, ``backend``, ``check`` and ``SelfCheck``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nbbuild import code, grade, locked_md, md, quiz, solution  # noqa: E402

from autograde import SPECS  # noqa: E402

__all__ = ["p4p_cells", "P4P_TASKS", "P4P_QUIZ"]

P4P_TASKS: dict[str, str] = {
    "07.9.3": "新品成长计划",
    "07.9.4": "爆品助推",
    "07.9.5": "搜索人群再营销",
    "07.9.6": "定向推广",
}
P4P_QUIZ = ["07.q10", "07.q11", "07.q12", "07.q13", "07.q14", "07.q15"]

KNOWLEDGE_BASICS = """
## 知识点 4　外贸直通车（P4P）

**它是什么？** 外贸直通车是平台的**按效果付费**广告：商家的产品被优先放到买家搜索时一定会经过的位置上。
产品被看到（曝光）不花钱，**买家点了才扣钱**，扣到当天的预算用完为止。

**广告出现在哪里？**

| 端口 | 直通车位置 |
|---|---|
| 电脑端（PC） | 搜索结果第 1～5 名；如果这个词有顶级展位，第 1 名是顶展，直通车就是第 2～6 名；每页最下面还有 5 个直通车位 |
| 无线端（App） | “1 带 3”：一个直通车产品，后面跟三个自然排名，如此循环，一共 10 个直通车位 |
| Web 端（手机网页） | “2 带 1”：两个直通车产品，后面跟一个自然排名，一共 15 个直通车位 |

**谁排在前面？** 排名看 **推广评分 × 出价**，乘积越大越靠前。推广评分商家看不到，后台只显示和它成正比的“星级”；
它取决于产品信息质量、关键词和产品的相关程度、买家的喜好。出价也不是商家填的那个数，而是把各种溢价算进去以后、
某一时刻某个场景下的实际出价。注意：只有 **3～5 星**的关键词能靠出价进入前五名，1～2 星的词只能出现在智能推荐位上。

**一次点击扣多少钱？** 不是扣自己的出价，而是“刚好压过下一名”所需要的钱：

> 单次点击扣费 = 下一名的出价 × 下一名的推广评分 ÷ 自己的推广评分 + 0.01 元

所以推广评分高的产品，同样的位置花的钱更少。下面用模拟器里的函数把教材的例子算一遍。
"""

EXAMPLES = """
# 教材的排名例子：A、B、C 三个产品的推广评分和出价（元）
from alisim_widgets.sim import p4p

ads = [("A", 10, 9), ("B", 12, 10), ("C", 7, 17.2)]
for name, total, place in p4p.rank(ads):
    print(f"产品 {name}：推广评分 × 出价 = {total:g}，排第 {place} 名")

# 只有 3～5 星的关键词能靠出价进前五名
for stars in range(1, 6):
    print(f"{stars} 星词能进前五名吗？", "能" if p4p.top_five_eligible(stars) else "不能，只能上智能推荐位")

# 三个端口的搜索结果里，直通车（P）、顶展（T）和自然排名（·）怎么排：有顶展的词，前 32 个结果
for port in ("PC", "无线端", "Web"):
    layout = p4p.result_layout(port, top_spot=True, length=32)
    print(f"{port:4}", "".join({"顶展": "T", "直通车": "P", "自然": "·"}[x] for x in layout))

# 每个产品一次点击扣多少钱：看排在它后面的那一名
print("C 的单次点击扣费：", p4p.click_price(own_score=7, next_score=12, next_bid=10), "元")
print("B 的单次点击扣费：", p4p.click_price(own_score=12, next_score=10, next_bid=9), "元")
"""

KNOWLEDGE_PLANS = """
## 知识点 4.3～9　推广方式、溢价和预算

**推广方式。** 直通车按营销目的分成几类：推荐推广（搜索人群再营销、行业高价值人群）、常规营销（快速引流、
定向推广、关键词推广）、货品营销（测品测款、爆品助推、新品成长）、买家引流（新买家引流、优选人群引流、趋势明星）
和主题营销。本项目的四个实操任务用到其中四种：

| 推广类型 | 适合做什么 | 要记住的规则 |
|---|---|---|
| 新品成长 | 让新发的产品和新品单独比拼，更快积累数据 | 只收 **90 天内新发布**的产品（编辑后重新发布的不算新品；平台认定的新品最长 180 天）；时间一到自动移出计划；手动出价的区间从 **3 元**到自己设的最高价；建议产品 30 个以上；没有数据的新店日预算建议不低于 100 元 |
| 爆品助推 | 重点产品、测出来的潜力爆款，目标是多拿询盘 | 除了系统选词，还能自己加关键词 |
| 搜索人群再营销 | 对搜过、点过、看过自己或同行产品却没有下单的买家，在推荐场景里再展示一次 | 产品越多匹配到的人越多；关键词不是必需的，最多 1000 个 |
| 定向推广 | 有特定人群、特定地区目标的产品 | 系统智能匹配流量；一个产品可以同时在 2 个定向计划里；一个计划最多 200 个产品 |

**地域溢价和人群溢价。** 给某个国家或某类买家设了溢价，碰到这些买家时出价就按比例抬高，更容易排到前面：

> 溢价后出价 = 基本出价 × 溢价比例

教材的推荐地域表里，基本出价 8.0 元、美国溢价 156 %，溢价后就是 8.0 × 156 % = 12.48 元，表里显示为 ¥12.5。
（定向推广那一节把公式写成“出价 × (1 + 溢价)”，和表里的数字对不上；模拟器统一按表里的“出价 × 溢价”计算。）
没设溢价的人群照样能参加竞价——溢价只是加价，不是筛选。推荐列表之外的国家和人群也可以自己添加。

**周预算。** 打开周预算后，一周（周六到下周五）的总花费上限是 **日预算 × 7**；流量大的日子如果当天预算不够，
系统最多可以多花日预算的 **20 %**，但一周加起来绝不超过日预算 × 7。
"""

PREMIUMS = """
# 教材推荐地域表：基本出价 8.0 元时，每个地域的溢价后出价
for region, percent in p4p.RECOMMENDED_REGIONS.items():
    print(f"{region}：{percent}% → {p4p.premium_bid(8.0, percent)} 元，表里显示 {p4p.fmt_bid(p4p.premium_bid(8.0, percent))}")
"""


STATEMENTS = {
    "07.9.3": """
## 实操 07.9.3　新品成长计划

近期 Mark 负责的店铺上架了一批产品，Mark 要给这批新品做推广。请在下面的“外贸直通车”页面创建推广计划：

- 推广类型：**新品成长**；计划名称：**新品成长计划**
- 推广产品：**所有产品**（新品成长计划里只能放 90 天内新发布的产品）
- 计划日预算：**50** 元；**开启周预算**；出价区间 **3–5 元**
- 所有推荐地域的溢价设为 **150%**，所有推荐人群的溢价设为 **200%**

填好后点“保存计划”。页面给出的黄色提示是建议，不影响保存——读一读它说了什么。
""",
    "07.9.4": """
## 实操 07.9.4　爆品助推

新品成长计划推广了一段时间后，有一款产品的曝光、点击和成交都很好，Mark 决定重点推广它：

- 推广类型：**爆品助推**；计划名称：**玩具车产品助推计划**
- 推广产品：**DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster
  Trucks for Kids Adults**
- 计划日预算：**100** 元；**开启周预算**；最低出价 **5** 元，最高出价 **10** 元
- 地域溢价：**美国、俄罗斯 220%**，其余推荐地域 **150%**
- 人群溢价：所有推荐人群 **200%**
""",
    "07.9.5": """
## 实操 07.9.5　搜索人群再营销

搜索人群再营销是一种推荐广告：对搜过、点过、看过本店或同行产品的买家，在推荐场景里再展示一次。
请创建下面的计划（教材把推广类型写作“搜索人群再推荐”，就是搜索人群再营销）：

- 推广类型：**搜索人群再营销**；计划名称：**重点人群再推荐计划**
- 推广产品：**所有产品**
- 计划日预算：**100** 元；最低出价 **3** 元，最高出价 **6** 元
- 地域溢价：**美国、德国、英国、俄罗斯 200%**，其余推荐地域 **150%**
  （德国不在推荐地域里：在地域溢价下面的输入框里自己添加一行）
- 人群溢价：**蓝标买家、高回访买家、偏好 RTS 商品买家 200%**，其余推荐人群 **150%**
  （蓝标买家、高回访买家也要自己添加）
""",
    "07.9.6": """
## 实操 07.9.6　定向推广

店铺已经吸引了一批买家，但订单还不多。Mark 决定用定向推广盯住重点人群：

- 推广类型：**定向推广**；计划名称：**重点人群定向推广**
- 推广产品：**DEERC DE36W RC Car**（遥控车）和 **The Mushroom plush pillow**（蘑菇抱枕）
- 日预算：**150** 元；**开启周预算**；出价区间 **5–10 元**
- 所有推荐地域和所有推荐人群的溢价都设为 **150%**
""",
}

SCREEN_CLASSES = {
    "07.9.3": "new_plan",
    "07.9.4": "hot_plan",
    "07.9.5": "remarketing_plan",
    "07.9.6": "targeted_plan",
}

ANSWERS = {
    "07.9.3": """
new_plan.fill(
    plan_type="新品成长",
    name="新品成长计划",
    products="all",
    daily_budget_cny=50,
    weekly_budget=True,
    bid_range_cny=(3, 5),
    region_premiums={"*": 150},  # "*"：其余所有推荐地域
    crowd_premiums={"*": 200},
).submit()
""",
    "07.9.4": """
hot_plan.fill(
    plan_type="爆品助推",
    name="玩具车产品助推计划",
    products=["DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster Trucks for Kids Adults"],
    daily_budget_cny=100,
    weekly_budget=True,
    bid_range_cny=(5, 10),
    region_premiums={"美国": 220, "俄罗斯": 220, "*": 150},
    crowd_premiums={"*": 200},
).submit()
""",
    "07.9.5": """
remarketing_plan.fill(
    plan_type="搜索人群再营销",
    name="重点人群再推荐计划",
    products="all",
    daily_budget_cny=100,
    weekly_budget=False,
    bid_range_cny=(3, 6),
    region_premiums={"美国": 200, "德国": 200, "英国": 200, "俄罗斯": 200, "*": 150},
    crowd_premiums={"蓝标买家": 200, "高回访买家": 200, "偏好RTS商品买家": 200, "*": 150},
).submit()
""",
    "07.9.6": """
targeted_plan.fill(
    plan_type="定向推广",
    name="重点人群定向推广",
    products=["DEERC DE36W RC Car", "The Mushroom plush pillow"],
    daily_budget_cny=150,
    weekly_budget=True,
    bid_range_cny=(5, 10),
    region_premiums={"*": 150},
    crowd_premiums={"*": 150},
).submit()
""",
}

WEEK_INTRO = """
## 看一看：计划跑一周会怎样？

下面的“一周模拟”让一个已保存的计划跑一个推广周（周六到下周五）：每一次买家搜索都是一场竞价
（推广评分 × 出价，出价按买家所在地域和人群乘上溢价），排进前五名算一次曝光，买家点击时按扣费公式扣钱，
花到当天的上限就停止展示。选一个计划，点“模拟一周”，对比一下：

- 开启周预算的计划，周一到周三（模拟的流量高峰）当天上限是日预算的 120 %，到了周五只剩下一周总额没花完的部分；
- 没开周预算的计划（搜索人群再营销），每天最多花日预算；
- 溢价越高，出价越高，排名越靠前，但每次点击也可能扣得更多。

也可以回到上面改一改日预算或溢价、再保存，重新模拟，看看曲线怎么变。
"""

WEEK = """
week = P4PWeekView(backend)
week.run()  # 默认模拟最近保存的计划；也可以在下拉框里换一个计划再点“模拟一周”
week
"""


def _quiz_cells(ids: list[str]) -> list:
    return [cell for qid in ids for cell in quiz(qid)]


def _task_cells(task_id: str) -> list:
    var = SCREEN_CLASSES[task_id]
    slug = task_id.replace(".", "_")
    return [
        locked_md(STATEMENTS[task_id], f"task_{slug}"),
        code(f'{var} = aw.screen_for("{task_id}", backend)\n{var}'),
        code(f'SelfCheck(backend, "{task_id}")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(ANSWERS[task_id], f"answer_{slug}"),
        grade(f'check("{task_id}", backend)', f"check_{slug}", SPECS[task_id].points),
    ]


def p4p_cells() -> list:
    """Knowledge 4–9 (P4P) with the textbook's worked examples, the plan tasks 07.9.3–07.9.6, a simulated
    week of a plan and the knowledge checks 07.q10–07.q15."""
    cells = [
        md(KNOWLEDGE_BASICS),
        code(EXAMPLES),
        *_quiz_cells(P4P_QUIZ[:2]),
        md(KNOWLEDGE_PLANS),
        code(PREMIUMS),
        *_quiz_cells(P4P_QUIZ[2:]),
        code("from alisim_widgets.screens.p4p import P4PWeekView"),
    ]
    for task_id in P4P_TASKS:
        cells += _task_cells(task_id)
    cells += [md(WEEK_INTRO), code(WEEK)]
    return cells
