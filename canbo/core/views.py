from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from canbo.accounts.scope import scope_label
from canbo.people.selectors import STATUS_HOLDING, STATUS_PLANNED, scope_figures


@login_required
def home(request):
    figures = scope_figures(actor=request.user, as_of=request.as_of)
    return render(request, "core/home.html", {
        "figures": figures,
        "scope": scope_label(request.user),
        "status_holding": STATUS_HOLDING,
        "status_planned": STATUS_PLANNED,
    })
