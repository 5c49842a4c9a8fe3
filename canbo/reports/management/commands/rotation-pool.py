from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.reports.management.commands._common import as_of_arg, parse_as_of
from canbo.reports.selectors import rotation_pool
from canbo.rules.verdicts import EXCLUSION_LABELS


class Command(BaseCommand):
    help = "Nguồn cán bộ luân chuyển tại một ngày: đủ điều kiện và bị loại trừ, có lý do (R1, R2)."

    def add_arguments(self, parser):
        as_of_arg(parser)

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        pool = rotation_pool(actor=system_actor(), as_of=as_of)
        if opts["json"]:
            self.stdout.write(dump({"du_dieu_kien": pool["du_dieu_kien"], "loai_tru": pool["loai_tru"]}))
            return
        self.stdout.write(
            _("Nguồn luân chuyển ngày %(day)s: %(ok)s đủ điều kiện, %(out)s bị loại trừ")
            % {
                "day": as_of.strftime("%d/%m/%Y"),
                "ok": len(pool["du_dieu_kien"]),
                "out": len(pool["loai_tru"]),
            }
        )
        rows = [[code, _("đủ điều kiện")] for code in pool["du_dieu_kien"]]
        rows += [
            [item["ma"], _("loại trừ: ") + ", ".join(str(EXCLUSION_LABELS[r]) for r in item["ly_do"])]
            for item in pool["loai_tru"]
        ]
        if rows:
            self.stdout.write(table([_("Mã cán bộ"), _("Kết luận")], rows))
