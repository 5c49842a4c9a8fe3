"""Fixtures shared by every test of canbo: a small province, signed-in clients, a real browser.

Browser tests drive Debian's Chromium through Playwright's sync API against pytest-django's
`live_server`: use the `page` fixture and `sign_in(page, live_server, username)`.
"""

import os

import pytest
from django.conf import settings
from django.utils import translation

from canbo.accounts.testing import AS_OF, PASSWORD, build_small_province
from tests.browser.chromium import VIEWPORT, launch

# Playwright's sync API runs an event loop in the test thread; the ORM calls of the test itself
# stay synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_configure(config):
    """Test users' passwords are hashed quickly (each PBKDF2 hash takes a third of a second here, and
    the suite makes and checks hundreds); canbo itself hashes with Argon2 (config/settings.py)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in canbo's default language: a request in English must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def second_factor_relaxed(settings):
    """Tests sign in without a second factor (CANBO_2FA_REQUIRED=false), as the demo does; the tests
    of the second factor set it back to true (canbo/accounts/tests/test_second_factor*.py)."""
    settings.CANBO_2FA_REQUIRED = False


@pytest.fixture(autouse=True)
def jobs_inline(settings):
    """Long work (canbo.jobs) runs to its end within the request that starts it; the test of the
    thread runner (canbo/jobs/tests/test_runner.py) sets it back."""
    settings.CANBO_JOBS_INLINE = True


@pytest.fixture(autouse=True)
def no_warming(settings):
    """No thread counts the home page's figures after a write (canbo.dashboard.warm); its tests call
    it themselves."""
    settings.CANBO_WARM_AFTER_WRITE = False


@pytest.fixture
def small_province(db):
    """Lâm Đồng with Đức Trọng, eight cadres and their histories (canbo.accounts.testing)."""
    return build_small_province()


@pytest.fixture
def as_of():
    return AS_OF


@pytest.fixture
def client_as(client, small_province):
    """`client_as("snv", role="snv")`: the test client signed in as a new user of that role."""

    def sign_in(username, *, role, scope_unit=None, blocs=None):
        user = small_province.user(username, role, scope_unit, blocs)
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in_page(page, live_server, username: str, password: str = PASSWORD):
    """Sign in through the real form; returns the page on the home screen."""
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    return page


@pytest.fixture
def sign_in():
    """`sign_in(page, live_server, username, password=PASSWORD)`."""
    return sign_in_page
