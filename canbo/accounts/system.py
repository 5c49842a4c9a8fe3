"""The named actor of command-line work: `canbo import`, `canbo demo` and other commands act as
this user, never as None. It has no usable password, so nobody can sign in as it."""

from canbo.accounts.models import Role, User

SYSTEM_USERNAME = "he_thong"
# The system actor's fields; migrations that need it create it from these too.
SYSTEM_USER_FIELDS = {"first_name": "Hệ thống (dòng lệnh)", "role": Role.BTV.value, "is_superuser": True}


def system_actor() -> User:
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(username=SYSTEM_USERNAME, **SYSTEM_USER_FIELDS)
        user.set_unusable_password()
        user.save()
    return user
