"""Succession by position in real Chromium: every type's current term at a glance, choose a type, see
who is planned in each term with what they lack, and open the programme that would close it; a
position over the cap of planning."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people.services import planning_add
from canbo.rules.models import Parameter
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.services import parameter_version_create
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choose_a_type_and_open_a_closing_programme(page, live_server, small_province, sign_in):
    small_province.user("snv", Role.SNV)
    sign_in(page, live_server, "snv")
    page.goto(f"{live_server.url}/quy-hoach/?as_of=01/01/2020")
    overview = page.locator("#tong-hop + p + .table-meta + .table-wrap tbody tr", has_text="Giám đốc Sở")
    expect(overview).to_contain_text("2015–2020")
    shot(page, "succession-overview")
    page.get_by_label("Chức danh", exact=True).select_option("GD-SO")
    page.locator("main form.filters").get_by_role("button", name="Xem").click()
    term = page.locator("section", has=page.locator("h2", has_text="Nhiệm kỳ 2015–2020"))
    row = term.locator("tr", has_text="Võ Minh Khang")
    expect(row).to_contain_text("Lý luận chính trị: Không → Cao cấp")
    shot(page, "succession")
    row.get_by_role("link", name="Cao cấp lý luận chính trị").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chương trình đào tạo")


def test_a_position_over_the_cap_is_flagged_with_links_to_its_people(page, live_server, small_province,
                                                                     sign_in):
    system = system_actor()
    director = small_province.types["GD-SO"]
    for code in ("SNV1", "SNV2", "HOI"):
        planning_add(actor=system, cadre=small_province.cadres[code], position_type=director, term_start=2015,
                     term_end=2020, approved_on=dt.date(2016, 6, 1))
    parameter = Parameter.objects.get(rule_set=rule_set_in_force(dt.date(2020, 1, 1)),
                                      key="so_nguoi_toi_da_mot_chuc_danh")
    parameter_version_create(actor=system, parameter=parameter, value=3, valid_from=dt.date(2019, 1, 1),
                             reason="Áp dụng giới hạn quy hoạch", decision="Quy định 377-QĐ/TW")
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/quy-hoach/?as_of=01/01/2020")
    flagged = page.locator("#chuc-danh-vuot tbody tr")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("2015–2020")
    expect(flagged).to_contain_text("4 / 3")
    expect(page.locator("#gioi-han")).to_contain_text("không giới hạn số chức danh của một người")
    shot(page, "succession-caps")
    flagged.get_by_role("link", name="Võ Minh Khang").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Võ Minh Khang")
