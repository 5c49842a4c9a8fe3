"""The units a user may filter by, as an indented tree: the one unit picker of every page."""

from dataclasses import dataclass

from canbo.accounts.scope import visible_units
from canbo.core.names import search_fold, text_sort_key


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


def unit_picker_options(actor) -> list[PickerOption]:
    """Every unit in the actor's scope, in tree order: each unit after its parent, siblings by name
    in Vietnamese letter order."""
    units = list(visible_units(actor).values_list("id", "code", "name", "parent_id"))
    children: dict[int | None, list] = {}
    ids = {unit_id for unit_id, *_rest in units}
    for unit in units:
        parent = unit[3] if unit[3] in ids else None
        children.setdefault(parent, []).append(unit)
    options: list[PickerOption] = []

    def walk(parent, depth):
        siblings = sorted(children.get(parent, []), key=lambda u: (text_sort_key(u[2]), u[1]))
        for unit_id, code, name, _parent in siblings:
            options.append(PickerOption(code, name, depth, f"{search_fold(name)} {code.lower()}"))
            walk(unit_id, depth + 1)

    walk(None, 0)
    return options
