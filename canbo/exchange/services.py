"""Load a province from an exchange workbook (SPEC §7): all of it, or nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.data_cache import bulk_write
from canbo.exchange.demo.users import demo_end
from canbo.exchange.findings import Finding
from canbo.exchange.loader import PROVINCE_MODELS, workbook_write
from canbo.exchange.reader import UnreadableWorkbook, workbook_read
from canbo.exchange.signals import province_replacing
from canbo.exchange.speed import paused_gc
from canbo.exchange.validate import CODED_MODELS, workbook_validate
from canbo.org.models import Locality, Unit
from canbo.people.models import Cadre
from canbo.people.schema import SHEET_BY_NAME, SHEETS


@dataclass
class ImportResult:
    path: str
    counts: dict[str, int] = field(default_factory=dict)  # rows per sheet (read, or written)
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    written: bool = False
    replaced: dict[str, int] = field(default_factory=dict)  # rows deleted per model by --replace

    @property
    def ok(self) -> bool:
        return not self.errors


def _issue_order(issue: Finding) -> tuple:
    """Errors listed as a clerk walks the workbook: sheet by sheet, row by row, column by column."""
    sheet = SHEET_BY_NAME.get(issue.sheet)
    sheet_at = SHEETS.index(sheet) if sheet else len(SHEETS)
    column_at = sheet.keys.index(issue.column) if sheet and issue.column in sheet.keys else -1
    return (sheet_at, issue.row or 0, column_at)


def province_record_counts() -> dict[str, int]:
    """How many province records the database holds, per model (for the --replace warning)."""
    return {model._meta.verbose_name_plural: model.objects.count() for model in reversed(PROVINCE_MODELS)}


def _existing_codes() -> dict[str, set[str]]:
    from django.apps import apps

    return {
        sheet: set(apps.get_model(label).objects.values_list("code", flat=True))
        for sheet, label in CODED_MODELS.items()
    }


def _existing_personal_ids() -> dict[str, str]:
    return dict(Cadre.objects.exclude(personal_id="").values_list("personal_id", "code"))


def _detach_user_scopes() -> dict[int, str]:
    """Users scoped to a unit keep their scope across --replace: remember the unit code, detach."""
    users = get_user_model().objects.filter(scope_unit__isnull=False)
    scopes = dict(users.values_list("id", "scope_unit__code"))
    users.update(scope_unit=None)
    return scopes


def _reattach_user_scopes(scopes: dict[int, str], warnings: list[Finding]) -> None:
    units = dict(Unit.objects.filter(code__in=set(scopes.values())).values_list("code", "id"))
    model = get_user_model()
    for user_id, code in scopes.items():
        if code in units:
            model.objects.filter(id=user_id).update(scope_unit_id=units[code])
        else:
            username = model.objects.get(id=user_id).get_username()
            warnings.append(
                Finding(
                    "don_vi",
                    None,
                    "ma",
                    code,
                    _(
                        "Người dùng %(user)s có phạm vi là đơn vị này nhưng tệp mới không có nó: "
                        "phạm vi đã được bỏ trống, cần gán lại."
                    )
                    % {"user": username},
                )
            )


def _province_delete() -> dict[str, int]:
    """Delete every province record (children first), after the records of the apps above that point at
    them (`province_replacing`). Raises ProtectedError/RestrictedError when
    records outside the province tables still point at them."""
    deleted: dict[str, int] = {}
    for _receiver, counts in province_replacing.send(sender=None):
        _add_records(deleted, counts)
    Unit.objects.update(parent=None, successor=None)
    Locality.objects.update(parent=None)
    for model in PROVINCE_MODELS:
        _total, per_model = model.objects.all().delete()
        _add_records(deleted, per_model)
    return deleted


def _add_records(deleted: dict[str, int], counts: dict[str, int]) -> None:
    """Add the counts per model label; the links of many-to-many fields are not records of their own."""
    from django.apps import apps

    for label, count in counts.items():
        if not apps.get_model(label)._meta.auto_created:
            deleted[label] = deleted.get(label, 0) + count


def workbook_import(
    *, actor, path, dry_run: bool = False, replace: bool = False, progress=None, name: str | None = None
) -> ImportResult:
    """Validate the whole workbook, then write it in one transaction, or write nothing. `dry_run`
    writes it too, and rolls the transaction back: it runs every check the import runs.

    `replace` deletes the province records already in the database first, in the same transaction.
    The database then no longer holds the demo only: the demo's mark and accounts end (`demo_end`).
    `progress(stage, sheet, rows)` is called after each sheet is read ("read"), once before the checks
    and the write begin ("check", all rows), and after each sheet is written ("write"). `name`: the file's
    name as its sender knows it (an upload is stored under its checksum), for the findings and the log.
    """
    with paused_gc():
        return _workbook_import(
            actor=actor, path=Path(path), dry_run=dry_run, replace=replace, progress=progress, name=name
        )


def _workbook_import(*, actor, path: Path, dry_run: bool, replace: bool, progress, name) -> ImportResult:
    file_name = name or path.name
    result = ImportResult(path=str(path))
    try:
        book = workbook_read(path, progress=progress)
    except UnreadableWorkbook as exc:
        result.errors = [Finding("", None, "", file_name, str(exc))]
        return result
    result.warnings = book.warnings
    result.counts = {name: len(parsed.rows) for name, parsed in book.sheets.items()}
    if progress:
        progress("check", "", sum(result.counts.values()))
    existing, ids = (None, None) if replace else (_existing_codes(), _existing_personal_ids())
    found = workbook_validate(book, existing_codes=existing, existing_personal_ids=ids)
    result.errors = sorted(book.errors + found, key=_issue_order)
    if result.errors:
        return result
    try:
        with transaction.atomic():
            with bulk_write():
                scopes = {}
                if replace:
                    scopes = _detach_user_scopes()
                    result.replaced = _province_delete()
                result.counts = workbook_write(book, progress=progress)
                if scopes:
                    _reattach_user_scopes(scopes, result.warnings)
                demo_end(actor=actor)
            if dry_run:  # every check of the database ran; nothing stays
                transaction.set_rollback(True)
            else:
                audit_record(
                    actor=actor,
                    action=AuditAction.WORKBOOK_IMPORT,
                    data={
                        "tep": file_name,
                        "so_dong": result.counts,
                        "thay_the": replace,
                        "da_xoa": result.replaced,
                    },
                )
    except (ProtectedError, RestrictedError) as exc:
        blocking = sorted(
            {obj._meta.verbose_name_plural for obj in exc.protected_objects if obj is not None}
            if isinstance(exc, ProtectedError)
            else {obj._meta.verbose_name_plural for obj in exc.restricted_objects}
        )
        result.errors = [
            Finding(
                "",
                None,
                "",
                ", ".join(str(b) for b in blocking),
                _(
                    "Không thể xoá dữ liệu cũ của tỉnh vì còn dữ liệu khác gắn với nó (%(what)s). "
                    "Hãy gỡ các liên kết đó trước rồi nhập lại."
                )
                % {"what": ", ".join(str(b) for b in blocking)},
            )
        ]
        result.replaced = {}
        return result
    except (DatabaseError, OverflowError, ValueError) as exc:
        # A value the checks above let through and the database refuses; the write is rolled back.
        result.errors = [
            Finding("", None, "", file_name,
                    _("Cơ sở dữ liệu không nhận dữ liệu của tệp (%(error)s); không dòng nào được ghi.")
                    % {"error": exc})
        ]
        result.replaced = {}
        return result
    result.written = not dry_run
    return result
