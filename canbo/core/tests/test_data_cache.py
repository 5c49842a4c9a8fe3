"""The data token changes with every write to the data the figures read, by any path, and a
remembered result is served only under the token it was computed with."""

import pytest
from django.db import connection, transaction
from django.db.models import Case, F, Value, When

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.audit.services import audit_record
from canbo.core.data_cache import bulk_write, data_token, remembered, watched_tables, wide_token
from canbo.core.deltas import current_state, touched_between
from canbo.core.models import DataVersion
from canbo.org.models import Locality, PositionType, Unit
from canbo.org.services import locality_create
from canbo.people.models import Cadre, Qualification

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"lan": self.calls}


def test_writes_by_any_path_change_the_token():
    seen = [data_token()]
    province = locality_create(actor=system_actor(), code="68", name="Lâm Đồng", level="tinh")
    seen.append(data_token())
    Locality.objects.filter(pk=province.pk).update(name="Tỉnh Lâm Đồng")
    seen.append(data_token())
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Locality._meta.db_table} SET name = %s", ["Lâm Đồng"])  # noqa: S608
    seen.append(data_token())
    Locality.objects.all().delete()
    seen.append(data_token())
    assert len(set(seen)) == len(seen)


def test_only_a_write_that_may_change_everyone_replaces_the_wide_token(small_province):
    cadre = small_province.cadres["PL1"]
    before = wide_token()
    Cadre.objects.filter(pk=cadre.pk).update(full_name="Nguyễn Văn Ấn")
    Qualification.objects.filter(cadre=cadre).delete()
    assert wide_token() == before
    Locality.objects.filter(code="68").update(code="68T")
    changed = wide_token()
    assert changed != before
    with transaction.atomic(), bulk_write():
        Cadre.objects.filter(pk=cadre.pk).update(full_name="Nguyễn Văn An")
    assert wide_token() not in (before, changed)


def test_users_and_the_audit_log_are_not_data_of_the_figures():
    before = data_token()
    user = User.objects.create_user(username="btc", password="x-very-long-1", role=Role.BTC)
    audit_record(actor=user, action="cadre_view", data={"can_bo": "CB1"})
    assert data_token() == before


def triggered_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE 'canbo_changed_%%'"
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'canbo_changed_%'"
            )
        return {row[0] for row in cursor.fetchall()}


def test_every_watched_table_has_its_trigger():
    assert set(watched_tables()) <= triggered_tables()
    assert {"people_qualification", "org_positiontype", "rules_parameter"} <= set(watched_tables())


def test_a_bulk_write_replaces_the_token_and_keeps_the_triggers():
    before = data_token()
    with transaction.atomic(), bulk_write():
        locality_create(actor=system_actor(), code="68", name="Lâm Đồng", level="tinh")
    assert data_token() != before
    with pytest.raises(RuntimeError), transaction.atomic(), bulk_write():
        raise RuntimeError
    assert set(watched_tables()) <= triggered_tables()
    after = data_token()
    Locality.objects.update(name="Tỉnh Lâm Đồng")
    assert data_token() != after


def test_a_result_is_computed_once_per_token():
    compute = Counter()
    assert remembered(("hinh",), compute) == {"lan": 1}
    assert remembered(("hinh",), compute) == {"lan": 1}
    assert remembered(("khac",), compute) == {"lan": 2}
    locality_create(actor=system_actor(), code="68", name="Lâm Đồng", level="tinh")
    assert remembered(("hinh",), compute) == {"lan": 3}


def test_a_result_computed_in_a_rolled_back_write_is_never_served():
    compute = Counter()
    assert remembered(("hinh",), compute) == {"lan": 1}
    with pytest.raises(RuntimeError), transaction.atomic():
        locality_create(actor=system_actor(), code="68", name="Lâm Đồng", level="tinh")
        assert remembered(("hinh",), compute) == {"lan": 2}
        raise RuntimeError
    assert remembered(("hinh",), compute) == {"lan": 1}
    locality_create(actor=system_actor(), code="68", name="Lâm Đồng", level="tinh")
    assert remembered(("hinh",), compute) == {"lan": 3}


def test_an_emptied_version_table_gets_a_new_token():
    compute = Counter()
    remembered(("hinh",), compute)
    DataVersion.objects.all().delete()
    assert isinstance(data_token(), int)
    assert remembered(("hinh",), compute) == {"lan": 2}


def test_a_name_changed_alone_touches_no_cadre_and_any_other_change_may_change_everyone(small_province):
    first, second = Unit.objects.order_by("pk")[:2]
    since, wide = current_state(), wide_token()
    Unit.objects.filter(pk__in=[first.pk, second.pk]).update(name="Đơn vị đổi tên")
    first.refresh_from_db()
    first.name = "Ban Tổ chức"
    first.save()  # every column written, the name alone changed
    PositionType.objects.filter(pk=PositionType.objects.order_by("pk")[0].pk).update(name="Bí thư Tỉnh ủy")
    renamed = current_state()
    assert renamed[1] > since[1] and wide_token() == wide
    touched = touched_between(since, renamed)
    assert touched is not None and touched.cadres == touched.units == frozenset()
    one_coded = Case(When(pk=second.pk, then=Value("DV-MOI")), default=F("code"))
    Unit.objects.filter(pk__in=[first.pk, second.pk]).update(name="Tên khác", code=one_coded)
    assert wide_token() != wide and touched_between(renamed, current_state()) is None
    wide, renamed = wide_token(), current_state()
    PositionType.objects.update(key_position=~F("key_position"))
    assert wide_token() != wide and touched_between(renamed, current_state()) is None
