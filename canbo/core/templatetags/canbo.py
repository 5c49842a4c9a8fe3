"""Template helpers of the layout: navigation, kept query parameters, dates as dd/mm/yyyy."""

from django import template
from django.utils import numberformat
from django.utils.formats import get_format

from canbo.core.capabilities import scope_label
from canbo.core.dates import birth_text
from canbo.core.levels import LEVELS
from canbo.core.navigation import navigation_for

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context):
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    return navigation_for(request.user, match.view_name if match else None)


@register.simple_tag
def kept_params(request, *dropped):
    """The current query parameters except `dropped`, as (name, value) pairs for hidden inputs."""
    return [(name, value) for name, values in request.GET.lists() if name not in dropped for value in values]


@register.filter
def dmy(value):
    """A date as dd/mm/yyyy; empty stays empty."""
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def birth(cadre):
    """A cadre's birth date at the precision it is known."""
    return birth_text(cadre.birth_date, cadre.birth_precision)


@register.filter
def scope_of(user):
    return scope_label(user)


@register.filter
def level_label(qualification):
    """The name of a qualification's level (`cu_nhan` -> "Cử nhân"), its code when unknown."""
    for code, _rank, label in LEVELS.get(qualification.kind, ()):
        if code == qualification.level:
            return label
    return qualification.level


@register.filter
def num(value):
    """A count with the thousands separator of the current language (20.000 in Vietnamese)."""
    return numberformat.format(
        value, get_format("DECIMAL_SEPARATOR"), grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
