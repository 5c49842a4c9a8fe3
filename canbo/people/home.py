from django.shortcuts import render

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, scope_label
from canbo.people.selectors import STATUS_HOLDING, STATUS_PLANNED, scope_figures


@requires(Action.VIEW_RECORDS)
def home(request):
    figures = scope_figures(actor=request.user, as_of=request.as_of)
    return render(request, "core/home.html", {
        "figures": figures,
        "scope": scope_label(request.user),
        "status_holding": STATUS_HOLDING,
        "status_planned": STATUS_PLANNED,
    })
