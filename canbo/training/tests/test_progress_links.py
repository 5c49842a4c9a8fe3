"""Every figure of the training progress page equals the number of people its link opens, for Ban Tổ
chức and Đức Trọng's HR officer: the owed figures counted for the whole workforce and summed over
each reach, then kept by the warming and moved by a write that touched one cadre; the officer's
lists hold Đức Trọng's cadres only."""

import datetime as dt
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.core.deltas import keeping_rows
from canbo.people import services
from canbo.reports.tests.test_figure_links import TOTAL, _links
from canbo.rules.engine import context_for, eligibility_sums_by_reach
from canbo.training import progress
from canbo.training.tests.test_courses import YEAR, in_force_plan, users  # noqa: F401
from canbo.training.tests.test_progress import sent_and_completed

pytestmark = pytest.mark.django_db
DUC_TRONG = {"DT1", "DT2", "OLD"}  # the cadres who ever held a position in Đức Trọng's subtree
AS_OF = dt.date(YEAR + 1, 6, 30)


@pytest.fixture
def planned(small_province, users):  # noqa: F811
    """Sở Nội vụ trains SNV2 (PL1 fails); Đức Trọng plans DT2 for a degree."""
    sent_and_completed(small_province, users, "dai_hoc")
    in_force_plan(small_province, users, unit="HU-DT", lines=[("dai_hoc", "tap_trung", ["DT2"])])


def _pages() -> list[str]:
    page = reverse("training:progress") + f"?as_of={AS_OF}"  # the period of the rule set, as warmed
    return [page, f"{page}&chuong_trinh=dai_hoc", f"{page}&don_vi=HU-DT&chuong_trinh=dai_hoc",
            f"{page}&tu_nam={YEAR - 1}&den_nam={YEAR + 1}&chuong_trinh=dai_hoc"]


def _followed(client) -> tuple[int, set[str], int]:
    """How many figure links were followed, the codes of everyone they listed and the sum of the
    figures; each list as long as its figure."""
    checked, codes, total = 0, set(), 0
    for url in _pages():
        response = client.get(url)
        assert response.status_code == 200, url
        for href, figure in _links(response.content.decode()):
            opened = client.get(urljoin(url, href))
            totals = TOTAL.findall(opened.content.decode())
            assert totals, f"{href} shows no total"
            assert int(totals[0]) == figure, f"{url}: {figure} links to {href} with {totals[0]} rows"
            codes |= {cadre.code for cadre in opened.context["listed"]}
            checked, total = checked + 1, total + figure
    return checked, codes, total


@pytest.mark.parametrize(("username", "graduate"), [("btc", "HOI"), ("hr", "DT2")])
def test_every_figure_equals_the_list_it_opens_before_and_after_a_write(
        client, small_province, users, planned, username, graduate):  # noqa: F811
    client.force_login(users[username])
    with keeping_rows():
        progress.warm(AS_OF)
    checked, codes, total = _followed(client)
    assert checked > 50 and total > 0
    assert 'data-count="0">0</a>' not in client.get(_pages()[0]).content.decode()  # a zero opens no list
    # A degree obtained in YEAR: no longer owed from then on, in the kept counts moved by the write.
    services.qualification_add(actor=system_actor(), cadre=small_province.cadres[graduate], kind="chuyen_mon",
                               level="dai_hoc", obtained_on=dt.date(YEAR, 3, 1))
    assert eligibility_sums_by_reach(context_for(dt.date(YEAR, 12, 31)), only_kept=True) is not None  # moved
    after, after_codes, after_total = _followed(client)
    assert 0 < after <= checked and after_total < total  # (a figure fallen to 0 links nowhere)
    if username == "hr":
        assert codes | after_codes <= DUC_TRONG and "DT2" in codes
    else:
        assert {"PL1", "DT2", "HOI"} <= codes
