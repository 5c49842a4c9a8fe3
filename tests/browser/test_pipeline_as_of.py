"""The rotation card and the proposals list at a past date in real Chromium: each proposal at the step
it had reached by the end of that day, the list saying so and showing where each proposal is now."""

import pytest
from playwright.sync_api import expect

from canbo.dashboard.tests.test_pipeline_as_of import four_proposals
from tests.browser.test_proposals import SCREENSHOTS, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_card_and_its_list_at_a_past_date(page, live_server, sign_in, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    four_proposals()
    sign_in(page, live_server, "u_btc")
    page.goto(f"{live_server.url}/?as_of=15/11/2017")
    card = page.locator("section", has=page.locator("#the-rotation"))
    bar = card.locator("table.pipeline tr", has_text="3. Đã quyết định")
    expect(bar.locator("a")).to_have_attribute("data-count", "1")
    deployed = card.locator("table.pipeline tr", has_text="5. Đã triển khai quyết định")
    expect(deployed.locator("a")).to_have_attribute("data-count", "0")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / "home-rotation-as-of.png"))
    bar.locator("a").click()
    expect(page.locator("#ngay-xem")).to_contain_text("tại cuối ngày 15/11/2017")
    expect(page.locator("#de-xuat tbody tr")).to_have_count(1)
    expect(page.locator("#de-xuat")).to_contain_text("(nay: 5. Đã triển khai quyết định)")
    expect(page.locator("#chuyen-buoc-ca-danh-sach")).to_have_count(0)
    shot(page, "proposals-as-of")
