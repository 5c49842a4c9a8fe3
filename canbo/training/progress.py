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
whose plan sent them). Every figure is a set of cadres, listed behind it; owed and still owed are
counted from the whole workforce's counts by the units that decide scopes, kept and moved by each
write, and their cadres are read only when listed.
"""

import datetime as dt
from dataclasses import dataclass

from canbo.org.models import Unit
from canbo.people import reach, reach_groups
from canbo.people.models import Cadre
from canbo.reports.selectors import population, subtree_ids
from canbo.rules import engine
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.verdicts import PROGRAMMES
from canbo.training.course_selectors import courses_at
from canbo.training.models import (
    APPROVED_STATES,
    Category,
    CourseState,
    Enrolment,
    PlanLine,
    ProgrammeFamily,
    Result,
    TrainingPlan,
)
from canbo.training.plan_selectors import plans_within
from canbo.workflow.selectors import recorded_by

FIGURES = ("no_dau_ky", "ke_hoach", "da_dao_tao", "con_no")
FOSTERING_FIGURES = ("ke_hoach", "da_dao_tao")


@dataclass
class Year:
    """The figures of a year (of the period, `year` None): how many are owed at `start` and still owed
    at `end` per programme, and the cadres planned and trained per programme."""

    year: int | None
    start: dt.date
    end: dt.date
    owed: dict[str, int]
    still: dict[str, int]
    planned: dict[str, set[int]]
    trained: dict[str, set[int]]

    def counts(self, key: str) -> dict[str, int]:
        """The four figures of the programme `key`, in FIGURES' order."""
        return {"no_dau_ky": self.owed[key], "ke_hoach": len(self.planned[key]),
                "da_dao_tao": len(self.trained[key]), "con_no": self.still[key]}


def _eligible(actor, day: dt.date, unit: Unit | None) -> dict[str, set[int]]:
    rows = engine.eligibility_table(engine.context_for(day), population(actor=actor, as_of=day, unit=unit))
    return {v.key: {row["id"] for row in rows if row[f"p_{v.key}"]} for v in PROGRAMMES}


def _eligible_counts(actor, days: set[dt.date], unit: Unit | None) -> dict[dt.date, dict[str, int]]:
    """How many within reach (and the subtree) are eligible for each programme on each of `days`:
    summed from the whole workforce's counts grouped by the units that decide scopes, kept and moved
    by each write (`canbo.rules.engine.eligibility_sums_by_reach`); a unit's subtree, or a scope that
    costs less on its own, is counted on its own on a day whose counts are not kept."""
    scope, held_under = reach.reach_of(actor), None if unit is None else subtree_ids(unit)
    only_kept = unit is not None or not reach.shares_population(actor)
    found = {}
    for day in days:
        rows = engine.eligibility_sums_by_reach(engine.context_for(day), only_kept=only_kept)
        if rows is None:
            found[day] = {key: len(ids) for key, ids in _eligible(actor, day, unit).items()}
        else:
            sums = reach_groups.sum_within(scope, rows, len(PROGRAMMES), held_under)
            found[day] = dict(zip([v.key for v in PROGRAMMES], sums, strict=True))
    return found


def _plan_places(actor, unit: Unit | None, years, as_of: dt.date):
    """The cadres named on the lines of the plans of `years` within reach (and the subtree) that stood
    approved at the end of D (`recorded_by`)."""
    approved = recorded_by(TrainingPlan.objects.filter(year__in=years), as_of).filter(
        state_then__in=APPROVED_STATES)
    return PlanLine.cadres.through.objects.filter(
        plans_within(actor, unit, "planline__"), planline__plan__in=approved.values("pk"))


def _passes(actor, unit: Unit | None, years, as_of: dt.date):
    """The passes of the courses completed by the end of D whose last day is in `years`, sent by plans
    within reach."""
    completed = courses_at(as_of).filter(end__year__in=years, state_then=CourseState.HOAN_THANH)
    return Enrolment.objects.filter(
        plans_within(actor, unit, "plan_line__"), result=Result.DAT, course__in=completed.values("pk"))


def _by_year(rows, years) -> dict[int, dict[str, set[int]]]:
    """The cadre ids of `rows` (year, programme code, cadre id) by year and degree programme."""
    found = {year: {v.key: set() for v in PROGRAMMES} for year in years}
    for year, code, cadre_id in rows:
        found[year][code].add(cadre_id)
    return found


def every_programme(*, actor, years: list[int], as_of: dt.date) -> dict[int, dict[str, set[int]]]:
    """By year, the cadres planned and the cadres trained over every programme, degree or fostering,
    as recorded by the end of D (the home page's plan progress)."""
    found = _empty(years)
    places = _plan_places(actor, None, years, as_of)
    for year, cadre_id in places.values_list("planline__plan__year", "cadre_id"):
        found[year]["ke_hoach"].add(cadre_id)
    for year, cadre_id in _passes(actor, None, years, as_of).values_list("course__end__year", "cadre_id"):
        found[year]["da_dao_tao"].add(cadre_id)
    return found


def default_years(as_of: dt.date) -> tuple[int, int]:
    """The period of the rule set in force at `as_of`: its first year and its last (or as_of's)."""
    rule_set = rule_set_in_force(as_of)
    return rule_set.valid_from.year, (rule_set.valid_to or as_of).year


def _spans(first_year: int, last_year: int, as_of: dt.date) -> dict[int, tuple[dt.date, dt.date]]:
    """Each year's first day and its last (or as_of, when earlier)."""
    return {year: (dt.date(year, 1, 1), min(dt.date(year, 12, 31), max(as_of, dt.date(year, 1, 1))))
            for year in range(first_year, last_year + 1)}


def _days(spans) -> set[dt.date]:
    return {day for span in spans.values() for day in span}


def warm(as_of: dt.date) -> None:
    """Count the whole workforce's owed figures of the page's default period at `as_of` (within
    `canbo.core.deltas.keeping_rows`, the warming: kept with each cadre's rows, so that a later write
    moves them)."""
    for day in _days(_spans(*default_years(as_of), as_of)):
        engine.eligibility_sums_by_reach(engine.context_for(day))


def progress(*, actor, first_year: int, last_year: int, as_of: dt.date,
             unit: Unit | None = None) -> list[Year]:
    years = range(first_year, last_year + 1)
    spans = _spans(first_year, last_year, as_of)
    eligible = _eligible_counts(actor, _days(spans), unit)
    degrees = [v.key for v in PROGRAMMES]
    planned = _by_year(_plan_places(actor, unit, years, as_of).filter(planline__programme__code__in=degrees)
                       .values_list("planline__plan__year", "planline__programme__code", "cadre_id"), years)
    trained = _by_year(_passes(actor, unit, years, as_of).filter(course__programme__code__in=degrees)
                       .values_list("course__end__year", "course__programme__code", "cadre_id"), years)
    return [Year(year, start, end, eligible[start], eligible[end], planned[year], trained[year])
            for year, (start, end) in spans.items()]


def period(years: list[Year]) -> Year:
    """The period's figures: owed at the first year's start, planned and trained in any year, still
    owed at the last year's end."""
    first, last = years[0], years[-1]
    return Year(None, first.start, last.end, first.owed, last.still,
                {v.key: set().union(*(y.planned[v.key] for y in years)) for v in PROGRAMMES},
                {v.key: set().union(*(y.trained[v.key] for y in years)) for v in PROGRAMMES})


def behind(*, actor, figures: Year, key: str, figure: str, unit: Unit | None = None) -> set[int]:
    """The cadres behind one figure of the programme `key` in `figures` (a year's or the period's)."""
    if figure == "ke_hoach":
        return figures.planned[key]
    if figure == "da_dao_tao":
        return figures.trained[key]
    return _eligible(actor, figures.start if figure == "no_dau_ky" else figures.end, unit)[key]


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


def fostering(*, actor, first_year: int, last_year: int, rule_set, as_of: dt.date,
              unit: Unit | None = None) -> list[Family]:
    """The fostering families of `rule_set`, each with the cadres named on approved plans' lines of its
    programmes and those who passed its completed courses, by year, as recorded by the end of D (the
    family known by its code, as a copied rule set keeps it)."""
    years = range(first_year, last_year + 1)
    families = {
        family.code: Family(family.code, family.name, _empty(years))
        for family in ProgrammeFamily.objects.filter(rule_set=rule_set, category=Category.BOI_DUONG)
    }
    degrees = [v.key for v in PROGRAMMES]
    lines = _plan_places(actor, unit, years, as_of).filter(
        planline__programme__family__category=Category.BOI_DUONG,
    ).exclude(planline__programme__code__in=degrees)
    passed = _passes(actor, unit, years, as_of).filter(
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
