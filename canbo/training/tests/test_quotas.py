"""Yearly quotas of a programme (T9, Đề án 165): set by btc and snv with their document, audited; the
seats the year's plans take, counted from the plans sent onwards within the reader's reach; the
catalogue, the programme's page and the plan's page say so, and warn when the plans take more."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.training.models import ProgrammeQuota
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_create
from canbo.training.quotas import quota_set, quota_use
from canbo.training.tests.test_courses import YEAR, in_force_plan, programme, users  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_quota_is_set_and_changed_by_the_catalogue_offices_with_its_document(users):  # noqa: F811
    dai_hoc = programme("dai_hoc")
    with pytest.raises(PermissionDenied):
        quota_set(actor=users["hr"], programme=dai_hoc, year=YEAR, seats=5, decision="QĐ 1")
    with pytest.raises(ValidationError):
        quota_set(actor=users["btc"], programme=dai_hoc, year=YEAR, seats=5, decision="  ")
    quota_set(actor=users["btc"], programme=dai_hoc, year=YEAR, seats=5, decision="Công văn 12/BTCTW")
    quota = quota_set(actor=users["snv"], programme=dai_hoc, year=YEAR, seats=3, decision="Công văn 15/BTCTW")
    assert ProgrammeQuota.objects.get() == quota and (quota.seats, quota.decision) == (3, "Công văn 15/BTCTW")
    change = AuditEvent.objects.filter(action=AuditAction.QUOTA_SET).latest("pk")
    assert (change.before["seats"], change.after["seats"]) == (5, 3)
    assert summary(change).startswith(f"Chỉ tiêu Đại học năm {YEAR}: ")


def test_the_seats_taken_count_sent_plans_within_reach_and_the_pages_warn(client, small_province, users):  # noqa: F811
    plan = in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    draft = plan_create(actor=users["hr"], unit=small_province.units["HU-DT"], year=YEAR, content="")
    line_add(actor=users["hr"], plan=draft, programme=programme("dai_hoc"), mode="tap_trung", codes=["DT2"])
    quota = quota_set(actor=users["btc"], programme=programme("dai_hoc"), year=YEAR, seats=1, decision="CV 1")
    assert quota_use(actor=users["btv"], quota=quota).taken == 2  # the draft takes no seat yet
    assert quota_use(actor=users["btv"], quota=quota).over
    assert quota_use(actor=users["hr"], quota=quota).taken == 0  # Sở Nội vụ's plan is outside its reach
    other_year = quota_set(actor=users["btc"], programme=programme("dai_hoc"), year=YEAR + 1, seats=1,
                           decision="CV 2")
    assert quota_use(actor=users["btv"], quota=other_year).taken == 0
    client.force_login(users["btv"])
    page = client.get(reverse("training:plan_detail", args=[plan.pk])).content.decode()
    assert f"Chỉ tiêu {YEAR}: 1 chỗ, các kế hoạch đã gửi dùng 2" in page and "vượt chỉ tiêu" in page
    catalogue = client.get(reverse("training:programmes"), {"as_of": dt.date(YEAR, 6, 30)}).content.decode()
    assert f"Chỉ tiêu {YEAR}: 1 chỗ, kế hoạch đã dùng 2" in catalogue


def test_the_programme_page_sets_a_quota_and_keeps_a_refused_one(client, users):  # noqa: F811
    client.force_login(users["snv"])
    url = reverse("training:programme_quota", args=[programme("dai_hoc").pk])
    refused = client.post(url, {"nam": YEAR, "so_cho": 10, "van_ban": ""})
    assert refused.status_code == 200 and not ProgrammeQuota.objects.exists()
    assert 'value="10"' in refused.content.decode()
    done = client.post(url, {"nam": YEAR, "so_cho": 10, "van_ban": "Quyết định 7/QĐ-UBND"})
    assert done.status_code == 302 and done["Location"].endswith("#chi-tieu")
    page = client.get(done["Location"]).content.decode()
    assert "Quyết định 7/QĐ-UBND" in page and 'id="bang-chi-tieu"' in page
