"""The import page: upload the workbook, follow its dry run, read the findings, confirm the load."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.errors import DomainError
from canbo.exchange.import_jobs import KIND, import_check, import_load, replace_pending
from canbo.jobs.models import JobState
from canbo.jobs.selectors import job_get, latest_job
from canbo.people.schema import SHEETS

FINDINGS_PER_PAGE = 100


def _crumbs(*more) -> list:
    return [(_("Nhập dữ liệu"), reverse("exchange:import")), *more]


@requires(Action.IMPORT_WORKBOOK)
def import_page(request):
    problem = ""
    if request.method == "POST":
        upload, replace = request.FILES.get("tep"), request.POST.get("thay_the") == "1"
        if upload is None:
            problem = _("Chọn tệp dữ liệu (XLSX) để tải lên.")
        else:
            try:
                job = import_check(actor=request.user, upload=upload, replace=replace)
            except DomainError as refused:
                problem = refused.message
            else:
                return redirect("exchange:import_job", pk=job.pk)
    return render(request, "exchange/import.html", {
        "problem": problem, "latest": latest_job(actor=request.user, kind=KIND),
        "crumbs": [(_("Nhập dữ liệu"), "")],
    })


def _import_job(request, pk):
    return job_get(actor=request.user, pk=pk, kind=KIND)


def _per_sheet(result: dict) -> list[dict]:
    """Rows read (or written) and findings, sheet by sheet in the workbook's order."""
    names = [sheet.name for sheet in SHEETS]
    names += sorted({f["sheet"] for f in result["loi"] + result["canh_bao"]} - set(names))
    rows = []
    for name in names:
        errors = sum(1 for f in result["loi"] if f["sheet"] == name)
        warnings = sum(1 for f in result["canh_bao"] if f["sheet"] == name)
        count = result["so_dong"].get(name)
        if count is not None or errors or warnings:
            rows.append({"sheet": name or "—", "rows": count, "errors": errors, "warnings": warnings})
    return rows


@requires(Action.IMPORT_WORKBOOK)
def import_job(request, pk):
    """The job's progress while it runs; then the dry run's findings and the confirmation, or the load's
    outcome."""
    job = _import_job(request, pk)
    context = {"job": job, "crumbs": _crumbs((job.params.get("ten", ""), ""))}
    if job.state == JobState.DONE:
        result = job.result
        findings = [{**f, "kind": _("Cảnh báo")} for f in result["canh_bao"]]
        findings += [{**f, "kind": _("Lỗi")} for f in result["loi"]]
        context |= {
            "result": result, "per_sheet": _per_sheet(result),
            "page": Paginator(findings, FINDINGS_PER_PAGE).get_page(request.GET.get("page")),
            "confirmable": job.params["chay_thu"] and not result["loi"]
            and latest_job(actor=request.user, kind=KIND) == job,
            "replacing": replace_pending(job) if job.params["chay_thu"] else {},
        }
    return render(request, "exchange/import_job.html", context)


@require_POST
@requires(Action.IMPORT_WORKBOOK)
def import_confirm(request, pk):
    """Load the workbook the dry run found clean; a replacement of the province's data asks once more."""
    dry_run = _import_job(request, pk)
    replacing = replace_pending(dry_run)
    confirmed = request.POST.get("xac_nhan_thay_the") == "1"
    if replacing and not confirmed:
        return render(request, "exchange/import_replace.html", {
            "job": dry_run, "replacing": replacing,
            "crumbs": _crumbs((dry_run.params["ten"], reverse("exchange:import_job", args=[pk])),
                              (_("Xác nhận thay thế"), "")),
        })
    try:
        load = import_load(actor=request.user, dry_run=dry_run, replace_confirmed=confirmed)
    except DomainError as refused:
        messages.error(request, refused.message)
        return redirect("exchange:import_job", pk=pk)
    return redirect("exchange:import_job", pk=load.pk)
