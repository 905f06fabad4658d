"""Build course/02_store/02_store.ipynb (项目二 店铺管理).

The sub-accounts part (知识点 5.3, task 02.5.4) and the shop decoration part (知识点 4, task 02.4.1) are
written by another developer in ``p02_subaccounts_cells.py`` and ``p02_decoration_cells.py``; this script
puts their cells in place when those files exist, so both parts can be finished independently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, quiz, solution, write  # noqa: E402

from autograde import SPECS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.account_security import AccountCenterPage
from alisim_widgets.screens.company import CompletenessCalculator
from alisim_widgets.screens.menu_map import MenuMap
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from autograde import check

backend = aw.open_backend("02_store", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""


# --- the other developer's parts (optional files) ---------------------------------------------------------
def _optional(module: str):
    """Import ``tools/notebooks/<module>.py`` if it exists, else None."""
    path = HERE / f"{module}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(module, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _placeholder(what: str) -> list:
    return [md(f"> （{what}这一部分正在编写中，下一版笔记本会补上。）")]


def subaccount_cells() -> list:
    """知识点 5.3 and task 02.5.4 (from p02_subaccounts_cells.py)."""
    mod = _optional("p02_subaccounts_cells")
    return mod.subaccount_cells() if mod else _placeholder("子账号设置（知识点 5.3、实操 02.5.4）")


def decoration_cells() -> list:
    """知识点 4 and task 02.4.1 (from p02_decoration_cells.py)."""
    mod = _optional("p02_decoration_cells")
    return mod.decoration_cells() if mod else _placeholder("全球旺铺装修（知识点 4、实操 02.4.1）")


def other_tasks() -> dict[str, str]:
    """The task checklist entries of the other developer's parts."""
    out: dict[str, str] = {}
    for module, name in (
        ("p02_decoration_cells", "DECORATION_TASKS"),
        ("p02_subaccounts_cells", "SUBACCOUNT_TASKS"),
    ):
        mod = _optional(module)
        if mod is not None:
            out.update(getattr(mod, name, {}))
    return out


# --- knowledge checks ----------------------------------------------------------------------------------------


def task_cells(task_id: str, statement: str, screen_var: str, answer: str) -> list:
    tid = task_id.replace(".", "_")
    return [
        locked_md(statement, f"task_{tid}"),
        code(f'{screen_var} = aw.screen_for("{task_id}", backend)\n{screen_var}'),
        code(f'SelfCheck(backend, "{task_id}")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(answer, f"answer_{tid}"),
        grade(f'check("{task_id}", backend)', f"check_{tid}", SPECS[task_id].points),
    ]


INTRO = """
# 项目二　店铺管理

**学习目标**
- 认识卖家后台（My Alibaba）：工作台的六个区域、主菜单里每个栏目管什么；
- 说出 A&V 认证核实什么、由谁核实、要多久、要准备哪些资料，并走完认证的五个步骤；
- 按要求用英文完善公司信息，理解“已认证信息只读”“提交后审核 1 个工作日”和信息完整度；
- 了解全球旺铺由哪些板块组成，按规则装修旺铺；
- 管理自己的个人信息和账号安全，为同事开设子账号，读懂子账号权限表。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。你的操作自动保存在本文件夹的 `alisim_state.json` 里，重启内核也不会丢失；
交作业时请连同这个文件一起提交。

> 模拟器有一个**场景时钟**：故事里的今天是 2022 年 3 月 20 日（星期日）。审核要几个工作日时，
> 时钟会跟着往前走；需要“等到明天”时，可以运行 `backend.advance_days(1)`。
"""

STORY = """
## 故事背景

上一个项目里，Mark 为湖南典阅科技有限公司注册了国际站账号，公司随后开通了**出口通**会员。
可是店铺还是“空的”：公司资质还没有认证，买家看不到公司介绍，旺铺首页也没有装修。
这个项目里，Mark 要把店铺真正搭起来：先做 **A&V 认证**，再完善**公司信息**、装修**旺铺**，
最后管好自己的账号安全，并给新来的业务经理开一个**子账号**。
"""

K1 = """
## 知识点 1　认识卖家后台

### 1.1 卖家工作台
登录国际站后，首先看到的是**卖家工作台**（My Alibaba 首页）。它分成六块：右上角的**账户中心**、
今天要处理的**待办事项**、显示会员身份的**身份卡片**、找客服的**帮助入口**、按楼层排开的**主要业务板块**，
以及左侧的**主菜单**。

### 1.2 主菜单
主菜单是所有业务的入口，按业务类型分组。运营和业务员关心的栏目不一样：运营常去产品管理、数据管家、
营销中心；业务员常去商机沟通、客户管理、交易管理。点下面的栏目，看看每个栏目管什么：
"""

K1_APP = """
### 1.3 阿里卖家 App
手机上的“阿里卖家”App 让业务员离开电脑也能接单。它有五个主要区块：

| 区块 | 里面有什么 |
|---|---|
| 首页 | 按你的身份和店铺发展阶段，显示最核心的数据和操作入口 |
| 消息 | 买家的即时消息、询盘和系统通知 |
| 工具 | 平台和第三方服务商提供的各种工具 |
| 头条 | 行业资讯、报告、直播和学习课程 |
| 我的 | 平台资产、个人资料、软件设置 |

App 的页面会根据店铺的阶段和任务完成情况变化；在 App 上也能起草订单、查快递运费和物流轨迹、看数据概览。
"""

K2 = """
## 知识点 2　A&V 认证

### 2.1 认证什么、谁来认证
**A&V** 是 Authentication（核实公司真实存在）和 Verification（核实申请人属于这家公司）的合称。
开通出口通或金品诚企，都要先通过 A&V 认证，买家才会相信这是一家真实的公司。

- **谁来认证**：阿里巴巴和第三方认证公司（中德、中诚信、CBI 等）一起完成。阿里巴巴的客户经理只负责
  上门**收集和记录**信息（拍办公和生产环境的照片，请公司在认证信息确认书上盖章）；营业执照是否真实有效、
  法人和被授权人是否真实，由**第三方认证公司**核实。
- **要多久**：有两个数字，说的是不同的时间段。从客户经理上门收集信息算起，到认证通过，**整个认证一般 7–8 天**
  （自然日）：其中包括客户经理提交确认函、公司核对并在线提交信息，最后是**审核，约 1–2 个工作日**；
  选择线下（人工）验证的，认证公司还要再核实 1–2 个工作日，整个认证也就相应更长。
  模拟器里客户经理 3 月 15 日上门，你 3 月 20 日提交资料，正常审核 3 月 22 日通过：正好 7 天。

**公司要准备的信息**

| 类别 | 内容 |
|---|---|
| 营业执照 | 公司中文名称、执照照片、注册地址 |
| 对公账户 | 开户行、开户名、对公账号 |
| 经营地址 | 经营地址和场地证明 |
| 认证人 | 姓名、联系方式、身份证号、职位、部门 |

### 2.2 认证的五个步骤
1. **确认认证函**：客户经理提交“认证信息确认函”，公司核对无误后点“确认”；
2. **提交工商四要素**：公司名称、证照类型、法人代表姓名、法人身份证号。这一步会拿去和工商登记信息比对，
   **每天最多验证 3 次**，填错三次就只能等第二天；
3. **选择授权方式**：法人代表个人支付宝验证、企业支付宝验证、对公账号打款验证、线下验证，四选一；
   选对公账号打款验证时，平台会往公司的对公账户打一笔小钱，所以要填开户行、开户名（应与公司名称一致）和账号；
4. **提交认证资料**：公司中英文名称、注册地址、经营地址（和注册地址不同时要单独填）、执照信息、场地、
   法人信息、认证联系人等；
5. **认证审核**，通过后就完成了。

> 模拟器里，第 5 步用“模拟审核通过”按钮代替等待：点一下，场景时钟走到审核完成的那一天。
"""

TASK_AV = """
## 实操 02.2.3　A&V 认证

公司开通出口通会员后，要先通过 A&V 认证，才能使用更多功能。认证由外贸部运营助理 Mark 负责，资料如下：

| 项目 | 内容 |
|---|---|
| 公司中文名 | 湖南典阅科技有限公司 |
| 公司英文名 | HuNan DianYue Science and Technology Co., Ltd |
| 公司中文地址 | 湖南省长沙市岳麓区谷园街道谷园路 200 号 |
| 公司英文地址 | No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province |
| 营业执照号 | 370000266736773 |
| 公司场地性质 | 自有产权，产权证明所有权人为公司名称 |
| 注册资本 | 1000000 元 |
| 公司法人中文名 | 张龙 |
| 公司法人英文名 | Zhang long |
| 公司法人性别 | 男 |
| 公司法人身份证 | 370202198512461234 |
| 公司法人手机号码 | 13666301234 |
| 公司座机 | 086-0532-6356345 |
| 公司法人邮箱 | dianyuekeji@163.com |
| 职位 | 经理/manager |
| 部门 | 跨境部/Department of cross - border |
| 营业执照有效期 | 2022 年 3 月 5 日 – 2032 年 3 月 5 日 |

**操作步骤**：在下面的认证页面上，按步骤指示条一步一步完成：确认认证函 → 提交工商四要素（证照类型选
“营业执照”）→ 选择一种授权方式 → 提交认证资料 → 模拟审核通过。每一步点橙色按钮进入下一步。

> 注意：工商四要素每天只能验证 3 次，提交前请仔细核对。资料里的身份证号照原样填写：
> 模拟器会提示它的出生日期不真实，但不会拒绝（教材里的示例数据）。
"""

ANSWER_AV = """
# 认证已经通过就跳过（这个单元格可以反复运行）
if backend.verification.status != "passed":
    verification.fill(
        company_name_cn="湖南典阅科技有限公司",
        license_type="营业执照",
        legal_rep_name="张龙",
        legal_rep_id_no="370202198512461234",
        auth_method="对公账号打款验证",
        company_name_en="HuNan DianYue Science and Technology Co., Ltd",
        address_cn="湖南省长沙市岳麓区谷园街道谷园路 200 号",
        address_en="No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
        license_no="370000266736773",
        premises="自有产权",
        premises_owner="湖南典阅科技有限公司",
        registered_capital_cny="1000000",
        legal_rep_name_en="Zhang long",
        legal_rep_gender="男",
        legal_rep_mobile="13666301234",
        landline="086-0532-6356345",
        legal_rep_email="dianyuekeji@163.com",
        position="经理/manager",
        department="跨境部/Department of cross - border",
        license_valid_from="2022-03-05",
        license_valid_to="2032-03-05",
    ).submit()
"""

K2_AFTER = """
### 2.3 认证通过以后：修改认证信息
认证信息不是一劳永逸的：公司搬了家、换了类型，都要**修改认证信息**。在“A&V 认证信息”页面点
“修改认证信息”，改好后重新提交。大致分四步：

1. 修改并提交认证信息；
2. 如果改的是**特殊字段**（**公司类型**、**经营地址**），不能自己说了算：销售要核实，公司还要补充证明资料；
3. 平台审核；
4. 认证公司核实后把结果返回。

在模拟器里，认证通过后页面上会出现“修改认证信息”按钮：点了以后回到“提交资料”这一步。重新审核通过之前，
原来已认证的信息继续有效。

### 2.4 金品诚企：预约上门认证
金品诚企会员的认证比出口通多一步**实地上门**。文件审核（文审）通过以后：

- 要在 **1 个月内**自己在后台预约上门认证的时间；
- 最快可以约 **48 小时以后**上门；
- 约好后**只能改一次**时间，而且要在原定时间 **48 小时之前**改。

所以预约前先和工厂、办公室的同事对好时间，免得临时改不了。
"""

K3 = """
## 知识点 3　管理公司信息

认证通过后，公司信息就可以在后台（店铺管理 › 管理公司信息）编辑，并展示在旺铺的公司介绍里。
平台调研发现：信息完整的商家，比信息不完整的商家同一页面的转化高 50% 以上。

### 3.1 五个标签页
| 标签页 | 填什么 | 给买家看什么 |
|---|---|---|
| 基本信息 | 公司名称、地址、主营类目和产品、注册年份、人数、网址、法人、核心优势 | 公司是谁、做什么 |
| 研发设计 / 证书商标及专利 | 认证证书、荣誉证书、专利、商标 | 公司实力 |
| 加工制造能力 / 合作工厂 | 工厂地址和面积、OEM、生产线、设备、年产量、质量控制 | 生产能力 |
| 外贸出口能力 / 贸易信息 | 出口比例、主要市场、港口、交易条款、支付方式、语言、买家案例 | 外贸能力 |
| 展示信息 | 公司标志、详细介绍、3 张形象图（门头、办公室或车间、全景）、公司视频、展会 | 整体形象（必填，填了才能开通网站） |

### 3.2 三条规矩
- **全部用英文**：买家看的信息都用英文填写，只有“中文名”“中文地址”这类字段写中文。
- **打钩的不能自己改**：基本信息里打了勾的字段是 A&V **已认证**的信息，要改只能联系客户经理，
  客户经理上门重新认证。
- **提交后审核 1 个工作日**：提交前要确认信息完整、准确，提交后 1 个工作日内处于“审核中”，不能再编辑。

### 3.3 信息完整度
完整度按公司类型计算：

| 项目 | 在哪个标签页 | 怎么算 |
|---|---|---|
| 公司环境 | 展示信息 | 图片和视频，只填一种 50%，两种都有 100% |
| 展会信息 | 展示信息 | 没填 0%，填了 100% |
| 买家案例（贸易型） | 外贸出口能力 | 没填 0%，填了 100% |
| 生产信息（工厂型、工贸一体） | 加工制造能力 | 生产线流程图、生产设备、生产线：填一项 35%，两项 70%，三项 100% |
| 质量信息（工厂型、工贸一体） | 加工制造能力 | 质量控制流程、质量检测设备：填一项 50%，两项 100% |

用下面的计算器试一试：换一种公司类型，勾选已经填好的内容，看完整度怎么变。
"""

TASK_COMPANY = """
## 实操 02.3.1　管理公司信息

认证完成后，Mark 要完善公司资料的基本信息（实操 2.4、2.5 用的是同一份资料）。**请用英文填写所有信息**
（中文名称和中文地址除外）：

| 项目 | 内容 |
|---|---|
| 公司中文名 | 湖南典阅科技有限公司 |
| 公司英文名 | HuNan DianYue Science and Technology Co., Ltd |
| 公司中文经营地址 / 注册地址 | 湖南省长沙市岳麓区谷园街道谷园路 200 号 |
| 公司英文经营地址 / 注册地址 | No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province |
| 邮编 | 410000 |
| 主营一级类目 | 玩具与兴趣爱好 |
| 主营业务 | building block、Baby Toys、doll、educational toy、Toy Car |
| 更多经营产品 | 无 |
| 公司注册年份 | 2022 年 3 月 5 日 |
| 公司人数 | 86 人 |
| 公司网址 | www.dianyue.com |
| 公司法人中文名 | 张龙 |
| 公司法人英文名 | Zhang long |
| 办公面积 | 320 m² |
| 公司核心优势 | We have a complete supply chain system, self-production of a variety of products, to provide customers with "one-stop" sales services; The company has established a fast response, fast action service system at home and abroad, can be the fastest, the most thoughtful, the most reliable service for customers, to help customers solve problems. |

**操作步骤**：在“基本信息”标签页填写（打钩的已认证字段已经自动填好），主营业务每行写一个；
其他标签页可以按公司情况补充，看看信息完整度怎么变化；最后点击“提交”。提交后 1 个工作日内不能再改，
所以提交前请仔细核对。
"""

ANSWER_COMPANY = """
# 已经提交过公司信息就跳过（这个单元格可以反复运行）
if backend.state.company is None:
    company.fill(
        company_name_cn="湖南典阅科技有限公司",
        company_name_en="HuNan DianYue Science and Technology Co., Ltd",
        address_cn="湖南省长沙市岳麓区谷园街道谷园路 200 号",
        address_en="No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
        postcode="410000",
        main_category="玩具与兴趣爱好",
        main_products=["building block", "Baby Toys", "doll", "educational toy", "Toy Car"],
        other_products="无",
        year_established="2022-03-05",
        employees="86",
        website="www.dianyue.com",
        legal_rep_name="张龙",
        legal_rep_name_en="Zhang long",
        office_area_m2="320",
        core_advantages=(
            'We have a complete supply chain system, self-production of a variety of products, to provide '
            'customers with "one-stop" sales services; The company has established a fast response, fast '
            "action service system at home and abroad, can be the fastest, the most thoughtful, the most "
            "reliable service for customers, to help customers solve problems."
        ),
    ).submit()
"""

K4_MAP = """
### 4.1 补充：首页板块各管什么
装修之前先弄清楚每一类板块是给买家解决什么问题的：

- **店铺分类**：用“主营类目”告诉买家公司主打哪几类产品，用“产品分组”把产品分门别类，买家能很快
  对上自己的需求、找到想要的产品。
- **公司介绍**和**公司名片**：公司介绍用图片加文字讲公司的实力（公司照片、简介、主营市场、优势）；
  公司名片是一张“小卡片”，只放几项关键数据：公司名、信保等级、及时回复率、在平台的年限。
- **营销类板块**：
  - 通栏 banner、轮播 banner：滚动展示主题海报，宣传形象、产品和活动；
  - **多语言快链**：给说小语种的买家一个入口，用他们熟悉的语言浏览店铺；
  - **询盘直通车**：买家在旺铺里就能直接发询盘，少了中间跳转的环节；
  - 客服模块：最多放 5 个客服账号，并按类型分好，买家能很快找到对的人；
  - **行业海报**：按行业做专属海报，再配上对应的产品板块，买家一眼就能找到这个行业的产品。

### 4.2 装修要素：买家看到的，都来自卖家后台
旺铺上买家看到的每一块内容，背后都对应卖家后台的一项工作。装修不只是“摆图片”，更要把后台信息填好：

| 买家端看到的 | 卖家端要做的 | 体现的要素 |
|---|---|---|
| R&D CAPACITY（研发能力）等公司实力页面 | **管理公司信息**：把研发、生产、贸易信息填完整 | 商家能力 |
| 按分组快速查找商品 | **设置产品分组**，并排好产品顺序 | 产品表达 |
| 店铺首页的整体风格 | 首页装修：突出服务能力、生产能力、服务过的国家或地区 | 品牌调性 |
| 店铺卡片与联系信息 | 及时回复询盘，积累回复率、回复时长、服务过的国家等线上数据 | 服务能力 |

一句话：后台填得越完整、越及时，买家端展示得越充分。
"""

K5 = """
## 知识点 5　账户信息与账号安全

### 5.1 管理个人信息
在后台顶部的“账户”菜单里，可以管理自己的个人信息：
- **个人信息**：姓名、性别、电话、手机、地址、部门、职位。请**如实**填写，用真实的邮箱和电话，
  海外买家才能直接联系到你，也不会产生误会。
- **头像**：只支持 **JPG**，文件要**小于 3 MB**；头像是商务用途，用符合身份的个人照片，不要用合影。
  上传后平台要审核，**24 小时内**在阿里巴巴页面上展示。
- **商业信息**：你的名片和采购信息。买家发询盘或 RFQ 时可以选择发送名片，马上拿到你的联系方式。
- **隐私设置**：个人信息、采购信息给谁看，有三级：**所有用户可见、仅认证供应商可见、所有用户不可见**。
  适度公开能让买家更快了解你，公开太多又可能泄露隐私，按需要选择。

### 5.2 账号安全
修改**注册邮箱**、**密码**、**安全手机**、**安全问题**都是**敏感操作**，必须先证明“我是我”。
验证方式四选一：

| 验证方式 | 需要什么 |
|---|---|
| 手机验证码 + 证件号码 | 发到安全手机的验证码，加上登记的证件号码 |
| 安保问题 + 证件号码 | 安全问题的答案，加上证件号码 |
| 有效验证码 + 证件号码 | 发到注册邮箱的验证码，加上证件号码 |
| 人工服务 | 说明原因，由客服人工核实（模拟器里要 1 个工作日） |

安全手机既用来登录，也用来接收敏感操作的验证码。模拟器和真实平台一样，**只保存密码和安全问题答案
加密后的“指纹”**，不保存明文。

下面是“个人信息与账号安全”页面，可以随意练习（这部分不计分）。例如：设置一个安全问题，
再用“安保问题 + 证件号码”验证身份，换一个安全手机。管理员登记的证件号码就是法人张龙的身份证号。
"""

SUMMARY = """
## 小结

- 卖家工作台分六块；主菜单按业务分栏目：产品管理、数据管家、营销中心是运营的重点，
  商机沟通、客户管理、交易管理是业务员的日常。
- A&V 认证核实“公司真实存在”和“申请人属于这家公司”，由阿里巴巴和第三方认证公司一起完成；
  五个步骤里，工商四要素每天最多验证 3 次，授权方式四选一；提交资料后审核约 1–2 个工作日，
  从客户经理上门到认证通过一般 7–8 天。
- 公司信息用英文填写；已认证的字段只能找客户经理改；提交后审核 1 个工作日；完整度按公司类型计算。
- 认证信息可以修改，公司类型和经营地址是特殊字段，要销售核实；金品诚企文审通过后 1 个月内预约上门，
  最快 48 小时后，只能改约一次。
- 旺铺由店招、banner、产品、客服、自定义等板块组成，只有管理员和制作员可以装修；买家端看到的内容
  （研发能力、产品分组、店铺卡片）都来自卖家后台的公司信息、产品分组和日常服务数据。
- 改邮箱、密码、安全手机、安全问题前都要验证身份；子账号分制作员、业务员、业务经理三种，
  出口通最多 5 个，权限按权限表执行。

下一个项目，Mark 要开始发布产品了。
"""

MY_TASKS = {"02.2.3": "A&V 认证", "02.3.1": "管理公司信息"}
MY_QUIZ = {
    f"02.q{n}": f"知识检测 {n}" for n in (*range(1, 9), 10, 14, 20, 21, 22, 23)
}  # 9, 11-13: the other parts


def checklist_cell():
    tasks = {**MY_TASKS, **other_tasks(), **MY_QUIZ}
    body = ",\n".join(f"    {k!r}: {v!r}" for k, v in tasks.items())
    return code(f"TaskChecklist(backend, {{\n{body},\n}})")


cells = [
    md(INTRO),
    code(SETUP, "setup", locked=True),
    md(STORY),
    md(K1),
    code("MenuMap()"),
    md(K1_APP),
    md("**想一想**：Mark 想知道买家最近常搜哪些关键词、店铺的流量从哪里来，应该打开哪个栏目？"),
    *quiz("02.q1"),
    md(K2),
    *quiz("02.q2"),
    *quiz("02.q3"),
    *quiz("02.q4"),
    *quiz("02.q5"),
    *task_cells("02.2.3", TASK_AV, "verification", ANSWER_AV),
    md(K2_AFTER),
    *quiz("02.q23"),
    *quiz("02.q22"),
    md(K3),
    code("CompletenessCalculator()"),
    *quiz("02.q6"),
    *quiz("02.q7"),
    *quiz("02.q8"),
    *task_cells("02.3.1", TASK_COMPANY, "company", ANSWER_COMPANY),
    # ---- 知识点 4 and task 02.4.1: the other developer's part (p02_decoration_cells.py) ----
    *decoration_cells(),
    md(K4_MAP),
    *quiz("02.q20"),
    *quiz("02.q21"),
    md(K5),
    code("account_page = AccountCenterPage(backend)\naccount_page"),
    *quiz("02.q10"),
    # ---- 知识点 5.3 and task 02.5.4: the other developer's part (p02_subaccounts_cells.py) ----
    *subaccount_cells(),
    md("**读权限表**：在上面的权限表里找到“店铺管理”这一组，再回答下面的题。"),
    *quiz("02.q14"),
    md("## 我的进度"),
    checklist_cell(),
    md(SUMMARY),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "02_store" / "02_store.ipynb", "项目二 店铺管理")
    print(f"wrote {out}")
