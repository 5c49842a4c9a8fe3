# ruff: noqa: S608 -- SQL assembled from table and fixed column names only; values are parameters
"""The standards of position types and ranks in force at a date, for SQL and for Python readers.

Every reader of a requirement (the facts of the review, the checks of a proposal, the
explanations) goes through these functions, so that the version in force at D is chosen in one
place.
"""

import datetime as dt

from django.db import connection

from canbo.core.levels import REQUIRED_KINDS
from canbo.org.models import CivilServiceRank, PositionType

POSITION_KINDS = [str(kind) for kind in REQUIRED_KINDS]
RANK_KINDS = ["qlnn", "ngoai_ngu", "tin_hoc"]


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def position_standards_sql(as_of: dt.date) -> tuple[str, list]:
    """A subquery with one row per position type: `position_type_id`, `req_<kind>` in force at D."""
    columns = ", ".join(f"req_{kind}" for kind in POSITION_KINDS)
    return f"SELECT id AS position_type_id, {columns} FROM {_t(PositionType)}", []


def rank_standards_sql(as_of: dt.date) -> tuple[str, list]:
    """A subquery with one row per civil-service rank: `rank_id`, `req_<kind>` in force at D."""
    columns = ", ".join(f"req_{kind}" for kind in RANK_KINDS)
    return f"SELECT id AS rank_id, {columns} FROM {_t(CivilServiceRank)}", []


def position_standard(position_type: PositionType, as_of: dt.date) -> dict[str, int]:
    """The requirement ranks of one position type in force at D, by kind."""
    return {kind: getattr(position_type, f"req_{kind}") for kind in POSITION_KINDS}
