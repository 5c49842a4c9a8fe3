"""What the list and home pages read over the whole scope is read once, then kept until the data
changes: the ethnicities offered by the list's filter (its heaviest query for a province-wide
role) and the home page's counts (a second at 50,000 cadres on PostgreSQL, on the page every
sign-in lands on)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people.models import Cadre
from canbo.people.services import cadre_create, holding_add

pytestmark = pytest.mark.django_db

LIST = reverse("people:cadre_list")
HOME = reverse("core:home")


def reads_ethnicities(queries) -> bool:
    return any("DISTINCT" in q["sql"] and "ethnicity" in q["sql"] for q in queries.captured_queries)


def test_ethnicities_are_kept_until_the_data_changes(client_as, small_province):
    client = client_as("btc", role=Role.BTC)
    with CaptureQueriesContext(connection) as first:
        assert client.get(LIST, {"as_of": "2020-01-01"}).context["ethnicities"] == ["K'Ho"]
    with CaptureQueriesContext(connection) as again:
        response = client.get(LIST, {"q": "dao", "khoi": "dang"})
    assert reads_ethnicities(first) and not reads_ethnicities(again)
    assert response.context["ethnicities"] == ["K'Ho"]
    cadre = cadre_create(actor=system_actor(), code="MA1", full_name="Điểu K'Lơi", gender="nam",
                         birth_date=dt.date(1985, 1, 1), category="can_bo", ethnicity="Mạ")
    holding_add(actor=system_actor(), cadre=cadre, unit=small_province.units["X-LN"],
                position_type=small_province.types["CV"], valid_from=dt.date(2018, 1, 1))
    assert client.get(LIST).context["ethnicities"] == ["K'Ho", "Mạ"]
    # Another scope is another result: the HR officer of the province's women's union sees neither.
    other = client_as("hr_hoi", role=Role.UNIT_HR, scope_unit="HLHPN")
    assert other.get(LIST).context["ethnicities"] == []


def counts(queries) -> int:
    return sum(q["sql"].startswith("SELECT COUNT(") for q in queries.captured_queries)


def grouped(queries) -> int:
    """Counts of the whole workforce grouped by the units that decide scopes (`canbo.people.reach`)."""
    return sum("k1 ON k1.cadre_id" in q["sql"] for q in queries.captured_queries)


def test_home_counts_are_kept_until_the_data_changes(client_as, small_province):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    with CaptureQueriesContext(connection) as first:
        figures = client.get(HOME, {"as_of": "2020-01-01"}).context["figures"]
    with CaptureQueriesContext(connection) as again:
        assert client.get(HOME).context["figures"] == figures
    assert figures == {"cadres": 2, "holding_cadres": 2, "units": 3, "holdings": 2, "planned": 0}
    # A unit's subtree is counted on its own (five counts and the non-local violations, after the
    # province's size, which says whether to count them within the page), then kept: nothing is
    # counted again.
    assert (counts(first), grouped(first)) == (1 + 5 + 1, 0) and counts(again) + grouped(again) == 0
    # A province-wide scope counts the whole workforce once (the scope's cadres and positions held,
    # the review at four dates, the rotation target, the non-local violations; and the province's
    # size) ...
    with CaptureQueriesContext(connection) as province:
        client_as("btc", role=Role.BTC).get(HOME, {"as_of": "2020-01-01"})
    assert (counts(province), grouped(province)) == (1, 2 + 4 + 1 + 1)
    # ... which every other scope then sums: nothing is counted again.
    with CaptureQueriesContext(connection) as other:
        client = client_as("hr2", role=Role.UNIT_HR, scope_unit="HU-DT")
        assert client.get(HOME, {"as_of": "2020-01-01"}).context["figures"] == figures
    assert counts(other) + grouped(other) == 0
    cadre = cadre_create(actor=system_actor(), code="DT3", full_name="Ka Hương", gender="nu",
                         birth_date=dt.date(1992, 3, 3), category="cong_chuc")
    holding_add(actor=system_actor(), cadre=cadre, unit=small_province.units["X-LN"],
                position_type=small_province.types["CV"], valid_from=dt.date(2019, 1, 1))
    after = client.get(HOME, {"as_of": "2020-01-01"}).context["figures"]
    assert after["cadres"] == 3 and after["holdings"] == 3
    # Another day is another result.
    assert client.get(HOME, {"as_of": "2018-06-01"}).context["figures"]["cadres"] == 2


def test_the_list_counts_its_whole_scope_once_until_the_data_changes(small_province):
    """Without filters the list shows the scope's count, kept per scope, date and data version; a
    filtered list is counted at each page."""
    def signed_in(username, role, scope_unit=None):
        client = Client()
        client.force_login(small_province.user(username, role, scope_unit))
        return client

    def total(client, **query):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST, {"as_of": "2020-01-01", **query})
        return response.context["table"].report.count, counts(queries)

    btv, hr = signed_in("btv1", "btv"), signed_in("hr1", "unit_hr", "HU-DT")
    whole = Cadre.objects.count()
    assert total(btv) == (whole, 1) and total(btv) == (whole, 0)
    assert total(hr) == (2, 1) and total(hr) == (2, 0)
    assert total(hr, gioi_tinh="nam") == (0, 1) and total(hr, gioi_tinh="nam") == (0, 1)
    cadre = cadre_create(actor=system_actor(), code="DT3", full_name="Ka Hương", gender="nu",
                         birth_date=dt.date(1992, 3, 3), category="cong_chuc")
    holding_add(actor=system_actor(), cadre=cadre, unit=small_province.units["X-LN"],
                position_type=small_province.types["CV"], valid_from=dt.date(2019, 1, 1))
    assert total(hr) == (3, 1) and total(btv) == (whole + 1, 1)
    assert total(hr, as_of="2018-06-01")[0] == 2  # another day is another count
