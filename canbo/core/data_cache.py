# ruff: noqa: S608 -- trigger SQL is assembled from table names only
"""Results computed from the data, kept until the data changes.

Every write to a table the figures read replaces the data token (`DataVersion`) in the writing
transaction, through database triggers installed after each `migrate` — so writes by services,
the workbook import, the admin, a parameter or standard change and plain SQL alike are seen. A
result is stored with the token it was computed under and served only while the token is the
same; the token is read before computing, so a write committed meanwhile makes the stored result
unreachable rather than stale. Results are kept in the database, so every process and every
`canbo` command shares them.
"""

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Subquery

# The apps whose tables the figures read. Users, the audit log and Django's own tables are not
# watched: a sign-in or a viewed record changes no figure (scopes enter the cached queries as
# parameters, so a changed scope is another key).
WATCHED_APPS = ("org", "people", "rules")
TRIGGER_PREFIX = "canbo_changed_"
TOKEN_SPAN = 2**62


def data_token() -> int:
    """The current data token (made on first use after the tables were emptied)."""
    from canbo.core.models import DataVersion

    token = DataVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    if token is None:
        DataVersion.objects.bulk_create(
            [DataVersion(pk=1, token=random.randrange(TOKEN_SPAN))], ignore_conflicts=True
        )
        token = DataVersion.objects.values_list("token", flat=True).get(pk=1)
    return token


def result_key(*parts) -> str:
    text = json.dumps([connection.vendor, *parts], default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def kept(parts: tuple):
    """What `remembered(parts, …)` returns when it need not compute: None when nothing is kept
    under the current data token. One query: the token is read inside it."""
    from canbo.core.models import DataVersion, RememberedResult

    current = DataVersion.objects.filter(pk=1).values("token")
    found = RememberedResult.objects.filter(key=result_key(*parts), token=Subquery(current))
    return found.values_list("value", flat=True).first()


def remembered(parts: tuple, compute: Callable[[], object]):
    """`compute()` (a JSON value), or what it returned before under the same data token."""
    from canbo.core.models import RememberedResult

    found = kept(parts)
    if found is not None:
        return found
    token = data_token()  # before computing: a write committed meanwhile makes the result unreachable
    key = result_key(*parts)
    value = compute()
    try:
        with transaction.atomic():
            RememberedResult.objects.exclude(token=token).delete()
            RememberedResult.objects.bulk_create(
                [RememberedResult(key=key, token=token, value=value)],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["token", "value"],
            )
    except DatabaseError:
        pass  # a store that fails (a concurrent writer holding the lock) only loses the shortcut
    return value


def remembered_over(querysets, parts: tuple, compute: Callable[[], object]):
    """`remembered` for a result over a user's reach: the SQL of `querysets` (their scope) is part
    of the key. A queryset that can hold nothing has no SQL: its result is computed each time."""
    try:
        scope = [queryset.query.sql_with_params() for queryset in querysets]
    except EmptyResultSet:
        return compute()
    return remembered((*parts, scope), compute)


def watched_tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    )


def install_triggers(using: str = "default") -> None:
    """Make every write to a watched table replace the data token (idempotent)."""
    from canbo.core.models import DataVersion

    conn = connections[using]
    version = conn.ops.quote_name(DataVersion._meta.db_table)
    existing = set(conn.introspection.table_names())
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(
                "CREATE OR REPLACE FUNCTION canbo_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN UPDATE {version} SET token = floor(random() * {TOKEN_SPAN}::float8)::bigint; "
                "RETURN NULL; END $$"
            )
        for table in (t for t in watched_tables() if t in existing):
            quoted = conn.ops.quote_name(table)
            if conn.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{table} ON {quoted}")
                cursor.execute(
                    f"CREATE TRIGGER {TRIGGER_PREFIX}{table} AFTER INSERT OR UPDATE OR DELETE "
                    f"OR TRUNCATE ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION canbo_data_changed()"
                )
                continue
            for operation in ("INSERT", "UPDATE", "DELETE"):
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {TRIGGER_PREFIX}{table}_{operation.lower()} "
                    f"AFTER {operation} ON {quoted} "
                    f"BEGIN UPDATE {version} SET token = random(); END"
                )


@contextmanager
def bulk_write(using: str = "default") -> Iterator[None]:
    """Around a bulk write inside a transaction (the workbook import): SQLite's triggers run once
    per row, so there they are dropped for the write and the token is replaced once at its end.
    SQLite's schema changes are part of the transaction, and its single writer excludes others."""
    from canbo.core.models import DataVersion

    conn = connections[using]
    if conn.vendor != "sqlite":
        yield
        return
    if not conn.in_atomic_block:
        raise RuntimeError("bulk_write() needs a transaction")
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{TRIGGER_PREFIX}%"]
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TRIGGER {conn.ops.quote_name(name)}")
    try:
        yield
    finally:
        install_triggers(using)
        DataVersion.objects.using(using).update(token=random.randrange(TOKEN_SPAN))
