"""The people behind a figure of the home page's plan progress."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.errors import NotFound
from canbo.core.report import ReportPage, requested_page
from canbo.dashboard.plan_progress import FIGURES, progress_years
from canbo.documents.downloads import report_download, wants_download
from canbo.reports.lists import listed_people
from canbo.training.progress import every_programme, people


@requires(Action.VIEW_PLANS)
def plan_people(request):
    years, figure = progress_years(request.as_of), request.GET.get("xem", "")
    year = int(request.GET["nam"]) if request.GET.get("nam", "").isdecimal() else None
    if year not in years or figure not in FIGURES:
        raise NotFound(_("Không có chỉ số tiến độ kế hoạch này."))
    found = every_programme(actor=request.user, years=[year], as_of=request.as_of)
    ids = [cadre.pk for cadre in people(found[year][figure])]
    title = _("Năm %(year)s: %(figure)s") % {"year": year, "figure": FIGURES[figure]}
    wants_xlsx = wants_download(request)
    report = listed_people(ids, title=title, as_of=request.as_of, empty=_("Không có ai."),
                           page_number=requested_page(request), whole=wants_xlsx)
    if wants_xlsx:
        return report_download(request, report, filename=f"tien-do-ke-hoach-{year}-{figure}")
    return render(request, "reports/people.html", {
        "title": title,
        "table": ReportPage(report),
        "crumbs": [(_("Tổng quan"), reverse("core:home")), (title, "")],
    })
