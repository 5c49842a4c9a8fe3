"""The home page in real Chromium: the cards of a province-wide role, of a district officer and of the
political school, and from the comparison of two dates to the people who entered a figure."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.core.dates import moment_on
from canbo.org.services import unit_create
from canbo.rules.selectors import rule_set_in_force
from canbo.training.courses import course_create
from canbo.training.models import Programme
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_role_lands_on_its_cards(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/?as_of=01/01/2020")
    expect(page.locator("#the-review")).to_be_visible()
    expect(page.locator("#the-plans")).to_contain_text("2021")
    expect(page.locator("#the-rotation")).to_be_visible()
    expect(page.locator("table.trend tbody tr")).to_have_count(6)
    shot(page, "home-btc")
    page.get_by_role("link", name="So sánh hai ngày: ai vào, ai ra khỏi mỗi chỉ số").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("So sánh rà soát tại hai ngày")
    shot(page, "compare")
    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/?as_of=01/01/2020")
    expect(page.locator("#the-review")).to_be_visible()
    changes = page.locator("section[aria-labelledby=the-changes]")
    expect(changes).to_have_count(0)  # the province was recorded after that day
    page.get_by_role("link", name="Về hôm nay").click()
    expect(changes).to_contain_text("DT1")
    expect(changes).not_to_contain_text("DT1: DT1")  # the sentence names the cadre once, as its link
    expect(changes).not_to_contain_text("SNV")


def test_the_figures_follow_the_page_where_they_are_counted_apart(page, live_server, small_province, sign_in,
                                                                  settings):
    settings.CANBO_HOME_COUNTED_APART = 1  # the small province is counted apart like a large one
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    held = []
    page.route("**/tong-quan/so-lieu/**", lambda route: held.append(route))  # held until looked at
    page.goto(f"{live_server.url}/?as_of=01/01/2020")
    waiting = page.locator("#home-cards[aria-busy=true]")
    expect(waiting).to_contain_text("Đang tính số liệu trong phạm vi của bạn")
    expect(page.locator("#the-review")).to_have_count(0)
    while not held:
        page.wait_for_timeout(50)
    shot(page, "home-counting")
    held[0].continue_()
    expect(page.locator("#the-review")).to_be_visible()
    expect(page.locator("table.trend tbody tr")).to_have_count(6)
    expect(waiting).to_have_count(0)
    page.get_by_role("link", name="So sánh hai ngày: ai vào, ai ra khỏi mỗi chỉ số").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("So sánh rà soát tại hai ngày")


def test_the_waiting_box_says_so_when_the_figures_fail_to_come(page, live_server, small_province, sign_in,
                                                                settings):
    settings.CANBO_HOME_COUNTED_APART = 1
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.route("**/tong-quan/so-lieu/**", lambda route: route.fulfill(status=500, body="lỗi"))
    page.goto(f"{live_server.url}/?as_of=01/01/2020")
    expect(page.get_by_text("Không tải được số liệu của trang")).to_be_visible()
    expect(page.get_by_text("Đang tính số liệu trong phạm vi của bạn")).to_be_hidden()
    expect(page.get_by_role("link", name="Tải lại trang")).to_be_visible()


def test_the_school_lands_on_the_courses_it_runs(page, live_server, small_province, sign_in):
    system = system_actor()
    school = unit_create(actor=system, code="TCT", name="Trường Chính trị tỉnh", level="tinh", bloc="dang",
                         locality=small_province.units["TU"].locality)
    small_province.units["TCT"] = school
    programme = Programme.objects.get(rule_set=rule_set_in_force(dt.date(2019, 1, 1)), code="trung_cap_llct")
    course_create(actor=system, code="TC-2019", name="Trung cấp lý luận chính trị khóa 2019",
                  programme=programme, provider="", provider_unit=school, place="Đà Lạt",
                  start=dt.date(2019, 10, 1), end=dt.date(2020, 6, 30), seats=40, mode="tap_trung",
                  organiser="tinh_uy", venue="trong_nuoc", at=moment_on(dt.date(2019, 8, 1)))
    small_province.user("school", Role.SCHOOL, "TCT")
    sign_in(page, live_server, "school")
    page.goto(f"{live_server.url}/?as_of=01/01/2020")
    card = page.locator("section[aria-labelledby=the-courses]")
    expect(card.locator("a.figure[data-count='1']")).to_have_count(2)  # a draft, and behind its first day
    expect(page.locator("#the-review")).to_have_count(0)  # the review is not the school's
    shot(page, "home-school")
    card.get_by_role("link", name="Quá hạn chuyển bước").click()
    expect(page.locator("#khoa-hoc")).to_contain_text("TC-2019")
    expect(page.get_by_label("Quá hạn chuyển bước")).to_be_checked()
