from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.models import User
from canbo.accounts.second_factor import second_factor_reset
from canbo.accounts.system import system_actor


class Command(BaseCommand):
    help = _("Đặt lại xác thực hai bước của một người dùng (mất điện thoại và mã dự phòng): lần đăng nhập "
             "sau, người đó thiết lập lại ứng dụng xác thực. Dùng khi không còn người quản trị nào vào được "
             "trang quản trị.")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Không có người dùng tên “%(u)s”.") % {"u": username})
        removed = second_factor_reset(actor=system_actor(), user=user)
        self.stdout.write(_("Đã đặt lại xác thực hai bước của %(u)s (%(n)s thiết bị).")
                          % {"u": username, "n": removed})
