"""A rotation in real Chromium through the five steps of R9, each by its role: drafted from the rotation
pool, reported with a document, returned once with a reason, consulted, decided by the Standing
Committee only, issued with its number, the cadre met, and deployed into the cadre's record."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people import services
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, live_server, sign_in, username, url):
    page.context.clear_cookies()
    sign_in(page, live_server, username)
    page.goto(url)


def _take(page, button: str, files=None):
    page.get_by_role("link", name=button, exact=True).click()
    if files:
        page.get_by_label("Văn bản kèm theo").set_input_files(files=files)
    page.get_by_role("button", name=f"Xác nhận: {button}").click()
    expect(page.locator(".messages")).to_contain_text(f"{button}: đề xuất chuyển sang bước")


def _opinion(page, party: str, verdict: str = "Đồng ý", text: str = ""):
    form = page.locator("#ghi-y-kien")
    form.get_by_label("Ý kiến của").select_option(label=party)
    form.get_by_label("Ý kiến", exact=True).select_option(label=verdict)
    form.get_by_label("Nội dung, số văn bản").fill(text)
    form.get_by_role("button", name="Ghi ý kiến").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi ý kiến")


def report_and_consult(page, live_server, sign_in, runner: str, url: str):
    """Step 1 by `runner`, Thường trực's opinion, then step 2 (asking the units) by `runner`."""
    _as(page, live_server, sign_in, runner, url)
    _take(page, "Trình Thường trực Tỉnh ủy")
    _as(page, live_server, sign_in, "thuongtruc", url)
    _opinion(page, "Thường trực Tỉnh ủy", "Đồng ý", "Nhất trí chủ trương")
    _as(page, live_server, sign_in, runner, url)
    _take(page, "Xin ý kiến đơn vị")


def submit_with_opinions(page):
    """The sending and receiving units' and the cadre's opinions, then the official list (step 3)."""
    for party in ("Lãnh đạo đơn vị đi", "Lãnh đạo đơn vị đến", "Cán bộ được đề xuất"):
        _opinion(page, party)
    _take(page, "Trình danh sách chính thức")


def test_a_rotation_goes_through_the_five_steps_each_by_its_role(page, live_server, small_province, sign_in,
                                                                  settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    services.planning_add(actor=system_actor(), cadre=small_province.cadres["HOI"],
                          position_type=small_province.types["BT-HU"], term_start=2015, term_end=2020,
                          approved_on=dt.date(2016, 1, 1))
    for username, role in (("btc", Role.BTC), ("thuongtruc", Role.THUONG_TRUC), ("btv", Role.BTV)):
        small_province.user(username, role)
    _as(page, live_server, sign_in, "btc", f"{live_server.url}/ra-soat/nguon-luan-chuyen/?as_of=01/01/2018")
    page.locator("tr", has_text="Hoàng Thị Mai").get_by_role("link", name="Đề xuất luân chuyển").click()
    expect(page.get_by_label("Mã cán bộ")).to_have_value("HOI")
    page.get_by_label("Mã đơn vị đến").fill("HU-DT")
    page.get_by_label("Mã chức danh đề xuất").fill("CV")
    page.get_by_label("Từ ngày").fill("01/01/2018")
    page.get_by_label("Đến ngày").fill("31/12/2020")
    page.get_by_label("Lý do đề xuất").fill("Rèn luyện qua thực tiễn ở huyện")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.locator("#buoc")).to_have_text("1. Dự thảo danh sách")
    expect(page.locator("#tham-quyen")).to_contain_text("Ban Thường vụ Tỉnh ủy")
    url = page.url
    page.get_by_role("link", name="Trình Thường trực Tỉnh ủy", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Trình danh sách dự kiến lên Thường trực Tỉnh ủy?")
    page.get_by_label("Văn bản kèm theo").set_input_files(
        files=[{"name": "to-trinh.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    shot(page, "proposal-step-confirm")
    page.get_by_role("button", name="Xác nhận: Trình Thường trực Tỉnh ủy").click()
    expect(page.locator("#cac-buoc")).to_contain_text("to-trinh.pdf")

    _as(page, live_server, sign_in, "thuongtruc", url)
    _opinion(page, "Thường trực Tỉnh ủy", "Không đồng ý", "Cân nhắc vị trí khác")
    page.get_by_role("link", name="Trả lại dự thảo").click()
    page.get_by_label("Lý do trả lại (bắt buộc)").fill("  ")
    page.get_by_role("button", name="Xác nhận: Trả lại dự thảo").click()
    expect(page.locator(".form-error")).to_contain_text("cần ghi rõ lý do")
    shot(page, "proposal-return-refused")
    page.get_by_label("Lý do trả lại (bắt buộc)").fill("Báo cáo thêm nhận xét của đơn vị")
    page.get_by_role("button", name="Xác nhận: Trả lại dự thảo").click()
    expect(page.locator("#buoc")).to_have_text("1. Dự thảo danh sách")

    report_and_consult(page, live_server, sign_in, "btc", url)
    expect(page.locator(".step-buttons")).to_contain_text("Chưa có ý kiến của")
    submit_with_opinions(page)
    expect(page.locator(".step-buttons")).to_contain_text("do Ban Thường vụ Tỉnh ủy quyết định")

    _as(page, live_server, sign_in, "btv", url)
    _take(page, "Quyết định")
    _as(page, live_server, sign_in, "btc", url)
    _take(page, "Ban hành quyết định")
    expect(page.locator("#quyet-dinh")).to_contain_text("1-QĐ/TU")
    _as(page, live_server, sign_in, "thuongtruc", url)
    _take(page, "Đã gặp cán bộ")
    _as(page, live_server, sign_in, "btc", url)
    _take(page, "Triển khai quyết định")
    expect(page.locator("#buoc")).to_have_text("5. Đã triển khai quyết định")
    expect(page.locator("#cac-buoc tbody tr")).to_have_count(9)
    expect(page.locator("#cac-buoc")).to_contain_text("Báo cáo thêm nhận xét của đơn vị")
    expect(page.locator("#cac-buoc")).to_contain_text("Cán bộ được đề xuất: Đồng ý")
    shot(page, "proposal-detail")

    page.goto(f"{live_server.url}/de-xuat/")
    expect(page.locator("#de-xuat")).to_contain_text("Hoàng Thị Mai")
    shot(page, "proposals")
    page.goto(f"{live_server.url}/can-bo/HOI/?as_of=01/01/2018")
    expect(page.locator("section", has_text="Luân chuyển, điều động").last).to_contain_text("1-QĐ/TU")
    shot(page, "proposal-record")
