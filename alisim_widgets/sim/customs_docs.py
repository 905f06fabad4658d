"""The document set of the customs-document tool: 报关草单, 合同, 商业发票, 装箱单 (task 10.1.4).

Each document is built once as plain data (:class:`Doc`: a title and blocks of label/value pairs, tables and
lines) and written two ways, with nothing beyond the standard library:

* PDF (one file per document). The Chinese text uses the PDF standard CJK font STSong-Light (Adobe-GB1,
  encoding UniGB-UCS2-H), which every PDF reader provides itself (Acrobat, the browsers' viewers, Preview,
  poppler with its CJK data): nothing is embedded and no font file is needed here. A ToUnicode map makes the
  text searchable and copyable.
* A spreadsheet (``.xlsx``, one sheet per document) for teachers who want to edit a document.

Student text is written as text objects (PDF strings and XML text, escaped), never as markup.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from .customs_models import CustomsDeclaration
from .customs_notation import currency_label, fee_text

__all__ = [
    "Doc",
    "Block",
    "build_documents",
    "pdf_bytes",
    "xlsx_bytes",
    "write_documents",
    "DOC_FILES",
    "text_width",
]

# Document key → (Chinese title shown to students, file stem).
DOC_FILES: dict[str, tuple[str, str]] = {
    "declaration": ("报关草单", "declaration"),
    "contract": ("合同", "contract"),
    "invoice": ("商业发票", "invoice"),
    "packing_list": ("装箱单", "packing_list"),
}


@dataclass
class Block:
    """``kind``: "pairs" (label/value pairs, ``columns`` pairs a row), "table" (``head`` and ``rows``), "lines"."""

    kind: str
    rows: list[list[str]] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # table columns, relative
    columns: int = 2
    title: str = ""


@dataclass
class Doc:
    key: str
    title: str
    subtitle: str
    blocks: list[Block]


# --- the four documents ----------------------------------------------------------------------------
def _n(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text == "-0" else text


def _money(value: Decimal) -> str:
    return f"{Decimal(value):,.2f}"


def _d(day: dt.date) -> str:
    return day.isoformat()


def build_documents(d: CustomsDeclaration) -> list[Doc]:
    """The four documents of a declaration, as data."""
    goods_total = sum((g.total for g in d.goods), Decimal(0))
    quantity_total = sum((g.quantity for g in d.goods), Decimal(0))
    cur = d.currency
    vessel = " / ".join(x for x in (d.vessel, d.voyage_no) if x)
    declaration = Doc(
        "declaration",
        "中华人民共和国海关出口货物报关单（草单）",
        f"单证编号 {d.id}　制单日期 {_d(d.created_at.date())}　报关单证制作工具生成，供核对后正式申报",
        [
            Block(
                "pairs",
                [
                    ["境内发货人", d.domestic_shipper, "出境关别", d.exit_customs],
                    ["备案号", d.record_no, "境外收货人", d.overseas_consignee],
                    ["运输方式", d.transport_mode, "运输工具名称及航次号", vessel],
                    ["提运单号", d.bill_of_lading, "生产销售单位", d.producer_seller],
                    ["监管方式", d.supervision_mode, "征免性质", d.levy_nature],
                    ["许可证号", d.license_no, "合同协议号", d.contract_no],
                    ["贸易国（地区）", d.trade_country, "运抵国（地区）", d.arrival_country],
                    ["指运港", d.destination_port, "离境口岸", d.exit_port],
                    ["包装种类", d.package_kind, "件数", str(d.packages)],
                    ["毛重（千克）", _n(d.gross_kg), "净重（千克）", _n(d.net_kg)],
                    ["成交方式", d.trade_terms, "币制", currency_label(cur)],
                    ["运费", fee_text(d, "freight"), "保费", fee_text(d, "insurance")],
                    ["杂费", fee_text(d, "misc"), "标记唛码及备注", d.marks],
                    ["特殊关系确认", d.special_relationship, "价格影响确认", d.price_influence],
                    ["支付特许权使用费确认", d.royalties, "", ""],
                ],
            ),  # fmt: skip
            Block(
                "table",
                [
                    [
                        str(i),
                        g.hs_code,
                        g.goods_name,
                        f"{_n(g.quantity)} {g.unit}",
                        f"{_n(g.gross_kg)} / {_n(g.net_kg)}",
                        f"{_n(g.unit_price)} / {_n(g.total)} / {g.currency}",
                        g.origin_country,
                        g.destination_country,
                        g.domestic_source,
                        g.levy,
                    ]  # fmt: skip
                    for i, g in enumerate(d.goods, start=1)
                ],
                head=[
                    "项号",
                    "商品编号",
                    "商品名称及规格型号",
                    "数量及单位",
                    "毛重/净重（千克）",
                    "单价/总价/币制",
                    "原产国（地区）",
                    "最终目的国（地区）",
                    "境内货源地",
                    "征免",
                ],  # fmt: skip
                widths=[3, 9, 16, 7, 8, 11, 7, 8, 7, 6],
                title="商品信息",
            ),
            Block("lines", [["兹申明对以上内容承担如实申报、依法纳税之法律责任。"], ["申报单位（签章）："]]),
        ],
    )
    parties = [
        ["卖方 Seller", d.shipper],
        ["地址 Address", d.shipper_address],
        ["电话/传真 Tel/Fax", d.shipper_tel_fax],
        ["买方 Buyer", d.overseas_consignee],
        ["地址 Address", d.consignee_address],
        ["电话/传真 Tel/Fax", d.consignee_tel_fax],
    ]
    amount_rows = [
        [
            g.goods_name,
            f"{_n(g.quantity)} {g.unit}",
            f"{cur} {_money(g.unit_price)}",
            f"{cur} {_money(g.total)}",
        ]
        for g in d.goods
    ]
    amount_rows.append(["合计 TOTAL", _n(quantity_total), "", f"{cur} {_money(goods_total)}"])
    terms = [
        ["成交方式 Trade Terms", d.trade_terms],
        ["付款方式 Payment", d.settlement],
        ["装运港 Port of Loading", d.exit_port],
        ["目的国 Destination", d.arrival_country],
        ["装运期 Time of Shipment", _d(d.ship_date)],
        ["唛头 Shipping Marks", d.marks],
    ]
    contract = Doc(
        "contract",
        "销售合同 SALES CONTRACT",
        f"合同号 Contract No.: {d.contract_no}　日期 Date: {_d(d.contract_date)}",
        [
            Block("pairs", parties, columns=1),
            Block(
                "table",
                amount_rows,
                head=["商品 Description", "数量 Quantity", "单价 Unit Price", "金额 Amount"],
                widths=[40, 16, 20, 24],
                title="买卖双方同意按下列条款成交 The buyer and the seller agree as follows",
            ),  # fmt: skip
            Block("pairs", terms, columns=1),
            Block("lines", [["卖方签字 The Seller: ______________　　　买方签字 The Buyer: ______________"]]),
        ],
    )
    invoice = Doc(
        "invoice",
        "商业发票 COMMERCIAL INVOICE",
        f"发票号 Invoice No.: {d.invoice_no}　日期 Date: {_d(d.invoice_date)}　合同号 Contract No.: {d.contract_no}",
        [
            Block(
                "pairs",
                parties[:3] + [["收货人 To", d.overseas_consignee], parties[4], parties[5]],
                columns=1,
            ),
            Block(
                "pairs",
                [
                    ["从 From", d.exit_port, "至 To", d.arrival_country],
                    ["运输方式 By", d.transport_mode, "付款方式 Payment", d.settlement],
                    ["成交方式 Trade Terms", d.trade_terms, "唛头 Marks", d.marks],
                ],
            ),  # fmt: skip
            Block(
                "table",
                [[g.hs_code, *row] for g, row in zip(d.goods, amount_rows, strict=False)]
                + [["", *amount_rows[-1]]],
                head=["HS Code", "商品 Description", "数量 Quantity", "单价 Unit Price", "金额 Amount"],
                widths=[14, 34, 14, 18, 20],
            ),
            Block("lines", [[f"发票总额 TOTAL AMOUNT: {cur} {_money(goods_total)}（{d.trade_terms}）"]]),
        ],
    )
    packing_rows = [
        [
            g.goods_name,
            f"{_n(g.quantity)} {g.unit}",
            f"{d.packages} {d.package_kind}" if len(d.goods) == 1 else "",
            _n(g.gross_kg),
            _n(g.net_kg),
        ]  # fmt: skip
        for g in d.goods
    ]
    packing_rows.append(
        ["合计 TOTAL", _n(quantity_total), f"{d.packages} {d.package_kind}", _n(d.gross_kg), _n(d.net_kg)]
    )
    packing = Doc(
        "packing_list",
        "装箱单 PACKING LIST",
        f"箱单号 No.: {d.packing_list_no}　日期 Date: {_d(d.packing_list_date)}　发票号 Invoice No.: {d.invoice_no}",
        [
            Block(
                "pairs", [parties[0], parties[1], ["收货人 To", d.overseas_consignee], parties[4]], columns=1
            ),
            Block(
                "table",
                packing_rows,
                head=["商品 Description", "数量 Quantity", "件数 Packages", "毛重 G.W.(kg)", "净重 N.W.(kg)"],
                widths=[36, 16, 16, 16, 16],
            ),  # fmt: skip
            Block(
                "pairs",
                [
                    ["体积 Measurement", f"{_n(d.volume_cbm)} CBM" if d.volume_cbm is not None else ""],
                    ["唛头 Shipping Marks", d.marks],
                    ["预计发货日期 Shipping Date", _d(d.ship_date)],
                ],
                columns=1,
            ),  # fmt: skip
        ],
    )
    return [declaration, contract, invoice, packing]


# --- PDF ---------------------------------------------------------------------------------------------
# STSong-Light's widths (1/1000 em) of the proportional Latin CIDs 1-95 (U+0020-U+007E); CJK is 1000.
_LATIN_W = (
    207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462,
    462, 462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666,
    526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417,
    503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652,
    466, 452, 407, 370, 258, 370, 605,
)  # fmt: skip
_PAGE_W, _PAGE_H, _MARGIN = 595.0, 842.0, 36.0


def _glyph_w(ch: str) -> int:
    code = ord(ch)
    return _LATIN_W[code - 32] if 32 <= code <= 126 else 1000


def text_width(text: str, size: float) -> float:
    """The width of ``text`` in points at ``size`` (the PDF font's metrics)."""
    return sum(_glyph_w(ch) for ch in text) * size / 1000


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of at most ``width`` points: break at a space when one is near, anywhere in CJK."""
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line = ""
        for ch in para:
            if text_width(line + ch, size) <= width or not line:
                line += ch
                continue
            cut = line.rfind(" ")
            if cut > len(line) // 2:
                lines.append(line[:cut])
                line = line[cut + 1 :] + ch
            else:
                lines.append(line)
                line = ch
        lines.append(line)
    return lines or [""]


def _hex(text: str) -> str:
    """A PDF string in UCS-2 (UniGB-UCS2-H): characters beyond the BMP become "?"."""
    return "".join(
        f"{ord(ch):04X}" if ord(ch) <= 0xFFFF and not 0xD800 <= ord(ch) <= 0xDFFF else "003F" for ch in text
    )


class _Canvas:
    """Pages of drawing operators, top-down coordinates."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.pages.append(["0.6 w"])
        self.y = _PAGE_H - _MARGIN

    def ensure(self, height: float) -> None:
        if self.y - height < _MARGIN:
            self.new_page()

    def text(self, x: float, y_top: float, text: str, size: float) -> None:
        baseline = y_top - size * 0.88
        self.pages[-1].append(f"BT /F1 {size:g} Tf {x:.2f} {baseline:.2f} Td <{_hex(text)}> Tj ET")

    def rect(self, x: float, y_top: float, w: float, h: float, fill: float | None = None) -> None:
        y = y_top - h
        if fill is not None:
            self.pages[-1].append(f"{fill:g} g {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f 0 g")
        self.pages[-1].append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")


def _cells_row(
    canvas: _Canvas, cells: list[str], widths: list[float], size: float, shade: list[bool]
) -> None:
    pad = 3.0
    wrapped = [_wrap(c, w - 2 * pad, size) for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped) * size * 1.3 + 2 * pad
    canvas.ensure(height)
    x = _MARGIN
    for lines, w, dark in zip(wrapped, widths, shade, strict=True):
        canvas.rect(x, canvas.y, w, height, 0.93 if dark else None)
        for i, line in enumerate(lines):
            canvas.text(x + pad, canvas.y - pad - i * size * 1.3, line, size)
        x += w
    canvas.y -= height


def _draw(doc: Doc) -> list[str]:
    canvas = _Canvas()
    inner = _PAGE_W - 2 * _MARGIN
    title_size = 15.0
    canvas.text((_PAGE_W - text_width(doc.title, title_size)) / 2, canvas.y, doc.title, title_size)
    canvas.y -= title_size * 1.6
    for line in _wrap(doc.subtitle, inner, 8.5):
        canvas.text(_MARGIN, canvas.y, line, 8.5)
        canvas.y -= 8.5 * 1.4
    canvas.y -= 6
    for block in doc.blocks:
        if block.title:
            canvas.ensure(30)
            canvas.text(_MARGIN, canvas.y, block.title, 10)
            canvas.y -= 15
        if block.kind == "pairs":
            label_w = 0.19 * inner if block.columns == 2 else 0.3 * inner
            value_w = inner / block.columns - label_w
            for row in block.rows:
                widths = [label_w, value_w] * (len(row) // 2)
                _cells_row(canvas, row, widths, 8.5, [i % 2 == 0 for i in range(len(row))])
        elif block.kind == "table":
            total = sum(block.widths)
            widths = [inner * w / total for w in block.widths]
            _cells_row(canvas, block.head, widths, 7.5, [True] * len(widths))
            for row in block.rows:
                _cells_row(canvas, row, widths, 7.5, [False] * len(widths))
        else:
            canvas.y -= 6
            for (line,) in block.rows:
                for part in _wrap(line, inner, 9):
                    canvas.ensure(14)
                    canvas.text(_MARGIN, canvas.y, part, 9)
                    canvas.y -= 14
        canvas.y -= 10
    return ["\n".join(ops) for ops in canvas.pages]


def _to_unicode() -> bytes:
    """UCS-2 codes are the characters: a ToUnicode map of 256 identity ranges (the surrogates left out)."""
    ranges = [f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(256) if not 0xD8 <= h <= 0xDF]
    chunks = [ranges[i : i + 100] for i in range(0, len(ranges), 100)]
    body = "".join(f"{len(c)} beginbfrange\n" + "\n".join(c) + "\nendbfrange\n" for c in chunks)
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _pdf_text(value: str) -> str:
    return "<FEFF" + "".join(f"{b:02X}" for b in value.encode("utf-16-be")) + ">"


def pdf_bytes(doc: Doc, *, created: dt.datetime | None = None) -> bytes:
    """One document as a PDF file (A4, one or more pages)."""
    pages = _draw(doc)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        packed = zlib.compress(data)
        return (
            f"<< /Length {len(packed)} /Filter /FlateDecode{extra} >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )

    widths = " ".join(map(str, _LATIN_W))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        f"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 1000 /W [1 [{widths}]] >>".encode()
    )
    to_unicode = add(stream(_to_unicode()))
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H "
        f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
    )
    pages_id = len(objects) + 1 + 2 * len(pages)  # the page tree comes after every page and its contents
    kids = []
    for ops in pages:
        content = add(stream(ops.encode("ascii")))
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {_PAGE_W:g} {_PAGE_H:g}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R /Lang (zh-CN) >>".encode())
    stamp = (created or dt.datetime(2000, 1, 1)).strftime("D:%Y%m%d%H%M%S")
    info = add(
        f"<< /Title {_pdf_text(doc.title)} /Producer (alisim customs-document tool) /CreationDate ({stamp}) >>".encode()
    )
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- XLSX ---------------------------------------------------------------------------------------------
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Amounts and weights are numbers; long digit strings (phone, licence, HS code) and 00001 stay text.
_NUMBER = re.compile(r"^-?([1-9]\d{0,6}|0)(\.\d+)?$")


def _col(n: int) -> str:
    name = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, value: str, bold: bool) -> str:
    style = ' s="1"' if bold else ""
    if _NUMBER.match(value):
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    text = escape(_XML_BAD.sub("", value))
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(doc: Doc) -> str:
    rows: list[list[tuple[str, bool]]] = [[(doc.title, True)], [(doc.subtitle, False)], []]
    for block in doc.blocks:
        if block.title:
            rows.append([(block.title, True)])
        if block.kind == "pairs":
            rows += [[(c, i % 2 == 0) for i, c in enumerate(row)] for row in block.rows]
        elif block.kind == "table":
            rows.append([(h, True) for h in block.head])
            rows += [[(c, False) for c in row] for row in block.rows]
        else:
            rows += [[(row[0], False)] for row in block.rows]
        rows.append([])
    xml_rows = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_col(c)}{r}", v, b) for c, (v, b) in enumerate(row) if v != "")
        xml_rows.append(f'<row r="{r}">{cells}</row>')
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{22 if i % 2 else 30}" customWidth="1"/>' for i in range(1, 11)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<cols>{cols}</cols><sheetData>{''.join(xml_rows)}</sheetData></worksheet>"
    )


_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    "</styleSheet>"
)


def xlsx_bytes(docs: list[Doc]) -> bytes:
    """The documents as one workbook, one sheet each (named by the document's Chinese title)."""
    import io

    buffer = io.BytesIO()
    names = [DOC_FILES[d.key][0] for d in docs]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SML}.worksheet+xml"/>'
            for i in range(1, len(docs) + 1)
        )
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>{overrides}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_REL}">'
            f'<Relationship Id="rId1" Type="{_OD}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        sheets = "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, start=1)
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{_OD}">'
            f"<sheets>{sheets}</sheets></workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_OD}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(docs) + 1)
        )
        rels += f'<Relationship Id="rId{len(docs) + 1}" Type="{_OD}/styles" Target="styles.xml"/>'
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_REL}">{rels}</Relationships>',
        )
        z.writestr("xl/styles.xml", _STYLES)
        for i, doc in enumerate(docs, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet(doc))
    return buffer.getvalue()


# --- writing the set ---------------------------------------------------------------------------------
def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_")[:40] or "doc"


def write_documents(declaration: CustomsDeclaration, folder: Path) -> list[Path]:
    """Write the four PDFs and the workbook into ``folder``; return their paths (PDFs first)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    docs = build_documents(declaration)
    tag = f"{_safe(declaration.id)}_{_safe(declaration.contract_no)}"
    out: list[tuple[Path, bytes]] = [
        (folder / f"{DOC_FILES[doc.key][1]}_{tag}.pdf", pdf_bytes(doc, created=declaration.created_at))
        for doc in docs
    ]
    out.append((folder / f"customs_docs_{tag}.xlsx", xlsx_bytes(docs)))
    for path, data in out:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return [p for p, _ in out]
