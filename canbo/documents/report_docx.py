"""A table of the reports layer (`canbo.core.report.Report`) as a DOCX to print or edit in Word, in the
`REPORT_TABLE` layout: the list's title, a line saying as of when, how many rows and whose scope,
then the table with exactly the columns of the page and a row number (unless it has its own), and a
last line saying who took it from canbo and when. Links become their text."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.report import Kind, Report, cell_text
from canbo.documents.content import Table
from canbo.documents.docx import CELL_PADDING_MM, Writer
from canbo.documents.layouts import REPORT_TABLE
from canbo.documents.text import amount, text_width_mm

WIDEST_WORD_MM = 45  # a longer word (a code, a number) may break
# A report's own row number (the eligible list's rank): no second one is added.
NUMBERED = ("tt", "stt")
GROUPED = (Kind.NUMBER, Kind.MONEY)  # a year or a sequence number (SERIAL) is printed as it is


def _shown(column, value) -> str:
    if column.kind in GROUPED and isinstance(value, int):
        return amount(value)
    return cell_text(value)


def _widths(header: list[str], rows: list[list[str]], total_mm: float) -> tuple[float, ...]:
    """Each column at least as wide as its longest word (header or cell), then the rest of the line
    shared out by how long its texts are (a long text counts as 40 letters)."""
    header_style, cell_style = REPORT_TABLE.styles["table_header"], REPORT_TABLE.styles["table"]

    def word_mm(text: str, style) -> float:
        longest = max(text.split() or [""], key=len)
        return text_width_mm(longest, style.size, style.bold)

    least = [
        min(WIDEST_WORD_MM, CELL_PADDING_MM + max(word_mm(title, header_style),
                                                  *(word_mm(row[n], cell_style) for row in rows)))
        for n, title in enumerate(header)
    ]
    weights = [max(min(len(title), 20), *(min(len(row[n]), 40) for row in rows), 4)
               for n, title in enumerate(header)]
    room = total_mm - sum(least)
    if room < 0:
        return tuple(width * total_mm / sum(least) for width in least)
    return tuple(width + room * weight / sum(weights) for width, weight in zip(least, weights, strict=True))


def report_docx(report: Report, *, as_of: dt.date, scope: str, taken_by: str) -> bytes:
    columns = report.columns
    numbered = any(column.key in NUMBERED for column in columns)
    header = [column.label for column in columns]
    rows = [[_shown(c, row.get(c.key)) for c in columns] for row in report.rows]
    total = [_shown(c, report.totals.get(c.key)) for c in columns] if report.totals else None
    numeric = {n for n, column in enumerate(columns) if column.numeric}
    if not numbered:
        header = [_("TT"), *header]
        rows = [[str(n), *row] for n, row in enumerate(rows, start=1)]
        total = ["", *total] if total else None
        numeric = {0, *(n + 1 for n in numeric)}
    writer = Writer(REPORT_TABLE)
    document = writer.document
    writer.paragraph(document, str(report.title).upper(), "title", after=3)
    line = _("Dữ liệu tại ngày %(day)s · %(n)s dòng · phạm vi: %(scope)s") % {
        "day": as_of.strftime("%d/%m/%Y"), "n": amount(len(rows)), "scope": scope}
    writer.paragraph(document, line, "subtitle", after=6)
    widths = _widths(header, rows, REPORT_TABLE.text_width_mm())
    table = Table(columns=tuple(header), rows=tuple(map(tuple, rows)), widths=widths,
                  numeric=frozenset(numeric), total=tuple(total) if total else None)
    writer.data_table(document, table)
    taken = timezone.localtime().strftime("%H:%M %d/%m/%Y")
    writer.paragraph(document, _("Xuất từ canbo lúc %(when)s, người xuất: %(who)s.") % {
        "when": taken, "who": taken_by}, "note", before=6)
    return writer.bytes()
