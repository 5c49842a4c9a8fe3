"""The Content-Security-Policy in real Chromium: every page is sent with it, allows only canbo's own
scripts and styles (no inline ones), and the main pages, the review's chart and the API
documentation render without a single violation."""

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role, User
from canbo.accounts.testing import PASSWORD
from tests.browser.test_records import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "/": "h1",
    "/can-bo/": "table.data",
    "/can-bo/SNV1/": "dl.facts",
    "/ra-soat/?as_of=01/01/2020": "table.bars",
    "/ra-soat/du-dieu-kien/?chuong_trinh=cao_cap_llct": "table.data",
    "/kiem-tra-de-xuat/": "form",
    "/quy-tac/": "dl.rules",
    "/nhat-ky/": "table.data",
    "/api/docs": ".swagger-ui .info .title",
}
# Reported to the page's own listener, before any script of the page runs.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def watch(page) -> list[str]:
    """Console messages about the Content Security Policy, as Chromium reports them."""
    seen = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(LISTEN)
    return seen


def visit(page, url: str, ready: str) -> None:
    response = page.goto(url)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
    expect(page.locator(ready).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == [], url


def test_the_main_pages_keep_to_the_policy(page, live_server, small_province, sign_in):
    small_province.user("btc", Role.BTC)
    console = watch(page)
    visit(page, f"{live_server.url}/tai-khoan/dang-nhap/", "form")
    sign_in(page, live_server, "btc")
    for path, ready in PAGES.items():
        visit(page, f"{live_server.url}{path}", ready)
        if path.startswith("/ra-soat/?"):
            bars = page.locator("table.bars .bar")
            widths = [box["width"] for box in (bars.nth(i).bounding_box() for i in range(bars.count()))]
            values = [int(bars.nth(i).locator("xpath=..").inner_text()) for i in range(bars.count())]
            # Each bar as wide as its share, without inline style.
            assert [round(w / max(widths), 1) for w in widths] == [round(v / max(values), 1) for v in values]
            shot(page, "review-csp")
    # Swagger UI calling the API and showing the answer, highlighted.
    page.locator(".opblock-summary-path", has_text="/api/tai-khoan/toi").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".responses-wrapper .live-responses-table")).to_contain_text("200")
    shot(page, "api-docs-csp")
    assert page.evaluate("window.cspViolations") == []
    assert console == []


def test_the_admin_keeps_to_the_policy(page, live_server, small_province):
    User.objects.create_superuser("quantri", password=PASSWORD)
    console = watch(page)
    page.goto(f"{live_server.url}/quan-tri/login/")  # the admin signs in through canbo's sign-in page
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    for path in ("/quan-tri/", "/quan-tri/org/unit/", "/quan-tri/people/cadre/"):
        visit(page, f"{live_server.url}{path}", "#content")
    assert console == []
