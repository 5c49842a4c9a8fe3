from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.core.errors import NotFound
from canbo.people.selectors import cadre_get
from canbo.reports.management.commands._common import as_of_arg, parse_as_of
from canbo.reports.selectors import eligibility
from canbo.rules.verdicts import PRIORITY_LABELS, PROGRAMMES_BY_KEY


class Command(BaseCommand):
    help = "Các chương trình đào tạo, bồi dưỡng một cán bộ thuộc đối tượng tại một ngày (SPEC §9)."

    def add_arguments(self, parser):
        parser.add_argument("--cadre", required=True, help="mã cán bộ")
        as_of_arg(parser)

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        try:
            cadre = cadre_get(actor=system_actor(), code=opts["cadre"], as_of=as_of)
        except NotFound as exc:
            raise CommandError(_("Không có cán bộ mã “%(code)s”.") % {"code": opts["cadre"]}) from exc
        result = eligibility(cadre=cadre, as_of=as_of)
        if opts["json"]:
            self.stdout.write(dump(result))
            return
        self.stdout.write(
            _("%(name)s (%(code)s), ngày %(day)s")
            % {"name": cadre.full_name, "code": cadre.code, "day": as_of.strftime("%d/%m/%Y")}
        )
        if not result["chuong_trinh"]:
            self.stdout.write(_("Không thuộc đối tượng chương trình nào."))
            return
        modes = {"tap_trung": _("tập trung"), "tai_chuc": _("tại chức"), None: ""}
        rows = [
            [
                item["ma"],
                str(PROGRAMMES_BY_KEY[item["ma"]].title),
                modes[item["hinh_thuc"]],
                ", ".join(str(PRIORITY_LABELS[code]) for code in item["uu_tien"]),
                item["can_cu"],
            ]
            for item in result["chuong_trinh"]
        ]
        self.stdout.write(
            table([_("Mã"), _("Chương trình"), _("Hình thức"), _("Ưu tiên"), _("Căn cứ")], rows)
        )
