"""The second factor of a sign-in (django-otp): a code from an authenticator app (TOTP), or one of
ten recovery codes given once when the app is set up.

Who must give one: the roles of `canbo.core.capabilities.SECOND_FACTOR_ROLES` and staff, unless
CANBO_2FA_REQUIRED is false (`second_factor_required`); and anyone who set up an app of their
own accord. A session signed in with such a user's password is pending until a code is given:
`canbo.accounts.middleware.SecondFactorMiddleware` lets it reach only the pages of this step and
sign-out.
"""

import base64
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import needs_second_factor

# Whether this session's user gives a second factor, decided at sign-in (`second_factor_on_sign_in`).
SESSION_KEY = "canbo_second_factor"
RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "canbo"
RECOVERY_NAME = "ma_du_phong"


def second_factor_required(user) -> bool:
    return settings.CANBO_2FA_REQUIRED and needs_second_factor(user)


def second_factor_on_sign_in(request, user) -> None:
    """At every sign-in: ask a second factor of this session when it is required or set up."""
    request.session[SESSION_KEY] = second_factor_required(user) or user_has_device(user)


def second_factor_pending(request) -> bool:
    """Whether the signed-in session still owes its second factor."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return bool(request.session.get(SESSION_KEY)) or second_factor_required(user)


def authenticator_of(user) -> TOTPDevice | None:
    """The user's authenticator app, once confirmed with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def enrolment_device(user) -> TOTPDevice:
    """The authenticator being set up: a secret kept unconfirmed until a code from the app proves
    it was copied; the same one on every visit until then."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@dataclass(frozen=True)
class Enrolment:
    qr_svg: str  # the otpauth:// address as an inline SVG QR code
    secret: str  # the same secret in base32, in groups of four, for typing into the app


def enrolment_of(device: TOTPDevice) -> Enrolment:
    import segno  # only the set-up page draws a QR code

    secret = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    return Enrolment(
        qr_svg=qr.svg_inline(scale=5, title=AUTHENTICATOR_NAME),
        secret=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
    )


@dataclass(frozen=True)
class CodeCheck:
    """What a code proved: the device it matched, or nothing; `wait_until` when too many wrong
    codes were given and none may be tried before then."""

    device: Device | None = None
    wait_until: dt.datetime | None = None


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _try(device: Device | None, code: str) -> CodeCheck:
    if device is None:
        return CodeCheck()
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(wait_until=details["locked_until"])
    return CodeCheck(device=device if device.verify_token(code) else None)


@transaction.atomic
def second_factor_check(*, actor, code: str) -> CodeCheck:
    """A sign-in's second factor: six digits from the app, or a recovery code (used up once used)."""
    code = _normalised(code)
    if code.isdecimal() and len(code) == TOTPDevice._meta.get_field("digits").default:
        check = _try(TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True).first(), code)
    else:
        check = _try(StaticDevice.objects.select_for_update().filter(user=actor).first(), code)
    if isinstance(check.device, StaticDevice):
        audit_record(actor=actor, action=AuditAction.RECOVERY_CODE_USED, obj=actor,
                     data={"con_lai": check.device.token_set.count()})
    elif check.device is not None:
        audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_PASSED, obj=actor)
    elif check.wait_until is None:
        audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_FAILED, obj=actor)
    return check


def _authenticator_proof(actor, code: str) -> CodeCheck:
    """A code from the user's own app, asked before they change their second factor (a recovery code
    does not do: whoever holds the printed codes must not be able to move the account to their phone)."""
    device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True).first()
    check = _try(device, _normalised(code))
    if check.device is None and check.wait_until is None:
        audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_FAILED, obj=actor)
    return check


def _new_recovery_codes(user) -> list[str]:
    """Ten new recovery codes in place of any the user had."""
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=token) for token in codes)
    return codes


@transaction.atomic
def recovery_codes_renew(*, actor, code: str) -> tuple[CodeCheck, list[str]]:
    """New recovery codes for the user, proved with a code from their app; the old ones stop working.
    Returns the check and the codes (none when the code failed)."""
    check = _authenticator_proof(actor, code)
    if check.device is None:
        return check, []
    codes = _new_recovery_codes(actor)
    audit_record(actor=actor, action=AuditAction.RECOVERY_CODES_RENEW, obj=actor,
                 data={"ma_du_phong": RECOVERY_CODES})
    return check, codes


@transaction.atomic
def authenticator_replace_start(*, actor, code: str) -> CodeCheck:
    """Starts moving the second factor to another app (a new phone), proved with a code from the
    current one; the current app keeps working until the new one is confirmed
    (`second_factor_enrol`)."""
    check = _authenticator_proof(actor, code)
    if check.device is not None:
        TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return check


@transaction.atomic
def second_factor_enrol(*, actor, device: TOTPDevice, code: str) -> tuple[CodeCheck, list[str]]:
    """Confirms the authenticator being set up with a code from it, in place of the app it replaces
    (if any), and gives the user new recovery codes in place of any they had; returns the check and
    the codes (none when the code failed)."""
    check = _try(device, _normalised(code))
    if check.device is None:
        return check, []
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    replaced, _kinds = TOTPDevice.objects.filter(user=actor, confirmed=True).exclude(pk=device.pk).delete()
    codes = _new_recovery_codes(actor)
    audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_ENROL, obj=actor,
                 data={"ma_du_phong": RECOVERY_CODES, "thay_ung_dung": bool(replaced)})
    return check, codes


@transaction.atomic
def second_factor_reset(*, actor, user) -> int:
    """Removes the user's authenticator and recovery codes (a lost phone): they set up a new app at
    their next sign-in. Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_RESET, obj=user, data={"thiet_bi": removed})
    return removed
