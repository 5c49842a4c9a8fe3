"""Which schema a backup was made with: the migrations applied per app, compared with this
database's before a restore."""

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _


def applied_migrations() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        found.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(found.items())}


def _named(migrations) -> str:
    return ", ".join(f"{app}.{name}" for app, name in sorted(migrations))


def schema_refusal(backup: dict[str, list[str]], made_by: str) -> str | None:
    """Why a backup of schema `backup` (made by canbo `made_by`) cannot be loaded into this
    database; None when both have applied exactly the same migrations."""
    theirs = {(app, name) for app, names in backup.items() for name in names}
    ours = {(app, name) for app, names in applied_migrations().items() for name in names}
    if theirs == ours:
        return None
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = theirs - ours - known
    if unknown:
        return _(
            "Tệp sao lưu được tạo bởi canbo %(version)s, với lược đồ mới hơn phiên bản canbo này "
            "(chưa biết: %(migrations)s). Hãy cài canbo %(version)s trở lên, chạy `canbo migrate`, "
            "rồi khôi phục lại."
        ) % {"version": made_by, "migrations": _named(unknown)}
    if theirs - ours:
        return _(
            "Cơ sở dữ liệu chưa được cập nhật lược đồ (chưa chạy: %(migrations)s). Chạy `canbo migrate` "
            "rồi khôi phục lại."
        ) % {"migrations": _named(theirs - ours)}
    return _(
        "Tệp sao lưu được tạo bởi canbo %(version)s, với lược đồ cũ hơn cơ sở dữ liệu này (thiếu: "
        "%(migrations)s). Hãy khôi phục nó bằng canbo %(version)s vào một cơ sở dữ liệu mới, rồi nâng "
        "cấp như thường lệ (`canbo migrate`)."
    ) % {"version": made_by, "migrations": _named(ours - theirs)}
