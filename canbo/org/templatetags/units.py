from django import template

from canbo.org.picker import options_html, unit_picker_options

register = template.Library()


@register.inclusion_tag("includes/unit_picker.html", takes_context=True)
def unit_picker(context, selected: str = "", name: str = "don_vi", field_id: str = "don-vi", label=None):
    """The unit filter of a page: `{% unit_picker selected_code %}` (query parameter `don_vi`)."""
    request = context["request"]
    return {
        "options": options_html(unit_picker_options(request.user, request.as_of), selected or ""),
        "selected": selected or "",
        "name": name,
        "field_id": field_id,
        "label": label,
    }
