"""The 报关单证制作 screen and the 我的单证 page, without a browser."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.customs import CustomsDocsPage, CustomsResult, CustomsScreen, GoodsEditor
from alisim_widgets.sim.persistence import STATE_FILENAME
from tests.customs_data import AS_PRINTED, FORM, GOODS
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused


@pytest.fixture
def backend(make_backend):
    return make_backend("10_customs")


@pytest.fixture
def screen(backend):
    return aw.screen_for("10.1.4", backend)


def test_screen_for_the_task_id_has_every_key_of_the_task(screen):
    assert isinstance(screen, CustomsScreen) and screen.submit_label == "生成单证"
    assert set(FORM) <= set(screen.inputs)
    assert list(screen.inputs)[:4] == ["domestic_shipper", "exit_customs", "record_no", "overseas_consignee"]
    assert screen.values()["freight_kind"] == "总价"  # the fees default to 总价


@pytest.mark.parametrize("data", [FORM, AS_PRINTED], ids=["form", "as_printed"])
def test_the_task_data_generates_the_document_set(screen, data):
    result = screen.fill(**data).submit()
    assert isinstance(result, CustomsResult) and result.ok, result
    assert [p.suffix for p in result.files] == [".pdf"] * 4 + [".xlsx"]
    assert all(p.exists() for p in result.files)
    assert "单证已生成" in screen.status.value and "三方贸易" in screen.status.value
    shown = screen.documents.value
    assert all(p.name in shown for p in result.files) and "报关草单" in shown and "601/100/3" in shown


def test_the_fee_fields_show_their_customs_notation(screen):
    screen.fill(freight="100", currency="AUD-澳大利亚元")
    assert "601/100/3" in screen.notation["freight"].value
    screen.fill(freight_kind="率", freight="5")
    assert "5/1" in screen.notation["freight"].value
    screen.fill(misc="-5000", misc_kind="总价", currency="JPY")
    assert "116/-5000/3" in screen.notation["misc"].value
    screen.fill(insurance="abc")
    assert "？" in screen.notation["insurance"].value
    screen.fill(insurance="")
    assert screen.notation["insurance"].value == ""


def test_refused_fields_show_errors_beside_them_and_keep_what_was_typed(screen, backend, tmp_path):
    before = (tmp_path / STATE_FILENAME).exists()
    result = screen.fill(**{**FORM, "trade_terms": "FOB", "net_kg": "31"}).submit()
    assert not result.ok and result.files == [] if isinstance(result, CustomsResult) else not result.ok
    assert "FOB" in screen.error_labels["freight"].value and "毛重" in screen.error_labels["net_kg"].value
    assert screen.values()["net_kg"] == "31" and screen.values()["freight"] == "100"
    assert (tmp_path / STATE_FILENAME).exists() == before and not (tmp_path / "customs_docs").exists()
    assert backend.customs.latest() is None


def test_goods_errors_appear_under_the_goods_table(screen):
    result = screen.fill(**{**FORM, "goods": [{**GOODS, "hs_code": "620442", "total": "1999"}]}).submit()
    assert not result.ok
    assert (
        "10 位" in screen.error_labels["goods"].value and "数量 × 单价" in screen.error_labels["goods"].value
    )
    assert screen.values()["goods"][0]["hs_code"] == "620442"


# A refused submission changes nothing, so one screen takes every hostile value of a field in turn.
@pytest.mark.parametrize(
    "key", ["domestic_shipper", "overseas_consignee", "contract_no", "consignee_address"]
)
def test_hostile_text_is_refused(screen, tmp_path, key):
    for bad in HOSTILE_TEXT.values():
        assert_refused(screen, FORM, key, bad, tmp_path / STATE_FILENAME)


@pytest.mark.parametrize("key", ["gross_kg", "packages", "insurance"])
def test_hostile_numbers_are_refused(screen, tmp_path, key):
    for bad in HOSTILE_NUMBER.values():
        assert_refused(screen, FORM, key, bad, tmp_path / STATE_FILENAME)


def test_pickers_refuse_options_they_do_not_have(screen):
    with pytest.raises(ValueError):
        screen.fill(currency="XYZ")
    with pytest.raises(ValueError):
        screen.fill(transport_mode="骑马")
    with pytest.raises(ValueError):
        screen.fill(freight_kind="大概")
    with pytest.raises(ValueError):
        screen.fill(goods=[{**GOODS, "unit": "斤"}])
    with pytest.raises(KeyError):
        screen.fill(goods=[{**GOODS, "colour": "pink"}])
    with pytest.raises(ValueError):
        screen.fill(goods="Princess Dress Pink/002-03F")


def test_the_saved_declaration_is_shown_again_after_a_restart(screen, tmp_path):
    assert screen.fill(**AS_PRINTED).submit().ok
    again = aw.screen_for("10.1.4", aw.open_backend("10_customs", path=tmp_path))
    values = again.values()
    assert (
        values["currency"] == "AUD" and values["gross_kg"] == "30.5" and values["ship_date"] == "2023-01-20"
    )
    assert values["goods"] == [{**GOODS}]
    assert "declaration_BG-0001" in again.documents.value
    assert again.submit().ok  # submitting the shown form again makes a second set
    assert again.backend.customs.latest().id == "BG-0002"


def test_the_goods_editor_adds_and_removes_rows():
    editor = GoodsEditor()
    assert len(editor.rows) == 1 and editor.values() == []  # an empty row is not a row of goods
    editor.set([GOODS, {**GOODS, "goods_name": "Princess Dress Blue"}])
    assert [v["goods_name"] for v in editor.values()] == [GOODS["goods_name"], "Princess Dress Blue"]
    editor.add_button.click()
    assert len(editor.rows) == 3
    editor.remove_row(editor.rows[0])
    assert [v["goods_name"] for v in editor.values()] == ["Princess Dress Blue"]
    editor.rows[0]["quantity"].value, editor.rows[0]["unit_price"].value = "3", "0.5"
    assert "1.5" in editor.rows[0]["total"].placeholder


def test_student_text_is_escaped_in_the_preview(screen):
    odd = "Tom & Jerry <3 dress"
    assert screen.fill(**{**FORM, "goods": [{**GOODS, "goods_name": odd}]}).submit().ok
    assert "Tom &amp; Jerry &lt;3 dress" in screen.documents.value and odd not in screen.documents.value


def test_my_documents_page_lists_the_declarations(backend, screen):
    assert "还没有生成过" in CustomsDocsPage(backend).widget.children[1].value
    screen.fill(**FORM).submit()
    screen.fill(overseas_consignee="Amy").submit()
    html = CustomsDocsPage(backend).widget.children[1].value
    assert html.index("BG-0002") < html.index("BG-0001")


def test_the_demo_menu_has_the_export_service_pages():
    from alisim_widgets.screens.shell import SECTIONS

    pages = dict(SECTIONS["出口服务"])
    assert list(pages) == ["报关单证制作", "我的单证"]
    demo = aw.open_backend("demo", path=None)
    assert isinstance(pages["报关单证制作"](demo), CustomsScreen)
    assert isinstance(pages["我的单证"](demo), CustomsDocsPage)


def test_my_documents_page_shows_new_declarations_when_opened_again(backend, screen):
    page = CustomsDocsPage(backend)
    assert "还没有生成过" in page.widget.children[1].value
    screen.fill(**FORM).submit()
    page.refresh()  # the demo's menu refreshes a page each time it is opened
    assert "BG-0001" in page.widget.children[1].value and "还没有生成过" not in page.widget.children[1].value


def test_every_generated_file_downloads_from_the_page(screen):
    """Voila has no file browser: each document is a link that carries the file itself."""
    import base64
    import re

    result = screen.fill(**FORM).submit()
    links = dict(
        re.findall(r"<a download='([^']+)' href='data:[^;]+;base64,([^']+)'", screen.documents.value)
    )
    assert sorted(links) == sorted(p.name for p in result.files)
    for path in result.files:
        assert base64.b64decode(links[path.name]) == path.read_bytes()
    children = list(screen.widget.children)
    assert children.index(screen.documents) > children.index(screen.status)  # below the button's message
