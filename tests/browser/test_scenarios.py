"""Projection scenarios in real Chromium: build two on the page, project them side by side against the
plan's targets, and download the comparison."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.rules.selectors import rule_set_in_force
from canbo.training.models import Programme
from canbo.training.services import programme_update
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _build(page, live_server, name, seats):
    page.goto(f"{live_server.url}/du-bao/")
    page.get_by_role("link", name="Lập kịch bản mới").click()
    page.get_by_label("Tên kịch bản").fill(name)
    page.get_by_label("Từ năm").fill("2019")
    page.get_by_label("Đến năm").fill("2020")
    page.get_by_role("button", name="Đổi các năm của bảng").click()
    for label, count in seats.items():
        page.get_by_label(label, exact=True).fill(str(count))
    page.get_by_role("button", name="Lưu kịch bản").click()
    expect(page.locator(".messages")).to_contain_text(f"Đã lưu kịch bản “{name}”.")


def test_build_two_scenarios_and_compare_them(page, live_server, small_province, sign_in):
    qlnn = Programme.objects.get(rule_set=rule_set_in_force(dt.date(2019, 1, 1)), code="qlnn")
    programme_update(actor=system_actor(), programme=qlnn, full_time=True, cost_full_time=4_500_000)
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    _build(page, live_server, "Giữ nguyên", {})
    _build(
        page,
        live_server,
        "Cao cấp và QLNN",
        {
            "Cao cấp lý luận chính trị – 2019": 2,
            "Bồi dưỡng quản lý nhà nước – 2019": 3,
            "Bồi dưỡng quản lý nhà nước – 2020": 2,
        },
    )
    expect(page.locator("#bang-kinh-phi")).to_contain_text("13.500.000 (3 × 4.500.000)")
    shot(page, "scenario-form")
    page.goto(f"{live_server.url}/du-bao/")
    page.get_by_label("Giữ nguyên").check()
    page.get_by_label("Cao cấp và QLNN").check()
    page.get_by_role("button", name="Dự báo").click()
    result = page.locator("#du-bao")
    expect(result.locator("#so-sanh thead")).to_contain_text("Giữ nguyên")
    expect(result.locator("#so-sanh thead")).to_contain_text("Cao cấp và QLNN")
    expect(result.locator("table.projection")).to_have_count(6)
    expect(result.locator("table.projection[data-figure=thieu_qlnn] tr")).to_have_count(4)
    shot(page, "scenario-compare")
    with page.expect_download() as download:
        result.get_by_role("link", name="Tải XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
