"""One unit picker: every unit of the user's scope, indented as a tree, the same on every page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.accounts.testing import AS_OF as AS_OF_DATE
from canbo.org.picker import unit_picker_options
from canbo.org.services import unit_create

pytestmark = pytest.mark.django_db
OPTION = re.compile(r'<option value="([^"]*)" data-depth="(\d+)"')
FILTERED_PAGES = ("people:cadre_list", "reports:review", "reports:eligible", "reports:rotation_pool")


def _tree(user):
    return [(o.code, o.depth) for o in unit_picker_options(user, AS_OF_DATE)]


def test_the_tree_covers_the_whole_scope(small_province):
    hr = small_province.user("hr", "unit_hr", "HU-DT")
    assert _tree(hr) == [("HU-DT", 0), ("X-LN", 1), ("UB-DT", 1)]  # Đảng ủy… before UBND…
    snv = small_province.user("snv1", "snv")
    assert _tree(snv) == [("SNV", 0), ("UB-DT", 0)]  # their parents are out of scope: roots
    btv = small_province.user("btv1", "btv")
    # Siblings in Vietnamese letter order: Hội Liên hiệp…, Huyện ủy…, Sở Nội vụ, Tỉnh ủy…
    assert _tree(btv) == [
        ("HLHPN", 0), ("HU-DT", 0), ("X-LN", 1), ("UB-DT", 1), ("SNV", 0), ("TU", 0), ("BTC", 1),
    ]


@pytest.mark.parametrize(("role", "scope_unit"), [("btv", None), ("unit_hr", "HU-DT"), ("btc", None)])
def test_every_page_with_a_unit_filter_offers_the_same_tree(client_as, role, scope_unit):
    client = client_as("nguoidung", role=role, scope_unit=scope_unit)
    expected = [("", 0), *_tree(client.get(reverse("core:home")).wsgi_request.user)]
    for name in FILTERED_PAGES:
        content = client.get(reverse(name), {"don_vi": expected[-1][0]}).content.decode()
        found = [(code, int(depth)) for code, depth in OPTION.findall(content)]
        assert found == expected, name
        assert f'value="{expected[-1][0]}" data-depth' in content
        assert "data-unit-picker" in content and "unit_picker.js" in content


def _signed_in(small_province, username, role, scope_unit=None) -> Client:
    client = Client()
    client.force_login(small_province.user(username, role, scope_unit))
    return client


def _picker(client, **query) -> list[str]:
    content = client.get(reverse("people:cadre_list"), query).content.decode()
    return [code for code, _depth in OPTION.findall(content)]


def test_the_kept_options_follow_the_data_and_each_scope(small_province):
    """The options are built once per scope, date and data version, then kept: a new unit shows on
    the next page, and a user of another scope never gets the options of the one before."""
    btv = _signed_in(small_province, "btv1", "btv")
    hr = _signed_in(small_province, "hr1", "unit_hr", "HU-DT")
    everything = ["", "HLHPN", "HU-DT", "X-LN", "UB-DT", "SNV", "TU", "BTC"]
    assert _picker(btv) == everything
    assert _picker(hr) == ["", "HU-DT", "X-LN", "UB-DT"]
    assert _picker(btv) == everything
    district = small_province.units["HU-DT"]
    unit_create(actor=system_actor(), code="X-NG", name="Đảng ủy xã Ninh Gia", level="xa", bloc="dang",
                locality=district.locality, parent=district)
    assert _picker(hr) == ["", "HU-DT", "X-LN", "X-NG", "UB-DT"]
    assert "X-NG" in _picker(btv)


def test_only_the_chosen_unit_is_marked(small_province):
    client = _signed_in(small_province, "btv1", "btv")
    for chosen in ("X-LN", "TU", ""):
        content = client.get(reverse("people:cadre_list"), {"don_vi": chosen}).content.decode()
        marked = re.findall(r'<option value="([^"]*)"[^>]* selected', content)
        assert marked == ([chosen] if chosen else []), chosen
