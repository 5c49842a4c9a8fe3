"""The groups of the whole workforce by the keys that decide scopes (`canbo.people.reach`), summed
over a user's reach: with no Django, so that a reading command can also sum them before setting
Django up (`canbo.core.kept_moves`).

A group's keys are the ids of the units a cadre holds a position in at D, and of those deciding who
follows a BTV-managed cadre, each as the ids in order joined by commas (None where there is none).
"""

from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=8192)
def key_of(text: str | None) -> str | None:
    """A cadre's key as its unit ids in order, each once (the database gives them in any order and
    repeated as they come)."""
    return ",".join(str(n) for n in sorted({int(part) for part in text.split(",")})) if text else None


def normal_row(row, keys: int, width: int) -> list:
    """A row of a grouped count as it is kept: its `keys` keys in order, the rest of its `width` group
    values as they are, then its counts as integers."""
    return [*map(key_of, row[:keys]), *row[keys:width], *map(int, row[width:])]


@lru_cache(maxsize=8192)
def unit_ids(key: str | None) -> frozenset[int]:
    """The unit ids of a key of `canbo.people.reach.keys_sql` (a group's first or second column)."""
    return frozenset(int(part) for part in key.split(",")) if key else frozenset()


@dataclass(frozen=True)
class Reach:
    """The units deciding what a user sees; `units` None: everything."""

    units: frozenset[int] | None  # the units whose holders the user sees
    btv_units: frozenset[int] = frozenset()  # where the user follows BTV-managed cadres

    def covers(self, held: str | None, btv: str | None) -> bool:
        """Whether a cadre with these keys is in the scope."""
        if self.units is None:
            return True
        return bool(self.units & unit_ids(held)) or bool(self.btv_units & unit_ids(btv))

    def sees_unit(self, unit_id: int) -> bool:
        return self.units is None or unit_id in self.units


def sum_within(
    reach: Reach, rows: list[list], width: int, held_under: frozenset[int] | None = None, dates: int = 1
) -> list[int]:
    """The sums of the `width` counts of `rows` (each the two keys of `canbo.people.reach.keys_sql`
    at each of `dates` dates, then the counts) over the groups `reach` covers at every date;
    `held_under`: only the groups holding a position at each date in one of these units (a unit's
    subtree, as `canbo.reports.selectors.population` filters)."""

    def counted(row: list) -> bool:
        return all(
            reach.covers(row[n], row[n + 1]) and (held_under is None or bool(held_under & unit_ids(row[n])))
            for n in range(0, 2 * dates, 2)
        )

    covered = [row[2 * dates :] for row in rows if counted(row)]
    return [sum(column) for column in zip(*covered, strict=True)] if covered else [0] * width
