import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.org.models import Locality, PositionType, Unit
from canbo.people.models import Cadre
from canbo.people.schema import SHEETS

pytestmark = pytest.mark.django_db


def _broken_sheets():
    sheets = valid_sheets()
    sheets["dia_ban"].append([673, "Bảo Lộc", "quan", 68])  # unknown level
    sheets["don_vi"].append(["X1", "Vòng 1", "huyen", "dang", "X2", 672])  # cycle X1 -> X2 -> X1
    sheets["don_vi"].append(["X2", "Vòng 2", "huyen", "dang", "X1", 672])
    sheets["don_vi"].append(["BTC", "Trùng mã", "tinh", "dang", None, 68])  # duplicate code
    sheets["chuc_danh"].append(["PP", "Phó phòng", "thac_si", None, None, None, None, 2, 0, 0, 0, None])
    sheets["can_bo"].append(
        ["CB009", "Trần Văn Bình", "31/02/1970", "nam", None, 999, None, 0, None, "can_bo", None, None]
    )  # malformed date, unknown locality
    sheets["can_bo"].append(["CB010", None, "1975", "nam", None, None, None, 0, None, "can_bo", None, None])
    sheets["cong_tac"].append(
        ["CB404", "BTC", "TP", "2017-01-01", "2016-01-01"]
    )  # unknown cadre, end < start
    sheets["trinh_do"].append(["CB001", "llct", "dai_hoc", "2010-01-01", None, None, None, None, None])
    sheets["danh_gia"].append(["CB001", 2016, "kha", 0])  # unknown rating, repeated year
    return sheets


EXPECTED = {
    ("dia_ban", 5, "cap", "quan"),
    ("don_vi", 5, "ma_cha", "X2"),
    ("don_vi", 6, "ma_cha", "X1"),
    ("don_vi", 7, "ma", "BTC"),
    ("chuc_danh", 4, "llct", "thac_si"),
    ("chuc_danh", 4, "dien_btv", "2"),
    ("can_bo", 5, "ngay_sinh", "31/02/1970"),
    ("can_bo", 5, "que_quan", "999"),
    ("can_bo", 6, "ho_ten", ""),
    ("cong_tac", 5, "ma_can_bo", "CB404"),
    ("cong_tac", 5, "den_ngay", "01/01/2016"),
    ("trinh_do", 4, "bac", "dai_hoc"),
    ("danh_gia", 4, "xep_loai", "kha"),
    ("danh_gia", 4, "nam", "2016"),
}


def test_broken_workbook_lists_every_error_and_writes_nothing(tmp_path):
    path = write_workbook(tmp_path / "hong.xlsx", _broken_sheets())
    result = workbook_import(actor=system_actor(), path=path)
    assert not result.ok and not result.written
    found = {(e.sheet, e.row, e.column, e.value) for e in result.errors}
    assert found == EXPECTED
    assert all(e.message for e in result.errors)
    assert not Locality.objects.exists() and not Unit.objects.exists() and not Cadre.objects.exists()
    assert not PositionType.objects.exists() and not AuditEvent.objects.exists()


def test_missing_sheet_and_column_are_errors_extra_column_a_warning(tmp_path):
    sheets = valid_sheets()
    del sheets["luan_chuyen"]
    headers = {s.name: list(s.keys) for s in SHEETS}
    headers["can_bo"][headers["can_bo"].index("gioi_tinh")] = "phai"  # required column missing
    headers["danh_gia"] = [*headers["danh_gia"], "ghi_chu"]
    sheets["danh_gia"] = [[*row, "x"] for row in sheets["danh_gia"]]
    result = workbook_import(
        actor=system_actor(), path=write_workbook(tmp_path / "thieu.xlsx", sheets, headers=headers)
    )
    found = {(e.sheet, e.row, e.column) for e in result.errors}
    assert ("luan_chuyen", None, "") in found
    assert ("can_bo", 1, "gioi_tinh") in found
    assert {(w.sheet, w.column) for w in result.warnings} == {("can_bo", "phai"), ("danh_gia", "ghi_chu")}
    assert not Cadre.objects.exists()


def test_command_exits_1_with_a_table_and_dry_run_reports(tmp_path, capsys):
    broken = write_workbook(tmp_path / "hong.xlsx", _broken_sheets())
    with pytest.raises(CommandError) as exc:
        call_command("import", broken)
    assert exc.value.returncode == 1
    err = capsys.readouterr().err
    assert "31/02/1970" in err and "CB404" in err and "14" in err
    good = write_workbook(tmp_path / "tot.xlsx", valid_sheets())
    call_command("import", good, "--dry-run")
    assert "chạy thử" in capsys.readouterr().out
    assert not Cadre.objects.exists()
    call_command("import", good)
    assert Cadre.objects.count() == 3


def test_error_table_shows_the_first_errors_and_the_total():
    from canbo.exchange.findings import Finding, findings_table

    findings = [Finding("can_bo", n, "ngay_sinh", "x", "Ngày sinh không đúng dạng.") for n in range(2, 2502)]
    table = findings_table(findings, limit=200)
    assert table.count("Ngày sinh không đúng dạng.") == 200
    assert "2300" in table and "2500" in table
