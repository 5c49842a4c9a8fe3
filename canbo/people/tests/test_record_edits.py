import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.accounts.models import Role
from canbo.audit.models import AuditEvent
from canbo.audit.render import codes_named, summary
from canbo.core.dates import today
from canbo.core.errors import NotFound
from canbo.people.models import Cadre, PositionHolding, Qualification
from canbo.people.record_edits import (
    cadre_admit,
    cadre_update,
    history_row_delete,
    history_row_update,
    holding_move,
)
from canbo.people.selectors import visible_cadres
from canbo.people.services import cadre_create

pytestmark = pytest.mark.django_db

NEW = {"code": "DT9", "full_name": "Lê Văn Tâm", "birth_date": dt.date(1990, 5, 5), "gender": "nam",
       "category": "cong_chuc", "personal_id": "068090001234"}


@pytest.fixture
def hr(small_province):
    return small_province.user("hr-dt", Role.UNIT_HR, "HU-DT")


def test_an_officer_adds_a_cadre_in_their_unit_and_keeps_seeing_them(small_province, hr):
    cadre = cadre_admit(actor=hr, fields=NEW, unit=small_province.units["UB-DT"],
                        position_type=small_province.types["CV"], valid_from=dt.date(2020, 1, 1))
    assert visible_cadres(hr, today()).filter(pk=cadre.pk).exists()
    assert cadre.retirement_date > cadre.birth_date
    events = AuditEvent.objects.filter(cadre_code="DT9").order_by("seq")
    actions = list(events.values_list("action", flat=True))
    assert actions == ["cadre_create", "holding_add"]


def test_a_cadre_is_not_added_in_a_unit_outside_the_scope(small_province, hr):
    with pytest.raises(ValidationError) as refused:
        cadre_admit(actor=hr, fields=NEW, unit=small_province.units["SNV"],
                    position_type=small_province.types["CV"], valid_from=dt.date(2020, 1, 1))
    assert "SNV" in refused.value.message_dict["unit"][0]
    assert not Cadre.objects.filter(code="DT9").exists()


def test_a_code_or_personal_id_another_cadre_has_is_refused_naming_them(small_province, hr):
    cadre_create(actor=hr, **NEW)
    with pytest.raises(ValidationError) as refused:
        cadre_create(actor=hr, **{**NEW, "full_name": "Người Khác"})
    errors = refused.value.message_dict
    assert "Lê Văn Tâm (DT9)" in errors["code"][0]
    assert "DT9" in errors["personal_id"][0]
    dao = Cadre.objects.get(code="DT1")
    with pytest.raises(ValidationError) as refused:
        cadre_update(actor=hr, cadre=dao, changes={"personal_id": NEW["personal_id"]})
    assert "DT9" in refused.value.message_dict["personal_id"][0]


def test_the_cadre_s_own_fields_are_changed_with_their_derived_fields_and_logged(small_province, hr):
    dao = Cadre.objects.get(code="DT1")
    cadre_update(actor=hr, cadre=dao, changes={"full_name": "Nguyễn Thị Đào Hoa", "religion": "Phật giáo",
                                               "birth_date": dt.date(1970, 9, 1)})
    dao.refresh_from_db()
    assert dao.search_text.startswith("nguyen thi dao hoa")
    assert dao.retirement_date.year >= 2026
    event = AuditEvent.objects.get(action="cadre_update")
    assert event.before["religion"] == "" and event.after["religion"] == "Phật giáo"
    assert "Phật giáo" in summary(event)


def test_an_edit_outside_the_role_or_the_scope_is_refused(small_province, hr):
    reader = small_province.user("btv", Role.BTV)
    dao, huy = Cadre.objects.get(code="DT1"), Cadre.objects.get(code="SNV2")
    with pytest.raises(PermissionDenied):
        cadre_update(actor=reader, cadre=dao, changes={"religion": "Không"})
    with pytest.raises(NotFound):
        cadre_update(actor=hr, cadre=huy, changes={"religion": "Không"})
    with pytest.raises(NotFound):
        history_row_delete(actor=hr, row=huy.holdings.get())
    assert huy.holdings.exists()


def test_a_history_row_is_changed_and_removed_with_what_it_held_in_the_log(small_province, hr):
    row = Qualification.objects.get(cadre__code="DT1")
    history_row_update(actor=hr, row=row, changes={"level": "trung_cap"})
    row.refresh_from_db()
    assert row.rank == 2
    updated = AuditEvent.objects.get(action="history_row_update")
    assert (updated.before["level"], updated.after["level"]) == ("cao_cap", "trung_cap")
    with pytest.raises(ValidationError):
        history_row_update(actor=hr, row=row, changes={"level": "dai_hoc"})  # not a level of LLCT
    row.refresh_from_db()
    assert row.level == "trung_cap"
    history_row_delete(actor=hr, row=row)
    assert not Qualification.objects.filter(cadre__code="DT1").exists()
    removed = AuditEvent.objects.get(action="history_row_delete")
    assert removed.before["level"] == "trung_cap"
    assert "DT1" in summary(removed)


def test_a_position_change_ends_the_old_holding_the_day_before_in_one_event(small_province, hr):
    dao = Cadre.objects.get(code="DT1")
    old = dao.holdings.get()
    new = holding_move(actor=hr, cadre=dao, ending=old, unit=small_province.units["UB-DT"],
                       position_type=small_province.types["CV"], valid_from=dt.date(2021, 3, 1))
    old.refresh_from_db()
    assert old.valid_to == dt.date(2021, 2, 28)
    assert (new.valid_from, new.valid_to) == (dt.date(2021, 3, 1), None)
    event = AuditEvent.objects.get(action="holding_move")
    assert event.data["thoi_giu"]["den_ngay"] == "2021-02-28"
    assert "BT-HU" in summary(event) and "UB-DT" in summary(event)  # codes, outside codes_named
    with codes_named([event]):
        named = summary(event)
    assert named == ("Nguyễn Thị Đào (DT1): giữ chức danh Chuyên viên tại UBND huyện Đức Trọng từ "
                     "01/03/2021; thôi giữ Bí thư Huyện ủy tại Huyện ủy Đức Trọng từ sau 28/02/2021")


def test_a_position_change_before_the_old_start_is_refused_and_changes_nothing(small_province, hr):
    dao = Cadre.objects.get(code="DT1")
    old = dao.holdings.get()
    with pytest.raises(ValidationError) as refused:
        holding_move(actor=hr, cadre=dao, ending=old, unit=small_province.units["UB-DT"],
                     position_type=small_province.types["CV"], valid_from=dt.date(2015, 1, 1))
    assert "01/01/2015" in refused.value.message_dict["valid_from"][0]
    old.refresh_from_db()
    assert old.valid_to is None
    assert PositionHolding.objects.filter(cadre=dao).count() == 1
