from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.people.units import tree_rows, unit_record, unit_tree


@requires(Action.VIEW_RECORDS)
def tree(request):
    roots = unit_tree(actor=request.user, as_of=request.as_of)
    context = {"roots": roots, "rows": tree_rows(roots), "crumbs": [(_("Cây tổ chức"), "")]}
    return render(request, "org/unit_tree.html", context)


@requires(Action.VIEW_RECORDS)
def unit_detail(request, code):
    record = unit_record(actor=request.user, code=code, as_of=request.as_of)
    crumbs = [(_("Cây tổ chức"), reverse("org:unit_tree")), (record.unit.name, "")]
    may_close = can(request.user, Action.EDIT_CATALOGUES) and record.unit.valid_to is None
    return render(request, "org/unit_detail.html",
                  {"record": record, "unit": record.unit, "crumbs": crumbs, "may_close": may_close})
