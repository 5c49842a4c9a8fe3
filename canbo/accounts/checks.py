"""`canbo check --deploy` warns when the second factor is relaxed (CANBO_2FA_REQUIRED=false)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.utils.translation import gettext as _

SECOND_FACTOR_RELAXED = "canbo.W001"


@register(Tags.security, deploy=True)
def second_factor_required_check(app_configs, **kwargs):
    if settings.CANBO_2FA_REQUIRED:
        return []
    return [Warning(
        _("Xác thực hai bước đang được nới (CANBO_2FA_REQUIRED=false): các vai trò phải dùng mã "
          "xác thực và người quản trị đăng nhập chỉ bằng mật khẩu."),
        hint=_("Bỏ CANBO_2FA_REQUIRED hoặc đặt CANBO_2FA_REQUIRED=true trên máy chủ thật; chỉ bản thử "
               "nghiệm (scripts/start) nới yêu cầu này."),
        id=SECOND_FACTOR_RELAXED,
    )]
