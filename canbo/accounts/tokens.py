"""API keys: issued once, stored as a SHA-256 hash, checked on every API call, valid for a number
of days (CANBO_API_KEY_DAYS by default, MAX_DAYS at most)."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.accounts.models import ApiToken, User
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.errors import DomainError, NotFound

MAX_DAYS = 365
PREFIX_LENGTH = 8


class KeyExpired(DomainError):
    """A key that was valid but whose time has passed: the API says so (401)."""


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor, user: User, label: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for `user`, valid `days` days; returns it with the key, which is shown this once
    and never stored."""
    days = settings.CANBO_API_KEY_DAYS if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {"expires_at": _("Thời hạn của khóa từ 1 đến %(max)s ngày (đã nhập %(days)s).")
             % {"max": MAX_DAYS, "days": days}}
        )
    key = _new_key()
    token = ApiToken(user=user, key_hash=_hash(key), prefix=key[:PREFIX_LENGTH], label=label,
                     expires_at=timezone.now() + dt.timedelta(days=days))
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


def own_tokens(actor: User):
    """The actor's own keys, newest first."""
    return ApiToken.objects.filter(user=actor).order_by("-created_at")


def own_token(actor: User, pk: int) -> ApiToken:
    """One of the actor's own keys; another user's key is not found."""
    token = own_tokens(actor).filter(pk=pk).first()
    if token is None:
        raise NotFound(_("Bạn không có khóa API số %(pk)s.") % {"pk": pk})
    return token


def _new_key() -> str:
    """A random key whose prefix does not start with "-": `canbo token --revoke PREFIX` would read
    such a prefix as an option."""
    key = secrets.token_urlsafe(32)
    while key.startswith("-"):
        key = secrets.token_urlsafe(32)
    return key


def active_token_by_prefix(prefix: str) -> ApiToken:
    """The key in use whose prefix (its first characters, as the keys page and the admin show
    them) is `prefix`; NotFound when none is, DomainError when several are."""
    if len(prefix) != PREFIX_LENGTH:
        raise DomainError(_("Đầu khóa gồm %(n)s ký tự, như trang Khóa API và trang quản trị hiển thị "
                            "(đã nhập “%(prefix)s”).") % {"n": PREFIX_LENGTH, "prefix": prefix})
    matches = list(ApiToken.objects.select_related("user").filter(prefix=prefix, revoked=False))
    if not matches:
        raise NotFound(_("Không có khóa API đang dùng nào có đầu “%(prefix)s”.") % {"prefix": prefix})
    if len(matches) > 1:
        owners = "; ".join(f"{token.user.username} ({token.label or '—'}, {token.created_at:%d/%m/%Y})"
                           for token in matches)
        raise DomainError(_("Nhiều khóa đang dùng có đầu “%(prefix)s”: %(owners)s. Thu hồi khóa cần "
                            "thu hồi trong trang quản trị.") % {"prefix": prefix, "owners": owners})
    return matches[0]


def user_for_key(key: str) -> User | None:
    """The active user owning a valid key, or None; records when the key was last used. A key past
    its expiry raises KeyExpired."""
    token = (
        ApiToken.objects.select_related("user", "user__scope_unit")
        .filter(key_hash=_hash(key), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.expired:
        raise KeyExpired(
            _("Khóa API %(prefix)s… đã hết hạn lúc %(at)s. Cấp khóa mới ở trang Khóa API của canbo.")
            % {"prefix": token.prefix, "at": timezone.localtime(token.expires_at).strftime("%H:%M %d/%m/%Y")}
        )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
