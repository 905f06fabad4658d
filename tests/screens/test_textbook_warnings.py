"""The textbook's own data raises no warning (RULES.md, Contradictions: accept it, do not make it look wrong).

Every practical task of every project is done on its screens with the textbook's data (the e2e student
drivers, which use tests/data.py, tests/p02_store_data.py, tests/product_data.py, tests/trueview_data.py …).
What a screen shows in yellow must then be advice the task itself teaches (a title longer than advised, a
review that takes a day), never a doubt about a datum: no check digit, no impossible date, no "请核对".
"""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.base import Screen
from tests.e2e.students import DRIVERS

# Notes a screen shows on the textbook's data: status and advice, none of them says a datum is wrong.
ADVICE = (
    "认证资料已提交，进入审核",  # 02.2.3: the review takes working days
    "模拟时钟已到",  # 02.2.3: the review passed on the scenario clock
    "从客户经理上门",  # 02.2.3: how many days the whole certification took (L604, L632)
    "没有选择经营类型",  # 02.3.1: completeness counted as a trading company
    "已提交，进入审核",  # 02.3.1
    "信息完整度",  # 02.3.1
    "标题建议",  # 03.3.5/6: the textbook's titles are longer than the advised 60-70 (RULES.md *advice*)
    "属性越完整",  # 03.3.5/6
    "没有主图视频",  # 03.3.5/6
    "建议从图片银行选一张产品图片",  # 05.1.4: the task names no picture
    "已使用 1 条报价权益",  # 05.1.4: the month's quota left
    "测试邮件已发送",  # 06.8.3: the test mail went out
    "已发送给智能圈客",  # 06.8.4
    "本次发送",  # 06.8.5: how many mails, how many free, the cost
    "客群共",  # 06.8.5: members without an email address get none
    "日预算 50 元低于建议",  # 07.9.3: the task's budget is under the advised 100 元 (the chapter's own advice)
    "计划里现在有",  # 07.9.3: 30 products advised in a new-product plan
    "周预算已开启",  # 07.9.x: what the weekly budget allows
    # RULES.md, Contradictions: the task's buyer email is a mainland provider: warn, do not refuse.
    "买家邮箱 DGQFAD@126.COM 是中国大陆的邮箱服务商",
    # RULES.md, Contradictions: 贸易国 中国 / 运抵国 澳大利亚 kept as given; the tool says what the fields mean.
    "贸易国（中国）与运抵国（澳大利亚）不同",
)
DOUBTS = ("核对", "校验", "不是真实", "填错", "是否正确", "请检查")


@pytest.mark.parametrize("project", sorted(DRIVERS))
def test_textbook_data_raises_no_warning(project, monkeypatch):
    shown: list[tuple[str, str]] = []
    show = Screen._show

    def _show(self, result):
        shown.extend((type(self).__name__, w) for w in result.warnings)
        return show(self, result)

    monkeypatch.setattr(Screen, "_show", _show)
    DRIVERS[project].do_tasks(aw.open_backend(project, path=None))
    doubts = [(s, w) for s, w in shown if any(d in w for d in DOUBTS)]
    assert doubts == [], f"the textbook's data is made to look wrong: {doubts}"
    unexpected = [(s, w) for s, w in shown if not w.startswith(ADVICE)]
    assert unexpected == [], f"warnings on the textbook's data: {unexpected}"
