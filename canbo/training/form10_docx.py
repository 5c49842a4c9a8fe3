"""Biểu số 10-BTCTW as a DOCX to print, sign and send (and, made from it, a PDF), in the form's layout
(`canbo.documents.layouts.FORM_10`, `canbo.training.form10_form`): the reporting committee and the
form's number, the title with the year and the unit of count, the table with its two header rows and
the row of column numbers repeated on every page, the rows of the form (headings bold, each level
indented), then the place and date to fill in and the two signatures."""

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Mm

from canbo.documents.docx import ALIGN, Writer
from canbo.documents.layouts import FORM_10
from canbo.documents.text import amount
from canbo.training import form10_form as form
from canbo.training.form10 import Row

# Shares of the line's width: TT, the programme, then the nine figures.
SHARES = (7, 48, 15, 11, 16, 11, 16, 11, 15, 12, 12)
INDENT_MM = 4  # a level of the form's rows


def _header(writer: Writer, grid, widths) -> None:
    rows = [writer.row(grid, widths) for _ in range(2)]
    for first, last, first_row, last_row, label in form.HEADER:
        cell = rows[first_row][first]
        if (first, first_row) != (last, last_row):
            cell = cell.merge(rows[last_row][last])
        writer.paragraph(cell, str(label), "table_header")
        writer.settle(cell)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    numbers = writer.row(grid, widths)
    for cell, label in zip(numbers, form.NUMBERS, strict=True):
        writer.paragraph(cell, label, "table_number")
        writer.settle(cell)
    for cells in (*rows, numbers):
        writer.keep_row(cells, header=True)


def _line(writer: Writer, grid, widths, row: Row) -> None:
    cells = writer.row(grid, widths)
    writer.keep_row(cells)
    bold = form.emphasised(row)
    values = [form.row_number(row), form.row_label(row), *(amount(value) for value in form.figures(row))]
    for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
        paragraph = writer.format(cell.add_paragraph(), "table")
        if column == 0:
            paragraph.alignment = ALIGN["center"]
        elif column == 1:
            paragraph.paragraph_format.left_indent = Mm(INDENT_MM * row.depth)
        else:
            paragraph.alignment = ALIGN["right"]
        writer.run(paragraph, value, "table", bold=bold)
        writer.settle(cell)


def _signatures(writer: Writer) -> None:
    """The place and date to fill in above the head's signature, the one who drew the form up beside."""
    widths = FORM_10.signature_columns_mm
    left, right = cells = writer.row(writer.table(writer.document, widths, grid=False), widths)
    writer.keep_row(cells)  # the date and both signatures on one page
    writer.paragraph(left, "", "place_date")
    writer.paragraph(right, str(form.PLACE_DATE), "place_date")
    for cell, (title, note) in zip(cells, form.SIGNATURES, strict=True):
        writer.paragraph(cell, str(title), "signature_title")
        writer.paragraph(cell, str(note), "signature_note")
        for _line in range(FORM_10.signature_space_lines):  # room to sign and write the name
            writer.paragraph(cell, "", "signature_note")
        writer.settle(cell)


def form10_docx(rows: list[Row], *, year: int, reporter: str) -> bytes:
    writer = Writer(FORM_10)
    document = writer.document
    widths = FORM_10.header_columns_mm
    top = writer.row(writer.table(document, widths, grid=False), widths)
    writer.paragraph(top[0], reporter.upper(), "reporter")
    writer.paragraph(top[1], str(form.FORM_CODE), "form_code")
    for cell in top:
        writer.settle(cell)
    writer.paragraph(document, str(form.TITLE) % {"year": year}, "title", before=12)
    writer.paragraph(document, str(form.UNIT_OF_COUNT), "unit", after=6)
    line = FORM_10.text_width_mm()
    widths = tuple(line * share / sum(SHARES) for share in SHARES)
    grid = writer.table(document, widths, grid=True)
    _header(writer, grid, widths)
    for row in rows:
        _line(writer, grid, widths, row)
    writer.paragraph(document, "", "table", after=6)
    _signatures(writer)
    return writer.bytes()
