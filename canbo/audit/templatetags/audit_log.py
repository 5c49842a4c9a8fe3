from django import template

from canbo.audit import render

register = template.Library()


@register.filter
def audit_summary(event) -> str:
    return render.summary(event)


@register.filter
def audit_changes(event) -> list[render.Change]:
    return render.changes(event)
