"""Editing a record by hand in real Chromium: Đức Trọng's HR officer adds a cadre, changes their position,
adds a qualification and prints the 2C form; an edit of a cadre outside the district is refused."""

import io
import os
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("CANBO_SCREENSHOT_DIR")


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


def _fill(page, values: dict) -> None:
    """A list by its option's text, the unit tree picker by typing and Enter on the first match."""
    for label, value in values.items():
        field = page.get_by_label(label, exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        elif field.get_attribute("role") == "combobox":
            field.fill(value)
            field.press("Enter")
        else:
            field.fill(value)


def test_an_officer_adds_a_cadre_moves_them_adds_a_degree_and_prints_the_form(
    page, live_server, small_province, sign_in
):
    small_province.user("hr_ductrong", Role.UNIT_HR, scope_unit="HU-DT")
    sign_in(page, live_server, "hr_ductrong")
    page.goto(f"{live_server.url}/can-bo/")
    page.get_by_role("link", name="Thêm cán bộ").click()
    _fill(page, {"Mã": "DT9", "Họ và tên": "Lê Văn Tâm", "Ngày sinh": "31/02/1988", "Giới tính": "Nam",
                 "Loại": "Công chức", "Số định danh cá nhân": "068088001234", "Đơn vị": "liên nghĩa",
                 "Chức danh": "Chuyên viên (CV)", "Từ ngày": "01/01/2019"})
    page.get_by_role("button", name="Thêm cán bộ").click()
    expect(page.get_by_role("alert").filter(has_text="Ngày sinh không đúng dạng")).to_be_visible()
    expect(page.get_by_label("Họ và tên", exact=True)).to_have_value("Lê Văn Tâm")
    expect(page.get_by_label("Ngày sinh", exact=True)).to_have_value("31/02/1988")
    expect(page.get_by_label("Đơn vị", exact=True)).to_have_value("Đảng ủy thị trấn Liên Nghĩa")
    _shot(page, "record-form-error.png")
    page.get_by_label("Ngày sinh", exact=True).fill("12/03/1988")
    page.get_by_role("button", name="Thêm cán bộ").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lê Văn Tâm")

    page.get_by_role("link", name="Chuyển công tác, bổ nhiệm").click()
    _fill(page, {"Đơn vị": "ubnd đức", "Chức danh": "Chuyên viên (CV)", "Từ ngày": "01/03/2021"})
    expect(page.get_by_label("Thôi giữ chức danh (kết thúc ngày trước ngày chuyển)")).to_contain_text(
        "Đảng ủy thị trấn Liên Nghĩa")
    _shot(page, "record-position-change.png")
    page.get_by_role("button", name="Chuyển công tác").click()
    holdings = page.locator("section[aria-labelledby='h-holdings']")
    expect(holdings).to_contain_text("28/02/2021")
    expect(holdings).to_contain_text("UBND huyện Đức Trọng")

    page.get_by_role("link", name="Thêm: Trình độ").click()
    _fill(page, {"Loại": "Chuyên môn", "Bậc": "Đại học", "Ngày cấp": "30/06/2010", "Chuyên ngành": "Luật",
                 "Nơi cấp": "Đại học Đà Lạt"})
    page.get_by_role("button", name="Thêm vào hồ sơ").click()
    expect(page.locator("section[aria-labelledby='h-qualifications']")).to_contain_text("Đại học Đà Lạt")
    _shot(page, "record-edited.png")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải DOCX").click()
    form = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = "\n".join(cell.text for table in form.tables for row in table.rows for cell in row.cells)
    assert "Đại học Đà Lạt" in text and "UBND huyện Đức Trọng" in text and "02/2021" in text


def test_an_edit_of_a_cadre_outside_the_district_is_refused(page, live_server, small_province, sign_in):
    small_province.user("hr_ductrong", Role.UNIT_HR, scope_unit="HU-DT")
    sign_in(page, live_server, "hr_ductrong")
    response = page.goto(f"{live_server.url}/can-bo/SNV2/cong-tac/them/")
    assert response.status == 404
    expect(page.locator("body")).to_contain_text("Không có cán bộ mã “SNV2” trong phạm vi của bạn")
    expect(page.locator("body")).not_to_contain_text("Phạm Quốc Huy")


def test_an_officer_removes_a_qualification_after_a_confirmation_and_puts_it_back(
    page, live_server, small_province, sign_in
):
    small_province.user("hr_ductrong", Role.UNIT_HR, scope_unit="HU-DT")
    sign_in(page, live_server, "hr_ductrong")
    page.goto(f"{live_server.url}/can-bo/DT1/")
    qualifications = page.locator("section[aria-labelledby='h-qualifications']")
    expect(qualifications).to_contain_text("Cao cấp")
    qualifications.get_by_role("link", name="Xóa").first.click()
    page.get_by_role("button", name="Xác nhận xóa").click()
    expect(page.locator(".messages")).to_contain_text("Có thể khôi phục ở mục “Dòng đã xóa” cuối trang")
    expect(qualifications).not_to_contain_text("Cao cấp")
    removed = page.locator("section[aria-labelledby='h-removed']")
    expect(removed).to_contain_text("DT1: xóa")
    expect(removed).to_contain_text("Cao cấp")
    removed.scroll_into_view_if_needed()
    _shot(page, "record-removed-rows.png")

    removed.get_by_role("button", name="Khôi phục").click()
    expect(page.locator(".messages")).to_contain_text("Đã khôi phục dòng vào hồ sơ")
    expect(qualifications).to_contain_text("Cao cấp")
    expect(page.locator("section[aria-labelledby='h-removed']")).to_have_count(0)
