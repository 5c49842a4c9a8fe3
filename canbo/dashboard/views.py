"""The home page: what the user's scope holds, and the cards their role may see."""

from django.shortcuts import render

from canbo.accounts.decorators import requires
from canbo.audit import render as audit_render
from canbo.core.capabilities import Action, can, scope_label
from canbo.dashboard.cards import cards_for
from canbo.people.scope_counts import scope_figures
from canbo.people.selectors import STATUS_HOLDING, STATUS_PLANNED


@requires(Action.VIEW_RECORDS)
def home(request):
    cards = cards_for(request.user, request.as_of)
    events = cards.pop("changes", [])
    with audit_render.codes_named(events):
        changes = [(event, audit_render.summary(event)) for event in events]
    return render(
        request,
        "dashboard/home.html",
        {
            "figures": scope_figures(actor=request.user, as_of=request.as_of),
            "scope": scope_label(request.user),
            "status_holding": STATUS_HOLDING,
            "status_planned": STATUS_PLANNED,
            "cards": cards,
            "changes": changes,
            "shows_who": can(request.user, Action.VIEW_AUDIT),
        },
    )
