"""Dates as canbo reads and shows them."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.bounds import DATES


class Precision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> dt.date:
    """A full date written `YYYY-MM-DD` or `dd/mm/yyyy`. Raises ValueError otherwise."""
    text = text.strip()
    match = _VN.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = _PARTIAL.match(text)
    if match and match.group(3):
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    raise ValueError(text)


class DateOutOfRange(ValueError):
    """A well-formed date outside the dates canbo reads (`canbo.core.bounds.DATES`); its text is
    the message for the user."""


def check_date_range(value: dt.date) -> dt.date:
    """`value` if within `DATES`; DateOutOfRange otherwise."""
    first, last = DATES
    if not first <= value <= last:
        raise DateOutOfRange(
            _("Ngày %(day)s nằm ngoài khoảng canbo xử lý (từ %(first)s đến %(last)s).")
            % {"day": show_date(value), "first": show_date(first), "last": show_date(last)}
        )
    return value


def parse_date_in_range(text: str) -> dt.date:
    """`parse_date`, refusing a date outside `DATES` (DateOutOfRange, a ValueError)."""
    return check_date_range(parse_date(text))


def show_date(value: dt.date) -> str:
    """dd/mm/yyyy with the year on four digits whatever it is (strftime drops the zeros of 0001)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def birth_text(value: dt.date, precision: str) -> str:
    """A birth date at the precision it is known: dd/mm/yyyy, mm/yyyy or yyyy."""
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.month:02d}/{value.year:04d}"
    return show_date(value)


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """A birth date known to the day, month or year: `YYYY-MM-DD`, `dd/mm/yyyy`, `YYYY-MM`, `YYYY`.

    Returns the date it counts as (the 1st where only month or year is known, SPEC §3) and its
    precision. Raises ValueError on anything else.
    """
    text = text.strip()
    match = _PARTIAL.match(text)
    if match and not match.group(3):
        year = int(match.group(1))
        if match.group(2):
            return dt.date(year, int(match.group(2)), 1), Precision.MONTH
        return dt.date(year, 1, 1), Precision.YEAR
    return parse_date(text), Precision.DAY


def format_partial_date(value: dt.date, precision: str) -> str:
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def today() -> dt.date:
    return timezone.localdate()


def recorded_before(as_of: dt.date) -> dt.datetime | None:
    """The first moment after D in the current time zone, which bounds what was recorded by the end
    of D; None for today or later (everything recorded so far)."""
    if as_of >= today():
        return None
    return timezone.make_aware(dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time.min))


def moment_on(day: dt.date, hour: int = 8, minute: int = 0) -> dt.datetime:
    """A moment of `day` in canbo's time zone (by default when offices open)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def made_at(at: dt.datetime | None) -> dt.datetime:
    """When a record was made: `at` if it is recorded afterwards (never in the future), else now."""
    if at is None:
        return timezone.now()
    if at > timezone.now():
        raise ValidationError(_("Thời điểm lập không thể ở tương lai."))
    return at


def made_on(day: dt.date | None, hour: int = 8) -> dt.datetime | None:
    """The moment of something an official says was done on `day`: None (now) for today or no day,
    else `hour` that day (a record at the opening of office, so that its steps that day, dated at
    the close of office by `canbo.workflow.services.taken_on`, come after it)."""
    if day is None or day == timezone.localdate():
        return None
    return moment_on(day, hour)


def entered_later(at: dt.datetime | None) -> dict:
    """What the audit event of a write recorded on another day than it happened says of when it
    happened (`thuc_hien_luc`); nothing for a write of today."""
    if at is None or timezone.localdate(at) == timezone.localdate():
        return {}
    return {"thuc_hien_luc": at.isoformat()}


def add_months(value: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(value.day, last_day(year, month)))


def last_day(year: int, month: int) -> int:
    next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (next_first - dt.timedelta(days=1)).day


def age_on(birth: dt.date, as_of: dt.date) -> int:
    """Age in completed years on `as_of`."""
    return as_of.year - birth.year - ((as_of.month, as_of.day) < (birth.month, birth.day))


def add_years(value: dt.date, years: int) -> dt.date:
    """The same day and month `years` later, or 1 March where that day does not exist (29/02)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return dt.date(value.year + years, 3, 1)
