"""The home page: what the user's scope holds, and the cards their role may see. Where its figures
must first be counted in a large province, the page comes at once and its figures follow
(`home_cards`, asked for by canbo/home.js)."""

from django.conf import settings
from django.shortcuts import render

from canbo.accounts.decorators import requires
from canbo.audit import render as audit_render
from canbo.core.capabilities import Action, can, scope_label
from canbo.dashboard.cards import cards_for, figures_at_hand
from canbo.people.models import Cadre
from canbo.people.scope_counts import scope_figures
from canbo.people.selectors import STATUS_HOLDING, STATUS_PLANNED


@requires(Action.VIEW_RECORDS)
def home(request):
    about = {"scope": scope_label(request.user)}
    if request.GET.get("tinh_ngay") != "1" and not _at_hand(request):
        return render(request, "dashboard/home.html", {**about, "pending": True})
    return render(request, "dashboard/home.html", {**about, **_cards(request)})


@requires(Action.VIEW_RECORDS)
def home_cards(request):
    """The home page's figures and cards alone."""
    return render(request, "dashboard/home_cards.html", _cards(request))


def _at_hand(request) -> bool:
    """Whether the figures come without counting them first, or the province is small enough for
    counting them within the page."""
    if figures_at_hand(actor=request.user, as_of=request.as_of):
        return True
    return Cadre.objects.count() < settings.CANBO_HOME_COUNTED_APART


def _cards(request) -> dict:
    cards = cards_for(request.user, request.as_of)
    events = cards.pop("changes", [])
    with audit_render.codes_named(events):
        changes = [(event, audit_render.summary(event)) for event in events]
    return {
        "figures": scope_figures(actor=request.user, as_of=request.as_of),
        "status_holding": STATUS_HOLDING,
        "status_planned": STATUS_PLANNED,
        "cards": cards,
        "changes": changes,
        "shows_who": can(request.user, Action.VIEW_AUDIT),
    }
