"""The line pages: the eligible list to pick from, a refusal naming the rule, removal after asking."""

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.audit.models import AuditEvent
from canbo.rules.kh_2017_2020 import CODE
from canbo.training.models import PlanLine, Programme
from canbo.training.plans import plan_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, small_province):
    client.force_login(small_province.user("hr_dt", Role.UNIT_HR, "HU-DT"))
    plan = plan_create(actor=small_province.user("hr2", Role.UNIT_HR, "HU-DT"),
                       unit=small_province.units["HU-DT"], year=2018, content="")
    return client, plan


def _pk(code):
    return Programme.objects.get(rule_set__code=CODE, code=code).pk


def test_a_degree_line_is_picked_from_the_eligible_list_of_the_year(signed_in):
    client, plan = signed_in
    url = reverse("training:plan_line_new", args=[plan.pk])
    page = client.get(f"{url}?chuong_trinh={_pk('dai_hoc')}").content.decode()
    assert "Cán bộ đủ điều kiện ngày 01/01/2018" in page and 'value="DT2"' in page and "Ka Điệp" in page
    assert "người dân tộc thiểu số" in page and 'value="SNV2"' not in page
    response = client.post(url, {"chuong_trinh": _pk("dai_hoc"), "hinh_thuc": "tap_trung", "can_bo": ["DT2"]})
    assert response.status_code == 302
    detail = client.get(reverse("training:plan_detail", args=[plan.pk])).content.decode()
    assert "Ka Điệp" in detail and "Đại học" in detail


def test_an_ineligible_cadre_is_refused_with_the_rule_and_the_input_kept(signed_in):
    client, plan = signed_in
    url = reverse("training:plan_line_new", args=[plan.pk])
    response = client.post(url, {"chuong_trinh": _pk("cao_cap_llct"), "hinh_thuc": "tai_chuc",
                                 "ma_khac": "DT1", "ghi_chu": "Đề xuất"})
    page = response.content.decode()
    assert response.status_code == 200 and "không đủ điều kiện “Cao cấp lý luận chính trị”" in page
    assert "theo quy tắc T1 (III.1.1.a)" in page and 'value="DT1"' in page and 'value="Đề xuất"' in page
    assert not PlanLine.objects.exists()


def test_a_line_is_removed_after_a_confirmation(signed_in):
    client, plan = signed_in
    client.post(reverse("training:plan_line_new", args=[plan.pk]),
                {"chuong_trinh": _pk("qpan_doi_tuong_2"), "hinh_thuc": "tap_trung", "so_nguoi": "4"})
    line = PlanLine.objects.get()
    url = reverse("training:plan_line_delete", args=[plan.pk, line.pk])
    assert "Xác nhận bỏ dòng" in client.get(url).content.decode() and PlanLine.objects.exists()
    assert client.post(url).status_code == 302 and not PlanLine.objects.exists()
    assert AuditEvent.objects.filter(action="plan_line_remove").count() == 1
