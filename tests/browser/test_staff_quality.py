"""The staff quality report in real Chromium: the indicators by category, and from a count to the
people behind it."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_a_count_to_its_people(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/ra-soat/chat-luong/?as_of=01/01/2020")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Số lượng, chất lượng cán bộ")
    women = page.locator("tr", has=page.locator("td", has_text="Nữ")).first
    expect(women.locator("td").nth(2)).to_have_text("3")  # Lê Thị Hoa, Nguyễn Thị Đào, Hoàng Thị Mai
    shot(page, "staff-quality")
    women.locator("td").nth(2).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nữ – Tổng số")
    expect(page.locator("table.data tbody tr")).to_have_count(3)
    expect(page.locator("table.data")).not_to_contain_text("Ka Điệp")  # a state-bloc officer: outside btc
