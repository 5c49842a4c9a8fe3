import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.exchange.demo.build import DEFAULT_SEED, DEFAULT_SIZE, demo_workbook
from canbo.exchange.findings import findings_table
from canbo.exchange.progress import ProgressBar, format_count
from canbo.exchange.schema import SHEETS
from canbo.exchange.services import workbook_import
from canbo.people.models import Cadre


class Command(BaseCommand):
    help = _("Tạo dữ liệu mẫu một tỉnh (theo cơ cấu Lâm Đồng năm 2017) và nạp qua đúng đường nhập tệp XLSX.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--size", type=int, default=DEFAULT_SIZE, help=_("số cán bộ (mặc định %s)") % DEFAULT_SIZE
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=_("hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)"),
        )
        parser.add_argument("--out", help=_("giữ lại tệp XLSX đã tạo ở đường dẫn này"))
        parser.add_argument(
            "--replace", action="store_true", help=_("xoá dữ liệu tỉnh hiện có trước khi nạp")
        )

    def handle(self, *args, **opts):
        if opts["size"] < 1:
            raise CommandError(_("Số cán bộ phải lớn hơn 0."))
        if not opts["replace"] and Cadre.objects.exists():
            self.stdout.write(
                _(
                    "Cơ sở dữ liệu đã có dữ liệu tỉnh (%s cán bộ): giữ nguyên, không tạo lại. "
                    "Dùng --replace để tạo lại."
                )
                % format_count(Cadre.objects.count())
            )
            self._print_logins()
            return
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(opts["out"] or Path(folder) / "canbo-demo.xlsx")
            counts = demo_workbook(path, size=opts["size"], seed=opts["seed"])
            self.stdout.write(
                _("Đã tạo tệp mẫu %(file)s (%(n)s cán bộ) trong %(s).1f giây.")
                % {
                    "file": path if opts["out"] else path.name,
                    "n": format_count(counts["can_bo"]),
                    "s": time.monotonic() - started,
                }
            )
            progress = ProgressBar(total_steps=2 * len(SHEETS), stream=self.stderr._out)
            result = workbook_import(
                actor=system_actor(), path=path, replace=opts["replace"], progress=progress
            )
            progress.finish()
        if not result.ok:
            self.stderr.write(findings_table(result.errors, limit=50))
            raise CommandError(_("Không nạp được dữ liệu mẫu (cơ sở dữ liệu đã có dữ liệu? dùng --replace)."))
        for name, count in result.counts.items():
            self.stdout.write(f"  {name:<12} {format_count(count):>10}")
        self.stdout.write(
            self.style.SUCCESS(_("Đã nạp dữ liệu mẫu trong %.1f giây.") % (time.monotonic() - started))
        )
        self._print_logins()

    def _print_logins(self):
        self.stdout.write(_("Tài khoản dùng thử:"))
        call_command("logins", stdout=self.stdout._out)
