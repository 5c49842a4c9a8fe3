from contextlib import closing

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.audit.chain import chain_break
from canbo.audit.models import AuditEvent
from canbo.core.templatetags.canbo import num


class Command(BaseCommand):
    help = _("Nhật ký thay đổi: `canbo audit verify` kiểm tra chuỗi mã băm của mọi sự kiện.")

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        commands.add_parser(
            "verify", help=_("tính lại chuỗi mã băm; báo mắt xích hỏng đầu tiên (mã thoát 1) nếu có")
        )

    def handle(self, *args, **opts):
        # Closed even when the walk stops early, so PostgreSQL's server-side cursor ends with it.
        with closing(AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)) as events:
            count, broken = chain_break(events)
        if broken is None:
            self.stdout.write(self.style.SUCCESS(
                _("Nhật ký nguyên vẹn: %(n)s sự kiện, chuỗi mã băm khớp.") % {"n": num(count)}
            ))
            return
        reasons = {
            "missing": _("thiếu sự kiện số %(expected)s (sự kiện tiếp theo mang số %(found)s)"),
            "hash": _("nội dung đã bị sửa: mã băm tính lại %(expected)s, mã băm lưu %(found)s"),
            "prev_hash": _("mắt xích bị thay: mã băm sự kiện trước là %(expected)s, sự kiện ghi %(found)s"),
        }
        reason = reasons[broken.kind] % {"expected": broken.expected, "found": broken.found}
        raise CommandError(
            _("Nhật ký bị phá tại sự kiện số %(seq)s: %(reason)s.") % {"seq": broken.seq, "reason": reason},
            returncode=1,
        )
