"""Demo sign-ins: one user per role at province level, two unit HR officers, and `admin`.

Every demo user has the one demo password `DEMO_PASSWORD`. Creating them again changes nothing
(an existing user keeps its password and settings), so `canbo logins` can run at every start.
"""

from django.db import transaction
from django.db.models.functions import Length

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import scope_label
from canbo.core.levels import Level
from canbo.org.models import Unit

DEMO_PASSWORD = "demo2017"  # noqa: S105 (documented demo password, printed by `canbo logins`)

PROVINCE_USERS = (
    ("btv", Role.BTV, "Ủy viên Ban Thường vụ"),
    ("thuongtruc", Role.THUONG_TRUC, "Thường trực Tỉnh ủy"),
    ("btc", Role.BTC, "Chuyên viên Ban Tổ chức"),
    ("snv", Role.SNV, "Chuyên viên Sở Nội vụ"),
    ("truong", Role.SCHOOL, "Trường Chính trị tỉnh"),
    ("kiemtra", Role.INSPECTOR, "Ủy ban Kiểm tra"),
)


def district_unit_of(name: str) -> Unit | None:
    """The highest district-level unit whose name contains `name` (e.g. Huyện ủy Đức Trọng)."""
    return (
        Unit.objects.filter(name__contains=name, level=Level.HUYEN)
        .order_by(Length("path"), "path")
        .first()
    )


def provincial_department() -> Unit | None:
    """A provincial department (Sở …) for the second unit HR officer; Sở Nội vụ is left to `snv`."""
    return (
        Unit.objects.filter(name__startswith="Sở ", level=Level.TINH)
        .exclude(name__startswith="Sở Nội vụ")
        .order_by(Length("path"), "name")
        .first()
    )


def _ensure(username: str, *, role: str, first_name: str, scope_unit: Unit | None = None,
            superuser: bool = False) -> User:
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    user = User(username=username, role=role, first_name=first_name, scope_unit=scope_unit,
                is_staff=superuser, is_superuser=superuser)
    user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    audit_record(actor=system_actor(), action=AuditAction.USER_CREATE, obj=user, after=snapshot(user))
    return user


@transaction.atomic
def demo_users_create() -> list[dict]:
    """Create the demo users that are missing; return every demo login as username, password, role, scope."""
    users = [_ensure(username, role=role, first_name=name) for username, role, name in PROVINCE_USERS]
    district = district_unit_of("Đức Trọng")
    if district is not None:
        users.append(_ensure("hr_ductrong", role=Role.UNIT_HR, first_name="Tổ chức " + district.name,
                             scope_unit=district))
    department = provincial_department()
    if department is not None:
        users.append(_ensure("hr_so", role=Role.UNIT_HR, first_name="Tổ chức " + department.name,
                             scope_unit=department))
    users.append(_ensure("admin", role=Role.BTV, first_name="Quản trị", superuser=True))
    return [
        {"username": user.username, "password": DEMO_PASSWORD, "role": user.role, "scope": scope_label(user)}
        for user in users
    ]
