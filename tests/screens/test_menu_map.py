"""知识点 1's clickable menu map and 知识点 3's completeness calculator (02_store notebook widgets)."""

from __future__ import annotations

import pytest

from alisim_widgets.screens.company import CompletenessCalculator
from alisim_widgets.screens.menu_map import MENU, MenuMap


def test_the_map_lists_the_main_menu_sections_of_the_textbook():
    for section in (
        "认证中心",
        "产品管理",
        "商机沟通",
        "数据管家",
        "客户管理",
        "营销中心",
        "交易管理",
        "出口服务",
        "物流服务",
        "资金管理",
    ):  # fmt: skip  (L474-546)
        assert section in MENU


def test_clicking_a_section_shows_what_it_is_for():
    m = MenuMap()
    assert "还没有选择" in m.card.value
    m.buttons.value = "数据管家"
    assert "关键词" in m.card.value and "项目九" in m.card.value
    assert "询盘" in m.select("商机沟通")
    with pytest.raises(KeyError):
        m.select("<script>")


def test_the_calculator_follows_the_company_type():
    calc = CompletenessCalculator()
    assert calc.result() == {"公司环境": 0, "展会信息": 0, "买家案例": 0}
    assert calc.boxes["equipment"].disabled and not calc.boxes["buyer_cases"].disabled
    assert calc.set(photos=True, buyer_cases=True) == {"公司环境": 50, "展会信息": 0, "买家案例": 100}
    meter = calc.set("工贸一体", equipment=True, lines=True, qc_process=True)
    assert meter["生产信息"] == 70 and meter["质量信息"] == 50 and "买家案例" not in meter
    assert calc.boxes["buyer_cases"].disabled
    assert "信息完整度" in calc.meter.value and "70%" in calc.meter.value
