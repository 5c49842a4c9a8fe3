import datetime as dt

import pytest
from django.urls import reverse

from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre, PositionHolding, Qualification
from canbo.people.record_kinds import KINDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client_as):
    return client_as("hr-dt", role="unit_hr", scope_unit="HU-DT")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.slug)
def test_every_kind_has_an_add_page_with_the_columns_of_its_sheet(kind, hr):
    response = hr.get(reverse("people:history_row_add", args=["DT1", kind.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    for column in kind.sheet.columns[1:]:
        assert f'name="{column.key}"' in html


def test_units_are_chosen_in_the_scope_tree_and_position_types_by_name(hr):
    html = hr.get(reverse("people:history_row_add", args=["DT1", "luan-chuyen"])).content.decode()
    assert html.count("data-unit-picker") == 2 and 'list="danh-muc-don_vi"' not in html
    assert '<option value="HU-DT" data-depth="0"' in html and '<option value="UB-DT"' in html
    assert '<option value="SNV"' not in html  # outside the district
    assert '<option value="CV">Chuyên viên (CV)</option>' in html and 'list="danh-muc-chuc_danh"' not in html


def test_a_row_naming_a_unit_outside_the_scope_keeps_it_when_saved(hr):
    row = PositionHolding.objects.create(
        cadre=Cadre.objects.get(code="DT1"), unit=Unit.objects.get(code="SNV"),
        position_type=PositionType.objects.get(code="CV"), valid_from=dt.date(1995, 1, 1),
        valid_to=dt.date(1999, 12, 31),
    )
    url = reverse("people:history_row_edit", args=["DT1", "cong-tac", row.pk])
    html = hr.get(url).content.decode()
    kept = '<option value="SNV" data-depth="0" data-search="so noi vu snv" selected>Sở Nội vụ (SNV)</option>'
    assert kept in html
    typed = {"ma_don_vi": "SNV", "ma_chuc_danh": "CV", "tu_ngay": "01/01/1995", "den_ngay": "31/12/2000"}
    assert hr.post(url, typed).status_code == 302
    row.refresh_from_db()
    assert row.unit.code == "SNV" and row.valid_to == dt.date(2000, 12, 31)


def test_the_cadre_page_links_to_the_forms_only_for_those_who_may_edit(hr, client_as):
    html = hr.get(reverse("people:cadre_detail", args=["DT1"])).content.decode()
    holding = PositionHolding.objects.get(cadre__code="DT1")
    assert reverse("people:history_row_edit", args=["DT1", "cong-tac", holding.pk]) in html
    assert reverse("people:history_row_add", args=["DT1", "gia-dinh"]) in html
    assert reverse("people:position_change", args=["DT1"]) in html
    reader = client_as("btv", role="btv")
    html = reader.get(reverse("people:cadre_detail", args=["DT1"])).content.decode()
    assert "/cong-tac/" not in html and reverse("people:cadre_edit", args=["DT1"]) not in html


def test_a_bad_value_is_refused_next_to_its_field_keeping_what_was_typed(hr):
    url = reverse("people:history_row_add", args=["DT1", "trinh-do"])
    typed = {"loai": "llct", "bac": "dai_hoc", "ngay_cap": "31/02/2019", "chuyen_nganh": "Luật"}
    response = hr.post(url, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="31/02/2019"' in html and 'value="Luật"' in html
    assert "Ngày không đúng dạng" in html
    assert Qualification.objects.filter(cadre__code="DT1").count() == 1


def test_a_row_is_added_changed_and_removed_after_a_confirmation(hr):
    url = reverse("people:history_row_add", args=["DT1", "trinh-do"])
    typed = {"loai": "chuyen_mon", "bac": "dai_hoc", "ngay_cap": "30/06/1990", "he": "tai_chuc"}
    response = hr.post(url, typed)
    assert response.status_code == 302
    row = Qualification.objects.get(cadre__code="DT1", kind="chuyen_mon")
    edit = reverse("people:history_row_edit", args=["DT1", "trinh-do", row.pk])
    assert 'value="30/06/1990"' in hr.get(edit).content.decode()
    hr.post(edit, {"loai": "chuyen_mon", "bac": "thac_si", "ngay_cap": "2001-06-30", "he": "chinh_quy"})
    row.refresh_from_db()
    assert (row.level, row.obtained_on, row.mode) == ("thac_si", dt.date(2001, 6, 30), "chinh_quy")
    remove = reverse("people:history_row_remove", args=["DT1", "trinh-do", row.pk])
    confirmation = hr.get(remove).content.decode()
    assert "Xác nhận xóa" in confirmation and "Thạc sĩ" in confirmation and "Chính quy" in confirmation
    assert Qualification.objects.filter(pk=row.pk).exists()
    assert hr.post(remove).status_code == 302
    assert not Qualification.objects.filter(pk=row.pk).exists()


def test_a_cadre_is_added_with_a_first_post_and_a_duplicate_is_named(hr):
    fields = {"ma": "DT9", "ho_ten": "Lê Văn Tâm", "ngay_sinh": "1990-05", "gioi_tinh": "nam",
              "loai": "cong_chuc", "dang_vien": "0", "so_dinh_danh": "068090001234",
              "ma_don_vi": "UB-DT", "ma_chuc_danh": "CV", "tu_ngay": "01/03/2021"}
    response = hr.post(reverse("people:cadre_add"), fields)
    assert response.status_code == 302
    cadre = Cadre.objects.get(code="DT9")
    assert (cadre.birth_date, cadre.birth_precision) == (dt.date(1990, 5, 1), "month")
    assert cadre.holdings.get().unit.code == "UB-DT"
    again = hr.post(reverse("people:cadre_add"), {**fields, "ma": "DT10"})
    html = again.content.decode()
    assert "Số định danh đã thuộc cán bộ DT9" in html and 'value="DT10"' in html
    outside = hr.post(reverse("people:cadre_add"),
                      {**fields, "ma": "DT11", "so_dinh_danh": "", "ma_don_vi": "SNV"})
    assert "không thuộc phạm vi của bạn" in outside.content.decode()
    assert not Cadre.objects.filter(code__in=["DT10", "DT11"]).exists()


def test_a_position_change_from_the_page(hr):
    old = PositionHolding.objects.get(cadre__code="DT1")
    url = reverse("people:position_change", args=["DT1"])
    response = hr.post(url, {"thoi_giu": str(old.pk), "ma_don_vi": "UB-DT", "ma_chuc_danh": "CV",
                             "tu_ngay": "01/03/2021"})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.valid_to == dt.date(2021, 2, 28)
    assert PositionHolding.objects.filter(cadre__code="DT1", valid_from=dt.date(2021, 3, 1)).exists()


def test_a_wrong_scope_or_role_edit_is_refused(hr, client_as):
    holding = PositionHolding.objects.get(cadre__code="SNV2")
    assert hr.get(reverse("people:history_row_add", args=["SNV2", "cong-tac"])).status_code == 404
    edit = reverse("people:history_row_edit", args=["SNV2", "cong-tac", holding.pk])
    moved = {"ma_don_vi": "HU-DT", "ma_chuc_danh": "CV", "tu_ngay": "01/01/2015"}
    assert hr.post(edit, moved).status_code == 404
    mine = PositionHolding.objects.get(cadre__code="DT1")
    foreign_row = reverse("people:history_row_remove", args=["DT2", "cong-tac", mine.pk])
    assert hr.post(foreign_row).status_code == 404
    reader = client_as("btv", role="btv")
    assert reader.get(reverse("people:cadre_edit", args=["DT1"])).status_code == 403
    holding.refresh_from_db()
    assert holding.unit.code == "SNV" and PositionHolding.objects.filter(pk=mine.pk).exists()
