from django import template

from canbo.org.picker import picker_html

register = template.Library()


@register.inclusion_tag("includes/unit_picker.html", takes_context=True)
def unit_picker(context, selected: str = "", name: str = "don_vi", field_id: str = "don-vi", label=None,
                empty_label=None, placeholder=None, keep=False):
    """The unit filter of a page: `{% unit_picker selected_code %}` (query parameter `don_vi`); a form
    field choosing one unit names its own label, empty choice and placeholder, and keeps a chosen
    unit the scope does not offer (`keep`, `picker_html`)."""
    request = context["request"]
    return {
        "options": picker_html(request.user, request.as_of, selected or "", keep=keep),
        "selected": selected or "",
        "name": name,
        "field_id": field_id,
        "label": label,
        "empty_label": empty_label,
        "placeholder": placeholder,
    }
