"""`{% cadre_link cadre %}`: a cadre's name, linked to their record when the reader may open it (a
course's runner or a plan's aggregator reads names of cadres outside their scope, whose records answer
404); the reader's visible cadres at the page's date are read once per request."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from canbo.accounts.scope import sees_everything
from canbo.people.selectors import visible_cadres

register = template.Library()


def _seen(request) -> set[int] | None:
    if sees_everything(request.user):
        return None
    if not hasattr(request, "_cadres_seen"):
        request._cadres_seen = set(visible_cadres(request.user, request.as_of).values_list("pk", flat=True))
    return request._cadres_seen


@register.simple_tag(takes_context=True)
def cadre_link(context, cadre) -> str:
    seen = _seen(context["request"])
    if seen is not None and cadre.pk not in seen:
        return format_html("{}", cadre.full_name)
    record = reverse("people:cadre_detail", args=[cadre.code])
    return format_html('<a href="{}">{}</a>', record, cadre.full_name)
