"""Moving kept sums by the rows of the entities a write touched: the arithmetic of
`canbo.core.deltas`, with no Django, so that a reading command can also move them before setting
Django up (`canbo.core.kept_moves`).

Sums are kept as a list of rows, each a group's values (`width` of them) then its counts, sorted by
the group's `repr`; the rows behind them are kept by chunks of CHUNK entity ids, each row the
entity's id then the row.
"""

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

CHUNK = 256  # the ids whose rows are kept together (`GroupedRows`)
MAX_TOUCHED = 2000  # cadres or units: above, counting everything again costs about as much


@dataclass(frozen=True)
class Touched:
    cadres: frozenset[int]
    units: frozenset[int]


def movable(seq: int, to_seq: int) -> bool:
    """Whether sums kept at write number `seq` may be moved to `to_seq` (at most MAX_TOUCHED writes
    later: the records of older writes are dropped)."""
    return seq < to_seq and to_seq - seq <= MAX_TOUCHED


def touched_in(records: list[tuple], writes: int, limit: int, most: int) -> Touched | None:
    """What the `writes` writes whose change records are `records` (each its write number, cadre id,
    unit id and whether it may change everyone, at most `limit` read) touched; None where that is
    not known (a write without its record, the records cut at `limit`), may be everyone, or is more
    than `most` cadres or units."""
    if len(records) == limit or len({record[0] for record in records}) != writes:
        return None
    if any(record[3] for record in records):
        return None
    cadres = frozenset(record[1] for record in records if record[1] is not None)
    units = frozenset(record[2] for record in records if record[2] is not None)
    if len(cadres) > most or len(units) > most:
        return None
    return Touched(cadres, units)


def by_entity(found: Iterable[tuple[int, list]]) -> dict[int, list[list]]:
    grouped: dict[int, list[list]] = {}
    for entity, row in found:
        grouped.setdefault(entity, []).append(row)
    return grouped


def kept_by_entity(entries: Iterable[list]) -> dict[int, list[list]]:
    """A kept chunk's entries (each the entity's id then the row) by entity."""
    return by_entity((entry[0], entry[1:]) for entry in entries)


def add_rows(sums: dict[tuple, list[int]], rows: Iterable[list], width: int, sign: int = 1) -> None:
    """Add (`sign` -1: take away) the counts of `rows` to their groups' sums."""
    for row in rows:
        group, counts = tuple(row[:width]), row[width:]
        total = sums.setdefault(group, [0] * len(counts))
        for n, value in enumerate(counts):
            total[n] += sign * value


def group_order(row: list, width: int) -> str:
    return repr(tuple(row[:width]))


def patched(value: list[list], change: dict[tuple, list[int]], width: int) -> list[list]:
    """`value` with `change` added to its groups' sums: the other groups' rows are kept as they are,
    rather than summed again (a workforce has thousands of groups, a write changes a few). Groups
    whose sums become all 0 are left out."""
    change = {group: counts for group, counts in change.items() if any(counts)}
    if not change:
        return value
    result = []
    for row in value:
        group = tuple(row[:width])
        more = change.pop(group, None)
        if more is None:
            result.append(row)
            continue
        counts = [a + b for a, b in zip(row[width:], more, strict=True)]
        if any(counts):
            result.append([*group, *counts])
    for group, counts in change.items():  # groups with no count before
        bisect.insort(result, [*group, *counts], key=lambda row: group_order(row, width))
    return result


def moved(
    value: list[list],
    kept: dict[int, dict[int, list[list]]],
    fresh: dict[int, list[list]],
    ids: Iterable[int],
    width: int,
    normal: Callable[[list], list],
) -> list[list]:
    """The sums `value` moved from the kept rows of the entities `ids` (in `kept`, by chunk then
    entity, as kept: `normal` gives them as counted) to their rows now (`fresh`, by entity). `kept`
    is changed to hold the rows now, to be kept in its place."""
    change: dict[tuple, list[int]] = {}
    for entity in ids:
        chunk = kept.setdefault(entity // CHUNK, {})
        add_rows(change, map(normal, chunk.pop(entity, [])), width, -1)
        if entity in fresh:
            add_rows(change, fresh[entity], width)
            chunk[entity] = fresh[entity]
    return patched(value, change, width)
