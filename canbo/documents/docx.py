"""DOCX on python-docx, laid out by a layout profile (`canbo.documents.layouts`): a page of the
profile's size, margins and font, paragraphs and tables styled by element, page numbers from page 2
centred in the header, and the official document of `canbo.documents.content` (letterhead as a
borderless two-column table, type and summary, body, signature and recipients, annexes)."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from canbo.documents.content import Annex, Article, Centred, Heading, Note, OfficialDocument, Paragraph, Table
from canbo.documents.layouts import Layout
from canbo.documents.text import text_width_mm

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# Elements that come after a paragraph border in <w:pPr> (the schema fixes the order).
_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
RULE_POINTS = 2  # the size of the empty line that carries a rule
CELL_PADDING_MM = 2 * 1.91  # Word's default left and right cell margins


class Writer:
    """One DOCX being written in one layout."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.document = Document()
        self._page()
        self._fonts()

    def _page(self):
        section = self.document.sections[0]
        margins = self.layout.page_margins()
        if self.layout.page[0] > self.layout.page[1]:
            section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(self.layout.page[0]), Mm(self.layout.page[1])
        section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
        section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        number = section.header.paragraphs[0]
        self.format(number, "page_number")
        self.field(number, "PAGE", "page_number")

    def _fonts(self):
        """Times New Roman for every script, in the defaults and the Normal style (Word otherwise takes
        the theme's font for Vietnamese letters outside Latin-1)."""
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for rpr in (defaults, self.document.styles["Normal"].element.get_or_add_rPr()):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for attribute in list(fonts.attrib):
                del fonts.attrib[attribute]
            for script in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(qn(f"w:{script}"), self.layout.font)
        normal = self.document.styles["Normal"]
        normal.font.size = Pt(self.layout.styles["body"].size)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    # Paragraphs

    def format(
        self,
        paragraph,
        style_name: str,
        *,
        indent: bool = False,
        before: float = 0,
        after: float = 0,
        spacing: float = 1.0,
    ):
        style = self.layout.styles[style_name]
        paragraph.alignment = ALIGN[style.align]
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), spacing
        if indent:
            fmt.first_line_indent = Mm(self.layout.first_line_indent_mm)
        return paragraph

    def run(self, paragraph, text: str, style_name: str, *, bold: bool | None = None):
        style = self.layout.styles[style_name]
        run = paragraph.add_run(text)
        run.font.size = Pt(style.size)
        run.font.bold = style.bold if bold is None else bold
        run.font.italic = style.italic
        return run

    def paragraph(self, container, text: str, style_name: str, **spacing):
        paragraph = self.format(container.add_paragraph(), style_name, **spacing)
        if text:
            self.run(paragraph, text, style_name)
        return paragraph

    def field(self, paragraph, instruction: str, style_name: str):
        """A field Word and LibreOffice compute when the page is laid out (PAGE: the page number)."""
        run = self.run(paragraph, "", style_name)
        for kind, text in (
            ("begin", None),
            (None, f" {instruction} "),
            ("separate", None),
            (None, "2"),
            ("end", None),
        ):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            elif text.strip() == instruction:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            else:
                element = OxmlElement("w:t")
                element.text = text
            run._r.append(element)

    def rule(self, container, width_mm: float, column_mm: float, *, before: float = 0):
        """A solid rule `width_mm` long, centred in a column `column_mm` wide (the bottom border of an
        empty line, so the text above it is never squeezed)."""
        paragraph = container.add_paragraph()
        side = max((column_mm - width_mm) / 2, 0)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(0), 1.0
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{key}"), value)
        border.append(bottom)
        paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)
        paragraph.add_run("").font.size = Pt(RULE_POINTS)
        self.mark_size(paragraph, RULE_POINTS)
        return paragraph

    @staticmethod
    def mark_size(paragraph, points: float):
        """The size of the paragraph mark, which sets the height of an empty line."""
        ppr = paragraph._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), str(round(points * 2)))
        rpr.append(size)

    def dotted(self, paragraph, style_name: str):
        """Dots from here to the end of the line: the place for what is written by hand."""
        stop = Mm(self.layout.text_width_mm())
        paragraph.paragraph_format.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        self.run(paragraph, "\t", style_name)

    def dots(self, paragraph, style_name: str, after: str, width_mm: float):
        """Dots after the text `after` to fill a line `width_mm` long, as characters (LibreOffice draws no
        tab leader inside a table cell)."""
        style = self.layout.styles[style_name]
        free = width_mm - text_width_mm(after, style.size, style.bold)
        count = int(free / text_width_mm(".", style.size)) - 1
        self.run(paragraph, "." * max(count, 3), style_name)

    @staticmethod
    def box(cell):
        """A single border round one cell of a borderless table (the photo box of a form)."""
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            edge = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
                edge.set(qn(f"w:{key}"), value)
            borders.append(edge)
        cell._tc.get_or_add_tcPr().insert_element_before(
            borders,
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        )
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    def rule_under_text(self, container, text: str, style_name: str, column_mm: float):
        style = self.layout.styles[style_name]
        return self.rule(container, text_width_mm(text, style.size, style.bold), column_mm)

    # Tables

    def table(self, container, widths: tuple[float, ...], *, grid: bool):
        table = container.add_table(rows=0, cols=len(widths))
        if grid:
            table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        return table

    def row(self, table, widths: tuple[float, ...]):
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Mm(width)
        return cells

    @staticmethod
    def settle(cell):
        """Drop the empty paragraph a new cell starts with, once something else is in it."""
        paragraphs = cell.paragraphs
        if len(paragraphs) > 1 and not paragraphs[0].text and not paragraphs[0]._p.xpath(".//w:pBdr"):
            cell._tc.remove(paragraphs[0]._p)

    @staticmethod
    def keep_row(cells, *, header: bool = False):
        """A row never split over two pages; a header row repeated at the top of each page."""
        properties = cells[0]._tc.getparent().get_or_add_trPr()
        for flag in ("w:cantSplit", *(("w:tblHeader",) if header else ())):
            properties.append(OxmlElement(flag))

    def data_table(self, container, table: Table):
        grid = self.table(container, table.widths, grid=True)
        header = self.row(grid, table.widths)
        self.keep_row(header, header=True)
        for cell, title in zip(header, table.columns, strict=True):
            self.paragraph(cell, title, "table_header")
            self.settle(cell)
        bodies = [*table.rows, *([table.total] if table.total else [])]
        for index, values in enumerate(bodies):
            cells = self.row(grid, table.widths)
            self.keep_row(cells)
            is_total = table.total is not None and index == len(bodies) - 1
            for number, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = self.format(cell.add_paragraph(), "table")
                if number in table.numeric:
                    paragraph.alignment = ALIGN["right"]
                self.run(paragraph, value, "table", bold=True if is_total else None)
                self.settle(cell)
        return grid

    def blocks(self, blocks):
        for block in blocks:
            if isinstance(block, Heading):
                self.paragraph(self.document, block.text, "heading", indent=True, before=6, spacing=1.15)
            elif isinstance(block, Paragraph):
                self.paragraph(self.document, block.text, "body", indent=True, before=6, spacing=1.15)
            elif isinstance(block, Centred):
                self.paragraph(self.document, block.text, "centred", before=6)
            elif isinstance(block, Article):
                paragraph = self.paragraph(self.document, "", "body", indent=True, before=6, spacing=1.15)
                self.run(paragraph, f"{block.label} ", "body", bold=True)
                self.run(paragraph, block.text, "body")
            elif isinstance(block, Note):
                self.paragraph(self.document, block.text, "note")
            elif isinstance(block, Table):
                self.paragraph(self.document, "", "body", before=3)
                self.data_table(self.document, block)
                self.paragraph(self.document, "", "body")

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _letterhead(writer: Writer, doc: OfficialDocument):
    layout = writer.layout
    widths = layout.header_columns_mm
    table = writer.table(writer.document, widths, grid=False)
    left, right = writer.row(table, widths)
    if doc.superior:
        writer.paragraph(left, doc.superior.upper(), "superior")
    writer.paragraph(left, doc.issuer.upper(), "issuer")
    if layout.star:
        writer.paragraph(left, "*", "star")
    else:
        writer.rule(left, widths[0] / 3, widths[0] - CELL_PADDING_MM, before=1)
    for text, style_name, ruled in layout.national:
        writer.paragraph(right, text, style_name)
        if ruled:
            writer.rule_under_text(right, text, style_name, widths[1] - CELL_PADDING_MM)
    number_cell, date_cell = writer.row(table, widths)
    writer.paragraph(number_cell, doc.number, "number", before=6 if layout.star else 3)
    writer.paragraph(date_cell, doc.place_date, "place_date", before=6 if layout.star else 3)
    for cell in (left, right, number_cell, date_cell):
        writer.settle(cell)


def _signature(writer: Writer, doc: OfficialDocument):
    widths = writer.layout.signature_columns_mm
    table = writer.table(writer.document, widths, grid=False)
    left, right = writer.row(table, widths)
    writer.paragraph(left, "Nơi nhận:", "recipients_title")
    for line in doc.recipients:
        writer.paragraph(left, line, "recipients")
    signature = doc.signature
    for line in signature.authority.splitlines():
        writer.paragraph(right, line.upper(), "authority")
    writer.paragraph(right, signature.position.upper(), "position")
    for _line in range(writer.layout.signature_space_lines):
        writer.paragraph(right, "", "signer")
    writer.paragraph(right, signature.name, "signer")
    for cell in (left, right):
        writer.settle(cell)


def _annex(writer: Writer, annex: Annex):
    writer.document.add_page_break()
    writer.paragraph(writer.document, annex.title, "annex_title")
    writer.paragraph(writer.document, annex.note, "annex_note", after=6)
    writer.blocks(annex.blocks)


def official_docx(doc: OfficialDocument) -> bytes:
    """The document laid out by its profile, as DOCX bytes."""
    writer = Writer(doc.layout)
    if doc.draft:
        first = writer.document.sections[0].first_page_header.paragraphs[0]
        writer.format(first, "draft")
        first.alignment = ALIGN["right"]
        writer.run(first, "DỰ THẢO", "draft")
    _letterhead(writer, doc)
    writer.paragraph(writer.document, doc.doc_type.upper(), "doc_type", before=18)
    writer.paragraph(writer.document, doc.summary, "summary", before=2)
    writer.rule(writer.document, 30, writer.layout.text_width_mm(), before=4)
    writer.paragraph(writer.document, "", "body", after=6)
    writer.blocks(doc.blocks)
    writer.paragraph(writer.document, "", "body", after=6)
    _signature(writer, doc)
    for annex in doc.annexes:
        _annex(writer, annex)
    core = writer.document.core_properties
    core.title, core.author = doc.title or doc.summary, doc.issuer
    return writer.bytes()
