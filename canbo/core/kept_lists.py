"""Lists of cadres kept until the data changes, then moved by the writes that touched a few of them.

A list is the ids a query finds, each with the key it is ordered by (a cadre's code). It is kept
with the write number it was found at; after writes that touched a few cadres
(`canbo.core.deltas.touched_between`) the same query is run for those cadres alone, and they are
taken out of the kept list and put back where the query finds them now. After a write that may have
changed everyone, or too many writes, the list is found again. So the list is never older than the
data, and a write costs the next reader the rows of the cadres it touched instead of the whole list.
"""

from collections.abc import Callable

from django.db import DatabaseError, transaction
from django.db.models import Subquery

from canbo.core.data_cache import result_key
from canbo.core.deltas import current_state, touched_between

Found = Callable[[frozenset[int] | None], list[tuple[int, str]]]


def ordered_ids(parts: tuple, found: Found) -> list[int]:
    """The ids of `found(None)` (pairs of a cadre's id and its ordering key) by that key, then id;
    kept under `parts`, and moved by `found(ids)`, the pairs of the touched cadres `ids` alone."""
    from canbo.core.models import DataVersion, GroupedFigures

    key = result_key("ordered ids", *parts)
    current = DataVersion.objects.filter(pk=1).values("token")
    kept = (
        GroupedFigures.objects.filter(key=key).annotate(current=Subquery(current))
        .values_list("token", "seq", "value", "current").first()
    )
    if kept is not None and kept[0] == kept[3]:  # one query where nothing changed
        return [cadre for cadre, _order in kept[2]]
    state = current_state()
    changed = touched_between(kept[:2], state) if kept is not None else None
    if changed is None:
        pairs = sorted(found(None), key=_order)
    else:
        touched = changed.cadres
        pairs = [pair for pair in kept[2] if pair[0] not in touched]
        pairs = sorted(pairs + (found(touched) if touched else []), key=_order)
    value = [[cadre, order] for cadre, order in pairs]
    try:
        with transaction.atomic():
            if kept is None:
                made = GroupedFigures(key=key, token=state[0], seq=state[1], value=value)
                GroupedFigures.objects.bulk_create([made], ignore_conflicts=True)
            else:  # only over the list this started from: another process may have moved it already
                GroupedFigures.objects.filter(key=key, token=kept[0], seq=kept[1]).update(
                    token=state[0], seq=state[1], value=value
                )
    except DatabaseError:
        pass  # a store that fails (a concurrent writer holding the lock) only loses the shortcut
    return [cadre for cadre, _order in pairs]


def _order(pair) -> tuple[str, int]:
    return pair[1], pair[0]
