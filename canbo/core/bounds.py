"""The values canbo accepts, defined once.

`DATES`: any date canbo reads — the as-of date of a page, of the API or of a command, a date typed
in a form or a filter. Outside it a date is a typing mistake (31/12/9999, 0001-01-01), and the
date arithmetic of the rules (ages, terms, "D + 5 years") would overflow near the years 1 and 9999.

The records of a workbook are held to narrower, plausible bounds that follow today's date: people
born from 1930 and at least 15 years ago (the 2017 workforce was born 1955–1999, the demo's
people too); years of evaluations and terms of office from 1945 (the first government) to ten
years ahead (terms are planned up to the next congress); a family member's birth year from 1900 to
this year; other dates from 1900 to ten years
ahead (the end of a term in office, of a post, of a discipline's effect).
"""

import datetime as dt

DATES = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))

FIRST_BIRTH_YEAR = 1930
YOUNGEST_AGE = 15
FIRST_YEAR = 1945
YEARS_AHEAD = 10
FIRST_RECORD_DATE = dt.date(1900, 1, 1)
SEATS = (1, 999)  # seats of one position type in one unit (`vi_tri.so_luong`)
LLCT_PERIODS = (0, 2000)  # periods of a degree overlapping the trung cấp LLCT programme


def birth_years(today: dt.date) -> tuple[int, int]:
    return FIRST_BIRTH_YEAR, today.year - YOUNGEST_AGE


def family_birth_years(today: dt.date) -> tuple[int, int]:
    """A family member's birth year (`gia_dinh.nam_sinh`): from parents of the oldest cadres to today."""
    return FIRST_RECORD_DATE.year, today.year


def years(today: dt.date) -> tuple[int, int]:
    return FIRST_YEAR, today.year + YEARS_AHEAD


def record_dates(today: dt.date) -> tuple[dt.date, dt.date]:
    return FIRST_RECORD_DATE, dt.date(today.year + YEARS_AHEAD, 12, 31)


def seats(today: dt.date) -> tuple[int, int]:
    return SEATS


def llct_periods(today: dt.date) -> tuple[int, int]:
    return LLCT_PERIODS
