"""Implausible values of a read workbook: each value outside the bounds of its column
(canbo.people.plausible, as of today) is an error naming sheet, row, column and value."""

import datetime as dt
from operator import itemgetter

from canbo.exchange.findings import Finding
from canbo.exchange.reader import ParsedWorkbook
from canbo.people.plausible import column_check


def implausible_values(book: ParsedWorkbook, today: dt.date) -> list[Finding]:
    errors: list[Finding] = []
    for name, parsed in book.sheets.items():
        for at, column in enumerate(parsed.sheet.columns):
            check = column_check(column, today)
            if check is None or not parsed.rows:
                continue
            values = list(map(itemgetter(at), parsed.rows))
            # Values repeat (dates, years, names of units): each distinct one is judged once.
            bad = {}
            for value in set(values):
                if value is not None and (problem := check(value)):
                    bad[value] = problem
            for number, value in zip(parsed.numbers, values, strict=True):
                if value in bad:
                    shown, message = bad[value]
                    errors.append(Finding(name, number, column.key, shown, message))
    return errors
