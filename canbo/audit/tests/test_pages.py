import pytest
from django.urls import reverse

from canbo.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_inspector_reads_the_log_and_filters_it(client_as):
    client = client_as("kiemtra", role=Role.INSPECTOR)
    response = client.get(reverse("audit:list"), {"q": "Đức Trọng"})
    assert response.status_code == 200
    summaries = [event.summary for event in response.context["table"].rows]
    assert summaries and all("Đức Trọng" in text for text in summaries)
    assert "unit_create" in response.context["actions"]
    assert "Nhật ký thay đổi" in response.content.decode()


def test_other_roles_may_not_read_the_log(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    assert client.get(reverse("audit:list")).status_code == 403
    assert "Nhật ký thay đổi" not in client.get(reverse("core:home")).content.decode()
