"""Vacancies and the check of a proposal in real Chromium: from a vacancy to its explained check."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.org.services import post_add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_vacancy_leads_to_an_explained_proposal_check(page, live_server, small_province, sign_in):
    units, types = small_province.units, small_province.types
    post_add(actor=system_actor(), unit=units["HU-DT"], position_type=types["BT-HU"], seats=2)
    post_add(actor=system_actor(), unit=units["SNV"], position_type=types["GD-SO"], seats=1)
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/vi-tri-khuyet/?as_of=01/01/2020")
    expect(page.get_by_role("heading", name="Vị trí khuyết", level=1)).to_be_visible()
    row = page.locator("tr", has_text="Huyện ủy Đức Trọng")
    expect(row).to_contain_text("Bí thư Huyện ủy")
    expect(row).to_contain_text("Nguyễn Thị Đào")
    shot(page, "vacancies")
    row.get_by_role("link", name="Đề xuất").click()  # Ban Tổ chức drafts; the form links to the check
    page.get_by_role("link", name="Kiểm tra trước một đề xuất").click()
    expect(page.get_by_label("Mã đơn vị đến")).to_have_value("HU-DT")
    page.get_by_label("Mã cán bộ").press_sequentially("vo minh")  # found by name, typed without diacritics
    suggestion = page.get_by_role("option", name="Võ Minh Khang (PL1) – Chuyên viên, Sở Nội vụ")
    expect(page.get_by_role("status").filter(has_text="1 người phù hợp")).to_have_count(1)
    suggestion.click()
    expect(page.get_by_label("Mã cán bộ")).to_have_value("PL1")
    page.get_by_label("Đến ngày (dd/mm/yyyy)").fill("31/12/2022")
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator("#ket-qua")).to_contain_text("Không hợp lệ")
    violations = page.locator("section", has=page.locator("#vi-pham"))
    expect(violations).to_contain_text("N1_nguoi_dia_phuong")
    expect(violations).to_contain_text("I.3")
    expect(violations).to_contain_text("quê quán Đức Trọng thuộc địa bàn Đức Trọng của đơn vị đến")
    expect(page.locator("dl.facts")).to_contain_text("Ban Thường vụ Tỉnh ủy")
    shot(page, "check-proposal")


def test_unknown_cadre_is_named_on_the_form(page, live_server, small_province, sign_in):
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/kiem-tra-de-xuat/")
    page.get_by_label("Mã cán bộ").fill("SNV1")  # outside the district's scope
    page.get_by_label("Mã đơn vị đến").fill("HU-DT")
    page.get_by_label("Mã chức danh đề xuất").fill("BT-HU")
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_role("alert")).to_contain_text("SNV1")
