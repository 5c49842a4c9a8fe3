from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.accounts.decorators import requires
from canbo.audit.services import cadre_viewed
from canbo.core.capabilities import Action, can
from canbo.core.levels import Bloc, Level
from canbo.core.report import ReportPage, requested_ordering, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.people.cadre_list import cadre_columns, cadre_list_report
from canbo.people.models import Category, Gender
from canbo.people.removals import removed_rows
from canbo.people.selectors import (
    STATUS_HOLDING,
    STATUS_PLANNED,
    CadreFilters,
    cadre_record,
    cadre_suggestions,
    ethnicity_choices,
)

STATUS_CHOICES = ((STATUS_HOLDING, _("Đang công tác")), (STATUS_PLANNED, _("Trong quy hoạch")))


@requires(Action.VIEW_RECORDS)
def cadre_list(request):
    filters = CadreFilters.from_query(request.GET)
    export = wants_download(request)
    report = cadre_list_report(
        actor=request.user, as_of=request.as_of, filters=filters,
        ordering=requested_ordering(request, cadre_columns()),
        page=None if export else requested_page(request),
    )
    if export:
        return report_download(request, report, filename=f"can-bo-{request.as_of.isoformat()}")
    return render(request, "people/cadre_list.html", {
        "table": ReportPage(report),
        "filters": filters,
        "blocs": Bloc.choices,
        "levels": Level.choices,
        "categories": Category.choices,
        "genders": Gender.choices,
        "ethnicities": ethnicity_choices(request.user, request.as_of),
        "statuses": STATUS_CHOICES,
        "crumbs": [(_("Danh sách cán bộ"), "")],
        "may_print": can(request.user, Action.PRINT_PERSONAL_HISTORY),
        "may_edit": can(request.user, Action.EDIT_RECORDS),
        "print_limit": settings.CANBO_2C_BATCH_MAX,
    })


@requires(Action.VIEW_RECORDS)
def cadre_detail(request, code):
    record = cadre_record(actor=request.user, code=code, as_of=request.as_of)
    cadre_viewed(request.user, record.cadre)
    crumbs = [(_("Danh sách cán bộ"), reverse("people:cadre_list")), (record.cadre.full_name, "")]
    context = {"record": record, "cadre": record.cadre, "crumbs": crumbs,
               "may_print": can(request.user, Action.PRINT_PERSONAL_HISTORY),
               "may_propose": can(request.user, Action.DRAFT_PROPOSALS),
               "may_check": can(request.user, Action.CHECK_PROPOSAL),
               "may_edit": can(request.user, Action.EDIT_RECORDS),
               "removed": removed_rows(request.user, record.cadre)}
    return render(request, "people/cadre_detail.html", context)


@requires(Action.VIEW_RECORDS)
def suggestions(request):
    """What a cadre code field suggests as it is typed (`static/canbo/cadre_suggest.js`)."""
    typed = request.GET.get("q", "")
    return JsonResponse({"goi_y": cadre_suggestions(actor=request.user, as_of=request.as_of, typed=typed)})
