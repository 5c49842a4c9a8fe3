"""The second step of signing in (a code from the authenticator app, or a recovery code), setting
up the app, and the recovery codes shown once (`canbo.accounts.second_factor`)."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from canbo.accounts.decorators import requires
from canbo.accounts.forms import CodeForm
from canbo.accounts.second_factor import (
    RECOVERY_CODES,
    authenticator_of,
    authenticator_replace_start,
    enrolment_device,
    enrolment_of,
    recovery_codes_left,
    recovery_codes_renew,
    second_factor_check,
    second_factor_enrol,
    second_factor_pending,
    second_factor_required,
)
from canbo.core.capabilities import Action

# The recovery codes of a new set-up, kept in the session until the page that shows them once.
NEW_CODES = "canbo_recovery_codes"
# Set once the user proved with their current app that they move the second factor to another one.
REPLACING = "canbo_replacing_authenticator"
WRONG_CODE = _("Mã không đúng. Nhập 6 chữ số đang hiện trong ứng dụng xác thực (mã đổi sau mỗi 30 giây).")


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


def _status(request, authenticator, **forms):
    """The second factor in use, with the forms to renew the recovery codes and to change the app."""
    return render(request, "accounts/second_factor_status.html", {
        "authenticator": authenticator, "codes_left": recovery_codes_left(request.user),
        "required": second_factor_required(request.user), "crumbs": [(_("Xác thực hai bước"), "")],
        "renew_form": forms.get("renew_form") or CodeForm(prefix="tao_lai", autofocus=False),
        "replace_form": forms.get("replace_form") or CodeForm(prefix="doi", autofocus=False),
    })


@never_cache
@requires(Action.OWN_ACCOUNT)
def second_factor_setup(request):
    user = request.user
    authenticator = authenticator_of(user)
    if authenticator is not None and second_factor_pending(request):
        return redirect(_with_next("accounts:second_factor", request))
    if authenticator is not None and not request.session.get(REPLACING):
        return _status(request, authenticator)
    device = enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check, codes = second_factor_enrol(actor=user, device=device, code=form.cleaned_data["code"])
        if check.device is not None:
            otp_login(request, device)
            request.session.pop(REPLACING, None)
            request.session[NEW_CODES] = codes
            return redirect(_with_next("accounts:recovery_codes", request))
        form.add_error("code", _refusal(check, WRONG_CODE))
    return render(request, "accounts/second_factor_setup.html", {
        "enrolment": enrolment_of(device), "form": form, "next": _next(request),
        "required": second_factor_required(user), "replacing": authenticator is not None,
        "crumbs": [(_("Xác thực hai bước"), "")],
    })


def _proved_change(request, prefix: str, form_key: str, change):
    """A change of the second factor in use, proved with a code from its app: `change(code)` makes it
    and returns the check and the page to go to once it is made."""
    authenticator = authenticator_of(request.user)
    if authenticator is None or second_factor_pending(request):
        return redirect("accounts:second_factor_setup")
    form = CodeForm(request.POST, prefix=prefix, autofocus=False)
    if form.is_valid():
        check, then = change(form.cleaned_data["code"])
        if check.device is not None:
            return redirect(then)
        form.add_error("code", _refusal(check, WRONG_CODE))
    return _status(request, authenticator, **{form_key: form})


@require_POST
@requires(Action.OWN_ACCOUNT)
def recovery_codes_new(request):
    """New recovery codes in place of the old ones, proved with a code from the app."""

    def renew(code):
        check, codes = recovery_codes_renew(actor=request.user, code=code)
        if codes:
            request.session[NEW_CODES] = codes
        return check, "accounts:recovery_codes"

    return _proved_change(request, "tao_lai", "renew_form", renew)


@require_POST
@requires(Action.OWN_ACCOUNT)
def authenticator_replace(request):
    """Moves the second factor to another app: proved with a code from the current one, then the new
    one is set up as the first was; the current app works until the new one is confirmed."""

    def start(code):
        check = authenticator_replace_start(actor=request.user, code=code)
        if check.device is not None:
            request.session[REPLACING] = True
        return check, "accounts:second_factor_setup"

    return _proved_change(request, "doi", "replace_form", start)


@never_cache
@requires(Action.OWN_ACCOUNT)
def recovery_codes(request):
    return render(request, "accounts/recovery_codes.html", {
        "codes": request.session.pop(NEW_CODES, None), "total": RECOVERY_CODES,
        "codes_left": recovery_codes_left(request.user), "next": _next(request),
        "crumbs": [(_("Xác thực hai bước"), reverse("accounts:second_factor_setup")), (_("Mã dự phòng"), "")],
    })
