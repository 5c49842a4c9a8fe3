"""The unit picker in real Chromium: search without diacritics, keyboard choice, plain select fallback."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_and_keyboard_choose_a_unit(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    sign_in(page, live_server, "btv")
    page.goto(f"{live_server.url}/can-bo/?as_of=01/01/2020")
    picker = page.get_by_role("combobox", name="Đơn vị (cả đơn vị trực thuộc)")
    picker.click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    # Indented tree: UBND huyện Đức Trọng sits under Huyện ủy Đức Trọng.
    child = listbox.get_by_role("option", name="UBND huyện Đức Trọng")
    parent = listbox.get_by_role("option", name="Huyện ủy Đức Trọng")
    assert child.bounding_box()["x"] >= 0
    assert float(child.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)")) > float(
        parent.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)")
    )
    picker.fill("ubnd duc trong")
    # The match and its parent stay; other units are hidden.
    expect(child).to_be_visible()
    expect(parent).to_be_visible()
    expect(listbox.get_by_role("option", name="Sở Nội vụ")).to_be_hidden()
    picker.press("Enter")
    expect(listbox).to_be_hidden()
    expect(picker).to_have_value("UBND huyện Đức Trọng")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert "don_vi=UB-DT" in page.url
    expect(page.locator("table.data")).to_contain_text("Ka Điệp")
    expect(page.get_by_role("combobox", name="Đơn vị (cả đơn vị trực thuộc)")).to_have_value(
        "UBND huyện Đức Trọng"
    )


def test_arrow_keys_move_and_escape_restores(page, live_server, small_province, sign_in):
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/ra-soat/?as_of=01/01/2020")
    picker = page.get_by_role("combobox", name="Đơn vị (cả đơn vị trực thuộc)")
    picker.focus()
    options = page.get_by_role("listbox").get_by_role("option")
    # The whole scope, then the district's tree: nothing outside it.
    expect(options).to_have_text(
        [
            "Toàn bộ phạm vi được xem",
            "Huyện ủy Đức Trọng",
            "Đảng ủy thị trấn Liên Nghĩa",
            "UBND huyện Đức Trọng",
        ]
    )
    picker.press("ArrowDown")
    picker.press("ArrowDown")
    expect(page.locator("[role=option].active")).to_have_text("Huyện ủy Đức Trọng")
    picker.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(picker).to_have_value("")
    for _ in range(3):
        picker.press("ArrowDown")
    expect(page.locator("[role=option].active")).to_have_text("Đảng ủy thị trấn Liên Nghĩa")
    picker.press("ArrowUp")
    picker.press("Enter")
    expect(picker).to_have_value("Huyện ủy Đức Trọng")
    picker.press("Enter")  # the list is closed: Enter submits the form
    page.wait_for_url("**don_vi=HU-DT**")


def test_without_the_script_the_plain_select_works(browser, live_server, small_province):
    small_province.user("btc", Role.BTC)
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("btc")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-2017")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/ra-soat/du-dieu-kien/?as_of=01/01/2020")
    select = page.get_by_label("Đơn vị (cả đơn vị trực thuộc)")
    select.select_option("HU-DT")
    page.locator("form.filters").get_by_role("button", name="Xem").click()
    assert "don_vi=HU-DT" in page.url
    context.close()
