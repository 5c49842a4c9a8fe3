"""A session that signed in with a password but still owes its second factor reaches nothing but
the pages of that step, sign-out and the language switch: a page sends it to the step, the API
answers 401 (`canbo.accounts.second_factor`). API keys are separate: a request with a key and no
session is not a session's."""

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.second_factor import second_factor_pending

OPEN_WHILE_PENDING = frozenset({
    "accounts:second_factor", "accounts:second_factor_setup", "accounts:recovery_codes", "accounts:logout",
    "set_language",
})


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.second_factor_pending = second_factor_pending(request)
        if not request.second_factor_pending or request.resolver_match.view_name in OPEN_WHILE_PENDING:
            return None
        if request.path.startswith(reverse("api:api-root")):
            return JsonResponse(
                {"detail": _("Phiên làm việc chưa xác thực hai bước: nhập mã xác thực trên trang đăng nhập "
                             "của canbo trước.")},
                status=401,
            )
        return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
