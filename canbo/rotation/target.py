"""The rotation target of R4 (SPEC §12): of the cadres who may be rotated at the period's start A,
how many were rotated (luân chuyển, not điều động) within [A, B], in both directions.

- `tinh_xuong_huyen`: provincial cadres holding or planned for a BTV-managed type at A, rotated
  to a district or commune unit;
- `huyen_len_tinh`: district cadres planned for a BTV-managed or key type at A, rotated to a
  provincial unit.

A base leaves out whoever was rotated before A. Each figure is a queryset of cadres, so a page
can list exactly the people behind it; the actor's reach bounds both (the command sees all).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from canbo.core.data_cache import remembered_over
from canbo.core.dated import in_force_q
from canbo.core.levels import Level
from canbo.people import reach, reach_groups
from canbo.people.active import active_q_for_cadres
from canbo.people.models import Cadre, Movement, MovementKind, PlanningEntry, PositionHolding
from canbo.people.selectors import planned_q, visible_cadres
from canbo.rules.selectors import parameters_in_force

TARGET_PARAMETER = "ty_le_luan_chuyen"


@dataclass(frozen=True)
class Direction:
    key: str
    label: str
    from_level: str  # the level of a unit the cadre holds a position in at A
    to_levels: tuple[str, ...]  # the levels of the unit rotated to
    held_types: Q | None  # types held at A that put a cadre in the base (None: holding does not count)
    planned_types: Q  # types planned at A that put a cadre in the base


DIRECTIONS = (
    Direction(
        "tinh_xuong_huyen",
        _("Từ tỉnh xuống huyện, xã"),
        Level.TINH,
        (Level.HUYEN, Level.XA),
        Q(position_type__btv_managed=True),
        Q(position_type__btv_managed=True),
    ),
    Direction(
        "huyen_len_tinh",
        _("Từ huyện lên tỉnh"),
        Level.HUYEN,
        (Level.TINH,),
        None,
        Q(position_type__btv_managed=True) | Q(position_type__key_position=True),
    ),
)
DIRECTION_OF = {d.key: d for d in DIRECTIONS}


def _rotations():
    return Movement.objects.filter(kind=MovementKind.LUAN_CHUYEN, cadre=OuterRef("pk"))


def _eligible(direction: Direction, start: dt.date) -> Q:
    """Holding or planned at A for a type that puts a cadre in the direction's base."""
    held = PositionHolding.objects.filter(in_force_q(start), cadre=OuterRef("pk"))
    planned = PlanningEntry.objects.filter(planned_q(start), cadre=OuterRef("pk"))
    eligible = Q(Exists(planned.filter(direction.planned_types)))
    if direction.held_types is not None:
        eligible |= Exists(held.filter(direction.held_types))
    return eligible & Q(Exists(held.filter(unit__level=direction.from_level)))


def _not_rotated_before(start: dt.date) -> Q:
    return active_q_for_cadres(start) & ~Q(Exists(_rotations().filter(valid_from__lt=start)))


def _moves_within(direction: Direction, start: dt.date, end: dt.date):
    """A cadre's rotations within [A, B] to a unit of the direction's levels."""
    return _rotations().filter(
        valid_from__gte=start, valid_from__lte=end, to_unit__level__in=direction.to_levels
    )


def _rotated_within(direction: Direction, start: dt.date, end: dt.date) -> Q:
    return Q(Exists(_moves_within(direction, start, end)))


def base(direction: Direction, start: dt.date, cadres: QuerySet[Cadre]) -> QuerySet[Cadre]:
    """The cadres of `cadres` a direction counts at A (`co_so`): active at A, not rotated before A,
    holding a position at the direction's level and eligible by type."""
    return cadres.filter(_not_rotated_before(start), _eligible(direction, start))


def rotated(direction: Direction, start: dt.date, end: dt.date, cadres: QuerySet[Cadre]) -> QuerySet[Cadre]:
    """Members of the base rotated within [A, B] to a unit of the direction's levels (`da_luan_chuyen`)."""
    return base(direction, start, cadres).filter(_rotated_within(direction, start, end))


def rate(done: int, of: int) -> Decimal:
    """100 × done / of, rounded half-up to one decimal; 0 when the base is empty."""
    if not of:
        return Decimal("0.0")
    return (Decimal(100 * done) / Decimal(of)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def figures(co_so: int, done: int, target: int) -> dict:
    ratio = rate(done, co_so)
    return {
        "co_so": co_so,
        "da_luan_chuyen": done,
        "ty_le": ratio,
        "chi_tieu": target,
        "dat": ratio >= target,
    }


def reachable(actor, start: dt.date) -> QuerySet[Cadre]:
    """The cadres whose figures the actor may see: those in their scope at A."""
    return visible_cadres(actor, start)


def rotation_target(*, actor, start: dt.date, end: dt.date) -> dict[str, dict]:
    """SPEC §12's figures of both directions, over the cadres in the actor's scope at A: counted
    in one pass over the whole workforce per period and data version, grouped by the units that
    decide scopes at A (`canbo.people.reach`), and summed over the actor's; a unit's subtree is
    counted on its own while those are not kept."""
    target = parameters_in_force(start)[TARGET_PARAMETER]
    flags = {}
    for d in DIRECTIONS:
        eligible = _eligible(d, start)
        flags[f"{d.key}_co_so"] = reach.flag(eligible)
        flags[f"{d.key}_done"] = reach.flag(eligible & _rotated_within(d, start, end))
    cadres = Cadre.objects.filter(_not_rotated_before(start)).order_by()
    rows = reach.grouped_sums(
        reach.among(cadres.values("id", **flags)),
        list(flags),
        start,
        only_kept=not reach.shares_population(actor),
    )
    if rows is None:
        sums = reachable(actor, start).filter(_not_rotated_before(start)).aggregate(
            **{name: Sum(flag) for name, flag in flags.items()}
        )
        found = {name: sums[name] or 0 for name in flags}
    else:
        counted = reach_groups.sum_within(reach.reach_of(actor), rows, len(flags))
        found = dict(zip(flags, counted, strict=True))
    return {d.key: figures(found[f"{d.key}_co_so"], found[f"{d.key}_done"], target) for d in DIRECTIONS}


def progress_by_year(*, actor, start: dt.date, end: dt.date) -> list[dict]:
    """For each year of the period, the rate reached by its last day (or B): the chart's points. Each
    direction's base is read once with the day of each member's first rotation within the period (a
    member counts from that day on); the counts are kept until the data changes, for the actor's reach."""
    cadres = reachable(actor, start)
    years = range(start.year, end.year + 1)

    def compute() -> dict:
        found = {}
        for d in DIRECTIONS:
            first = _moves_within(d, start, end).order_by("valid_from").values("valid_from")[:1]
            members = base(d, start, cadres).annotate(first=Subquery(first))
            days = list(members.values_list("first", flat=True))
            rotated_by = [sum(1 for day in days if day is not None and day.year <= year) for year in years]
            found[d.key] = {"base": len(days), "rotated_by": rotated_by}
        return found

    counts = remembered_over((cadres,), ("rotation target by year", start, end), compute)
    points = []
    for n, year in enumerate(years):
        found = {d.key: rate(counts[d.key]["rotated_by"][n], counts[d.key]["base"]) for d in DIRECTIONS}
        points.append({"nam": year, **found})
    return points


def target_json(result: dict[str, dict]) -> dict[str, dict]:
    """The figures as SPEC §12 prints them (the rate as a number with one decimal)."""
    return {key: {**row, "ty_le": float(row["ty_le"])} for key, row in result.items()}
