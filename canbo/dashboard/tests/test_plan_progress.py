"""The home page's plan progress by year: over every programme, degree or fostering, the cadres the
approved plans named and those who passed, within the reader's reach; each figure opens its people."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from canbo.dashboard.plan_progress import plan_progress
from canbo.training.progress import every_programme
from canbo.training.tests.test_courses import YEAR, users  # noqa: F401
from canbo.training.tests.test_progress import sent_and_completed

pytestmark = pytest.mark.django_db
AS_OF = dt.date(YEAR + 1, 6, 30)


@pytest.fixture
def trained(small_province, users):  # noqa: F811
    # A fostering programme, which the degree programmes' progress does not count: SNV2 passes, PL1 fails.
    sent_and_completed(small_province, users, "nghiep_vu_nha_nuoc", code="NV-2018")


def _counts(progress) -> dict:
    return {row["year"]: [figure["count"] for figure in row["figures"]] for row in progress["rows"]}


def test_each_year_counts_the_cadres_planned_and_trained_over_every_programme(
        small_province, users, trained):  # noqa: F811
    progress = plan_progress(actor=users["btv"], as_of=AS_OF)
    assert _counts(progress) == {YEAR: [2, 1]} and progress["empty"] == [2017, YEAR + 1]
    district = plan_progress(actor=users["hr"], as_of=AS_OF)  # Đức Trọng's officer reaches no SNV plan
    assert district == {"rows": [], "empty": [2017, YEAR, YEAR + 1], "latest": None}


def test_at_an_earlier_date_only_the_plans_approved_and_the_courses_completed_by_then_count(
        small_province, users, trained):  # noqa: F811
    # The plan was made on 01/10/2017 and approved four days later; the course completed 21/12/2018.
    assert _counts(plan_progress(actor=users["btv"], as_of=dt.date(YEAR, 12, 20))) == {YEAR: [2, 0]}
    assert _counts(plan_progress(actor=users["btv"], as_of=dt.date(YEAR, 12, 21))) == {YEAR: [2, 1]}
    planned = {day: len(every_programme(actor=users["btv"], years=[YEAR], as_of=day)[YEAR]["ke_hoach"])
               for day in (dt.date(YEAR - 1, 10, 4), dt.date(YEAR - 1, 10, 5))}
    assert planned == {dt.date(YEAR - 1, 10, 4): 0, dt.date(YEAR - 1, 10, 5): 2}  # before and once approved


def test_years_shown_without_anyone_point_to_the_latest_year_with_someone(
        client, small_province, users, trained):  # noqa: F811
    later = dt.date(YEAR + 8, 6, 30)  # the card shows the last five years, none with anyone
    progress = plan_progress(actor=users["btv"], as_of=later)
    assert progress["rows"] == [] and progress["empty"] == list(range(YEAR + 4, YEAR + 9))
    url = f"{reverse('training:progress')}?tu_nam=2017&den_nam={YEAR}"
    assert progress["latest"] == {"year": YEAR, "url": url}
    assert plan_progress(actor=users["hr"], as_of=later)["latest"] is None  # none within the officer's reach
    client.force_login(users["btv"])
    home = client.get(reverse("core:home"), {"as_of": f"{later:%d/%m/%Y}"}).content.decode()
    assert f'href="{url.replace("&", "&amp;")}" id="the-plan-latest"' in home


def test_each_figure_opens_its_people(client, small_province, users, trained):  # noqa: F811
    client.force_login(users["snv"])
    rows = plan_progress(actor=users["snv"], as_of=AS_OF)["rows"]
    checked = 0
    for figure in (figure for row in rows for figure in row["figures"]):
        page = client.get(f"{figure['url']}&as_of={AS_OF:%d/%m/%Y}").content.decode()
        assert int(re.search(r'data-total="(\d+)"', page)[1]) == figure["count"]
        checked += figure["count"]
    assert checked == 3
    page = client.get(f"{reverse('core:plan_people')}?as_of={AS_OF:%d/%m/%Y}&nam={YEAR}&xem=da_dao_tao")
    assert "Phạm Quốc Huy" in page.content.decode() and "Võ Minh Khang" not in page.content.decode()
    assert client.get(f"{reverse('core:plan_people')}?nam=1990&xem=ke_hoach").status_code == 404


def test_a_date_before_the_rule_set_shows_no_year(small_province, users, trained):  # noqa: F811
    progress = plan_progress(actor=users["btv"], as_of=dt.date(2000, 1, 1))
    assert progress == {"rows": [], "empty": [], "latest": None}
