"""The records pages in real Chromium: sign-in, list with search and filters, detail, scope, tree."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set CANBO_SCREENSHOT_DIR to keep what the tests saw; docs/screenshots come from the demo
# province through capture_screenshots.py.
SCREENSHOTS = os.environ.get("CANBO_SCREENSHOT_DIR")


def shot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"))


def test_wrong_password_shows_the_error_then_sign_in_works(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/tai-khoan/dang-nhap/?next=/")
    shot(page, "sign-in")
    sign_in(page, live_server, "btv", "sai-mat-khau")
    expect(page.get_by_role("alert")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("btv")
    sign_in(page, live_server, "btv")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    expect(page.locator(".who-role")).to_have_text("Ban Thường vụ Tỉnh ủy")


def test_as_of_date_changes_every_page(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    sign_in(page, live_server, "btv")
    page.get_by_label("Dữ liệu tại ngày").fill("01/01/2020")
    page.get_by_role("button", name="Xem", exact=True).click()
    expect(page.locator(".as-of-banner")).to_contain_text("01/01/2020")
    expect(page.locator(".figure").first).to_contain_text("8")
    shot(page, "home")
    page.get_by_role("link", name="Danh sách cán bộ").click()
    expect(page.get_by_label("Dữ liệu tại ngày")).to_have_value("01/01/2020")


def test_list_search_filter_and_detail(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    sign_in(page, live_server, "btv")
    page.goto(f"{live_server.url}/can-bo/?as_of=01/01/2020")
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(8)
    shot(page, "list")
    page.get_by_label("Họ tên hoặc mã (có dấu hay không dấu)").fill("nguyen thi dao")
    page.get_by_role("button", name="Lọc").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Nguyễn Thị Đào")
    page.get_by_role("link", name="Bỏ lọc").click()
    page.get_by_label("Khối").select_option("nha_nuoc")
    page.get_by_role("button", name="Lọc").click()
    expect(rows).to_have_count(4)
    page.get_by_role("link", name="Ngày sinh").click()
    expect(rows.first).to_contain_text("Lê Thị Hoa")
    page.goto(f"{live_server.url}/can-bo/?q=dao")
    page.get_by_role("link", name="Nguyễn Thị Đào").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Thị Đào")
    expect(page.get_by_role("heading", name="Quá trình công tác")).to_be_visible()
    expect(page.locator("main")).to_contain_text("01/09/1968")
    expect(page.locator("main")).to_contain_text("123-QĐ/TU")
    shot(page, "detail")


def test_unit_hr_out_of_scope_is_404_and_tree_is_limited(page, live_server, small_province, sign_in):
    small_province.user("hr_ductrong", Role.UNIT_HR, scope_unit="HU-DT")
    sign_in(page, live_server, "hr_ductrong")
    expect(page.locator(".who-scope")).to_have_text("Huyện ủy Đức Trọng")
    response = page.goto(f"{live_server.url}/can-bo/SNV1/?as_of=01/01/2020")
    assert response.status == 404
    response = page.goto(f"{live_server.url}/can-bo/DT1/")
    assert response.status == 200
    page.goto(f"{live_server.url}/to-chuc/")
    expect(page.locator(".tree > li")).to_have_count(1)
    expect(page.locator(".tree")).to_contain_text("Huyện ủy Đức Trọng")
    expect(page.locator(".tree")).not_to_contain_text("Sở Nội vụ")
    page.locator(".tree .count").first.click()
    expect(page.locator("table.data tbody tr")).to_have_count(2)


def test_tree_screenshot_for_the_province(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    sign_in(page, live_server, "btv")
    page.goto(f"{live_server.url}/to-chuc/?as_of=01/01/2020")
    expect(page.locator(".tree")).to_contain_text("Tỉnh ủy Lâm Đồng")
    shot(page, "unit-tree")
