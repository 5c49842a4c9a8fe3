"""Values that read well but cannot be true: a birth in 0001 or 2090, an evaluation of the year 3000,
a term 0001–9999, a date before 1900, a number for a name. The bounds are canbo.core.bounds, taken
as of today; each value outside them is an error naming sheet, row, column and value."""

import datetime as dt
from operator import itemgetter

from django.utils.translation import gettext as _

from canbo.core import bounds
from canbo.core.dates import birth_text, show_date
from canbo.exchange import schema
from canbo.exchange.findings import Finding
from canbo.exchange.reader import ParsedWorkbook


def implausible_values(book: ParsedWorkbook, today: dt.date) -> list[Finding]:
    errors: list[Finding] = []
    checks = {
        schema.DATE: _dates(today),
        schema.BIRTH: _births(today),
        schema.TERM: _terms(today),
        schema.TITLE: _titles,
        schema.NAME: _names,
    }
    for name, parsed in book.sheets.items():
        for at, column in enumerate(parsed.sheet.columns):
            check = _numbers(column.bounds(today), column.kind) if column.bounds else checks.get(column.kind)
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


def _dates(today: dt.date):
    low, high = bounds.record_dates(today)
    message = _("Ngày không hợp lý: phải từ %(low)s đến %(high)s.") % {
        "low": show_date(low), "high": show_date(high)}

    def check(value: dt.date):
        return None if low <= value <= high else (show_date(value), message)

    return check


def _births(today: dt.date):
    low, high = bounds.birth_years(today)
    message = _("Năm sinh không hợp lý: phải từ %(low)s đến %(high)s (đủ %(age)s tuổi).") % {
        "low": low, "high": high, "age": bounds.YOUNGEST_AGE}

    def check(value: tuple[dt.date, str]):
        born, precision = value
        return None if low <= born.year <= high else (birth_text(born, precision), message)

    return check


def _terms(today: dt.date):
    low, high = bounds.years(today)
    message = _("Nhiệm kỳ không hợp lý: các năm phải từ %(low)s đến %(high)s.") % {"low": low, "high": high}

    def check(value: tuple[int, int]):
        first, last = value
        return None if low <= first and last <= high else (f"{first:04d}-{last:04d}", message)

    return check


def _numbers(limits: tuple, kind: str):
    low, high = limits
    if kind == schema.DECIMAL:
        message = _("Phải là số từ %(low)s đến %(high)s.") % {"low": low, "high": high}
    else:
        message = _("Phải là số nguyên từ %(low)s đến %(high)s.") % {"low": low, "high": high}

    def check(value: int):
        return None if low <= value <= high else (str(value), message)

    return check


def _titles(value: str):
    if any(ch.isalpha() for ch in value):
        return None
    return value, _("Tên phải có chữ, không chỉ có số hay ký hiệu.")


def _names(value: str):
    if any(ch.isalpha() for ch in value) and not any(ch.isdigit() for ch in value):
        return None
    return value, _("Họ tên phải là chữ, không có chữ số.")
