"""Build course/09_data/09_data.ipynb (项目九 数据分析: 数据管家, pandas and plotly on the student's own data)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, quiz, solution, write  # noqa: E402

from alisim_widgets.sim.data import (  # noqa: E402
    COUNTRY_COLUMNS,
    KEYWORD_COLUMNS,
    PRODUCT_COLUMNS,
    SOURCES,
    TRAFFIC_COLUMNS,
)
from alisim_widgets.sim.data_tasks import MIN_P4P_CLICKS, TASKS  # noqa: E402
from alisim_widgets.sim.quiz import QUESTIONS  # noqa: E402
from autograde import SPECS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.data import (
    BuyerCountriesPage, DataOverviewPage, KeywordAnalysisPage, ProductAnalysisPage, TrafficSourcesPage,
)
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("09_data", path=".")
if backend.problem:
    print(backend.problem)
print("本店数据由用户名", backend.data.seed(), "生成：你的数字和同学的不一样。")
ModeBanner(backend)
"""

EXAMPLE = """
# 一个只有 6 个产品的小例子：先在小表上把方法练熟
import pandas as pd

demo = pd.DataFrame({
    "product_id":  [1, 2, 3, 4, 5, 6],
    "impressions": [5000, 800, 12000, 4000, 3000, 6000],   # 曝光
    "clicks":      [200, 40, 120, 160, 150, 400],           # 点击
    "visitors":    [170, 35, 100, 140, 120, 330],           # 访客
    "inquiries":   [17, 4, 11, 2, 12, 30],                  # 询盘
})
demo["ctr"] = demo["clicks"] / demo["impressions"] * 100            # 点击率 %
demo["inquiry_rate"] = demo["inquiries"] / demo["visitors"] * 100   # 询盘转化率 %
demo.round(2)
"""

EXAMPLE_TOTALS = """
# 全店合计与整体比率：先求和，再相除（不要把各个产品的比率加起来或直接求平均）
sums = demo[["impressions", "clicks", "visitors", "inquiries"]].sum()
print("曝光", sums["impressions"], "点击", sums["clicks"], "访客", sums["visitors"], "询盘", sums["inquiries"])
print("全店点击率 %.2f%%" % (sums["clicks"] / sums["impressions"] * 100))
print("全店询盘转化率 %.2f%%" % (sums["inquiries"] / sums["visitors"] * 100))
"""

EXAMPLE_DIAGNOSIS = """
# 按“与中位数比较”的规则给产品分组
mid = demo.median()
print("曝光中位数", mid["impressions"], "点击率中位数 %.2f" % mid["ctr"], "点击中位数", mid["clicks"],
      "询盘率中位数 %.2f" % mid["inquiry_rate"])
print("低曝光：", list(demo.loc[demo["impressions"] < 0.5 * mid["impressions"], "product_id"]))
print("高曝光低点击：", list(demo.loc[(demo["impressions"] >= mid["impressions"]) & (demo["ctr"] < 0.5 * mid["ctr"]), "product_id"]))
print("高点击低询盘：", list(demo.loc[(demo["clicks"] >= mid["clicks"]) & (demo["inquiry_rate"] < 0.5 * mid["inquiry_rate"]), "product_id"]))
"""

EXAMPLE_CHART = """
# 用 plotly 画出四个象限：横轴曝光，纵轴点击率，虚线是中位数
import plotly.express as px

fig = px.scatter(demo, x="impressions", y="ctr", text="product_id", size="clicks",
                 labels={"impressions": "曝光", "ctr": "点击率 %"}, title="小例子：产品四象限")
fig.add_vline(x=mid["impressions"], line_dash="dash", line_color="gray")
fig.add_hline(y=mid["ctr"], line_dash="dash", line_color="gray")
fig.update_traces(textposition="top center", marker_color="#FF6A00")
fig.update_layout(height=380)
fig
"""

EXAMPLE_GROUPBY = """
# groupby：按某一列分组再求和，是数据分析里最常用的一招
visits = pd.DataFrame({
    "source":   ["搜索", "P4P", "搜索", "RFQ", "P4P", "搜索"],
    "visitors": [120, 60, 90, 15, 40, 70],
})
visits.groupby("source")["visitors"].sum().sort_values(ascending=False)
"""

FRAMES = """
# 拿到本店的数据：四张表（DataFrame）
frames = backend.data.frames()
traffic = frames["traffic"]
products = frames["products"]
keywords = frames["keywords"]
countries = frames["countries"]
print("traffic 有", len(traffic), "行，日期从", traffic["date"].min().date(), "到", traffic["date"].max().date())
traffic.head()
"""

DAILY = """
# 先看全貌：每天的曝光和询盘（找一找周末和九月采购节大促）
import plotly.express as px

daily = traffic.groupby("date")[["impressions", "inquiries"]].sum()
fig = px.line(daily, y="impressions", labels={"date": "日期", "impressions": "曝光"}, title="每天的曝光")
fig.update_traces(line_color="#FF6A00")
fig.update_layout(height=340)
fig
"""

SOLUTION_1 = """
sept = traffic[(traffic["date"] >= "2022-09-01") & (traffic["date"] <= "2022-09-30")]
aug = traffic[(traffic["date"] >= "2022-08-01") & (traffic["date"] <= "2022-08-31")]
total = sept[["impressions", "clicks", "visitors", "inquiries"]].sum()
submit_1.fill(
    impressions=total["impressions"],
    clicks=total["clicks"],
    visitors=total["visitors"],
    inquiries=total["inquiries"],
    ctr=round(total["clicks"] / total["impressions"] * 100, 2),
    inquiry_rate=round(total["inquiries"] / total["visitors"] * 100, 2),
    inquiries_change=round((total["inquiries"] - aug["inquiries"].sum()) / aug["inquiries"].sum() * 100, 2),
).submit()
"""

SOLUTION_2 = """
september = traffic[(traffic["date"] >= "2022-09-01") & (traffic["date"] <= "2022-09-30")]
per_product = september.groupby("product_id")[["impressions", "clicks", "visitors", "inquiries"]].sum()
per_product["ctr"] = per_product["clicks"] / per_product["impressions"]
per_product["inquiry_rate"] = per_product["inquiries"] / per_product["visitors"]
m = per_product.median()
low_exposure = per_product[per_product["impressions"] < 0.5 * m["impressions"]].index
high_low = per_product[(per_product["impressions"] >= m["impressions"]) & (per_product["ctr"] < 0.5 * m["ctr"])].index
click_low = per_product[(per_product["clicks"] >= m["clicks"]) & (per_product["inquiry_rate"] < 0.5 * m["inquiry_rate"])].index
strong = products[(products["tier"] == "实力优品") & (~products["showcase"])]["product_id"]
submit_2.fill(
    low_exposure=low_exposure,
    high_exposure_low_click=high_low,
    high_click_low_inquiry=click_low,
    strong_not_in_showcase=strong,
).submit()
"""

SOLUTION_3 = f"""
in_september = traffic[(traffic["date"] >= "2022-09-01") & (traffic["date"] <= "2022-09-30")]
search = in_september[in_september["source"] == "搜索"]
words = search.groupby("keyword", observed=True)[["clicks", "inquiries"]].sum().reset_index()
words["keyword"] = words["keyword"].astype(str)
top5 = words.sort_values(["clicks", "keyword"], ascending=[False, True]).head(5)
words = words.merge(keywords[["keyword", "in_p4p"]], on="keyword")
candidates = words[(words["clicks"] >= {MIN_P4P_CLICKS}) & (~words["in_p4p"])]
pick = candidates.sort_values(["inquiries", "clicks", "keyword"], ascending=[False, False, True]).head(5)
submit_3.fill(top_keywords=top5["keyword"], p4p_keywords=pick["keyword"]).submit()
"""

SOLUTION_4 = """
month9 = traffic[(traffic["date"] >= "2022-09-01") & (traffic["date"] <= "2022-09-30")]
by_country = month9.groupby("country", observed=True)[["visitors", "inquiries"]].sum()
top_countries = by_country.sort_values("visitors", ascending=False).head(5)
share = top_countries["visitors"].sum() / by_country["visitors"].sum() * 100
submit_4.fill(
    top_countries=top_countries.index.astype(str),
    top5_share=round(share, 2),
    top_inquiry_country=str(by_country["inquiries"].idxmax()),
).submit()
"""

SOLUTION_5 = """
this_week = traffic[(traffic["date"] >= "2022-09-19") & (traffic["date"] <= "2022-09-25")]
last_week = traffic[(traffic["date"] >= "2022-09-12") & (traffic["date"] <= "2022-09-18")]
cols = ["impressions", "clicks", "inquiries"]
wow = ((this_week[cols].sum() - last_week[cols].sum()) / last_week[cols].sum() * 100).round(2)
source_now = this_week.groupby("source", observed=True)["visitors"].sum()
source_before = last_week.groupby("source", observed=True)["visitors"].sum()
source_wow = (source_now - source_before) / source_before * 100
submit_5.fill(
    wow_impressions=wow["impressions"],
    wow_clicks=wow["clicks"],
    wow_inquiries=wow["inquiries"],
    weakest_source=str(source_wow.idxmin()),
).submit()
"""

QUIZ_IDS = sorted((q for q in QUESTIONS if q.startswith("09.")), key=lambda q: int(q.split("q")[-1]))


def columns_table(columns: dict[str, str]) -> str:
    return "| 列名 | 含义 |\n|---|---|\n" + "\n".join(f"| `{k}` | {v} |" for k, v in columns.items())


def task_cells(task_id: str, statement: str, answer: str) -> list:
    n = task_id.split(".")[-1]
    return [
        locked_md(statement, f"task_{task_id.replace('.', '_')}"),
        code(f'submit_{n} = aw.screen_for("{task_id}", backend)\nsubmit_{n}'),
        md(
            "在下面的单元格里用 pandas 计算，再用 `fill(...)` 和 `submit()` 提交（也可以把算出的结果填进上面的页面后点“提交分析结果”）。"
        ),
        solution(answer, f"answer_{task_id.replace('.', '_')}"),
        code(f'SelfCheck(backend, "{task_id}")'),
        grade(f'check("{task_id}", backend)', f"check_{task_id.replace('.', '_')}", SPECS[task_id].points),
    ]


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


CHECKLIST = (
    "TaskChecklist(backend, {"
    + ", ".join(f'"{t}": "{task.title}"' for t, task in TASKS.items())
    + ", "
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

RULES_TEXT = """
**本课程的诊断规则**（教材只给了三类产品的名字和对策，没有给具体的数值；下面的规则是本课程定的，评分按它来）：

先把 9 月（2022-09-01 至 2022-09-30，含两端）每个产品的曝光、点击、访客、询盘分别加起来，再算出每个产品的
点击率（点击 ÷ 曝光）和询盘转化率（询盘 ÷ 访客）。“中位数”指全店所有产品的这一列的中位数（pandas 的 `median()`）。

| 分组 | 规则 |
|---|---|
| 低曝光 | 曝光 **小于** 曝光中位数的一半 |
| 高曝光低点击（高曝低点） | 曝光 **不小于** 曝光中位数，并且点击率 **小于** 点击率中位数的一半 |
| 高点击低询盘（高点低反馈） | 点击 **不小于** 点击中位数，并且询盘转化率 **小于** 询盘转化率中位数的一半 |
"""

cells = [
    md("""
# 项目九　数据分析：数据管家

**学习目标**
- 说出店铺数据要回答的五个问题，记住曝光、点击、访客、询盘四个基础指标和由它们算出的比率；
- 会做流量诊断（客户构成、搜索词、国家分布）和商品诊断（高曝低点、高点低反馈、低曝光），知道各自的对策；
- 知道每天、每周、每月要做哪些店铺优化动作；
- 会用 **pandas** 汇总、筛选、排序、分组，用 **plotly** 画图，在自己店铺的数据上完成五个分析任务。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。数据管家的页面可以选时间、筛选、下载 CSV；
分析结果在“提交分析结果”页面提交，会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。

**每个人的数据都不一样**：模拟器用你的用户名生成店铺数据，第一次打开时就记在进度文件里，以后不会变。
所以抄同学的数字是对不上的，评分时老师那边会用你自己的数据重新计算答案。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 10 月 1 日，Mark 的店铺已经运营了一段时间：产品发了、视频做了、直通车也开了。经理让他拿出
**7 月到 9 月这一季度**的数据，回答几个问题：店铺的流量够不够？买家点不点、问不问？哪些产品有问题？
买家是哪些国家的？九月采购节大促之后，流量是涨是跌？这个项目里，你要在数据管家里看数据，
再用 pandas 自己算，把结论提交上去。
"""),
    md("""
## 知识点 1.1　店铺数据概览：数据要回答的五个问题

| 问题 | 想弄清楚什么 |
|---|---|
| 基本市场了解 | 这个行业有多大，客户大概是什么样 |
| 操作效果反馈 | 我们做的优化有没有用，店里的产品有没有人买 |
| 推广效果数据 | 花钱做的推广，有没有让更多买家知道我们 |
| 买家画像深入 | 来店里的都是些什么人，来自哪些国家 |
| 竞争对手分析 | 买过我们产品的买家，是不是也在买别家的 |

看数据时还要注意三点：产品**类目**要选对，不然连活动都报不了名；每个指标都要往下一层看（比如询盘少，
是曝光少、点击少还是访客不问），不要有“缺腿”的环节；**平均回复时间**和扣分情况要重点盯。

## 知识点 1.1（续）　四个基础指标和比率

分析的前提是有流量：先有“量”，才谈得上分析。

| 指标 | 数据表里的列 | 意思 |
|---|---|---|
| 曝光 | `impressions` | 产品或公司信息出现在搜索结果、类目列表等页面上、被买家看到的次数 |
| 点击 | `clicks` | 买家在这些列表页面上点开产品或公司信息的次数 |
| 访客 | `visitors` | 访问了产品页、公司页的买家，以及从别的页面发询盘或用 TradeManager 联系的买家 |
| 询盘 | `inquiries` | 买家针对产品或公司发来的**有效**询盘（系统判定的垃圾询盘、TM 咨询不算） |

由它们算出的比率（本项目都用**百分数**表示，保留两位小数）：

- **点击率** = 点击 ÷ 曝光 × 100：买家看到以后愿不愿意点；
- **询盘转化率** = 询盘 ÷ 访客 × 100：点进来的买家愿不愿意问；
- **环比** = (本期 − 上期) ÷ 上期 × 100：和前一段同样长的时间比，涨了还是跌了。
"""),
    md("""
## 知识点 1.2　流量诊断

诊断流量按三步走，最后问自己一句：**是不是把想卖的东西卖给了想买的人？**

1. **客户构成**：买家质量怎么样，新客户和老客户各占多少，流量从哪些渠道来（搜索、直通车、推荐、RFQ、橱窗……）；
2. **客户习惯**：买家搜什么词、逛什么产品进来的，是不是店铺想主推的方向；重点看主要的搜索词**转化得怎么样**；
3. **国家分布**：买家都是哪里人，和我们的目标市场一致吗。

对策：和店铺不相关的词，从产品和推广里删掉；相关但点击率低的词，看看当前挂的是哪个产品，换一个更合适的产品推广，
或者发新产品，并和同行比较差距；效果比同行差的词，通过优化排名或广告推广把排名提上去，获得更多曝光。
"""),
    md(
        """
## 知识点 1.3　商品诊断

- **主营产品有没有足够的流量**：搜核心型号或打开对应分组，看主营产品的效果；流量不够，就把它加进推广计划；
- **实力优品有没有放进橱窗**：在产品分层里看实力优品，它们应该**全部**放进橱窗，橱窗不够时择优放；
- **流量有没有变成效果**：按搜索曝光从高到低排，看曝光 → 点击 → 询盘一路转化得怎么样；转化低的产品，
  到产品分析里看它的流量来源，有针对性地优化。

三类问题产品和它们的对策：

| 问题产品 | 说明 | 对策 |
|---|---|---|
| 高曝光低点击（高曝低点） | 买家看到了却不点 | 到关键词分析看是哪些词带来的流量，在推广计划里屏蔽不相关的词，或换一个产品推广 |
| 高点击低询盘（高点低反馈） | 买家点进来了却不问 | 看访客来自哪些地区、价格有没有竞争力，做竞品分析，让产品更精准、更有竞争力 |
| 低曝光 | 买家几乎看不到 | 到关键词分析看流量词，把词加进直通车词库，加价推广 |
"""
        + RULES_TEXT
    ),
    md("""
## 知识点 1.4　日常操作：每天、每周、每月做什么

| 频率 | 店铺优化动作 |
|---|---|
| 每天 | 扫一遍全店任务的进度；RFQ 报价；发布 True View；优化和发布产品 |
| 每周 | 产品分析，优化转化低的产品；看关键词指数，把新的关键词加进来；检查活动报名；在产品工作台了解趋势品 |
| 每月和每季度 | 关注规则变化和市场变化；冲刺星级；盘点客户 |

本项目最后一个任务就是一份**周报**：把本周和上周比一比。
"""),
    md("""
## pandas 和 plotly 入门：先在一张小表上练

真实的数据管家可以导出表格。数据分析师常用 Python 的 **pandas** 处理表格（像一个会写公式的 Excel），用
**plotly** 画可以交互的图（鼠标移上去能看到数值）。先看一个只有 6 个产品的小例子，方法弄懂了，再换成店铺的大表。
"""),
    code(EXAMPLE),
    md("**全店的比率要先合计再相除**：全店点击率是“全部点击 ÷ 全部曝光”，不是 6 个产品点击率的平均数。"),
    code(EXAMPLE_TOTALS),
    md("""
**按规则给产品分组**：`demo.median()` 算出每一列的中位数；`demo.loc[条件, "product_id"]` 取出满足条件的产品编号，
条件之间用 `&`（并且）连接，每个条件都要加括号。对照上面的规则想一想：为什么 2 号是低曝光，3 号是高曝低点，4 号是高点低反馈？
"""),
    code(EXAMPLE_DIAGNOSIS),
    code(EXAMPLE_CHART),
    md('**分组汇总**：`groupby("列名")` 把同一类的行放在一起，再 `.sum()` 求和，`sort_values` 排序。'),
    code(EXAMPLE_GROUPBY),
    md(f"""
## 数据管家：本店的数据

下面是本店 2022-07-01 至 2022-09-30 的数据，共四张表。`traffic` 每一行是“某一天 × 某个产品 × 某个流量来源 ×
某个国家（搜索和 P4P 还分到搜索词）”的数据，所以**要先筛选、再求和**。流量来源有：{"、".join(SOURCES)}。

**traffic（流量明细）**

{columns_table(TRAFFIC_COLUMNS)}

**products（产品）**

{columns_table(PRODUCT_COLUMNS)}

**keywords（关键词）**

{columns_table(KEYWORD_COLUMNS)}

**countries（国家）**

{columns_table(COUNTRY_COLUMNS)}

筛选日期可以直接和文字比较，例如 `traffic[(traffic["date"] >= "2022-09-01") & (traffic["date"] <= "2022-09-30")]`
（两端都包含）。
"""),
    code(FRAMES),
    code(DAILY),
    md("""
### 数据管家的页面

每个页面都可以改开始、结束日期和筛选条件，点“查询”更新；卡片上的“环比”是和前一段同样长的时间比。
“生成 CSV 下载”可以把明细和汇总表下载下来，用 Excel 或 WPS 打开也可以做分析。
"""),
    code("DataOverviewPage(backend)"),
    code("TrafficSourcesPage(backend)"),
    code("ProductAnalysisPage(backend)"),
    code("KeywordAnalysisPage(backend)"),
    code("BuyerCountriesPage(backend)"),
    md("""
## 实操任务

五个任务都用**你自己店铺**的数据。每个任务先在代码单元格里用 pandas 算，再提交。
**允许的误差**：次数、人数（曝光、点击、访客、询盘）要完全一致；百分数允许相差 0.01 个百分点（四舍五入到两位小数就没问题）；
名单（产品、关键词、国家）不看顺序，但要一个不多、一个不少。可以反复提交，评分看最后一次。
"""),
    *task_cells(
        "09.1.1",
        """
## 实操 09.1.1　店铺核心指标（10 分）

统计本店 **2022 年 9 月**（2022-09-01 至 2022-09-30，含两端，所有流量来源、所有国家）的：

| 字段 | 要求 |
|---|---|
| 曝光、点击、访客、询盘 | 四个合计数（整数） |
| 点击率 | 点击 ÷ 曝光 × 100，百分数，保留两位小数 |
| 询盘转化率 | 询盘 ÷ 访客 × 100，百分数，保留两位小数 |
| 询盘环比 | (9 月询盘 − 8 月询盘) ÷ 8 月询盘 × 100，8 月指 2022-08-01 至 2022-08-31 |
""",
        SOLUTION_1,
    ),
    *task_cells(
        "09.1.2",
        """
## 实操 09.1.2　产品诊断（10 分）

按知识点 1.3 里**本课程的诊断规则**，用 2022 年 9 月的数据找出三类问题产品，提交它们的产品编号：

| 字段 | 要求 |
|---|---|
| 低曝光产品 | 曝光小于曝光中位数的一半 |
| 高曝光低点击产品 | 曝光不小于曝光中位数，且点击率小于点击率中位数的一半 |
| 高点击低询盘产品 | 点击不小于点击中位数，且询盘转化率小于询盘转化率中位数的一半 |
| 没进橱窗的实力优品 | `products` 表里分层是“实力优品”、但还没放进橱窗（`showcase` 为 False）的产品 |

中位数是全店**所有产品**各自 9 月数据的中位数。
""",
        SOLUTION_2,
    ),
    *task_cells(
        "09.1.3",
        f"""
## 实操 09.1.3　关键词分析（10 分）

只看 2022 年 9 月、流量来源为 **“搜索”** 的行（买家自然搜索进来的词），按关键词把点击、询盘加起来：

| 字段 | 要求 |
|---|---|
| 点击最多的 5 个搜索词 | 按点击从多到少排，取前 5 个；点击一样多时按关键词的字母顺序 |
| 建议加入直通车的 5 个词 | 还**没有**加入直通车（`keywords` 表的 `in_p4p` 为 False）、9 月点击至少 {MIN_P4P_CLICKS} 次的词中，询盘最多的 5 个；询盘一样多时点击多的在前，再一样按字母顺序 |

这就是知识点里说的“关注客户主要搜哪些词进来、转化得怎么样”：转化好又还没推广的词，值得加进直通车。
""",
        SOLUTION_3,
    ),
    *task_cells(
        "09.1.4",
        """
## 实操 09.1.4　买家画像：国家分布（10 分）

用 2022 年 9 月的数据（所有来源），按国家汇总访客和询盘：

| 字段 | 要求 |
|---|---|
| 访客最多的 5 个国家 | 国家用数据里的英文名 |
| 这 5 国访客占比 | 这 5 个国家的访客合计 ÷ 9 月全部访客 × 100，百分数，保留两位小数 |
| 询盘最多的国家 | 一个国家 |
""",
        SOLUTION_4,
    ),
    *task_cells(
        "09.1.5",
        """
## 实操 09.1.5　周报：本周和上周比（10 分）

本周指 2022-09-19（周一）至 2022-09-25（周日），上周指 2022-09-12 至 2022-09-18（上周有九月采购节大促）。

| 字段 | 要求 |
|---|---|
| 曝光周环比、点击周环比、询盘周环比 | (本周 − 上周) ÷ 上周 × 100，百分数，保留两位小数（下降是负数） |
| 访客周环比最低的来源 | 分别算出每个流量来源访客的周环比，填最低（跌得最多）的那个来源 |
""",
        SOLUTION_5,
    ),
    md("""
## 知识检测

每道题选好答案后点击“提交答案”，答案会保存下来，可以改了再交。
"""),
    *quiz_cells(),
    md("## 我的进度"),
    code(CHECKLIST),
    md("""
## 小结

- 店铺数据要回答五个问题：市场有多大、优化有没有效果、推广有没有用、买家是谁、竞争对手在哪；
- 四个基础指标：曝光、点击、访客、询盘；比率要**先合计再相除**：点击率 = 点击 ÷ 曝光，询盘转化率 = 询盘 ÷ 访客；
- 流量诊断看客户构成、搜索词和国家分布；商品诊断看主营产品的流量、实力优品是否全进橱窗、流量有没有转化；
- 高曝低点：屏蔽不相关的词或换产品推广；高点低反馈：看地区、价格和竞品；低曝光：加进直通车词库加价推广；
- 每天、每周、每月都有固定的优化动作，周报就是每周把数据和上周比一比；
- pandas 的几招：筛选 `df[条件]`、求和 `.sum()`、分组 `groupby`、排序 `sort_values`、中位数 `median()`；plotly 画交互图。

下一个项目，Mark 要学习出口服务：报关单证的制作。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "09_data" / "09_data.ipynb", "项目九 数据分析")
    print(f"wrote {out}")
