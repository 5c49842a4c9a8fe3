"""A row removed from a cadre's record by hand is put back, as it was, from the log's removal: once,
within the scope, and only while what it names still exists."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.errors import NotFound
from canbo.org.models import PositionType
from canbo.people import services
from canbo.people.models import Cadre, PositionHolding, Qualification
from canbo.people.record_edits import cadre_update, history_row_delete, history_row_restore
from canbo.people.removals import removed_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(small_province):
    return small_province.user("hr-dt", Role.UNIT_HR, "HU-DT")


def _removed(actor, row) -> int:
    history_row_delete(actor=actor, row=row)
    return AuditEvent.objects.filter(action="history_row_delete").latest("seq").seq


def test_a_removed_row_comes_back_with_the_values_it_had_and_the_log_says_so(hr):
    row = Qualification.objects.get(cadre__code="DT1")
    kept = {name: getattr(row, name) for name in ("kind", "level", "obtained_on", "mode", "rank", "issuer")}
    dao = row.cadre
    seq = _removed(hr, row)
    assert [r.seq for r in removed_rows(hr, dao)] == [seq]

    kind, restored = history_row_restore(actor=hr, cadre=dao, seq=seq)

    assert kind.slug == "trinh-do" and restored.pk != row.pk
    assert {name: getattr(restored, name) for name in kept} == kept
    event = AuditEvent.objects.get(action="history_row_restore")
    assert (event.cadre_code, event.data) == ("DT1", {"xoa": seq})
    assert f"#{seq}" in summary(event) and "DT1" in summary(event)
    assert removed_rows(hr, dao) == []
    with pytest.raises(ValidationError, match=f"#{seq}"):
        history_row_restore(actor=hr, cadre=dao, seq=seq)
    assert Qualification.objects.filter(cadre=dao).count() == 1


def test_a_holding_comes_back_naming_its_unit_and_post(hr):
    holding = PositionHolding.objects.get(cadre__code="DT1")
    unit, post, start = holding.unit, holding.position_type, holding.valid_from
    seq = _removed(hr, holding)
    _kind, restored = history_row_restore(actor=hr, cadre=holding.cadre, seq=seq)
    assert (restored.unit, restored.position_type, restored.valid_from) == (unit, post, start)


def test_a_row_naming_what_no_longer_exists_is_refused_by_name_and_nothing_is_written(small_province, hr):
    dao = Cadre.objects.get(code="DT1")
    post = PositionType.objects.create(code="CV-TAM", name="Chức danh tạm")
    holding = PositionHolding.objects.create(
        cadre=dao, unit=small_province.units["UB-DT"], position_type=post, valid_from=dt.date(2019, 1, 1))
    seq = _removed(hr, holding)
    post.delete()
    with pytest.raises(ValidationError, match="CV-TAM"):
        history_row_restore(actor=hr, cadre=dao, seq=seq)
    assert not PositionHolding.objects.filter(cadre=dao, valid_from=dt.date(2019, 1, 1)).exists()
    assert not AuditEvent.objects.filter(action="history_row_restore").exists()


def test_only_an_editor_within_the_scope_puts_a_row_back(small_province, hr):
    huy = Cadre.objects.get(code="SNV2")
    snv = small_province.user("snv", Role.SNV)
    seq = _removed(snv, huy.holdings.get())
    with pytest.raises(NotFound):
        history_row_restore(actor=hr, cadre=huy, seq=seq)  # a cadre outside the officer's scope
    with pytest.raises(NotFound):
        history_row_restore(actor=snv, cadre=huy, seq=seq + 1000)
    reader = small_province.user("btv", Role.BTV)
    with pytest.raises(PermissionDenied):
        history_row_restore(actor=reader, cadre=huy, seq=seq)
    assert removed_rows(reader, huy) == []
    huy_holding = history_row_restore(actor=snv, cadre=huy, seq=seq)[1]
    assert huy_holding.cadre == huy


def test_a_removal_of_another_cadre_is_not_put_back_through_this_one(hr):
    seq = _removed(hr, Qualification.objects.get(cadre__code="DT1"))
    other = Cadre.objects.exclude(code="DT1").filter(code__startswith="DT").first()
    with pytest.raises(NotFound):
        history_row_restore(actor=hr, cadre=other, seq=seq)


def test_the_cadre_page_lists_the_removed_rows_and_its_button_puts_one_back(client_as):
    hr = client_as("hr-dt", role="unit_hr", scope_unit="HU-DT")
    row = Qualification.objects.get(cadre__code="DT1")
    hr.post(reverse("people:history_row_remove", args=["DT1", "trinh-do", row.pk]))
    seq = AuditEvent.objects.get(action="history_row_delete").seq
    page = hr.get(reverse("people:cadre_detail", args=["DT1"])).content.decode()
    put_back = reverse("people:history_row_put_back", args=["DT1", seq])
    assert "Dòng đã xóa" in page and f'action="{put_back}"' in page
    assert hr.get(put_back).status_code == 405
    response = hr.post(put_back, follow=True)
    assert "Đã khôi phục dòng vào hồ sơ" in response.content.decode()
    assert Qualification.objects.filter(cadre__code="DT1", kind=row.kind, level=row.level).exists()
    again = hr.post(put_back, follow=True).content.decode()
    assert "Không khôi phục được" in again and "đã được khôi phục" in again
    assert "Dòng đã xóa" not in hr.get(reverse("people:cadre_detail", args=["DT1"])).content.decode()


def test_the_log_leads_from_a_removal_to_where_it_is_put_back(client_as):
    hr = client_as("hr-dt", role="unit_hr", scope_unit="HU-DT")
    row = Qualification.objects.get(cadre__code="DT1")
    hr.post(reverse("people:history_row_remove", args=["DT1", "trinh-do", row.pk]))
    inspector = client_as("kiemtra", role=Role.INSPECTOR)
    page = inspector.get(reverse("audit:list"), {"thao_tac": "history_row_delete"}).content.decode()
    assert f'href="{reverse("people:cadre_detail", args=["DT1"])}#h-removed"' in page


def test_removed_rows_follow_the_cadre_through_a_change_of_its_code_and_not_the_code(hr):
    row = Qualification.objects.get(cadre__code="DT1")
    dao, other = row.cadre, Cadre.objects.get(code="DT2")
    seq = _removed(hr, row)
    added = services.qualification_add(actor=hr, cadre=other, kind="llct", level="so_cap",
                                       obtained_on=dt.date(2018, 1, 1))
    other_seq = _removed(hr, added)
    cadre_update(actor=hr, cadre=dao, changes={"code": "DT1-MOI"})
    cadre_update(actor=hr, cadre=other, changes={"code": "DT1"})  # another cadre takes the old code

    assert [r.seq for r in removed_rows(hr, dao)] == [seq]
    assert [r.seq for r in removed_rows(hr, other)] == [other_seq]
    with pytest.raises(NotFound):
        history_row_restore(actor=hr, cadre=other, seq=seq)
    history_row_restore(actor=hr, cadre=dao, seq=seq)
    assert removed_rows(hr, dao) == [] and Qualification.objects.filter(cadre=dao).count() == 1
