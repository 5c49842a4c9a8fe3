"""The units a user may filter by, as an indented tree: the one unit picker of every page."""

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from canbo.core.data_cache import remembered_over
from canbo.core.names import search_fold, text_sort_key
from canbo.org.models import Unit
from canbo.org.selectors import units_in_force


@dataclass(frozen=True)
class PickerOption:
    code: str
    name: str
    depth: int    # visible ancestors: a unit whose parent is out of scope is a root
    search: str   # the name and code as search compares them

    @property
    def indent(self) -> str:
        """Em spaces that indent the plain select (before the script takes over, or without it)."""
        return "\u2003" * self.depth


@functools.lru_cache(maxsize=16384)
def _unit_keys(name: str, code: str) -> tuple[str, str]:
    """(sort key, search text) of a unit; names repeat across requests, so they are kept."""
    return text_sort_key(name), f"{search_fold(name)} {code.lower()}"


def picker_html(actor, as_of: dt.date, selected: str, *, keep: bool = False) -> SafeString:
    """The <option> elements of the actor's picker at D, `selected` chosen. The options are built
    once per scope, date and data version and kept (`canbo.core.data_cache`; the key is the SQL of
    the units read, so users of the same scope share them): a province's thousand units cost more
    to render than the rest of a page. Only the mark of the chosen unit is added per request.
    `keep`: a chosen unit the picker does not offer (a row of the record naming a unit outside the
    scope or closed at D, or a code typed wrong) is offered first, so that saving the form keeps it."""
    units = units_in_force(actor=actor, as_of=as_of)
    html = remembered_over([units], ("unit picker",), lambda: _options_html(actor, as_of))
    start = html.find(f'<option value="{escape(selected)}"') if selected else -1
    if start >= 0:
        end = html.index(">", start)  # names and codes are escaped: the tag's own ">" comes first
        html = f"{html[:end]} selected{html[end:]}"
    elif keep and selected:
        html = f"{_kept_option(selected)}\n{html}"
    return mark_safe(html)  # noqa: S308 (built by format_html_join, escaped)


def _kept_option(code: str) -> str:
    name = Unit.objects.filter(code=code).values_list("name", flat=True).first()
    shown = f"{name} ({code})" if name else code
    return str(format_html(
        '<option value="{}" data-depth="0" data-search="{}" selected>{}</option>',
        code, _unit_keys(name or "", code)[1], shown,
    ))


def _options_html(actor, as_of: dt.date) -> str:
    return str(format_html_join(
        "\n",
        '<option value="{}" data-depth="{}" data-search="{}">{}{}</option>',
        ((o.code, o.depth, o.search, o.indent, o.name) for o in unit_picker_options(actor, as_of)),
    ))


def unit_picker_options(actor, as_of: dt.date) -> list[PickerOption]:
    """Every unit in the actor's scope, in tree order: each unit after its parent, siblings by name
    in Vietnamese letter order."""
    units = list(units_in_force(actor=actor, as_of=as_of).values_list("id", "code", "name", "parent_id"))
    children: dict[int | None, list] = {}
    ids = {unit_id for unit_id, *_rest in units}
    for unit in units:
        parent = unit[3] if unit[3] in ids else None
        children.setdefault(parent, []).append(unit)
    options: list[PickerOption] = []

    def walk(parent, depth):
        siblings = sorted(children.get(parent, []), key=lambda u: (_unit_keys(u[2], u[1])[0], u[1]))
        for unit_id, code, name, _parent in siblings:
            options.append(PickerOption(code, name, depth, _unit_keys(name, code)[1]))
            walk(unit_id, depth + 1)

    walk(None, 0)
    return options
