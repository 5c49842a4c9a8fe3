"""What a `canbo` process knows before Django: the data folder, the database and the time zone.
The settings take them from here, and a reading command that prints its kept output without
setting Django up takes the database (`canbo.core.kept_output`)."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
TIME_ZONE = "Asia/Ho_Chi_Minh"


def data_dir() -> Path:
    return Path(os.environ.get("CANBO_DATA_DIR", BASE_DIR / "data"))


def database() -> dict:
    """The default database of DATABASE_URL (a SQLite file in the data folder without it)."""
    found = dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{data_dir() / 'canbo.sqlite3'}"),
        conn_max_age=60,
    )
    if found["ENGINE"].endswith("sqlite3"):
        found["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        # PostgreSQL's JIT compiles any query its planner estimates as costly; the scopes' ORed
        # EXISTS make the facts queries look so, and compiling them took seconds for queries that
        # run in a fraction of one (bench/RESULTS.md, "Review page per role").
        found.setdefault("OPTIONS", {})["options"] = "-c jit=off"
    return found
