"""Rows written in bulk: `executemany` (SQLite) or `COPY` (PostgreSQL) inside the caller's transaction.

On PostgreSQL the rows go through `COPY … FROM STDIN` as CSV written here by Python's `csv` module:
the driver (psycopg2) sends what it reads from a file-like object and adapts no value itself.
Every text is quoted and a NULL is the bare `\\N`, so an empty text, or one that reads `\\N`, stays a
text; numbers, booleans and NULL go bare, dates and times as quoted ISO 8601.
"""

import csv
import io
from collections.abc import Iterable
from itertools import islice

from django.db import connection

ROWS_PER_READ = 1000
NULL_TEXT = "\\N"
# The columns COPY reads as written here (a related field counts as the field it points to); a
# table with another kind (bytes, durations) is refused rather than written wrong.
WRITTEN_TYPES = frozenset({
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "FloatField",
    "DecimalField", "BooleanField", "CharField", "TextField", "SlugField", "EmailField", "URLField",
    "GenericIPAddressField", "UUIDField", "DateField", "DateTimeField", "TimeField", "JSONField",
})


def insert(model, fields: list[str], rows: list[tuple]) -> None:
    """`rows` of the model's `fields` (names) added to its table."""
    if rows:
        write(model, [model._meta.get_field(name) for name in fields], rows)


def insert_few(model, fields: list[str], rows: list[tuple]) -> None:
    """`insert` for a few hundred rows of long texts: on PostgreSQL one statement with each column
    as one array, which the driver quotes (CSV quoted in Python cost twice as much for the kept
    rows of a figure, 9 MB in 782 rows)."""
    if connection.vendor != "postgresql" or not rows:
        insert(model, fields, rows)
        return
    found = [model._meta.get_field(name) for name in fields]
    refuse_unwritten(model, found)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in found)
    arrays = ", ".join(f"unnest(%s::{field.db_type(connection)}[])" for field in found)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) SELECT {arrays}",  # noqa: S608
            [list(column) for column in zip(*rows, strict=True)],
        )


def write(model, fields, rows: Iterable) -> None:
    """`rows` of the model's `fields` (Field objects), values as the database takes them (a JSON
    value as its text), added to its table."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        refuse_unwritten(model, fields)
        text = CopyText(rows)
        statement = f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '{NULL_TEXT}')"
        with raw.cursor() as cursor:
            try:
                cursor.copy_expert(statement, text)
            except Exception:
                if text.failure:  # the rows' own error, which the driver reports as a cancelled COPY
                    raise text.failure from None
                raise
        return
    marks = ", ".join("?" * len(fields))
    raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def storage_type(field) -> str:
    while field.is_relation:
        field = field.target_field
    return field.get_internal_type()


def refuse_unwritten(model, fields) -> None:
    for field in fields:
        if (kind := storage_type(field)) not in WRITTEN_TYPES:
            raise TypeError(f"{model._meta.label}.{field.name} ({kind}) cannot be written in bulk")


class _Null:
    """NULL for the `csv` module: it writes a number's text bare, and this counts as a number."""

    __slots__ = ()

    def __float__(self) -> float:
        return 0.0

    def __str__(self) -> str:
        return NULL_TEXT


NULL = _Null()


class CopyText:
    """`rows` as COPY's CSV, ROWS_PER_READ rows a read (the driver's size is a hint)."""

    def __init__(self, rows: Iterable):
        self._rows = iter(rows)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        self.failure: Exception | None = None

    def read(self, _size: int = -1) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        try:
            self._writer.writerows([NULL if value is None else value for value in row]
                                   for row in islice(self._rows, ROWS_PER_READ))
        except Exception as failure:
            self.failure = failure
            raise
        return self._buffer.getvalue()
