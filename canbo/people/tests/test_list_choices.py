"""The ethnicities offered by the cadre list's filter are read over the whole scope once, then kept
until the data changes (the heaviest query of a list page for a province-wide role)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people.services import cadre_create, holding_add

pytestmark = pytest.mark.django_db

LIST = reverse("people:cadre_list")


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
