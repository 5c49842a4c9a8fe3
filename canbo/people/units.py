"""The organisation tree with the people in it, within the actor's scope: the unit tree page and
a unit's page (and their API)."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from canbo.core.dated import end_known_at
from canbo.org.models import Unit
from canbo.org.selectors import unit_get, units_in_force
from canbo.people.active import held_positions
from canbo.people.selectors import visible_cadres


@dataclass
class UnitNode:
    unit: object
    direct: int = 0      # cadres holding a position in this unit at D
    subtree: int = 0     # cadres holding a position in this unit or below at D (each counted once)
    children: list = field(default_factory=list)


def _path_ids(path: str) -> list[int]:
    return [int(part) for part in path.strip("/").split("/") if part]


def unit_tree(*, actor, as_of: dt.date) -> list[UnitNode]:
    """The units in scope and in force at D as a forest, with counts of the cadres active at D.

    A unit's count is exactly the cadre list filtered by that unit and "đang công tác": the
    cadres in the actor's scope holding at D a position anywhere in the unit's subtree, not
    retired (`canbo.people.active`), each counted once. Three aggregate queries (units; distinct
    cadres per unit; the few cadres holding positions in more than one unit). A subtree's count
    adds its units' counts, less the cadres counted in two units of the same subtree. A unit
    whose parent is out of scope becomes a root.
    """
    in_force = units_in_force(actor=actor, as_of=as_of)
    units = list(in_force.select_related("locality").order_by("path"))
    nodes = {unit.id: UnitNode(unit) for unit in units}
    ancestors = {
        unit_id: [a for a in _path_ids(path) if a in nodes]
        for unit_id, path in Unit.objects.values_list("id", "path")
    }
    held = held_positions(as_of).filter(cadre__in=visible_cadres(actor, as_of))
    for unit_id, count in held.values_list("unit_id").annotate(n=Count("cadre_id", distinct=True)).order_by():
        if unit_id in nodes:
            nodes[unit_id].direct = count
        for ancestor in ancestors[unit_id]:
            nodes[ancestor].subtree += count
    several = (
        held.values("cadre_id").annotate(k=Count("unit_id", distinct=True)).filter(k__gt=1).values("cadre_id")
    )
    units_of = defaultdict(set)
    for cadre_id, unit_id in held.filter(cadre_id__in=several).values_list("cadre_id", "unit_id").distinct():
        units_of[cadre_id].add(unit_id)
    for unit_ids in units_of.values():
        under = Counter(ancestor for unit_id in unit_ids for ancestor in ancestors[unit_id])
        for ancestor, times in under.items():
            nodes[ancestor].subtree -= times - 1
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(nodes[unit.id])
    return roots


def tree_rows(roots: list[UnitNode]) -> list[tuple[str, UnitNode | None, int]]:
    """The forest as a flat sequence for one template loop: ("node", node, depth) and ("end", None, depth)
    after the last child of a node with children."""
    rows = []

    def walk(nodes, depth):
        for node in nodes:
            rows.append(("node", node, depth))
            if node.children:
                walk(node.children, depth + 1)
                rows.append(("end", None, depth))

    walk(roots, 0)
    return rows


@dataclass
class UnitRecord:
    unit: object
    children: list
    holdings: list


def unit_record(*, actor, code: str, as_of: dt.date) -> UnitRecord:
    unit = unit_get(actor=actor, code=code)
    children = list(units_in_force(actor=actor, as_of=as_of).filter(parent=unit).order_by("name"))
    holdings = list(
        held_positions(as_of).filter(unit=unit).annotate(ended_on=end_known_at(as_of))
        .select_related("cadre", "position_type")
        .order_by("-position_type__key_position", "position_type__name", "cadre__full_name")
    )
    return UnitRecord(unit=unit, children=children, holdings=holdings)
