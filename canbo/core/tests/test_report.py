"""The reports layer on its own: sorting, the request's parameters and the XLSX cells."""

import datetime as dt
import io

import openpyxl
from django.test import RequestFactory

from canbo.core.report import (
    Column,
    Kind,
    Link,
    Ordering,
    Report,
    ReportPage,
    arranged,
    requested_ordering,
    requested_page,
    sort_rows,
)
from canbo.core.xlsx import report_xlsx

COLUMNS = [
    Column("ma", "Mã"),
    Column("ho_ten", "Họ và tên", Kind.CADRE),
    Column("ngay_sinh", "Ngày sinh", Kind.DATE),
    Column("so", "Số", Kind.NUMBER),
    Column("don_vi", "Đơn vị", Kind.LIST),
    Column("ghi_chu", "Ghi chú", sortable=False),
]
ROWS = [
    {"ma": "A2", "ho_ten": Link("Trần Văn Bình", "/b/"), "ngay_sinh": dt.date(1980, 5, 1), "so": 10,
     "don_vi": [Link("Sở Nội vụ", "/snv/")]},
    {"ma": "A1", "ho_ten": Link("Nguyễn Thị Ánh", "/a/"), "ngay_sinh": None, "so": 2, "don_vi": []},
    {"ma": "A3", "ho_ten": Link("Lê Anh", "/c/"), "ngay_sinh": dt.date(1975, 1, 1), "so": 7,
     "don_vi": [Link("Huyện ủy", "/hu/"), "Ban Tổ chức"]},
]


def _codes(rows):
    return [row["ma"] for row in rows]


def test_each_column_sorts_with_empty_cells_last():
    by = {column.key: column for column in COLUMNS}
    assert _codes(sort_rows(ROWS, by["ma"], False)) == ["A1", "A2", "A3"]
    # Names by the given name first: Anh, Ánh, Bình.
    assert _codes(sort_rows(ROWS, by["ho_ten"], False)) == ["A3", "A1", "A2"]
    assert _codes(sort_rows(ROWS, by["ngay_sinh"], False)) == ["A3", "A2", "A1"]
    assert _codes(sort_rows(ROWS, by["ngay_sinh"], True)) == ["A2", "A3", "A1"]
    assert _codes(sort_rows(ROWS, by["so"], False)) == ["A1", "A3", "A2"]  # 2 < 7 < 10, as numbers
    assert _codes(sort_rows(ROWS, by["don_vi"], False)) == ["A3", "A2", "A1"]


def test_the_request_names_the_sort_and_the_page():
    factory = RequestFactory()
    assert requested_ordering(factory.get("/", {"sap_xep": "-so"}), COLUMNS) == Ordering("so", True)
    assert requested_ordering(factory.get("/", {"sap_xep": "ghi_chu"}), COLUMNS) == Ordering()
    assert requested_ordering(factory.get("/", {"sap_xep": "khong_co"}), COLUMNS) == Ordering()
    assert requested_page(factory.get("/", {"trang": "3"})) == 3
    assert requested_page(factory.get("/", {"trang": "x"})) == 1


def test_headers_say_the_sort_and_offer_the_other_direction():
    report = arranged(Report("T", COLUMNS, list(ROWS), "Trống"), Ordering("so"))
    headers = {h["column"].key: h for h in ReportPage(report).headers}
    assert headers["so"]["state"] == "ascending" and headers["so"]["next_sort"] == "-so"
    assert headers["ma"]["state"] is None and headers["ma"]["next_sort"] == "ma"


def test_xlsx_writes_text_as_strings_numbers_as_numbers_and_dates_as_dates():
    rows = [{"ma": "=1+1", "ho_ten": Link('=HYPERLINK("http://x")', "/x/"), "ngay_sinh": dt.date(1980, 5, 1),
             "so": 10, "don_vi": ["http://example.org", Link("@SUM(A1)", "/u/")], "ghi_chu": "+1"}]
    response = report_xlsx(Report("Danh sách", COLUMNS, rows, "Trống"), filename="x")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[3]]
    assert header == [column.label for column in COLUMNS]
    cells = sheet[4]
    assert [cell.data_type for cell in cells] == ["s", "s", "d", "n", "s", "s"]
    assert cells[0].value == "=1+1" and cells[1].value == '=HYPERLINK("http://x")'
    assert cells[2].value.date() == dt.date(1980, 5, 1) and cells[2].number_format == "dd/mm/yyyy"
    assert cells[3].value == 10
    assert cells[4].value == "http://example.org; @SUM(A1)" and cells[4].hyperlink is None
    assert cells[5].value == "+1"


def test_a_count_links_to_its_people_unless_it_counts_no_one():
    from django.template import Context

    from canbo.core.templatetags.canbo import report_rows

    rows = [{"so": Link(3, "/ba/")}, {"so": Link(0, "/khong/")}]
    report = Report("T", [Column("so", "Số", Kind.NUMBER)], rows, "Trống")
    page = ReportPage(arranged(report, Ordering()))
    html = report_rows(Context({}), page)
    assert '<a href="/ba/">3</a>' in html and "/khong/" not in html and '<td class="num">0</td>' in html


def test_counts_are_grouped_in_the_readers_language_years_and_sequence_numbers_are_not():
    from django.template import Context
    from django.utils import translation

    from canbo.core.templatetags.canbo import report_rows
    from canbo.documents.report_docx import _shown

    columns = [Column("so", "Số", Kind.NUMBER), Column("nam", "Năm", Kind.SERIAL)]
    rows = [{"so": Link(4688, "/ds/"), "nam": 2026}, {"so": 12345, "nam": 2027}]
    report = Report("T", columns, rows, "Trống")
    page = ReportPage(arranged(report, Ordering()))
    with translation.override("vi"):
        html = report_rows(Context({}), page)
    assert '<a href="/ds/">4.688</a>' in html and '<td class="num">12.345</td>' in html
    assert '<td class="num">2026</td>' in html and "2.026" not in html
    with translation.override("en"):
        assert '<a href="/ds/">4,688</a>' in report_rows(Context({}), page)
    assert _shown(columns[1], 2026) == "2026" and _shown(columns[0], 12345) == "12.345"
    assert [r["nam"] for r in sort_rows([{"nam": 2027}, {"nam": 2026}], columns[1], False)] == [2026, 2027]
