"""The change log in real Chromium: the inspection committee looks up who read a cadre's record."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set CANBO_SCREENSHOT_DIR to keep what the test saw.
SCREENSHOTS = os.environ.get("CANBO_SCREENSHOT_DIR")


def test_inspector_filters_the_log_by_cadre(page, live_server, small_province, sign_in):
    small_province.user("kiemtra", Role.INSPECTOR)
    sign_in(page, live_server, "kiemtra")
    page.goto(f"{live_server.url}/can-bo/DT1/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Thị Đào")
    page.goto(f"{live_server.url}/nhat-ky/")
    expect(page.get_by_role("heading", name="Nhật ký thay đổi", level=1)).to_be_visible()
    page.get_by_label("Mã cán bộ").fill("DT1")
    page.get_by_label("Thao tác").select_option(label="Xem hồ sơ cán bộ")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("table.data > tbody > tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Xem hồ sơ cán bộ Nguyễn Thị Đào (DT1)")
    expect(rows.first).to_contain_text("127.0.0.1")
    page.get_by_label("Thao tác").select_option(label="Tất cả")
    page.get_by_role("button", name="Lọc").click()
    expect(rows.filter(has_text="Thêm cán bộ DT1 – Nguyễn Thị Đào")).to_have_count(1)
    holding = "Nguyễn Thị Đào (DT1): giữ chức danh Bí thư Huyện ủy tại Huyện ủy Đức Trọng từ 01/01/2015"
    expect(rows.filter(has_text=holding)).to_have_count(1)
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "audit-log.png"), full_page=True)
    rows.first.get_by_role("link", name="DT1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Thị Đào")
