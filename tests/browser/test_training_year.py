"""A whole training year in real Chromium, each step by the role whose step it is: a district draws up
and sends its plan, Sở Nội vụ its own; Ban Tổ chức aggregates the district's and Sở Nội vụ its own, both
are reported; the Standing Board is refused the approval, Ban Thường vụ approves; both are put in force;
Sở Nội vụ opens a course, is refused a cadre no plan names, enrols the one its plan names, records the
result and completes it; the cadre's record shows the degree, and the review at the year's end no longer
counts them among those who lack it."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = "2018"


def _as(page, live_server, sign_in, username):
    page.context.clear_cookies()
    sign_in(page, live_server, username)


def _take(page, button: str):
    page.get_by_role("link", name=button, exact=True).click()
    page.get_by_role("button", name=f"Xác nhận: {button}").click()
    expect(page.locator(".messages")).to_contain_text(button)


def _draft(page, live_server, unit: str | None, content: str, cadre: str) -> str:
    """Draw up the plan of `unit` (the user's own when None) with a university line for `cadre` from
    the list of those eligible, send it; the plan's address."""
    page.goto(f"{live_server.url}/dao-tao/ke-hoach/?nam={YEAR}")
    page.get_by_role("link", name="Lập kế hoạch của đơn vị").click()
    if unit:
        picker = page.get_by_role("combobox", name="Đơn vị")
        picker.fill(unit)
        page.get_by_role("listbox").get_by_role("option", name=unit, exact=True).click()
    page.get_by_label("Nội dung kế hoạch").fill(content)
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.locator("#buoc")).to_have_text("Dự thảo")
    page.get_by_role("link", name="Thêm dòng").click()
    page.get_by_label("Chương trình").select_option(label="Đại học")
    page.get_by_role("button", name="Chọn").click()
    page.get_by_label(cadre).check()
    page.get_by_role("button", name="Thêm vào kế hoạch").click()
    expect(page.locator("#dong-ke-hoach")).to_contain_text(cadre)
    _take(page, "Gửi kế hoạch")
    expect(page.locator("#buoc")).to_have_text("Đã gửi")
    return page.url


def _lacking_degree(page, live_server) -> object:
    page.goto(f"{live_server.url}/ra-soat/?as_of=31/12/{YEAR}")
    page.locator("a.figure", has_text="Nợ bằng đại học").click()
    return page.locator("tr", has_text="SNV2")


def test_a_training_year_from_the_drafts_to_the_review(page, live_server, small_province, sign_in):
    for username, role, unit in (("hr_dt", Role.UNIT_HR, "HU-DT"), ("btc", Role.BTC, None),
                                 ("snv", Role.SNV, None), ("thuongtruc", Role.THUONG_TRUC, None),
                                 ("btv", Role.BTV, None)):
        small_province.user(username, role, unit)
    sign_in(page, live_server, "btv")
    expect(_lacking_degree(page, live_server)).to_have_count(1)

    _as(page, live_server, sign_in, "hr_dt")
    district = _draft(page, live_server, None, "Cử cán bộ học đại học hệ tập trung.", "Ka Điệp")
    _as(page, live_server, sign_in, "snv")
    department = _draft(page, live_server, "Sở Nội vụ", "Cử công chức học đại học hành chính.",
                        "Phạm Quốc Huy")
    _take(page, "Tổng hợp")
    _take(page, "Trình Thường trực Tỉnh ủy")
    _as(page, live_server, sign_in, "btc")
    page.goto(district)
    _take(page, "Tổng hợp")
    _take(page, "Trình Thường trực Tỉnh ủy")
    expect(page.locator("#buoc")).to_have_text("Đã trình Thường trực Tỉnh ủy")

    _as(page, live_server, sign_in, "thuongtruc")
    page.goto(district)
    expect(page.locator(".step-buttons")).not_to_contain_text("Phê duyệt")
    page.goto(f"{district}buoc/da_phe_duyet/")
    expect(page.locator("main")).to_contain_text("Bạn không có quyền: Phê duyệt kế hoạch")
    expect(page.get_by_role("button", name="Xác nhận: Phê duyệt")).to_have_count(0)
    shot(page, "plan-approval-refused")
    _as(page, live_server, sign_in, "btv")
    for plan in (district, department):
        page.goto(plan)
        _take(page, "Phê duyệt")
    _as(page, live_server, sign_in, "btc")
    page.goto(district)
    _take(page, "Ban hành, đưa vào thực hiện")
    expect(page.locator("#buoc")).to_have_text("Đang thực hiện")

    _as(page, live_server, sign_in, "snv")
    page.goto(department)
    _take(page, "Ban hành, đưa vào thực hiện")
    page.goto(f"{live_server.url}/dao-tao/khoa-hoc/them/")
    page.get_by_label("Mã khóa học").fill("DH-2018-NV")
    page.get_by_label("Tên khóa học").fill("Lớp đại học hành chính năm 2018")
    page.get_by_label("Chương trình").select_option(label="Đại học")
    page.get_by_label("Cơ sở đào tạo").fill("Học viện Hành chính quốc gia")
    page.get_by_label("Địa điểm").fill("Đà Lạt")
    page.get_by_label("Ngày khai giảng").fill("2018-03-01")
    page.get_by_label("Ngày kết thúc").fill("2018-12-20")
    page.get_by_label("Số chỗ").fill("5")
    page.get_by_label("Cơ quan mở lớp").select_option(label="Sở Nội vụ")
    page.get_by_role("button", name="Lưu khóa học").click()
    _take(page, "Mở ghi danh")
    page.get_by_role("link", name="Ghi danh học viên").click()
    page.get_by_label("Mã cán bộ khác").fill("PL1")
    page.get_by_role("button", name="Ghi danh").click()
    expect(page.get_by_role("alert")).to_contain_text("không có tên trong dòng kế hoạch đang thực hiện nào")
    shot(page, "course-enrol-not-planned")
    page.get_by_label("Mã cán bộ khác").fill("")
    page.get_by_label("SNV2").check()
    page.get_by_role("button", name="Ghi danh").click()
    expect(page.locator("#danh-sach-hoc-vien")).to_contain_text("Phạm Quốc Huy")
    _take(page, "Khai giảng")
    _take(page, "Kết thúc học, chờ kết quả")
    page.get_by_role("link", name="Ghi kết quả").click()
    page.get_by_label("Kết quả SNV2").select_option(label="Đạt")
    page.get_by_label("Xếp loại SNV2").select_option(label="Giỏi")
    page.get_by_role("button", name="Lưu kết quả").click()
    _take(page, "Hoàn thành khóa học")
    page.locator("#danh-sach-hoc-vien tr[data-cadre=SNV2]").get_by_role("link", name="Phạm Quốc Huy").click()
    qualifications = page.locator("section", has=page.get_by_role("heading", name="Trình độ"))
    expect(qualifications.first).to_contain_text("20/12/2018")

    _as(page, live_server, sign_in, "btv")
    expect(_lacking_degree(page, live_server)).to_have_count(0)
    shot(page, "review-after-course")
