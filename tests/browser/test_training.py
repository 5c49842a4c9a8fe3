"""The training pages in real Chromium: the programme catalogue, edited by snv with a confirmation
before a deletion."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_snv_edits_the_catalogue_and_deletes_a_course_after_confirming(page, live_server, small_province,
                                                                      sign_in):
    small_province.user("snv", Role.SNV)
    sign_in(page, live_server, "snv")
    menu = page.get_by_role("navigation", name="Chức năng")
    menu.get_by_role("link", name="Chương trình đào tạo, bồi dưỡng").click()
    expect(page.get_by_role("heading", name="Chương trình đào tạo, bồi dưỡng", level=1)).to_be_visible()
    row = page.locator("tr", has_text="Đại học").filter(has_text="Chuyên môn: Đại học")
    expect(row).to_contain_text("4 năm")
    expect(row).to_contain_text("5 năm")
    shot(page, "programmes")

    page.get_by_role("link", name="Thêm chương trình").click()
    page.get_by_label("Nhóm chương trình").select_option(
        label="Bồi dưỡng kiến thức quản lý kinh tế, kỹ năng lãnh đạo, quản lý, chuyên môn, nghiệp vụ")
    page.get_by_label("Mã").fill("dau_thau")
    page.get_by_label("Tên chương trình").fill("Nghiệp vụ đấu thầu")
    page.get_by_label("Thời gian đào tạo").fill("1")
    page.get_by_label("Kinh phí một học viên học tập trung").fill("3.500.000")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert").first).to_contain_text("Chọn ít nhất một hình thức học")
    expect(page.get_by_label("Tên chương trình")).to_have_value("Nghiệp vụ đấu thầu")
    shot(page, "programme-form-error")
    page.get_by_role("checkbox", name="Học tập trung").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm chương trình “Nghiệp vụ đấu thầu”")
    new_row = page.locator("tr", has_text="Nghiệp vụ đấu thầu")
    expect(new_row).to_contain_text("3.500.000 đ")

    new_row.get_by_role("link", name="Xóa").click()
    expect(page.get_by_role("alert")).to_contain_text("Xác nhận xóa chương trình “Nghiệp vụ đấu thầu”")
    shot(page, "programme-delete-confirm")
    page.get_by_role("button", name="Xác nhận xóa").click()
    expect(page.locator(".messages")).to_contain_text("Đã xóa chương trình “Nghiệp vụ đấu thầu”")
    expect(page.locator("tr", has_text="Nghiệp vụ đấu thầu")).to_have_count(0)
