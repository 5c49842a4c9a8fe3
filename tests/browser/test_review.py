"""The review in real Chromium: figures, the people behind one with reasons, a person's verdicts."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_review_figure_leads_to_people_and_their_reasons(page, live_server, small_province, sign_in):
    small_province.user("btv", Role.BTV)
    sign_in(page, live_server, "btv")
    page.goto(f"{live_server.url}/ra-soat/?as_of=01/01/2020")
    expect(page.get_by_role("heading", name="Rà soát nợ bằng", level=1)).to_be_visible()
    figure = page.locator("a.figure", has_text="Nợ bằng cao cấp LLCT")
    expect(figure.locator(".figure-value")).to_have_text("3")
    expect(page.locator("table.bars")).to_be_visible()
    shot(page, "review")
    figure.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nợ bằng cao cấp LLCT")
    row = page.locator("tr", has_text="SNV1")
    expect(row).to_contain_text("giữ chức danh “Giám đốc Sở” tại Sở Nội vụ")
    expect(row).to_contain_text("III.1.1.a")
    shot(page, "review-people")
    page.get_by_role("link", name="PL1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Võ Minh Khang")
    expect(page.locator(".verdicts")).to_contain_text("quy hoạch “Giám đốc Sở” nhiệm kỳ 2015–2020")
    expect(page.locator(".verdicts")).to_contain_text("Thuộc nguồn luân chuyển")
    shot(page, "cadre-verdicts")


def test_unit_hr_review_is_limited_to_the_district(page, live_server, small_province, sign_in):
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/ra-soat/?as_of=01/01/2020")
    expect(page.locator("a.figure", has_text="Nợ bằng đại học").locator(".figure-value")).to_have_text("1")
    page.goto(f"{live_server.url}/ra-soat/du-dieu-kien/?chuong_trinh=dai_hoc")
    expect(page.locator("table.data")).to_contain_text("DT2")
    expect(page.locator("table.data")).not_to_contain_text("SNV2")


def test_other_review_pages_render(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/ra-soat/du-dieu-kien/?as_of=01/01/2020&chuong_trinh=cao_cap_llct")
    expect(page.locator("table.data tbody tr").first).to_contain_text("PL1")
    shot(page, "eligible")
    page.goto(f"{live_server.url}/ra-soat/nguon-luan-chuyen/")
    expect(page.locator("table.data")).to_contain_text("Đủ điều kiện")
    shot(page, "rotation-pool")
    page.goto(f"{live_server.url}/ra-soat/khong-dia-phuong/")
    expect(page.locator("table.data")).to_contain_text("Bí thư Huyện ủy")
    shot(page, "nonlocal")
    page.goto(f"{live_server.url}/quy-tac/")
    expect(page.get_by_role("heading", name="Tham số")).to_be_visible()
    shot(page, "rules")
