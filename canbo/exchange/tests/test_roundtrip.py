import pytest
from django.core.management import call_command
from python_calamine import CalamineWorkbook

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.exchange.demo.build import demo_rows, demo_workbook
from canbo.exchange.export import workbook_export
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.people.models import Cadre, Qualification
from canbo.people.schema import SHEETS

pytestmark = pytest.mark.django_db


def _cells(path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {sheet.name: book.get_sheet_by_name(sheet.name).to_python() for sheet in SHEETS}


def test_demo_is_deterministic_for_a_seed():
    first = demo_rows(size=150, seed=7)
    assert first == demo_rows(size=150, seed=7)
    assert first["can_bo"] != demo_rows(size=150, seed=8)["can_bo"]
    assert len(first["can_bo"]) == 150


def test_demo_import_export_import_is_identical(tmp_path):
    original = tmp_path / "demo.xlsx"
    demo_workbook(original, size=250, seed=3)
    assert workbook_import(actor=system_actor(), path=original).ok
    exported = tmp_path / "xuat.xlsx"
    workbook_export(path=exported)
    assert _cells(exported) == _cells(original)
    for name in ("noi_o", "khen_thuong", "luong", "gia_dinh"):  # the personal history form's sheets
        assert len(_cells(original)[name]) > 1, name
    assert Cadre.objects.exclude(personal_id="").count() == 250
    partial = Cadre.objects.exclude(birth_precision="day").count()
    assert partial > 0

    again = workbook_import(actor=system_actor(), path=exported, replace=True)
    assert again.ok, again.errors[:5]
    second = tmp_path / "xuat2.xlsx"
    workbook_export(path=second)
    assert _cells(second) == _cells(exported)
    assert Cadre.objects.exclude(birth_precision="day").count() == partial
    assert AuditEvent.objects.filter(action="workbook_import").count() == 2


def test_clerk_typed_workbook_round_trips(tmp_path):
    assert workbook_import(actor=system_actor(), path=write_workbook(tmp_path / "a.xlsx", valid_sheets())).ok
    before = list(
        Qualification.objects.order_by("id").values_list(
            "cadre__code",
            "kind",
            "level",
            "rank",
            "obtained_on",
            "mode",
            "grade",
            "major",
            "llct_overlap_periods",
            "issuer",
        )
    )
    call_command("export", str(tmp_path / "b.xlsx"))
    assert workbook_import(actor=system_actor(), path=tmp_path / "b.xlsx", replace=True).ok
    after = list(
        Qualification.objects.order_by("id").values_list(
            "cadre__code",
            "kind",
            "level",
            "rank",
            "obtained_on",
            "mode",
            "grade",
            "major",
            "llct_overlap_periods",
            "issuer",
        )
    )
    assert before == after
    cells = _cells(tmp_path / "b.xlsx")
    assert cells["can_bo"][2][2] == "1970"  # year-only birth date written back as imported
    assert cells["can_bo"][3][2] == "1980-05"
    assert cells["dia_ban"][2][0] == "672"  # a code typed as a number is exported as text


def test_demo_command_loads_through_the_import_and_prints_logins(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    call_command("demo", "--size", "120", "--seed", "1", "--out", str(out))
    assert out.exists()
    assert Cadre.objects.count() == 120
    assert AuditEvent.objects.filter(action="workbook_import").count() == 1
    printed = capsys.readouterr().out
    assert "btv" in printed and "demo2017" in printed
    call_command("demo", "--size", "120", "--seed", "1")
    assert "giữ nguyên" in capsys.readouterr().out
    assert Cadre.objects.count() == 120
