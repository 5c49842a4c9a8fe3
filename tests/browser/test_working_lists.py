"""A working list in real Chromium: sort by a column from its header, then open a person's record
from their name."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sort_the_eligible_list_by_birth_date_and_open_a_record(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/ra-soat/du-dieu-kien/?as_of=01/01/2020&chuong_trinh=cao_cap_llct")
    header = page.locator("th[data-column=ngay_sinh]")
    header.get_by_role("link").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    born = page.locator("table.data tbody tr td:nth-child(4)").all_inner_texts()
    years = [text.split("/")[-1] for text in born]
    assert years == sorted(years) and len(years) == 3
    header.get_by_role("link").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert page.locator("table.data tbody tr td:nth-child(4)").all_inner_texts() == born[::-1]
    export = "?as_of=01%2F01%2F2020&chuong_trinh=cao_cap_llct&sap_xep=-ngay_sinh&xuat=xlsx"
    # the same table with the same filters, as a workbook and to print
    expect(page.get_by_role("link", name="Xuất Excel")).to_have_attribute("href", export)
    word = export.replace("xlsx", "docx")
    expect(page.get_by_role("link", name="Xuất Word")).to_have_attribute("href", word)
    page.get_by_role("link", name="Võ Minh Khang").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Võ Minh Khang")
    assert "/can-bo/PL1/" in page.url
