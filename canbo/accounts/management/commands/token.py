from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create


class Command(BaseCommand):
    help = _("Cấp một khóa API mới cho người dùng và in khóa ra một lần duy nhất.")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--label", default="", help=_("Ghi chú cho khóa (để phân biệt)."))

    def handle(self, *args, username, label, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng đang hoạt động tên “%(u)s”.") % {"u": username})
        _token, key = api_token_create(actor=system_actor(), user=user, label=label)
        self.stdout.write(key)
        self.stderr.write(_("Lưu khóa này ngay: canbo không lưu và không hiển thị lại. "
                            "Dùng trong tiêu đề: Authorization: Bearer <khóa>"))
