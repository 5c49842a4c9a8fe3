"""Rows written in bulk come back from the database exactly as written, whatever characters their
text holds (COPY's own separators and escapes included) and whatever their types."""

import datetime as dt
import decimal
import json

import pytest

from canbo.accounts.models import Role, User
from canbo.core import bulk
from canbo.core.bulk import CopyText, refuse_unwritten
from canbo.jobs.models import Job

AWKWARD = 'tab\there, line\nbreak, return\r, \\N, back\\slash, "quoted", \\t, Đức Trọng, K\'Gioi'
AT = dt.datetime(2017, 2, 28, 23, 59, 58, 123456, tzinfo=dt.UTC)
JOB_FIELDS = ["id", "kind", "actor", "state", "params", "done", "total", "message", "result", "error",
              "created", "touched", "finished"]


@pytest.mark.django_db
@pytest.mark.parametrize("insert", [bulk.insert, bulk.insert_few], ids=["copy", "few"])
def test_text_json_times_and_nulls_come_back_as_written(insert):
    actor = User.objects.create(username="nguoi_chay")
    params = {"tệp": "C:\\du lieu\\a.xlsx", "ghi chú": AWKWARD, "số": [1, 2.5, None, True]}
    rows = [
        (71, "nhap", actor.pk, "done", json.dumps(params), 3, 3, AWKWARD, None, "", AT, AT, None),
        (72, "", actor.pk, "failed", "{}", 0, 0, "", json.dumps(None), "\\N", AT, AT, AT),
    ]
    insert(Job, JOB_FIELDS, rows)

    first, second = Job.objects.order_by("id")
    assert (first.kind, first.params, first.message, first.result, first.error) == ("nhap", params, AWKWARD,
                                                                                   None, "")
    assert (first.created, first.finished, first.done) == (AT, None, 3)
    assert (second.kind, second.params, second.message) == ("", {}, "")
    assert (second.error, second.finished) == ("\\N", AT)


@pytest.mark.django_db
def test_booleans_and_lists_written_in_bulk():
    fields = ["id", "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff",
              "is_active", "date_joined", "role", "blocs"]
    bulk.insert(User, fields, [
        (901, "", True, "mot", "", "", "", False, True, AT, Role.BTC, json.dumps(["dang"])),
        (902, "", False, "hai", "", "", "", True, False, AT, Role.UNIT_HR, "[]"),
    ])

    flags = list(User.objects.filter(pk__in=[901, 902]).order_by("pk").values_list(
        "is_superuser", "is_staff", "is_active", "blocs", "role"))
    assert flags == [(True, False, True, ["dang"], Role.BTC), (False, True, False, [], Role.UNIT_HR)]


def test_copy_text_quotes_every_text_and_writes_null_bare():
    rows = [(1, None, "", "\\N", 'a "b"\nc', True, decimal.Decimal("2.34"), dt.date(2024, 2, 29), 2.5)]
    assert CopyText(rows).read() == '1,\\N,"","\\N","a ""b""\nc",True,2.34,"2024-02-29",2.5\n'


@pytest.mark.django_db
def test_a_column_copy_cannot_write_as_meant_is_refused(monkeypatch):
    field = Job._meta.get_field("error")
    monkeypatch.setattr(field, "get_internal_type", lambda: "BinaryField")
    with pytest.raises(TypeError, match="jobs.Job.error"):
        refuse_unwritten(Job, [field])


def test_copy_text_is_read_a_thousand_rows_at_a_time_until_nothing_is_left():
    text = CopyText((n, "x") for n in range(2500))
    pieces = []
    while piece := text.read():
        pieces.append(piece)
    assert [piece.count("\n") for piece in pieces] == [1000, 1000, 500]
    assert "".join(pieces).splitlines() == [f'{n},"x"' for n in range(2500)]


class Refused(Exception):
    pass


@pytest.mark.django_db
def test_an_error_raised_by_the_rows_reaches_the_caller_as_it_is():
    actor = User.objects.create(username="nguoi_chay")

    def rows():
        yield (81, "nhap", actor.pk, "done", "{}", 0, 0, "", None, "", AT, AT, None)
        raise Refused("tệp hỏng")

    with pytest.raises(Refused, match="tệp hỏng"):
        bulk.write(Job, [Job._meta.get_field(name) for name in JOB_FIELDS], rows())
