"""The caps of succession planning (Quy định 377-QĐ/TW): at most so many cadres planned for one
position, and so many positions for one cadre, in a term. The caps are rule Q1 and its parameters in the
rule set in force at D (`so_nguoi_toi_da_mot_chuc_danh`, `so_chuc_danh_toi_da_mot_nguoi`); absent or
0, as in the 2017–2020 plan, there is no cap. A position is a position type in a unit (or in none).

Counted among the plannings approved by D of the cadres in the actor's scope, as every page lists."""

import datetime as dt
from dataclasses import dataclass, field

from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre, PlanningEntry
from canbo.people.selectors import visible_cadres
from canbo.rules.selectors import rule_set_in_force, rules_in_force, versions_in_force
from canbo.training.succession import within

RULE = "Q1"
CADRES_PER_POSITION = "so_nguoi_toi_da_mot_chuc_danh"
POSITIONS_PER_CADRE = "so_chuc_danh_toi_da_mot_nguoi"


@dataclass
class CrowdedPosition:
    term: tuple[int, int]
    position_type: PositionType
    unit: Unit | None
    cadres: list[Cadre]


@dataclass
class SpreadCadre:
    term: tuple[int, int]
    cadre: Cadre
    positions: list[PlanningEntry]


@dataclass
class CapCheck:
    per_position: int  # 0: no cap
    per_cadre: int
    crowded: list[CrowdedPosition] = field(default_factory=list)
    spread: list[SpreadCadre] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return bool(self.per_position or self.per_cadre)


def succession_caps(*, actor, as_of: dt.date, unit: Unit | None = None) -> CapCheck:
    """The positions with more planned cadres than the cap and the cadres planned for more positions
    than the cap, term by term (latest first); with `unit`, those of its positions and its subtree's,
    and cadres planned for one of them (counting all their positions)."""
    rule_set = rule_set_in_force(as_of)
    if RULE not in rules_in_force(rule_set):
        return CapCheck(0, 0)
    values = {key: version.value for key, version in versions_in_force(rule_set, as_of).items()}
    check = CapCheck(values.get(CADRES_PER_POSITION, 0), values.get(POSITIONS_PER_CADRE, 0))
    if not check.capped:
        return check
    entries = (
        PlanningEntry.objects.filter(approved_on__lte=as_of, cadre__in=visible_cadres(actor, as_of))
        .select_related("cadre", "position_type", "unit")
        .order_by("-term_start", "-term_end", "position_type__name", "unit__name", "cadre__sort_key",
                  "cadre__code")
    )
    positions: dict[tuple, list[PlanningEntry]] = {}
    held: dict[tuple, list[PlanningEntry]] = {}
    for entry in entries:
        term = (entry.term_start, entry.term_end)
        positions.setdefault((term, entry.position_type_id, entry.unit_id), []).append(entry)
        held.setdefault((term, entry.cadre_id), []).append(entry)
    for (term, _type, _unit), planned in positions.items():
        cadres = list({entry.cadre_id: entry.cadre for entry in planned}.values())
        if check.per_position and len(cadres) > check.per_position and within(planned[0].unit, unit):
            check.crowded.append(CrowdedPosition(term, planned[0].position_type, planned[0].unit, cadres))
    for (term, _cadre), planned in held.items():
        distinct = list({(e.position_type_id, e.unit_id): e for e in planned}.values())
        over = check.per_cadre and len(distinct) > check.per_cadre
        if over and any(within(e.unit, unit) for e in distinct):
            check.spread.append(SpreadCadre(term, planned[0].cadre, distinct))
    check.spread.sort(key=lambda s: (-s.term[0], -s.term[1], s.cadre.sort_key, s.cadre.code))
    return check
