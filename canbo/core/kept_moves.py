# ruff: noqa: S608 -- SQL is canbo's own: fixed table names and the SQL a command kept
"""A reading command's output printed again after writes that touched a few cadres, moved by their
rows, without setting Django up.

`canbo review` prints figures summed from one grouped count of the whole workforce, which later
writes move by the rows of the cadres they touched (`canbo.core.deltas`). When it ends well it
keeps, with its output (`canbo.core.command_output`), how to print it again from that count: the
count's key, the SQL of the rows of some cadres (their ids one parameter), and two functions with
no Django in them, named by their module path: one puts a row in its kept form, the other prints
the output from the count. Run again after such writes, with the same arguments (on any day), it
reads in one read-only transaction the count kept, the records of the writes since, the kept rows
of the cadres they touched and their rows now, moves the count (`canbo.core.moving`) and prints.
It writes nothing: the next run that sets Django up (a page, the warming, a command that cannot
move its count) moves the count and keeps it as usual. Whatever it cannot do this way (a write that
may change everyone since, more than `MAX_TOUCHED` cadres, a count no longer kept, any error) the
command runs as usual.

This module imports no Django.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import import_module

from canbo.core.moving import CHUNK, MAX_TOUCHED, by_entity, kept_by_entity, movable, moved, touched_in

FIGURES_TABLE, ROWS_TABLE, CHANGES_TABLE = "core_groupedfigures", "core_groupedrows", "core_datachange"
# The id standing for the cadres' ids in the SQL of their rows while it is kept: no cadre has it,
# and no other parameter (a date as text, a code) holds its digits.
MARK = -987_654_321
_QMARK = re.compile(r"(?<!%)%s")  # Django's SQLite cursor turns its "%s" into "?" so


@dataclass(frozen=True)
class State:
    """The data token, the number of writes and the token only a write that may change everyone
    replaces (`canbo.core.models.DataVersion`)."""

    token: int
    seq: int
    wide: int


def ids_param(ids: list[int], vendor: str):
    """Cadre ids as the one parameter of `canbo.core.parts.ids_sql`: an array on PostgreSQL, a JSON
    list on SQLite."""
    return list(ids) if vendor == "postgresql" else json.dumps(list(ids))


def rows_recipe(sql: str, params: list, vendor: str) -> dict | None:
    """The SQL of some cadres' rows, made for the cadre `MARK` alone, as it is kept: its parameters
    as JSON, the cadres' ids marked; None where a parameter cannot be kept so or the ids are not
    one parameter (the SQL then moves nothing outside Django)."""
    mark = ids_param([MARK], vendor)
    kept = []
    for value in params:
        if value == mark:
            kept.append({"ids": True})
        elif type(value) is dt.date:
            kept.append({"date": value.isoformat()})
        elif value is None or type(value) in (str, int, float, bool):
            if value == MARK or (isinstance(value, str) and str(MARK) in value):
                return None
            kept.append({"value": value})
        else:
            return None
    if not any("ids" in value for value in kept):
        return None
    return {"sql": sql, "params": kept}


def _params(recipe: dict, ids: list[int], vendor: str) -> list:
    found = []
    for value in recipe["params"]:
        if "ids" in value:
            found.append(ids_param(ids, vendor))
        elif "date" in value:
            day = dt.date.fromisoformat(value["date"])
            found.append(day if vendor == "postgresql" else day.isoformat())  # as Django's adapters give it
        else:
            found.append(value["value"])
    return found


def _function(named: list):
    """The function of `[module path, name, keyword arguments]`, with its arguments bound."""
    module, name, arguments = named
    function = getattr(import_module(module), name)
    return lambda *values: function(*values, **arguments)


def moved_text(cursor, mark: str, vendor: str, moves: dict, now: State) -> str | None:
    """The output of `moves` (what `canbo.core.command_output` kept) printed from its count moved to
    `now`, read with the DB-API `cursor` (parameter mark `mark`) of a read-only transaction; None
    where it cannot be moved here."""
    if moves["wide"] != now.wide:
        return None  # a rule set, parameter or unit changed: the words printed may have too
    cursor.execute(f"SELECT token, seq, value FROM {FIGURES_TABLE} WHERE key = {mark}", [moves["figure"]])
    found = cursor.fetchone()
    if found is None:
        return None
    token, seq, value = found[0], found[1], json.loads(found[2])
    if token != now.token:
        if seq is None or not movable(seq, now.seq):
            return None
        value = _moved(cursor, mark, vendor, moves, value, seq, now.seq)
        if value is None:
            return None
    return _function(moves["render"])(value)


def _moved(cursor, mark: str, vendor: str, moves: dict, value: list, since: int, until: int) -> list | None:
    limit = 4 * MAX_TOUCHED
    cursor.execute(
        f"SELECT seq, cadre_id, unit_id, everything FROM {CHANGES_TABLE} "
        f"WHERE seq > {mark} AND seq <= {mark} LIMIT {limit}",
        [since, until],
    )
    touched = touched_in(cursor.fetchall(), until - since, limit, MAX_TOUCHED)
    if touched is None:
        return None
    ids = sorted(touched.cadres)
    normal = _function(moves["normal"])
    chunks = sorted({entity // CHUNK for entity in ids})
    kept = {}
    if chunks:
        marks = ", ".join([mark] * len(chunks))
        cursor.execute(
            f"SELECT chunk, rows FROM {ROWS_TABLE} WHERE key = {mark} AND chunk IN ({marks})",
            [moves["figure"], *chunks],
        )
        kept = {chunk: kept_by_entity(json.loads(rows)) for chunk, rows in cursor.fetchall()}
    fresh = {}
    if ids:
        sql = moves["rows"]["sql"]
        cursor.execute(sql if vendor == "postgresql" else _QMARK.sub("?", sql).replace("%%", "%"),
                       _params(moves["rows"], ids, vendor))
        fresh = by_entity((row[0], normal(row[1:])) for row in cursor.fetchall())
    return moved(value, kept, fresh, ids, moves["width"], normal)
