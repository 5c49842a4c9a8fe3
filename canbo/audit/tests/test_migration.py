"""Events written before the log was structured are chained in id order when the log is migrated."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from canbo.accounts.system import SYSTEM_USERNAME
from canbo.audit.models import AuditEvent

BEFORE = [("audit", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_prose_events_become_a_verified_chain(small_province):
    latest = [("audit", MigrationExecutor(connection).loader.graph.leaf_nodes("audit")[0][1])]
    # Start from an empty log, as the structured columns cannot be removed from rows that need them.
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), [AuditEvent._meta.db_table]))
    old_apps = _migrate(BEFORE)
    try:
        Legacy = old_apps.get_model("audit", "AuditEvent")
        unit_pk = str(small_province.units["HU-DT"].pk)
        at = dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC)
        Legacy.objects.create(at=at, actor=None, action="unit_create", object_type="org.Unit",
                              object_id=unit_pk, summary="Thêm đơn vị HU-DT – Huyện ủy Đức Trọng")
        Legacy.objects.create(at=at, actor=None, action="admin_unit_update", object_type="org.Unit",
                              object_id=unit_pk, summary="Quản trị sửa đơn vị", data={"truoc": {"a": 1}})
        Legacy.objects.create(at=at, actor=None, action="holding_add", object_type="people.PositionHolding",
                              object_id="999", summary="DT1: giữ chức danh", data={"can_bo": "DT1"})
    finally:
        _migrate(latest)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [(e.seq, e.action, e.object_key, e.cadre_code) for e in events] == [
        (1, "unit_create", "HU-DT", ""),
        (2, "admin_update", "HU-DT", ""),
        (3, "holding_add", "999", "DT1"),
    ]
    assert {e.actor.username for e in events} == {SYSTEM_USERNAME}
    assert events[0].data == {"noi_dung": "Thêm đơn vị HU-DT – Huyện ủy Đức Trọng"}
    assert events[1].before == {"a": 1} and events[1].after is None
    call_command("audit", "verify")
