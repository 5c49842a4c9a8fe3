"""Shared parsing for the review commands (SPEC §8–§9); their printing is `canbo.core.command_text`."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from canbo.core.dates import DateOutOfRange, parse_date_in_range
from canbo.core.errors import NotFound
from canbo.org.selectors import unit_get


def as_of_arg(parser) -> None:
    parser.add_argument("--as-of", required=True, help="ngày xem: YYYY-MM-DD hoặc dd/mm/yyyy")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def parse_as_of(text: str):
    try:
        return parse_date_in_range(text)
    except DateOutOfRange as exc:
        raise CommandError(str(exc)) from exc
    except ValueError as exc:
        raise CommandError(
            _("Ngày “%(text)s” không hợp lệ: dùng YYYY-MM-DD hoặc dd/mm/yyyy.") % {"text": text}
        ) from exc


def unit_of(actor, code: str | None):
    """The unit of `--unit`, or None when not given; an unknown code ends the command."""
    if not code:
        return None
    try:
        return unit_get(actor=actor, code=code)
    except NotFound as exc:
        raise CommandError(_("Không có đơn vị mã “%(code)s”.") % {"code": code}) from exc
