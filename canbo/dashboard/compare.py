"""The review at two dates side by side: each of the six figures at the first and the second date,
how many people entered it and how many left it between them, and who (by code).

The figures at each date are the review's (`canbo.reports.selectors.review`). Those behind a figure
at both dates, within the user's scope (and the unit's subtree) at each, are summed from the whole
workforce's counts grouped by the keys that decide scopes at both dates, which the warming keeps
for a year ago and today and each write moves (`canbo.reports.selectors.review_at_both`):
"entered" is the second date's figure less those, "left" the first's less those. Where those are
not kept (other dates, or a write that may change everyone before the warming ends), the people
behind each figure at each date within the scope are compared instead; the people who entered or
left are always found that way, when their list is opened."""

import datetime as dt

from canbo.org.models import Unit
from canbo.reports.selectors import ids_behind_each, review, review_at_both
from canbo.rules.verdicts import REVIEW

GROUPS = ("vao", "ra")  # entered, left


def review_compare(*, actor, first: dt.date, second: dt.date, unit: Unit | None = None) -> list[dict]:
    """A row per figure: its count at each date, and how many entered (`vao`) and left (`ra`) it."""
    both = review_at_both(actor=actor, first=first, second=second, unit=unit)
    if both is None:
        return [
            {**row, "vao": len(row["vao"]), "ra": len(row["ra"])}
            for row in _compared(actor=actor, first=first, second=second, unit=unit)
        ]
    at_first, at_second = (review(actor=actor, as_of=day, unit=unit) for day in (first, second))
    found = []
    for verdict, kept in zip(REVIEW, both, strict=True):
        before, after = _total(at_first[verdict.key]), _total(at_second[verdict.key])
        found.append(
            {"verdict": verdict, "first": before, "second": after, "vao": after - kept, "ra": before - kept}
        )
    return found


def moved_people(
    *, actor, first: dt.date, second: dt.date, unit: Unit | None, key: str, group: str
) -> list[int]:
    """The ids, by code, of the people who entered (`vao`) or left (`ra`) the figure `key`."""
    rows = _compared(actor=actor, first=first, second=second, unit=unit)
    return next(row[group] for row in rows if row["verdict"].key == key)


def _total(figure: int | dict) -> int:
    """A figure of `review`: a count, or a split's dict with its total."""
    return figure["tong"] if isinstance(figure, dict) else figure


def _compared(*, actor, first: dt.date, second: dt.date, unit: Unit | None) -> list[dict]:
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
