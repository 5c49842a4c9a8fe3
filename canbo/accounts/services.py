"""Writes to a user's own account."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from canbo.accounts.models import User
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record


@transaction.atomic
def password_change(*, actor, user: User, password: str) -> User:
    """A new password for `user`, refused (ValidationError) unless every AUTH_PASSWORD_VALIDATORS
    accepts it."""
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action=AuditAction.PASSWORD_CHANGE, obj=user)
    return user
