from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.reports.management.commands._common import as_of_arg, dump, parse_as_of, table, unit_of
from canbo.reports.selectors import review
from canbo.rules.verdicts import REVIEW


class Command(BaseCommand):
    help = "Rà soát nợ bằng tại một ngày (sáu chỉ số của Kế hoạch, SPEC §8)."

    def add_arguments(self, parser):
        as_of_arg(parser)
        parser.add_argument("--unit", help="mã đơn vị: chỉ tính cán bộ giữ chức vụ trong cây đơn vị này")

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        actor = system_actor()
        unit = unit_of(actor, opts["unit"])
        counts = review(actor=actor, as_of=as_of, unit=unit)
        if opts["json"]:
            self.stdout.write(dump(counts))
            return
        rows = []
        for verdict in REVIEW:
            value = counts[verdict.key]
            if isinstance(value, dict):
                rows.append([verdict.key, str(verdict.title), value["tong"]])
                rows.append(["  bo_nhiem", "  " + _("đã bổ nhiệm"), value["bo_nhiem"]])
                rows.append(["  quy_hoach", "  " + _("quy hoạch"), value["quy_hoach"]])
            else:
                rows.append([verdict.key, str(verdict.title), value])
        scope = (_(", đơn vị %(code)s – %(name)s") % {"code": unit.code, "name": unit.name}) if unit else ""
        self.stdout.write(_("Rà soát ngày %(day)s") % {"day": as_of.strftime("%d/%m/%Y")} + scope)
        self.stdout.write(table([_("Mã"), _("Chỉ số"), _("Số người")], rows))
