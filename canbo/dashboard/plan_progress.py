"""The home page's plan progress by year: over every programme, degree or fostering, the cadres the
approved plans of each year named and the cadres who passed a completed course that year (sent by a
plan within the user's reach), from the start of the rule set in force (at most PROGRESS_YEARS
years back) to the year viewed. Each figure opens its people (`plan_views.plan_people`)."""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy

from canbo.rules.selectors import rule_set_in_force
from canbo.training.progress import every_programme

PROGRESS_YEARS = 5
FIGURES = {"ke_hoach": gettext_lazy("Có trong kế hoạch"), "da_dao_tao": gettext_lazy("Đã đào tạo, bồi dưỡng")}


def progress_years(as_of: dt.date, first: int | None = None) -> list[int]:
    """The years the card shows: the last PROGRESS_YEARS to D's, from `first` (the first year of the
    rule set in force, read when not given)."""
    first = rule_set_in_force(as_of).valid_from.year if first is None else first
    return list(range(max(first, as_of.year - PROGRESS_YEARS + 1), as_of.year + 1))


def plan_progress(*, actor, as_of: dt.date) -> dict:
    """A row for each year with anyone planned or trained, oldest first: each figure's count, the
    link to its people and its bar (a percentage of the card's largest figure); the years with no
    one (`empty`); and when no year shown has anyone, the latest earlier year of the rule set in
    force that has (`latest`, with the link to the training progress up to it), or None."""
    first = rule_set_in_force(as_of).valid_from.year
    years = progress_years(as_of, first)
    found = every_programme(actor=actor, years=years, as_of=as_of)
    top = max([len(ids) for figures in found.values() for ids in figures.values()] + [1])
    listed = reverse("core:plan_people")
    rows = [{"year": year, "figures": [_figure(listed, year, key, figures[key], top) for key in FIGURES]}
            for year, figures in found.items() if any(figures.values())]
    empty = [year for year, figures in found.items() if not any(figures.values())]
    latest = _latest(actor, first, years[0], as_of) if years and not rows else None  # D before the set
    return {"rows": rows, "empty": empty, "latest": latest}


def _latest(actor, first: int, shown_from: int, as_of: dt.date) -> dict | None:
    earlier = every_programme(actor=actor, years=list(range(first, shown_from)), as_of=as_of)
    year = max((year for year, figures in earlier.items() if any(figures.values())), default=None)
    if year is None:
        return None
    period = urlencode({"tu_nam": first, "den_nam": year})
    return {"year": year, "url": f"{reverse('training:progress')}?{period}"}


def _figure(listed: str, year: int, key: str, ids: set[int], top: int) -> dict:
    return {"key": key, "label": FIGURES[key], "count": len(ids), "bar": round(100 * len(ids) / top),
            "url": f"{listed}?{urlencode({'nam': year, 'xem': key})}"}
