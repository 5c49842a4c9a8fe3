"""The seats of a proposal run (SPEC §13): the key vacancies at D, or the rows of a workbook.

A post (unit U, position type P) with k seats is one entry with `count` k; the optimiser gives it
at most k cadres. A workbook's first sheet holds `ma_don_vi` and `ma_chuc_danh` (read by
`canbo.optimize.sheet`), one seat per row (a row may repeat).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from canbo.exchange.findings import Finding
from canbo.optimize.sheet import BadSheet, read_rows
from canbo.org.models import PositionType, Unit
from canbo.people import schema
from canbo.rules.proposals import vacancies

COLUMNS = (
    schema.Column("ma_don_vi", schema.CODE, True, max_length=20),
    schema.Column("ma_chuc_danh", schema.CODE, True, max_length=30),
)


@dataclass
class Post:
    unit_code: str
    type_code: str
    count: int


def vacancy_seats(as_of: dt.date) -> dict[tuple[int, int], Post]:
    """The key posts with a vacancy at D (SPEC §10 with `--key-only`), a vacancy of k as k seats."""
    return {
        (r["target_unit_id"], r["target_type_id"]): Post(
            r["target_unit_code"], r["target_type_code"], int(r["target_vacancy"])
        )
        for r in vacancies(as_of, key_only=True)
    }


def workbook_seats(path) -> dict[tuple[int, int], Post]:
    """One seat per data row of the workbook's first sheet, keyed by (unit id, type id); raises
    BadSheet naming every bad row, column and value."""
    sheet, rows = read_rows(path, COLUMNS)
    seats, problems = code_seats(rows)
    if problems:
        raise BadSheet(
            [Finding(sheet, number, column, value, message) for number, column, value, message in problems]
        )
    return seats


def code_seats(rows: list[tuple]) -> tuple[dict[tuple[int, int], Post], list[tuple]]:
    """One seat per (where, unit code, type code) row, keyed by (unit id, type id), and the problems
    as (where, column, value, message): a unit or a position type that does not exist."""
    units = dict(Unit.objects.filter(code__in={r[1] for r in rows}).values_list("code", "id"))
    types = dict(PositionType.objects.filter(code__in={r[2] for r in rows}).values_list("code", "id"))
    problems = []
    seats: dict[tuple[int, int], Post] = {}
    for where, unit_code, type_code in rows:
        if unit_code not in units:
            message = _("Không có đơn vị mã “%(code)s”.") % {"code": unit_code}
            problems.append((where, "ma_don_vi", unit_code, message))
        if type_code not in types:
            message = _("Không có chức danh mã “%(code)s”.") % {"code": type_code}
            problems.append((where, "ma_chuc_danh", type_code, message))
        if unit_code in units and type_code in types:
            post = seats.setdefault((units[unit_code], types[type_code]), Post(unit_code, type_code, 0))
            post.count += 1
    return seats, problems
