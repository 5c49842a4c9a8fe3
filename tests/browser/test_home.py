"""The home page in real Chromium: the cards of a province-wide role and of a district officer, and
from the comparison of two dates to the people who entered a figure."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
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
