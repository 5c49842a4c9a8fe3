"""The page comparing the review at two dates, and the people who entered or left a figure."""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.dates import add_years
from canbo.core.forms import DayField
from canbo.core.report import ReportPage, requested_page
from canbo.dashboard.compare import GROUPS, moved_people, review_compare
from canbo.documents.downloads import report_download, wants_download
from canbo.org.selectors import unit_get
from canbo.reports.lists import listed_people


class TwoDatesForm(forms.Form):
    tu_ngay = DayField(label=gettext_lazy("Ngày thứ nhất"))
    den_ngay = DayField(label=gettext_lazy("Ngày thứ hai"))


@requires(Action.VIEW_REVIEW)
def compare(request):
    code = request.GET.get("don_vi") or ""
    unit = unit_get(actor=request.user, code=code) if code else None
    first, second = add_years(request.as_of, -1), request.as_of
    form = TwoDatesForm(
        request.GET if "tu_ngay" in request.GET else None, initial={"tu_ngay": first, "den_ngay": second}
    )
    if form.is_bound and not form.is_valid():
        return render(
            request, "dashboard/compare.html", {"form": form, "crumbs": [(_("So sánh hai ngày"), "")]}
        )
    if form.is_bound:
        first, second = form.cleaned_data["tu_ngay"], form.cleaned_data["den_ngay"]
    rows = review_compare(actor=request.user, first=first, second=second, unit=unit)
    key, group = request.GET.get("chi_so", ""), request.GET.get("nhom", "")
    row = next((r for r in rows if r["verdict"].key == key), None)
    if row is not None and group in GROUPS:
        ids = moved_people(actor=request.user, first=first, second=second, unit=unit, key=key, group=group)
        return _people(request, row["verdict"], ids, group, first if group == "ra" else second, unit)
    return render(
        request,
        "dashboard/compare.html",
        {
            "form": form,
            "rows": rows,
            "first": first,
            "second": second,
            "unit": unit,
            "crumbs": [(_("So sánh hai ngày"), "")],
        },
    )


def _people(request, verdict, ids: list[int], group: str, day, unit):
    wording = _("vào") if group == "vao" else _("ra khỏi")
    title = _("%(figure)s: người %(moved)s giữa hai ngày") % {
        "figure": verdict.title,
        "moved": wording,
    }
    wants_xlsx = wants_download(request)
    report = listed_people(
        ids,
        title=title,
        as_of=day,
        empty=_("Không có ai."),
        page_number=requested_page(request),
        whole=wants_xlsx,
    )
    if wants_xlsx:
        return report_download(request, report, filename=f"so-sanh-{verdict.key}-{group}")
    back = {k: request.GET[k] for k in ("tu_ngay", "den_ngay", "don_vi") if request.GET.get(k)}
    return render(
        request,
        "reports/people.html",
        {
            "title": title,
            "table": ReportPage(report),
            "unit": unit,
            "crumbs": [(_("So sánh hai ngày"), f"{reverse('core:compare')}?{urlencode(back)}"), (title, "")],
        },
    )
