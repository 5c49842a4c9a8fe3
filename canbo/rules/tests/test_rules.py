import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.core.dates import add_months
from canbo.rules.facts import earliest_reaching
from canbo.rules.models import Parameter, ParameterVersion, Rule, RuleSet
from canbo.rules.selectors import parameters_in_force, rule_set_in_force
from canbo.rules.services import parameter_version_create, rule_set_copy

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


def _new_value(actor, key, value, on, rule_set="KH-2017-2020"):
    parameter = Parameter.objects.get(rule_set__code=rule_set, key=key)
    return parameter_version_create(
        actor=actor,
        parameter=parameter,
        value=value,
        valid_from=on,
        reason="Điều chỉnh",
        decision="QĐ 1/2024",
    )


def test_a_parameter_version_only_by_btc_validated_dated_and_audited(btc):
    snv = User.objects.create_user(username="snv", password="x-very-long-1", role=Role.SNV)
    with pytest.raises(PermissionDenied):
        _new_value(snv, "tuoi_tre", 36, dt.date(2019, 1, 1))
    with pytest.raises(ValidationError):
        _new_value(btc, "tuoi_tre", 200, dt.date(2019, 1, 1))
    with pytest.raises(ValidationError):  # not after the version in force
        _new_value(btc, "tuoi_tre", 36, dt.date(2017, 1, 1))
    _new_value(btc, "tuoi_tre", 36, dt.date(2019, 1, 1))
    assert parameters_in_force(dt.date(2018, 12, 31))["tuoi_tre"] == 35
    assert parameters_in_force(dt.date(2019, 1, 1))["tuoi_tre"] == 36
    first, second = ParameterVersion.objects.filter(parameter__key="tuoi_tre").order_by("valid_from")
    assert first.valid_to == dt.date(2018, 12, 31) and second.valid_to is None
    event = AuditEvent.objects.get(action="parameter_version_create")
    assert event.before == {"value": 35, "valid_from": "2017-01-01"}
    assert event.after == {"value": 36, "valid_from": "2019-01-01"}
    assert event.data["ly_do"] == "Điều chỉnh" and event.data["van_ban"] == "QĐ 1/2024"


def test_every_parameter_has_a_first_version_from_the_set_start():
    rule_set = RuleSet.objects.get(code="KH-2017-2020")
    for parameter in Parameter.objects.filter(rule_set=rule_set):
        first = parameter.versions.order_by("valid_from").first()
        assert (
            first is not None and first.valid_from == rule_set.valid_from and first.value == parameter.default
        )


def test_every_parameter_is_cited_by_a_rule_and_every_text_placeholder_is_a_parameter():
    rule_set = RuleSet.objects.get(code="KH-2017-2020")
    keys = set(Parameter.objects.filter(rule_set=rule_set).values_list("key", flat=True))
    cited = set()
    for rule in Rule.objects.filter(rule_set=rule_set):
        assert set(rule.placeholders()) <= set(rule.parameter_keys) <= keys, rule.code
        cited |= set(rule.parameter_keys)
    assert cited == keys


def test_rule_texts_carry_no_values_and_show_those_in_force(client, btc):
    import re

    for rule in Rule.objects.all():
        assert not re.search(r"\d+ ?(tuổi|tiết|năm|%)", rule.text), rule.code
    _new_value(btc, "tuoi_tap_trung", 45, dt.date(2019, 1, 1))
    client.force_login(btc)
    early = client.get(reverse("rules:list"), {"bo": "KH-2017-2020", "as_of": "2017-06-30"})
    groups = early.context["groups"]
    t2 = next(item for group in groups for item in group["rules"] if item["rule"].code == "T2")
    t3 = next(item for group in groups for item in group["rules"] if item["rule"].code == "T3")
    assert t2["text"].startswith("Cán bộ dưới 40 tuổi phải học")
    assert "nhiều nhóm ưu tiên hơn" in t3["text"] and "dưới 35 tuổi" in t3["text"]
    assert "theo thứ tự" not in t3["text"]
    later = client.get(reverse("rules:list"), {"bo": "KH-2017-2020", "as_of": "2019-06-30"})
    t2 = next(
        item for group in later.context["groups"] for item in group["rules"] if item["rule"].code == "T2"
    )
    assert t2["text"].startswith("Cán bộ dưới 45 tuổi phải học")


def test_rules_not_checked_yet_are_marked_and_have_no_conditions(client, btc):
    client.force_login(btc)
    page = client.get(reverse("rules:list"), {"bo": "KH-2017-2020"})
    items = {item["rule"].code: item for group in page.context["groups"] for item in group["rules"]}
    assert {code for code, item in items.items() if not item["rule"].enforced} == {"R4", "BC"}
    assert items["R4"]["conditions"] == [] and items["T6"]["conditions"] and items["R5"]["conditions"]
    assert "canbo chưa kiểm tra" in page.content.decode()


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
    _new_value(btc, "tuoi_tre", 40, dt.date(2021, 1, 2), rule_set="KH-2021-2025")
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
    form = {"value": "34", "valid_from": "01/07/2019", "reason": "Nghị quyết mới", "decision": "NQ 5/2019"}
    confirm = client.post(url, form)
    assert confirm.context["confirming"] and parameter.versions.count() == 1
    assert client.post(url, {**form, "xac_nhan": "1"}).status_code == 302
    assert parameters_in_force(dt.date(2019, 7, 1))["tuoi_tre"] == 34
    assert parameters_in_force(dt.date(2019, 6, 30))["tuoi_tre"] == 35
    assert "từ 18 tuổi đến 60 tuổi" in client.post(url, {**form, "value": "99"}).content.decode()
    missing = client.post(url, {"value": "33", "valid_from": "01/07/2020"}).content.decode()
    assert missing.count("form-error") == 2  # reason and decision are required
    history = client.get(url).content.decode()
    assert "Nghị quyết mới" in history and "NQ 5/2019" in history
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
    _new_value(btc, "tuoi_tre", 30, dt.date(2017, 6, 1))
    assert "tre" not in eligibility(cadre=cadre, as_of=as_of)["chuong_trinh"][0]["uu_tien"]
    assert "tre" in eligibility(cadre=cadre, as_of=dt.date(2017, 5, 31))["chuong_trinh"][0]["uu_tien"]


def test_a_database_emptied_of_rule_sets_gets_the_shipped_one_with_its_versions():
    RuleSet.objects.all().delete()
    params = parameters_in_force(dt.date(2017, 6, 30))
    assert params["tuoi_tre"] == 35 and params["xep_loai_bang_toi_thieu"] == 4
    rule_set = RuleSet.objects.get()
    assert (
        ParameterVersion.objects.filter(parameter__rule_set=rule_set).count() == rule_set.parameters.count()
    )
    assert set(Rule.objects.filter(enforced=False).values_list("code", flat=True)) == {"R4", "BC"}
    assert Parameter.objects.get(key="muc_danh_gia_toi_thieu").scale[1] == "hoàn thành tốt nhiệm vụ"


def test_a_set_copied_before_a_parameter_existed_gets_it_with_the_value_at_its_start(btc):
    from importlib import import_module

    from django.apps import apps

    source = RuleSet.objects.get(code="KH-2017-2020")
    copy = rule_set_copy(actor=btc, source=source, code="KH-2021-2025", name="Kế hoạch 2021 - 2025",
                         valid_from=dt.date(2021, 1, 1))
    _new_value(btc, "nam_luan_chuyen_toi_da", 4, dt.date(2020, 1, 1))
    copy.parameters.filter(key__in=["nam_luan_chuyen_toi_da", "so_nam_danh_gia"]).delete()
    migration = import_module("canbo.rules.migrations.0007_copied_rule_sets_get_later_parameters")
    migration.add_missing_parameters(apps, None)
    assert copy.parameters.count() == source.parameters.count()
    assert parameters_in_force(dt.date(2022, 6, 1))["nam_luan_chuyen_toi_da"] == 4
    added = copy.parameters.get(key="so_nam_danh_gia").versions.get()
    assert added.valid_from == dt.date(2021, 1, 1) and added.value == 2
    migration.add_missing_parameters(apps, None)  # a second run adds nothing
    assert copy.parameters.count() == source.parameters.count()
