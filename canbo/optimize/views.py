"""The optimiser page (SPEC §13): run it as a job, follow its progress, read the result as a table
and a chart against the greedy choice, send the chosen pairs to step 1 of the rotation procedure."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.jobs.runner import job_start
from canbo.jobs.selectors import job_shown
from canbo.optimize.forms import RunForm, SendForm
from canbo.optimize.run import KIND, WEIGHT_KEYS, default_weights, optimiser_run, run_get, run_send


def _initial(request, job) -> dict:
    if job is None:
        return {"ngay": request.as_of, "vi_tri": "khuyet", **default_weights(request.as_of)}
    params = job.params
    return {
        "ngay": dt.date.fromisoformat(params["ngay"]),
        "vi_tri": "khuyet" if params["vi_tri"] is None else "chon",
        "cac_vi_tri": "\n".join(f"{unit}; {kind}" for unit, kind in params["vi_tri"] or []),
        **params["trong_so"],
    }


def chart(result: dict) -> list[dict]:
    """The optimum against the greedy choice: total fit and seats filled, as bar widths in %."""
    rows = []
    for key, label, top in (
        ("tong", _("Tổng điểm phù hợp"), max(result["toi_uu"]["tong"], 1)),
        ("so_cho", _("Số vị trí được bố trí"), max(result["so_vi_tri"], 1)),
    ):
        rows.append(
            {
                "label": label,
                "bars": [
                    (name, result[side][key], 100 * result[side][key] / top)
                    for side, name in (("toi_uu", _("Tối ưu")), ("tham_lam", _("Chọn lần lượt")))
                ],
            }
        )
    return rows


@requires(Action.DRAFT_PROPOSALS)
def optimiser(request):
    if request.method == "POST":
        form = RunForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            job = job_start(
                actor=request.user,
                kind=KIND,
                work=optimiser_run,
                params={
                    "ngay": data["ngay"].isoformat(),
                    "vi_tri": data["posts"],
                    "trong_so": {key: data[key] for key in WEIGHT_KEYS},
                },
            )
            return redirect(f"{reverse('optimize:optimiser')}?viec={job.pk}")
        job = None
    else:
        job = job_shown(actor=request.user, kind=KIND, asked=request.GET.get("viec", ""))
        form = RunForm(initial=_initial(request, job))
    result = job.result if job is not None and job.finished_ok else None
    send = None
    if result:
        send = SendForm(
            initial={
                "ten": _("Đề xuất luân chuyển tối ưu tại ngày %(d)s")
                % {"d": dt.date.fromisoformat(result["ngay"]).strftime("%d/%m/%Y")},
                "tu_ngay": dt.date.fromisoformat(result["ngay"]),
                "ly_do": _(
                    "Bố trí vào vị trí khuyết theo phương án phân công có tổng điểm phù hợp lớn nhất."
                ),
            }
        )
    return render(
        request,
        "optimize/optimiser.html",
        {
            "form": form,
            "job": job,
            "then": f"{reverse('optimize:optimiser')}?viec={job.pk}" if job else "",
            "result": result,
            "chart": chart(result) if result else None,
            "send": send,
            "crumbs": [(_("Đề xuất luân chuyển tối ưu"), "")],
        },
    )


@require_POST
@requires(Action.DRAFT_PROPOSALS)
def optimiser_send(request, pk: int):
    job = run_get(actor=request.user, pk=pk)
    form = SendForm(request.POST)
    back = f"{reverse('optimize:optimiser')}?viec={job.pk}"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    try:
        batch, refusals = run_send(
            actor=request.user, job=job, name=data["ten"], start=data["tu_ngay"], reasons=data["ly_do"]
        )
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect(back)
    for refusal in refusals:
        messages.warning(request, _("Không gửi: %(why)s") % {"why": refusal})
    if batch is None:
        messages.error(request, _("Không cặp nào qua được kiểm tra theo quy tắc; không lập danh sách."))
        return redirect(back)
    messages.success(
        request, _("Đã lập danh sách dự kiến gồm %(n)s đề xuất (bước 1).") % {"n": batch.proposals.count()}
    )
    return redirect(f"{reverse('rotation:proposals')}?danh_sach={batch.pk}")
