import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.names import name_sort_key
from canbo.exchange.services import workbook_import
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.org.models import Locality, PositionType, Unit
from canbo.people.models import Cadre, Evaluation, PositionHolding, Qualification
from canbo.people.retirement import retirement_date

pytestmark = pytest.mark.django_db


def test_valid_workbook_loads_with_clerk_typing(tmp_path):
    path = write_workbook(tmp_path / "tinh.xlsx", valid_sheets(), extra_sheets=("ghi_chu",))
    result = workbook_import(actor=system_actor(), path=path)
    assert result.ok, result.errors
    assert result.written
    assert [w.sheet for w in result.warnings] == ["ghi_chu"]
    assert result.counts["can_bo"] == 3
    assert Locality.objects.get(code="24778").parent.code == "672"
    dalat = Locality.objects.get(code="672")
    assert dalat.name == "Đà Lạt"
    assert dalat.path == f"/{dalat.parent_id}/{dalat.id}/"
    unit = Unit.objects.get(code="TUDL")
    assert unit.path == f"/{unit.parent_id}/{unit.id}/"
    first = Cadre.objects.get(code="CB001")
    assert first.birth_date == dt.date(1965, 3, 4)
    assert first.birth_precision == "day"
    assert first.party_join_date == dt.date(1990, 2, 1)
    assert first.hometown.code == "672"
    assert first.rank.code == "01.003"
    assert first.search_text == "nguyen van an cb001"
    assert first.sort_key == name_sort_key("Nguyễn Văn An") != ""
    assert all(c.sort_key == name_sort_key(c.full_name) for c in Cadre.objects.all())
    assert first.retirement_date == retirement_date("nam", dt.date(1965, 3, 4))
    second = Cadre.objects.get(code="CB002")
    assert (second.birth_date, second.birth_precision) == (dt.date(1970, 1, 1), "year")
    assert second.party_member is True
    assert Cadre.objects.get(code="CB003").birth_precision == "month"
    head = PositionType.objects.get(code="BT").standards.get()  # the first version, since always
    assert head.valid_from is None and head.valid_to is None
    assert (head.req_llct, head.req_chuyen_mon, head.req_qlnn, head.req_ngoai_ngu, head.req_tin_hoc) == (
        3,
        3,
        2,
        3,
        1,
    )
    head = head.position_type
    assert head.non_local_required and head.btv_managed and head.deputy_head_or_above
    assert PositionHolding.objects.get(cadre=second).valid_to == dt.date(2016, 12, 31)
    llct = Qualification.objects.get(cadre=first, kind="llct")
    assert (llct.level, llct.rank) == ("cu_nhan", 3)
    assert Qualification.objects.get(cadre=first, kind="chuyen_mon").llct_overlap_periods == 260
    assert Evaluation.objects.filter(cadre=first).count() == 2


def test_one_audit_event_per_import(tmp_path):
    path = write_workbook(tmp_path / "tinh.xlsx", valid_sheets())
    before = AuditEvent.objects.count()
    workbook_import(actor=system_actor(), path=path)
    events = AuditEvent.objects.all()[: AuditEvent.objects.count() - before]
    assert len(events) == 1
    event = events[0]
    assert event.action == AuditAction.WORKBOOK_IMPORT and event.actor == system_actor()
    assert event.data["tep"] == "tinh.xlsx"
    assert event.data["so_dong"]["can_bo"] == 3
    assert summary(event).startswith("Nhập tệp tinh.xlsx: ")


def test_dry_run_writes_nothing(tmp_path):
    path = write_workbook(tmp_path / "tinh.xlsx", valid_sheets())
    result = workbook_import(actor=system_actor(), path=path, dry_run=True)
    assert result.ok and not result.written
    assert result.counts["can_bo"] == 3
    assert not Cadre.objects.exists() and not Locality.objects.exists() and not AuditEvent.objects.exists()


def test_second_import_refused_then_replace_works(tmp_path):
    path = write_workbook(tmp_path / "tinh.xlsx", valid_sheets())
    assert workbook_import(actor=system_actor(), path=path).ok
    again = workbook_import(actor=system_actor(), path=path)
    assert not again.ok
    assert {(e.sheet, e.row, e.value) for e in again.errors} >= {
        ("can_bo", 2, "CB001"),
        ("dia_ban", 3, "672"),
    }
    assert Cadre.objects.count() == 3
    replaced = workbook_import(actor=system_actor(), path=path, replace=True)
    assert replaced.ok, replaced.errors
    assert Cadre.objects.count() == 3
    assert replaced.replaced


def test_replace_keeps_users_scoped_to_units(tmp_path):
    from django.contrib.auth import get_user_model

    path = write_workbook(tmp_path / "tinh.xlsx", valid_sheets())
    assert workbook_import(actor=system_actor(), path=path).ok
    user = get_user_model().objects.create(
        username="hr", role="unit_hr", scope_unit=Unit.objects.get(code="BTC")
    )
    replaced = workbook_import(actor=system_actor(), path=path, replace=True)
    assert replaced.ok, replaced.errors
    user.refresh_from_db()
    assert user.scope_unit == Unit.objects.get(code="BTC")


def test_what_a_replace_deleted_names_records_not_the_links_between_them():
    from django.apps import apps

    from canbo.exchange.services import _add_records

    links = apps.get_model("training", "PlanLine").cadres.through._meta.label
    deleted = {}
    _add_records(deleted, {"people.Cadre": 3, links: 5})
    _add_records(deleted, {"people.Cadre": 2})
    assert deleted == {"people.Cadre": 5}
