"""Closing a unit from its page: a form, a confirmation naming who still holds a post there, the
audited closing; refusals say why on the form and change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.org.models import Unit

pytestmark = pytest.mark.django_db

PAGE = reverse("org:unit_close", args=["UB-DT"])
FORM = {"closed_on": "30/06/2025", "successor": "SNV", "decision": "Nghị quyết 1234/NQ-UBTVQH15"}


def test_the_unit_page_offers_closing_only_to_who_may(client_as):
    detail = reverse("org:unit_detail", args=["UB-DT"])
    assert PAGE in client_as("snv", role=Role.SNV).get(detail).content.decode()
    assert PAGE not in client_as("btv", role=Role.BTV).get(detail).content.decode()


def test_a_confirmation_names_the_holders_then_the_unit_closes(client_as):
    client = client_as("snv", role=Role.SNV)
    confirm = client.post(PAGE, FORM)
    page = confirm.content.decode()
    assert "Xác nhận: UBND huyện Đức Trọng hoạt động đến hết ngày 30/06/2025; Sở Nội vụ kế thừa" in page
    assert "1 cán bộ còn giữ chức danh" in page and "Ka Điệp" in page
    assert Unit.objects.get(code="UB-DT").valid_to is None
    done = client.post(PAGE, {**FORM, "xac_nhan": "1"})
    assert done.status_code == 302 and done["Location"].endswith("?as_of=2025-06-30")
    unit = Unit.objects.get(code="UB-DT")
    assert (unit.valid_to, unit.successor.code) == (dt.date(2025, 6, 30), "SNV")
    event = AuditEvent.objects.get(action=AuditAction.UNIT_CLOSE)
    assert (event.actor.username, event.object_key) == ("snv", "UB-DT")
    assert event.data["van_ban"] == FORM["decision"]
    tree = client.get(reverse("org:unit_tree"), {"as_of": "2025-07-01"}).content.decode()
    assert reverse("org:unit_detail", args=["UB-DT"]) not in tree


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"successor": "UB-DT"}, "successor", "không được là chính đơn vị"),
    ({"successor": "KHONG-CO"}, "successor", "Không có đơn vị"),
    ({"successor": "TU"}, "successor", "Không có đơn vị"),  # out of snv's scope
    ({"closed_on": "31/02/2025"}, "closed_on", "Nhập một ngày hợp lệ"),
    ({"decision": ""}, "decision", "bắt buộc"),
])
def test_a_refusal_is_shown_on_its_field_and_nothing_changes(client_as, change, field, message):
    client = client_as("snv", role=Role.SNV)
    response = client.post(PAGE, {**FORM, **change, "xac_nhan": "1"})
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert Unit.objects.get(code="UB-DT").valid_to is None
    assert not AuditEvent.objects.filter(action=AuditAction.UNIT_CLOSE).exists()


def test_a_unit_with_open_units_below_cannot_close(client_as):
    response = client_as("btc", role=Role.BTC).post(reverse("org:unit_close", args=["HU-DT"]),
                                                   {**FORM, "successor": ""})
    assert "Còn đơn vị cấp dưới hoạt động sau ngày này" in response.content.decode()
    assert Unit.objects.get(code="HU-DT").valid_to is None
