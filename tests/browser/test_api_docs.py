"""The API documentation in real Chromium with every request outside canbo refused: it must
render from canbo's own static files, and only for signed-in users."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from tests.browser.test_records import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_offline_after_sign_in(page, live_server, small_province, sign_in):
    small_province.user("snv", Role.SNV)
    outside = []

    def only_canbo(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_canbo)
    page.goto(f"{live_server.url}/api/docs")
    expect(page).to_have_url(f"{live_server.url}/tai-khoan/dang-nhap/?next=/api/docs")
    sign_in(page, live_server, "snv")
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("canbo API")
    expect(page.locator(".opblock-summary-path", has_text="/api/ra-soat/chi-so")).to_be_visible()
    shot(page, "api-docs")
    assert outside == []
