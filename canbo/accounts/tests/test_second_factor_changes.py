"""A user changes their own second factor: new recovery codes, or another phone, each proved with a
code from the app in use (CANBO_2FA_REQUIRED on, unlike other tests)."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.accounts.models import Role
from canbo.accounts.testing import authenticator_code
from canbo.accounts.tests.test_second_factor import CODE, SETUP, enrol, sign_in
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary

pytestmark = pytest.mark.django_db

RENEW = f"{SETUP}tao-lai-ma-du-phong/"
REPLACE = f"{SETUP}doi-ung-dung/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.CANBO_2FA_REQUIRED = True


@pytest.fixture
def enrolled(small_province):
    """btc signed in with the app set up; (client, its device, the recovery codes given)."""
    small_province.user("btc", Role.BTC)
    client, _response = sign_in("btc")
    codes = enrol(client)
    return client, TOTPDevice.objects.get(confirmed=True), codes


def shown_codes(client, response) -> list[str]:
    page = client.get(response["Location"]).content.decode()
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)


def test_new_recovery_codes_need_a_code_from_the_app_and_end_the_old_ones(enrolled):
    client, device, old = enrolled
    status = client.get(SETUP).content.decode()
    assert "Tạo mã dự phòng mới" in status and "Đổi ứng dụng xác thực" in status
    refused = client.post(RENEW, {"tao_lai-code": old[0]})
    assert "Mã không đúng" in refused.content.decode() and StaticToken.objects.count() == 10
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    renewed = client.post(RENEW, {"tao_lai-code": authenticator_code(device, steps_ahead=1)})
    new = shown_codes(client, renewed)
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    event = AuditEvent.objects.get(action=AuditAction.RECOVERY_CODES_RENEW)
    assert event.object_key == "btc" and summary(event) == "btc tạo lại mã dự phòng"


def test_another_phone_replaces_the_app_only_once_its_code_is_given(enrolled):
    client, old_device, old_codes = enrolled
    assert client.get(SETUP).status_code == 200
    assert "Thiết lập xác thực hai bước" not in client.get(SETUP).content.decode()
    moved = client.post(REPLACE, {"doi-code": authenticator_code(old_device, steps_ahead=1)})
    assert moved["Location"] == SETUP
    page = client.get(SETUP).content.decode()
    assert "điện thoại mới" in page and "<svg" in page
    new_device = TOTPDevice.objects.get(confirmed=False)
    assert TOTPDevice.objects.filter(confirmed=True).get() == old_device  # the old app still works meanwhile
    confirmed = client.post(SETUP, {"code": authenticator_code(new_device)})
    new_codes = shown_codes(client, confirmed)
    assert list(TOTPDevice.objects.values_list("pk", flat=True)) == [new_device.pk]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    event = AuditEvent.objects.filter(action=AuditAction.SECOND_FACTOR_ENROL).latest("pk")
    assert summary(event) == "Đổi ứng dụng xác thực của btc"
    assert "Đang bật" in client.get(SETUP).content.decode()


def test_a_wrong_code_changes_nothing_and_says_why(enrolled):
    client, device, _codes = enrolled
    answer = client.post(REPLACE, {"doi-code": "000000"})
    assert answer.status_code == 200 and "Mã không đúng" in answer.content.decode()
    assert TOTPDevice.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.SECOND_FACTOR_FAILED).count() == 1
    assert client.get(REPLACE).status_code == 405


def test_a_correct_code_at_sign_in_is_recorded(enrolled):
    _client, device, _codes = enrolled
    client, _response = sign_in("btc")
    client.post(CODE, {"code": authenticator_code(device, steps_ahead=1)})
    event = AuditEvent.objects.get(action=AuditAction.SECOND_FACTOR_PASSED)
    assert event.object_key == "btc" and summary(event) == "btc nhập đúng mã xác thực hai bước"
