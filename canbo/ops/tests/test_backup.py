"""`canbo backup` and `canbo restore`: every table, the audit chain and the uploaded files come back
identical; a restore refuses another schema, a database with data of its own unless told, and a
damaged file, and then changes nothing."""

import datetime as dt
import hashlib
import json
import stat
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.audit.services import audit_record, cadre_viewed
from canbo.ops.errors import BackupError
from canbo.ops.services import backup_create, backup_restore
from canbo.ops.tables import all_models, holds_data
from canbo.people import services as people
from canbo.people.models import Cadre

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
NOT_DATA = {
    "sessions.session", "core.dataversion", "core.rememberedresult", "core.datachange", "core.groupedfigures",
    "core.groupedrows",
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "du-lieu" / "tep"
    root = Path(settings.MEDIA_ROOT)
    (root / "ho-so" / "2026").mkdir(parents=True)
    (root / "ho-so" / "2026" / "quyết-định.pdf").write_bytes(b"%PDF-1.4 " + bytes(range(256)))
    (root / "anh.png").write_bytes(b"\x89PNG" * 100)
    return root


@pytest.fixture
def province(small_province):
    """The small province, with records viewed and a sign-in user, so the log has events of several kinds."""
    reader = small_province.user("kiemtra", Role.INSPECTOR)
    for cadre in Cadre.objects.order_by("code")[:3]:
        cadre_viewed(reader, cadre)
    return small_province


def snapshot() -> dict:
    """Every row of every table a backup holds, read through the ORM."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in NOT_DATA:
            names = [field.attname for field in model._meta.local_concrete_fields]
            tables[model._meta.label_lower] = list(model._base_manager.values_list(*names).order_by("pk"))
    return tables


def files_under(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def verify_log() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def change_everything(media: Path) -> None:
    """What happens between a backup and its restore: new records, new and removed files."""
    people.cadre_create(actor=system_actor(), code="MOI1", full_name="Nguyễn Văn Mới", gender="nam",
                        category="cong_chuc", birth_date=dt.date(1980, 1, 1))
    (media / "anh.png").unlink()
    (media / "moi.txt").write_text("tệp mới")


def empty_as_new() -> None:
    """Every table empty and every id counter back at its start, as in a new database."""
    tables = [model._meta.db_table for model in all_models()]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
            cursor.execute(statement)


def rewrite(source: Path, target: Path, contents=None, member=None) -> Path:
    """A copy of backup `source` with its table of contents or one member changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        toc = json.loads(old.read("muc_luc.json"))
        for name in old.namelist():
            data = old.read(name)
            if member and name == member[0]:
                data = member[1](data)
            if name != "muc_luc.json":
                new.writestr(name, data)
        if contents:
            contents(toc)
        new.writestr("muc_luc.json", json.dumps(toc))
    return target


def test_restore_gives_back_every_table_the_audit_chain_and_the_files(province, media, tmp_path):
    before, files = snapshot(), files_under(media)
    backup = backup_create(actor=system_actor(), path=tmp_path / "canbo.zip")
    assert backup.files == 2 and backup.rows == sum(len(rows) for rows in before.values())
    change_everything(media)
    assert snapshot() != before and files_under(media) != files

    backup_restore(actor=system_actor(), path=tmp_path / "canbo.zip", replace_data=True)

    restored = snapshot()
    restored_events = restored["audit.auditevent"]
    last = AuditEvent.objects.order_by("-seq").first()
    assert restored_events[:-1] == before["audit.auditevent"]
    assert {k: v for k, v in restored.items() if k != "audit.auditevent"} == {
        k: v for k, v in before.items() if k != "audit.auditevent"
    }
    assert files_under(media) == files
    # The restore is recorded after the load, chained to the last restored event.
    assert last.action == AuditAction.BACKUP_RESTORE and last.seq == len(before["audit.auditevent"]) + 1
    assert last.prev_hash == AuditEvent.objects.get(seq=last.seq - 1).hash
    assert last.data["sha256"] == backup.sha256 and last.data["nhat_ky_bi_thay"]["so_su_kien"] == last.seq + 1
    assert verify_log().startswith(f"Nhật ký nguyên vẹn: {last.seq} sự kiện")
    assert summary(last).startswith(f"Khôi phục dữ liệu từ tệp {tmp_path / 'canbo.zip'}, sao lưu lúc ")
    assert summary(last).endswith(f"; thay {last.seq + 1} sự kiện nhật ký trước đó")


def test_a_backup_is_private_and_recorded_in_the_log(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.action == AuditAction.BACKUP_CREATE and event.data["tep"] == str(path)
    assert event.data["sha256"] in out.getvalue() and event.data["kich_thuoc"] == path.stat().st_size
    assert summary(event) == f"Sao lưu dữ liệu vào tệp {path} ({event.data['so_dong']} dòng, 2 tệp đính kèm)"
    with zipfile.ZipFile(path) as archive:
        toc = json.loads(archive.read("muc_luc.json"))
    assert toc["co_so_du_lieu"] == connection.vendor and toc["migration"]["audit"][0] == "0001_initial"
    tables = {entry["mo_hinh"] for entry in toc["bang"]}
    assert {"people.cadre", "audit.auditevent", "accounts.user"} <= tables
    assert "sessions.session" not in tables
    with pytest.raises(CommandError, match="đã có; hãy chọn tên khác"):
        call_command("backup", str(path))
    with pytest.raises(CommandError, match="Không có thư mục"):
        call_command("backup", str(tmp_path / "khong-co" / "canbo.zip"))


def test_a_database_with_data_is_replaced_only_with_yes(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    call_command("backup", str(path), stdout=StringIO())
    change_everything(media)
    before, files = snapshot(), files_under(media)
    with pytest.raises(CommandError, match="đang có dữ liệu; khôi phục sẽ xoá toàn bộ.*--yes"):
        call_command("restore", str(path))
    assert snapshot() == before and files_under(media) == files
    out = StringIO()
    call_command("restore", str(path), "--yes", stdout=out)
    assert out.getvalue().startswith("Đã khôi phục")
    assert not Cadre.objects.filter(code="MOI1").exists()


def test_an_empty_database_is_restored_without_yes(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    backup_create(actor=system_actor(), path=path)
    before = snapshot()
    empty_as_new()
    call_command("restore", str(path), stdout=StringIO())
    assert {k: v for k, v in snapshot().items() if k != "audit.auditevent"} == {
        k: v for k, v in before.items() if k != "audit.auditevent"
    }
    # New rows take ids after the restored ones.
    later = people.cadre_create(actor=system_actor(), code="SAU1", full_name="Trần Thị Sau", gender="nu",
                                category="vien_chuc", birth_date=dt.date(1990, 5, 5))
    assert later.pk > max(row[0] for row in before["people.cadre"])


def test_a_new_database_holds_no_data_of_its_own(db):
    assert not holds_data()  # only what the migrations wrote: content types, permissions, rule sets
    system_actor()
    assert not holds_data()
    audit_record(actor=system_actor(), action=AuditAction.SIGN_IN)
    assert holds_data()


def test_a_quota_given_to_a_programme_is_data_of_the_province(db):
    from canbo.training.models import Programme, ProgrammeQuota

    ProgrammeQuota.objects.create(programme=Programme.objects.first(), year=2018, seats=5, decision="CV 1")
    assert holds_data()  # programmes come with the migrations, their quotas do not


def test_a_backup_of_another_schema_is_refused(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    backup_create(actor=system_actor(), path=path)
    newer = rewrite(path, tmp_path / "moi.zip", contents=lambda toc: (
        toc["migration"]["people"].append("0099_ho_so_moi"), toc.update(phien_ban_canbo="9.0")))
    older = rewrite(path, tmp_path / "cu.zip", contents=lambda toc: toc["migration"]["people"].pop())
    before = snapshot()
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(newer), "--yes")
    assert str(refused.value) == (
        "Tệp sao lưu được tạo bởi canbo 9.0, với lược đồ mới hơn phiên bản canbo này (chưa biết: "
        "people.0099_ho_so_moi). Hãy cài canbo 9.0 trở lên, chạy `canbo migrate`, rồi khôi phục lại."
    )
    with pytest.raises(CommandError, match="với lược đồ cũ hơn cơ sở dữ liệu này"):
        call_command("restore", str(older), "--yes")
    assert snapshot() == before


def test_a_damaged_backup_changes_nothing(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    backup_create(actor=system_actor(), path=path)
    damaged = rewrite(path, tmp_path / "hong.zip", member=(
        "du_lieu/org.locality.jsonl", lambda data: data.replace("Lâm Đồng".encode(), "Lâm Đông".encode())))
    change_everything(media)
    before, files = snapshot(), files_under(media)
    with pytest.raises(BackupError, match="bị hỏng: .* không khớp mã kiểm tra"):
        backup_restore(actor=system_actor(), path=damaged, replace_data=True)
    assert snapshot() == before and files_under(media) == files
    with pytest.raises(BackupError, match="không phải tệp sao lưu của canbo"):
        backup_restore(actor=system_actor(), path=media / "moi.txt", replace_data=True)


def _dangling(data: bytes) -> bytes:
    """The rows of a table of position holdings, each pointing at a cadre that is not there."""
    header, *lines = data.decode().splitlines()
    at = json.loads(header)["cot"].index("cadre_id")
    blocks = [json.loads(line) for line in lines]
    for row in (row for rows in blocks for row in rows):
        row[at] = 999_999
    return "\n".join([header, *(json.dumps(rows) for rows in blocks)]).encode() + b"\n"


def test_a_backup_whose_rows_break_a_constraint_changes_nothing(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    backup_create(actor=system_actor(), path=path)
    name = "du_lieu/people.positionholding.jsonl"
    with zipfile.ZipFile(path) as archive:
        digest = hashlib.sha256(_dangling(archive.read(name))).hexdigest()

    def with_checksum(toc):
        next(entry for entry in toc["bang"] if entry["tep"] == name)["sha256"] = digest

    broken = rewrite(path, tmp_path / "sai.zip", contents=with_checksum, member=(name, _dangling))
    change_everything(media)
    before, files = snapshot(), files_under(media)
    with pytest.raises(DatabaseError):
        backup_restore(actor=system_actor(), path=broken, replace_data=True)
    assert snapshot() == before and files_under(media) == files


@on_postgresql
def test_the_log_stays_append_only_after_a_restore(province, media, tmp_path):
    path = tmp_path / "canbo.zip"
    backup_create(actor=system_actor(), path=path)
    backup_restore(actor=system_actor(), path=path, replace_data=True)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET data = '{}' WHERE seq = 1")
