"""The layouts officials' documents follow, as data: one profile per rule of layout (DOCUMENTS.md §1,
§2). A value found wrong against the primary text is corrected here, in one place.

Sizes are points, lengths millimetres. Each element of a document names its style here; the builder
(`canbo.documents.docx`) reads nothing else.
"""

from dataclasses import dataclass, replace

from django.conf import settings


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "left"  # left, center, right, justify


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Layout:
    code: str
    source: str
    margins: Margins
    # The national title lines, top right: (text, style, a rule under it as long as the text).
    national: tuple[tuple[str, str, bool], ...]
    number_format: str  # "{number}", "{type}", "{issuer}"
    styles: dict[str, Style]
    # Whether the issuing body has a centred `*` under it (Party) or a short rule (State).
    star: bool
    older_margins: Margins | None = None
    page: tuple[float, float] = (210, 297)
    font: str = "Times New Roman"
    first_line_indent_mm: float = 12.7
    header_columns_mm: tuple[float, float] = (75, 90)
    signature_columns_mm: tuple[float, float] = (80, 85)
    signature_space_lines: int = 4
    # A deputy signing for the head: `K/T` (Party) or `KT.` (State) before the head's post; under a
    # collective's `TM.` the State adds that line, while a Party committee's deputy signs `T/M` alone.
    deputy_mark: str = "K/T"
    deputy_under_collective: bool = False

    def page_margins(self) -> Margins:
        """The margins in force: the older handbook's when the setting asks for them."""
        if self.older_margins is not None and self.code in settings.CANBO_DOCUMENT_OLDER_MARGINS:
            return self.older_margins
        return self.margins

    def text_width_mm(self) -> float:
        margins = self.page_margins()
        return self.page[0] - margins.left - margins.right

    def number(self, number: int | None, doc_type: str, issuer: str) -> str:
        """`Số 127-KH/TU` or `Số: 12/KH-SNV`; a draft has a blank where the number goes."""
        shown = str(number) if number is not None else "\u00a0" * 8
        return self.number_format.format(number=shown, type=doc_type, issuer=issuer)


# What follows the header is set alike in the Party's and the state's documents.
LETTER_BODY = {
    "place_date": Style(14, italic=True, align="center"),
    "summary": Style(14, bold=True, align="center"),
    "body": Style(14, align="justify"),
    "heading": Style(14, bold=True, align="justify"),
    "centred": Style(14, bold=True, align="center"),
    "authority": Style(14, bold=True, align="center"),
    "position": Style(14, bold=True, align="center"),
    "signer": Style(14, bold=True, align="center"),
    "recipients_title": Style(12, bold=True, italic=True),
    "recipients": Style(11),
    "draft": Style(12, bold=True, align="left"),
    "annex_title": Style(14, bold=True, align="center"),
    "annex_note": Style(13, italic=True, align="center"),
    "table_header": Style(12, bold=True, align="center"),
    "table": Style(12),
    "note": Style(12, italic=True),
}

# Hướng dẫn 36-HD/VPTW (03/4/2018), Quy định 66-QĐ/TW, since 2026 399-QĐ/TW.
PARTY = Layout(
    code="dang",
    source="Hướng dẫn 36-HD/VPTW ngày 03/4/2018",
    margins=Margins(top=20, bottom=20, left=30, right=15),
    older_margins=Margins(top=25, bottom=25, left=35, right=15),
    national=(("ĐẢNG CỘNG SẢN VIỆT NAM", "national", True),),
    number_format="Số {number}-{type}/{issuer}",
    star=True,
    styles={
        **LETTER_BODY,
        "national": Style(15, bold=True, align="center"),
        "superior": Style(14, align="center"),
        "issuer": Style(14, bold=True, align="center"),
        "star": Style(14, align="center"),
        "number": Style(14, align="center"),
        "doc_type": Style(16, bold=True, align="center"),
        "page_number": Style(14, align="center"),
    },
)

# The Party layout on a landscape page, for a list with many columns (the list for the Standing
# Committee's meeting): the same styles and margins, the header and signature spread over the width.
PARTY_LANDSCAPE = replace(
    PARTY,
    page=(297, 210),
    header_columns_mm=(110, 142),
    signature_columns_mm=(120, 132),
    styles={**PARTY.styles, "table_header": Style(11, bold=True, align="center"), "table": Style(11)},
)

# Nghị định 30/2020/NĐ-CP, Phụ lục I.
STATE = Layout(
    code="nha_nuoc",
    source="Nghị định 30/2020/NĐ-CP, Phụ lục I",
    margins=Margins(top=20, bottom=20, left=30, right=15),
    national=(
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "national", False),
        ("Độc lập - Tự do - Hạnh phúc", "motto", True),
    ),
    number_format="Số: {number}/{type}-{issuer}",
    star=False,
    deputy_mark="KT.",
    deputy_under_collective=True,
    header_columns_mm=(65, 100),
    styles={
        **LETTER_BODY,
        "national": Style(12, bold=True, align="center"),
        "motto": Style(13, bold=True, align="center"),
        "superior": Style(12.5, align="center"),
        "issuer": Style(12.5, bold=True, align="center"),
        "number": Style(13, align="center"),
        "doc_type": Style(14, bold=True, align="center"),
        "page_number": Style(13, align="center"),
    },
)


# The personal history form, Mẫu 2C-BNV/2008 (Quyết định 06/2007/QĐ-BNV, as amended in 2008): a form,
# not a letter, so no national title or number; Times New Roman 13 on A4.
FORM_2C = Layout(
    code="mau_2c",
    source="Mẫu 2C-BNV/2008",
    margins=Margins(top=20, bottom=20, left=25, right=15),
    national=(),
    number_format="",
    star=False,
    header_columns_mm=(115, 55),
    styles={
        "form_code": Style(12, bold=True, align="center"),
        "form_header": Style(12),
        "form_title": Style(15, bold=True, align="center"),
        "photo": Style(11, italic=True, align="center"),
        "item": Style(13, align="justify"),
        "section": Style(13, bold=True),
        "body": Style(13),
        "table_header": Style(11, bold=True, align="center"),
        "table": Style(11),
        "note": Style(11, italic=True),
        "signature_title": Style(13, bold=True, align="center"),
        "signature_note": Style(12, italic=True, align="center"),
        "page_number": Style(13, align="center"),
    },
)


# A list printed from a page of canbo (any table of the reports layer): not an official document, so
# no national title, number or signature; a landscape A4 page so that wide lists keep their columns.
REPORT_TABLE = Layout(
    code="bang",
    source="canbo",
    margins=Margins(top=15, bottom=15, left=20, right=15),
    national=(),
    number_format="",
    star=False,
    page=(297, 210),
    styles={
        "title": Style(14, bold=True, align="center"),
        "subtitle": Style(11, italic=True, align="center"),
        "body": Style(11),
        "table_header": Style(10, bold=True, align="center"),
        "table": Style(10),
        "note": Style(9, italic=True),
        "page_number": Style(10, align="center"),
    },
)


# Biểu số 10-BTCTW (Hướng dẫn 11-HD/BTCTW, 2021; DOCUMENTS.md §4), a statistical form rather than a
# letter: the reporting committee top left and the form's number top right, no national title or
# document number, two signatures; a landscape A4 page for its eleven columns, the Party's margins.
FORM_10 = replace(
    PARTY_LANDSCAPE,
    code="bieu_10",
    source="Hướng dẫn 11-HD/BTCTW, 2021",
    national=(),
    number_format="",
    star=False,
    header_columns_mm=(130, 122),
    signature_columns_mm=(110, 142),
    signature_space_lines=3,
    styles={
        "body": Style(10.5),  # the paragraph marks' size: an empty cell's line as high as the table's
        "reporter": Style(13, bold=True, align="center"),
        "form_code": Style(13, bold=True, align="right"),
        "title": Style(14, bold=True, align="center"),
        "unit": Style(13, italic=True, align="center"),
        "table_header": Style(10.5, bold=True, align="center"),
        "table_number": Style(10.5, italic=True, align="center"),
        "table": Style(10.5),
        "place_date": Style(12, italic=True, align="center"),
        "signature_title": Style(12, bold=True, align="center"),
        "signature_note": Style(12, italic=True, align="center"),
        "page_number": Style(12, align="center"),
    },
)
