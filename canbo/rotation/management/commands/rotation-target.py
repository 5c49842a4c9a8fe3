from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.reports.management.commands._common import parse_as_of
from canbo.rotation.target import DIRECTIONS, rotation_target, target_json


class Command(BaseCommand):
    help = "Tỷ lệ luân chuyển trong một giai đoạn theo hai chiều (SPEC §12, R4)."

    def add_arguments(self, parser):
        parser.add_argument("--tu-ngay", required=True, help="ngày đầu giai đoạn: YYYY-MM-DD hoặc dd/mm/yyyy")
        parser.add_argument(
            "--den-ngay", required=True, help="ngày cuối giai đoạn: YYYY-MM-DD hoặc dd/mm/yyyy"
        )
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **opts):
        start, end = parse_as_of(opts["tu_ngay"]), parse_as_of(opts["den_ngay"])
        if end < start:
            raise CommandError(
                _("--den-ngay %(end)s trước --tu-ngay %(start)s.")
                % {"end": opts["den_ngay"], "start": opts["tu_ngay"]}
            )
        result = rotation_target(actor=system_actor(), start=start, end=end)
        if opts["json"]:
            self.stdout.write(dump(target_json(result)))
            return
        self.stdout.write(
            table(
                [_("Chiều"), _("Cơ sở"), _("Đã luân chuyển"), _("Tỷ lệ (%)"), _("Chỉ tiêu (%)"), _("Đạt")],
                [
                    [
                        d.label,
                        r["co_so"],
                        r["da_luan_chuyen"],
                        r["ty_le"],
                        r["chi_tieu"],
                        _("đạt") if r["dat"] else _("chưa đạt"),
                    ]
                    for d in DIRECTIONS
                    for r in [result[d.key]]
                ],
            )
        )
