"""The caps of succession planning: none in the 2017–2020 rule set; once a version sets them, the
positions with more planned cadres and the cadres planned for more positions are flagged, as of D."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.reports.tests.builders import Province
from canbo.rules.models import Parameter, Rule
from canbo.rules.selectors import parameters_in_force, rule_set_in_force
from canbo.rules.services import parameter_version_create
from canbo.training.succession_caps import CADRES_PER_POSITION, POSITIONS_PER_CADRE, succession_caps

pytestmark = pytest.mark.django_db
D = dt.date(2020, 1, 1)
CAPPED_FROM = dt.date(2019, 1, 1)


@pytest.fixture
def p():
    return Province()


def _cap(key: str, value: int):
    parameter = Parameter.objects.get(rule_set=rule_set_in_force(D), key=key)
    parameter_version_create(actor=system_actor(), parameter=parameter, value=value, valid_from=CAPPED_FROM,
                             reason="Quy hoạch nhiệm kỳ 2020–2025", decision="Quy định 377-QĐ/TW")


def _planned(p):
    """Four cadres planned for Bí thư Huyện ủy; the first also for three other positions, the second
    for two others (three in all)."""
    cadres = [p.cadre() for _n in range(4)]
    for cadre in cadres:
        p.plan(cadre, p.bi_thu)
    for position_type in (p.truong_phong, p.pho_phong, p.uy_vien):
        p.plan(cadres[0], position_type)
    for position_type in (p.truong_phong, p.pho_phong):
        p.plan(cadres[1], position_type)
    p.plan(cadres[2], p.truong_phong, term=(2015, 2020), approved=dt.date(2016, 1, 1))  # another term
    return cadres


def test_the_2017_rule_set_sets_no_cap(p):
    _planned(p)
    values = parameters_in_force(D)
    assert (values[CADRES_PER_POSITION], values[POSITIONS_PER_CADRE]) == (0, 0)
    check = succession_caps(actor=system_actor(), as_of=D)
    assert not check.capped and check.crowded == [] and check.spread == []


def test_set_caps_flag_the_crowded_positions_and_the_spread_cadres_from_their_date(p):
    cadres = _planned(p)
    _cap(CADRES_PER_POSITION, 3)
    _cap(POSITIONS_PER_CADRE, 3)
    check = succession_caps(actor=system_actor(), as_of=D)
    assert (check.per_position, check.per_cadre) == (3, 3)
    assert [(c.term, c.position_type, c.unit) for c in check.crowded] == [((2020, 2025), p.bi_thu, None)]
    assert {c.pk for c in check.crowded[0].cadres} == {c.pk for c in cadres}
    assert [(s.term, s.cadre) for s in check.spread] == [((2020, 2025), cadres[0])]
    assert {e.position_type for e in check.spread[0].positions} == {p.bi_thu, p.truong_phong, p.pho_phong,
                                                                     p.uy_vien}
    before = succession_caps(actor=system_actor(), as_of=dt.date(2018, 12, 31))
    assert not before.capped and before.crowded == [] and before.spread == []
    Rule.objects.filter(rule_set=rule_set_in_force(D), code="Q1").delete()  # a set without the rule: no cap
    assert not succession_caps(actor=system_actor(), as_of=D).capped


def test_one_cap_alone_and_the_unit_filter(p):
    cadres = _planned(p)
    _cap(POSITIONS_PER_CADRE, 2)
    system = system_actor()
    services.planning_add(actor=system, cadre=cadres[3], position_type=p.chuyen_vien, unit=p.hu_dt,
                          term_start=2020, term_end=2025, approved_on=dt.date(2017, 3, 1))
    services.planning_add(actor=system, cadre=cadres[3], position_type=p.chuyen_vien, unit=p.ub_dt,
                          term_start=2020, term_end=2025, approved_on=dt.date(2017, 3, 1))
    check = succession_caps(actor=system, as_of=D)
    assert check.crowded == []
    assert {s.cadre for s in check.spread} == {cadres[0], cadres[1], cadres[3]}
    in_unit = succession_caps(actor=system, as_of=D, unit=p.ub_dt)
    assert [s.cadre for s in in_unit.spread] == [cadres[3]]
    assert len(in_unit.spread[0].positions) == 3


def test_the_page_flags_them_with_links_to_the_people(p, client):
    cadres = _planned(p)
    _cap(CADRES_PER_POSITION, 3)
    officer = get_user_model().objects.create_user("btc_quy_hoach", password="x" * 12, role=Role.BTC)
    client.force_login(officer)
    page = client.get(reverse("succession:by_position"), {"as_of": "01/01/2020"})
    html = page.content.decode()
    assert "Giới hạn quy hoạch (Quy định 377-QĐ/TW)" in html
    assert f"Theo bộ quy tắc {rule_set_in_force(D).code}:" in html
    assert "mỗi chức danh quy hoạch không quá 3 người" in html and "không giới hạn số chức danh" in html
    assert "4 / 3" in html
    for cadre in cadres:
        assert reverse("people:cadre_detail", args=[cadre.code]) in html
    assert 'id="nguoi-vuot"' not in html
