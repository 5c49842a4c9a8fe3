"""Lockout after failed sign-ins, with django-axes (docs/decisions.md, "Account security").

django-axes counts the failures of a name from an address (AXES_LOCKOUT_PARAMETERS) and refuses
that pair for the cool-off once they reach AXES_FAILURE_LIMIT. `LockoutHandler` adds a limit per
address whatever the names tried (CANBO_LOCKOUT_ADDRESS_FAILURES, higher: an office signs in from
one address). A success clears the failures of that name from that address only, so signing in
to one's own account does not clear the count of the names one tried. Attempts made while
locked are refused without being counted: the lock ends a cool-off after the failure that set
it. Each new lock is written to the change log; the sign-in page says until when, and whom to
call (`locked_out_response`).
"""

import datetime as dt
from dataclasses import dataclass

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render

from canbo.accounts.forms import SignInForm
from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record


@dataclass(frozen=True)
class Lockout:
    username: str
    by_address: bool  # every name from the address is locked, not only this one
    failures: int
    until: dt.datetime
    minutes: int


def _recent_from_address(request):
    return AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_of(request, credentials) -> Lockout:
    """The lock the request ran into: by name and address, or by address; and when it ends."""
    username = get_client_username(request, credentials) or ""
    attempts = _recent_from_address(request)
    by_address = _failures(attempts) >= settings.CANBO_LOCKOUT_ADDRESS_FAILURES
    if not by_address:
        attempts = attempts.filter(username=username)
    last = attempts.aggregate(last=Max("attempt_time"))["last"] or request.axes_attempt_time
    cool_off = get_cool_off(request)
    return Lockout(username=username, by_address=by_address, failures=_failures(attempts),
                   until=last + cool_off, minutes=round(cool_off.total_seconds() / 60))


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures of the name from the address, or the limit once the address reached its own."""
        by_name = super().get_failures(request, credentials)
        if _failures(_recent_from_address(request)) >= settings.CANBO_LOCKOUT_ADDRESS_FAILURES:
            return max(by_name, settings.AXES_FAILURE_LIMIT)
        return by_name

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # The backend flags an attempt that arrives while locked; only a new lock is recorded.
        arrived_locked = getattr(request, "axes_locked_out", False)
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or arrived_locked or not request.axes_locked_out:
            return
        lockout = lockout_of(request, credentials)
        audit_record(
            actor=system_actor(), action=AuditAction.ACCOUNT_LOCKED,
            obj=User.objects.filter(username=lockout.username).first(),
            data={"ten": lockout.username, "so_lan": lockout.failures,
                  "theo": "dia_chi" if lockout.by_address else "ten", "den": lockout.until.isoformat()},
        )


def locked_out_response(request, original_response, credentials):
    """The sign-in page, saying until when signing in is locked and whom to call (HTTP 429)."""
    lockout = lockout_of(request, credentials)
    context = {
        "form": SignInForm(request, initial={"username": lockout.username}),
        "next": request.POST.get("next", request.GET.get("next", "")),
        "lockout": lockout,
        "support_contact": settings.CANBO_SUPPORT_CONTACT,
    }
    return render(request, "accounts/sign_in.html", context, status=429)
