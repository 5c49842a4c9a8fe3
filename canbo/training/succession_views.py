"""The succession page: every position type planned in the current term at a glance (its XLSX
too); choose one (and a unit) to see who is planned for it in a term (the current one unless another
is chosen) and how ready each is at the date viewed, as a list that sorts, pages and exports; and,
when the rule set in force caps planning, the positions and cadres over the caps."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.org.models import PositionType
from canbo.org.selectors import unit_get
from canbo.rules.selectors import rule_set_in_force
from canbo.training.succession import structure_groups
from canbo.training.succession_caps import succession_caps
from canbo.training.succession_overview import succession_overview
from canbo.training.succession_table import (
    GROUP_PARAMETER,
    TERM_PARAMETER,
    chosen_succession,
    term_value,
    with_posts,
)


@requires(Action.VIEW_REVIEW)
def succession_page(request):
    code = request.GET.get("don_vi") or ""
    unit = unit_get(actor=request.user, code=code) if code else None
    types = PositionType.objects.filter(planning__isnull=False).distinct().order_by("name")
    typed = request.GET.get("chuc_danh", "")
    chosen = types.filter(code=typed).first()
    unknown = (
        _("Không có chức danh mã “%(code)s” trong quy hoạch.") % {"code": typed}
        if typed and not chosen
        else ""
    )
    groups = dict(structure_groups())
    group = request.GET.get(GROUP_PARAMETER, "")
    if group and group not in groups:
        unknown, group = _("Không có nhóm “%(group)s”: danh sách dưới đây là mọi người được quy hoạch.") % {
            "group": group}, ""
    rule_set = rule_set_in_force(request.as_of)
    terms, term, candidates = chosen_succession(
        actor=request.user, position_type=chosen, as_of=request.as_of, unit=unit,
        asked=request.GET.get(TERM_PARAMETER, ""), rule_set=rule_set, group=group,
    ) if chosen else ([], None, None)
    table = None
    if candidates is not None:
        ordering = requested_ordering(request, candidates.columns)
        candidates = arranged(candidates, ordering, requested_page(request))
        if wants_download(request):
            with_posts(candidates.rows, request.as_of)
            name = f"nguon-ke-can-{chosen.code}-{term_value(term)}-{request.as_of:%Y%m%d}"
            return report_download(request, candidates, filename=name)
        table = ReportPage(candidates)
        with_posts(table.rows, request.as_of)
    overview = None
    if not typed:
        query = {"don_vi": code} if code else {}
        overview = succession_overview(actor=request.user, as_of=request.as_of, unit=unit, query=query)
        overview = arranged(overview, requested_ordering(request, overview.columns))
        if wants_download(request):
            return report_download(request, overview, filename=f"nguon-ke-can-{request.as_of:%Y%m%d}")
    return render(
        request,
        "training/succession.html",
        {
            "types": types,
            "chosen": chosen,
            "unknown": unknown,
            "unit": unit,
            "terms": [(t, term_value(t)) for t in terms],
            "term": term,
            "figures": [(key, label, term.structure.get(key, 0)) for key, label in groups.items()]
            if term else [],
            "group": group,
            "group_label": groups.get(group, ""),
            "current": term_value(term) if term else "",
            "table": table,
            "overview": ReportPage(overview, per_page=len(overview.rows) or None) if overview else None,
            "caps": succession_caps(actor=request.user, as_of=request.as_of, unit=unit),
            "rule_set": rule_set,
            "crumbs": [(_("Nguồn kế cận theo chức danh"), "")],
        },
    )
