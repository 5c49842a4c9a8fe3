# ruff: noqa: S608 -- SQL is assembled from the caller's own expressions only
"""The rows that a grouped figure keeps (`canbo.core.deltas`), put together by the database.

Counting a figure so that later writes can move it keeps every entity's rows. Fetching one row per
cadre into Python and grouping, summing and writing them there cost three to four times the count
of the sums alone; here one statement reads the rows once and returns both, already in the form
they are kept in: each chunk of entities as its JSON text, and each group's sums.
"""

from django.db import connection

from canbo.core.moving import CHUNK

_JSON = {  # (a row as an array, the array of a chunk's rows, the text of JSON)
    "postgresql": ("json_build_array", "json_agg", "CAST({} AS text)"),
    "sqlite": ("json_array", "json_group_array", "{}"),
}


def stored_sql(entity: str, groups: list[str], counts: list[str], source: str) -> str:
    """A statement over `source` (a FROM clause and its joins) whose rows are `(chunk, text)`: for
    each chunk of entities (`entity // CHUNK`), the JSON array of its rows as `deltas` keeps them
    (the entity, the values of `groups`, then of `counts` as integers), and, with a NULL chunk, each
    group's values then the sums of its counts as a JSON array."""
    array, arrays, as_text = _JSON[connection.vendor]
    named = [f"{expression} AS c{n}" for n, expression in enumerate(groups)]
    named += [f"CAST({expression} AS integer) AS s{n}" for n, expression in enumerate(counts)]
    group = [f"c{n}" for n in range(len(groups))]
    count = [f"s{n}" for n in range(len(counts))]
    row = f"{array}({', '.join(['e', *group, *count])})"
    summed = f"{array}({', '.join([*group, *(f'SUM({name})' for name in count)])})"
    return (
        f"WITH x AS MATERIALIZED (SELECT {entity} AS e, {', '.join(named)} {source}) "
        f"SELECT e / {CHUNK}, {as_text.format(f'{arrays}({row})')} FROM x GROUP BY e / {CHUNK} "
        f"UNION ALL SELECT NULL, {as_text.format(summed)} FROM x GROUP BY {', '.join(group)}"
    )
