"""Values that read well but cannot be true: a birth in 0001 or 2090, an evaluation of the year 3000,
a term 0001–9999, a date before 1900, a number for a name. The bounds are canbo.core.bounds, taken
as of a day; the workbook import judges each column with them and the record's forms each field."""

import datetime as dt

from django.utils.translation import gettext as _

from canbo.core import bounds
from canbo.core.dates import birth_text, show_date
from canbo.people import schema


def column_check(column: schema.Column, today: dt.date):
    """The check of a column's typed values as of `today`: value -> None, or (value as shown, message);
    None when the column's kind has no bounds."""
    if column.bounds:
        return _numbers(column.bounds(today), column.kind)
    build = {
        schema.DATE: _dates,
        schema.BIRTH: _births,
        schema.TERM: _terms,
    }.get(column.kind)
    if build:
        return build(today)
    return {schema.TITLE: _titles, schema.NAME: _names}.get(column.kind)


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
