import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.rules.models import Parameter, Rule, RuleSet

pytestmark = pytest.mark.django_db

URL = reverse("rules:rule_set_copy", args=["KH-2017-2020"])


def _signed_in(client, role):
    client.force_login(User.objects.create_user(username=role, password="x-very-long-1", role=role))
    return client


def test_btc_copies_the_rule_set_for_the_next_period(client):
    client = _signed_in(client, Role.BTC)
    assert "Tạo bộ quy tắc cho giai đoạn sau" in client.get(reverse("rules:list")).content.decode()
    response = client.post(
        URL,
        {"code": "KH-2021-2025", "name": "Kế hoạch 2021 – 2025", "valid_from": "01/01/2021", "valid_to": ""},
    )
    assert response.status_code == 302 and response["Location"].endswith("?bo=KH-2021-2025")
    copy = RuleSet.objects.get(code="KH-2021-2025")
    source = RuleSet.objects.get(code="KH-2017-2020")
    assert Rule.objects.filter(rule_set=copy).count() == Rule.objects.filter(rule_set=source).count()
    copied = Parameter.objects.get(rule_set=copy, key="tuoi_tre").versions.get()
    assert copied.value == 35 and copied.valid_from == copy.valid_from
    assert AuditEvent.objects.filter(action="rule_set_copy").count() == 1


def test_a_start_before_the_source_is_refused_and_kept_in_the_form(client):
    client = _signed_in(client, Role.BTC)
    response = client.post(URL, {"code": "KH-CU", "name": "Cũ", "valid_from": "01/01/2016"})
    page = response.content.decode()
    assert response.status_code == 200 and "phải bắt đầu sau ngày" in page and 'value="KH-CU"' in page
    assert not RuleSet.objects.filter(code="KH-CU").exists()


def test_a_malformed_date_names_the_field(client):
    client = _signed_in(client, Role.BTC)
    response = client.post(URL, {"code": "KH-X", "name": "X", "valid_from": "2021/13/01"})
    assert response.status_code == 200 and "Nhập một ngày hợp lệ" in response.content.decode()


def test_other_roles_may_not_copy(client):
    client = _signed_in(client, Role.SNV)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"code": "KH-Y", "name": "Y", "valid_from": "01/01/2021"}).status_code == 403
    assert "Tạo bộ quy tắc cho giai đoạn sau" not in client.get(reverse("rules:list")).content.decode()
