"""Every figure that links to people equals the number of rows of the list it opens.

Follows each link marked `data-count` on the home page, the unit tree, the review page (every
figure, its chart of units, a chart inside a unit) and the review compared at two dates (counted,
or summed from kept counts moved by a write, for the scope and a unit) for several roles, on a
province with retired people still recorded in open positions, BTV-managed cadres in state units, a
person holding two positions in one subtree and people who entered and left figures between the
dates; the opened list shows its total as `data-total`.
"""

import datetime as dt
import html
import re
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.dashboard.warm import warm_home
from canbo.people import services
from canbo.rules.verdicts import REVIEW

pytestmark = pytest.mark.django_db
AS_OF = "2020-01-01"
LINK = re.compile(r"<a\s[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
TOTAL = re.compile(r'data-total="(\d+)"')


@pytest.fixture
def province(small_province):
    p = small_province

    def person(code, name, gender, born, unit, type_code, **extra):
        cadre = services.cadre_create(actor=system_actor(), code=code, full_name=name, birth_date=born,
                                      gender=gender, category="cong_chuc", **extra)
        services.holding_add(actor=system_actor(), cadre=cadre, unit=p.units[unit],
                             position_type=p.types[type_code], valid_from=dt.date(2005, 1, 1))
        return cadre

    # Retired before 2020 with their positions never closed.
    person("HUU1", "Nguyễn Văn Hưu", "nam", dt.date(1950, 5, 5), "UB-DT", "CV")
    person("HUU2", "Trần Thị Nghỉ", "nu", dt.date(1958, 8, 8), "TU", "BT-TU")
    # BTV-managed in state units: seen by btc through the BTV rule, under none of btc's units.
    person("GD2", "Phan Văn Sở", "nam", dt.date(1972, 2, 2), "UB-DT", "GD-SO")
    # Two positions in the same subtree count once there.
    services.holding_add(actor=system_actor(), cadre=p.cadres["DT1"], unit=p.units["X-LN"],
                         position_type=p.types["CV"], valid_from=dt.date(2016, 1, 1))
    # Between the compared dates: a degree obtained, a post that requires cao cấp LLCT taken.
    services.qualification_add(actor=system_actor(), cadre=p.cadres["DT2"], kind="chuyen_mon",
                               level="dai_hoc", obtained_on=dt.date(2019, 5, 1))
    services.holding_add(actor=system_actor(), cadre=p.cadres["SNV2"], unit=p.units["HU-DT"],
                         position_type=p.types["BT-HU"], valid_from=dt.date(2019, 6, 1))
    return p


def _links(content: str) -> list[tuple[str, int]]:
    found = []
    for tag in LINK.findall(content):
        attributes = dict(ATTRIBUTE.findall(tag))
        if "data-count" in attributes:
            found.append((html.unescape(attributes["href"]), int(attributes["data-count"])))
    return found


def _pages() -> list[str]:
    review = reverse("reports:review")
    return [
        reverse("core:home"),
        reverse("org:unit_tree"),
        *(f"{review}?chi_so={verdict.key}" for verdict in REVIEW),
        f"{review}?don_vi=HU-DT&chi_so=thieu_dai_hoc",
        f"{review}?don_vi=TU&chi_so=thieu_cao_cap_llct",
        *_comparisons("tu_ngay=01/01/2016&den_ngay=01/01/2020"),
    ]


def _comparisons(dates: str) -> list[str]:
    compare = reverse("core:compare")
    return [f"{compare}?{dates}", f"{compare}?{dates}&don_vi=HU-DT"]


ROLES = [("btc", None), ("snv", None), ("unit_hr", "HU-DT"), ("btv", None)]


@pytest.mark.parametrize(("role", "scope_unit"), ROLES)
def test_every_figure_equals_the_list_it_opens(client_as, province, role, scope_unit):
    client = client_as(f"user_{role}", role=role, scope_unit=scope_unit)
    client.get(reverse("core:home") + f"?as_of={AS_OF}")
    assert _checked(client, _pages()) > 10


@pytest.mark.parametrize(("role", "scope_unit"), ROLES)
def test_every_comparison_from_kept_counts_equals_the_list_it_opens(client_as, province, role, scope_unit):
    client = client_as(f"user_{role}", role=role, scope_unit=scope_unit)
    warm_home(dt.date.fromisoformat(AS_OF))  # the year before AS_OF and AS_OF, kept with their rows
    # Moved into them: a post requiring cao cấp LLCT held at both dates.
    services.holding_add(actor=system_actor(), cadre=province.cadres["HOI"], unit=province.units["X-LN"],
                         position_type=province.types["BT-HU"], valid_from=dt.date(2018, 1, 1))
    client.get(reverse("core:home") + f"?as_of={AS_OF}")
    assert _checked(client, _comparisons("")) >= 12


def _checked(client, pages: list[str]) -> int:
    """How many figures of `pages` were followed to their lists, each list as long as its figure."""
    checked = 0
    for url in pages:
        response = client.get(url)
        if response.status_code == 404:  # a unit outside this role's scope
            continue
        assert response.status_code == 200, url
        for href, figure in _links(response.content.decode()):
            opened = client.get(urljoin(url, href))  # a link may be its page's own, with another query
            assert opened.status_code == 200, href
            totals = TOTAL.findall(opened.content.decode())
            assert totals, f"{href} shows no total"
            assert int(totals[0]) == figure, f"{url}: {figure} links to {href} with {totals[0]} rows"
            checked += 1
    return checked


def test_btc_chart_has_a_bar_for_people_under_none_of_its_units(client_as, province):
    client = client_as("btc1", role="btc")
    page = client.get(reverse("reports:review") + f"?as_of={AS_OF}&chi_so=thieu_cao_cap_llct")
    figure = next(f["value"] for f in page.context["figures"] if f["key"] == "thieu_cao_cap_llct")
    remainder = [item["value"] for item in page.context["chart"] if item["unit"] is None]
    assert remainder == [2]  # SNV1 and GD2, Giám đốc Sở in state units
    assert sum(item["value"] for item in page.context["chart"]) == figure
    assert "Không thuộc đơn vị nào ở trên" in page.content.decode()


def test_retired_people_are_not_counted_as_working(client_as, province):
    client = client_as("btv1", role="btv")
    home = client.get(reverse("core:home") + f"?as_of={AS_OF}").context["figures"]
    # 7 of the 8 first cadres hold a position (OLD's ended in 2015), plus GD2; HUU1, HUU2 retired.
    assert home["holding_cadres"] == 8
    tree = client.get(reverse("org:unit_tree"))
    assert "HUU1" not in client.get(reverse("org:unit_detail", args=["UB-DT"])).content.decode()
    assert tree.status_code == 200


def test_units_too_small_to_show_go_to_the_last_bar(province):
    from canbo.reports import chart, selectors

    btv = province.user("btv2", "btv")
    as_of = dt.date.fromisoformat(AS_OF)
    key = "thieu_dai_hoc"
    total = selectors.review(actor=btv, as_of=as_of)[key]
    split = chart.review_chart(actor=btv, as_of=as_of, key=key, unit=None, size=1)
    whole = chart.review_chart(actor=btv, as_of=as_of, key=key, unit=None)
    assert len(whole.bars) > 1 and all(n for _unit, n in whole.bars)  # a unit with no one has no bar
    assert len(split.bars) == 1 and split.hidden == len(whole.bars) - 1
    outside = chart.shown_units(actor=btv, as_of=as_of, key=key, unit=None, size=1)
    listed, _rows = selectors.people_behind(actor=btv, as_of=as_of, key=key, outside=outside)
    assert split.rest == listed
    assert split.bars[0][1] + split.rest == total


def test_a_scope_of_one_unit_is_charted_by_its_children(province):
    from canbo.reports import chart, selectors

    officer = province.user("hr_dt", "unit_hr", scope_unit="HU-DT")
    as_of = dt.date.fromisoformat(AS_OF)
    charted = chart.chart_units(actor=officer, unit=None, as_of=as_of)
    assert [u.code for u in charted] == ["UB-DT", "X-LN"]  # not one bar for Huyện ủy Đức Trọng
    figures = selectors.review(actor=officer, as_of=as_of)
    for key in ("thieu_cao_cap_llct", "thieu_dai_hoc"):
        split = chart.review_chart(actor=officer, as_of=as_of, key=key, unit=None)
        assert sum(n for _unit, n in split.bars) + split.rest == figures[key]
