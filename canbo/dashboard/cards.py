"""The cards of the home page, each computed only for a user whose role may see it (the capability
table) and only over what their scope reaches: the review's six figures year by year, the annual
training plans due, the courses the user runs, the rotation target, non-local posts and key
vacancies, and the latest changes to the records of cadres in scope. Every figure carries the link
to the people or the list behind it."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from canbo.accounts.scope import sees_everything
from canbo.audit.actions import READS
from canbo.audit.models import AuditEvent
from canbo.core.capabilities import Action, can
from canbo.core.data_cache import remembered_over
from canbo.core.dates import add_years, recorded_before
from canbo.dashboard.plan_progress import plan_progress
from canbo.org.selectors import visible_units
from canbo.people.selectors import visible_cadres
from canbo.reports.selectors import non_local_count, review
from canbo.rotation.proposal_selectors import (
    REMINDER_PARAMETER,
    ROTATION_GROUPS,
    proposals_by_state,
    rotations_in_progress,
)
from canbo.rotation.selectors import key_vacancy_count
from canbo.rotation.target import DIRECTIONS, rotation_target, target_json
from canbo.rules.selectors import parameters_in_force, rule_set_in_force
from canbo.rules.verdicts import REVIEW
from canbo.training.course_selectors import courses_to_run
from canbo.training.plan_selectors import year_board
from canbo.workflow.services import awaits_step

TREND_YEARS = 4  # the date viewed and the same day of the three years before
RECENT_CHANGES = 8
CHANGES_BATCH, CHANGES_SEARCHED = 200, 2000


@dataclass(frozen=True)
class Cell:
    value: int
    url: str


def review_trend(*, actor, as_of: dt.date) -> dict:
    """The six figures at the same day of each of the last TREND_YEARS years, oldest first."""
    days = [add_years(as_of, -n) for n in reversed(range(TREND_YEARS))]
    counts = [review(actor=actor, as_of=day) for day in days]
    people = reverse("reports:people")

    def cell(key: str, day: dt.date, count) -> Cell:
        value = count["tong"] if isinstance(count, dict) else count
        return Cell(value, f"{people}?{urlencode({'chi_so': key, 'as_of': day.strftime('%d/%m/%Y')})}")

    rows = []
    for verdict in REVIEW:
        cells = [cell(verdict.key, day, c[verdict.key]) for day, c in zip(days, counts, strict=True)]
        rows.append({"title": verdict.title, "cells": cells, "bars": trend_bars(days, cells)})
    chart = {"width": len(days) * (BAR_WIDTH + BAR_GAP) - BAR_GAP, "height": CHART_HEIGHT, "bar": BAR_WIDTH}
    return {"days": days, "rows": rows, "chart": chart}


BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 12, 4, 28  # the small chart of a figure over the years, in pixels


def trend_bars(days: list[dt.date], cells: list[Cell]) -> list[dict]:
    """One bar a year for the figure's small chart, as high as its value against the row's largest."""
    top = max([c.value for c in cells] + [1])
    bars = []
    for n, (day, c) in enumerate(zip(days, cells, strict=True)):
        height = max(1, round(CHART_HEIGHT * c.value / top)) if c.value else 0
        bars.append({"x": n * (BAR_WIDTH + BAR_GAP), "y": CHART_HEIGHT - height, "height": height,
                     "day": day, "value": c.value})
    return bars


def plans_due(*, actor, as_of: dt.date) -> dict:
    """Next year's plans: the deadline, the units that have not sent one, and those waiting for a
    step this user may take now (its capability, its scope and the step's guards)."""
    year = as_of.year + 1
    board = year_board(actor=actor, year=year, as_of=as_of)
    waiting = [plan for plan in board["plans"] if awaits_step(actor, plan)]
    return {
        "year": year,
        "deadline": board["deadline"],
        "overdue": board["overdue"],
        "not_sent": len(board["not_sent"]),
        "waiting": len(waiting),
    }


def rotation_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The rotation card's period: from the start of the rule set in force at D to D (or its end)."""
    rule_set = rule_set_in_force(as_of)
    start = rule_set.valid_from
    return start, max(start, min(as_of, rule_set.valid_to or as_of))


def rotation_status(*, actor, as_of: dt.date) -> dict:
    """The rotation target since the start of the rule set in force, the key posts held by people
    of the unit's own area, and the key posts with a vacant seat, at D; kept until the data
    changes, for the actor's reach."""
    start, end = rotation_period(as_of)

    def compute() -> dict:
        figures = target_json(rotation_target(actor=actor, start=start, end=end)) if start <= as_of else {}
        return {
            "target": figures,
            "non_local": non_local_count(actor=actor, as_of=as_of),
            "key_vacancies": key_vacancy_count(actor=actor, as_of=as_of),
        }

    reach = (visible_cadres(actor, as_of), visible_units(actor))
    found = remembered_over(reach, ("rotation card", as_of, start, end), compute)
    period = urlencode({"tu_ngay": start.strftime("%d/%m/%Y"), "den_ngay": end.strftime("%d/%m/%Y")})
    return {
        "target": [(d, found["target"][d.key]) for d in DIRECTIONS if d.key in found["target"]],
        "target_url": f"{reverse('rotation:target')}?{period}",
        "non_local": found["non_local"],
        "key_vacancies": found["key_vacancies"],
    }


def rotation_pipeline(*, actor, as_of: dt.date) -> dict:
    """The proposals within reach at each step of the procedure (R9) at the end of D, with a bar each,
    and the reminders of R10 at D: rotations whose term ends soon, whose end-of-term evaluation is
    missing, and whose receiving unit has not evaluated the year before."""
    tabs = proposals_by_state(actor=actor, as_of=as_of)["tabs"]
    top = max([n for _state, _label, n in tabs] + [1])
    listed = reverse("rotation:proposals")
    steps = [{"label": label, "count": n, "bar": round(100 * n / top), "url": f"{listed}?buoc={state}"}
             for state, label, n in tabs]
    within = parameters_in_force(as_of)[REMINDER_PARAMETER]
    found = rotations_in_progress(actor=actor, as_of=as_of, within_days=within)
    rotations = reverse("rotation:rotations")
    reminders = [{"label": label, "count": len(found[name]), "url": f"{rotations}?nhom={key}"}
                 for key, label, name in ROTATION_GROUPS if name != "running"]
    return {"steps": steps, "reminders": reminders, "within": within}


def recent_changes(*, actor, as_of: dt.date) -> list[AuditEvent]:
    """The latest changes (not views or downloads) recorded by the end of D to the records of cadres
    in the actor's scope at D, among the latest CHANGES_SEARCHED such changes to any record: read
    newest first a batch at a time, each batch's cadres checked against the scope in one query (the
    whole scope is not read)."""
    events = (
        AuditEvent.objects.exclude(cadre_code="").exclude(action__in=READS)
        .select_related("actor").order_by("-at", "-id")
    )
    moment = recorded_before(as_of)
    if moment is not None:
        events = events.filter(at__lt=moment)
    if sees_everything(actor):
        return list(events[:RECENT_CHANGES])
    reach, found = visible_cadres(actor, as_of), []
    for start in range(0, CHANGES_SEARCHED, CHANGES_BATCH):
        batch = list(events[start : start + CHANGES_BATCH])
        seen = set(reach.filter(code__in={e.cadre_code for e in batch}).values_list("code", flat=True))
        found += [event for event in batch if event.cadre_code in seen]
        if len(found) >= RECENT_CHANGES or len(batch) < CHANGES_BATCH:
            break
    return found[:RECENT_CHANGES]


def figures_at_hand(*, actor, as_of: dt.date) -> bool:
    """Whether the home page's figures at D come without counting them first: the review's at D,
    which the warming keeps with every other figure of the page (`canbo.dashboard.warm`), are kept
    or moved by the rows of the few cadres written since."""
    return review(actor=actor, as_of=as_of, only_kept=True) is not None


def cards_for(actor, as_of: dt.date) -> dict:
    """Every card the actor's role may see."""
    cards = {}
    if can(actor, Action.VIEW_REVIEW):
        cards["review"] = review_trend(actor=actor, as_of=as_of)
    if can(actor, Action.VIEW_PLANS):
        cards["plans"] = plans_due(actor=actor, as_of=as_of)
        cards["plan_progress"] = plan_progress(actor=actor, as_of=as_of)
    if can(actor, Action.MANAGE_COURSES):
        cards["courses"] = courses_to_run(actor=actor, as_of=as_of)
    if can(actor, Action.VIEW_ROTATION):
        cards["rotation"] = rotation_status(actor=actor, as_of=as_of)
        cards["pipeline"] = rotation_pipeline(actor=actor, as_of=as_of)
    if can(actor, Action.VIEW_RECORDS):
        cards["changes"] = recent_changes(actor=actor, as_of=as_of)
    return cards
