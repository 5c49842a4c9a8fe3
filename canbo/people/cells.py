"""Reading one cell as clerks type it (SPEC §7).

python-calamine gives '' for an empty cell, float for every number, `date`/`datetime` for date
cells, bool for TRUE/FALSE and str otherwise. Each reader returns the value canbo stores, None when
the cell is empty (unknown), or raises CellError with a message a clerk understands.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from canbo.core.dates import Precision, parse_date, parse_partial_date
from canbo.people import schema


class CellError(ValueError):
    pass


def _text(value) -> str | None:
    if type(value) is str:
        value = value.strip()
        return value or None
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def read_text(value, column: schema.Column):
    text = _text(value)
    if text is not None and column.max_length and len(text) > column.max_length:
        raise CellError(_("Dài quá %(n)s ký tự.") % {"n": column.max_length})
    return text


def read_date(value, column: schema.Column):
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    text = _text(value)
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise CellError(
            _("Ngày không đúng dạng: ghi YYYY-MM-DD (2017-06-30) hoặc dd/mm/yyyy (30/06/2017).")
        ) from None


def read_birth(value, column: schema.Column):
    """A birth date: (date it counts as, precision)."""
    if type(value) is dt.date:
        return value, Precision.DAY
    if isinstance(value, dt.datetime):
        return value.date(), Precision.DAY
    text = _text(value)
    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except ValueError:
        raise CellError(
            _(
                "Ngày sinh không đúng dạng: ghi YYYY-MM-DD, dd/mm/yyyy, "
                "YYYY-MM (chỉ biết tháng) hoặc YYYY (chỉ biết năm)."
            )
        ) from None


_TRUE = {"1", "true", "x"}
_FALSE = {"0", "false"}


def read_bool(value, column: schema.Column):
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text is None:
        return None
    folded = text.lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise CellError(_("Chỉ ghi 1 (có) hoặc 0 (không)."))


# More digits than any plausible number (canbo.core.bounds) and than a database integer holds.
MAX_DIGITS = 18


def read_int(value, column: schema.Column):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if text is None:
        return None
    if not text.isdecimal():  # "2020²" has digits (isdigit) that are not decimal
        raise CellError(_("Phải là một số nguyên."))
    if len(text) > MAX_DIGITS:
        raise CellError(_("Số quá lớn."))
    return int(text)


def read_enum(value, column: schema.Column):
    text = _text(value)
    if text is None:
        return None
    if text in column.choices:
        return text
    if text.lower() in column.choices:
        return text.lower()
    raise CellError(
        _("Giá trị không có trong danh mục; dùng một trong: %(values)s.")
        % {"values": ", ".join(column.choices)}
    )


_ID_NUMBER = re.compile(r"^\d{12}$")


def read_id_number(value, column: schema.Column):
    """A personal identification number (số định danh cá nhân): exactly 12 digits, kept as text.
    A number cell has lost its leading zeros, and is refused unless it still has 12 digits."""
    text = _text(value)
    if text is None:
        return None
    if not _ID_NUMBER.match(text):
        raise CellError(_("Số định danh cá nhân phải gồm đúng 12 chữ số (ghi dạng chữ để giữ số 0 đầu)."))
    return text


_DECIMAL = re.compile(r"^\d+([.,]\d{1,2})?$")


def read_decimal(value, column: schema.Column):
    """A number with at most two decimals, typed "4,98" or "4.98" or as a number cell."""
    if isinstance(value, float):
        value = repr(value)
    text = _text(value)
    if text is None:
        return None
    if not _DECIMAL.match(text):
        raise CellError(_("Phải là số có tối đa hai chữ số thập phân, ví dụ 4,98 hoặc 4.98."))
    try:
        return Decimal(text.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise CellError(_("Phải là số có tối đa hai chữ số thập phân, ví dụ 4,98 hoặc 4.98.")) from None


_TERM = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def read_term(value, column: schema.Column):
    """A term of office "2020-2025": (first year, last year)."""
    text = _text(value)
    if text is None:
        return None
    match = _TERM.match(text)
    if not match or int(match.group(2)) < int(match.group(1)):
        raise CellError(_("Nhiệm kỳ phải ghi dạng năm đầu-năm cuối, ví dụ 2020-2025."))
    return int(match.group(1)), int(match.group(2))


READERS = {
    schema.TEXT: read_text,
    schema.TITLE: read_text,
    schema.NAME: read_text,
    schema.CODE: read_text,
    schema.DATE: read_date,
    schema.BIRTH: read_birth,
    schema.BOOL: read_bool,
    schema.INT: read_int,
    schema.ENUM: read_enum,
    schema.TERM: read_term,
    schema.ID_NUMBER: read_id_number,
    schema.DECIMAL: read_decimal,
}


def show(value) -> str:
    """A raw cell value as a clerk would see it in an error list."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)
