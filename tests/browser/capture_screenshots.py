"""Capture the screenshots of docs/screenshots from a running canbo with the demo province.

    CANBO_DATA_DIR=/tmp/demo canbo demo
    CANBO_DATA_DIR=/tmp/demo canbo runserver 127.0.0.1:8734 --noreload &
    .venv/bin/python tests/browser/capture_screenshots.py http://127.0.0.1:8734

Signs in as the demo `btv` user (password of canbo.exchange.demo.users) at 1366×768 and saves
sign-in, home, list, detail and unit-tree PNGs; then, as of today, the cadre list sorted by name
with the unit picker open, the review page and the record of a cadre who has retired.
"""

import os
import sys
from pathlib import Path

import django
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from canbo.core.dates import today  # noqa: E402
from canbo.exchange.demo.users import DEMO_PASSWORD  # noqa: E402
from canbo.people.models import Cadre  # noqa: E402
from tests.browser.chromium import VIEWPORT, launch  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
AS_OF = "01/01/2020"


def capture(base: str, username: str = "btv", password: str = DEMO_PASSWORD) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    retired = retired_with_open_post()  # read before Playwright's event loop starts
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport=VIEWPORT, locale="vi-VN").new_page()
        page.goto(f"{base}/tai-khoan/dang-nhap/")
        page.screenshot(path=str(OUT / "sign-in.png"))
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(f"{base}/?as_of={AS_OF}")
        page.screenshot(path=str(OUT / "home.png"))
        page.goto(f"{base}/can-bo/?trang_thai=dang_cong_tac&cap=huyen")
        page.screenshot(path=str(OUT / "list.png"))
        page.locator("table.data tbody tr a").first.click()
        page.wait_for_load_state()
        page.screenshot(path=str(OUT / "detail.png"))
        page.goto(f"{base}/to-chuc/")
        page.screenshot(path=str(OUT / "unit-tree.png"))
        page.goto(f"{base}/?as_of=")
        page.goto(f"{base}/can-bo/?sap_xep=ho_ten")
        picker = page.get_by_role("combobox", name="Đơn vị (cả đơn vị trực thuộc)")
        picker.click()
        picker.fill("duc trong")
        page.screenshot(path=str(OUT / "list-today.png"))
        page.goto(f"{base}/ra-soat/?chi_so=thieu_qlnn")
        page.screenshot(path=str(OUT / "review-today.png"), full_page=True)
        page.goto(f"{base}/can-bo/{retired}/")
        page.screenshot(path=str(OUT / "retired-record.png"))
        browser.close()


def retired_with_open_post() -> str:
    """A cadre retired before today whose last post was never closed on record."""
    cadre = (
        Cadre.objects.filter(retirement_date__lt=today(), holdings__valid_to__isnull=True)
        .order_by("-retirement_date", "code")
        .first()
    )
    return cadre.code


if __name__ == "__main__":
    capture(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8734")
