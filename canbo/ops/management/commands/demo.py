import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.exchange.demo.build import DEFAULT_SEED, DEFAULT_SIZE, demo_workbook
from canbo.exchange.demo.users import demo_mark, is_demo
from canbo.exchange.findings import findings_table
from canbo.exchange.progress import ProgressBar, format_count
from canbo.exchange.schema import SHEETS
from canbo.exchange.services import workbook_import
from canbo.ops.demo_rotation import rotation_history
from canbo.ops.demo_training import training_history
from canbo.people.models import Cadre


class Command(BaseCommand):
    help = _(
        "Tạo dữ liệu mẫu một tỉnh (theo cơ cấu Lâm Đồng năm 2017), nạp qua đúng đường nhập tệp XLSX, "
        "tạo các tài khoản dùng thử, rồi lập qua các nghiệp vụ kế hoạch, khóa học 2017–2019 và các đề xuất "
        "luân chuyển. Không chạy trên cơ sở dữ liệu có dữ liệu khác, "
        "trừ khi dùng --replace."
    )

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
            "--replace",
            action="store_true",
            help=_("XOÁ toàn bộ dữ liệu tỉnh hiện có (kể cả dữ liệu thật) rồi nạp dữ liệu mẫu"),
        )

    def handle(self, *args, **opts):
        if opts["size"] < 1:
            raise CommandError(_("Số cán bộ phải lớn hơn 0."))
        cadres = Cadre.objects.count()
        if cadres and not opts["replace"]:
            if not is_demo():
                raise CommandError(
                    _(
                        "Cơ sở dữ liệu đang có dữ liệu tỉnh không phải dữ liệu mẫu (%s cán bộ): canbo demo "
                        "không nạp dữ liệu mẫu và không tạo tài khoản dùng thử trên đó. Nếu muốn XOÁ toàn "
                        "bộ dữ liệu tỉnh này và thay bằng dữ liệu mẫu, chạy lại với --replace."
                    )
                    % format_count(cadres)
                )
            self.stdout.write(
                _(
                    "Cơ sở dữ liệu đã có dữ liệu mẫu (%s cán bộ): giữ nguyên, không tạo lại. "
                    "Dùng --replace để tạo lại."
                )
                % format_count(cadres)
            )
            self._print_logins()
            return
        if cadres and not is_demo():
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "CẢNH BÁO: --replace XOÁ toàn bộ dữ liệu tỉnh hiện có (%s cán bộ, không phải dữ liệu "
                        "mẫu) và thay bằng dữ liệu mẫu. Các tài khoản hiện có được giữ."
                    )
                    % format_count(cadres)
                )
            )
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(opts["out"] or Path(folder) / "canbo-demo.xlsx")
            counts, trained = demo_workbook(path, size=opts["size"], seed=opts["seed"])
            self.stdout.write(
                _("Đã tạo tệp mẫu %(file)s (%(n)s cán bộ) trong %(s).1f giây.")
                % {
                    "file": path if opts["out"] else path.name,
                    "n": format_count(counts["can_bo"]),
                    "s": time.monotonic() - started,
                }
            )
            left = self._load(path, trained, opts)
        self.stdout.write(
            self.style.SUCCESS(_("Đã nạp dữ liệu mẫu trong %.1f giây.") % (time.monotonic() - started))
        )
        for username in left:
            self.stdout.write(
                _(
                    "Tài khoản %s đã có và không phải tài khoản dùng thử: giữ nguyên, "
                    "không dùng làm tài khoản mẫu."
                )
                % username
            )
        self._print_logins()

    def _load(self, path: Path, trained: list, opts) -> list[str]:
        """Import the demo workbook, mark the database as the demo, then make the history the workbook
        does not carry (plans and courses, proposals and evaluations) through the services, in one
        transaction."""
        actor = system_actor()
        progress = ProgressBar(total_steps=2 * len(SHEETS), stream=self.stderr._out)
        with transaction.atomic():
            result = workbook_import(actor=actor, path=path, replace=opts["replace"], progress=progress)
            progress.finish()
            if not result.ok:
                self.stderr.write(findings_table(result.errors, limit=50))
                raise CommandError(
                    _("Không nạp được dữ liệu mẫu (cơ sở dữ liệu đã có dữ liệu? dùng --replace).")
                )
            for name, count in result.counts.items():
                self.stdout.write(f"  {name:<12} {format_count(count):>10}")
            left = demo_mark(actor=actor, seed=opts["seed"], size=opts["size"])
            started = time.monotonic()
            training_history(actor=actor, trained=trained)
            rotation_history(actor=actor, seed=opts["seed"])
            self.stdout.write(_("Đã lập kế hoạch, khóa học và đề xuất luân chuyển mẫu trong %.1f giây.")
                              % (time.monotonic() - started))
            return left

    def _print_logins(self):
        self.stdout.write(_("Tài khoản dùng thử:"))
        call_command("logins", stdout=self.stdout._out)
