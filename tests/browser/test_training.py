"""The training pages in real Chromium: the programme catalogue, edited by snv with a confirmation
before a deletion."""

import datetime as dt

import pytest
from django.utils import timezone
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


def _as(page, live_server, sign_in, username):
    page.context.clear_cookies()
    sign_in(page, live_server, username)


def _take(page, button: str, reason: str = ""):
    page.get_by_role("link", name=button, exact=True).click()
    if reason:
        page.get_by_label("Lý do, ý kiến (bắt buộc)").fill(reason)
    page.get_by_role("button", name=f"Xác nhận: {button}").click()
    expect(page.locator(".messages")).to_contain_text(f"{button}: kế hoạch chuyển sang bước")


def test_a_district_plan_goes_through_its_year_with_a_return_and_every_role_at_its_step(
        page, live_server, small_province, sign_in, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    for username, role, unit in (("hr_dt", Role.UNIT_HR, "HU-DT"), ("btc", Role.BTC, None),
                                 ("thuongtruc", Role.THUONG_TRUC, None), ("btv", Role.BTV, None),
                                 ("snv", Role.SNV, None)):
        small_province.user(username, role, unit)
    sign_in(page, live_server, "hr_dt")
    menu = page.get_by_role("navigation", name="Chức năng")
    menu.get_by_role("link", name="Kế hoạch đào tạo hằng năm").click()
    page.get_by_label("Năm kế hoạch").fill("2018")
    page.get_by_role("button", name="Xem").last.click()
    expect(page.locator("#han + p")).to_contain_text("trước ngày 01/11/2017")
    expect(page.locator(".not-sent")).to_contain_text("Huyện ủy Đức Trọng — chưa lập")
    page.get_by_role("link", name="Lập kế hoạch của đơn vị").click()
    content = "Cử 3 đồng chí học cao cấp lý luận chính trị tại chức."
    page.get_by_label("Nội dung kế hoạch").fill(content)
    made_on = page.get_by_label("Ngày lập (để trống nếu là hôm nay)")
    made_on.fill((timezone.localdate() + dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.locator(".form-error")).to_have_text("Không thể ghi một ngày sau hôm nay.")
    expect(page.get_by_label("Nội dung kế hoạch")).to_have_value(content)
    shot(page, "plan-made-on-refused")
    made_on.fill("02/10/2017")  # drafted on paper before it was entered
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.locator("#buoc")).to_have_text("Dự thảo")
    expect(page.locator("main")).to_contain_text("lập bởi hr_dt ngày 02/10/2017")
    page.get_by_role("link", name="Thêm dòng").click()
    page.get_by_label("Chương trình").select_option(label="Cao cấp lý luận chính trị")
    page.get_by_role("button", name="Chọn").click()
    page.get_by_label("Mã cán bộ khác").fill("DT1")
    page.get_by_role("button", name="Thêm vào kế hoạch").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "Nguyễn Thị Đào (DT1) không đủ điều kiện “Cao cấp lý luận chính trị” ngày 01/01/2018 theo quy tắc T1")
    shot(page, "plan-line-refused")
    page.get_by_label("Chương trình").select_option(label="Đại học")
    page.get_by_role("button", name="Chọn").click()
    expect(page.locator("#du-dieu-kien")).to_contain_text("người dân tộc thiểu số")
    page.get_by_label("Ka Điệp").check()
    shot(page, "plan-line-eligible")
    page.get_by_role("button", name="Thêm vào kế hoạch").click()
    expect(page.locator("#dong-ke-hoach")).to_contain_text("Ka Điệp")
    page.get_by_role("link", name="Gửi kế hoạch", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Gửi kế hoạch để tổng hợp?")
    page.get_by_label("Văn bản kèm theo").set_input_files(
        files=[{"name": "to-trinh.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    shot(page, "plan-step-confirm")
    page.get_by_role("button", name="Xác nhận: Gửi kế hoạch").click()
    expect(page.locator("#buoc")).to_have_text("Đã gửi")
    expect(page.locator("#cac-buoc")).to_contain_text("to-trinh.pdf")
    plan_url = page.url

    _as(page, live_server, sign_in, "btc")
    page.goto(plan_url)
    expect(page.locator(".step-buttons")).to_contain_text("Trả lại đơn vị")
    _take(page, "Tổng hợp")
    _take(page, "Trình Thường trực Tỉnh ủy")

    _as(page, live_server, sign_in, "thuongtruc")
    page.goto(plan_url)
    page.get_by_role("link", name="Trả lại để hoàn chỉnh").click()
    page.get_by_label("Lý do, ý kiến (bắt buộc)").fill("   ")
    page.get_by_role("button", name="Xác nhận: Trả lại để hoàn chỉnh").click()
    expect(page.locator(".form-error")).to_contain_text("cần ghi rõ lý do")
    shot(page, "plan-step-refused")
    page.get_by_label("Lý do, ý kiến (bắt buộc)").fill("Bổ sung dự toán kinh phí")
    page.get_by_role("button", name="Xác nhận: Trả lại để hoàn chỉnh").click()
    expect(page.locator("#buoc")).to_have_text("Đã tổng hợp")

    _as(page, live_server, sign_in, "btc")
    page.goto(plan_url)
    _take(page, "Trình Thường trực Tỉnh ủy")
    _as(page, live_server, sign_in, "btv")
    page.goto(plan_url)
    expect(page.locator(".step-buttons")).not_to_contain_text("Ban hành")
    _take(page, "Phê duyệt")
    _as(page, live_server, sign_in, "btc")
    page.goto(plan_url)
    _take(page, "Ban hành, đưa vào thực hiện")
    expect(page.locator("#buoc")).to_have_text("Đang thực hiện")
    expect(page.locator("#cac-buoc tbody tr")).to_have_count(7)
    expect(page.locator("#cac-buoc")).to_contain_text("Bổ sung dự toán kinh phí")
    shot(page, "plan-detail")
    page.goto(f"{live_server.url}/dao-tao/ke-hoach/?nam=2018")
    shot(page, "plan-board")

    _as(page, live_server, sign_in, "snv")
    response = page.goto(plan_url)
    assert response.status == 404
