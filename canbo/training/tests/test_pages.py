"""The programme pages: the list for every reader, the forms for btc and snv."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.rules.kh_2017_2020 import CODE
from canbo.training.models import Programme, ProgrammeFamily

pytestmark = pytest.mark.django_db

LIST = reverse("training:programmes")


def _signed_in(client, role):
    client.force_login(User.objects.create_user(username=f"u_{role}", password="x-very-long-1", role=role))
    return client


def _form(**values):
    family = ProgrammeFamily.objects.get(rule_set__code=CODE, code="quan_ly_kinh_te")
    return {"family": family.pk, "code": "dau_thau", "name": "Nghiệp vụ đấu thầu", "citation": "III.1.2",
            "years": "1", "full_time": "on", "cost_full_time": "3.500.000", "cost_in_service": ""} | values


def test_every_reader_sees_the_catalogue_by_family_and_only_editors_see_the_forms(client):
    page = _signed_in(client, Role.SCHOOL).get(LIST).content.decode()
    assert "Đào tạo lý luận chính trị" in page and "Bồi dưỡng kiến thức quốc phòng – an ninh" in page
    assert "Lý luận chính trị: Cao cấp" in page
    assert "Quản lý nhà nước: mức theo tiêu chuẩn người học phải đạt" in page
    assert "Thêm chương trình" not in page and reverse("training:programme_new") not in page
    editor = _signed_in(client, Role.BTC).get(LIST).content.decode()
    assert "Thêm chương trình" in editor and "Sửa" in editor


def test_the_menu_offers_the_catalogue_under_training(client):
    page = _signed_in(client, Role.UNIT_HR).get(reverse("core:home")).content.decode()
    assert f'href="{LIST}"' in page


def test_a_new_programme_with_an_error_keeps_what_was_typed(client):
    client = _signed_in(client, Role.SNV)
    new = reverse("training:programme_new") + f"?bo={CODE}"
    response = client.post(new, _form(full_time="", code="Sai mã"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chọn ít nhất một hình thức học" in page and "Mã gồm chữ thường" in page
    assert 'value="Nghiệp vụ đấu thầu"' in page and 'value="3.500.000"' in page
    assert not Programme.objects.filter(name="Nghiệp vụ đấu thầu").exists()


def test_a_new_programme_is_saved_audited_and_listed(client):
    client = _signed_in(client, Role.SNV)
    response = client.post(reverse("training:programme_new") + f"?bo={CODE}",
                           _form(grant_qlnn="chuyen_vien"))
    programme = Programme.objects.get(rule_set__code=CODE, code="dau_thau")
    assert response.status_code == 302 and response["Location"].endswith(f"#chuong-trinh-{programme.pk}")
    assert programme.cost_full_time == 3_500_000
    assert programme.qualifications == [{"kind": "qlnn", "level": "chuyen_vien", "as_required": False}]
    assert AuditEvent.objects.filter(action="programme_create", object_key="dau_thau").exists()
    assert "3.500.000 đ" in client.get(LIST).content.decode()


def test_editing_keeps_a_parameter_length_and_changes_the_costs(client):
    client = _signed_in(client, Role.BTC)
    programme = Programme.objects.get(rule_set__code=CODE, code="dai_hoc")
    url = reverse("training:programme_edit", args=[programme.pk])
    page = client.get(url).content.decode()
    assert "Thời gian đào tạo theo tham số của bộ quy tắc" in page and 'name="years"' not in page
    assert 'value="dai_hoc" selected' in page
    response = client.post(url, {"family": programme.family_id, "name": programme.name,
                                 "citation": "III.1.1.b", "grant_chuyen_mon": "dai_hoc", "full_time": "on",
                                 "cost_full_time": "",
                                 "in_service": "on", "cost_in_service": "15 000 000", "quota_source": ""})
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.cost_in_service == 15_000_000 and programme.years_parameter == "nam_dao_tao_dai_hoc"


def test_deleting_asks_first_and_refuses_the_programmes_of_the_rules(client):
    client = _signed_in(client, Role.BTC)
    kept = Programme.objects.get(rule_set__code=CODE, code="qlnn")
    refusal = client.get(reverse("training:programme_delete", args=[kept.pk])).content.decode()
    assert "không xóa được" in refusal and "Xác nhận xóa" not in refusal
    assert client.post(reverse("training:programme_delete", args=[kept.pk])).status_code == 200
    assert Programme.objects.filter(pk=kept.pk).exists()
    course = Programme.objects.get(rule_set__code=CODE, code="dai_bieu_hdnd_xa")
    url = reverse("training:programme_delete", args=[course.pk])
    assert "Xác nhận xóa chương trình “Đại biểu hội đồng nhân dân cấp xã”" in client.get(url).content.decode()
    assert Programme.objects.filter(pk=course.pk).exists()
    assert client.post(url).status_code == 302
    assert not Programme.objects.filter(pk=course.pk).exists()
    assert AuditEvent.objects.filter(action="programme_delete").count() == 1


def test_unit_hr_may_read_but_not_edit(client):
    client = _signed_in(client, Role.UNIT_HR)
    programme = Programme.objects.get(rule_set__code=CODE, code="qlnn")
    assert client.get(LIST).status_code == 200
    response = client.get(reverse("training:programme_edit", args=[programme.pk]))
    assert response.status_code == 403 and "Sửa danh mục chương trình" in response.content.decode()
