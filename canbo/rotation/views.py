"""Pages of rotation and transfer: the vacancies at the as-of date, the check of a proposal and the
rotation target of a period."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.org.selectors import unit_get
from canbo.people.record_forms import catalogue_options
from canbo.rotation import selectors, target, target_page
from canbo.rotation.forms import SUGGESTED, ProposalForm
from canbo.rotation.lists import vacancies_report
from canbo.rotation.selectors import UnknownCode
from canbo.rules.pairs import Proposal

FIELD_OF = {"can_bo": "ma_can_bo", "don_vi": "den_don_vi", "chuc_danh": "chuc_danh"}


@requires(Action.VIEW_ROTATION)
def vacancies(request):
    code = request.GET.get("don_vi") or ""
    unit = unit_get(actor=request.user, code=code) if code else None
    key_only = request.GET.get("chu_chot") == "1"
    report = vacancies_report(actor=request.user, as_of=request.as_of, unit=unit, key_only=key_only)
    report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
    if wants_download(request):
        return report_download(request, report, filename=f"vi-tri-khuyet-{request.as_of:%Y%m%d}")
    return render(
        request,
        "rotation/vacancies.html",
        {
            "table": ReportPage(report),
            "total": sum(row["khuyet"] for row in report.rows),
            "unit": unit,
            "key_only": key_only,
            "crumbs": [(_("Vị trí khuyết"), "")],
        },
    )


@requires(Action.CHECK_PROPOSAL)
def check_proposal(request):
    # A link from the vacancies page fills the target in, one from a record the cadre; the check runs
    # once the form is sent, with a cadre, a unit and a type.
    initial = {"tu_ngay": request.as_of.strftime("%d/%m/%Y"), "loai": "luan_chuyen", **request.GET.dict()}
    sent = all(key in request.GET for key in ("ma_can_bo", "den_don_vi", "chuc_danh"))
    form = ProposalForm(request.GET if sent else None, initial=initial)
    result = explanation = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        proposal = Proposal(data["loai"], data["tu_ngay"], data["den_ngay"], data["ngoai_le_btv"])
        try:
            result, explanation = selectors.proposal_check(
                actor=request.user,
                cadre_code=data["ma_can_bo"].strip(),
                unit_code=data["den_don_vi"].strip(),
                type_code=data["chuc_danh"].strip(),
                proposal=proposal,
            )
        except UnknownCode as exc:
            form.add_error(FIELD_OF[exc.what], exc.message)
    return render(
        request,
        "rotation/check.html",
        {
            "form": form,
            "result": result,
            "explanation": explanation,
            "catalogues": catalogue_options(SUGGESTED),
            "crumbs": [(_("Vị trí khuyết"), reverse("rotation:vacancies")), (_("Kiểm tra đề xuất"), "")],
        },
    )


@requires(Action.VIEW_ROTATION)
def rotation_target(request):
    start, end = target_page.default_period(request.as_of)
    form = target_page.PeriodForm(
        request.GET if "tu_ngay" in request.GET else None, initial={"tu_ngay": start, "den_ngay": end}
    )
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["tu_ngay"], form.cleaned_data["den_ngay"]
    elif form.is_bound:
        return render(
            request, "rotation/target.html", {"form": form, "crumbs": [(_("Chỉ tiêu luân chuyển"), "")]}
        )
    direction = target.DIRECTION_OF.get(request.GET.get("chieu", ""))
    group = request.GET.get("nhom", "")
    people = None
    if direction is not None and group in target_page.GROUPS:
        report = target_page.people_report(
            actor=request.user, direction=direction, group=group, start=start, end=end
        )
        report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
        if wants_download(request):
            return report_download(request, report, filename=f"chi-tieu-luan-chuyen-{direction.key}-{group}")
        people = ReportPage(report)
    figures = target.rotation_target(actor=request.user, start=start, end=end)
    return render(
        request,
        "rotation/target.html",
        {
            "form": form,
            "period": urlencode({"tu_ngay": f"{start:%d/%m/%Y}", "den_ngay": f"{end:%d/%m/%Y}"}),
            "directions": [(d, figures[d.key]) for d in target.DIRECTIONS],
            "chart": target_page.chart_rows(
                target.progress_by_year(actor=request.user, start=start, end=end),
                figures[target.DIRECTIONS[0].key]["chi_tieu"],
            ),
            "table": people,
            "crumbs": [(_("Chỉ tiêu luân chuyển"), "")],
        },
    )
