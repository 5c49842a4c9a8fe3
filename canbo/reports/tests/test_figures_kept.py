"""Figures kept until the data changes: every kind of write is seen at once, and what is served
equals what a fresh computation gives."""

import datetime as dt

import pytest
from django.core.management import call_command

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.core.data_cache import data_token
from canbo.core.deltas import forget_all
from canbo.org.models import StandardVersion
from canbo.org.services import standard_version_create
from canbo.reports.selectors import people_behind, review
from canbo.reports.tests.builders import Province
from canbo.rules import engine
from canbo.rules.models import Parameter
from canbo.rules.services import parameter_version_create
from canbo.rules.verdicts import PRIORITIES

pytestmark = pytest.mark.django_db
D = dt.date(2017, 6, 30)


def fresh_review() -> dict:
    forget_all()
    return review(actor=system_actor(), as_of=D)


@pytest.fixture
def province():
    p = Province()
    p.someone = p.cadre()
    p.hold(p.someone, p.truong_phong)
    p.qualify(p.someone, "llct", "trung_cap")
    return p


def test_a_qualification_written_through_the_service_changes_the_figures(province):
    before = review(actor=system_actor(), as_of=D)
    assert review(actor=system_actor(), as_of=D) == before
    assert before["thieu_dai_hoc"] == 1
    province.qualify(province.someone, "chuyen_mon", "dai_hoc")
    after = review(actor=system_actor(), as_of=D)
    assert after["thieu_dai_hoc"] == 0
    assert after == fresh_review()


def test_the_people_behind_a_figure_follow_a_new_holding(province):
    total, rows = people_behind(actor=system_actor(), as_of=D, key="thieu_qlnn", limit=50)
    assert (total, [r["code"] for r in rows]) == (1, [province.someone.code])
    other = province.cadre(code="CB-MOI")
    province.hold(other, province.pho_phong)
    total, rows = people_behind(actor=system_actor(), as_of=D, key="thieu_qlnn", limit=1, offset=1)
    assert total == 2 and [r["code"] for r in rows] == [province.someone.code]
    everyone = people_behind(actor=system_actor(), as_of=D, key="thieu_qlnn")
    assert [r["code"] for r in everyone[1]] == ["CB-MOI", province.someone.code]


def test_a_standard_changed_in_place_or_by_a_new_version_changes_the_figures(province):
    assert review(actor=system_actor(), as_of=D)["thieu_cao_cap_llct"] == 1
    StandardVersion.objects.filter(position_type=province.truong_phong).update(req_llct=2)
    assert review(actor=system_actor(), as_of=D)["thieu_cao_cap_llct"] == 0
    standard_version_create(
        actor=system_actor(), position_type=province.truong_phong, valid_from=dt.date(2017, 1, 1),
        reason="Tiêu chuẩn mới", decision="QĐ 1/2017", req_llct=3,
    )
    assert review(actor=system_actor(), as_of=D)["thieu_cao_cap_llct"] == 1
    assert review(actor=system_actor(), as_of=D) == fresh_review()


def test_a_parameter_change_reaches_the_context_and_the_counts(province):
    young = next(cond for code, cond, _label in PRIORITIES if code == "tre")
    assert engine.count(engine.context_for(D), young) == 0  # born 15/06/1980: 37 at D, the limit is 35
    btc = User.objects.create_user(username="btc", password="x-very-long-1", role=Role.BTC)
    parameter_version_create(
        actor=btc, parameter=Parameter.objects.get(key="tuoi_tre"), value=38, valid_from=dt.date(2017, 2, 1),
        reason="Điều chỉnh", decision="QĐ 2/2017",
    )
    ctx = engine.context_for(D)
    assert ctx["params"]["tuoi_tre"] == 38
    assert engine.count(ctx, young) == 1


def test_an_import_changes_the_figures():
    empty = review(actor=system_actor(), as_of=D)
    assert empty["thieu_qlnn"] == 0
    call_command("demo", "--size", "120", "--seed", "1", stdout=None)
    loaded = review(actor=system_actor(), as_of=D)
    assert loaded != empty
    assert loaded == fresh_review()
    # The import replaces the token once for all its rows; the triggers are back after it.
    token = data_token()
    StandardVersion.objects.filter(position_type__isnull=False).update(req_qlnn=0)
    assert data_token() != token
    StandardVersion.objects.filter(rank__isnull=False).update(req_qlnn=0)
    assert review(actor=system_actor(), as_of=D)["thieu_qlnn"] == 0
