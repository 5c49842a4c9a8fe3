from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.accounts.decorators import requires
from canbo.audit.services import cadre_viewed
from canbo.core.capabilities import Action
from canbo.core.levels import Bloc, Level
from canbo.core.tables import Column, Table
from canbo.people.exports import cadre_list_xlsx
from canbo.people.models import Category, Gender
from canbo.people.search import RELEVANCE
from canbo.people.selectors import (
    STATUS_HOLDING,
    STATUS_PLANNED,
    CadreFilters,
    cadre_record,
    cadre_search,
    ethnicity_choices,
)

CADRE_COLUMNS = (
    Column("ma", _("Mã"), ("code",)),
    Column("ho_ten", _("Họ và tên"), ("sort_key",)),
    Column("ngay_sinh", _("Ngày sinh"), ("birth_date",)),
    Column("gioi_tinh", _("Giới tính")),
    Column("chuc_vu", _("Chức danh, đơn vị tại ngày xem")),
    Column("loai", _("Loại"), ("category",)),
    Column("nghi_huu", _("Ngày nghỉ hưu"), ("retirement_date",)),
)

STATUS_CHOICES = ((STATUS_HOLDING, _("Đang công tác")), (STATUS_PLANNED, _("Trong quy hoạch")))


@requires(Action.VIEW_RECORDS)
def cadre_list(request):
    filters = CadreFilters.from_query(request.GET)
    cadres = cadre_search(actor=request.user, as_of=request.as_of, filters=filters)
    relevance = RELEVANCE if filters.q else ()
    table = Table(request, cadres, CADRE_COLUMNS, default_sort="ma", relevance=relevance)
    if request.GET.get("xuat") == "xlsx":
        return cadre_list_xlsx(table.paginator.object_list, actor=request.user, as_of=request.as_of)
    return render(request, "people/cadre_list.html", {
        "table": table,
        "filters": filters,
        "blocs": Bloc.choices,
        "levels": Level.choices,
        "categories": Category.choices,
        "genders": Gender.choices,
        "ethnicities": ethnicity_choices(request.user, request.as_of),
        "statuses": STATUS_CHOICES,
        "crumbs": [(_("Danh sách cán bộ"), "")],
    })


@requires(Action.VIEW_RECORDS)
def cadre_detail(request, code):
    record = cadre_record(actor=request.user, code=code, as_of=request.as_of)
    cadre_viewed(request.user, record.cadre)
    crumbs = [(_("Danh sách cán bộ"), reverse("people:cadre_list")), (record.cadre.full_name, "")]
    context = {"record": record, "cadre": record.cadre, "crumbs": crumbs}
    return render(request, "people/cadre_detail.html", context)
