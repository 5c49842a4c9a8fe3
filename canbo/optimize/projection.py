"""The what-if projection of SPEC §14: who the seats of each programme go to, year by year, and the
gap review at the end of each year.

Nothing here decides eligibility or counts a gap: each year reads the same eligibility table and
review as `canbo eligibility` and `canbo review` (`canbo.rules.engine`, `canbo.reports.selectors`).
The projected qualifications are written as qualification rows dated the last day of the course,
inside a transaction that is rolled back at the end, so that the facts count them "from their
date on like a recorded one" and the records stay as they were. The length of a programme and what
a pass gives come from the programme catalogue of the rule set in force on 1 January
(`canbo.training.selectors.catalogue`; `as_required`: the level the trainee was required to have
that day, where it is above what they hold).
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, require
from canbo.core.levels import code_of, rank_of
from canbo.people.models import Qualification
from canbo.reports.selectors import review
from canbo.rules import engine
from canbo.rules.verdicts import PRIORITIES, PROGRAMMES
from canbo.training.selectors import catalogue

PROGRAMME_KEYS = [verdict.key for verdict in PROGRAMMES]
PRIORITY_CODES = [code for code, _cond, _label in PRIORITIES]


class ProjectionError(ValueError):
    pass


def _courses(as_of: dt.date, rule_set) -> dict[str, tuple[int, list[dict]]]:
    """Programme key -> (years, what a pass gives) in the catalogue of the rule set in force."""
    if rule_set is None:
        return {}
    return {
        item["programme"].code: (item["years"].value, item["programme"].qualifications)
        for family in catalogue(rule_set=rule_set, as_of=as_of)
        for item in family["programmes"]
    }


def _granted(cadre: dict, grants: list[dict], on: dt.date) -> list[Qualification]:
    found = []
    for grant in grants:
        kind = grant["kind"]
        level = grant["level"]
        if grant["as_required"]:
            required = cadre.get(f"req_{kind}") or 0
            if required <= (cadre.get(f"lv_{kind}") or 0):
                continue
            level = code_of(kind, required)
        found.append(
            Qualification(
                cadre_id=cadre["id"], kind=kind, level=level, rank=rank_of(kind, level), obtained_on=on
            )
        )
    return found


def _year(year: int, seats: dict[str, int], busy: dict[int, dt.date]) -> dict[str, int]:
    """Pick the trainees of one year, write their qualifications; the number picked per programme."""
    start = dt.date(year, 1, 1)
    ctx = engine.context_for(start)
    rows = engine.eligibility_table(ctx)
    courses = _courses(start, ctx["rule_set"])
    picked: dict[str, list[dict]] = defaultdict(list)
    for key in PROGRAMME_KEYS:
        wanted = seats.get(key, 0)
        candidates = [r for r in rows if r[f"p_{key}"] and busy.get(r["id"], dt.date.min) < start]
        if not wanted or not candidates:
            continue
        if not courses.get(key, (None,))[0]:
            raise ProjectionError(
                _("Chương trình “%(key)s” không có thời gian đào tạo trong danh mục năm %(year)s.")
                % {"key": key, "year": year}
            )
        candidates.sort(key=lambda r: (-sum(r[f"u_{code}"] for code in PRIORITY_CODES), r["code"]))
        years = courses[key][0]
        for row in candidates[:wanted]:
            busy[row["id"]] = dt.date(year + years - 1, 12, 31)
            picked[key].append(row)
    chosen = [row["id"] for rows_of in picked.values() for row in rows_of]
    facts = engine.facts_of(ctx, chosen) if chosen else {}
    Qualification.objects.bulk_create(
        granted
        for key, rows_of in picked.items()
        for row in rows_of
        for granted in _granted(facts[row["id"]], courses[key][1], busy[row["id"]])
    )
    return {key: len(picked.get(key, [])) for key in PROGRAMME_KEYS}


def projection(*, actor, first: int, last: int, seats: dict[tuple[int, str], int]) -> dict:
    """SPEC §14's JSON for the years `first` to `last`, with `seats[(year, programme)]` places."""
    require(actor, Action.VIEW_REVIEW)
    result, busy = [], {}
    with transaction.atomic():
        for year in range(first, last + 1):
            trainees = _year(year, {key: n for (y, key), n in seats.items() if y == year}, busy)
            figures = review(actor=actor, as_of=dt.date(year, 12, 31))
            result.append({"nam": year, "hoc_vien": trainees, "ra_soat": figures})
        transaction.set_rollback(True)
    return {"nam": result}
