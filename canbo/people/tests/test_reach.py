"""What puts cadres in a user's scope, as the units a count over the whole workforce is summed by
(`canbo.people.reach.reach_of`): read once per data token for one user object, read again after
any write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.org.services import unit_create
from canbo.people import reach

pytestmark = pytest.mark.django_db


def test_a_users_reach_is_read_once_per_data_token(small_province):
    p = small_province
    officer = p.user("hr_dt", Role.UNIT_HR, "HU-DT")
    first = reach.reach_of(officer)
    assert p.units["HU-DT"].id in first.units and p.units["SNV"].id not in first.units
    with CaptureQueriesContext(connection) as asked:
        assert reach.reach_of(officer) == first
    assert [query["sql"] for query in asked.captured_queries if "org_unit" in query["sql"]] == []
    added = unit_create(
        actor=system_actor(), code="HU-DT-X", name="Ban Tuyên giáo Huyện ủy", level="huyen", bloc="dang",
        locality=p.units["HU-DT"].locality, parent=p.units["HU-DT"],
    )
    assert reach.reach_of(officer).units == first.units | {added.id}
