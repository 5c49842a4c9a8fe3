"""The log is a hash chain that `canbo audit verify` checks, and nobody rewrites it: not the
models, not the querysets, and on PostgreSQL not even SQL."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.chain import GENESIS
from canbo.audit.models import AuditEvent
from canbo.audit.services import audit_record

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _events(n: int) -> list[AuditEvent]:
    actor = system_actor()
    return [
        audit_record(actor=actor, action=AuditAction.RULE_TOGGLE, before={"on": True}, after={"on": False},
                     data={"lan": i})
        for i in range(n)
    ]


def _verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _broken() -> str:
    with pytest.raises(CommandError) as refused:
        _verify()
    assert refused.value.returncode == 1
    return str(refused.value)


def _raw(sql: str, params=()):
    """SQL past the models, as a superuser who sets the PostgreSQL trigger aside could run it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def test_events_are_numbered_and_chained():
    first, second, third = _events(3)
    assert (first.seq, second.seq, third.seq) == (1, 2, 3)
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash and third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3


def test_verify_reports_an_intact_log():
    _events(4)
    assert _verify().strip() == "Nhật ký nguyên vẹn: 4 sự kiện, chuỗi mã băm khớp."


def test_verify_names_the_event_whose_content_was_changed():
    events = _events(5)
    _raw("UPDATE audit_auditevent SET data = %s WHERE seq = 3", ['{"lan": 99}'])
    message = _broken()
    assert message.startswith("Nhật ký bị phá tại sự kiện số 3: nội dung đã bị sửa")
    assert events[2].hash in message


def test_verify_names_a_relinked_event():
    _events(4)
    _raw("UPDATE audit_auditevent SET prev_hash = %s WHERE seq = 2", ["f" * 64])
    assert _broken().startswith("Nhật ký bị phá tại sự kiện số 2: mắt xích bị thay")


def test_verify_finds_the_gap_a_deleted_event_leaves():
    _events(5)
    _raw("DELETE FROM audit_auditevent WHERE seq = 2")
    assert _broken().startswith("Nhật ký bị phá tại sự kiện số 2: thiếu sự kiện số 2")


def test_verify_finds_the_first_event_missing():
    _events(2)
    _raw("DELETE FROM audit_auditevent WHERE seq = 1")
    assert _broken().startswith("Nhật ký bị phá tại sự kiện số 1: thiếu sự kiện số 1")


def test_models_and_querysets_refuse_to_change_the_log():
    event = _events(1)[0]
    event.data = {"lan": 7}
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(data={})
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError), transaction.atomic():
        AuditEvent.objects.bulk_update([event], ["data"])
    assert AuditEvent.objects.get(pk=event.pk).data == {"lan": 0}


@on_postgresql
@pytest.mark.parametrize("sql", ["UPDATE audit_auditevent SET data = '{}'", "DELETE FROM audit_auditevent"])
def test_postgresql_refuses_update_and_delete(sql):
    _events(2)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute(sql)
    assert AuditEvent.objects.count() == 2
    _verify()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    actor = system_actor()

    def write():
        try:
            for _ in range(15):
                with transaction.atomic():
                    audit_record(actor=actor, action=AuditAction.CADRE_VIEW)
        finally:
            connection.close()

    writers = [threading.Thread(target=write) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, 61))
    assert "60 sự kiện" in _verify()
