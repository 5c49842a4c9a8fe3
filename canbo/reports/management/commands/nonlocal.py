from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.reports.management.commands._common import as_of_arg, parse_as_of
from canbo.reports.selectors import non_local, non_local_json


class Command(BaseCommand):
    help = "Chức danh không bố trí người địa phương đang do người địa phương đảm nhiệm (N1)."

    def add_arguments(self, parser):
        as_of_arg(parser)

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        items = non_local(actor=system_actor(), as_of=as_of)
        if opts["json"]:
            self.stdout.write(dump(non_local_json(items)))
            return
        self.stdout.write(
            _("Vi phạm quy định không là người địa phương ngày %(day)s: %(n)s")
            % {"day": as_of.strftime("%d/%m/%Y"), "n": len(items)}
        )
        if items:
            self.stdout.write(
                table(
                    [_("Mã cán bộ"), _("Họ tên"), _("Chức danh"), _("Đơn vị"), _("Quê quán")],
                    [
                        [
                            h.cadre.code,
                            h.cadre.full_name,
                            h.position_type.name,
                            h.unit.name,
                            h.cadre.hometown.name,
                        ]
                        for h in items
                    ],
                )
            )
