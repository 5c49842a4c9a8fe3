"""Sign-ins and failed sign-ins are written to the change log, with the request's address; each
sign-in decides whether the session owes a second factor. (A lockout after failed sign-ins is
recorded by `canbo.accounts.lockout`.)"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record


@receiver(user_logged_in, dispatch_uid="canbo_sign_in")
def signed_in(sender, request, user, **kwargs):
    from canbo.accounts.second_factor import second_factor_on_sign_in  # on a sign-in, not at start-up

    audit_record(actor=user, action=AuditAction.SIGN_IN, obj=user)
    second_factor_on_sign_in(request, user)


@receiver(user_login_failed, dispatch_uid="canbo_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Nobody is signed in: the system records the attempt, with the name that was typed.
    audit_record(
        actor=system_actor(), action=AuditAction.SIGN_IN_FAILED, data={"ten": credentials.get("username", "")}
    )
