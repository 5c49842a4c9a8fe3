"""Progress of a plan period, per degree programme of SPEC §9 and per fostering family, by year, for the
actor's reach and a unit's subtree. Per degree programme:

- owed at the start of a year: the cadres eligible for the programme on 1 January (SPEC §9, the same
  eligibility table as the review's lists: `canbo.rules.engine.eligibility_table`);
- planned: the cadres named on the programme's lines of the approved plans of that year;
- trained: the cadres who passed a completed course of the programme whose last day is in that year;
- still owed at the end: those eligible on 31 December (or on the as-of date, when earlier).

The period's figures are the first year's owed, the cadres planned and trained in any of its years, and
the last year's still owed. A fostering family (III.1.2) owes no degree, so it has the planned and the
trained only, over its programmes other than the degree programmes above (QLNN is one of those).
Planned and trained count the plans and trainees of the units within reach and the subtree (the unit
whose plan sent them). Every figure is a set of cadres, listed behind it.
"""

import datetime as dt
from dataclasses import dataclass, field

from canbo.org.models import Unit
from canbo.people.models import Cadre
from canbo.reports.selectors import population
from canbo.rules import engine
from canbo.rules.verdicts import PROGRAMMES
from canbo.training.models import (
    APPROVED_STATES,
    Category,
    CourseState,
    Enrolment,
    PlanLine,
    ProgrammeFamily,
    Result,
)
from canbo.training.plan_selectors import plans_within

FIGURES = ("no_dau_ky", "ke_hoach", "da_dao_tao", "con_no")
FOSTERING_FIGURES = ("ke_hoach", "da_dao_tao")


@dataclass
class Year:
    year: int
    figures: dict[str, dict[str, set[int]]] = field(default_factory=dict)  # programme -> figure -> cadre ids


def _eligible(actor, day: dt.date, unit: Unit | None) -> dict[str, set[int]]:
    rows = engine.eligibility_table(engine.context_for(day), population(actor=actor, as_of=day, unit=unit))
    return {v.key: {row["id"] for row in rows if row[f"p_{v.key}"]} for v in PROGRAMMES}


def _plan_places(actor, unit: Unit | None, years):
    """The cadres named on the lines of the approved plans of `years` within reach (and the subtree)."""
    return PlanLine.cadres.through.objects.filter(
        plans_within(actor, unit, "planline__"), planline__plan__year__in=years,
        planline__plan__state__in=APPROVED_STATES)


def _passes(actor, unit: Unit | None, years):
    """The passes of completed courses whose last day is in `years`, sent by plans within reach."""
    return Enrolment.objects.filter(
        plans_within(actor, unit, "plan_line__"), result=Result.DAT, course__state=CourseState.HOAN_THANH,
        course__end__year__in=years)


def _planned(actor, year: int, unit: Unit | None) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {v.key: set() for v in PROGRAMMES}
    lines = _plan_places(actor, unit, [year]).filter(planline__programme__code__in=found)
    for code, cadre_id in lines.values_list("planline__programme__code", "cadre_id"):
        found[code].add(cadre_id)
    return found


def _trained(actor, year: int, unit: Unit | None) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {v.key: set() for v in PROGRAMMES}
    passed = _passes(actor, unit, [year]).filter(course__programme__code__in=found)
    for code, cadre_id in passed.values_list("course__programme__code", "cadre_id"):
        found[code].add(cadre_id)
    return found


def every_programme(*, actor, years: list[int]) -> dict[int, dict[str, set[int]]]:
    """By year, the cadres planned and the cadres trained over every programme, degree or fostering
    (the home page's plan progress)."""
    found = _empty(years)
    for year, cadre_id in _plan_places(actor, None, years).values_list("planline__plan__year", "cadre_id"):
        found[year]["ke_hoach"].add(cadre_id)
    for year, cadre_id in _passes(actor, None, years).values_list("course__end__year", "cadre_id"):
        found[year]["da_dao_tao"].add(cadre_id)
    return found


def progress(*, actor, first_year: int, last_year: int, as_of: dt.date,
             unit: Unit | None = None) -> list[Year]:
    years = []
    for year in range(first_year, last_year + 1):
        start = dt.date(year, 1, 1)
        end = min(dt.date(year, 12, 31), max(as_of, start))
        owed, still = _eligible(actor, start, unit), _eligible(actor, end, unit)
        planned, trained = _planned(actor, year, unit), _trained(actor, year, unit)
        years.append(Year(year, {v.key: {"no_dau_ky": owed[v.key], "ke_hoach": planned[v.key],
                                         "da_dao_tao": trained[v.key], "con_no": still[v.key]}
                                 for v in PROGRAMMES}))
    return years


def period(years: list[Year]) -> dict[str, dict[str, set[int]]]:
    """The period's figures per programme: owed at the first year's start, planned and trained in any
    year, still owed at the last year's end."""
    return {v.key: {
        "no_dau_ky": years[0].figures[v.key]["no_dau_ky"],
        "ke_hoach": set().union(*(y.figures[v.key]["ke_hoach"] for y in years)),
        "da_dao_tao": set().union(*(y.figures[v.key]["da_dao_tao"] for y in years)),
        "con_no": years[-1].figures[v.key]["con_no"],
    } for v in PROGRAMMES}


@dataclass
class Family:
    """A fostering family's cadres planned and trained, by year."""

    code: str
    name: str
    years: dict[int, dict[str, set[int]]]

    def whole(self) -> dict[str, set[int]]:
        return {f: set().union(*(figures[f] for figures in self.years.values())) for f in FOSTERING_FIGURES}


def _empty(years) -> dict[int, dict[str, set[int]]]:
    return {year: {figure: set() for figure in FOSTERING_FIGURES} for year in years}


def fostering(*, actor, first_year: int, last_year: int, rule_set, unit: Unit | None = None) -> list[Family]:
    """The fostering families of `rule_set`, each with the cadres named on approved plans' lines of its
    programmes and those who passed its completed courses, by year (the family known by its code, as
    a copied rule set keeps it)."""
    years = range(first_year, last_year + 1)
    families = {
        family.code: Family(family.code, family.name, _empty(years))
        for family in ProgrammeFamily.objects.filter(rule_set=rule_set, category=Category.BOI_DUONG)
    }
    degrees = [v.key for v in PROGRAMMES]
    lines = _plan_places(actor, unit, years).filter(
        planline__programme__family__category=Category.BOI_DUONG,
    ).exclude(planline__programme__code__in=degrees)
    passed = _passes(actor, unit, years).filter(
        course__programme__family__category=Category.BOI_DUONG,
    ).exclude(course__programme__code__in=degrees)
    for figure, rows in (
        ("ke_hoach", lines.values_list("planline__plan__year", "planline__programme__family__code", "cadre")),
        ("da_dao_tao", passed.values_list("course__end__year", "course__programme__family__code", "cadre")),
    ):
        for year, code, cadre_id in rows:
            if code in families:
                families[code].years[year][figure].add(cadre_id)
    return list(families.values())


def people(ids: set[int]) -> list[Cadre]:
    return list(Cadre.objects.filter(pk__in=ids).order_by("sort_key", "code"))
