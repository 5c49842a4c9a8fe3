from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.exchange.findings import findings_table
from canbo.exchange.progress import ProgressBar, format_count
from canbo.exchange.services import province_record_counts, workbook_import
from canbo.people.schema import SHEETS

SHOWN_ERRORS = 200


class Command(BaseCommand):
    help = _("Nhập dữ liệu cả tỉnh từ tệp XLSX theo mẫu trao đổi (tệp có lỗi thì không nhập gì).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp .xlsx theo mẫu"))
        parser.add_argument("--dry-run", action="store_true", help=_("chỉ kiểm tra, không ghi"))
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("xoá toàn bộ dữ liệu tỉnh hiện có rồi nhập tệp này (trong cùng một giao dịch)"),
        )
        parser.add_argument("--user", help=_("tên đăng nhập của người thực hiện, ghi vào nhật ký"))
        parser.add_argument(
            "--all-errors", action="store_true", help=_("in hết mọi lỗi thay vì %s lỗi đầu") % SHOWN_ERRORS
        )

    def handle(self, *args, **opts):
        actor = system_actor()
        if opts["user"]:
            actor = User.objects.filter(username=opts["user"]).first()
            if actor is None:
                raise CommandError(_("Không có người dùng “%s”.") % opts["user"])
        if opts["replace"] and not opts["dry_run"]:
            existing = {k: v for k, v in province_record_counts().items() if v}
            if existing:
                self.stderr.write(
                    self.style.WARNING(
                        _(
                            "CẢNH BÁO: --replace sẽ xoá toàn bộ dữ liệu tỉnh hiện có: %s. "
                            "Nếu tệp có lỗi thì không xoá gì."
                        )
                        % ", ".join(f"{k} {format_count(v)}" for k, v in existing.items())
                    )
                )
        progress = ProgressBar(total_steps=2 * len(SHEETS) + 1, stream=self.stderr._out)
        result = workbook_import(
            actor=actor,
            path=opts["file"],
            dry_run=opts["dry_run"],
            replace=opts["replace"],
            progress=progress,
        )
        progress.finish()
        if result.warnings:
            self.stderr.write(self.style.WARNING(_("Cảnh báo (%s):") % len(result.warnings)))
            self.stderr.write(findings_table(result.warnings))
        if result.errors:
            limit = None if opts["all_errors"] else SHOWN_ERRORS
            self.stderr.write(
                self.style.ERROR(_("Tệp có %s lỗi, không nhập dòng nào:") % format_count(len(result.errors)))
            )
            self.stderr.write(findings_table(result.errors, limit=limit))
            raise CommandError(_("Không nhập: hãy sửa các lỗi trên rồi nhập lại."), returncode=1)
        for name, count in result.counts.items():
            self.stdout.write(f"  {name:<12} {format_count(count):>10}")
        if opts["dry_run"]:
            self.stdout.write(self.style.SUCCESS(_("Tệp hợp lệ (chạy thử, chưa ghi gì).")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Đã nhập xong %s.") % result.path))
