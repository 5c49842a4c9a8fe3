"""Codes, one alphabet for all: a cadre's, a unit's, a locality's, a position type's, a rank's, a
rule set's, and every code column of the exchange workbook (SPEC §7).

A code is made of the letters A–Z and a–z (without diacritics), the digits, `-`, `_` and `.`,
and starts with a letter or a digit: `672`, `01.003`, `BTC.P1`, `BT_TU`, `KH-2017-2020`. So a code
is safe in a URL path and a query string as it is, and cannot be `.` or `..`.

Codes stored before the alphabet was enforced may hold other characters; pages keep working with
them: the `code` path converter takes any non-empty text (a `/` included) and every link is built
by `reverse` or `urlencode`, which encode it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)
# Words of canbo's page addresses where a code also stands (`/can-bo/them/` adds a cadre, while
# `/can-bo/<code>/` is a record): a code spelt so would have no page of its own.
PAGE_WORDS = frozenset({"them", "so-yeu-ly-lich"})


def code_problem(value: str) -> str | None:
    """Why `value` is not a code; None when it is one."""
    if value in PAGE_WORDS:
        return _("Mã “%(code)s” trùng với một từ trong địa chỉ trang của canbo; chọn mã khác.") % {
            "code": value}
    if _CODE.fullmatch(value or ""):
        return None
    return _(
        "Mã chỉ gồm chữ cái không dấu (A–Z, a–z), chữ số và các dấu - _ . , bắt đầu bằng chữ hoặc số; "
        "không có khoảng trắng, chữ có dấu hay các dấu / ? & # và dấu phần trăm."
    )


def check_codes(instance, *fields: str) -> None:
    """ValidationError naming each field of `instance` whose value is not a code (model `clean`)."""
    errors = {}
    for name in fields:
        problem = code_problem(getattr(instance, name))
        if problem:
            errors[name] = problem
    if errors:
        raise ValidationError(errors)


class CodeConverter:
    """`<code:code>` in a URL: any non-empty text, so that every code stored, even an old one outside
    the alphabet, has a page (a code with `/` spans segments; `reverse` encodes `?`, `#`, `%`)."""

    regex = ".+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
