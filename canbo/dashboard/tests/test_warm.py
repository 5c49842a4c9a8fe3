"""After a change, the figures every home page sums are counted beside the requests, so the next
visitor of any scope counts nothing; a request that finds nothing changed since the last warming
starts none."""

import datetime as dt
import fcntl
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.core.data_cache import data_token
from canbo.dashboard import warm
from canbo.org.models import Unit

pytestmark = pytest.mark.django_db

HOME = reverse("core:home")
CLOSE = reverse("org:unit_close", args=["UB-DT"])
FORM = {"closed_on": "30/06/2025", "successor": "SNV", "decision": "Nghị quyết 1234/NQ-UBTVQH15"}


def counted(queries) -> int:
    """Queries that count over a scope (the scope's counts, the review, the rotation target) or over
    the whole workforce."""
    starts = ("SELECT COUNT(", "SELECT SUM(", "SELECT COALESCE(SUM(")
    grouped = "k1 ON k1.cadre_id"  # `canbo.people.reach.grouped_sums`
    return sum(q["sql"].startswith(starts) or grouped in q["sql"] for q in queries.captured_queries)


def test_after_warming_no_scope_counts_anything_on_its_home_page(client_as):
    day = dt.date(2020, 1, 1)
    client = client_as("btc", role=Role.BTC)
    with CaptureQueriesContext(connection) as cold:
        client.get(HOME, {"as_of": "01/01/2020"})
    assert counted(cold) > 0
    client_as("snv", role=Role.SNV).post(CLOSE, {**FORM, "xac_nhan": "1"})  # a write: nothing is kept
    warm.warm_home(day)
    scopes = (("btc2", Role.BTC, None), ("hr", Role.UNIT_HR, "HU-DT"), ("btv", Role.BTV, None))
    for name, role, unit in scopes:
        with CaptureQueriesContext(connection) as warmed:
            client_as(name, role=role, scope_unit=unit).get(HOME, {"as_of": "01/01/2020"})
        assert counted(warmed) == 0, name


def test_a_request_asks_for_a_warming_when_the_data_or_the_date_changed(client_as, settings, monkeypatch):
    settings.CANBO_WARM_AFTER_WRITE = True
    asked = []
    monkeypatch.setattr(warm, "warm_soon", lambda: asked.append(1))
    client = client_as("snv", role=Role.SNV)
    today = timezone.localdate()
    monkeypatch.setitem(warm._state, "warmed", (data_token(), today))
    client.get(HOME)
    client.post(CLOSE, FORM)  # the confirmation page: nothing written
    assert asked == []
    client.post(CLOSE, {**FORM, "xac_nhan": "1"})
    assert asked == [1]
    # A change made outside the pages (an import, a job, a command): the next request asks.
    monkeypatch.setitem(warm._state, "warmed", (data_token(), today))
    Unit.objects.filter(code="X-LN").update(name="Xã Lát mới")
    client.get(HOME)
    assert asked == [1, 1]
    # A new day: the first request asks for today's figures.
    monkeypatch.setitem(warm._state, "warmed", (data_token(), today))
    monkeypatch.setattr(warm.timezone, "localdate", lambda: today + dt.timedelta(days=1))
    client.get(HOME)
    assert asked == [1, 1, 1]
    settings.CANBO_WARM_AFTER_WRITE = False
    client.post(reverse("org:unit_close", args=["SNV"]), {**FORM, "xac_nhan": "1"})
    assert asked == [1, 1, 1]


def test_a_write_during_a_warming_asks_for_one_more_after_it(monkeypatch, django_capture_on_commit_callbacks):
    warmed, done = [], threading.Event()

    def counting(as_of):
        warmed.append(as_of)
        if len(warmed) == 1:
            warm.warm_soon()  # a write while the first warming runs
            warm.warm_soon()  # and another: one more warming covers both
        else:
            done.set()

    monkeypatch.setattr(warm, "warm_home", counting)
    monkeypatch.setattr(warm, "data_token", lambda: 1)  # the thread's own connection reads nothing
    monkeypatch.setitem(warm._state, "warmed", None)
    with django_capture_on_commit_callbacks(execute=True):
        warm.warm_soon()
    assert done.wait(timeout=30)
    for thread in threading.enumerate():
        if thread.name == "canbo-warm":
            thread.join(timeout=30)
    assert len(warmed) == 2 and not warm._state["running"] and not warm._state["again"]


def test_one_process_warms_at_a_time(monkeypatch, settings, django_capture_on_commit_callbacks):
    """Another process holding the warming's lock (here: the same lock file held open apart) delays
    this process's warming until it lets go."""
    warmed = threading.Event()
    monkeypatch.setattr(warm, "warm_home", lambda as_of: warmed.set())
    monkeypatch.setattr(warm, "data_token", lambda: 1)
    monkeypatch.setitem(warm._state, "warmed", None)
    with open(settings.DATA_DIR / "warming.lock", "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        with django_capture_on_commit_callbacks(execute=True):
            warm.warm_soon()
        assert not warmed.wait(timeout=0.5)
        fcntl.flock(other, fcntl.LOCK_UN)
    assert warmed.wait(timeout=30)
    for thread in threading.enumerate():
        if thread.name == "canbo-warm":
            thread.join(timeout=30)
    assert not warm._state["running"]
