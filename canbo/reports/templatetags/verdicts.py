"""The verdict panel of a person, for pages of lower apps (the cadre record) to include."""

from django import template

from canbo.reports.selectors import cadre_verdicts

register = template.Library()


@register.inclusion_tag("reports/cadre_verdicts.html", takes_context=True)
def verdicts_panel(context, cadre):
    """What `cadre` owes and may attend at the page's date (the page has checked the scope)."""
    return {"verdicts": cadre_verdicts(cadre=cadre, as_of=context["request"].as_of)}
