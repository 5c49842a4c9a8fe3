"""The rotation target page in real Chromium: the figures of both directions, the chart by year, and
from a figure to the people behind it and on to a record."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people.services import movement_add
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_rate_to_the_rotated_people(page, live_server, small_province, sign_in):
    units, cadres = small_province.units, small_province.cadres
    # Trần Văn Bình and Lê Thị Hoa (BTV-managed posts) and Võ Minh Khang (planned for one) form the
    # provincial base.
    movement_add(
        actor=system_actor(),
        cadre=cadres["SNV1"],
        kind="luan_chuyen",
        from_unit=units["SNV"],
        to_unit=units["UB-DT"],
        valid_from=dt.date(2019, 4, 1),
        decision_no="45-QĐ/TU",
    )
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/chi-tieu-luan-chuyen/?as_of=01/01/2020")
    page.get_by_label("Từ ngày").fill("01/01/2018")
    page.get_by_label("Đến ngày").fill("31/12/2020")
    page.get_by_role("button", name="Tính tỷ lệ").click()
    down = page.locator("section", has=page.locator("#chieu-tinh_xuong_huyen"))
    expect(down).to_contain_text("Đạt")
    expect(down.locator("[data-figure=tinh_xuong_huyen-co_so] .figure-value")).to_have_text("3")
    expect(down.locator("[data-figure=tinh_xuong_huyen-da_luan_chuyen] .figure-value")).to_have_text("1")
    expect(down).to_contain_text("33,3%")
    expect(page.locator("table.bars.progress tr")).to_have_count(6)
    shot(page, "rotation-target")
    down.locator("[data-figure=tinh_xuong_huyen-da_luan_chuyen]").click()
    people = page.locator("#nguoi")
    expect(people).to_contain_text("01/04/2019: UBND huyện Đức Trọng")
    expect(people.locator("tbody tr")).to_have_count(1)
    people.get_by_role("link", name="Lê Thị Hoa").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lê Thị Hoa")
