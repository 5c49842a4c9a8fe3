"""A course in real Chromium: Sở Nội vụ opens it for a programme of a plan in force, enrols a cadre
named on the plan, takes it through its steps with confirmation, records the result, completes it, and
finds the new qualification on the cadre's record."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.training.tests.test_courses import in_force_plan
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _step(page, label):
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("alert").first).to_be_visible()
    page.get_by_role("button", name=f"Xác nhận: {label}").click()
    expect(page.locator(".messages")).to_contain_text(label)


def test_snv_runs_a_course_from_the_plan_to_the_record(page, live_server, small_province, sign_in):
    users = {name: small_province.user(name, role) for name, role in (
        ("snv", Role.SNV), ("btc", Role.BTC), ("btv", Role.BTV))}
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    sign_in(page, live_server, "snv")
    page.get_by_role("navigation", name="Chức năng").get_by_role("link", name="Khóa học").click()
    page.get_by_role("link", name="Mở khóa học").click()
    page.get_by_label("Mã khóa học").fill("DH-HC-2018")
    page.get_by_label("Tên khóa học").fill("Lớp đại học hành chính khóa 2018")
    page.get_by_label("Chương trình").select_option(label="Đại học")
    page.get_by_label("Cơ sở đào tạo").fill("Học viện Hành chính quốc gia")
    page.get_by_label("Địa điểm").fill("Đà Lạt")
    page.get_by_label("Ngày khai giảng").fill("2018-03-01")
    page.get_by_label("Ngày kết thúc").fill("2018-12-20")
    page.get_by_label("Số chỗ").fill("1")
    page.get_by_label("Cơ quan mở lớp").select_option(label="Sở Nội vụ")
    page.get_by_label("Kinh phí thực chi").fill("80.000.000")
    page.get_by_role("button", name="Lưu khóa học").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lớp đại học hành chính khóa 2018")
    page.get_by_role("link", name="Mở ghi danh", exact=True).click()
    page.get_by_label("Ngày thực hiện (để trống nếu là hôm nay)").fill("01/01/2000")  # before it was opened
    page.get_by_role("button", name="Xác nhận: Mở ghi danh").click()
    expect(page.locator(".form-error")).to_contain_text("Không thể ghi bước này vào 01/01/2000 17:00")
    expect(page.get_by_label("Ngày thực hiện (để trống nếu là hôm nay)")).to_have_value("01/01/2000")
    shot(page, "step-date-refused")
    page.get_by_label("Ngày thực hiện (để trống nếu là hôm nay)").fill("")
    page.get_by_role("button", name="Xác nhận: Mở ghi danh").click()
    expect(page.locator(".messages")).to_contain_text("Mở ghi danh")

    page.get_by_role("link", name="Ghi danh học viên").click()
    page.get_by_label("SNV2").check()
    page.get_by_label("PL1").check()
    page.get_by_role("button", name="Ghi danh").click()
    expect(page.get_by_role("alert")).to_contain_text("Khóa học có 1 chỗ, đã ghi danh 0 học viên")
    shot(page, "course-enrol-refused")
    page.get_by_label("PL1").uncheck()
    page.get_by_role("button", name="Ghi danh").click()
    expect(page.locator("#danh-sach-hoc-vien")).to_contain_text("Phạm Quốc Huy")
    _step(page, "Khai giảng")
    _step(page, "Kết thúc học, chờ kết quả")
    expect(page.locator(".step-buttons")).to_contain_text("Còn 1 học viên chưa có kết quả (SNV2)")

    page.get_by_role("link", name="Ghi kết quả").click()
    page.get_by_label("Kết quả SNV2").select_option(label="Đạt")
    page.get_by_label("Xếp loại SNV2").select_option(label="Khá")
    page.get_by_label("Ngày cấp SNV2").fill("2018-12-28")
    page.get_by_label("Số hiệu văn bằng SNV2").fill("DH-0001")
    shot(page, "course-results")
    page.get_by_role("button", name="Lưu kết quả").click()
    _step(page, "Hoàn thành khóa học")
    row = page.locator("#danh-sach-hoc-vien tr[data-cadre=SNV2]")
    expect(row).to_contain_text("Đạt")
    expect(row).to_contain_text("Chuyên môn: Đại học (20/12/2018)")
    expect(page.locator("[data-result=dat]")).to_have_text("1")
    shot(page, "course-completed")
    page.get_by_role("link", name="Khóa học", exact=True).first.click()
    expect(page.locator("#khoa-hoc")).to_contain_text("DH-HC-2018")
    shot(page, "course-list")
    page.get_by_role("link", name="DH-HC-2018").click()
    row = page.locator("#danh-sach-hoc-vien tr[data-cadre=SNV2]")

    row.get_by_role("link", name="Phạm Quốc Huy").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phạm Quốc Huy")
    qualifications = page.locator("section", has=page.get_by_role("heading", name="Trình độ"))
    expect(qualifications.first).to_contain_text("20/12/2018")
    shot(page, "course-record")
