"""The figures counted once for the whole workforce, grouped by the units that decide scopes
(`canbo.people.reach`), and summed over a user's scope equal the same figures counted over that
scope directly: the review, the home page's counts and the rotation target, for every kind of scope
(the whole province, blocs with BTV-managed cadres, a user's own narrowing, one unit's subtree),
and the non-local violations and key vacancies counted over the whole province."""

import datetime as dt

import pytest
from django.db.models import Exists, OuterRef

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.org.selectors import visible_units
from canbo.people import services
from canbo.people.active import active_q_for_cadres, held_positions
from canbo.people.models import PlanningEntry
from canbo.people.scope_counts import scope_figures
from canbo.people.selectors import planned_q, visible_cadres
from canbo.reports.selectors import non_local, non_local_count, population, review
from canbo.rotation import target
from canbo.rotation.selectors import key_vacancy_count, vacancy_list
from canbo.rules import engine

pytestmark = pytest.mark.django_db
DAYS = (dt.date(2016, 6, 1), dt.date(2018, 1, 1), dt.date(2020, 1, 1))


@pytest.fixture
def users(small_province):
    p, system = small_province, system_actor()
    # BTV-managed: planned with a unit in a state unit, and rotated from the province to a commune.
    services.planning_add(actor=system, cadre=p.cadres["SNV2"], position_type=p.types["BT-HU"],
                          unit=p.units["HU-DT"], term_start=2016, term_end=2020,
                          approved_on=dt.date(2016, 1, 1))
    services.movement_add(actor=system, cadre=p.cadres["TU1"], kind="luan_chuyen", from_unit=p.units["TU"],
                          to_unit=p.units["X-LN"], valid_from=dt.date(2018, 3, 1))
    return [
        p.user("btv", Role.BTV),
        p.user("btc", Role.BTC),
        p.user("btc_dang", Role.BTC, None, ["dang"]),
        p.user("btc_dt", Role.BTC, "HU-DT"),
        p.user("snv", Role.SNV),
        p.user("hr_dt", Role.UNIT_HR, "HU-DT"),
        p.user("hr_snv", Role.UNIT_HR, "SNV"),
    ]


def test_the_review_summed_over_a_scope_equals_the_review_of_the_scope(users):
    for user in users:
        for day in DAYS:
            direct = engine.review_counts(engine.context_for(day), population(actor=user, as_of=day))
            assert review(actor=user, as_of=day) == direct, (user.username, day)


def test_the_home_counts_summed_over_a_scope_equal_the_counts_of_the_scope(users):
    for user in users:
        for day in DAYS:
            cadres, units = visible_cadres(user, day), visible_units(user)
            planned = PlanningEntry.objects.filter(planned_q(day), cadre=OuterRef("pk"))
            assert scope_figures(actor=user, as_of=day) == {
                "cadres": cadres.count(),
                "holding_cadres": cadres.filter(active_q_for_cadres(day)).count(),
                "units": units.count(),
                "holdings": held_positions(day).filter(cadre__in=cadres, unit__in=units).count(),
                "planned": cadres.filter(Exists(planned)).count(),
            }, (user.username, day)


def test_the_rotation_target_summed_over_a_scope_equals_its_lists(users):
    start, end = dt.date(2017, 1, 1), dt.date(2020, 12, 31)
    for user in users:
        figures = target.rotation_target(actor=user, start=start, end=end)
        cadres = target.reachable(user, start)
        for d in target.DIRECTIONS:
            assert figures[d.key]["co_so"] == target.base(d, start, cadres).count()
            assert figures[d.key]["da_luan_chuyen"] == target.rotated(d, start, end, cadres).count()
    everyone = target.rotation_target(actor=users[0], start=start, end=end)
    assert everyone["tinh_xuong_huyen"]["da_luan_chuyen"] == 1


def test_the_violations_and_vacancies_counted_over_a_scope_equal_its_lists(users):
    seen = 0
    for user in users:
        for day in DAYS:
            violating = non_local_count(actor=user, as_of=day)
            assert violating == len(non_local(actor=user, as_of=day)), (user.username, day)
            vacant = vacancy_list(actor=user, as_of=day, key_only=True)
            assert key_vacancy_count(actor=user, as_of=day) == len(vacant), (user.username, day)
            seen += violating
    assert seen > 0
