"""Cells of 02_store.ipynb for 知识点 5.3 (sub-accounts, roles, the permission matrix) and task 02.5.4.

``tools/notebooks/build_02_store.py`` imports :func:`subaccount_cells`. The cells expect the notebook's
setup cell to have defined ``aw``, ``backend``, ``check`` and ``SelfCheck``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nbbuild import code, grade, locked_md, md, quiz, solution  # noqa: E402

from autograde import SPECS  # noqa: E402

__all__ = ["subaccount_cells", "SUBACCOUNT_QUIZ", "SUBACCOUNT_TASKS"]

SUBACCOUNT_QUIZ = ["02.q11", "02.q12", "02.q13"]
SUBACCOUNT_TASKS = {"02.5.4": "设置子账号", "02.q11": "知识检测：读权限表", "02.q12": "知识检测：冻结与删除",
                    "02.q13": "知识检测：删除后的数据"}  # fmt: skip

KNOWLEDGE = """
## 知识点 5.3　子账号与权限

**主账号和子账号。** 签一份出口通合同，店铺就有**一个**主账号，也叫**管理员**账号，它不能拆成多个。
公司里往往不止一个人要用后台：有人发产品、有人回询盘、有人管团队。这时由管理员给每个人开一个**子账号**，
每个子账号有自己的登录邮箱和密码，互不干扰。

**能开几个？** 看会员类型：免费会员和出口通最多 **5 个**，金品诚企最多 **10 个**。满了就不能再加，
只能先删掉不用的。

**三种身份，只能选一种。** 每个子账号只有一种身份，不能叠加：

| 身份 | 主要工作 |
|---|---|
| 制作员 | 装修旺铺、做关键词推广；发布产品，管理全店的产品和产品分组 |
| 业务员 | 发布并管理**分配给自己**的产品；回复自己产品的询盘，跟进交易 |
| 业务经理 | 发布产品，管理自己和**下属业务员**的产品；回复询盘，跟进交易 |

两条特别的规定：
- 产品不能分配给制作员，只能分给业务员、业务经理或主账号；新发布的产品默认归主账号。
- 制作员默认看不到**数据管家**，要管理员单独授权后才能看。

**添加是敏感操作。** 添加子账号前要先做身份验证：验证码发到管理员的**安全邮箱**，填对了才能添加。
删除子账号同样要填验证码。
"""

MANAGE = """
### 管理子账号：改身份、冻结、删除、看登录记录

- **改身份**：制作员可以升为业务员或业务经理；业务员和业务经理可以互相调换；
  但业务员、业务经理**不能再改回制作员**，主账号也不能变成任何一种子账号。
- **冻结**：冻结后这个账号不能登录。在“登录摘要”里看到陌生的 IP 或国家（比如员工人在长沙，
  却有一条深夜从国外登录的记录），核实后应马上冻结，防止账号被盗用。
- **删除**：**已冻结的账号不能直接删除**，要先解冻。删除后，这个账号名下的 RFQ、询盘、产品、
  人脉名片和客户会**自动归到主账号**；想交给别的同事，就要在删除前先分配好。

下面的权限表来自教材，表示每种身份能用哪些功能。选择一个模块，或勾选“只看各角色不同的功能”，
找找看：哪些事只有管理员能做？制作员和业务员的分工有什么不同？
"""

TASK = """
## 实操 02.5.4　设置子账号

湖南典阅科技有限公司已经开通了**出口通**会员，最多可以开 5 个子账号（店里已经有 Wang fang 和 Chen jing
两个）。业务经理**徐甜甜**入职了，Mark 要为她开一个子账号，开通后她就能用自己的账号登录、处理业务。

| 项目 | 内容 |
|---|---|
| 姓名 | Xu tiantian |
| 性别 | 女 |
| 邮箱 | 15826947@qq.com |
| 密码 | dianyue.xu |
| 电话 | 86-0731-14785529963 |
| 手机号码 | 14785529963 |
| 联系地址 | No. 038, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province |
| 街道地址 | No. 038, Yuelu Avenue |
| 城市 | Changsha |
| 邮编 | 410000 |
| 部门 | 销售部/Sales |
| 职位 | Manager |

**操作步骤**：点击“获取验证码”（发到管理员的安全邮箱，下方显示模拟邮件）→ 按资料填写表单，
账号类型按徐甜甜的岗位选择 → 填入邮箱验证码 → 点击“添加”。

添加以后可以试一试：在“切换账号”里登录 Xu tiantian，看看页面上哪些操作被拒绝了；
再切换回“管理员（主账号）”。**注意：做后面的任务前，请切换回管理员。**
"""

ANSWER = """
# 已经添加过徐甜甜就跳过（这个单元格可以反复运行）
if backend.state.acting_as != "admin":
    subaccounts.switch("admin")
if not any(s.email == "15826947@qq.com" for s in backend.state.sub_accounts):
    subaccounts.request_code()
    subaccounts.fill(
        name="Xu tiantian",
        gender="女",
        email="15826947@qq.com",
        password="dianyue.xu",
        phone="86-0731-14785529963",
        mobile="14785529963",
        contact_address="No. 038, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province",
        street_address="No. 038, Yuelu Avenue",
        city="Changsha",
        postcode="410000",
        department="销售部/Sales",
        job_title="Manager",
        role="业务经理",
        verification_code=backend.inbox.last_code(backend.state.account.email),
    ).submit()
"""


def _quiz(qid: str) -> list:
    return quiz(qid)


def subaccount_cells() -> list:
    """Knowledge 5.3, the permission matrix, task 02.5.4 (screen, self-check, answer, grade), quiz."""
    return [
        md(KNOWLEDGE),
        md(MANAGE),
        code("from alisim_widgets.screens.sub_accounts import PermissionMatrix\n\nPermissionMatrix()"),
        md("**想一想**：业务员可以管理橱窗产品吗？看看权限表里“产品管理”那一组，再回答下面的题。"),
        *_quiz("02.q11"),
        locked_md(TASK, "task_02_5_4"),
        code('subaccounts = aw.screen_for("02.5.4", backend)\nsubaccounts'),
        code('SelfCheck(backend, "02.5.4")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(ANSWER, "answer_02_5_4"),
        grade('check("02.5.4", backend)', "check_02_5_4", SPECS["02.5.4"].points),
        md("""
### 练一练：冻结和删除

在上面页面的“子账号管理”里，打开 **Wang fang** 的“登录摘要”，找出那条可疑的登录记录。
想一想：如果要删除一个已冻结的账号，应该怎么做？删除以后她名下的询盘和客户去了哪里？
（在练习里可以真的操作，做完记得检查权限表和任务进度。）
"""),
        *_quiz("02.q12"),
        *_quiz("02.q13"),
    ]
