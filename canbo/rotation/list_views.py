"""Pages of lists of rotations: the one-time allowances for the finance office (R8)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.audit.exports import report_download
from canbo.core.capabilities import Action
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.org.selectors import unit_get
from canbo.rotation import target_page
from canbo.rotation.allowance_list import allowance_report


@requires(Action.VIEW_ALLOWANCES)
def allowances(request):
    start, end = target_page.default_period(request.as_of)
    form = target_page.PeriodForm(
        request.GET if "tu_ngay" in request.GET else None, initial={"tu_ngay": start, "den_ngay": end}
    )
    context = {"form": form, "crumbs": [(_("Hỗ trợ cán bộ luân chuyển"), "")]}
    if form.is_bound and not form.is_valid():
        return render(request, "rotation/allowances.html", context)
    if form.is_bound:
        start, end = form.cleaned_data["tu_ngay"], form.cleaned_data["den_ngay"]
    code = request.GET.get("don_vi") or ""
    unit = unit_get(actor=request.user, code=code) if code else None
    report = allowance_report(actor=request.user, start=start, end=end, unit=unit)
    report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
    if request.GET.get("xuat") == "xlsx":
        return report_download(request, report, filename=f"ho-tro-luan-chuyen-{start:%Y%m%d}-{end:%Y%m%d}")
    return render(request, "rotation/allowances.html", {**context, "table": ReportPage(report), "unit": unit})
