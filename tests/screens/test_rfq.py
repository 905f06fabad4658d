"""The RFQ screens without a browser: market page, quote form (05.1.4), subscriptions, my quotes, the demo menu."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.rfq import MyQuotesPage, RfqMarketPage, RfqQuoteScreen, RfqSubscriptionScreen
from alisim_widgets.screens.shell import SECTIONS, MyAlibabaShell
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.rfq_data import QUOTE


@pytest.fixture
def backend(make_backend):
    return make_backend("05_rfq")


@pytest.fixture
def screen(backend):
    return aw.screen_for("05.1.4", backend)


def _html_of(widget) -> str:
    own = widget.value if isinstance(getattr(widget, "value", None), str) else ""
    return own + "".join(_html_of(w) for w in getattr(widget, "children", ()))


def test_screen_for_the_task_id_has_the_tasks_keys(screen):
    assert isinstance(screen, RfqQuoteScreen)
    assert set(QUOTE) <= set(screen.inputs)
    assert screen.values()["language"] == "English"


def test_textbook_data_through_the_screen(screen, backend):
    result = screen.fill(**QUOTE).submit()
    assert result.ok and "剩余 19 条" in result.message, result
    assert backend.rfq.record("RFQ-BLOCKS-01").quote.product_code == "M00257"
    assert "RFQ-BLOCKS-01" in screen.quotes_view.value


def test_find_the_rfq_in_the_market_and_press_quote(screen):
    page = screen.market.search("building blocks", stars="3 星")
    assert "RFQ-BLOCKS-01" in [r.id for r in page.items]
    html = screen.market.open("RFQ-BLOCKS-01")
    for word in ("采购详细描述", "访问时间", "活跃情况", "搜索行为", "竞品了解", "剩余"):
        assert word in html
    screen.market.quote("RFQ-BLOCKS-01")
    assert screen.values()["rfq_id"] == "RFQ-BLOCKS-01"
    assert "Wooden Slide Building Blocks" in screen.rfq_view.value
    values = {k: v for k, v in QUOTE.items() if k != "rfq_id"}
    assert screen.fill(**values).submit().ok


def test_the_market_buttons_page_and_quote(backend):
    chosen = []
    page = RfqMarketPage(backend, on_quote=chosen.append)
    assert page.page.page == 1 and page.prev_button.disabled and not page.next_button.disabled
    page.next_button.click()
    assert page.page.page == 2
    page.search("building blocks")
    rows = page.results.children
    full = next(r for r in rows if "RFQ-BLOCKS-02" in r.children[0].value)
    assert "已满" in full.children[0].value and full.children[1].children[1].disabled
    open_row = next(r for r in rows if "RFQ-BLOCKS-01" in r.children[0].value)
    open_row.children[1].children[0].click()  # 查看详情
    assert "买家调研" in page.detail.value and page.opened == "RFQ-BLOCKS-01"
    page.quote_button.click()
    assert chosen == ["RFQ-BLOCKS-01"]
    page.search("", scope="为您推荐商机")
    assert page.page.total == len(backend.rfq.recommended()) < len(backend.rfq.rfqs())
    page.scope.value = "全部商机"
    assert page.page.total == len(backend.rfq.rfqs())
    with pytest.raises(ValueError):
        page.search(stars="5 星")
    with pytest.raises(KeyError):
        page.search(colour="red")


def test_the_market_page_opens_its_own_quote_form(backend):
    page = RfqMarketPage(backend)
    page.search("building blocks")
    form = page.quote("RFQ-BLOCKS-01")
    assert isinstance(form, RfqQuoteScreen) and form.market is None
    assert form.values()["rfq_id"] == "RFQ-BLOCKS-01" and "买家调研" in page.detail.value
    form.fill(**{k: v for k, v in QUOTE.items() if k != "rfq_id"})
    form.submit_button.click()
    assert backend.rfq.record("RFQ-BLOCKS-01") is not None
    assert "已报价" in "".join(r.children[0].value for r in page.results.children)
    assert page.quote("RFQ-EDU-01") is form  # one form, the next RFQ put into it


def test_market_text_is_escaped(backend):
    with backend.transaction("test.hostile_rfq") as work:
        work.rfq_market.rfqs[0].title = "<script>alert(1)</script>"
    page = RfqMarketPage(backend)
    page.search("")
    html = _html_of(page.widget)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_refused_quote_keeps_what_was_typed_and_names_the_field(screen, backend):
    result = screen.fill(**{**QUOTE, "rfq_id": "RFQ-BLOCKS-02"}).submit()
    assert not result.ok and "已满" in result.errors["rfq_id"]
    assert "已满" in screen.error_labels["rfq_id"].value
    assert screen.values()["product_name"] == QUOTE["product_name"]
    assert backend.rfq.record("RFQ-BLOCKS-02") is None


# Every kind of hostile text on one field each (the sim tests try every case on every text field).
@pytest.mark.parametrize(
    "key,case",
    [("product_name", "huge"), ("details", "emoji"), ("message", "script"), ("trade_terms", "sql"),
     ("product_code", "script")],
)  # fmt: skip
def test_hostile_text_on_the_screen(screen, backend, key, case):
    assert_refused(screen, QUOTE, key, HOSTILE_TEXT[case], backend.path)


@pytest.mark.parametrize("case", ["negative", "not_a_number"])
def test_hostile_prices_on_the_screen(screen, backend, case):
    before = file_bytes(backend.path)
    result = screen.fill(**{**QUOTE, "price_tiers": [(100, HOSTILE_NUMBER[case])]}).submit()
    assert not result.ok and "price_tiers" in result.errors and file_bytes(backend.path) == before


def test_sample_boxes_and_words(screen):
    screen.fill(sample="免费提供，运费由买家支付，确认后 3 天内寄送样品")
    s = screen.sample_input
    assert (s.provided.value, s.cost.value, s.freight.value, s.days.value) == (
        "提供样品",
        "免费",
        "买家支付运费",
        "3",
    )
    assert screen.values()["sample"] == QUOTE["sample"]
    screen.fill(sample="we have samples")  # not understood: kept as typed, the sim says why
    result = screen.fill(**{k: v for k, v in QUOTE.items() if k != "sample"}).submit()
    assert not result.ok and "sample" in result.errors
    s.provided.value, s.cost.value, s.fee.value = "提供样品", "收费", "5"
    s.pending = None
    s.freight.value, s.days.value = "卖家支付运费", "7"
    assert (
        screen.values()["sample"] == "sample fee 5, seller pays freight, sent within 7 days of confirmation"
    )


def test_second_quote_is_refused_and_revising_works(screen, backend):
    assert screen.fill(**QUOTE).submit().ok
    again = screen.fill(**QUOTE).submit()
    assert not again.ok and "不能重复报价" in again.errors["rfq_id"]
    revised = screen.fill(**{**QUOTE, "product_code": "M00258", "revise": True}).submit()
    assert revised.ok and "报价已修改" in revised.message
    assert backend.rfq.record("RFQ-BLOCKS-01").quote.product_code == "M00258"


def test_saved_quote_is_shown_after_a_restart(screen, tmp_path):
    screen.fill(**{**QUOTE, "product_image": "IMG-HOUSE-01"}).submit()
    again = aw.screen_for("05.1.4", aw.open_backend("05_rfq", path=tmp_path))
    values = again.values()
    assert values["rfq_id"] == "RFQ-BLOCKS-01" and values["revise"] is True
    assert (
        values["price_tiers"] == [("100", "18.00"), ("500", "15.00")] and values["sample"] == QUOTE["sample"]
    )
    assert values["product_image"] == "IMG-HOUSE-01" and "已报价" in again.status.value


def test_fill_refuses_what_the_form_cannot_show(screen):
    with pytest.raises(ValueError):
        screen.fill(product_image="IMG-NOT-THERE")
    with pytest.raises(ValueError):
        screen.fill(price_tiers=[(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)])
    with pytest.raises(ValueError):
        screen.fill(unit="barrels")
    with pytest.raises(KeyError):
        screen.fill(discount="10%")


def test_my_quotes_page_waits_for_replies(backend, screen):
    screen.fill(**QUOTE).submit()
    page = MyQuotesPage(backend)
    assert "暂无回复" in page.table.value
    page.wait_button.click()
    page.wait_button.click()
    assert "回复" in page.table.value and "Thank you for the quotation" in page.table.value


def test_subscription_screen(backend):
    sub = RfqSubscriptionScreen(backend)
    assert sub.values()["keywords"] == "building blocks, wooden toys"  # the store's saved subscription
    cats = list(sub.field("categories").options)
    result = sub.fill(categories=cats[:6], keywords=["montessori"]).submit()
    assert result.ok and result.warnings
    assert "RFQ-EDU-01" in sub.recommended.value
    bad = sub.fill(keywords="积木").submit()
    assert not bad.ok and "keywords" in bad.errors


def test_demo_menu_has_the_rfq_pages():
    labels = [label for label, _ in SECTIONS["商机沟通"]]
    assert {"RFQ 市场", "RFQ 报价", "商机订阅", "我的报价"} <= set(labels)
    shell = MyAlibabaShell()
    assert isinstance(shell.open("商机沟通", "RFQ 报价"), RfqQuoteScreen)
    market = shell.open("商机沟通", "RFQ 市场")
    assert market.search("building blocks").total >= 5
