from django.http import JsonResponse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.jobs.selectors import job_get


@requires(Action.OWN_ACCOUNT)
def job_state(request, pk: int):
    """How far the user's job has got, for the page that follows it (canbo/jobs.js)."""
    job = job_get(actor=request.user, pk=pk)
    return JsonResponse(
        {
            "trang_thai": "gian_doan" if job.cut_off else job.state,
            "nhan": _("Bị gián đoạn: máy chủ đã dừng khi việc đang chạy")
            if job.cut_off
            else job.get_state_display(),
            "da_lam": job.done,
            "tong": job.total,
            "phan_tram": job.percent,
            "dang_lam": job.message,
            "loi": job.error,
        }
    )
