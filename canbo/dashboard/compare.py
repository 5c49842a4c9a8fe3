"""The review at two dates side by side: each of the six figures at the first and the second date,
and the people who entered it and who left it between them (by code)."""

import datetime as dt

from canbo.org.models import Unit
from canbo.reports.selectors import ids_behind_each
from canbo.rules.verdicts import REVIEW

GROUPS = ("vao", "ra")  # entered, left


def review_compare(*, actor, first: dt.date, second: dt.date, unit: Unit | None = None) -> list[dict]:
    at_first = ids_behind_each(actor=actor, as_of=first, unit=unit)
    at_second = ids_behind_each(actor=actor, as_of=second, unit=unit)
    rows = []
    for verdict in REVIEW:
        before, after = at_first[verdict.key], at_second[verdict.key]
        kept_before, kept_after = set(before), set(after)
        rows.append(
            {
                "verdict": verdict,
                "first": len(before),
                "second": len(after),
                "vao": [pk for pk in after if pk not in kept_before],
                "ra": [pk for pk in before if pk not in kept_after],
            }
        )
    return rows
