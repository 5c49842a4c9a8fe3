"""The output of a reading command, kept until the data changes.

`canbo review` and the other commands that only read the province and print (`canbo/__main__.py`)
print the same for the same arguments, day, settings and data. A run that ends well keeps what it
printed in the database under the data token read before it started (`canbo.core.data_cache`,
whose triggers replace the token at every write), and the same command run again under the same
token prints it without setting Django up: a Python process, the database driver and one query,
where setting Django up is most of such a command's time. Whatever stands in the way (no
database yet, another token, an error) runs the command as usual.

This module imports no Django at its top: it is read before Django is set up.
"""

import datetime as dt
import hashlib
import json
import os
import sys
from contextlib import closing
from urllib.parse import quote
from zoneinfo import ZoneInfo

from config.environment import TIME_ZONE, database

# The tables of `RememberedResult` and `DataVersion` (a test checks them against the models).
RESULTS_TABLE, VERSION_TABLE = "core_rememberedresult", "core_dataversion"


def digest(*parts) -> str:
    """The key of a kept result made of `parts` (JSON values; dates and the like as text)."""
    text = json.dumps(list(parts), default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def output_key(arguments: list[str], today: dt.date | None = None) -> str:
    """The key of a command's output: its arguments, the day (a command without a date takes
    today's), the settings it runs under and whether it prints to a terminal."""
    today = today or dt.datetime.now(ZoneInfo(TIME_ZONE)).date()
    settings = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    return digest("output", arguments, today.isoformat(), settings, sys.stdout.isatty())


def kept_text(cursor, key: str, mark: str = "%s") -> str | None:
    """The output kept under `key` and the current data token, read with a DB-API `cursor` whose
    parameter mark is `mark`; None when there is none."""
    cursor.execute(
        f"SELECT r.value FROM {RESULTS_TABLE} r JOIN {VERSION_TABLE} v "  # noqa: S608 (constant names)
        f"ON v.id = 1 AND r.token = v.token WHERE r.key = {mark}",
        [key],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    value = json.loads(row[0]) if isinstance(row[0], str) else row[0]  # SQLite keeps JSON as text
    return value.get("out") if isinstance(value, dict) else None


def print_kept(arguments: list[str]) -> bool:
    """Print the output kept for `arguments` and return True; False when none is kept (or the
    database cannot tell), and nothing is printed."""
    try:
        text = _read_kept(output_key(arguments))
    except Exception:  # noqa: BLE001 (no database, no table yet: the command runs as usual)
        return False
    if text is None:
        return False
    sys.stdout.write(text)
    sys.stdout.flush()
    return True


def _read_kept(key: str) -> str | None:
    found = database()
    if found["ENGINE"].endswith("sqlite3"):
        import sqlite3

        with closing(sqlite3.connect(f"file:{quote(str(found['NAME']))}?mode=ro", uri=True)) as connection:
            return kept_text(connection.cursor(), key, "?")
    import psycopg2

    named = {"dbname": "NAME", "user": "USER", "password": "PASSWORD", "host": "HOST", "port": "PORT"}
    params = {name: found[setting] for name, setting in named.items() if found.get(setting)}
    with closing(psycopg2.connect(**params, **found.get("OPTIONS", {}))) as connection:
        return kept_text(connection.cursor(), key)
