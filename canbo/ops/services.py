"""`backup_create` and `backup_restore`: the whole of canbo's data in one file and back.

A backup reads every table in one consistent snapshot and records an audit event once the file is
complete. A restore checks the file and the schema first, then empties and loads every table in
one transaction, writes its own audit event after the load (the chain goes on from the restored
log), and swaps the uploaded files in before the transaction ends: it happens entirely or not at all.
"""

import hashlib
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.services import audit_record
from canbo.core import bulk
from canbo.core.capabilities import Action, require
from canbo.core.data_cache import bulk_write
from canbo.ops.archive import BackupArchive, write_archive
from canbo.ops.errors import BackupError
from canbo.ops.schema import schema_refusal
from canbo.ops.tables import (
    all_models,
    backed_up_models,
    db_rows,
    empty_tables,
    holds_data,
    reset_sequences,
    stored_fields,
)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tables: int
    rows: int
    files: int
    size: int
    sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _snapshot():
    """Every table read as of one moment. Inside a caller's transaction its view is used."""
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        # Django opens SQLite transactions with BEGIN IMMEDIATE, the write lock; a deferred one
        # reads one snapshot of the write-ahead log without holding writers back.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")


def _summary(path: Path, contents: dict) -> BackupSummary:
    return BackupSummary(
        path=path,
        tables=len(contents["bang"]),
        rows=sum(entry["so_dong"] for entry in contents["bang"]),
        files=len(contents["tep"]),
        size=path.stat().st_size,
        sha256=_sha256(path),
    )


def backup_create(*, actor, path: Path) -> BackupSummary:
    """Write the backup to `path`, a new file readable by its owner only; the audit event and the
    file appear together."""
    require(actor, Action.ADMINISTER)
    if path.exists():
        raise BackupError(_("Tệp %(file)s đã có; hãy chọn tên khác.") % {"file": path})
    if not path.parent.is_dir():
        raise BackupError(_("Không có thư mục %(folder)s.") % {"folder": path.parent})
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mode 0600
    os.close(fd)
    temporary = Path(name)
    try:
        with _snapshot():
            contents = write_archive(temporary, Path(settings.MEDIA_ROOT))
        summary = replace(_summary(temporary, contents), path=path)
        with transaction.atomic():
            audit_record(actor=actor, action=AuditAction.BACKUP_CREATE, data={
                "tep": str(path), "so_dong": summary.rows, "so_tep": summary.files,
                "kich_thuoc": summary.size, "sha256": summary.sha256,
            })
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return summary


@dataclass(frozen=True)
class RestoreSummary:
    tables: int
    rows: int
    files: int
    made_at: str
    made_by: str


def _chain_head() -> dict:
    last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    return {"so_su_kien": last[0], "ma_bam_cuoi": last[1]} if last else {"so_su_kien": 0}


def _load(archive: BackupArchive, models: dict) -> int:
    with bulk_write():
        empty_tables(all_models())
        for entry in archive.contents["bang"]:
            model = models[entry["mo_hinh"]]
            fields = stored_fields(model)
            rows = archive.table_rows(entry, [field.column for field in fields])
            bulk.write(model, fields, db_rows(fields, rows))
        reset_sequences(list(models.values()))
        connection.check_constraints()  # every reference resolves, before anything is recorded
    ContentType.objects.clear_cache()
    return sum(entry["so_dong"] for entry in archive.contents["bang"])


def _restorer(actor):
    """The actor as the restored data knows them (ids come with the data), or the system actor."""
    return get_user_model()._default_manager.filter(username=actor.get_username()).first() or system_actor()


def _swap(media_root: Path, staged: Path) -> Path:
    """The staged files in place of MEDIA_ROOT; returns where the previous ones went."""
    previous = staged.with_name(staged.name + "-cu")
    if media_root.exists():
        media_root.rename(previous)
    else:
        previous.mkdir()
    staged.rename(media_root)
    return previous


def _check(archive: BackupArchive, replace_data: bool) -> dict:
    contents = archive.contents
    refusal = schema_refusal(contents["migration"], contents["phien_ban_canbo"])
    if refusal:
        raise BackupError(refusal)
    models = {model._meta.label_lower: model for model in backed_up_models()}
    if {entry["mo_hinh"] for entry in contents["bang"]} != set(models):
        raise BackupError(_("Các bảng trong tệp sao lưu khác các bảng của cơ sở dữ liệu này."))
    if not replace_data and holds_data():
        raise BackupError(_(
            "Cơ sở dữ liệu này đang có dữ liệu; khôi phục sẽ xoá toàn bộ và thay bằng dữ liệu của tệp "
            "sao lưu. Nếu đúng ý bạn, chạy lại với --yes."
        ))
    return models


def backup_restore(*, actor, path: Path, replace_data: bool = False) -> RestoreSummary:
    """Replace every table and the uploaded files by the backup's. A database holding data of its
    own is replaced only with `replace_data`."""
    require(actor, Action.ADMINISTER)
    with BackupArchive(path) as archive:
        models = _check(archive, replace_data)
        contents = archive.contents
        media_root = Path(settings.MEDIA_ROOT)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=media_root.parent, prefix=".tep-khoi-phuc-"))
        previous = None
        try:
            files = archive.extract_files(staged)
            digest = _sha256(path)
            replaced = _chain_head()
            with transaction.atomic():
                rows = _load(archive, models)
                audit_record(actor=_restorer(actor), action=AuditAction.BACKUP_RESTORE, data={
                    "tep": str(path), "sha256": digest, "tao_luc": contents["tao_luc"],
                    "phien_ban_canbo": contents["phien_ban_canbo"],
                    "co_so_du_lieu": contents["co_so_du_lieu"],
                    "so_dong": rows, "so_tep": files, "nhat_ky_bi_thay": replaced,
                })
                previous = _swap(media_root, staged)
        except BaseException:
            if previous is not None:  # the transaction failed to commit after the swap
                media_root.rename(staged)
                previous.rename(media_root)
                previous = None
            raise
        finally:
            shutil.rmtree(staged, ignore_errors=True)
            if previous is not None:
                shutil.rmtree(previous, ignore_errors=True)
    return RestoreSummary(len(models), rows, files, contents["tao_luc"], contents["phien_ban_canbo"])
