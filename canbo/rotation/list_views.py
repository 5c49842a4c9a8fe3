"""Pages of lists of rotations: the one-time allowances for the finance office (R8), the list for the
Standing Committee's meeting (R9 step 3) with its workbook, its DOCX (or PDF) and its zip with the
personal history forms, and a step taken for a list's proposals (or those at a step) at once."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.errors import NotFound
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.documents.pdf import PdfUnavailable
from canbo.documents.responses import FORMAT_PARAMETER, attachment, docx_or_pdf, unavailable
from canbo.org.selectors import unit_get
from canbo.rotation import target_page
from canbo.rotation.allowance_list import allowance_report
from canbo.rotation.batch_steps import proposals_step
from canbo.rotation.meeting import meeting_archive, meeting_docx, meeting_report
from canbo.rotation.procedure import PROPOSAL_PROCESS
from canbo.rotation.proposal_selectors import list_get, visible_proposals
from canbo.workflow.services import reasons_against


@requires(Action.VIEW_ALLOWANCES)
def allowances(request):
    """The decisions with R8's support issued in a period: by default the viewing date's year, the
    year the finance section settles."""
    start, end = dt.date(request.as_of.year, 1, 1), dt.date(request.as_of.year, 12, 31)
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
    if wants_download(request):
        return report_download(request, report, filename=f"ho-tro-luan-chuyen-{start:%Y%m%d}-{end:%Y%m%d}")
    return render(request, "rotation/allowances.html", {**context, "table": ReportPage(report), "unit": unit})


# The list with each cadre's personal history form, zipped: `?dinh_dang=` value -> the files' format.
ARCHIVES = {"zip": "docx", "zip_pdf": "pdf"}


@requires(Action.VIEW_ROTATION)
def meeting_list(request):
    """`?danh_sach=N`: a list of proposals; without it, the proposals reported for decision."""
    batch = _batch_of(request)
    stem = f"danh-sach-trinh-btv-{batch.pk if batch else 'buoc-3'}-{request.as_of:%Y%m%d}"
    wanted = request.GET.get(FORMAT_PARAMETER, "")
    if wanted in ("docx", "pdf"):
        content = meeting_docx(actor=request.user, batch=batch, file_name=f"{stem}.{wanted}")
        return docx_or_pdf(request, content, stem)
    if wanted in ARCHIVES:
        try:
            archive = meeting_archive(actor=request.user, batch=batch, as_of=request.as_of, stem=stem,
                                      extension=ARCHIVES[wanted])
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(request.path + (f"?danh_sach={batch.pk}" if batch else ""))
        except PdfUnavailable as error:
            return unavailable(request, error, instead="zip")
        return attachment(archive, f"{stem}.zip")
    report = meeting_report(actor=request.user, batch=batch)
    report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
    if wants_download(request):
        return report_download(request, report, filename=stem)
    crumbs = [(_("Đề xuất luân chuyển, điều động"), reverse("rotation:proposals")),
              (_("Danh sách trình họp"), "")]
    context = {"table": ReportPage(report), "batch": batch, "crumbs": crumbs}
    return render(request, "rotation/meeting.html", context)


def _batch_of(request):
    if request.GET.get("danh_sach", "").isdecimal():
        return list_get(actor=request.user, pk=int(request.GET["danh_sach"]))
    return None


@requires(Action.VIEW_ROTATION)
def batch_step(request):
    """`?buoc=STATE&den=STATE[&danh_sach=N]`: the proposals at a step (of a list), each with why it may
    not be taken now; on confirmation the selected ones go through it, each with its outcome."""
    source, target = request.GET.get("buoc", ""), request.GET.get("den", "")
    step = PROPOSAL_PROCESS.transition(source, target)
    if step is None:
        raise NotFound(_("Không có bước chuyển này trong quy trình luân chuyển, điều động."))
    batch = _batch_of(request)
    at_step = visible_proposals(request.user).filter(state=source)
    if batch is not None:
        at_step = at_step.filter(batch=batch)
    proposals = list(at_step.order_by("cadre__sort_key", "cadre__code", "pk"))
    comment, outcomes = request.POST.get("y_kien", ""), None
    if request.method == "POST":
        chosen = set(request.POST.getlist("de_xuat"))
        selected = [p for p in proposals if str(p.pk) in chosen]
        if not selected:
            messages.error(request, _("Chọn ít nhất một đề xuất."))
        elif step.comment_required and not comment.strip():
            messages.error(request, _("Bước “%(step)s” cần ghi rõ lý do.") % {"step": step.label})
        else:
            outcomes = proposals_step(actor=request.user, proposals=selected, source=source, to=target,
                                      comment=comment, files=request.FILES.getlist("tep"))
            taken = sum(outcome.taken for outcome in outcomes)
            messages.success(request, _("%(step)s: %(n)s/%(total)s đề xuất đã chuyển bước.")
                             % {"step": step.label, "n": taken, "total": len(outcomes)})
            proposals = [p for p in proposals if p.state == source]
    rows = [(p, reasons_against(request.user, PROPOSAL_PROCESS, step, p, with_comment=False))
            for p in proposals]
    back = reverse("rotation:proposals") + (f"?danh_sach={batch.pk}" if batch else f"?buoc={source}")
    return render(request, "rotation/batch_step.html", {
        "step": step, "batch": batch, "rows": rows, "outcomes": outcomes, "comment": comment,
        "source_label": PROPOSAL_PROCESS.state_label(source), "back": back,
        "crumbs": [(_("Đề xuất luân chuyển, điều động"), back), (step.label, "")],
    })
