"""The register: numbers run per issuing body, type and term, are given once per object and never
again, under the series' row lock, each with an audit event."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.documents.layouts import PARTY
from canbo.documents.models import IssuedNumber, NumberSeries
from canbo.documents.services import number_issue

pytestmark = pytest.mark.django_db
DAY = dt.date(2017, 11, 5)


@pytest.fixture
def actor():
    return User.objects.create_user(username="btc", password="x-x-x-x-1", role=Role.BTC)


def _issue(actor, obj, issuer="TU", term="2015-2020"):
    return number_issue(
        actor=actor,
        obj=obj,
        issuer=issuer,
        doc_type="KH",
        term=term,
        issued_on=DAY,
        text=lambda n: PARTY.number(n, "KH", issuer),
    )


def test_numbers_run_per_series_and_an_object_keeps_its_own(actor):
    others = [
        User.objects.create_user(username=f"u{n}", password="x-x-x-x-1", role=Role.BTV) for n in range(3)
    ]
    first, second = _issue(actor, others[0]), _issue(actor, others[1])
    assert (first.number, second.number, first.text) == (1, 2, "Số 1-KH/TU")
    assert _issue(actor, others[0]).pk == first.pk  # asked again: the same number
    assert _issue(actor, others[2], term="2020-2025").number == 1
    assert _issue(actor, others[2], issuer="BTCTU").text == "Số 1-KH/BTCTU"
    assert NumberSeries.objects.get(issuer="TU", term="2015-2020").last == 2
    events = AuditEvent.objects.filter(action="document_number_issue").order_by("seq")
    assert [e.object_key for e in events] == ["Số 1-KH/TU", "Số 2-KH/TU", "Số 1-KH/TU", "Số 1-KH/BTCTU"]
    assert events[0].after["issued_on"] == "2017-11-05"


def test_a_number_given_is_not_given_again_even_when_its_record_is_gone(actor):
    other = User.objects.create_user(username="u", password="x-x-x-x-1", role=Role.BTV)
    IssuedNumber.objects.filter(pk=_issue(actor, other).pk).delete()  # e.g. withdrawn by hand
    assert _issue(actor, other).number == 2


def test_the_series_row_is_locked_while_a_number_is_taken(actor, monkeypatch):
    locked = []
    original = NumberSeries.objects.select_for_update

    def spy(*args, **kwargs):
        locked.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(NumberSeries.objects, "select_for_update", spy)
    _issue(actor, actor)
    assert locked


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
def test_two_issuers_at_once_get_two_numbers(actor):
    """The first transaction holds the series' row until it commits; the second waits for it, then takes
    the next number (without the lock both would read the same last number)."""
    others = [User.objects.create_user(username=f"u{n}", password="x-x-x-x-1", role=Role.BTV) for n in (1, 2)]
    NumberSeries.objects.create(issuer="TU", doc_type="KH", term="2015-2020")
    first_holds, results = threading.Event(), {}

    def first():
        try:
            with transaction.atomic():
                results["first"] = _issue(actor, others[0]).number
                first_holds.set()
                time.sleep(0.5)  # the second one asks now, and must wait for this commit
        finally:
            connection.close()

    def second():
        try:
            first_holds.wait()
            results["second"] = _issue(actor, others[1]).number
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"first": 1, "second": 2}
