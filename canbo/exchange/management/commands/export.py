from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.audit.services import data_exported
from canbo.exchange.export import workbook_export
from canbo.exchange.progress import format_count


class Command(BaseCommand):
    help = _("Xuất dữ liệu cả tỉnh ra tệp XLSX theo mẫu trao đổi (nhập lại được bằng lệnh import).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp .xlsx sẽ ghi"))

    def handle(self, *args, **opts):
        counts = workbook_export(path=opts["file"])
        data_exported(
            system_actor(),
            filename=str(opts["file"]),
            title=_("Dữ liệu cả tỉnh theo mẫu trao đổi"),
            rows=sum(counts.values()),
        )
        for name, count in counts.items():
            self.stdout.write(f"  {name:<12} {format_count(count):>10}")
        self.stdout.write(self.style.SUCCESS(_("Đã xuất %s.") % opts["file"]))
