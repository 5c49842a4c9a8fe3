"""The optimiser page in real Chromium: a run on the small province as a job in its thread, its
progress while it runs, then the result with why, and the chosen pair sent to step 1."""

import threading

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.optimize import run
from tests.browser.test_proposals import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_run_follow_the_progress_read_why_and_send_to_step_1(
    page, live_server, small_province, sign_in, settings, monkeypatch
):
    settings.CANBO_JOBS_INLINE = False
    release = threading.Event()
    greedy = run.assign_greedy

    def held(*args, **kwargs):  # the run waits at its third stage until the page has shown it
        assert release.wait(30)
        return greedy(*args, **kwargs)

    monkeypatch.setattr(run, "assign_greedy", held)
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    page.goto(f"{live_server.url}/toi-uu/")
    page.get_by_label("Tại ngày (dd/mm/yyyy)").fill("01/01/2020")
    page.get_by_label("Các vị trí chọn dưới đây").check()
    page.get_by_label("Vị trí chọn, mỗi dòng một chỗ").fill("X-LN; CV\nX-LN; CV\nHU-DT; BT-HU")
    page.get_by_role("button", name="Chạy tối ưu").click()
    progress = page.locator(".job-progress")
    expect(progress).to_contain_text("Đang tính cách chọn lần lượt từng vị trí để so sánh")
    expect(progress.locator("progress")).to_have_attribute("value", "50")
    shot(page, "optimiser-progress")
    release.set()
    result = page.locator("#ket-qua")
    expect(result.locator("[data-figure=toi_uu] .figure-value")).to_have_text("95")
    expect(result).to_contain_text("Tổng điểm tối ưu, bố trí 1/3 vị trí")
    chosen = result.locator("#phan-cong tr[data-cadre=PL1]")
    expect(chosen).to_contain_text("Chuyên viên – Đảng ủy thị trấn Liên Nghĩa")
    expect(chosen).to_contain_text("Còn ít nhất 15 năm công tác (tối đa tính 15) +15")
    expect(chosen).to_contain_text("Chuyên môn: chức danh yêu cầu")
    empty = result.locator("#vi-tri-trong")
    expect(empty).to_contain_text("Không có cán bộ nào của nguồn luân chuyển được phép")
    expect(empty).to_contain_text("1 người đã được xếp vào vị trí khác")
    expect(page.locator("table.optimum tr")).to_have_count(4)
    shot(page, "optimiser-result")
    page.get_by_label("Tên danh sách").fill("Luân chuyển tối ưu 2020")
    page.get_by_role("button", name="Gửi vào bước 1").click()
    expect(page.locator(".messages")).to_contain_text("Đã lập danh sách dự kiến gồm 1 đề xuất (bước 1).")
    expect(page.locator("main")).to_contain_text("Võ Minh Khang")
