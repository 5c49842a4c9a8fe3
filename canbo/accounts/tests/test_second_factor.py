"""The second factor: who must give one, setting up the app, the code after the password, recovery
codes, and what a session reaches before the code (CANBO_2FA_REQUIRED on, unlike other tests)."""

import base64
import re

import pytest
from django.core.checks import run_checks
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD, authenticator_code
from canbo.accounts.tokens import api_token_create
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SETUP = "/tai-khoan/xac-thuc-hai-buoc/"
CODE = "/tai-khoan/ma-xac-thuc/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.CANBO_2FA_REQUIRED = True


def sign_in(username, next_url="/"):
    client = Client()
    response = client.post(f"/tai-khoan/dang-nhap/?next={next_url}",
                           {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client, response


def enrol(client) -> list[str]:
    """Sets up the app from the page; returns the recovery codes shown once."""
    page = client.get(SETUP).content.decode()
    secret = re.search(r'<code class="secret" id="secret">([A-Z2-7 ]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode()
    response = client.post(SETUP, {"code": authenticator_code(device), "next": "/can-bo/"})
    assert response.status_code == 302 and response["Location"].startswith(f"{SETUP}ma-du-phong/")
    html = client.get(response["Location"]).content.decode()
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)


def test_roles_of_the_table_and_staff_must_give_a_code(small_province):
    for username, role in (("btv", Role.BTV), ("thuongtruc", Role.THUONG_TRUC), ("btc", Role.BTC),
                           ("snv", Role.SNV)):
        small_province.user(username, role)
        client, response = sign_in(username)
        assert response["Location"] == "/"
        assert client.get("/")["Location"] == f"{CODE}?next=/"
        assert client.get(CODE)["Location"] == f"{SETUP}?next=%2F"
    for username, role in (("hr", Role.UNIT_HR), ("truong", Role.SCHOOL), ("kiemtra", Role.INSPECTOR)):
        small_province.user(username, role, "HU-DT" if role == Role.UNIT_HR else None)
        client, _response = sign_in(username)
        assert client.get("/").status_code == 200
    staff = small_province.user("quantri", Role.SCHOOL)
    staff.is_staff = True
    staff.save()
    client, _response = sign_in("quantri", "/quan-tri/")
    assert client.get("/quan-tri/")["Location"] == f"{CODE}?next=/quan-tri/"


def test_relaxed_the_roles_sign_in_with_the_password_only(small_province, settings):
    settings.CANBO_2FA_REQUIRED = False
    small_province.user("btc", Role.BTC)
    client, _response = sign_in("btc")
    assert client.get("/").status_code == 200


def test_setting_up_the_app_shows_a_qr_code_and_ten_recovery_codes_once(small_province):
    small_province.user("btc", Role.BTC)
    client, _response = sign_in("btc")
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "Thiết lập xác thực hai bước" in html
    assert 'class="sidenav"' not in html and "Đăng xuất" in html
    assert "http" not in re.search(r"<svg.*?</svg>", html, re.S).group(0).replace("http://www.w3.org", "")
    wrong = client.post(SETUP, {"code": "000000"})
    assert "Mã không đúng" in wrong.content.decode()
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    again = client.get("/tai-khoan/xac-thuc-hai-buoc/ma-du-phong/").content.decode()
    assert not any(code in again for code in codes) and "Bạn còn 10 mã chưa dùng" in again
    assert client.get("/can-bo/").status_code == 200
    enrolled = AuditEvent.objects.get(action=AuditAction.SECOND_FACTOR_ENROL)
    assert enrolled.object_key == "btc" and enrolled.actor.username == "btc"
    assert "Đang bật" in client.get(SETUP).content.decode()


def test_the_code_after_the_password(small_province):
    small_province.user("btc", Role.BTC)
    client, _response = sign_in("btc")
    enrol(client)
    device = TOTPDevice.objects.get(confirmed=True)
    client, _response = sign_in("btc", "/can-bo/")
    assert client.get("/can-bo/")["Location"] == f"{CODE}?next=/can-bo/"
    page = client.get(f"{CODE}?next=/can-bo/").content.decode()
    assert "Xác thực hai bước" in page and 'class="sidenav"' not in page
    wrong = client.post(CODE, {"code": "123456", "next": "/can-bo/"})
    assert "Mã không đúng" in wrong.content.decode()
    failed = AuditEvent.objects.get(action=AuditAction.SECOND_FACTOR_FAILED)
    assert failed.object_key == "btc" and failed.ip == "127.0.0.1"
    throttled = client.post(CODE, {"code": authenticator_code(device, steps_ahead=1), "next": "/can-bo/"})
    assert "Đã nhập sai nhiều lần. Thử lại sau" in throttled.content.decode()
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    done = client.post(CODE, {"code": authenticator_code(device, steps_ahead=1), "next": "/can-bo/"})
    assert done["Location"] == "/can-bo/"
    assert client.get("/can-bo/").status_code == 200


def test_a_recovery_code_signs_in_once(small_province):
    small_province.user("snv", Role.SNV)
    client, _response = sign_in("snv")
    codes = enrol(client)
    client, _response = sign_in("snv")
    assert client.post(CODE, {"code": codes[3].upper()[:4] + "-" + codes[3][4:]})["Location"] == "/"
    used = AuditEvent.objects.get(action=AuditAction.RECOVERY_CODE_USED)
    assert used.data == {"con_lai": 9} and used.object_key == "snv"
    again, _response = sign_in("snv")
    assert "Mã không đúng" in again.post(CODE, {"code": codes[3]}).content.decode()
    assert StaticToken.objects.count() == 9


def test_someone_who_set_up_the_app_is_asked_even_when_not_required(small_province, settings):
    small_province.user("hr", Role.UNIT_HR, "HU-DT")
    client, _response = sign_in("hr")
    assert client.get("/").status_code == 200
    enrol(client)
    settings.CANBO_2FA_REQUIRED = False
    client, _response = sign_in("hr")
    assert client.get("/")["Location"] == f"{CODE}?next=/"


def administrator(small_province) -> Client:
    """A superuser signed in with the code of the app they set up."""
    staff = small_province.user("quantri", Role.BTC)
    staff.is_staff = staff.is_superuser = True
    staff.save()
    client, _response = sign_in("quantri", "/quan-tri/")
    enrol(client)
    return client


def test_an_administrator_resets_a_lost_phone(small_province):
    admin_client = administrator(small_province)
    user = small_province.user("btc", Role.BTC)
    client, _response = sign_in("btc")
    enrol(client)
    assert client.get("/").status_code == 200
    response = admin_client.post("/quan-tri/accounts/user/", {
        "action": "reset_second_factor", "_selected_action": [user.pk]})
    assert response.status_code == 302 and response["Location"] == "/quan-tri/accounts/user/"
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    reset = AuditEvent.objects.get(action=AuditAction.SECOND_FACTOR_RESET)
    assert reset.object_key == "btc" and reset.actor.username == "quantri" and reset.data == {"thiet_bi": 2}
    assert client.get("/")["Location"] == f"{CODE}?next=/"  # the verified session owes a code again
    assert client.get(CODE)["Location"] == f"{SETUP}?next=%2F"


def test_the_admin_needs_the_code_too(small_province):
    staff = small_province.user("nhanvien", Role.SCHOOL)
    staff.is_staff = True
    staff.save()
    client, _response = sign_in("nhanvien", "/quan-tri/")
    assert client.get("/quan-tri/")["Location"] == f"{CODE}?next=/quan-tri/"
    admin_pages = administrator(small_province).get("/quan-tri/").content.decode()
    assert "/quan-tri/otp_totp/" not in admin_pages and "/quan-tri/axes/accessattempt/" in admin_pages


def test_before_the_code_a_session_reaches_only_the_second_factor_pages(small_province):
    from canbo.accounts.tests.test_access_matrix import _fill, _targets

    small_province.user("btc", Role.BTC)
    _token, key = api_token_create(actor=system_actor(), user=small_province.user("btv", Role.BTV))
    client, _response = sign_in("btc")
    open_pages = {"accounts:second_factor", "accounts:second_factor_setup", "accounts:recovery_codes",
                  "accounts:logout", "set_language"}
    reached = []
    for name, method, route, _success in _targets():
        url = _fill(route, "1")
        response = client.post(url, {}) if method == "POST" else client.get(url)
        if url.startswith("/api/"):
            if response.status_code != 401 or "xác thực hai bước" not in response.json()["detail"]:
                reached.append(f"{name}: {response.status_code}")
        elif name not in open_pages and not response.get("Location", "").startswith(CODE):
            reached.append(f"{name}: {response.status_code}")
    assert reached == []
    # A key is not a session: it keeps working.
    assert Client().get("/api/tai-khoan/toi", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_check_deploy_warns_when_relaxed(settings):
    settings.CANBO_2FA_REQUIRED = False
    assert "canbo.W001" in {message.id for message in run_checks(include_deployment_checks=True)}
    settings.CANBO_2FA_REQUIRED = True
    assert "canbo.W001" not in {message.id for message in run_checks(include_deployment_checks=True)}


def test_the_command_resets_the_last_administrators_phone(small_province, capsys):
    from django.core.management import CommandError, call_command

    administrator(small_province)
    call_command("reset-second-factor", "quantri")
    assert "Đã đặt lại xác thực hai bước của quantri (2 thiết bị)" in capsys.readouterr().out
    reset = AuditEvent.objects.get(action=AuditAction.SECOND_FACTOR_RESET)
    assert reset.actor == system_actor() and reset.object_key == "quantri"
    client, _response = sign_in("quantri", "/quan-tri/")
    assert client.get(CODE)["Location"] == f"{SETUP}?next=%2F"
    with pytest.raises(CommandError, match="Không có người dùng tên “ai_do”"):
        call_command("reset-second-factor", "ai_do")
