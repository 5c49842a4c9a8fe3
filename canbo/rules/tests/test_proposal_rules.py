"""The rules over proposals in the shipped rule set: the rows the migration adds, and the rules
page listing their conditions in words."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from canbo.accounts.models import Role, User
from canbo.rules.models import Parameter, Rule
from canbo.rules.selectors import rule_set_in_force

pytestmark = pytest.mark.django_db
migration = importlib.import_module("canbo.rules.migrations.0003_proposal_rules")


def test_migration_adds_only_the_missing_rows():
    rule_set = rule_set_in_force(dt.date(2018, 1, 1))
    Rule.objects.filter(rule_set=rule_set, code__in=["R6", "D4"]).delete()
    Parameter.objects.filter(rule_set=rule_set, key="thang_bat_dau_luan_chuyen").delete()
    before = Rule.objects.filter(rule_set=rule_set).count()
    migration.add_rows(apps, None)
    migration.add_rows(apps, None)
    assert Rule.objects.filter(rule_set=rule_set).count() == before + 2
    assert Parameter.objects.get(rule_set=rule_set, key="thang_bat_dau_luan_chuyen").value == 10
    assert Parameter.objects.get(rule_set=rule_set, key="nam_bat_dau_luan_chuyen").value == 2017
    r6 = Rule.objects.get(rule_set=rule_set, code="R6")
    assert "{nam_bat_dau_luan_chuyen}" in r6.text and r6.citation == "III.2.3"
    assert Rule.objects.get(rule_set=rule_set, code="D4").group == "dieu_dong"


def test_rules_page_lists_the_checks_of_a_proposal_in_words(client):
    client.force_login(User.objects.create_user(username="kt", password="x-2017-y", role=Role.INSPECTOR))
    html = client.get("/quy-tac/").content.decode()
    for code in ("R3", "R6", "R7", "R8", "D1", "D2", "D4"):
        assert f"<strong>{code}</strong>" in html
    assert "ngày bắt đầu trước ngày 01/10/2017" in html
    assert "ra ngoài địa phương (khác địa bàn cấp huyện)" in html
    assert "quê quán thuộc địa bàn của đơn vị đến" in html
