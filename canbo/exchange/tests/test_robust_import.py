"""The import answers any file and any value with errors naming sheet, row, column and value, never a
traceback; `--dry-run` runs every check the import runs; all or nothing stays true."""

import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.org.models import Locality, Unit
from canbo.people.models import Cadre, Evaluation

pytestmark = pytest.mark.django_db


def _nothing_written():
    return not Locality.objects.exists() and not Unit.objects.exists() and not Cadre.objects.exists()


def _unreadable(tmp_path):
    text = tmp_path / "van-ban.xlsx"
    text.write_text("Danh sách cán bộ\nNguyễn Văn An\n", encoding="utf-8")
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    whole = write_workbook(tmp_path / "day-du.xlsx", valid_sheets())
    data = open(whole, "rb").read()
    truncated = tmp_path / "cat-ngang.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    not_a_book = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(not_a_book, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải bảng tính")
    broken_sheet = tmp_path / "trang-hong.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken_sheet, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet5.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    return {
        "text": text, "empty": empty, "truncated": truncated, "not_a_book": not_a_book,
        "broken_sheet": broken_sheet, "missing": tmp_path / "khong-co.xlsx", "folder": tmp_path,
    }


@pytest.mark.parametrize("kind", ["text", "empty", "truncated", "not_a_book", "broken_sheet", "missing",
                                  "folder"])
@pytest.mark.parametrize("dry_run", [True, False])
def test_an_unreadable_file_is_one_clear_error(tmp_path, kind, dry_run):
    path = _unreadable(tmp_path)[kind]
    result = workbook_import(actor=system_actor(), path=path, dry_run=dry_run)
    assert not result.ok and not result.written
    assert len(result.errors) == 1
    error = result.errors[0]
    assert path.name in error.value and error.message
    assert _nothing_written()


def test_the_command_names_an_unreadable_file(tmp_path, capsys):
    files = _unreadable(tmp_path)
    with pytest.raises(CommandError):
        call_command("import", str(files["missing"]))
    assert "Không có tệp" in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("import", str(files["text"]), "--dry-run")
    assert "không đọc được" in capsys.readouterr().err


# (sheet, index of the row in valid_sheets, column key, value typed, value shown in the error)
IMPLAUSIBLE = [
    ("danh_gia", 0, "nam", "2020²", "2020²"),
    ("danh_gia", 0, "nam", 1e19, "10000000000000000000"),
    ("danh_gia", 0, "nam", "12345678901234567890", "12345678901234567890"),
    ("danh_gia", 0, "nam", "9" * 5000, "9" * 5000),
    ("danh_gia", 0, "nam", 3000, "3000"),
    ("danh_gia", 0, "nam", 1900, "1900"),
    ("can_bo", 0, "ngay_sinh", "0001", "0001"),
    ("can_bo", 0, "ngay_sinh", "2090", "2090"),
    ("can_bo", 0, "ngay_sinh", "9999-12-31", "31/12/9999"),
    ("can_bo", 0, "ngay_sinh", "1920-05", "05/1920"),
    ("can_bo", 0, "ho_ten", 12345, "12345"),
    ("can_bo", 0, "ho_ten", "Nguyễn Văn 2", "Nguyễn Văn 2"),
    ("can_bo", 0, "ho_ten", "...", "..."),
    ("don_vi", 0, "ten", "2017", "2017"),
    ("quy_hoach", 0, "nhiem_ky", "0001-9999", "0001-9999"),
    ("quy_hoach", 0, "nhiem_ky", "2020-2090", "2020-2090"),
    ("cong_tac", 0, "tu_ngay", "1899-12-31", "31/12/1899"),
    ("cong_tac", 0, "den_ngay", "2090-01-01", "01/01/2090"),
    ("can_bo", 0, "ngay_vao_dang", "0001-01-01", "01/01/0001"),
    ("ky_luat", 0, "hieu_luc_den", "31/12/9999", "31/12/9999"),
    ("vi_tri", 0, "so_luong", 100000000000000000000.0, "100000000000000000000"),
    ("trinh_do", 1, "so_tiet_trung_llct", 99999, "99999"),
    ("can_bo", 0, "ma", "CB/1", "CB/1"),
    ("don_vi", 2, "ma", "TU DL", "TU DL"),
    ("cong_tac", 0, "ma_don_vi", "TUDL?", "TUDL?"),
    ("dia_ban", 2, "ma", "24778#", "24778#"),
    ("ngach", 0, "ma", "01.003&", "01.003&"),
]


@pytest.mark.parametrize("sheet,index,key,typed,shown", IMPLAUSIBLE)
def test_an_implausible_value_is_an_error_naming_sheet_row_column_value(tmp_path, sheet, index, key, typed,
                                                                       shown):
    from canbo.people.schema import SHEET_BY_NAME

    sheets = valid_sheets()
    sheets[sheet][index][SHEET_BY_NAME[sheet].index(key)] = typed
    path = write_workbook(tmp_path / "la.xlsx", sheets)
    for dry_run in (True, False):
        result = workbook_import(actor=system_actor(), path=path, dry_run=dry_run)
        assert not result.ok
        found = {(e.sheet, e.row, e.column, e.value) for e in result.errors}
        assert (sheet, index + 2, key, shown) in found, found
        assert all(e.message for e in result.errors)
    assert _nothing_written()


def test_the_bounds_keep_the_plausible_ends(tmp_path):
    sheets = valid_sheets()
    sheets["can_bo"][0][2] = "1930"
    sheets["danh_gia"][0][1] = 1945
    sheets["quy_hoach"][0][3] = "2026-2031"
    sheets["cong_tac"][0][3] = "01/01/1900"
    result = workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "bien.xlsx", sheets))
    assert result.ok, result.errors
    assert Evaluation.objects.filter(year=1945).exists()


def test_rows_of_spaces_are_empty_rows(tmp_path):
    sheets = valid_sheets()
    sheets["can_bo"].insert(1, ["  ", " ", "\t", None, "   ", None, None, None, None, " ", None, None])
    sheets["danh_gia"].append([" "] * 4)
    result = workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "trang.xlsx", sheets))
    assert result.ok, result.errors
    assert Cadre.objects.count() == 3 and result.counts["danh_gia"] == 2


def test_dry_run_refuses_what_the_import_refuses(tmp_path, capsys):
    sheets = valid_sheets()
    sheets["can_bo"][0][2] = "9999"  # a birth year whose retirement date has no calendar
    path = write_workbook(tmp_path / "nam-sinh.xlsx", sheets)
    with pytest.raises(CommandError):
        call_command("import", path, "--dry-run")
    dry = capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("import", path)
    assert capsys.readouterr().err == dry
    assert _nothing_written()


def test_dry_run_goes_through_the_database_and_writes_nothing(tmp_path, monkeypatch):
    path = write_workbook(tmp_path / "tot.xlsx", valid_sheets())
    dry = workbook_import(actor=system_actor(), path=path, dry_run=True)
    assert dry.ok and not dry.written and dry.counts["can_bo"] == 3
    assert _nothing_written()

    def refused(book, progress=None):
        raise IntegrityError("UNIQUE constraint failed: people_cadre.code")

    monkeypatch.setattr("canbo.exchange.services.workbook_write", refused)
    for dry_run in (True, False):
        result = workbook_import(actor=system_actor(), path=path, dry_run=dry_run)
        assert not result.ok and "UNIQUE constraint failed" in result.errors[0].message
    assert _nothing_written()


def test_dry_run_with_replace_warns_of_a_user_scope_the_file_drops(tmp_path):
    workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "cu.xlsx", valid_sheets()))
    User.objects.create_user("hr", role=Role.UNIT_HR, scope_unit=Unit.objects.get(code="TUDL"))
    sheets = valid_sheets()
    sheets["don_vi"] = [row for row in sheets["don_vi"] if row[0] != "TUDL"]
    for name in ("cong_tac", "vi_tri", "luan_chuyen"):
        sheets[name] = [row for row in sheets[name] if "TUDL" not in row]
    path = write_workbook(tmp_path / "moi.xlsx", sheets)
    dry = workbook_import(actor=system_actor(), path=path, dry_run=True, replace=True)
    assert dry.ok and not dry.written
    assert [(w.sheet, w.value) for w in dry.warnings] == [("don_vi", "TUDL")]
    assert User.objects.get(username="hr").scope_unit.code == "TUDL"
    assert Unit.objects.filter(code="TUDL").exists()


@pytest.mark.parametrize("sheet,code", [("don_vi", "TUDL"), ("dia_ban", "672")])
def test_a_unit_or_locality_under_itself_is_refused(tmp_path, sheet, code):
    sheets = valid_sheets()
    row = next(r for r in sheets[sheet] if str(r[0]) == code)
    row[4 if sheet == "don_vi" else 3] = code
    result = workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "vong.xlsx", sheets),
                             dry_run=True)
    assert ("ma_cha", code) in {(e.column, e.value) for e in result.errors if e.sheet == sheet}
    assert _nothing_written()
