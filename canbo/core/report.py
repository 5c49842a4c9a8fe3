"""A report is a table: typed columns with labels, and rows as dicts keyed by column.

A function of canbo builds a `Report`; `includes/report_table.html` renders any report (sort links
with aria-sort, links to the people and units behind each row, the empty state, pagination and
a link to the XLSX export of the same table) and `canbo.core.xlsx.report_xlsx` writes the same
columns to a workbook. Views parse the request, call the function and render or export.

Cell values: text, numbers, dates, `Link`s (a cadre or a unit), or lists of those (several
posts held at once). Rows sort by any sortable column (`?sap_xep=key`, `?sap_xep=-key`) and are
split into pages (`?trang=`). A list too long to build whole (the cadres of the province, the
change log) sorts and pages in the database (`DatabaseOrder`, `database_rows`) and builds only
the rows of the page it shows, or of every page for its export.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse

from canbo.core.names import name_sort_key, text_sort_key

PAGE_SIZE = 50
SORT_PARAMETER = "sap_xep"
PAGE_PARAMETER = "trang"


class Kind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # a count: 4.688 on the page
    SERIAL = "serial"  # a year or a sequence number: right-aligned and sorted as a number, never grouped
    MONEY = "money"  # whole đồng: 1.234.567 đ on the page, a number in the workbook
    DATE = "date"
    CADRE = "cadre"  # a person's name, a link to their record
    UNIT = "unit"  # a unit's name, a link to its page
    LIST = "list"  # several values in one cell (texts or links)


# Right-aligned on the page and in print, kept as numbers in the workbook; with dates, sorted by value.
NUMERIC = frozenset({Kind.NUMBER, Kind.SERIAL, Kind.MONEY})
BY_VALUE = NUMERIC | {Kind.DATE}


@dataclass(frozen=True)
class Link:
    text: str | int  # a name, or a count that opens its people
    url: str

    def __str__(self) -> str:
        return str(self.text)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    sortable: bool = True

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC

    def sort_value(self, row: dict) -> tuple:
        """Empty cells last whichever the direction; names the Vietnamese way, given name first."""
        value = row.get(self.key)
        if value in (None, "", []):
            return (1,)
        if self.kind in BY_VALUE:
            return (0, value.text if isinstance(value, Link) else value)  # a count may open its people
        text = cell_text(value)
        key = name_sort_key(text) if self.kind == Kind.CADRE else text_sort_key(text)
        return (0, key, text.casefold())


@dataclass(frozen=True)
class Ordering:
    key: str | None = None
    descending: bool = False

    @property
    def parameter(self) -> str:
        return f"-{self.key}" if self.descending else (self.key or "")


@dataclass
class Report:
    """`rows`: every row in the report's own order, or only the current page's when `total`
    says there are more (a list too long to build whole; its function sorts and pages it)."""

    title: str
    columns: list[Column]
    rows: list[dict]
    empty_message: str
    empty_hint: str = ""
    total: int | None = None
    ordering: Ordering = field(default_factory=Ordering)
    page_number: int = 1
    action_label: str = ""  # each row's "_action" URL, shown as a last cell of the page only
    totals: dict | None = None  # a last row of sums by column key, last whatever the sort

    @property
    def count(self) -> int:
        return len(self.rows) if self.total is None else self.total

    def column(self, key: str | None) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def url_maker(name: str):
    """The URL of a page named by one code, for many codes without resolving each."""
    prefix, _slot, suffix = reverse(name, args=["0"]).rpartition("0")
    return lambda code: f"{prefix}{quote(code, safe='')}{suffix}"


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell_text(item) for item in value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def requested_ordering(request, columns: list[Column]) -> Ordering:
    """The sort the request names, if a sortable column; otherwise the report's own order."""
    requested = request.GET.get(SORT_PARAMETER, "")
    key = requested.lstrip("-")
    if not any(c.key == key and c.sortable for c in columns):
        return Ordering()
    return Ordering(key, requested.startswith("-"))


def requested_page(request) -> int:
    """The page the request asks for, at least 1 (anything not a whole number asks for the first);
    a number past the end is brought back to the last page where the page is cut."""
    try:
        return max(1, int(request.GET.get(PAGE_PARAMETER, 1)))
    except ValueError:
        return 1


@dataclass(frozen=True)
class DatabaseOrder:
    """How a list sorted by the database orders: the model fields behind each sortable column,
    and its own order when no column is asked for. Ties fall back to the primary key."""

    fields: dict[str, tuple[str, ...]]
    default: tuple[str, ...]

    def sortable(self, key: str) -> bool:
        return key in self.fields

    def order_by(self, ordering: Ordering) -> list[str]:
        if ordering.key not in self.fields:
            return [*self.default, "pk"]
        sign = "-" if ordering.descending else ""
        return [f"{sign}{name}" for name in self.fields[ordering.key]] + [f"{sign}pk"]


def database_rows(report: Report, queryset, page: int | None, build: Callable[[list], list[dict]],
                  count: Callable[[object], int] | None = None) -> Report:
    """`report` filled from an ordered queryset: the rows of page `page` (kept in range) with the
    total (`count(queryset)` when given), or with `page=None` every row (an export); `build` turns the
    objects read into rows."""
    if page is None:
        report.rows = build(list(queryset.iterator(chunk_size=2000)))
        return report
    report.total = queryset.count() if count is None else count(queryset)
    last = max(1, -(-report.total // PAGE_SIZE))
    report.page_number = min(max(1, page), last)
    start = (report.page_number - 1) * PAGE_SIZE
    report.rows = build(list(queryset[start:start + PAGE_SIZE])) if report.total else []
    return report


def sort_rows(rows: list, column: Column, descending: bool, row_of=lambda row: row) -> list:
    """Rows ordered by one column (stable, so ties keep the report's own order); empty cells last."""
    filled = [r for r in rows if column.sort_value(row_of(r)) != (1,)]
    empty = [r for r in rows if column.sort_value(row_of(r)) == (1,)]
    return sorted(filled, key=lambda r: column.sort_value(row_of(r)), reverse=descending) + empty


def arranged(report: Report, ordering: Ordering, page_number: int = 1) -> Report:
    """The report with every row sorted as asked; pages are cut when rendering."""
    column = report.column(ordering.key)
    if column is not None and column.sortable and report.total is None:
        report.rows = sort_rows(report.rows, column, ordering.descending)
        report.ordering = ordering
    report.page_number = page_number
    return report


def printable(count: int) -> bool:
    """Whether a list of `count` rows is offered as DOCX and PDF (longer ones as XLSX only)."""
    return 0 < count <= settings.CANBO_PRINTED_ROWS


class ReportPage:
    """What `includes/report_table.html` reads: headers with their sort state, the page's rows;
    `printed`: whether the page answers DOCX and PDF downloads too (`canbo.documents.downloads`)."""

    def __init__(self, report: Report, per_page: int | None = None, *, printed: bool = True):
        self.report = report
        self.printable = printed and printable(report.count)
        per_page = per_page or PAGE_SIZE
        if report.total is None:
            self.page = Paginator(report.rows, per_page).get_page(report.page_number)
            self.rows = list(self.page.object_list)
        else:
            self.page = Paginator(range(report.total), per_page).get_page(report.page_number)
            self.rows = report.rows

    @property
    def headers(self) -> list[dict]:
        headers = []
        current = self.report.ordering
        for column in self.report.columns:
            state = None
            if column.key == current.key:
                state = "descending" if current.descending else "ascending"
            next_sort = f"-{column.key}" if state == "ascending" else column.key
            headers.append({"column": column, "state": state, "next_sort": next_sort})
        return headers

    @property
    def total_cells(self) -> list[tuple]:
        totals = self.report.totals
        return [(column, totals.get(column.key)) for column in self.report.columns] if totals else []
