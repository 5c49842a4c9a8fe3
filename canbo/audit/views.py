from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from canbo.accounts.decorators import requires
from canbo.audit.actions import AuditAction
from canbo.audit.exports import report_download
from canbo.audit.log_report import audit_log_report, log_columns
from canbo.audit.selectors import AuditFilters, audit_actors, audit_object_types
from canbo.core.capabilities import Action
from canbo.core.report import ReportPage, requested_ordering, requested_page


@requires(Action.VIEW_AUDIT)
def event_list(request):
    filters = AuditFilters.from_query(request.GET)
    export = request.GET.get("xuat") == "xlsx"
    report = audit_log_report(
        actor=request.user, filters=filters, ordering=requested_ordering(request, log_columns()),
        page=None if export else requested_page(request),
    )
    if export:
        return report_download(request, report, filename=f"nhat-ky-{request.as_of.isoformat()}")
    return render(request, "audit/event_list.html", {
        "table": ReportPage(report, printed=False),
        "filters": filters,
        "actors": audit_actors(actor=request.user),
        "actions": AuditAction.choices,
        "object_types": audit_object_types(actor=request.user),
        "crumbs": [(_("Nhật ký thay đổi"), "")],
    })
