"""The staff quality report's tables (`canbo.core.report`): the indicators by category, each count
a link to its people, and the people of one cell, a page at a time."""

import datetime as dt
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from canbo.core.report import Column, Kind, Link, Report
from canbo.reports.lists import listed_people
from canbo.reports.staff_quality import COLUMNS, Quality, cadres_of


def quality_table(quality: Quality, *, as_of: dt.date, query: dict) -> Report:
    """One row per indicator, one column per category and the total; a count other than 0 opens its
    people."""
    rows = []
    for indicator in quality.indicators:
        row = {"nhom": str(indicator.group), "chi_tieu": str(indicator.label)}
        for key, _label in COLUMNS:
            count = quality.counts[indicator.key][key]
            link = "?" + urlencode({**query, "chi_tieu": indicator.key, "cot": key})
            row[key] = Link(count, link) if count else 0
        rows.append(row)
    columns = [Column("nhom", _("Nhóm"), sortable=False), Column("chi_tieu", _("Chỉ tiêu"), sortable=False)]
    columns += [Column(key, str(label), Kind.NUMBER, sortable=False) for key, label in COLUMNS]
    title = _("Số lượng, chất lượng cán bộ, công chức, viên chức – %(d)s") % {"d": as_of.strftime("%d/%m/%Y")}
    return Report(title, columns, rows, _("Không có cán bộ nào đang công tác trong phạm vi này."))


def cell_people(
    quality: Quality,
    *,
    indicator: str,
    column: str,
    as_of: dt.date,
    page_number: int = 1,
    whole: bool = False,
) -> Report:
    """The cadres of one cell, by code."""
    label = next(i.label for i in quality.indicators if i.key == indicator)
    return listed_people(
        cadres_of(quality, indicator, column),
        title=f"{label} – {dict(COLUMNS)[column]} – {as_of:%d/%m/%Y}",
        as_of=as_of,
        empty=_("Không có cán bộ nào trong ô này."),
        page_number=page_number,
        whole=whole,
    )
