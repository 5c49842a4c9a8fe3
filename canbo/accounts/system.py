"""The named actor of command-line work: `canbo import`, `canbo demo` and other commands act as
this user, never as None. It has no usable password, so nobody can sign in as it."""

from canbo.accounts.models import User
from canbo.core.roles import SYSTEM_USER_FIELDS, SYSTEM_USERNAME

__all__ = ["SYSTEM_USERNAME", "system_actor"]


def system_actor() -> User:
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(username=SYSTEM_USERNAME, **SYSTEM_USER_FIELDS)
        user.set_unusable_password()
        user.save()
    return user
