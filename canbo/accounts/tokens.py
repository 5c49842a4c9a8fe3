"""API keys: issued once, stored as a SHA-256 hash, checked on every API call."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from canbo.accounts.models import ApiToken, User
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor, user: User, label: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`; returns it with the key, which is shown this once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken(user=user, key_hash=_hash(key), prefix=key[:8], label=label)
    token.full_clean()
    token.save()
    audit_record(actor=actor, action=AuditAction.API_TOKEN_CREATE, obj=token, after=snapshot(token))
    return token, key


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    before = snapshot(token, ["revoked"])
    token.revoked = True
    token.save(update_fields=["revoked"])
    audit_record(
        actor=actor, action=AuditAction.API_TOKEN_REVOKE, obj=token, before=before,
        after=snapshot(token, ["revoked"]), data={"nguoi_dung": token.user.username},
    )
    return token


def user_for_key(key: str) -> User | None:
    """The active user owning a valid key, or None; records when the key was last used."""
    token = (
        ApiToken.objects.select_related("user", "user__scope_unit")
        .filter(key_hash=_hash(key), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
