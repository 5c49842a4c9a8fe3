"""The training figures in real Chromium: the budget (estimate against actual, by unit, programme, year
and source, each figure opening its lines or courses), the progress of a period per programme with its
chart by year, and Biểu số 10-BTCTW with its XLSX, reached from the training menu."""

import pytest
from playwright.sync_api import expect

from canbo.training.tests.test_budget import spending  # noqa: F401
from canbo.training.tests.test_courses import users  # noqa: F401
from canbo.training.tests.test_form10 import year_of_courses  # noqa: F401
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _menu(page, label):
    page.get_by_role("navigation", name="Chức năng").get_by_role("link", name=label).click()


def test_the_budget_from_the_menu_to_the_courses_behind_a_figure(page, live_server, spending, sign_in):  # noqa: F811
    sign_in(page, live_server, "btv")
    _menu(page, "Kinh phí đào tạo, bồi dưỡng")
    page.get_by_label("Từ năm").fill("2018")
    page.get_by_label("Đến năm").fill("2018")
    page.get_by_role("button", name="Lọc").click()
    units = page.locator("#bang-don_vi")
    expect(units).to_contain_text("Sở Nội vụ")
    expect(units).to_contain_text("66.666.667 đ")
    expect(page.locator("#bang-nguon")).to_contain_text("Chương trình, đề án của Trung ương")
    shot(page, "training-budget")
    units.get_by_role("link", name="33.333.333 đ").click()
    expect(page.locator("#chi-tiet")).to_contain_text("DH-2018")
    expect(page.locator("#sau-so-lieu")).to_contain_text("Các khóa học tạo nên số thực chi")


def test_progress_and_form_10_from_the_menu(page, live_server, year_of_courses, sign_in):  # noqa: F811
    sign_in(page, live_server, "btv")
    _menu(page, "Tiến độ đào tạo")
    page.get_by_label("Từ năm").fill("2018")
    page.get_by_label("Đến năm").fill("2019")
    page.get_by_role("button", name="Lọc").click()
    page.get_by_label("Chương trình", exact=True).select_option(label="Đại học")
    page.get_by_role("button", name="Vẽ").click()
    expect(page.locator("#tien-do-nam")).to_contain_text("2019")
    expect(page.locator("table.training-progress svg.bar")).to_have_count(6)
    shot(page, "training-progress")
    page.locator("#tien-do-nam").get_by_role("row", name="2018").locator('[data-count]').nth(2).click()
    expect(page.locator("#danh-sach")).to_contain_text("Phạm Quốc Huy")
    _menu(page, "Biểu số 10-BTCTW")
    page.get_by_label("Năm").fill("2018")
    page.get_by_role("button", name="Lọc").click()
    form = page.locator("#bieu-10")
    expect(form.get_by_role("row", name="Kỹ năng, nghiệp vụ công tác Đảng")).to_contain_text("2")
    shot(page, "training-form10")
    form.locator('a[href*="dong=nghiep_vu_dang&cot=7"]').click()
    expect(page.locator("#chi-tiet")).to_contain_text("Ka Điệp")
    for kind in ("xlsx", "docx"):
        with page.expect_download() as download:
            page.get_by_role("link", name=f"Tải {kind.upper()}").click()
        assert download.value.suggested_filename == f"bieu-10-btctw-2018.{kind}"
