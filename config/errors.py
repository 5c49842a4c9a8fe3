"""Error answers outside the views: under /api/ JSON `{"detail": message}`, like the API's own
errors (config/api.py), whatever went wrong — an unknown address, a bad request, a failure;
elsewhere Django's answers with canbo's pages (templates 400, 403, 404, 500)."""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def bad_request(request, exception):
    if _is_api(request):
        # canbo's own refusals (BadRequest) say why; Django's (SuspiciousOperation) stay unsaid.
        said = str(exception) if isinstance(exception, BadRequest) else ""
        return JsonResponse({"detail": said or _("Yêu cầu không hợp lệ.")}, status=400)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    if _is_api(request):
        message = _("API không có địa chỉ %(path)s.") % {"path": request.path}
        return JsonResponse({"detail": message}, status=404)
    if isinstance(exception, Resolver404):  # its text is the resolver's internals: say what was asked
        return render(request, "404.html", {"unknown_address": request.path}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": _("Lỗi máy chủ; lỗi đã được ghi lại, hãy thử lại sau.")}, status=500)
    return defaults.server_error(request)
