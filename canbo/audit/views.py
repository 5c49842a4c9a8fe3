from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from canbo.accounts.decorators import requires
from canbo.audit.actions import AuditAction
from canbo.audit.selectors import AuditFilters, audit_actors, audit_events, audit_object_types
from canbo.core.capabilities import Action
from canbo.core.tables import Column, Table

COLUMNS = (
    Column("so", _("Số"), ("seq",), numeric=True),
    Column("thoi_diem", _("Thời điểm"), ("at",)),
    Column("nguoi", _("Người thực hiện"), ("actor__username",)),
    Column("thao_tac", _("Thao tác"), ("action",)),
    Column("noi_dung", _("Nội dung")),
    Column("can_bo", _("Cán bộ"), ("cadre_code",)),
    Column("thay_doi", _("Giá trị trước → sau")),
    Column("ip", _("Địa chỉ IP")),
)


@requires(Action.VIEW_AUDIT)
def event_list(request):
    filters = AuditFilters.from_query(request.GET)
    events = audit_events(actor=request.user, filters=filters)
    return render(request, "audit/event_list.html", {
        "table": Table(request, events, COLUMNS, default_sort="-so"),
        "filters": filters,
        "actors": audit_actors(actor=request.user),
        "actions": AuditAction.choices,
        "object_types": audit_object_types(actor=request.user),
        "crumbs": [(_("Nhật ký thay đổi"), "")],
    })
