# ruff: noqa: S608 -- trigger SQL is assembled from table names only
"""Results computed from the data, kept until the data changes.

Every write to a table the figures read replaces the data token (`DataVersion`) in the writing
transaction (and a write that may change everyone its wide token too), through database triggers
installed after each `migrate` — so writes by services, the workbook import, the admin, a
parameter or standard change and plain SQL alike are seen. A result is stored with the token it
was computed under and served only while the token is the same; the token is read before
computing, so a write committed meanwhile makes the stored result unreachable rather than stale.
Results are kept in the database, so every process and every `canbo` command shares them. The
same triggers number the writes and record the cadres and units each touched, which figures
summed per cadre are moved by (`canbo.core.deltas`); a write to a table without a cadre may change
everyone, unless it is an update of names alone (`FIGURE_FREE`), which touches no cadre, or a write
to a post (`UNIT_ONLY`), which touches its unit.
"""

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import F, Subquery

from canbo.core.kept_output import digest

# The apps whose tables the figures read. Users, the audit log and Django's own tables are not
# watched: a sign-in or a viewed record changes no figure (scopes enter the cached queries as
# parameters, so a changed scope is another key).
WATCHED_APPS = ("org", "people", "rules")
TRIGGER_PREFIX = "canbo_changed_"
# Columns of tables without a cadre that no figure reads: an update that changes nothing else (a
# unit renamed) touches no cadre, rather than being a write that may change everyone.
FIGURE_FREE = {
    "org.unit": {"name"},
    "org.locality": {"name"},
    "org.positiontype": {"name"},
    "org.civilservicerank": {"name"},
}
# Tables without a cadre that no cadre's figure reads, whose rows each belong to a unit: a write
# touches the units of its rows (the key vacancies are counted again for them) and no cadre, rather
# than being a write that may change everyone.
UNIT_ONLY = {"org.post"}
TOKEN_SPAN = 2**62


def version(*fields: str) -> tuple:
    """The `DataVersion` row's `fields` (the row is made on first use after the tables were emptied)."""
    from canbo.core.models import DataVersion

    found = DataVersion.objects.filter(pk=1).values_list(*fields).first()
    if found is None:
        fresh = DataVersion(pk=1, token=random.randrange(TOKEN_SPAN), wide_token=random.randrange(TOKEN_SPAN))
        DataVersion.objects.bulk_create([fresh], ignore_conflicts=True)
        found = DataVersion.objects.values_list(*fields).get(pk=1)
    return found


def data_token() -> int:
    """The current data token."""
    return version("token")[0]


def wide_token() -> int:
    """The token that only a write that may change everyone replaces (`DataVersion.wide_token`)."""
    return version("wide_token")[0]


def result_key(*parts) -> str:
    return digest(connection.vendor, *parts)


def kept(parts: tuple):
    """What `remembered(parts, …)` returns when it need not compute: None when nothing is kept
    under the current data token. One query: the token is read inside it."""
    from canbo.core.models import DataVersion, RememberedResult

    current = DataVersion.objects.filter(pk=1).values("token")
    found = RememberedResult.objects.filter(key=result_key(*parts), token=Subquery(current))
    return found.values_list("value", flat=True).first()


def remembered(parts: tuple, compute: Callable[[], object]):
    """`compute()` (a JSON value), or what it returned before under the same data token."""
    found = kept(parts)
    if found is not None:
        return found
    token = data_token()  # before computing: a write committed meanwhile makes the result unreachable
    key = result_key(*parts)
    value = compute()
    keep(key, token, value)
    return value


def keep(key: str, token: int, value) -> None:
    """Store `value` (a JSON value) under `key`, computed under the data token `token`, and drop
    what was stored under other tokens, but for a reading command's outputs that later writes move
    (`canbo.core.kept_moves`): those go with their count (`canbo.core.deltas`) or when an output of
    the same count is kept under a later token."""
    from canbo.core.models import RememberedResult

    try:
        with transaction.atomic():
            RememberedResult.objects.exclude(token=token).exclude(value__has_key="moves").delete()
            if isinstance(value, dict) and "moves" in value:
                of_count = RememberedResult.objects.filter(value__moves__figure=value["moves"]["figure"])
                of_count.exclude(token=token).delete()
            RememberedResult.objects.bulk_create(
                [RememberedResult(key=key, token=token, value=value)],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["token", "value"],
            )
    except DatabaseError:
        pass  # a store that fails (a concurrent writer holding the lock) only loses the shortcut


def remembered_over(querysets, parts: tuple, compute: Callable[[], object]):
    """`remembered` for a result over a user's reach: the SQL of `querysets` (their scope) is part
    of the key. A queryset that can hold nothing has no SQL: its result is computed each time."""
    try:
        scope = [queryset.query.sql_with_params() for queryset in querysets]
    except EmptyResultSet:
        return compute()
    return remembered((*parts, scope), compute)


def watched_tables() -> list[str]:
    return sorted(_watched())


class Watched(NamedTuple):
    """How a watched table's writes are recorded: the columns naming the cadre and the unit a row
    belongs to (None where it has none; with neither, a write may change every cadre's figures;
    the unit alone: `UNIT_ONLY`), and for a
    table without a cadre whose names no figure reads, the columns an update is compared on (its
    key first)."""

    cadre: str | None
    unit: str | None
    compared: tuple[str, ...] = ()


def _watched() -> dict[str, Watched]:
    cadre_model = apps.get_model("people", "Cadre")
    found = {}
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            fields = {f.name: f for f in model._meta.concrete_fields}
            cadre = fields.get("cadre")
            unit = fields.get("unit")
            cadre_column = "id" if model is cadre_model else None
            if cadre is not None and cadre.is_relation and cadre.related_model is cadre_model:
                cadre_column = cadre.column
            label = model._meta.label_lower
            unit_column = unit.column if unit is not None and (cadre_column or label in UNIT_ONLY) else None
            free = FIGURE_FREE.get(label, ())
            others = [f.column for f in fields.values() if f.name not in free and not f.primary_key]
            compared = (model._meta.pk.column, *others) if free else ()  # the key first
            found[model._meta.db_table] = Watched(cadre_column, unit_column, compared)
    return found


def install_triggers(using: str = "default") -> None:
    """Make every write to a watched table replace the data token, count one more write and
    record what it touched (`DataChange`); idempotent, and replaces the triggers of older versions."""
    conn = connections[using]
    existing = set(conn.introspection.table_names())
    with conn.cursor() as cursor:
        for table, watched in _watched().items():
            if table in existing:
                install = _postgresql_triggers if conn.vendor == "postgresql" else _sqlite_triggers
                for statement in install(conn, table, watched):
                    cursor.execute(statement)


def _names(conn) -> tuple[str, str]:
    from canbo.core.models import DataChange, DataVersion

    return conn.ops.quote_name(DataVersion._meta.db_table), conn.ops.quote_name(DataChange._meta.db_table)


def _postgresql_triggers(conn, table: str, watched: Watched) -> list[str]:
    cadre, unit = watched.cadre, watched.unit
    version, change = _names(conn)
    quoted = conn.ops.quote_name(table)
    bump = (
        f"UPDATE {version} SET token = floor(random() * {TOKEN_SPAN}::float8)::bigint, seq = seq + 1 "
        "RETURNING seq INTO n; IF n IS NULL THEN RETURN NULL; END IF; "
    )
    everything = (
        f"UPDATE {version} SET wide_token = floor(random() * {TOKEN_SPAN}::float8)::bigint; "
        f"INSERT INTO {change} (seq, everything) VALUES (n, true); RETURN NULL; "
    )
    statements = [
        f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{table} ON {quoted}",
        f"CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}{table}_all() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"DECLARE n bigint; BEGIN {bump}{everything}END $$",
    ]
    operations = {"insert": ["new_rows"], "update": ["old_rows", "new_rows"], "delete": ["old_rows"]}
    for operation in operations:
        statements.append(f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{table}_{operation} ON {quoted}")
    bulk = "current_setting('canbo.bulk_write', true) = 'on'"
    if cadre is None and watched.compared:
        columns = [conn.ops.quote_name(column) for column in watched.compared]
        same = (
            f"SELECT count(*) FROM old_rows o JOIN new_rows r ON r.{columns[0]} = o.{columns[0]} WHERE "
            f"ROW({', '.join(f'o.{c}' for c in columns)}) IS NOT DISTINCT FROM "
            f"ROW({', '.join(f'r.{c}' for c in columns)})"
        )
        return [
            *statements,
            f"CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}{table}_update() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ DECLARE n bigint; BEGIN {bump}"
            f"IF {bulk} OR ({same}) <> (SELECT count(*) FROM new_rows) THEN {everything}END IF; "
            f"INSERT INTO {change} (seq, cadre_id, unit_id, everything) VALUES (n, NULL, NULL, false); "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER {TRIGGER_PREFIX}{table}_update AFTER UPDATE ON {quoted} "
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{table}_update()",
            f"CREATE TRIGGER {TRIGGER_PREFIX}{table} AFTER INSERT OR DELETE OR TRUNCATE "
            f"ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{table}_all()",
        ]
    if cadre is None and unit is None:
        return [
            *statements,
            f"CREATE TRIGGER {TRIGGER_PREFIX}{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{table}_all()",
        ]
    cadre_column, unit_column = cadre or "NULL::integer", unit or "NULL::integer"
    for operation, relations in operations.items():
        rows = " UNION ".join(f"SELECT {cadre_column}, {unit_column} FROM {name}" for name in relations)
        statements += [
            f"CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}{table}_{operation}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ DECLARE n bigint; BEGIN {bump}"
            f"IF {bulk} THEN {everything}END IF; "
            f"INSERT INTO {change} (seq, cadre_id, unit_id, everything) "
            f"SELECT n, r.c, r.u, false FROM ({rows}) r (c, u) UNION ALL SELECT n, NULL, NULL, false; "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER {TRIGGER_PREFIX}{table}_{operation} AFTER {operation.upper()} ON {quoted} "
            + " ".join(
                ["REFERENCING", *(f"{name.split('_')[0].upper()} TABLE AS {name}" for name in relations)]
            )
            + f" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{table}_{operation}()",
        ]
    return [
        *statements,
        f"CREATE TRIGGER {TRIGGER_PREFIX}{table} AFTER TRUNCATE ON {quoted} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{table}_all()",
    ]


def _sqlite_triggers(conn, table: str, watched: Watched) -> list[str]:
    cadre, unit = watched.cadre, watched.unit
    version, change = _names(conn)
    quoted = conn.ops.quote_name(table)
    bump = f"UPDATE {version} SET token = random(), seq = seq + 1;"
    renamed = f"{TRIGGER_PREFIX}{table}_update_names"
    statements = [f"DROP TRIGGER IF EXISTS {renamed}"]
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in map(conn.ops.quote_name, watched.compared))
    if cadre is None and changed:
        statements.append(
            f"CREATE TRIGGER {renamed} AFTER UPDATE ON {quoted} WHEN NOT ({changed}) BEGIN {bump} "
            f"INSERT INTO {change} (seq, cadre_id, unit_id, everything) "
            f"SELECT seq, NULL, NULL, 0 FROM {version}; END"
        )
    for operation in ("INSERT", "UPDATE", "DELETE"):
        name = f"{TRIGGER_PREFIX}{table}_{operation.lower()}"
        rows = {"INSERT": ["NEW"], "UPDATE": ["OLD", "NEW"], "DELETE": ["OLD"]}[operation]
        if cadre is None and unit is None:
            record = (
                f"UPDATE {version} SET wide_token = random(); "
                f"INSERT INTO {change} (seq, everything) SELECT seq, 1 FROM {version};"
            )
        else:
            record = " ".join(
                f"INSERT INTO {change} (seq, cadre_id, unit_id, everything) "
                f"SELECT seq, {_column(row, cadre)}, {_column(row, unit)}, 0 FROM {version};"
                for row in rows
            )
        when = f" WHEN {changed}" if cadre is None and changed and operation == "UPDATE" else ""
        statements += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {operation} ON {quoted}{when} BEGIN {bump} {record} END",
        ]
    return statements


def _column(row: str, column: str | None) -> str:
    return f"{row}.{column}" if column else "NULL"


def drop_triggers(using: str = "default") -> None:
    """Remove the triggers (`install_triggers` puts them back): on SQLite, before the data token's
    table is rebuilt by a migration or around a bulk write; on PostgreSQL, those of older versions."""
    conn = connections[using]
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS canbo_data_changed() CASCADE")
            return
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{TRIGGER_PREFIX}%"]
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TRIGGER {conn.ops.quote_name(name)}")


def without_triggers(apps, schema_editor) -> None:
    """A migration's step before SQLite may rebuild the data token's table, which the triggers
    name (`migrate` puts them back)."""
    drop_triggers(schema_editor.connection.alias)


@contextmanager
def bulk_write(using: str = "default") -> Iterator[None]:
    """Around a bulk write inside a transaction (the workbook import, a restore): its writes count as
    changing everything, so no row of theirs is recorded. SQLite's triggers run once per row, so
    there they are dropped for the write and the token is replaced once at its end (SQLite's schema
    changes are part of the transaction, and its single writer excludes others); PostgreSQL's
    statement triggers are told by a setting of the transaction."""
    from canbo.core.models import DataChange, DataVersion

    conn = connections[using]
    if not conn.in_atomic_block:
        raise RuntimeError("bulk_write() needs a transaction")
    if conn.vendor == "postgresql":
        # Set for the transaction only: a write that fails rolls the setting back with it.
        with conn.cursor() as cursor:
            cursor.execute("SELECT set_config('canbo.bulk_write', 'on', true)")
        yield
        with conn.cursor() as cursor:
            cursor.execute("SELECT set_config('canbo.bulk_write', 'off', true)")
        return
    drop_triggers(using)
    try:
        yield
    finally:
        install_triggers(using)
        DataVersion.objects.using(using).update(
            token=random.randrange(TOKEN_SPAN), wide_token=random.randrange(TOKEN_SPAN), seq=F("seq") + 1
        )
        seq = DataVersion.objects.using(using).values_list("seq", flat=True).first()
        if seq is not None:
            DataChange.objects.using(using).create(seq=seq, everything=True)
