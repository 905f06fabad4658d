"""Build course/01_account/01_account.ipynb (项目一 账号注册)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, solution, write  # noqa: E402

from alisim_widgets.sim.quiz import QUESTIONS  # noqa: E402
from tests.quiz_answers import QUIZ_ANSWERS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.membership import MembershipComparison
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("01_account", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

QUIZ_IDS = ["01.q1", "01.q2", "01.q3", "01.q4", "01.q5"]


def quiz_cells() -> list:
    cells = []
    for qid in QUIZ_IDS:
        n = qid[-1]
        # The solution cell (removed in the release) answers from the teacher's answer key.
        answer = QUIZ_ANSWERS[qid]  # the teacher's key: the specs hold digests only
        if not QUESTIONS[qid].multiple:
            answer = answer[0]
        cells.append(code(f'aw.screen_for("{qid}", backend)'))
        cells.append(
            solution(f'aw.screen_for("{qid}", backend).fill(answer={answer!r}).submit()', f"q{n}_answer")
        )
        cells.append(grade(f'check("{qid}", backend)', f"q{n}_check", 1))
    return cells


cells = [
    md("""
# 项目一　账号注册

**学习目标**
- 说出阿里巴巴国际站是什么、经历了哪几个发展阶段；
- 比较三种会员（免费会员、出口通、金品诚企）的权益和费用；
- 判断一家企业能不能入驻，列出注册要准备的资料；
- 在模拟的注册页面上，为湖南典阅科技有限公司注册国际站账号。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。灰色表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。你的操作会自动保存在本文件夹的 `alisim_state.json` 里，重启内核也不会丢失；
交作业时请连同这个文件一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

湖南典阅科技有限公司（HuNan DianYue Science and Technology Co., Ltd）是一家长沙的企业，做早教玩具、
母婴日用品和童装。公司决定通过 B2B 平台把产品卖到海外，新来的运营助理 **Mark** 负责从零开始把店铺开起来。
在接下来的十个项目里，你就是 Mark：注册账号、认证、装修店铺、发布产品、接询盘、做营销、起草订单、报关。
这一个项目，先把账号注册下来。
"""),
    md("""
## 知识点 1.1　认识阿里巴巴国际站

阿里巴巴国际站是阿里巴巴集团最早的业务，1999 年上线，面向的是**企业和企业之间**（B2B）的跨境贸易：
海外采购商在这里找供应商、询价、下单，中国的工厂和外贸公司在这里展示产品、接单。

它的发展可以记成三个阶段：

| 阶段 | 平台定位 | 主要解决的问题 |
|---|---|---|
| 1.0 | 信息平台 | 让买家和卖家互相找到（信息匹配） |
| 2.0 | 交易平台 | 在平台上完成交易、通关、收汇等外贸综合服务 |
| 3.0 | 数字化平台 | 用数据和工具帮企业做数字化外贸 |

几个时间点：1999 年成立；2010 年收购一达通，开始做外贸综合服务；2015 年上线信用保障服务，
买卖双方可以在线上完成交易闭环。平台还提供多语言实时翻译、跨境支付、全球物流、融资等服务。
"""),
    md("""
## 知识点 1.2　会员服务体系

卖家在国际站有三种身份：

- **免费会员**：可以注册和发布产品，能力有限（例如只能免费获得 10 条 RFQ 报价权益）；
- **出口通**（普通会员）：每年 29,800 元，有实地认证、子账号 5 个、橱窗 2 组等；
- **金品诚企**（高端会员，Verified Supplier）：每年 80,000 元，平台对企业资质、产品和能力做全面验真，
  子账号 10 个、橱窗 8 组，还有专属营销权益和前台场景。

下面的对比表可以交互：选择要比较的会员，勾选“只看不同之处”，找出差别在哪里。
"""),
    code("MembershipComparison()"),
    md("""
## 知识点 1.3　开店前的任务清单

开店不是注册完就结束，平台给新店列了一份准备清单，分五步：

1. **素材准备**：产品图片、产品短视频、企业宣传视频、团队图片；
2. **发布产品**：整理关键词库、挑选爆品并配短视频、准备详情页模板；
3. **旺铺装修**：店招（LOGO + 1200×280 像素底图）、通栏 Banner、公司介绍、宣传视频、类目产品、客服板块；
4. **营销推广**：顶级展位、外贸直通车（P4P）等；
5. **沟通话术**：买家服务话术、开发信模板、交易回评话术。

每一步都有低、普通、高三档标准，例如：

| 准备事项 | 低标准 | 普通标准 | 高标准 |
|---|---|---|---|
| 高清产品图片 | 500 张 | 1000 张 | 5000 张以上 |
| 产品视频 | 20 秒 | 30 秒 | 30 秒 |
| 企业宣传视频 | 100 秒 | 120 秒 | 120 秒以上 |
| 团队服务能力图片 | 2 张 | 4 张 | 6 张 |
| 关键词仓库 | 100 个 | 200 个 | 300 个以上 |
| 爆品数量 | 10 款 | 20 款 | 40 款 |
| 详情装修模板 | 2 套 | 5 套 | 10 套 |
"""),
    md("""
## 知识点 2.1　谁可以入驻

- 可以：在**中国大陆工商部门注册**、经营**实体产品**的企业，生产型（工厂）和贸易型（外贸公司）都行；
- 暂时不行：做服务的公司，例如物流、检测认证、管理咨询；
- 不行：离岸公司和个人。

个体工商户能不能入驻，各地规定不同，要问当地的客户经理。

## 知识点 2.2　注册前要准备的资料

| 资料 | 要求 |
|---|---|
| 电子邮箱 | 企业邮箱或 163、gmail 等常用邮箱，**没有绑定过阿里旗下任何产品** |
| 手机号码 | 用来接收短信验证码 |
| 公司名称 | 和营业执照上的名称完全一致 |
| 英文姓名 | 法人的英文姓名 |
| 公司地址 | 可以和营业执照上的注册地址不同 |
| 登录密码 | 自己设置，记下来并妥善保管 |

> 安全小知识：真实平台和本模拟器都**不会保存明文密码**，只保存加密后的“指纹”（哈希值）。
"""),
    locked_md(
        """
## 实操 01.2.2　账号注册

湖南典阅科技有限公司决定从阿里巴巴国际站开始做跨境电商。请用下面的资料，在模拟的注册页面上注册一个
**免费会员**账号：

| 项目 | 内容 |
|---|---|
| 公司名称 | 湖南典阅科技有限公司 |
| 公司地址 | 湖南省长沙市岳麓区谷园街道谷园路 200 号 |
| 营业执照号 | 440000551523412 |
| 电子邮箱 | dianyuekeji@163.com |
| 法人姓名 | 张龙 |
| 英文姓名 | Zhang long |
| 登录密码 | dianyue123 |
| 手机号码 | 13666301234 |

**操作步骤**：填写表单 → 点击“获取验证码” → 在下方的模拟短信里看到 6 位验证码，填入“短信验证码” →
点击“同意并注册”。如果提示邮箱已被绑定、格式不对，按红字提示修改后再提交。
""",
        "task_01_2_2",
    ),
    code('registration = aw.screen_for("01.2.2", backend)\nregistration'),
    code('SelfCheck(backend, "01.2.2")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(
        """
if backend.state.account is None:
    registration.fill(
        company_name="湖南典阅科技有限公司",
        company_address="湖南省长沙市岳麓区谷园街道谷园路 200 号",
        license_no="440000551523412",
        email="dianyuekeji@163.com",
        legal_rep_name="张龙",
        legal_rep_name_en="Zhang long",
        password="dianyue123",
        mobile="13666301234",
    )
    registration.request_code()
    registration.fill(verification_code=backend.inbox.last_code()).submit()
""",
        "answer_01_2_2",
    ),
    grade('check("01.2.2", backend)', "check_01_2_2", 10),
    md("""
## 知识检测

每道题选好答案后点击“提交答案”，答案会保存下来，可以改了再交。
"""),
    *quiz_cells(),
    md("""
## 我的进度
"""),
    code(
        'TaskChecklist(backend, {"01.2.2": "账号注册", "01.q1": "知识检测 1", "01.q2": "知识检测 2",\n'
        '                         "01.q3": "知识检测 3", "01.q4": "知识检测 4", "01.q5": "知识检测 5"})'
    ),
    md("""
## 小结

- 国际站是 B2B 平台，经历了信息平台 → 交易平台 → 数字化平台三个阶段；
- 三种会员的差别在认证、建站、数据、子账号、橱窗和费用（免费 / 29,800 元 / 80,000 元每年）；
- 只有大陆注册、做实体产品的企业（工厂或贸易公司）可以入驻；
- 注册要准备：未绑定的邮箱、手机号、与执照一致的公司名称、法人英文名、公司地址和密码。

下一个项目，Mark 要为公司做 A&V 认证、完善公司信息、装修旺铺并设置子账号。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "01_account" / "01_account.ipynb", "项目一 账号注册")
    print(f"wrote {out}")
