from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.reports.management.commands._common import as_of_arg, parse_as_of, unit_of
from canbo.rotation.selectors import vacancy_list
from canbo.rules.proposals import vacancies_json


class Command(BaseCommand):
    help = "Vị trí khuyết tại một ngày: số lượng, số người đang giữ, số khuyết (SPEC §10, D2)."

    def add_arguments(self, parser):
        as_of_arg(parser)
        parser.add_argument("--unit", help="mã đơn vị: chỉ các đơn vị thuộc cây của đơn vị này")
        parser.add_argument("--key-only", action="store_true", help="chỉ chức danh chủ chốt")

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        actor = system_actor()
        unit = unit_of(actor, opts["unit"])
        rows = vacancy_list(actor=actor, as_of=as_of, unit=unit, key_only=opts["key_only"])
        if opts["json"]:
            self.stdout.write(dump(vacancies_json(rows)))
            return
        self.stdout.write(
            _("Vị trí khuyết ngày %(day)s: %(n)s") % {"day": as_of.strftime("%d/%m/%Y"), "n": len(rows)}
        )
        if rows:
            self.stdout.write(
                table(
                    [_("Đơn vị"), _("Chức danh"), _("Số lượng"), _("Đang giữ"), _("Khuyết")],
                    [
                        [
                            r["unit_name"],
                            r["type_name"],
                            r["target_seats"],
                            r["target_holders"],
                            r["target_vacancy"],
                        ]
                        for r in rows
                    ],
                )
            )
