"""Succession by position in real Chromium: choose a type, see who is planned in each term with what
they lack, and open the programme that would close it."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choose_a_type_and_open_a_closing_programme(page, live_server, small_province, sign_in):
    small_province.user("snv", Role.SNV)
    sign_in(page, live_server, "snv")
    page.goto(f"{live_server.url}/quy-hoach/?as_of=01/01/2020")
    page.get_by_label("Chức danh").select_option("GD-SO")
    page.locator("main form.filters").get_by_role("button", name="Xem").click()
    term = page.locator("section", has=page.locator("h2", has_text="Nhiệm kỳ 2015–2020"))
    row = term.locator("tr", has_text="Võ Minh Khang")
    expect(row).to_contain_text("Lý luận chính trị: Không → Cao cấp")
    shot(page, "succession")
    row.get_by_role("link", name="Cao cấp lý luận chính trị").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chương trình đào tạo")
