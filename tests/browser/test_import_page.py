"""The import page in real Chromium: a workbook with errors is listed and refused; a good one is loaded
after its dry run, each run followed by the page while it works."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.testing import PASSWORD
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.people.models import Cadre
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upload(page, path, name: str):
    page.get_by_label("Tệp dữ liệu (XLSX)").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": path.read_bytes()}])
    page.get_by_role("button", name="Tải lên và chạy thử").click()


def test_btc_sees_the_findings_of_a_bad_workbook_then_loads_a_good_one(page, live_server, sign_in, settings,
                                                                        tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    get_user_model().objects.create_user("btc", password=PASSWORD, role=Role.BTC, first_name="Trần Văn",
                                         last_name="Bình")
    bad = valid_sheets()
    bad["can_bo"][1][3] = "khac"
    bad["cong_tac"][0][1] = "KHONG-CO"
    bad_path = tmp_path / "bad.xlsx"
    write_workbook(bad_path, bad)
    good_path = tmp_path / "good.xlsx"
    write_workbook(good_path, valid_sheets())

    sign_in(page, live_server, "btc")
    page.get_by_role("navigation", name="Chức năng").get_by_role("link", name="Nhập dữ liệu từ tệp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập dữ liệu cả tỉnh từ tệp trao đổi")
    _upload(page, bad_path, "tinh-sai.xlsx")
    expect(page.get_by_role("alert")).to_contain_text("Tệp có 2 lỗi, không nhập được dòng nào")
    findings = page.locator("#loi tbody tr")
    expect(findings).to_have_count(2)
    expect(findings.nth(0)).to_contain_text("can_bo")
    expect(findings.nth(0)).to_contain_text("gioi_tinh")
    expect(findings.nth(1)).to_contain_text("KHONG-CO")
    expect(page.get_by_role("button", name="Xác nhận nhập")).to_have_count(0)
    shot(page, "import-findings")

    page.get_by_role("link", name="Tải lên tệp khác").click()
    _upload(page, good_path, "tinh.xlsx")
    expect(page.get_by_role("status").filter(has_text="Tệp hợp lệ")).to_be_visible()
    expect(page.locator("#theo-trang")).to_contain_text("can_bo")
    shot(page, "import-dry-run")
    assert not Cadre.objects.exists()
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_role("status").filter(has_text="Đã nhập xong tinh.xlsx.")).to_be_visible()
    expect(page.locator("p.muted")).to_contain_text("Trần Văn Bình")
    shot(page, "import-loaded")
    assert Cadre.objects.count() == 3

    page.get_by_role("link", name="Tải lên tệp khác").click()
    expect(page.get_by_role("link", name="tinh.xlsx")).to_be_visible()  # the latest run, to go back to
    page.get_by_label("Thay thế: xoá toàn bộ dữ liệu tỉnh hiện có", exact=False).check()
    shot(page, "import-upload")
    _upload(page, good_path, "tinh-moi.xlsx")
    expect(page.locator(".panel")).to_contain_text("Đã chọn thay thế: toàn bộ dữ liệu tỉnh hiện có sẽ bị xoá")
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Xác nhận thay thế dữ liệu tỉnh")
    expect(page.locator("main")).to_contain_text("Cán bộ: 3")
    shot(page, "import-replace-confirm")
    page.get_by_role("button", name="Xoá dữ liệu hiện có và nhập tệp").click()
    expect(page.get_by_role("status").filter(has_text="Đã nhập xong tinh-moi.xlsx.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Đã xoá dữ liệu cũ trước khi nhập")
    assert Cadre.objects.count() == 3
