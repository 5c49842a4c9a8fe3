"""The sheets and columns of the personal history form (Mẫu 2C): loaded, refused with every bad
row named, and exported as they were imported."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.people.models import Award, Cadre, FamilyMember, Residence, SalaryStep

pytestmark = pytest.mark.django_db


def _import(tmp_path, sheets, name="tinh.xlsx", **options):
    return workbook_import(actor=system_actor(), path=write_workbook(tmp_path / name, sheets), **options)


def _errors(result) -> set[tuple]:
    return {(e.sheet, e.row, e.column, e.value) for e in result.errors}


def test_personal_sheets_load(tmp_path):
    result = _import(tmp_path, valid_sheets())
    assert result.ok, result.errors
    first = Cadre.objects.get(code="CB001")
    assert (first.personal_id, first.other_names, first.religion) == ("068065001234", "Ba An", "Không")
    assert first.party_official_date == dt.date(1991, 2, 1)
    assert Cadre.objects.get(code="CB002").personal_id == "068170004321"
    assert Cadre.objects.get(code="CB003").personal_id == ""
    current = Residence.objects.filter(cadre=first, kind="hien_nay")
    assert list(current.values_list("valid_to", flat=True)) == [dt.date(2016, 12, 31), None]
    assert list(SalaryStep.objects.order_by("valid_from").values_list("step", "coefficient")) == [
        (5, Decimal("3.66")), (6, Decimal("3.99")), (7, Decimal("4.32"))]
    assert Award.objects.get(form="Bằng khen").decision_no == "123/QĐ-UBND"
    assert list(FamilyMember.objects.values_list("relation", "birth_year")) == [
        ("bo", 1938), ("vo", 1967), ("con", 2019)]


def test_workbook_without_the_new_sheets_still_loads(tmp_path):
    sheets = valid_sheets()
    for name in ("noi_o", "khen_thuong", "luong", "gia_dinh"):
        del sheets[name]
    result = _import(tmp_path, sheets)
    assert result.ok, result.errors
    assert not Residence.objects.exists()


def test_every_bad_personal_value_is_named_and_nothing_loads(tmp_path):
    sheets = valid_sheets()
    sheets["can_bo"][0][12] = "06806500123"  # 11 digits
    sheets["can_bo"][1][12] = "06817000432X"
    sheets["can_bo"][2] += [None, None, None, None, None, None, None, None, None, None, None]
    sheets["can_bo"][2][12] = None
    sheets["can_bo"][0][15] = "1989-12-31"  # official before joining (1990-02-01)
    sheets["gia_dinh"][0][1] = "ong_noi"
    sheets["luong"][0][3] = "10,5"
    sheets["luong"][1][3] = "0.99"
    sheets["luong"][2][3] = "4,987"
    sheets["luong"][2][2] = 13
    result = _import(tmp_path, sheets)
    assert not result.written
    assert {
        ("can_bo", 2, "so_dinh_danh", "06806500123"),
        ("can_bo", 3, "so_dinh_danh", "06817000432X"),
        ("can_bo", 2, "ngay_chinh_thuc", "31/12/1989"),
        ("gia_dinh", 2, "quan_he", "ong_noi"),
        ("luong", 2, "he_so", "10.50"),
        ("luong", 3, "he_so", "0.99"),
        ("luong", 4, "he_so", "4,987"),
        ("luong", 4, "bac", "13"),
    } <= _errors(result)
    assert len(result.errors) == 8, result.errors
    messages = {e.column: e.message for e in result.errors}
    assert "12 chữ số" in messages["so_dinh_danh"]
    assert "bo, me, vo" in messages["quan_he"]
    assert not Cadre.objects.exists() and not SalaryStep.objects.exists()


def test_a_personal_id_twice_in_the_workbook_names_both_rows(tmp_path):
    sheets = valid_sheets()
    sheets["can_bo"][1][12] = "068065001234"
    result = _import(tmp_path, sheets)
    assert [(e.sheet, e.row, e.column, e.value) for e in result.errors] == [
        ("can_bo", 3, "so_dinh_danh", "068065001234")]
    assert "CB001" in result.errors[0].message and "dòng 2" in result.errors[0].message
    assert not Cadre.objects.exists()


def test_a_personal_id_already_in_the_database_names_its_cadre(tmp_path):
    assert _import(tmp_path, valid_sheets()).ok
    sheets = valid_sheets()
    new_codes = {"CB001": "CB101", "CB002": "CB102", " CB003 ": "CB103"}
    for name, rows in sheets.items():
        for row in rows:
            if name == "can_bo" or (row and row[0] in new_codes):
                row[0] = new_codes.get(row[0], row[0])
    for name in ("dia_ban", "don_vi", "chuc_danh", "ngach"):
        sheets[name] = []
    result = _import(tmp_path, sheets, name="them.xlsx")
    found = {(e.sheet, e.row, e.value): e.message for e in result.errors if e.column == "so_dinh_danh"}
    assert set(found) == {("can_bo", 2, "068065001234"), ("can_bo", 3, "068170004321")}
    assert "CB001" in found["can_bo", 2, "068065001234"]
    assert Cadre.objects.count() == 3


def test_personal_sheets_round_trip(tmp_path):
    assert _import(tmp_path, valid_sheets()).ok

    def held():
        return {
            "can_bo": list(Cadre.objects.order_by("code").values_list(
                "code", "personal_id", "other_names", "religion", "party_official_date")),
            "noi_o": list(Residence.objects.order_by("id").values_list(
                "cadre__code", "kind", "address", "valid_from", "valid_to")),
            "khen_thuong": list(Award.objects.order_by("id").values_list(
                "cadre__code", "form", "decided_by", "decision_no", "decided_on", "reason")),
            "luong": list(SalaryStep.objects.order_by("id").values_list(
                "cadre__code", "rank__code", "step", "coefficient", "valid_from")),
            "gia_dinh": list(FamilyMember.objects.order_by("id").values_list(
                "cadre__code", "relation", "full_name", "birth_year", "occupation", "residence")),
        }

    before = held()
    assert all(before.values())
    call_command("export", str(tmp_path / "xuat.xlsx"))
    again = workbook_import(actor=system_actor(), path=tmp_path / "xuat.xlsx", replace=True)
    assert again.ok, again.errors
    assert held() == before


def test_the_workbook_export_is_in_the_audit_log(tmp_path):
    assert _import(tmp_path, valid_sheets()).ok
    call_command("export", str(tmp_path / "xuat.xlsx"))
    event = AuditEvent.objects.filter(action="data_export").get()
    assert event.data["tep"].endswith("xuat.xlsx") and event.data["so_dong"] > 0
