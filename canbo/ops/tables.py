# ruff: noqa: S608 -- SQL assembled from table and column names of the models only
"""The tables a backup holds: read out as JSON rows, written back below the ORM.

Every table of the installed apps' models is backed up except what canbo makes again by itself:
the sessions (a restore signs everyone out) and the figures kept until the data changes with what
they are moved by (the `core` app's tables). A restore empties every table and loads the backed up
ones.

Values are read through the ORM (`values_list`), so both databases give the same Python values,
and written as JSON, a few thousand rows to a line: dates and times in ISO 8601, decimals as text,
bytes in base64. They are read
back through each field's `to_python` and `get_db_prep_save`, as the ORM would save them, and
inserted by `canbo.core.bulk` in the restore's transaction.
"""

import base64
import datetime as dt
import decimal
import json
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection
from django.utils.duration import duration_string

from canbo.core.bulk import storage_type
from canbo.core.roles import SYSTEM_USERNAME

NOT_BACKED_UP = frozenset({
    "sessions.session", "core.dataversion", "core.rememberedresult", "core.datachange",
    "core.groupedfigures", "core.groupedrows",
})
# Rows a fresh `canbo migrate` writes: a database holding only these holds no data of its own.
# (A label ending in "." stands for its whole app.)
FILLED_BY_MIGRATE = (
    "contenttypes.", "auth.permission", "rules.", "training.programme", "training.programmefamily",
)
# Fields whose JSON value is already what the database driver takes.
PLAIN_TYPES = frozenset({
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "CharField",
    "TextField", "SlugField", "EmailField", "URLField", "BooleanField", "FloatField",
})


def all_models() -> list:
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]


def backed_up_models() -> list:
    return [m for m in all_models() if m._meta.label_lower not in NOT_BACKED_UP]


def stored_fields(model) -> list:
    return list(model._meta.local_concrete_fields)


def _filled_by_migrate(label: str) -> bool:
    return any(label.startswith(x) if x.endswith(".") else label == x for x in FILLED_BY_MIGRATE)


def holds_data() -> bool:
    """Whether the database holds anything besides what `canbo migrate` writes and the system
    actor of command-line work, which `canbo restore` itself makes."""
    user_model = get_user_model()
    for model in backed_up_models():
        if _filled_by_migrate(model._meta.label_lower):
            continue
        rows = model._base_manager.all()
        if model is user_model:
            rows = rows.exclude(username=SYSTEM_USERNAME)
        if rows.exists():
            return True
    return False


def _to_json(value):
    if isinstance(value, dt.date | dt.time):  # datetimes too
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dt.timedelta):
        return duration_string(value)
    raise TypeError(f"{type(value).__name__} cannot be backed up")


ROWS_PER_LINE = 2000
_ENCODER = json.JSONEncoder(default=_to_json, ensure_ascii=False, separators=(",", ":"))


def table_lines(model, fields) -> Iterator[tuple[str, int]]:
    """The rows in primary key order, as lines of JSON holding an array of up to ROWS_PER_LINE
    rows each (one array per row), with the number of rows in each line."""
    rows = model._base_manager.values_list(*(f.attname for f in fields)).order_by("pk")
    rows = rows.iterator(chunk_size=ROWS_PER_LINE)
    while block := list(islice(rows, ROWS_PER_LINE)):
        yield _ENCODER.encode(block), len(block)


def _db_value(field):
    """What turns a JSON value of `field` into what the driver takes; None when nothing needs to.
    Both databases store a date as the ISO text the backup holds, and read JSON from its text."""
    kind = storage_type(field)
    if kind in PLAIN_TYPES or kind == "DateField":
        return None
    if kind == "JSONField":
        return json.dumps
    return lambda value: field.get_db_prep_save(field.to_python(value), connection)


def db_rows(fields, rows: Iterable[list]) -> Iterator[list]:
    """Rows decoded from JSON, their values made ready for the database as the ORM makes them."""
    converted = [(index, convert) for index, field in enumerate(fields) if (convert := _db_value(field))]
    for row in rows:
        for index, convert in converted:
            if row[index] is not None:
                row[index] = convert(row[index])
        yield row


def empty_tables(models) -> None:
    """Every row of `models` gone: one TRUNCATE on PostgreSQL (which the audit log's trigger
    against UPDATE and DELETE lets through), DELETE on SQLite."""
    statements = connection.ops.sql_flush(no_style(), [m._meta.db_table for m in models])
    if connection.vendor == "postgresql":
        # TRUNCATE refuses a table with foreign key checks still deferred from earlier writes of
        # the same transaction: they run first.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def reset_sequences(models) -> None:
    """New rows after a restore take ids after the restored ones (PostgreSQL's sequences)."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
