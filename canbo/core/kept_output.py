"""The output of a reading command, kept until the data changes.

`canbo review` and the other commands that only read the province and print (`canbo/__main__.py`)
print the same for the same arguments, settings and data. A run that ends well keeps what it
printed in the database under the data token read before it started (`canbo.core.data_cache`,
whose triggers replace the token at every write), and the same command run again under the same
token prints it without setting Django up: a Python process, the database driver and one query,
where setting Django up is most of such a command's time. Under another token, an output printed
from a count that writes move is printed again from that count moved by the writes since, still
without Django (`canbo.core.kept_moves`). Whatever stands in the way (no database yet, a write that
may change everyone, an error) runs the command as usual.

This module imports no Django at its top: it is read before Django is set up.
"""

import hashlib
import json
import os
import sys
from contextlib import closing
from urllib.parse import quote

from canbo.core.kept_moves import State, moved_text
from config.environment import database

# The tables of `RememberedResult` and `DataVersion` (a test checks them against the models).
RESULTS_TABLE, VERSION_TABLE = "core_rememberedresult", "core_dataversion"


def digest(*parts) -> str:
    """The key of a kept result made of `parts` (JSON values; dates and the like as text)."""
    text = json.dumps(list(parts), default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def output_key(arguments: list[str]) -> str:
    """The key of a command's output: its arguments, the settings it runs under and whether it
    prints to a terminal. Not the day: every reading command takes the dates it reads as
    arguments (a test checks them), so the same arguments print the same on any day."""
    settings = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    return digest("output", arguments, settings, sys.stdout.isatty())


def kept_text(cursor, key: str, mark: str = "%s", vendor: str = "postgresql") -> str | None:
    """The output kept under `key`: as printed under the current data token, or printed again from
    the count it was summed from, moved by the writes since (`canbo.core.kept_moves`); read with a
    DB-API `cursor` of a read-only transaction whose parameter mark is `mark`. None when neither."""
    cursor.execute(
        f"SELECT v.token, v.seq, v.wide_token, r.token, r.value FROM {VERSION_TABLE} v "  # noqa: S608 (constant names)
        f"LEFT JOIN {RESULTS_TABLE} r ON r.key = {mark} WHERE v.id = 1",
        [key],
    )
    row = cursor.fetchone()
    if row is None or row[4] is None:
        return None
    value = json.loads(row[4]) if isinstance(row[4], str) else row[4]  # SQLite keeps JSON as text
    if not isinstance(value, dict):
        return None
    if row[3] == row[0]:
        return value.get("out")
    if "moves" not in value:
        return None
    return moved_text(cursor, mark, vendor, value["moves"], State(row[0], row[1], row[2]))


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

        uri = f"file:{quote(str(found['NAME']))}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as connection:
            connection.execute("BEGIN")  # every read below sees one state of the data
            return kept_text(connection.cursor(), key, "?", "sqlite")
    import psycopg2

    named = {"dbname": "NAME", "user": "USER", "password": "PASSWORD", "host": "HOST", "port": "PORT"}
    params = {name: found[setting] for name, setting in named.items() if found.get(setting)}
    with closing(psycopg2.connect(**params, **found.get("OPTIONS", {}))) as connection:
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        return kept_text(connection.cursor(), key)
