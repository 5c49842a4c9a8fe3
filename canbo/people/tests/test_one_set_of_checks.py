"""A row typed in a record form and the same row in a workbook are judged by the same checks: the same
bad values give the same messages on the same columns."""

import pytest

from canbo.accounts.system import system_actor
from canbo.exchange.reader import workbook_read
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.exchange.validate import workbook_validate
from canbo.people.record_forms import RowForm
from canbo.people.record_kinds import CADRE, KIND_BY_SLUG

pytestmark = pytest.mark.django_db

BAD_ROWS = {
    "cong_tac": ("cong-tac", ["CB001", "TUDL", "BT", "01/10/2015", "30/09/2015"]),
    "trinh_do": ("trinh-do", ["CB001", "llct", "dai_hoc", "2019-06-01", "tai_chuc", "gioi", None, "99999",
                              None]),
    "quy_hoach": ("quy-hoach", ["CB001", "BT", None, "2025-2020", "2018-03-01"]),
    "ky_luat": ("ky-luat", ["CB001", None, "2016-05-01", "2016-04-01"]),
    "danh_gia": ("danh-gia", ["CB001", "3000", "gioi", "2"]),
    "luan_chuyen": ("luan-chuyen", ["CB001", "dieu_dong", "TUDL", "BTC", "TP", "01/01/2017", "31/12/2016",
                                    "x" * 61]),
    "noi_o": ("noi-o", ["CB001", "tam_tru", "Thôn 3", "31/02/2001", None]),
    "khen_thuong": ("khen-thuong", ["CB001", "Bằng khen", None, None, "1850-01-01", None]),
    "luong": ("luong", ["CB001", "01.003", "13", "99,5", "2016-07-01"]),
    "gia_dinh": ("gia_dinh", ["CB001", "ong", "Nguyễn Văn 2", "1800", None, None]),
    "can_bo": ("can-bo", ["CB 9", "Trần 3", "2090", "x", None, None, None, "1", "01/02/1999", "can_bo", None,
                          None, "12345", None, None, "01/01/1990"]),
}


@pytest.fixture
def province(tmp_path):
    """The tiny province of the exchange tests, in the database, so that the form finds its catalogues."""
    workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "tinh.xlsx", valid_sheets()))


def _import_findings(tmp_path, sheet: str, row: list) -> set[tuple[str, str]]:
    sheets = valid_sheets()
    sheets[sheet] = [*sheets[sheet], row]
    book = workbook_read(write_workbook(tmp_path / "sai.xlsx", sheets))
    number = len(sheets[sheet]) + 1
    findings = book.errors + workbook_validate(book)
    return {(f.column, f.message) for f in findings if f.sheet == sheet and f.row == number}


def _form_errors(sheet: str, slug: str, row: list) -> set[tuple[str, str]]:
    kind = CADRE if sheet == "can_bo" else KIND_BY_SLUG[slug.replace("_", "-")]
    typed = {key: "" if value is None else str(value)
             for key, value in zip(kind.sheet.keys, row, strict=True)}
    form = RowForm(kind, data=typed)
    assert not form.is_valid()
    return {(key, str(message)) for key, messages in form.errors.items() for message in messages}


@pytest.mark.parametrize("sheet", list(BAD_ROWS))
def test_the_form_refuses_a_bad_row_as_the_import_does(sheet, province, tmp_path):
    slug, row = BAD_ROWS[sheet]
    from_import = _import_findings(tmp_path, sheet, row)
    # The import names a missing code against its own sheets, the form against the catalogues in the
    # database; every other check is the same one.
    from_import = {(column, message) for column, message in from_import if "Không có mã này" not in message}
    from_form = {(key, message) for key, message in _form_errors(sheet, slug, row)
                 if "Không có mã" not in message}
    assert from_import, "the row must be bad for the import"
    assert from_form == from_import
