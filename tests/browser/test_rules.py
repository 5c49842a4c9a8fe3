"""The rules page in real Chromium: a parameter gets a new value from a date, with confirmation."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_parameter_value_from_a_date_keeps_the_earlier_one(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/quy-tac/?as_of=30/06/2024")
    row = page.locator("#tham-so-tuoi_tre")
    expect(row).to_contain_text("35 tuổi")
    row.get_by_role("link", name="Thay đổi").click()
    page.get_by_label("Giá trị mới").fill("30")
    page.get_by_label("Hiệu lực từ ngày").fill("01/01/2024")
    page.get_by_label("Lý do thay đổi").fill("Điều chỉnh độ tuổi cán bộ trẻ")
    page.get_by_label("Văn bản quyết định").fill("Quyết định 12-QĐ/TU")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("alert")).to_contain_text("từ ngày 01/01/2024, tham số có giá trị 30 tuổi")
    shot(page, "parameter-version")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("#tham-so-tuoi_tre")).to_contain_text("30 tuổi")
    expect(page.locator("#quy-tac-T3 + dd")).to_contain_text("cán bộ trẻ (dưới 30 tuổi)")
    page.goto(f"{live_server.url}/quy-tac/?as_of=30/06/2017")
    expect(page.locator("#tham-so-tuoi_tre")).to_contain_text("35 tuổi")
    expect(page.locator("#quy-tac-T3 + dd")).to_contain_text("cán bộ trẻ (dưới 35 tuổi)")
    expect(page.locator("#quy-tac-R4")).to_contain_text("canbo chưa kiểm tra")
