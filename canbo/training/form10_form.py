"""What Biểu số 10-BTCTW prints, whatever the file (XLSX, DOCX): the form's number, its title and unit of
count, the two header rows (each cell with the columns and rows it spans), the row of column numbers,
how a row of the form is numbered, labelled and emphasised, and the two signatures."""

from django.utils.translation import gettext_lazy as _

from canbo.training.form10 import Row

FORM_CODE = _("Biểu số 10-BTCTW")
TITLE = _("THỐNG KÊ KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM %(year)s")
UNIT_OF_COUNT = _("(Đơn vị tính: người)")
COLUMNS = 11
# (first column, last column, first header row, last header row, label), columns from 0.
HEADER = (
    (0, 0, 0, 1, _("TT")),
    (1, 1, 0, 1, _("Chương trình")),
    (2, 2, 0, 1, _("Tổng số")),
    (3, 4, 0, 0, _("Cấp tỉnh")),
    (3, 3, 1, 1, _("Tổng số")),
    (4, 4, 1, 1, _("Trong đó: lãnh đạo, quản lý")),
    (5, 6, 0, 0, _("Cấp huyện")),
    (5, 5, 1, 1, _("Tổng số")),
    (6, 6, 1, 1, _("Trong đó: lãnh đạo, quản lý")),
    (7, 7, 0, 1, _("Cấp xã")),
    (8, 10, 0, 0, _("Số lớp đã mở")),
    (8, 8, 1, 1, _("Tổng số")),
    (9, 9, 1, 1, _("Tỉnh ủy mở")),
    (10, 10, 1, 1, _("Huyện ủy mở")),
)
NUMBERS = ("1", "2", "3 = 4 + 6 + 8", "4", "5", "6", "7", "8", "9 = 10 + 11", "10", "11")
PLACE_DATE = _("……, ngày …… tháng …… năm ……")
# (title, note) of the one who drew the form up, then of the head who signs it.
SIGNATURES = ((_("NGƯỜI LẬP BIỂU"), _("(Ký, ghi rõ họ tên)")), (_("TRƯỞNG BAN"), _("(Ký tên, đóng dấu)")))


def row_number(row: Row) -> str:
    """The row's number in the TT column: blank for a "-" line."""
    return "" if row.number == "-" else row.number


def row_label(row: Row) -> str:
    """The row's programme, a "-" line starting with its dash."""
    return f"- {row.label}" if row.number == "-" else row.label


def emphasised(row: Row) -> bool:
    """Whether the row is a heading of the form (I, II and their numbered groups), printed bold."""
    return row.depth < 2 and row.number != "-"


def figures(row: Row) -> list[int]:
    """The row's figures, columns 3 to 11."""
    return [row.value(column) for column in range(3, COLUMNS + 1)]
