"""The writer lays a document out by its profile: page, margins (the older handbook's as a setting),
Times New Roman for every script, the letterhead without borders, page numbers from page 2."""

import io

import docx
from docx.oxml.ns import qn

from canbo.documents.content import Annex, Heading, Note, OfficialDocument, Paragraph, Signature, Table
from canbo.documents.docx import official_docx
from canbo.documents.layouts import PARTY, STATE


def _document(layout=PARTY, **changes) -> docx.Document:
    table = Table(
        ("TT", "Đơn vị", "Số người"),
        (("1", "Huyện ủy Đức Trọng", "4"),),
        (15, 110, 40),
        frozenset({2}),
        ("", "Tổng cộng", "4"),
    )
    values = (
        dict(
            layout=layout,
            superior="",
            issuer="Tỉnh ủy Lâm Đồng",
            number="Số 127-KH/TU",
            place_date="Lâm Đồng, ngày 05 tháng 11 năm 2017",
            doc_type="Kế hoạch",
            summary="Đào tạo năm 2018",
            signature=Signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bình"),
            recipients=("- Như trên,", "- Lưu VPTU."),
            blocks=(Heading("I. MỤC ĐÍCH"), Paragraph("Nội dung.")),
            annexes=(Annex("PHỤ LỤC", "(Kèm theo Kế hoạch số 127-KH/TU)", (table, Note("Ghi chú."))),),
        )
        | changes
    )
    return docx.Document(io.BytesIO(official_docx(OfficialDocument(**values))))


def test_the_party_profile_and_the_older_margins_setting(settings):
    section = _document().sections[0]
    assert [
        round(x.mm)
        for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [20, 20, 30, 15]
    settings.CANBO_DOCUMENT_OLDER_MARGINS = ["dang"]
    section = _document().sections[0]
    assert [
        round(x.mm)
        for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [25, 25, 35, 15]
    assert [round(x.mm) for x in (_document(STATE).sections[0].top_margin,)] == [20]


def test_times_new_roman_everywhere_and_sizes_by_element():
    opened = _document()
    defaults = opened.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert fonts.get(qn("w:asciiTheme")) is None
    doc_type = next(p for p in opened.paragraphs if p.text == "KẾ HOẠCH")
    assert (doc_type.runs[0].font.size.pt, doc_type.runs[0].font.bold) == (16, True)
    issuer = opened.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert (issuer.text, issuer.font.size.pt, issuer.font.bold) == ("TỈNH ỦY LÂM ĐỒNG", 14, True)
    recipients = opened.tables[1].rows[0].cells[0].paragraphs
    assert recipients[0].runs[0].font.bold and recipients[0].runs[0].font.italic
    assert recipients[1].runs[0].font.size.pt == 11
    signer = opened.tables[1].rows[0].cells[1].text.split("\n")
    assert signer[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] and signer[-1] == "Trần Văn Bình"


def test_the_letterhead_has_no_borders_and_annex_tables_have_a_grid():
    opened = _document()
    letterhead, _signature, annex = opened.tables
    assert letterhead._tbl.tblPr.find(qn("w:tblStyle")) is None
    assert not letterhead._tbl.xpath(".//w:tcBorders")
    assert annex.style.name == "Table Grid"
    assert [c.text for c in annex.rows[-1].cells] == ["", "Tổng cộng", "4"]
    assert annex.rows[-1].cells[1].paragraphs[0].runs[0].font.bold


def test_page_numbers_from_page_two_centred_in_the_header():
    section = _document().sections[0]
    assert section.different_first_page_header_footer
    number = section.header.paragraphs[0]
    assert number.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert [t.text.strip() for t in number._p.xpath(".//w:instrText")] == ["PAGE"]
    assert section.first_page_header.paragraphs[0].text == ""
    assert _document(draft=True).sections[0].first_page_header.paragraphs[0].text == "DỰ THẢO"


def test_the_state_letterhead():
    cells = [
        c.text
        for row in _document(STATE, superior="UBND tỉnh Lâm Đồng", issuer="Sở Nội vụ").tables[0].rows
        for c in row.cells
    ]
    assert cells[0].split("\n")[:2] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]
    assert cells[1].split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
