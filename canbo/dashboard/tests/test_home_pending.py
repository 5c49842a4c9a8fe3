"""Where the home page's figures must first be counted (in a province of at least
CANBO_HOME_COUNTED_APART cadres: with nothing kept, or after a write that may change everyone), the
page comes without them and they follow from `core:home_cards`: the same figures the page shows
within it once they are kept. A write to a few cadres moves the kept figures, so the page has them;
a unit's officer waits only until its subtree, counted on its own, is counted."""

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.dashboard.warm import warm_home
from canbo.org.models import PositionType
from canbo.people import services

pytestmark = pytest.mark.django_db
HOME = reverse("core:home") + "?as_of=01/01/2020"
SOURCE = re.compile(r'data-src="([^"]+)"')
COUNTED = re.compile(r'href="([^"]+)" data-count="(\d+)"')


def waiting(client) -> str | None:
    """The address the page asks its figures from, or None when it has them within."""
    body = client.get(HOME).content.decode()
    found = SOURCE.search(body)
    assert (found is None) == ("data-count=" in body)
    return html.unescape(found.group(1)) if found else None


def figures(body: str) -> list[tuple[str, str]]:
    return COUNTED.findall(body)


@pytest.fixture
def large(settings):
    settings.CANBO_HOME_COUNTED_APART = 1  # the small province is counted apart like a large one


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_wide_scope_gets_the_page_first_and_its_figures_after(small_province, large):
    btc = signed_in(small_province.user("btc", Role.BTC))
    source = waiting(btc)  # nothing kept yet
    assert source is not None and source.startswith(reverse("core:home_cards"))
    apart = btc.get(source)
    assert apart.status_code == 200 and len(figures(apart.content.decode())) > 10
    assert waiting(btc) is None  # counted by that request, kept
    within = btc.get(HOME).content.decode()
    assert figures(within) == figures(apart.content.decode())

    warm_home(dt.date(2020, 1, 1))  # as after a write: the figures kept with their rows
    services.qualification_add(actor=system_actor(), cadre=small_province.cadres["DT2"], kind="chuyen_mon",
                               level="dai_hoc", obtained_on=dt.date(2018, 1, 1))
    assert waiting(btc) is None, "a write to one cadre moves the figures kept with their rows"
    PositionType.objects.filter(code="CV").update(btv_managed=True)  # may change every scope
    assert waiting(btc) is not None
    assert "data-count=" in btc.get(HOME + "&tinh_ngay=1").content.decode()  # without scripts


def test_a_unit_officer_waits_only_until_its_own_figures_are_counted(small_province, large):
    hr = signed_in(small_province.user("hr", Role.UNIT_HR, "HU-DT"))
    source = waiting(hr)
    assert source is not None
    apart = hr.get(source).content.decode()
    assert "SNV" not in apart  # the scope holds in the figures fetched apart
    assert waiting(hr) is None  # its subtree counted on its own, kept
    assert figures(apart) == figures(hr.get(HOME).content.decode())


def test_a_small_province_is_counted_within_the_page(small_province, settings):
    btc = signed_in(small_province.user("btc", Role.BTC))
    settings.CANBO_HOME_COUNTED_APART = 10_000
    assert waiting(btc) is None
    settings.CANBO_HOME_COUNTED_APART = 1
    PositionType.objects.filter(code="CV").update(btv_managed=True)
    assert waiting(btc) is not None
