"""The optional dates and successor of units in the `don_vi` sheet: read, checked, written back."""

import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.exchange.export import workbook_export
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.test_roundtrip import _cells
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.org.models import Unit

pytestmark = pytest.mark.django_db


def _with_units(*extra_rows, closed=("TUDL", "30/06/2025", "TU")):
    sheets = valid_sheets()
    units = []
    for row in sheets["don_vi"]:
        row = row + [None, None, None]
        if row[0] == closed[0]:
            row[7], row[8] = closed[1], closed[2]
        units.append(row)
    sheets["don_vi"] = units + [list(row) for row in extra_rows]
    return sheets


def test_unit_dates_and_successor_load_and_round_trip(tmp_path):
    sheets = _with_units(["DUDL", "Đảng ủy Đà Lạt", "huyen", "dang", "TU", 672, "01/07/2025", None, None])
    assert workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "a.xlsx", sheets)).ok
    closed, opened = Unit.objects.get(code="TUDL"), Unit.objects.get(code="DUDL")
    assert closed.valid_to == dt.date(2025, 6, 30) and closed.successor == Unit.objects.get(code="TU")
    assert opened.valid_from == dt.date(2025, 7, 1) and opened.valid_to is None
    assert set(Unit.objects.in_force(dt.date(2025, 6, 30)).values_list("code", flat=True)) == {
        "TU",
        "BTC",
        "TUDL",
    }
    assert set(Unit.objects.in_force(dt.date(2025, 7, 1)).values_list("code", flat=True)) == {
        "TU",
        "BTC",
        "DUDL",
    }
    first = tmp_path / "xuat.xlsx"
    workbook_export(path=first)
    assert workbook_import(actor=system_actor(), path=first, replace=True).ok
    second = tmp_path / "xuat2.xlsx"
    workbook_export(path=second)
    assert _cells(second) == _cells(first)
    closed_row = next(row for row in _cells(first)["don_vi"] if row[0] == "TUDL")
    assert closed_row[-1] == "TU" and closed_row[-2] and not closed_row[-3]


def test_unit_dates_and_successors_are_checked(tmp_path):
    sheets = _with_units(
        ["A1", "Một", "huyen", "dang", "TU", 672, "01/07/2025", "01/01/2025", None],
        ["A2", "Hai", "huyen", "dang", "TU", 672, None, None, "TU"],
        ["A3", "Ba", "huyen", "dang", "TU", 672, None, "01/01/2025", "A3"],
        ["A4", "Bốn", "huyen", "dang", "TU", 672, None, "01/01/2025", "KHONG-CO"],
    )
    result = workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "b.xlsx", sheets))
    assert not result.ok and not Unit.objects.exists()
    found = {(e.row, e.column): e.message for e in result.errors}
    assert "Ngày kết thúc trước ngày bắt đầu" in found[5, "den_ngay"]
    assert "đơn vị đã giải thể" in found[6, "ma_don_vi_ke_thua"]
    assert "chính nó" in found[7, "ma_don_vi_ke_thua"]
    assert (8, "ma_don_vi_ke_thua") in found
