"""A fresh, empty database on the PostgreSQL server of a DATABASE_URL, for a benchmark to fill."""

import re


def fresh_database(url: str, name: str) -> str:
    """The database `name` dropped if it exists and made again on the server of `url`; its URL."""
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True  # CREATE DATABASE runs outside a transaction
    try:
        with conn.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name}")
    finally:
        conn.close()
    return re.sub(r"/[^/]*$", f"/{name}", url)
