from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from canbo.accounts.decorators import requires
from canbo.audit.selectors import audit_actions, audit_events
from canbo.core.capabilities import Action
from canbo.core.tables import Column, Table

COLUMNS = (
    Column("thoi_diem", _("Thời điểm"), ("at",)),
    Column("nguoi", _("Người thực hiện"), ("actor__username",)),
    Column("thao_tac", _("Thao tác"), ("action",)),
    Column("noi_dung", _("Nội dung")),
)


@requires(Action.VIEW_AUDIT)
def event_list(request):
    text = request.GET.get("q", "").strip()
    action = request.GET.get("thao_tac", "").strip()
    events = audit_events(actor=request.user, text=text, action=action)
    return render(request, "audit/event_list.html", {
        "table": Table(request, events, COLUMNS, default_sort="-thoi_diem"),
        "actions": audit_actions(actor=request.user),
        "q": text,
        "action": action,
        "crumbs": [(_("Nhật ký thay đổi"), "")],
    })
