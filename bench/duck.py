# ruff: noqa: S608 -- SQL is assembled from table and column names of canbo's own models only
"""The reference for the review query: the same SQL over the same tables, run by DuckDB.

DuckDB's SQLite and PostgreSQL scanners are extensions it downloads at run time, so the tables the
query reads are copied instead: each is written to a CSV file from canbo's database connection and
loaded with DuckDB's own `COPY … FROM` (built in), with column types taken from canbo's models.
Only the query is timed. The SQL is the one canbo sends, with `?` for its `%s` placeholders and,
from SQLite, the scalar `MAX(a, b, …)` written `GREATEST(a, b, …)`; DuckDB divides integers as
integers (`integer_division`), like both databases.
"""

import csv
import re
import tempfile
import time
from pathlib import Path

NULL = r"\N"
DUCK_TYPES = {
    "AutoField": "BIGINT",
    "BigAutoField": "BIGINT",
    "BigIntegerField": "BIGINT",
    "IntegerField": "BIGINT",
    "PositiveIntegerField": "BIGINT",
    "PositiveSmallIntegerField": "BIGINT",
    "SmallIntegerField": "BIGINT",
    "ForeignKey": "BIGINT",
    "OneToOneField": "BIGINT",
    "BooleanField": "BOOLEAN",
    "DateField": "DATE",
    "FloatField": "DOUBLE",
    "DecimalField": "DOUBLE",
}


def tables_read(sql: str) -> list[str]:
    """canbo's tables the SQL reads (not its common table expressions)."""
    from django.apps import apps

    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return sorted(set(re.findall(r'(?:FROM|JOIN)\s+"?([a-z_]+)"?', sql)) & tables)


def duck_sql(sql: str, vendor: str) -> str:
    text = sql.replace("%s", "?").replace("%%", "%")
    if vendor == "sqlite":
        text = text.replace("MAX(COALESCE(", "GREATEST(COALESCE(")
    return text


def _model_of(table: str):
    from django.apps import apps

    return next(m for m in apps.get_models(include_auto_created=True) if m._meta.db_table == table)


def copy_tables(duck, tables: list[str]) -> dict[str, int]:
    """Copy each table from canbo's database into the DuckDB connection; rows per table."""
    from django.db import connection

    counts = {}
    with tempfile.TemporaryDirectory() as folder:
        for table in tables:
            fields = _model_of(table)._meta.concrete_fields
            columns = [f.column for f in fields]
            types = [DUCK_TYPES.get(f.get_internal_type(), "VARCHAR") for f in fields]
            path = Path(folder) / f"{table}.csv"
            rows = 0
            with path.open("w", newline="") as out, connection.cursor() as cursor:
                writer = csv.writer(out)
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                cursor.execute(f"SELECT {names} FROM {table}")
                while chunk := cursor.fetchmany(50_000):
                    writer.writerows([NULL if v is None else v for v in row] for row in chunk)
                    rows += len(chunk)
            duck.execute(f"DROP TABLE IF EXISTS {table}")
            duck.execute(
                f"CREATE TABLE {table} ({', '.join(f'{c} {t}' for c, t in zip(columns, types, strict=True))})"
            )
            duck.execute(f"COPY {table} FROM '{path}' (FORMAT csv, HEADER false, NULLSTR '{NULL}')")
            counts[table] = rows
    return counts


def run_reference(sql: str, params: list, vendor: str, repeat: int = 3) -> tuple[float, float, list, dict]:
    """Best time of `repeat` runs of the query in DuckDB, the least CPU time (user + system, of all
    its threads) of a run, its first row, and the rows copied."""
    import duckdb

    duck = duckdb.connect()
    duck.execute("SET integer_division = true")
    copied = copy_tables(duck, tables_read(sql))
    text = duck_sql(sql, vendor)
    walls, cpus, row = [], [], None
    for _ in range(repeat):
        cpu, started = time.process_time(), time.perf_counter()
        row = duck.execute(text, params).fetchone()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), [int(v) for v in row], copied
