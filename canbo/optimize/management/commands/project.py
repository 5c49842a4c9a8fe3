import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.core.dates import check_date_range
from canbo.exchange.findings import Finding, findings_table
from canbo.optimize.projection import PROGRAMME_KEYS, ProjectionError, projection
from canbo.optimize.sheet import BadSheet, read_rows
from canbo.people import schema

COLUMNS = (
    schema.Column("nam", schema.INT, True),
    schema.Column("chuong_trinh", schema.ENUM, True, choices=tuple(PROGRAMME_KEYS)),
    schema.Column("so_cho", schema.INT, True),
)


def _year(text: str) -> int:
    try:
        year = int(text)
        check_date_range(dt.date(year, 1, 1))
        check_date_range(dt.date(year, 12, 31))
    except ValueError as exc:
        raise CommandError(_("Năm “%(text)s” không hợp lệ.") % {"text": text}) from exc
    return year


def _places(path) -> list[tuple]:
    """The rows of the sheet; a negative number of places is refused like any bad cell."""
    sheet, rows = read_rows(path, COLUMNS)
    negative = [
        Finding(sheet, number, "so_cho", str(count), _("Số chỗ không được âm."))
        for number, _year, _key, count in rows
        if count < 0
    ]
    if negative:
        raise BadSheet(negative)
    return rows


class Command(BaseCommand):
    help = (
        "Dự báo: chia chỉ tiêu đào tạo, bồi dưỡng từng năm cho cán bộ đủ điều kiện và tính lại rà soát nợ "
        "bằng cuối mỗi năm (SPEC §14)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tu-nam", required=True, help="năm đầu")
        parser.add_argument("--den-nam", required=True, help="năm cuối")
        parser.add_argument(
            "--cho", required=True, metavar="FILE.xlsx", help="bảng tính: nam, chuong_trinh, so_cho"
        )
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **opts):
        first, last = _year(opts["tu_nam"]), _year(opts["den_nam"])
        if last < first:
            raise CommandError(_("Năm cuối “%(text)s” trước năm đầu.") % {"text": opts["den_nam"]})
        try:
            rows = _places(opts["cho"])
        except BadSheet as exc:
            raise CommandError(
                _("Bảng tính chỉ tiêu “%(path)s” không dùng được:\n%(table)s")
                % {"path": opts["cho"], "table": findings_table(exc.findings, limit=50)}
            ) from exc
        seats: dict[tuple[int, str], int] = {}
        for _number, year, key, count in rows:
            seats[(year, key)] = seats.get((year, key), 0) + count
        try:
            result = projection(actor=system_actor(), first=first, last=last, seats=seats)
        except ProjectionError as exc:
            raise CommandError(str(exc)) from exc
        if opts["json"]:
            self.stdout.write(dump(result))
            return
        for item in result["nam"]:
            self.stdout.write(_("Năm %(year)s") % {"year": item["nam"]})
            figures = {key: (v["tong"] if isinstance(v, dict) else v) for key, v in item["ra_soat"].items()}
            self.stdout.write(
                table(
                    [_("Mã"), _("Số người")],
                    [[key, n] for key, n in item["hoc_vien"].items()]
                    + [[key, n] for key, n in figures.items()],
                )
            )
