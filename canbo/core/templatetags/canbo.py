"""Template helpers of the layout: navigation, kept query parameters, dates as dd/mm/yyyy, the
rows of a report table."""

from django import template
from django.template.base import render_value_in_context
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe

from canbo.core.capabilities import scope_label
from canbo.core.dates import birth_text
from canbo.core.levels import LEVELS
from canbo.core.navigation import navigation_for
from canbo.core.report import NUMERIC, Kind, ReportPage

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


@register.simple_tag(takes_context=True)
def report_rows(context, table: ReportPage) -> SafeString:
    """The body rows of `includes/report_table.html`, built here: the template's loop over every
    cell (50 rows of 8 on a cadre list page) cost more than the rest of the page."""
    action_label = table.report.action_label
    rows = []
    for row in table.rows:
        cells = [_cell(column.kind, row.get(column.key), context) for column in table.report.columns]
        if action_label:
            action = row.get("_action")
            link = _link(action, action_label, context) if action else ""
            cells.append(f'<td class="action">{link}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return mark_safe("\n".join(rows))  # noqa: S308 (every value escaped by render_value_in_context)


def _cell(kind: Kind, value, context) -> str:
    opening = '<td class="num">' if kind in NUMERIC else "<td>"
    return f"{opening}{_content(kind, value, context)}</td>"


def _content(kind: Kind, value, context) -> str:
    if kind == Kind.LIST:
        items = [_link(item.url, item.text, context) if getattr(item, "url", None)
                 else render_value_in_context(item, context) for item in value or ()]
        return "<br>".join(items) if items else '<span class="muted">–</span>'
    if getattr(value, "url", None):
        if kind == Kind.NUMBER and value.text == 0:  # a count of no one opens no empty list
            return "0"
        counted = kind == Kind.NUMBER and isinstance(value.text, int)
        return _link(value.url, num(value.text) if counted else value.text, context)
    if kind == Kind.NUMBER and isinstance(value, int):
        return num(value)
    if kind == Kind.DATE:
        return render_value_in_context(dmy(value), context)
    if kind == Kind.MONEY and value is not None:
        return f"{render_value_in_context(num(value), context)} đ"
    return render_value_in_context("" if value is None else value, context)


def _link(url, text, context) -> str:
    return f'<a href="{render_value_in_context(url, context)}">{render_value_in_context(text, context)}</a>'
