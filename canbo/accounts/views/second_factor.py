"""The second step of signing in (a code from the authenticator app, or a recovery code), setting
up the app, and the recovery codes shown once (`canbo.accounts.second_factor`)."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from canbo.accounts.decorators import requires
from canbo.accounts.forms import CodeForm
from canbo.accounts.second_factor import (
    RECOVERY_CODES,
    authenticator_of,
    enrolment_device,
    enrolment_of,
    recovery_codes_left,
    second_factor_check,
    second_factor_enrol,
    second_factor_pending,
    second_factor_required,
)
from canbo.core.capabilities import Action

# The recovery codes of a new set-up, kept in the session until the page that shows them once.
NEW_CODES = "canbo_recovery_codes"


def _next(request) -> str:
    """Where to go once the step is done: the page of canbo asked for before it (a path), or home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:home")


def _with_next(url_name: str, request) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': _next(request)})}"


def _refusal(check, wrong: str) -> str:
    """Why a code was refused: too many wrong codes (until when), or this one is wrong."""
    if check.wait_until is not None:
        return _("Đã nhập sai nhiều lần. Thử lại sau %(time)s.") % {
            "time": timezone.localtime(check.wait_until).strftime("%H:%M:%S")}
    return wrong


@requires(Action.OWN_ACCOUNT)
def second_factor(request):
    if not second_factor_pending(request):
        return redirect(_next(request))
    if authenticator_of(request.user) is None:
        return redirect(_with_next("accounts:second_factor_setup", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = second_factor_check(actor=request.user, code=form.cleaned_data["code"])
        if check.device is not None:
            otp_login(request, check.device)
            return redirect(_next(request))
        form.add_error("code", _refusal(check, _("Mã không đúng. Nhập 6 chữ số đang hiện trong ứng dụng xác "
                                                 "thực, hoặc một mã dự phòng chưa dùng.")))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next(request)})


@never_cache
@requires(Action.OWN_ACCOUNT)
def second_factor_setup(request):
    user = request.user
    authenticator = authenticator_of(user)
    if authenticator is not None:
        if second_factor_pending(request):
            return redirect(_with_next("accounts:second_factor", request))
        return render(request, "accounts/second_factor_status.html", {
            "authenticator": authenticator, "codes_left": recovery_codes_left(user),
            "required": second_factor_required(user), "crumbs": [(_("Xác thực hai bước"), "")],
        })
    device = enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check, codes = second_factor_enrol(actor=user, device=device, code=form.cleaned_data["code"])
        if check.device is not None:
            otp_login(request, device)
            request.session[NEW_CODES] = codes
            return redirect(_with_next("accounts:recovery_codes", request))
        form.add_error("code", _refusal(check, _(
            "Mã không đúng. Nhập 6 chữ số đang hiện trong ứng dụng xác thực (mã đổi sau mỗi 30 giây).")))
    return render(request, "accounts/second_factor_setup.html", {
        "enrolment": enrolment_of(device), "form": form, "next": _next(request),
        "required": second_factor_required(user), "crumbs": [(_("Xác thực hai bước"), "")],
    })


@never_cache
@requires(Action.OWN_ACCOUNT)
def recovery_codes(request):
    return render(request, "accounts/recovery_codes.html", {
        "codes": request.session.pop(NEW_CODES, None), "total": RECOVERY_CODES,
        "codes_left": recovery_codes_left(request.user), "next": _next(request),
        "crumbs": [(_("Xác thực hai bước"), reverse("accounts:second_factor_setup")), (_("Mã dự phòng"), "")],
    })
