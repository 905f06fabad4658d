"""The customs-document tool (10.1.4): its rules, the fee notation, and the document set it writes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.customs import currency_code, fee_notation, parse_date
from alisim_widgets.sim.customs_docs import build_documents, pdf_bytes, text_width
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.persistence import STATE_FILENAME
from tests.customs_data import AS_PRINTED, FORM, GOODS
from tests.hostile import file_bytes

ROOT = Path(__file__).resolve().parents[2]

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def backend(make_backend):
    return make_backend("10_customs")


def refused(backend, tmp_path, **changes) -> dict[str, str]:
    """Submit FORM with ``changes``: refused, nothing saved, no file written; the errors by field."""
    before = file_bytes(tmp_path / STATE_FILENAME)
    with pytest.raises(ValidationFailed) as exc:
        backend.customs.declare({**FORM, **changes})
    assert file_bytes(tmp_path / STATE_FILENAME) == before
    assert not (tmp_path / "customs_docs").exists()
    assert backend.customs.latest() is None
    return exc.value.by_field()


# --- the fee notation (L5182-5186), every example of the table ----------------------------------------
@pytest.mark.parametrize(
    "kind,value,currency,expected",
    [
        ("rate", 5, None, "5/1"),  # 运费 5%
        ("unit", 50, "USD", "502/50/2"),  # USD50/MT
        ("total", 5000, "HKD", "110/5000/3"),
        ("rate", 0.27, None, "0.27/1"),  # 保费
        ("total", 5000, "EUR", "300/5000/3"),
        ("rate", 1, None, "1/1"),  # 杂费计入
        ("total", 5000, "GBP", "303/5000/3"),
        ("rate", -1, None, "-1/1"),  # 杂费扣除
        ("total", -5000, "JPY", "116/-5000/3"),
        ("total", 100, "AUD", "601/100/3"),  # the task's freight
        ("total", "4.50", "AUD", "601/4.5/3"),
    ],
)
def test_fee_notation_reproduces_the_textbook_table(kind, value, currency, expected):
    assert fee_notation(kind, value, currency) == expected


def test_fee_notation_takes_the_chinese_names_the_marks_and_the_codes():
    assert fee_notation("单价", 50, "USD") == fee_notation(2, 50, "502") == "502/50/2"
    assert fee_notation("率", 5) == fee_notation(1, "5") == "5/1"
    assert fee_notation("总价", 5000, "HKD (港币)") == "110/5000/3"


@pytest.mark.parametrize(
    "args",
    [
        ("price", 5, "USD"),
        ("unit", 50, None),
        ("total", 5000, "XYZ"),
        ("total", "abc", "USD"),
        ("rate", True, None),
        ("rate", "nan", None),
    ],  # fmt: skip
)
def test_fee_notation_refuses_what_it_cannot_write(args):
    with pytest.raises(SimError) as exc:
        fee_notation(*args)
    assert exc.value.message


@pytest.mark.parametrize(
    "typed,code", [("AUD", "AUD"), ("aud", "AUD"), ("AUD-澳大利亚元", "AUD"), ("AUD (澳大利亚元)", "AUD"),
                   ("澳大利亚元", "AUD"), ("601", "AUD"), ("USD", "USD"), ("人民币", "CNY"), ("XYZ", None), ("", None)],
)  # fmt: skip
def test_currency_as_typed(typed, code):
    assert currency_code(typed) == code


def test_dates_in_every_style_the_textbook_prints():
    day = dt.date(2023, 1, 3)
    assert parse_date("2023-01-03") == parse_date("2023.01.03") == parse_date("2023/1/3") == day
    assert parse_date("2023 年 1 月 20 日") == dt.date(2023, 1, 20)
    assert parse_date("2023-02-30") is None and parse_date("03/01/2023") is None


# --- the task's data --------------------------------------------------------------------------------
@pytest.mark.parametrize("data", [FORM, AS_PRINTED], ids=["form", "as_printed"])
def test_the_task_data_is_accepted_exactly(backend, data):
    declaration, advice, paths = backend.customs.declare(data)
    assert declaration.id == "BG-0001" and backend.customs.latest() == declaration
    assert declaration.vessel == "MARE DKICUM/ 0332W" and declaration.record_no == "00001"
    assert declaration.license_no == "370000266736773" and declaration.currency == "AUD"
    assert (declaration.gross_kg, declaration.net_kg, declaration.packages) == (
        Decimal("30.5"),
        Decimal(30),
        100,
    )
    assert declaration.ship_date == dt.date(2023, 1, 20) and declaration.invoice_date == dt.date(2023, 1, 3)
    goods = declaration.goods[0]
    assert (goods.hs_code, goods.quantity, goods.total, goods.currency) == ("6204420000", 100, 2000, "AUD")
    # 贸易国 中国 / 运抵国 澳大利亚 as the task gives them (RULES.md, Contradictions): advised, not refused
    assert any("三方贸易" in a for a in advice)
    assert [p.suffix for p in paths] == [".pdf"] * 4 + [".xlsx"] and all(p.exists() for p in paths)


def test_every_error_is_reported_at_once(backend, tmp_path):
    errors = refused(backend, tmp_path, domestic_shipper="", gross_kg="abc", trade_terms="DDP", ship_date="明天",
                     goods=[{**GOODS, "hs_code": "62044200"}])  # fmt: skip
    assert set(errors) == {"domestic_shipper", "gross_kg", "trade_terms", "ship_date", "goods"}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in errors.values())


def test_an_unknown_field_is_refused(backend):
    with pytest.raises(SimError):
        backend.customs.declare({**FORM, "bribe": "yes"})


# --- trade terms and fees (L5173-5179) ---------------------------------------------------------------
def test_cif_needs_freight_and_insurance(backend, tmp_path):
    assert set(refused(backend, tmp_path, freight="", insurance=" ")) == {"freight", "insurance"}


def test_c_and_f_needs_freight_and_no_insurance(backend, tmp_path):
    assert set(refused(backend, tmp_path, trade_terms="C&F")) == {"insurance"}
    assert set(refused(backend, tmp_path, trade_terms="C&F", freight="", insurance="")) == {"freight"}
    declaration, _, _ = backend.customs.declare({**FORM, "trade_terms": "C&F", "insurance": ""})
    assert declaration.insurance is None and declaration.freight == 100


def test_fob_needs_neither(backend, tmp_path):
    assert set(refused(backend, tmp_path, trade_terms="FOB", insurance="")) == {"freight"}
    declaration, _, _ = backend.customs.declare(
        {**FORM, "trade_terms": "FOB", "freight": "", "insurance": ""}
    )
    assert (declaration.freight, declaration.insurance, declaration.misc) == (None, None, 20)


def test_only_misc_may_be_a_deduction(backend, tmp_path):
    assert set(refused(backend, tmp_path, freight="-100", insurance="0")) == {"freight", "insurance"}
    declaration, _, _ = backend.customs.declare({**FORM, "misc": "-1", "misc_kind": "率"})
    from alisim_widgets.sim.customs import fee_text

    assert fee_text(declaration, "misc") == "-1/1" and fee_text(declaration, "freight") == "601/100/3"


def test_a_rate_is_at_most_100_percent(backend, tmp_path):
    assert set(refused(backend, tmp_path, insurance="100.01", insurance_kind="率")) == {"insurance"}
    assert backend.customs.declare({**FORM, "insurance": "100", "insurance_kind": "率"})[0].insurance == 100


# --- weights, HS code, totals (L5237-5245) ----------------------------------------------------------
def test_gross_weight_may_equal_but_not_be_below_net(backend, tmp_path):
    assert set(refused(backend, tmp_path, net_kg="30.501")) == {"net_kg"}
    errors = refused(backend, tmp_path, goods=[{**GOODS, "net_kg": "30.501"}])
    assert "净重" in errors["goods"] and "第 1 行" in errors["goods"]
    declaration, _, _ = backend.customs.declare(
        {**FORM, "net_kg": "30.5", "goods": [{**GOODS, "net_kg": "30.5"}]}
    )
    assert declaration.net_kg == declaration.gross_kg


@pytest.mark.parametrize("code", ["620442000", "62044200001", "62044200OO", "6204 42000", ""])
def test_hs_code_is_ten_digits(backend, tmp_path, code):
    assert "商品编号" in refused(backend, tmp_path, goods=[{**GOODS, "hs_code": code}])["goods"]


def test_total_is_quantity_times_unit_price(backend, tmp_path):
    errors = refused(backend, tmp_path, goods=[{**GOODS, "total": "1999.99"}])
    assert "数量 × 单价" in errors["goods"]
    declaration, _, _ = backend.customs.declare({**FORM, "goods": [{**GOODS, "total": ""}]})
    assert declaration.goods[0].total == 2000  # left empty: the tool computes it
    declaration, _, _ = backend.customs.declare({**FORM, "goods": [{**GOODS, "quantity": "3", "unit_price": "0.335",
                                                                    "total": "1.005"}]})  # fmt: skip
    assert declaration.goods[0].total == Decimal("1.005")


def test_the_goods_table_needs_a_row_and_known_columns(backend, tmp_path):
    assert "至少" in refused(backend, tmp_path, goods=[])["goods"]
    assert "栏目" in refused(backend, tmp_path, goods=[{**GOODS, "colour": "pink"}])["goods"]
    assert "dict" in refused(backend, tmp_path, goods="Princess Dress")["goods"]


def test_weights_of_the_goods_that_do_not_add_up_are_advised(backend):
    _, advice, _ = backend.customs.declare({**FORM, "goods": [{**GOODS, "gross_kg": "20", "net_kg": "19"}]})
    assert any("合计" in a for a in advice)


def test_the_licence_number_is_checked_for_its_format_only(backend, tmp_path):
    assert set(refused(backend, tmp_path, license_no="37000026673677")) == {"license_no"}
    # 440000551523412 fails its check digit (RULES.md, Contradictions): the format is all that is checked
    assert (
        backend.customs.declare({**FORM, "license_no": "440000551523412"})[0].license_no == "440000551523412"
    )


@pytest.mark.parametrize(
    "key", ["domestic_shipper", "overseas_consignee", "contract_no", "marks", "shipper_address"]
)
def test_hostile_text_is_refused(backend, tmp_path, key):
    for bad in (
        "",
        "<script>alert(1)</script>",
        "x'); DROP TABLE accounts; --",
        "好😀",
        "测" * 300,
        ["x"],
        None,
    ):
        assert key in refused(backend, tmp_path, **{key: bad}), bad


@pytest.mark.parametrize("key", ["gross_kg", "packages", "freight", "volume_cbm"])
def test_hostile_numbers_are_refused(backend, tmp_path, key):
    for bad in ("-5", "abc", "1e400", "😀", "0", "NaN", True, [1]):
        assert key in refused(backend, tmp_path, **{key: bad}), bad


# --- saving ---------------------------------------------------------------------------------------------
def test_the_declaration_survives_a_restart_and_the_latest_one_counts(backend, tmp_path):
    backend.customs.declare(FORM)
    backend.customs.declare({**FORM, "overseas_consignee": "Amy"})
    again = aw.open_backend("10_customs", path=tmp_path)
    assert [d.id for d in again.customs.declarations()] == ["BG-0001", "BG-0002"]
    assert again.customs.latest().overseas_consignee == "Amy"
    assert [p.name for p in again.customs.files()][0] == "declaration_BG-0002_CN62302095206141.pdf"
    assert again.state.audit[-1].op == "customs.declare"


def test_a_store_in_memory_writes_its_documents_to_a_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    memory = aw.open_backend("10_customs", path=None)
    _, _, paths = memory.customs.declare(FORM)
    assert all(p.exists() and tmp_path not in p.parents for p in paths)
    assert memory.customs.files() == paths
    assert list(tmp_path.iterdir()) == []
    shutil.rmtree(paths[0].parent)


def test_the_temporary_folder_is_removed_when_the_kernel_ends(tmp_path):
    script = (
        "import alisim_widgets as aw\n"
        "from tests.customs_data import FORM\n"
        "_, _, paths = aw.open_backend('10_customs', path=None).customs.declare(FORM)\n"
        "print(paths[0].parent)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    folder = Path(run.stdout.strip().splitlines()[-1])
    assert folder.name.startswith("alisim-customs-") and not folder.exists()


# --- the documents ----------------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_pdfs_open_and_carry_every_key_field_in_readable_chinese(backend):
    _, _, paths = backend.customs.declare(FORM)
    texts = {p.name.split("_BG-")[0]: _flat(_pdf_text(p)) for p in paths if p.suffix == ".pdf"}
    assert set(texts) == {"declaration", "contract", "invoice", "packing_list"}
    declaration = texts["declaration"]
    for value in ("中华人民共和国海关出口货物报关单", "境内发货人", "HuNanDianYueScienceandTechnologyCo.,Ltd", "北京关区",
                  "00001", "Cici", "水路运输", "MAREDKICUM/0332W", "23230", "X21666002495", "一般贸易", "一般征税",
                  "370000266736773", "CN62302095206141", "中国", "澳大利亚", "中国境内", "北京", "包/袋", "30.5",
                  "CIF", "601/100/3", "601/4/3", "601/20/3", "AUD(澳大利亚元)", "N/M", "特殊关系确认", "否",
                  "6204420000", "PrincessDressPink/002-03F", "100件", "20/2000/AUD", "东城区", "照章征税"):  # fmt: skip
        assert value in declaration, value
    for value in ("销售合同", "CN62302095206141", "2023-01-03", "T/T", "AUD2,000.00", "2023-01-20",
                  "15/F,BuildingA,No.128EastFourthRingMiddleRoad,ChaoyangDistrict,Beijing", "13666301234",
                  "55DunblaneStreet,Camperdown,NSW2050,Australia", "0061-6356345"):  # fmt: skip
        assert value in texts["contract"], value
    for value in ("商业发票", "IVF62302095202332", "2023-01-03", "6204420000", "AUD2,000.00", "CIF"):
        assert value in texts["invoice"], value
    for value in ("装箱单", "20200103", "IVF62302095202332", "100包/袋", "30.5", "1CBM", "N/M"):
        assert value in texts["packing_list"], value
    reader = pypdf.PdfReader(paths[0])
    assert reader.metadata.title == "中华人民共和国海关出口货物报关单（草单）"
    font = reader.pages[0]["/Resources"]["/Font"]["/F1"]
    assert font["/Encoding"] == "/UniGB-UCS2-H" and "/FontFile2" not in str(font)  # a standard CJK font


def test_student_text_stays_text_in_the_documents(backend):
    odd = "Tom & Jerry (pink) \\ <3 “裙子”"
    _, _, paths = backend.customs.declare({**FORM, "goods": [{**GOODS, "goods_name": odd}]})
    assert _flat(odd) in _flat(_pdf_text(paths[0]))
    with zipfile.ZipFile(paths[-1]) as z:
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))  # well-formed XML
    texts = [t.text for t in sheet.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t")]
    assert odd in texts


def test_the_spreadsheet_has_the_four_documents(backend):
    _, _, paths = backend.customs.declare(FORM)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(paths[-1]) as z:
        assert z.testzip() is None
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        names = [s.get("name") for s in book.find("m:sheets", ns)]
        first = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    assert names == ["报关草单", "合同", "商业发票", "装箱单"]
    cells = {c.get("r"): c for c in first.iter(f"{{{ns['m']}}}c")}
    texts = ["".join(c.itertext()) for c in cells.values()]
    assert "601/100/3" in texts and "HuNan DianYue Science and Technology Co., Ltd" in texts
    numbers = [c.find("m:v", ns).text for c in cells.values() if c.find("m:v", ns) is not None]
    assert "30.5" in numbers  # numbers stay numbers for the teacher's edits
    assert "00001" in texts  # a record number keeps its leading zeros (text, not a number)
    assert "370000266736773" in texts and "6204420000" in texts  # a licence number and an HS code stay text


def test_many_goods_rows_continue_on_a_second_page(backend):
    rows = [{**GOODS, "goods_name": f"Princess Dress Pink/002-{n:02d}F", "quantity": "1", "total": "20",
             "gross_kg": "0.305", "net_kg": "0.3"} for n in range(1, 46)]  # fmt: skip
    declaration, _, paths = backend.customs.declare({**FORM, "goods": rows})
    reader = pypdf.PdfReader(paths[0])
    assert len(reader.pages) >= 2
    assert "Princess Dress Pink/002-45F" in reader.pages[-1].extract_text()
    assert len(build_documents(declaration)[0].blocks[1].rows) == 45


def test_text_width_uses_the_font_metrics():
    assert text_width("报关", 10) == 20 and text_width("i", 10) < text_width("W", 10) < 10


def test_a_page_renders_to_png(backend, artifacts):
    """One page drawn by a real PDF renderer (poppler), kept as an artifact to look at."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    _, _, paths = backend.customs.declare(FORM)
    target = artifacts / "customs_declaration"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(paths[0]), str(target)], check=True,
                   capture_output=True, timeout=60)  # fmt: skip
    png = target.with_suffix(".png")
    assert png.stat().st_size > 5_000 and png.read_bytes()[:4] == b"\x89PNG"


def test_pdf_bytes_are_a_valid_pdf_without_a_declaration():
    from alisim_widgets.sim.customs_docs import Block, Doc

    data = pdf_bytes(Doc("declaration", "测试 Test", "", [Block("lines", [["只有一行字"]])]))
    assert data.startswith(b"%PDF-1.5") and data.rstrip().endswith(b"%%EOF")
    import io

    assert "只有一行字" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_rules_constants_used_by_the_tool():
    assert rules.CUSTOMS_FEES_NEEDED["CIF"] == ("运费", "保险费") and rules.HS_CODE_DIGITS == 10
    assert {k: rules.CUSTOMS_CURRENCY_CODES[k] for k in ("USD", "HKD", "EUR", "GBP", "JPY")} == {
        "USD": "502", "HKD": "110", "EUR": "300", "GBP": "303", "JPY": "116"}  # fmt: skip
