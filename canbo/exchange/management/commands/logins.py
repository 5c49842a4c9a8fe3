from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.models import Role
from canbo.exchange.demo.users import demo_logins


class Command(BaseCommand):
    help = _("In bảng đăng nhập các tài khoản dùng thử, chỉ khi cơ sở dữ liệu là dữ liệu mẫu (canbo demo).")

    def handle(self, *args, **options):
        logins = demo_logins()
        if logins is None:
            self.stdout.write(
                _("Cơ sở dữ liệu này không phải dữ liệu mẫu (canbo demo): không có tài khoản dùng thử để in.")
            )
            return
        roles = dict(Role.choices)
        rows = [(_("Tên đăng nhập"), _("Mật khẩu"), _("Vai trò"), _("Phạm vi"))]
        rows += [
            (item["username"], item["password"], str(roles.get(item["role"], item["role"])), item["scope"])
            for item in logins
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        line = "+".join("-" * (w + 2) for w in widths)
        self.stdout.write(f"+{line}+")
        for index, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("| " + " | ".join(cells) + " |")
            if index == 0:
                self.stdout.write(f"+{line}+")
        self.stdout.write(f"+{line}+")
