"""Retirement date by the law in force (SPEC §3).

Before 2021 men retire at 60 and women at 55. From 2021 (Labour Code 2019 art. 169, Decree
135/2020/NĐ-CP art. 4) the required age rises each year: men 60y3m in 2021, +3 months a year up
to 62y (2028); women 55y4m in 2021, +4 months a year up to 60y (2035). A person retires in the
first month whose age reaches the age required in that month's year; the date is that month's
last day (Decree 135 art. 3.1). A birth date known only by year or month counts from the 1st
(art. 3.3), which the caller has already applied.
"""

import datetime as dt
import functools
from dataclasses import dataclass

from canbo.core.dates import last_day

MALE = "nam"
FEMALE = "nu"

# gender -> (months before 2021, months in 2021, months added a year, ceiling in months)
_SCHEDULE = {
    MALE: (60 * 12, 60 * 12 + 3, 3, 62 * 12),
    FEMALE: (55 * 12, 55 * 12 + 4, 4, 60 * 12),
}


@dataclass(frozen=True)
class Retirement:
    date: dt.date
    years: int
    months: int


def required_age_months(gender: str, year: int) -> int:
    """Age in months that the law requires for retirement in `year`."""
    before, first, step, ceiling = _SCHEDULE[gender]
    if year < 2021:
        return before
    return min(first + step * (year - 2021), ceiling)


def retirement(gender: str, birth: dt.date) -> Retirement:
    return _retirement_of_month(gender, birth.year, birth.month)


@functools.lru_cache(maxsize=8192)
def _retirement_of_month(gender: str, birth_year: int, birth_month: int) -> Retirement:
    """Only the month of birth matters; cached so a bulk import of many cadres stays fast."""
    born = birth_year * 12 + birth_month - 1
    month_index = born + _SCHEDULE[gender][0]
    while True:
        year, month0 = divmod(month_index, 12)
        age = month_index - born
        if age >= required_age_months(gender, year):
            return Retirement(dt.date(year, month0 + 1, last_day(year, month0 + 1)), age // 12, age % 12)
        month_index += 1


def retirement_date(gender: str, birth: dt.date) -> dt.date:
    return retirement(gender, birth).date
