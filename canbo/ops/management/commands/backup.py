from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.core.templatetags.canbo import num


class Command(BaseCommand):
    help = _(
        "Sao lưu toàn bộ dữ liệu của canbo (mọi bảng, nhật ký thay đổi, tệp đính kèm) vào một tệp .zip "
        "mới, chỉ người sở hữu được đọc. Khôi phục bằng `canbo restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help=_("tệp sao lưu sẽ tạo, ví dụ /var/backups/canbo/canbo-2026-06-30.zip")
        )

    def handle(self, *args, **opts):
        from canbo.accounts.system import system_actor
        from canbo.ops.errors import BackupError
        from canbo.ops.services import backup_create

        try:
            summary = backup_create(actor=system_actor(), path=Path(opts["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            _("Đã sao lưu %(rows)s dòng của %(tables)s bảng và %(files)s tệp đính kèm vào %(file)s "
              "(%(size)s byte, SHA-256 %(sha256)s).") % {
                "rows": num(summary.rows), "tables": summary.tables, "files": num(summary.files),
                "file": summary.path, "size": num(summary.size), "sha256": summary.sha256,
            }
        ))
