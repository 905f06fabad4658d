"""Build course/06_crm/06_crm.ipynb (项目六 客群管理: 客户通, 客群, 外贸邮与 EDM, 智能圈客)."""

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
from alisim_widgets.screens.crm import CustomerListPage, GroupsPage
from alisim_widgets.screens.edm import CampaignResultsPage, EdmSetupScreen
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("06_crm", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

MX_DEMO = """
# 在一个“练习用”的临时店铺里演示（只在内存里，不影响你的作业）：换一个新域名重新开通外贸邮
practice = aw.open_backend("06_crm", path=None)
print(practice.edm.open_mail("dianyue-2022.com", agree=True))
print(practice.edm.confirm_mx())                      # 点击“我已完成设置”
print("现在：", practice.now(), "→", practice.edm.problem())
for _day in range(2):                                  # 模拟时钟每次前进一天（到第二天上午 9 点）
    practice.advance_days(1)
    print(practice.now(), "→", practice.edm.problem())
# 两天后的这个时刻正好满 48 小时：MX 生效，接下来提示的是保存发信地址和 SMTP 密码
"""

DYNAMIC_DEMO = """
# 动态客群的客户会跟着数据变化：在练习店铺里建同样条件的客群，再改变数据看看
practice = aw.open_backend("06_crm", path=None)
practice.crm.create_dynamic_group({"name": "练习客群", "countries": ["美国", "巴西", "俄罗斯联邦"], "inquiry_within_days": 30})
def members():
    return [f"{c.name}（{c.country}）" for c in practice.crm.members("练习客群")]

print(practice.today(), len(members()), members())
practice.crm.record("Pedro Santos", "询盘")          # 巴西的 Pedro Santos 今天又发来一条询盘
print("新询盘以后：", len(members()))
practice.advance_days(1)                              # 时钟走一天：Olga Smirnova 的询盘满 30 天了
print(practice.today(), len(members()), members())
"""

QUOTE_DEMO = """
# 算一算：每日前 200 封免费，超出部分 2 元/1000 封
from alisim_widgets.sim.edm import edm_cost

for sent_today, mails in [(0, 150), (0, 200), (0, 201), (150, 1050), (200, 5000)]:
    print(edm_cost(sent_today, mails).text())
"""

RESULTS_CHART = """
# 营销邮件发出后几天里的效果（送达 → 打开 → 点击 → 回复），按模拟规则推算
import datetime as dt

import plotly.graph_objects as go
from alisim_widgets.sim.edm import RESULT_NAMES, campaign_results

campaigns = [c for c in backend.edm.campaigns() if c.active]
if not campaigns:
    print("还没有生效的营销活动：先完成上面的实操 06.8.5")
else:
    c = campaigns[-1]
    days = list(range(0, 8))
    series = {k: [] for k in RESULT_NAMES}
    for d in days:
        r = campaign_results(c, c.send_at + dt.timedelta(days=d))
        for k in RESULT_NAMES:
            series[k].append(r[k])
    fig = go.Figure([go.Scatter(x=days, y=series[k], name=RESULT_NAMES[k], mode="lines+markers") for k in RESULT_NAMES])
    fig.update_layout(title=f"“{c.name}”发送后的效果（共 {len(c.recipients)} 封）", xaxis_title="发送后第几天",
                      yaxis_title="人数", height=360)
    fig.show()
"""

SOL_FIXED = """
if not backend.crm.group("重点客户群"):
    fixed.fill(
        name="重点客户群",
        scope="我的客户",
        description="回购重点人群",
        customers=["Kouakouanicet Kouassi", "AsifVarachia", "David Timko"],
    ).submit()
"""

SOL_DYNAMIC = """
if not backend.crm.group("高潜复购动态客群"):
    dynamic.fill(name="高潜复购动态客群", countries=["美国", "巴西", "俄罗斯联邦"], inquiry_within_days=30).submit()
"""

SOL_TEMPLATE = """
if not backend.edm.template("新品促销模板"):
    template.fill(
        base_template="2022-9月采购节新品发布",
        name="新品促销模板",
        description="新品促销",
        subject="Here's a coupon for a new product",
        content="The dress Sale is coming!Our shop will be on Big sale at that time!I recommend some of the hot sale product to you.",
        send_test=True,
    ).submit()
"""

SOL_INSITE = """
if not backend.edm.insite():
    insite.fill(
        title="New arrivals selected for you",
        product="DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster Trucks for Kids Adults",
        quantity=5,
        unit="Box(es)",
        unit_price=35,
        message="Dear friends, here are the commodities and coupons you need, please check, if you have any questions, please contact me.",
    ).submit()
"""

SOL_CAMPAIGN = """
if not backend.edm.campaigns():
    campaign.fill(
        name="新贸节客户促销",
        group="店铺兴趣客户",
        start="2022-08-25",
        end="2022-08-31",
        description=("Dear my friend, hope you everything goes perfect. The September purchasing Festival is coming soon, "
                     "if you have purchasing plan, it is necessary to start it in advance. Otherwise, according to our "
                     "experience, during that time the freight will rise, and the product may be out of stock, our "
                     "production line need to arrange orders. It's the most cost-effective time to place an order now. "
                     "You can receive the goods in time and save the freight."),
        channel="营销邮件",
        template="系统内置邮件模板",
        send="立即发送",
        activate=True,
    ).submit()
"""

TASKS = {
    "06.3.4": "新建固定客群",
    "06.3.5": "新建动态客群",
    "06.8.3": "新建 EDM 邮件模板",
    "06.8.4": "智能圈客站内营销",
    "06.8.5": "新建 EDM 营销邮件",
}
QUIZ_IDS = sorted((q for q in QUESTIONS if q.startswith("06.")), key=lambda q: int(q.split("q")[-1]))


def task_cells(task_id: str, var: str, sol: str, hint: str) -> list:
    slug = task_id.replace(".", "_")
    return [
        code(f'{var} = aw.screen_for("{task_id}", backend)\n{var}'),
        code(f'SelfCheck(backend, "{task_id}")'),
        md(hint or "下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(sol, f"answer_{slug}"),
        grade(f'check("{task_id}", backend)', f"check_{slug}", SPECS[task_id].points),
    ]


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


CHECKLIST = (
    "TaskChecklist(backend, {"
    + ", ".join(f'"{t}": "{name}"' for t, name in TASKS.items())
    + ", "
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

cells = [
    md("""
# 项目六　客群管理：客户通、客群与 EDM 营销

**学习目标**
- 说出客户通是什么、客户从哪里来（公海、询盘、旺旺、名片）；
- 知道外贸邮为什么要自有域名、MX 记录为什么要等 48 小时；
- 分清固定客群和动态客群，认识六个默认客群；会建固定客群、动态客群；
- 会配置 EDM、从模板库做邮件模板、发测试邮件；会算每天的免费额度和费用；
- 会新建 EDM 营销活动，会用智能圈客做站内营销，会看营销效果。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。操作会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 8 月 20 日，湖南典阅科技的国际站店铺已经运营了几个月，询盘、旺旺聊天、公海推荐带来了六十多位客户，
都记在后台的**客户通**里。九月采购节（新贸节）快到了，**Mark** 想把客户分分类，给不同的客户发不同的营销内容：
老客户重点维护，最近有询盘的客户趁热跟进，对店铺感兴趣的客户发邮件预热。外贸邮和 EDM 发信地址，
Mark 在 8 月 10 日已经配置好了。
"""),
    md("""
## 知识点 1　了解客户通

**客户通**是 My Alibaba 后台里的客户管理工具，出口通会员免费使用。它把客户信息集中起来，帮业务员和运营人员
认识客户、给客户分组、做有针对性的营销，让每一位客户都“看得见、用得上”。

会员权益表（项目一）里，客户通这一行是这样的：免费会员没有，出口通会员用**基础版**，金品诚企会员用**智能版**。
外贸邮也一样，只有付费会员才能开通。

**客户从哪里来？** 可以录入客户通的客户有四类：

| 来源 | 怎么加进来 |
|---|---|
| 公海高潜客户 | 在公海里按潜力分值和客户阶段挑选，勾选后加为“我的客户” |
| 询盘客户 | 商机沟通 → 询盘 → 打开询盘详情，在右侧点“添加客户” |
| 旺旺客户 | 在旺旺聊天界面装上客户通插件，点“加为我的客户”（不是加好友） |
| 名片 | 无线旺旺里交换到的客户名片 |

**核心功能：分层营销。** 站外批量 EDM 营销分三步：**建客群 → 做营销内容模板 → 创建营销活动**；
站内批量营销也是三步：选中“站内营销”批量操作 → 在客户列表里勾选客户 → 选商品、写营销话术。

下面是 Mark 的客户列表。试试按来源、国家筛选，选一位客户看看他的**行为记录**（访问、询盘、下单、收藏的日期），
再给他加一个标签。
"""),
    code("CustomerListPage(backend)"),
    md("""
## 知识点 2　外贸邮

**外贸邮**是阿里巴巴给中小外贸企业做的企业邮箱，目前免费，国际站付费会员可以用，但**必须有自己的域名**。
它的好处：邮箱后缀是企业自己的域名，显得专业、容易获得买家信任；业务邮件集中管理，不会因为人员变动而流失；
管理员还能管理业务员的邮箱。

**域名**可以理解成网址的主体部分，比如 `dianyue2022.com`。常见的注册商有新网、万网、易名等，万网属于阿里云，
可以直接在阿里云搜索、购买（需要实名认证）。

**开通步骤**：商机沟通 → 商机管理中心（询盘）→ 邮箱 → 外贸邮设置：
1. 勾选同意协议，填写已有的域名，下一步；
2. 按提示到域名服务商那里设置 **MX 记录**（在阿里云“云解析”里选“邮箱解析”即可拿到），然后点“我已完成设置”；
3. **MX 记录修改以后最长需要 48 小时同步**，生效之后才能收发邮件、生成 EDM 发信地址。

下面在一个练习用的临时店铺里演示 48 小时的等待（不影响你的作业）：
"""),
    code(MX_DEMO),
    md("""
MX 生效以后，EDM 还要三步：在阿里云邮件推送里**生成发信地址**（系统自动设置二级域名、DNS 解析、发信地址和 SMTP 密码），
把**发信地址和 SMTP 密码**复制到 My Alibaba → 客户管理 → EDM 设置并立即保存（SMTP 密码窗口关闭后就看不到了，
模拟器也只保存它的加密指纹），最后设置**回信邮箱和回信人**（不先保存发信地址，就不能设回信邮箱；主账号和子账号可以各设各的）。
Mark 的店铺已经全部配好，下面是 EDM 设置页：
"""),
    code("EdmSetupScreen(backend)"),
    md("""
## 知识点 3　客群管理

**客群**就是客户群体。把客户分群，是区别对待不同客户、做精准营销的前提。客群有两种：

| | 固定客群 | 动态客群 |
|---|---|---|
| 怎么来 | 商家自己挑选客户加进去 | 商家设定筛选规则，系统自动筛选 |
| 客户会不会变 | 不会：加进去是谁就是谁 | 会：客户数据变了，客群里的人自动更新 |
| 适合 | 名单明确的一批人，例如重点回购客户 | 按条件圈人，例如“近 30 天有询盘的美国客户” |

分群的常用维度有地域、购买行为、客户生命周期等。动态客群的条件分两类：**基础标签**（国家地区、客户类型、
客户来源渠道、是否粉丝……）和**客户行为标签**（询盘、访问、下单、加购等行为发生在什么时间）。

客户通还有六个**默认客群**，由系统根据客户数据算出来：店铺兴趣客户、店铺忠诚客户、店铺成交客户、店铺粉丝、
最近询盘客户、最近成交客户。（模拟器里每个默认客群的计算规则写在下表的“条件”一栏。）
"""),
    code("GroupsPage(backend)"),
    locked_md(
        """
## 实操 06.3.4　新建固定客群

店铺经过 3 个月的运营，已经有了一批固定客户。请帮助 Mark 把回购重点客户加入一个**固定客群**：

| 项目 | 内容 |
|---|---|
| 客群名称 | 重点客户群 |
| 范围 | 我的客户 |
| 描述 | 回购重点人群 |
| 重点客户 | Kouakouanicet Kouassi、AsifVarachia、David Timko |

路径：客户管理 → 客群管理 → 新建固定客群。先填名称、范围、描述（描述最多 256 个字），再在客户列表里勾选客户
（可以用上方的筛选框找人，按住 Ctrl 多选），最后点“添加选中客户并保存”。
""",
        "task_06_3_4",
    ),
    *task_cells("06.3.4", "fixed", SOL_FIXED, ""),
    locked_md(
        """
## 实操 06.3.5　新建动态客群

请帮助 Mark 建一个**动态客群**：客户所在国家是**美国、巴西、俄罗斯联邦**，并且**近 30 天内发起过询盘**，
客群名称为“**高潜复购动态客群**”。

路径：客户管理 → 客群管理 → 新建动态客群。在基础标签里选国家地区，在客户行为标签里设置询盘的天数，
页面会实时显示“客群人数”；最后填写客群名称，点“创建”。
""",
        "task_06_3_5",
    ),
    *task_cells("06.3.5", "dynamic", SOL_DYNAMIC, ""),
    md("""
### 动态客群为什么“会动”

动态客群保存的是**条件**，不是名单：每次打开都按当时的数据重新计算。下面在练习店铺里试一试：
新来一条询盘，客群就多一个人；时钟往后走，超过 30 天的询盘不再算数，客群就少一个人。
（评分也只看你设置的条件，不看当时有哪些人。）
"""),
    code(DYNAMIC_DEMO),
    md("""
## 知识点 4　EDM 邮件营销规则与模板

**访客 EDM 营销**是用邮件给店铺访客批量发送营销信息，提高营销效率和到达率。

**收费规则**：通过阿里云群发邮件，**每天前 200 封免费，超出部分按 2 元/1000 封收费**。发送前要先设置好营销客群、
选好邮件模板，并确认这次要花多少钱。
"""),
    code(QUOTE_DEMO),
    md("""
**模板管理**：客户管理 → 营销 → 模板管理。可以新建模板，也可以打开**模板库**：预览、下载一个官方模板，
再点“编辑模板”修改模板名称、描述、邮件标题和内容（还可以加入店铺已发布的商品、创建优惠券），最后点“发布”。
模板的四项都必填：**模板名称、描述、邮件主题、邮件内容**。模板发布以后，可以先给自己发一封测试邮件看看效果。
"""),
    locked_md(
        """
## 实操 06.8.3　新建 EDM 邮件模板

卖家设置好 EDM 模板，以后做营销时就能直接选用。Mark 以模板库中的“9 月采购节模板-New products”
（模板库里的名称是“2022-9月采购节新品发布”）为基础，设置以下模板信息，然后**发送邮件**：

| 项目 | 内容 |
|---|---|
| 模板名称 | 新品促销模板 |
| 描述 | 新品促销 |
| 邮件主题 | Here's a coupon for a new product |
| 邮件内容 | The dress Sale is coming!Our shop will be on Big sale at that time!I recommend some of the hot sale product to you. |

选好模板库模板后，空着的主题和内容会先填上模板原来的文字，请改成任务要求的内容。可以先点“预览”看看效果；
勾选“发送测试邮件”，发布后会发一封测试邮件到你的回信邮箱（也占用当天的发送额度）。
""",
        "task_06_8_3",
    ),
    *task_cells("06.8.3", "template", SOL_TEMPLATE, ""),
    md("""
## 知识点 5　智能圈客站内营销

除了发邮件，还可以在国际站**站内**给客户推送营销内容：
- **站内营销**：客户管理 → 客户列表（或公海）→ 批量操作，直接勾选要营销的客户；
- **智能圈客**：客户管理 → 营销活动 → 智能圈客站内营销。圈选范围包括客户列表和公海，
  系统**优先圈选近期访问过网站、且访问商品偏好相近的客户**，比自己挑更精准。

设置营销内容的步骤：看系统圈选的客户 → 写营销邮件标题 → 选当前可用的优惠券（没有可以“去创建”）→
添加产品（数量、单位、单价）→ 写营销信息 → 发送。发送后在营销活动里点“查看效果”，能看到投放成功的客户数。
"""),
    locked_md(
        """
## 实操 06.8.4　智能圈客站内营销

最近 Mark 的店铺积累了一些客户，现在要给系统推荐的客户发送营销计划。请根据以下信息创建并发送：

| 项目 | 内容 |
|---|---|
| 标题 | New arrivals selected for you |
| 已发布商品 | DEERC DE36W RC Car with 720P FPV Camera 1/16 Scale Remote Control High Speed OffRoad RC Monster Trucks for Kids Adults |
| 数量 | 5 |
| 单位 | Box(es) |
| 单价 | 35 |
| 信息 | Dear friends, here are the commodities and coupons you need, please check, if you have any questions, please contact me. |

选好商品后，页面上会列出智能圈客圈选的客户和圈选原因。
""",
        "task_06_8_4",
    ),
    *task_cells("06.8.4", "insite", SOL_INSITE, ""),
    md("""
## 知识点 6　用客群做定向营销（EDM 营销活动）

EDM 营销的完整流程：
1. **配置 EDM**：有域名 → 阿里云实名认证 → 邮件推送配置 → 复制发信地址和 SMTP 密码并保存 → 设置回信地址；
2. **建立客群**：固定客群或动态客群（系统默认客群也能直接用）；
3. **设计营销模板**：针对客群设置他们感兴趣的内容，或用官方模板；
4. **创建营销活动**：客户管理 → 营销 → 营销活动 → 新建EDM营销。

新建营销活动要填：**活动名称、客户分群、活动时间、描述**（最多 1000 个字，只给商家自己看，买家看不到），
**投放渠道**（目前只能选营销邮件）、**邮件模板**、**发送时间**（立即发送或定时发送）。
最后点“**保存为草稿**”（不会发送）或“**活动生效**”（按发送时间发出）。页面上会先显示这次要发多少封、花多少钱。
"""),
    locked_md(
        """
## 实操 06.8.5　新建 EDM 营销邮件

临近九月新贸节，Mark 决定通过 EDM 营销做一波预热。请根据以下信息创建 EDM 营销计划并发送：

| 项目 | 内容 |
|---|---|
| 活动名称 | 新贸节客户促销 |
| 客户群 | 店铺兴趣客户 |
| 活动时间 | 2022 年 8 月 25 日 - 2022 年 8 月 31 日 |
| 描述 | Dear my friend, hope you everything goes perfect.<br>The September purchasing Festival is coming soon, if you have purchasing plan, it is necessary to start it in advance. Otherwise, according to our experience, during that time the freight will rise, and the product may be out of stock, our production line need to arrange orders.<br>It's the most cost-effective time to place an order now. You can receive the goods in time and save the freight. |
| 投放渠道 | 营销邮件 |
| 邮件模板 | 系统内置邮件模板 |
| 发送时间 | 立即发送 |

别忘了勾选“活动生效”：保存为草稿是不会发送的。
""",
        "task_06_8_5",
    ),
    *task_cells("06.8.5", "campaign", SOL_CAMPAIGN, ""),
    md("""
### 查看效果

邮件发出后，效果要过几天才看得出来：先是**送达**，然后有人**打开**、**点击**，最后才有人**回复**。
下面按模拟规则推算你这次营销在发送后一周里的变化；“营销活动效果”页显示的是模拟时钟“现在”的数字。
"""),
    code(RESULTS_CHART),
    code("CampaignResultsPage(backend)"),
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

- 客户通是出口通会员免费的客户管理工具；客户来自公海高潜客户、询盘、旺旺聊天和无线旺旺名片；
- 外贸邮要有自有域名，MX 记录修改后最长 48 小时生效；EDM 配置：域名 → 实名认证 → 邮件推送 → 发信地址和 SMTP 密码 → 回信地址；
- 固定客群是商家挑的名单，不会变；动态客群按规则由系统筛选，数据一变客户就跟着变；六个默认客群由系统计算；
- EDM 模板可以从模板库下载后编辑，四项必填；每天前 200 封邮件免费，超出部分 2 元/1000 封；
- 营销活动：名称、客群、时间、描述（≤ 1000 字）、营销邮件、模板、立即或定时发送，保存草稿或活动生效；
- 智能圈客优先圈选近期访问过网站、访问商品偏好相近的客户，适合做站内精准营销。

下一个项目，Mark 要在营销中心用橱窗、优惠券和外贸直通车为店铺引流。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "06_crm" / "06_crm.ipynb", "项目六 客群管理")
    print(f"wrote {out}")
