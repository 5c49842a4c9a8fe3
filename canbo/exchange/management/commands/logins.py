from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.models import Role
from canbo.exchange.demo.users import demo_users_create


class Command(BaseCommand):
    help = _("Tạo các tài khoản thử nghiệm còn thiếu và in bảng đăng nhập.")

    def handle(self, *args, **options):
        logins = demo_users_create()
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
        if not any(item["username"] == "hr_ductrong" for item in logins):
            self.stdout.write(_(
                "Chưa có đơn vị Đức Trọng: nạp dữ liệu (canbo demo) rồi chạy lại để có tài khoản đơn vị."
            ))
