"""Demo sign-ins: one user per role at province level, two unit HR officers, and `admin`.

They exist only with the demo's data: `canbo demo` creates them when it loads the demo and marks the
database (`DemoProvince`); any other import ends the mark and disables them (`demo_end`), and
`canbo logins` prints them only while the mark is there. Every demo user has the one published
password `DEMO_PASSWORD`, so none is a superuser: `admin` is a staff user who may keep the
catalogues in Django's admin (units, localities, position types, ranks, posts) and read the cadres,
but not the users or their API keys.

An account of a demo name that does not have the demo password is someone's real account: it is left
as it is and not listed.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Length

from canbo.accounts.models import Role, User
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import scope_label
from canbo.core.levels import Level
from canbo.exchange.demo.units import POLITICAL_SCHOOL
from canbo.exchange.models import DemoProvince
from canbo.org.models import Unit

DEMO_PASSWORD = "demo2017"  # noqa: S105 (documented demo password, printed by `canbo logins`)

# What the demo admin may do in Django's admin: (app, model, actions).
ADMIN_PERMISSIONS = (
    *[("org", model, ("view", "add", "change", "delete"))
      for model in ("locality", "unit", "positiontype", "civilservicerank", "post")],
    ("org", "standardversion", ("view",)),
    ("people", "cadre", ("view",)),
)
# The fields of an account the demo sets, recorded in the log when they change.
ACCOUNT_FIELDS = ["role", "first_name", "scope_unit", "is_active", "is_staff", "is_superuser"]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    scope_unit: Unit | None = None
    staff: bool = False


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


def _accounts() -> list[DemoAccount]:
    accounts = [
        DemoAccount("btv", Role.BTV, "Ủy viên Ban Thường vụ"),
        DemoAccount("thuongtruc", Role.THUONG_TRUC, "Thường trực Tỉnh ủy"),
        DemoAccount("btc", Role.BTC, "Chuyên viên Ban Tổ chức"),
        DemoAccount("snv", Role.SNV, "Chuyên viên Sở Nội vụ"),
        DemoAccount("truong", Role.SCHOOL, "Trường Chính trị tỉnh",
                    scope_unit=Unit.objects.filter(code=POLITICAL_SCHOOL[0]).first()),
        DemoAccount("kiemtra", Role.INSPECTOR, "Ủy ban Kiểm tra"),
    ]
    units = (("hr_ductrong", district_unit_of("Đức Trọng")), ("hr_so", provincial_department()))
    for username, unit in units:
        if unit is not None:
            accounts.append(DemoAccount(username, Role.UNIT_HR, "Tổ chức " + unit.name, scope_unit=unit))
    accounts.append(DemoAccount("admin", Role.BTC, "Quản trị danh mục", staff=True))
    return accounts


def _admin_permissions() -> list[Permission]:
    wanted = Q(pk__in=[])
    for app, model, actions in ADMIN_PERMISSIONS:
        wanted |= Q(content_type__app_label=app, codename__in=[f"{action}_{model}" for action in actions])
    return list(Permission.objects.filter(wanted))


def _account(spec: DemoAccount, actor) -> User | None:
    """The demo account of `spec`, created or brought back to what the demo sets; None when a real
    account has its name."""
    user = User.objects.filter(username=spec.username).first()
    created = user is None
    if created:
        user = User(username=spec.username)
    elif not user.check_password(DEMO_PASSWORD):
        return None
    before = None if created else snapshot(user, ACCOUNT_FIELDS)
    user.role, user.first_name, user.scope_unit = spec.role, spec.first_name, spec.scope_unit
    user.is_active, user.is_staff, user.is_superuser = True, spec.staff, False
    if created:
        user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    user.user_permissions.set(_admin_permissions() if spec.staff else [])
    if created:
        audit_record(actor=actor, action=AuditAction.USER_CREATE, obj=user, after=snapshot(user))
        return user
    after = snapshot(user, ACCOUNT_FIELDS)
    changed = [name for name in ACCOUNT_FIELDS if before[name] != after[name]]
    if changed:
        audit_record(actor=actor, action=AuditAction.ADMIN_UPDATE, obj=user,
                     before={name: before[name] for name in changed},
                     after={name: after[name] for name in changed})
    return user


@transaction.atomic
def demo_mark(*, actor, seed: int, size: int) -> list[str]:
    """Mark the database as holding the demo just loaded and create its accounts; returns the demo
    names left to real accounts."""
    DemoProvince.objects.all().delete()
    demo = DemoProvince.objects.create(seed=seed, size=size)
    left = []
    for spec in _accounts():
        user = _account(spec, actor)
        if user is None:
            left.append(spec.username)
        else:
            demo.accounts.add(user)
    return left


@transaction.atomic
def demo_end(*, actor) -> None:
    """The database no longer holds the demo only: disable its accounts and remove the mark."""
    for demo in DemoProvince.objects.all():
        for user in demo.accounts.filter(is_active=True):
            before = snapshot(user, ["is_active"])
            user.is_active = False
            user.save(update_fields=["is_active"])
            audit_record(actor=actor, action=AuditAction.ADMIN_UPDATE, obj=user, before=before,
                         after=snapshot(user, ["is_active"]))
        demo.delete()


def is_demo() -> bool:
    return DemoProvince.objects.exists()


def demo_logins() -> list[dict] | None:
    """The demo's sign-ins (username, password, role, scope); None when the database is not the demo."""
    demo = DemoProvince.objects.first()
    if demo is None:
        return None
    users = demo.accounts.filter(is_active=True).select_related("scope_unit").order_by("id")
    return [
        {"username": user.username, "password": DEMO_PASSWORD, "role": user.role, "scope": scope_label(user)}
        for user in users
    ]
