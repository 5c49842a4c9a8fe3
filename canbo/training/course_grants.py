"""What a completed course gives each trainee who passed (SPEC §4 "finishing a course adds the
qualification to the cadre, dated"; SPEC §14 for the levels "as required").

A programme lists what a pass gives (`Programme.qualifications`). A fixed level is given as it stands.
A level "as required" (QLNN, language, IT) is the level the trainee's posts, planning and rank required
of them on 1 January of the year of the plan that sent them (when they were picked, as SPEC §14 counts
it), read from the rules' facts (`req_<kind>`), and only where it is above the level they hold on the
completion date (`lv_<kind>`)."""

import datetime as dt
from collections import defaultdict

from canbo.core.levels import code_of
from canbo.rules import engine
from canbo.training.models import Course, Enrolment
from canbo.training.plan_lines import start_of


def picked_on(enrolment: Enrolment) -> dt.date:
    """When the trainee was picked: 1 January of the year of the plan whose line named them."""
    return start_of(enrolment.plan_line.plan)


def grants(course: Course, enrolments: list[Enrolment], completed_on: dt.date) -> dict[int, list[tuple]]:
    """For each enrolment (by id), the (kind, level) pairs the course gives it."""
    items = course.programme.qualifications
    fixed = [(item["kind"], item["level"]) for item in items if not item.get("as_required")]
    as_required = [item["kind"] for item in items if item.get("as_required")]
    given = {enrolment.pk: list(fixed) for enrolment in enrolments}
    if not as_required or not enrolments:
        return given
    by_day: dict[dt.date, list[Enrolment]] = defaultdict(list)
    for enrolment in enrolments:
        by_day[picked_on(enrolment)].append(enrolment)
    held = engine.facts_of(engine.context_for(completed_on), [e.cadre_id for e in enrolments])
    for day, group in by_day.items():
        required = engine.facts_of(engine.context_for(day), [e.cadre_id for e in group])
        for enrolment in group:
            for kind in as_required:
                rank = required[enrolment.cadre_id][f"req_{kind}"] or 0
                if rank > (held[enrolment.cadre_id][f"lv_{kind}"] or 0):
                    given[enrolment.pk].append((kind, code_of(kind, rank)))
    return given
