"""Pages of rotation and transfer: the vacancies at the as-of date and the check of a proposal."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.audit.exports import report_download
from canbo.core.capabilities import Action
from canbo.core.levels import Level
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.org.selectors import visible_units
from canbo.rotation import selectors
from canbo.rotation.forms import ProposalForm
from canbo.rotation.lists import vacancies_report
from canbo.rotation.selectors import UnknownCode
from canbo.rules.pairs import Proposal

FIELD_OF = {"can_bo": "ma_can_bo", "don_vi": "den_don_vi", "chuc_danh": "chuc_danh"}
UNKNOWN = {
    "can_bo": gettext_lazy("Không có cán bộ mã “%(code)s” trong phạm vi của bạn."),
    "don_vi": gettext_lazy("Không có đơn vị mã “%(code)s”."),
    "chuc_danh": gettext_lazy("Không có chức danh mã “%(code)s”."),
}


@requires(Action.VIEW_ROTATION)
def vacancies(request):
    code = request.GET.get("don_vi") or ""
    unit = selectors.unit_in_scope(actor=request.user, code=code) if code else None
    key_only = request.GET.get("chu_chot") == "1"
    report = vacancies_report(actor=request.user, as_of=request.as_of, unit=unit, key_only=key_only)
    report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
    if request.GET.get("xuat") == "xlsx":
        return report_download(request, report, filename=f"vi-tri-khuyet-{request.as_of:%Y%m%d}")
    units = visible_units(request.user).exclude(level=Level.XA).order_by("path").values_list("code", "name")
    return render(
        request,
        "rotation/vacancies.html",
        {
            "table": ReportPage(report),
            "total": sum(row["khuyet"] for row in report.rows),
            "unit": unit,
            "units": units,
            "key_only": key_only,
            "crumbs": [(_("Vị trí khuyết"), "")],
        },
    )


@requires(Action.CHECK_PROPOSAL)
def check_proposal(request):
    # A link from the vacancies page fills the target in; the check runs once a cadre is given.
    initial = {"tu_ngay": request.as_of.strftime("%d/%m/%Y"), "loai": "luan_chuyen", **request.GET.dict()}
    form = ProposalForm(request.GET if request.GET.get("ma_can_bo") else None, initial=initial)
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
            form.add_error(FIELD_OF[exc.what], str(UNKNOWN[exc.what]) % {"code": exc.code})
    return render(
        request,
        "rotation/check.html",
        {
            "form": form,
            "result": result,
            "explanation": explanation,
            "crumbs": [(_("Vị trí khuyết"), reverse("rotation:vacancies")), (_("Kiểm tra đề xuất"), "")],
        },
    )
