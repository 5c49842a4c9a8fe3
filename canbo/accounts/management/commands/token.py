from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import MAX_DAYS, active_token_by_prefix, api_token_create, api_token_revoke
from canbo.core.errors import DomainError


class Command(BaseCommand):
    help = _("Cấp một khóa API mới cho người dùng và in khóa ra một lần duy nhất; hoặc thu hồi một khóa "
             "theo đầu khóa (--revoke).")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--label", default="", help=_("Ghi chú cho khóa (để phân biệt)."))
        parser.add_argument("--days", type=int, default=None,
                            help=_("Thời hạn của khóa, từ 1 đến %(max)s ngày (mặc định CANBO_API_KEY_DAYS).")
                            % {"max": MAX_DAYS})
        parser.add_argument("--revoke", metavar="PREFIX",
                            help=_("Thu hồi khóa đang dùng có đầu khóa này (8 ký tự đầu của khóa)."))

    def handle(self, *args, username, label, days, revoke, **options):
        if revoke is not None:
            if username:
                raise CommandError(_("Thu hồi khóa theo đầu khóa (--revoke) thì không ghi tên người dùng."))
            try:
                token = active_token_by_prefix(revoke)
            except DomainError as exc:
                raise CommandError(exc.message) from exc
            api_token_revoke(actor=system_actor(), token=token)
            self.stdout.write(_("Đã thu hồi khóa %(prefix)s… của %(user)s.") % {
                "prefix": token.prefix, "user": token.user.username})
            return
        if not username:
            raise CommandError(_("Ghi tên người dùng cần cấp khóa, hoặc --revoke ĐẦU_KHÓA để thu hồi."))
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng đang hoạt động tên “%(u)s”.") % {"u": username})
        try:
            token, key = api_token_create(actor=system_actor(), user=user, label=label, days=days)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(key)
        self.stderr.write(_("Lưu khóa này ngay: canbo không lưu và không hiển thị lại. Khóa hết hạn lúc "
                            "%(at)s. Dùng trong tiêu đề: Authorization: Bearer <khóa>")
                          % {"at": timezone.localtime(token.expires_at).strftime("%H:%M %d/%m/%Y")})
