"""The units a user may filter by, as an indented tree: the one unit picker of every page."""

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from canbo.core.names import search_fold, text_sort_key
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


def options_html(options: list[PickerOption], selected: str) -> SafeString:
    """The <option> elements of the picker (built here: a template loop over a province's
    thousand units costs more than the rest of the page)."""
    mark = mark_safe(" selected")  # noqa: S308 (a fixed attribute, no input)
    return format_html_join(
        "\n",
        '<option value="{}" data-depth="{}" data-search="{}"{}>{}{}</option>',
        ((o.code, o.depth, o.search, mark if o.code == selected else "", o.indent, o.name) for o in options),
    )


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
