"""Account security in real Chromium: setting up the authenticator app, the code after the
password, a recovery code, and the page of a locked sign-in."""

import base64
import os
import time
from pathlib import Path

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from canbo.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set CANBO_SCREENSHOT_DIR to keep what the test saw.
SCREENSHOTS = os.environ.get("CANBO_SCREENSHOT_DIR")


def _shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


def _app_code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the secret typed from the page."""
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_setting_up_the_app_then_signing_in_with_a_code_and_a_recovery_code(
        page, live_server, small_province, sign_in, settings):
    settings.CANBO_2FA_REQUIRED = True
    small_province.user("btc", Role.BTC)
    sign_in(page, live_server, "btc")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thiết lập xác thực hai bước")
    expect(page.locator("figure.qr svg")).to_be_visible()
    expect(page.get_by_role("navigation", name="Chức năng")).to_have_count(0)
    secret = page.locator("#secret").inner_text()
    _shot(page, "second-factor-setup.png")
    code = page.get_by_label("Mã 6 chữ số đang hiện trong ứng dụng")
    code.fill("000000")
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("alert").filter(has_text="Mã không đúng")).to_be_visible()
    time.sleep(1.1)  # one wrong code: the next try waits a second
    page.get_by_label("Mã 6 chữ số đang hiện trong ứng dụng").fill(_app_code(secret))
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mã dự phòng")
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    _shot(page, "recovery-codes.png")
    page.get_by_role("link", name="Đã lưu các mã, tiếp tục").click()
    expect(page.get_by_role("navigation", name="Chức năng")).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, live_server, "btc")
    expect(page.get_by_role("heading", level=1)).to_have_text("Xác thực hai bước")
    _shot(page, "second-factor-code.png")
    page.get_by_label("Mã xác thực").fill(_app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("navigation", name="Chức năng")).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, live_server, "btc")
    page.get_by_text("Không có điện thoại bên cạnh?").click()
    page.get_by_label("Mã xác thực").fill(codes[0])
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("navigation", name="Chức năng")).to_be_visible()
    page.goto(f"{live_server.url}/tai-khoan/xac-thuc-hai-buoc/")
    expect(page.get_by_text("Còn 9 mã dự phòng chưa dùng.")).to_be_visible()
    _shot(page, "second-factor-status.png")


def test_a_locked_sign_in_says_until_when_and_whom_to_call(page, live_server, small_province, sign_in):
    small_province.user("snv", Role.SNV)
    for n in range(5):
        sign_in(page, live_server, "snv", f"mat-khau-sai-{n}")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Đăng nhập đang tạm bị khóa.")
    expect(alert).to_contain_text("đã nhập sai mật khẩu 5 lần liên tiếp")
    expect(alert).to_contain_text("khoảng 15 phút")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("snv")
    _shot(page, "sign-in-locked.png")


def test_the_keys_page_and_the_password_page(page, live_server, small_province, sign_in):
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    sign_in(page, live_server, "hr")
    page.get_by_role("link", name="Khóa API").click()
    page.get_by_label("Ghi chú (để phân biệt các khóa)").fill("bảng tính báo cáo")
    page.get_by_role("button", name="Cấp khóa").click()
    expect(page.locator("#new-key")).to_be_visible()
    expect(page.get_by_role("cell", name="bảng tính báo cáo")).to_be_visible()
    _shot(page, "api-keys.png")
    page.get_by_role("button", name="Thu hồi khóa").click()
    expect(page.get_by_text("Đã thu hồi khóa")).to_be_visible()
    expect(page.locator("#new-key")).to_have_count(0)
    page.get_by_role("link", name="Đổi mật khẩu").click()
    page.get_by_label("Mật khẩu đang dùng").fill("mat-khau-thu-2017")
    page.get_by_label("Mật khẩu mới", exact=True).fill("12345678")
    page.get_by_label("Nhập lại mật khẩu mới").fill("12345678")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    _shot(page, "password-change-refused.png")
