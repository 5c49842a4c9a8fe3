import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.templatetags.canbo import num


class Command(BaseCommand):
    help = _(
        "Khôi phục dữ liệu từ một tệp của `canbo backup`: xoá mọi bảng và tệp đính kèm rồi nạp lại từ "
        "tệp, tất cả hoặc không gì cả. Cần cùng lược đồ (chạy `canbo migrate` trước)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp sao lưu"))
        parser.add_argument(
            "--yes", action="store_true",
            help=_("đồng ý xoá dữ liệu đang có trong cơ sở dữ liệu để thay bằng dữ liệu của tệp"),
        )

    def handle(self, *args, **opts):
        from canbo.accounts.system import system_actor
        from canbo.ops.errors import BackupError
        from canbo.ops.services import backup_restore

        try:
            summary = backup_restore(actor=system_actor(), path=Path(opts["file"]), replace_data=opts["yes"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        made_at = timezone.localtime(dt.datetime.fromisoformat(summary.made_at))
        self.stdout.write(self.style.SUCCESS(
            _("Đã khôi phục %(rows)s dòng của %(tables)s bảng và %(files)s tệp đính kèm từ bản sao lưu lúc "
              "%(at)s (canbo %(version)s).") % {
                "rows": num(summary.rows), "tables": summary.tables, "files": num(summary.files),
                "at": made_at.strftime("%d/%m/%Y %H:%M"), "version": summary.made_by,
            }
        ))
