"""The staff quality report page: the indicators by category for the user's scope or a unit's
subtree as of the date viewed, the people of any cell, and both as XLSX."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.report import ReportPage, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.org.selectors import unit_get
from canbo.reports import quality_report
from canbo.reports.staff_quality import COLUMNS, DEFAULT_AGE_LIMITS, staff_quality


def age_limits(text: str) -> tuple[int, ...]:
    """Age limits typed as "30, 40, 50, 60": whole numbers rising from 18 to 80."""
    try:
        limits = tuple(int(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        limits = ()
    if not limits or list(limits) != sorted(set(limits)) or limits[0] < 18 or limits[-1] > 80:
        raise ValueError(text)
    return limits


@requires(Action.VIEW_REVIEW)
def staff_quality_page(request):
    code = request.GET.get("don_vi") or ""
    unit = unit_get(actor=request.user, code=code) if code else None
    typed = request.GET.get("moc_tuoi", "").strip()
    limits, limits_error = DEFAULT_AGE_LIMITS, ""
    if typed:
        try:
            limits = age_limits(typed)
        except ValueError:
            limits_error = _(
                "Mốc tuổi “%(text)s” không hợp lệ: nhập các số nguyên tăng dần từ 18 đến 80, "
                "cách nhau bởi dấu phẩy."
            ) % {"text": typed}
    quality = staff_quality(actor=request.user, as_of=request.as_of, unit=unit, age_limits=limits)
    indicator, column = request.GET.get("chi_tieu", ""), request.GET.get("cot", "")
    wants_xlsx = wants_download(request)
    if indicator in quality.counts and column in dict(COLUMNS):
        return _cell_page(request, quality, indicator, column, unit, wants_xlsx)
    query = {key: request.GET[key] for key in ("don_vi", "moc_tuoi") if request.GET.get(key)}
    table = quality_report.quality_table(quality, as_of=request.as_of, query=query)
    if wants_xlsx:
        return report_download(request, table, filename=f"chat-luong-can-bo-{request.as_of:%Y%m%d}")
    return render(
        request,
        "reports/staff_quality.html",
        {
            "table": ReportPage(table, per_page=len(table.rows) or None),
            "unit": unit,
            "age_limits": ", ".join(str(n) for n in limits),
            "limits_error": limits_error,
            "crumbs": [(_("Chất lượng cán bộ"), "")],
        },
    )


def _cell_page(request, quality, indicator: str, column: str, unit, wants_xlsx: bool):
    people = quality_report.cell_people(
        quality,
        indicator=indicator,
        column=column,
        as_of=request.as_of,
        page_number=requested_page(request),
        whole=wants_xlsx,
    )
    if wants_xlsx:
        return report_download(request, people, filename=f"chat-luong-{indicator}-{column}")
    back = {key: request.GET[key] for key in ("don_vi", "moc_tuoi") if request.GET.get(key)}
    return render(
        request,
        "reports/people.html",
        {
            "title": people.title,
            "table": ReportPage(people),
            "unit": unit,
            "crumbs": [(_("Chất lượng cán bộ"), "?" + urlencode(back)), (people.title, "")],
        },
    )
