import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.core.dates import add_months
from canbo.rules.facts import earliest_reaching
from canbo.rules.models import Parameter, Rule, RuleSet
from canbo.rules.selectors import parameters_in_force, rule_set_in_force
from canbo.rules.services import parameter_update, rule_set_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def btc():
    return User.objects.create_user(username="btc", password="x-very-long-1", role=Role.BTC)


def test_shipped_rule_set_has_every_rule_and_parameter():
    rule_set = RuleSet.objects.get(code="KH-2017-2020")
    codes = set(Rule.objects.filter(rule_set=rule_set).values_list("code", flat=True))
    assert {f"T{n}" for n in range(1, 10)} | {"R1", "R2", "N1", "thieu_qlnn"} <= codes
    params = parameters_in_force(dt.date(2018, 1, 1))
    assert params["tuoi_tre"] == 35 and params["tuoi_tap_trung"] == 40 and params["so_tiet_trung_llct"] == 250
    assert params["ty_le_luan_chuyen"] == 20 and params["thang_hieu_luc_ky_luat"] == 12


def test_parameter_update_only_by_btc_validated_and_audited(btc):
    parameter = Parameter.objects.get(key="tuoi_tre")
    snv = User.objects.create_user(username="snv", password="x-very-long-1", role=Role.SNV)
    with pytest.raises(PermissionDenied):
        parameter_update(actor=snv, parameter=parameter, value=36)
    with pytest.raises(ValidationError):
        parameter_update(actor=btc, parameter=parameter, value=200)
    parameter_update(actor=btc, parameter=parameter, value=36)
    assert Parameter.objects.get(key="tuoi_tre").value == 36
    event = AuditEvent.objects.get(action="parameter_update")
    assert event.data == {"bo_quy_tac": "KH-2017-2020", "khoa": "tuoi_tre", "cu": 35, "moi": 36}


def test_copy_for_next_period_and_which_set_is_in_force(btc):
    source = RuleSet.objects.get(code="KH-2017-2020")
    copy = rule_set_copy(
        actor=btc,
        source=source,
        code="KH-2021-2025",
        name="Kế hoạch 2021 - 2025",
        valid_from=dt.date(2021, 1, 1),
        valid_to=dt.date(2025, 12, 31),
    )
    assert copy.rules.count() == source.rules.count() and copy.parameters.count() == source.parameters.count()
    parameter_update(actor=btc, parameter=copy.parameters.get(key="tuoi_tre"), value=40)
    assert parameters_in_force(dt.date(2020, 6, 1))["tuoi_tre"] == 35
    assert parameters_in_force(dt.date(2022, 6, 1))["tuoi_tre"] == 40
    assert rule_set_in_force(dt.date(2030, 1, 1)).code == "KH-2021-2025"  # the latest stays in force
    assert rule_set_in_force(dt.date(2010, 1, 1)).code == "KH-2017-2020"


def test_discipline_window_edge_at_month_ends():
    for as_of in (dt.date(2020, 2, 29), dt.date(2021, 3, 31), dt.date(2021, 2, 28)):
        start = earliest_reaching(as_of, 12)
        assert add_months(start, 12) >= as_of
        assert add_months(start - dt.timedelta(days=1), 12) < as_of


def test_rules_page_and_parameter_form_with_confirmation(client, btc):
    client.force_login(btc)
    page = client.get(reverse("rules:list"))
    text = page.content.decode()
    assert "III.1.1.a" in text and "Tuổi của cán bộ trẻ" in text
    parameter = Parameter.objects.get(key="tuoi_tre")
    url = reverse("rules:parameter_edit", args=[parameter.pk])
    confirm = client.post(url, {"value": "34"})
    assert confirm.context["confirming"] and Parameter.objects.get(pk=parameter.pk).value == 35
    assert client.post(url, {"value": "34", "xac_nhan": "1"}).status_code == 302
    assert Parameter.objects.get(pk=parameter.pk).value == 34
    assert "từ 18 đến 60" in client.post(url, {"value": "99"}).content.decode()
    reader = User.objects.create_user(username="btv", password="x-very-long-1", role=Role.BTV)
    client.force_login(reader)
    assert client.get(url).status_code == 403


def test_a_parameter_change_changes_the_verdicts(btc):
    from canbo.reports.selectors import eligibility
    from canbo.reports.tests.builders import Province

    province = Province()
    cadre = province.cadre(code="Y33", birth=dt.date(1984, 1, 1))
    province.hold(cadre, province.truong_phong)
    as_of = dt.date(2017, 6, 30)
    priorities = eligibility(cadre=cadre, as_of=as_of)["chuong_trinh"][0]["uu_tien"]
    assert "tre" in priorities  # 33 years old, under 35
    parameter_update(actor=btc, parameter=Parameter.objects.get(key="tuoi_tre"), value=30)
    assert "tre" not in eligibility(cadre=cadre, as_of=as_of)["chuong_trinh"][0]["uu_tien"]
