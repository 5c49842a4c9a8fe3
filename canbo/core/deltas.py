"""Sums per group of rows that each belong to one cadre (or one unit), kept with those rows, so that
after a write that touched a few of them the sums move by the difference instead of being counted
again.

Every write records what it touched in the transaction that makes it (`DataChange`, written by the
triggers of `canbo.core.data_cache`, whatever path wrote: a service, the admin, plain SQL), under a
write number that the data token's row counts. Sums kept at write number s are brought to the
current number n when the records of every write from s+1 to n are there and none of them may
have changed everyone (a unit, a position type, a standard, a rule or parameter, an import or a
restore): the rows of the touched cadres are computed again (the same query restricted to them),
the kept rows of those cadres are taken away from the sums and the new ones added, and both are
stored under the current token. Otherwise (or with more than MAX_TOUCHED touched) everything is
counted again. So a figure is never served from older data: what a write could have changed is
either computed again or the whole figure is.
"""

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from django.db import DatabaseError, connections, transaction
from django.db.models import Max, Q
from django.db.models.fields.json import KT
from django.utils import timezone

from canbo.core.bulk import insert_few
from canbo.core.data_cache import result_key, version
from canbo.core.moving import (
    CHUNK,
    MAX_TOUCHED,
    Touched,
    by_entity,
    kept_by_entity,
    movable,
    moved,
    touched_in,
)

# The figures kept with their rows, at most (about 10 MB of rows each at 200,000 cadres): the
# warming keeps 17, and each date a reading command is asked for keeps one more.
MAX_WITH_ROWS = 40


def current_state() -> tuple[int, int]:
    """The data token and the number of writes, read together."""
    return version("token", "seq")


def touched_between(since: tuple[int, int], until: tuple[int, int]) -> Touched | None:
    """What the writes after the state `since` up to `until` (each a token and a write number)
    touched; None where that is not known (a record missing) or may be everyone."""
    (token, seq), (to_token, to_seq) = since, until
    if not movable(seq, to_seq):
        return None
    return _touched(token, seq, to_token, to_seq)


@lru_cache(maxsize=256)
def _touched(token: int, seq: int, to_token: int, to_seq: int) -> Touched | None:
    # The tokens are in the key: they are never the same for other data, the write numbers may be
    # (after the tables were emptied).
    from canbo.core.models import DataChange

    limit = 4 * MAX_TOUCHED
    records = list(
        DataChange.objects.filter(seq__gt=seq, seq__lte=to_seq).values_list(
            "seq", "cadre_id", "unit_id", "everything"
        )[:limit]
    )
    return touched_in(records, to_seq - seq, limit, MAX_TOUCHED)


Rows = Callable[[frozenset[int] | None], Iterable[tuple[int, list]]]
# What the database returns for rows kept by it (`canbo.core.stored_rows`): (chunk, its JSON text),
# and (None, a group's values then sums as a JSON array).
Stored = Callable[[], Iterable[tuple[int | None, str]]]


def _as_is(row: list) -> list:
    return row


_local = threading.local()


@contextmanager
def keeping_rows() -> Iterator[None]:
    """Within it (the warming, a reading command), a figure counted again keeps its rows, so that
    later writes move it; elsewhere (a request) only its sums are counted and kept, which costs less
    on PostgreSQL."""
    _local.keeping = True
    try:
        yield
    finally:
        _local.keeping = False


@contextmanager
def noting_figures() -> Iterator[list[dict]]:
    """Within it (a reading command), each figure `grouped` returns is noted in the list it gives:
    its key, its width and what its `recipe()` gives (`{"rows": None}` without one)."""
    _local.noted = noted = []
    try:
        yield noted
    finally:
        _local.noted = None


def grouped(
    parts: tuple,
    rows: Rows,
    width: int,
    *,
    sums: Callable[[], list[list]] | None = None,
    stored: Stored | None = None,
    normal: Callable[[list], list] = _as_is,
    touched: Callable[[Touched], frozenset[int]] = lambda t: t.cadres,
    only_kept: bool = False,
    recipe: Callable[[], dict | None] | None = None,
) -> list[list] | None:
    """The sums of `rows(None)` (pairs of an entity's id and a row: `width` values naming its group,
    then counts) per group, as lists of the group's values then the sums; kept under `parts` until
    the data changes, then moved by the rows of the entities the writes touched (`touched` names
    them: the cadres by default), `rows(ids)` being the rows of those entities alone. `sums()`: the
    same sums counted by the database (rows that name the same group are added up), for a count
    that keeps no rows; `stored()`: the rows to keep and the sums, put together by the database,
    for one that keeps them. `normal(row)`: a row as `rows` gives it, from one as `stored` keeps it
    (the same row again for one `rows` gave). Groups whose sums are all 0 are left out.
    `only_kept`: None rather than counting everything again. `recipe()`: how a reading command
    moves them without Django, noted while `noting_figures` (`canbo.core.kept_moves`)."""
    key = result_key(*parts)
    value = _current(key, rows, width, sums, stored, normal, touched, only_kept)
    noted = getattr(_local, "noted", None)
    if noted is not None and value is not None:
        noted.append({"figure": key, "width": width, **((recipe and recipe()) or {"rows": None})})
    return value


def _current(key: str, rows: Rows, width: int, sums, stored, normal, touched, only_kept) -> list[list] | None:
    from canbo.core.models import GroupedFigures

    state = current_state()
    keeping = getattr(_local, "keeping", False)
    found = GroupedFigures.objects.filter(key=key).values_list("token", "seq", "value").first()
    if found is not None and found[0] == state[0] and (found[1] is not None or not keeping):
        return found[2]
    if found is not None and found[1] is not None:
        changed = touched_between(found[:2], state)
        if changed is not None:
            return _moved(key, found, touched(changed), rows, width, normal, state)
    if only_kept:
        return None
    if keeping or sums is None:
        value, texts = _kept_rows(rows, width) if stored is None else _stored(stored(), width, normal)
        return _counted(key, value, texts, state)
    value = _value(_totals(sums(), width))
    try:
        with transaction.atomic():
            # No rows kept: moved by no write; a warming's figures of the same data stay, with theirs.
            if not GroupedFigures.objects.filter(key=key, token=state[0]).exists():
                _store(key, (state[0], None), value)
    except DatabaseError:
        pass
    return value


def _totals(rows: Iterable[list], width: int) -> dict[tuple, list[int]]:
    """The sums of `rows` from nothing (`canbo.core.moving.add_rows` for many rows): each group's
    counts are added up column by column."""
    by_group: dict[tuple, list[list]] = {}
    for row in rows:
        by_group.setdefault(tuple(row[:width]), []).append(row[width:])
    return {
        group: [sum(column) for column in zip(*counts, strict=True)] for group, counts in by_group.items()
    }


def _value(sums: dict[tuple, list[int]]) -> list[list]:
    """The groups' values then sums, by group, leaving out the groups whose sums are all 0."""
    return [[*group, *sums[group]] for group in sorted(sums, key=repr) if any(sums[group])]


def _chunks(found: Iterable[tuple[int, list]]) -> dict[int, list[list]]:
    """Rows as they are kept: each the entity's id then the row, by the chunk of ids it is in."""
    chunks: dict[int, list[list]] = {}
    for entity, row in found:
        chunks.setdefault(entity // CHUNK, []).append([entity, *row])
    return chunks


def _texts(chunks: dict[int, list[list]]) -> list[tuple[int, str]]:
    return [(chunk, json.dumps(rows)) for chunk, rows in chunks.items()]


def _insert_texts(key: str, texts: list[tuple[int, str]]) -> None:
    from canbo.core.models import GroupedRows

    insert_few(GroupedRows, ["key", "chunk", "rows"], [(key, chunk, text) for chunk, text in texts])


def _kept_rows(rows: Rows, width: int) -> tuple[list[list], list[tuple[int, str]]]:
    """The sums of `rows(None)` and its chunks' texts."""
    found = rows(None)
    return _value(_totals((row for _, row in found), width)), _texts(_chunks(found))


def _stored(found: Iterable[tuple[int | None, str]], width: int, normal) -> tuple[list[list], list]:
    """The sums and chunks' texts of what the database put together (`Stored`); a chunk it returned
    in two parts (`canbo.core.parts` ranges need not end on a chunk) is joined here."""
    sums, texts = [], {}
    for chunk, text in found:
        if chunk is None:
            sums.append(normal(json.loads(text)))
        else:
            texts.setdefault(chunk, []).append(text)
    joined = [
        (
            chunk,
            parts[0] if len(parts) == 1 else json.dumps([row for part in parts for row in json.loads(part)]),
        )
        for chunk, parts in texts.items()
    ]
    return _value(_totals(sums, width)), joined


def _counted(key: str, value: list[list], texts: list[tuple[int, str]], state: tuple[int, int]) -> list[list]:
    from canbo.core.models import GroupedRows

    try:
        with transaction.atomic():
            _store(key, state, value)
            _forget_unmovable(state)
            GroupedRows.objects.filter(key=key).delete()
            _insert_texts(key, texts)
    except DatabaseError:
        pass  # a store that fails (a concurrent writer holding the lock) only loses the shortcut
    return value


def _moved(key: str, found: tuple, ids: frozenset[int], rows: Rows, width: int, normal, state) -> list[list]:
    from canbo.core.models import GroupedFigures, GroupedRows

    kept = GroupedRows.objects.filter(key=key, chunk__in={entity // CHUNK for entity in ids})
    chunks = {chunk: kept_by_entity(entries) for chunk, entries in kept.values_list("chunk", "rows")}
    fresh = by_entity(rows(ids)) if ids else {}
    value = moved(found[2], chunks, fresh, ids, width, normal)
    try:
        with transaction.atomic():
            # Only over the sums this started from: another process may have moved them already.
            kept_sums = GroupedFigures.objects.filter(key=key, token=found[0], seq=found[1])
            if kept_sums.update(token=state[0], seq=state[1], value=value, kept_at=timezone.now()):
                kept.delete()
                entries = (
                    (entity, row)
                    for of_chunk in chunks.values()
                    for entity, entity_rows in of_chunk.items()
                    for row in entity_rows
                )
                _insert_texts(key, _texts(_chunks(entries)))
    except DatabaseError:
        pass
    return value


def _forget_unmovable(state: tuple[int, int]) -> None:
    """Drop what no later write can move: records and figures more than MAX_TOUCHED writes old
    (`touched_between` reads no more), figures kept before the latest write that may have changed
    everyone, and sums of older data that kept no rows; and beyond MAX_WITH_ROWS figures with rows,
    those counted or moved least recently; with them the reading commands' outputs printed from them
    (`canbo.core.kept_moves`)."""
    from canbo.core.models import DataChange, GroupedFigures, GroupedRows, RememberedResult

    old = state[1] - MAX_TOUCHED
    DataChange.objects.filter(seq__lte=old).delete()
    # Not beyond the current write: records left from before the tables were emptied may number more.
    wide = DataChange.objects.filter(everything=True, seq__lte=state[1]).aggregate(Max("seq"))["seq__max"]
    old = max(old, wide - 1) if wide is not None else old
    with_rows = GroupedFigures.objects.filter(seq__gt=old).order_by("-kept_at").values_list("key", flat=True)
    least_used = list(with_rows[MAX_WITH_ROWS:])
    unmovable = GroupedFigures.objects.filter(
        Q(seq__lte=old) | (Q(seq__isnull=True) & ~Q(token=state[0])) | Q(key__in=least_used)
    )
    GroupedRows.objects.filter(key__in=unmovable.values("key")).delete()
    outputs = RememberedResult.objects.filter(value__has_key="moves")
    outputs.annotate(figure=KT("value__moves__figure")).filter(figure__in=unmovable.values("key")).delete()
    unmovable.delete()


def _store(key: str, state: tuple[int, int | None], value: list[list]) -> None:
    from canbo.core.models import GroupedFigures

    GroupedFigures.objects.bulk_create(
        [GroupedFigures(key=key, token=state[0], seq=state[1], value=value)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["token", "seq", "value", "kept_at"],
    )


def forget_all(using: str = "default") -> None:
    """Drop every kept result and grouped figure, as if the data had just changed everywhere (after
    a migrate; for a benchmark or a test of what a first computation gives)."""
    from canbo.core.models import GroupedFigures, GroupedRows, RememberedResult

    tables = set(connections[using].introspection.table_names())
    for model in (RememberedResult, GroupedFigures, GroupedRows):
        if model._meta.db_table in tables:  # a migrate that stops before canbo's tables exist
            model.objects.using(using).all().delete()
