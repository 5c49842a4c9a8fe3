# ruff: noqa: S608 -- SQL assembled from table and fixed column names only; values are parameters
"""The standards of position types and ranks in force at a date, for SQL and for Python readers.

Every reader of a requirement (the facts of the review, the checks of a proposal, the
explanations) goes through these functions, so that the version in force at D is chosen in one
place (`canbo.core.dated`). A type or rank without a version in force at D requires nothing.
"""

import datetime as dt

from django.db import connection
from django.db.models import F

from canbo.core.dated import in_force_sql, is_in_force
from canbo.core.levels import REQUIRED_KINDS
from canbo.org.models import CivilServiceRank, PositionType, StandardVersion

POSITION_KINDS = [str(kind) for kind in REQUIRED_KINDS]
RANK_KINDS = ["qlnn", "ngoai_ngu", "tin_hoc"]


def _standards_sql(key: str, alias: str, kinds: list[str], as_of: dt.date) -> tuple[str, list]:
    columns = ", ".join(f"sv.req_{kind}" for kind in kinds)
    in_force, params = in_force_sql("sv", as_of)
    table = connection.ops.quote_name(StandardVersion._meta.db_table)
    return (
        f"SELECT sv.{key} AS {alias}, {columns} FROM {table} sv WHERE sv.{key} IS NOT NULL AND {in_force}",
        params,
    )


def position_standards_sql(as_of: dt.date) -> tuple[str, list]:
    """A subquery with one row per position type: `position_type_id`, `req_<kind>` in force at D."""
    return _standards_sql("position_type_id", "position_type_id", POSITION_KINDS, as_of)


def rank_standards_sql(as_of: dt.date) -> tuple[str, list]:
    """A subquery with one row per civil-service rank: `rank_id`, `req_<kind>` in force at D."""
    return _standards_sql("rank_id", "rank_id", RANK_KINDS, as_of)


def _requirements(version: StandardVersion | None, kinds: list[str]) -> dict[str, int]:
    return {kind: getattr(version, f"req_{kind}") if version else 0 for kind in kinds}


def position_standard(position_type: PositionType, as_of: dt.date) -> dict[str, int]:
    """The requirement ranks of one position type in force at D, by kind."""
    version = StandardVersion.objects.in_force(as_of).filter(position_type=position_type).first()
    return _requirements(version, POSITION_KINDS)


def rank_standard(rank: CivilServiceRank, as_of: dt.date) -> dict[str, int]:
    """The requirement ranks of one civil-service rank in force at D, by kind."""
    version = StandardVersion.objects.in_force(as_of).filter(rank=rank).first()
    return _requirements(version, RANK_KINDS)


def standards_in_force(as_of: dt.date, *, position_type_ids=(), rank_ids=()) -> dict[tuple[str, int], dict]:
    """The requirements in force at D of several types and ranks in one query, keyed
    `("chuc_danh", id)` and `("ngach", id)`; those without a version are absent (they require nothing)."""
    versions = StandardVersion.objects.in_force(as_of).filter(
        position_type_id__in=list(position_type_ids)
    ) | StandardVersion.objects.in_force(as_of).filter(rank_id__in=list(rank_ids))
    found = {}
    for version in versions:
        if version.position_type_id:
            found["chuc_danh", version.position_type_id] = _requirements(version, POSITION_KINDS)
        else:
            found["ngach", version.rank_id] = _requirements(version, RANK_KINDS)
    return found


def standard_histories(as_of: dt.date) -> list[dict]:
    """Every position type and rank with its standard in force at D and all its versions (newest
    first), types then ranks by code: what the rules page lists."""
    by_holder: dict[tuple, dict] = {}
    versions = StandardVersion.objects.select_related("position_type", "rank").order_by(
        "rank__code", "position_type__code", F("valid_from").desc(nulls_last=True)
    )
    for version in versions:
        entry = by_holder.setdefault(
            (version.rank_id is not None, version.holder.code),
            {
                "holder": version.holder,
                "is_rank": version.rank_id is not None,
                "in_force": None,
                "history": [],
            },
        )
        entry["history"].append(version)
        if is_in_force(version, as_of):
            entry["in_force"] = version
    return [by_holder[key] for key in sorted(by_holder)]
