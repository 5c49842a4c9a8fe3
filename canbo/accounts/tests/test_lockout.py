"""Failed sign-ins lock a name from an address, and an address trying many names; a lock ends after
the cool-off or when an administrator lifts it, and is in the change log."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from canbo.accounts.models import Role
from canbo.accounts.testing import PASSWORD
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary

pytestmark = pytest.mark.django_db

SIGN_IN = "/tai-khoan/dang-nhap/"


def _attempt(client, username, password, path=SIGN_IN):
    return client.post(path, {"username": username, "password": password})


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(client, small_province):
    small_province.user("btc", Role.BTC)
    statuses = [_attempt(client, "btc", f"sai-{n}").status_code for n in range(30)]
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
    response = _attempt(client, "btc", PASSWORD)
    assert response.status_code == 429 and not _signed_in(client)
    html = response.content.decode()
    assert "Đăng nhập đang tạm bị khóa" in html
    assert "Tên đăng nhập “btc” đã nhập sai mật khẩu 5 lần liên tiếp" in html
    assert "khoảng 15 phút" in html and "liên hệ người quản trị canbo" in html


def test_the_lock_is_recorded_once_and_every_attempt_still_is(client, small_province, settings):
    settings.CANBO_SUPPORT_CONTACT = "Phòng CNTT Ban Tổ chức, 0263 3822 000"
    small_province.user("btc", Role.BTC)
    for n in range(7):
        response = _attempt(client, "btc", f"sai-{n}")
    assert "liên hệ Phòng CNTT Ban Tổ chức, 0263 3822 000" in response.content.decode()
    locked = AuditEvent.objects.get(action=AuditAction.ACCOUNT_LOCKED)
    assert locked.object_key == "btc" and locked.ip == "127.0.0.1"
    assert (locked.data["ten"], locked.data["so_lan"], locked.data["theo"]) == ("btc", 5, "ten")
    assert summary(locked).startswith("Tạm khóa đăng nhập tên btc từ địa chỉ này sau 5 lần sai, đến ")
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN_FAILED).count() == 7


def test_fewer_failures_than_the_limit_are_forgotten_on_success(client, small_province):
    small_province.user("snv", Role.SNV)
    for _round in range(3):
        for n in range(4):
            _attempt(client, "snv", f"sai-{n}")
        assert _attempt(client, "snv", PASSWORD).status_code == 302 and _signed_in(client)
        client.logout()


def test_the_lock_holds_one_name_from_one_address(small_province):
    small_province.user("btc", Role.BTC)
    small_province.user("snv", Role.SNV)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(5):
        _attempt(attacker, "btc", f"sai-{n}")
    assert _attempt(attacker, "btc", PASSWORD).status_code == 429
    office = Client(REMOTE_ADDR="10.1.2.3")
    assert _attempt(office, "btc", PASSWORD).status_code == 302 and _signed_in(office)
    assert _attempt(attacker, "snv", PASSWORD).status_code == 302


def test_an_address_trying_many_names_is_locked_for_every_name(small_province):
    small_province.user("btc", Role.BTC)
    scanner = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(20):
        _attempt(scanner, f"ten-{n % 10}", "123456")
    response = _attempt(scanner, "btc", PASSWORD)
    assert response.status_code == 429 and not _signed_in(scanner)
    assert "mọi tài khoản tạm không đăng nhập được từ máy này" in response.content.decode()
    locked = AuditEvent.objects.get(action=AuditAction.ACCOUNT_LOCKED)
    assert (locked.data["theo"], locked.data["so_lan"]) == ("dia_chi", 20)
    assert _attempt(Client(REMOTE_ADDR="10.1.2.3"), "btc", PASSWORD).status_code == 302


def test_signing_in_to_ones_own_account_does_not_clear_the_failures_on_another(small_province):
    small_province.user("btc", Role.BTC)
    small_province.user("hr", Role.UNIT_HR, scope_unit="HU-DT")
    insider = Client(REMOTE_ADDR="10.1.2.3")
    for n in range(4):
        _attempt(insider, "btc", f"sai-{n}")
    assert _attempt(insider, "hr", PASSWORD).status_code == 302
    insider.logout()
    assert _attempt(insider, "btc", "sai-5").status_code == 429


def test_the_lock_ends_after_the_cool_off(client, small_province):
    small_province.user("btc", Role.BTC)
    for n in range(5):
        _attempt(client, "btc", f"sai-{n}")
    assert _attempt(client, "btc", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert _attempt(client, "btc", PASSWORD).status_code == 302 and _signed_in(client)


def test_an_administrator_lifts_a_lock_with_the_command(client, small_province, capsys):
    small_province.user("btc", Role.BTC)
    for n in range(5):
        _attempt(client, "btc", f"sai-{n}")
    call_command("axes_reset_username", "btc")
    assert "1 attempts removed" in capsys.readouterr().out
    assert _attempt(client, "btc", PASSWORD).status_code == 302 and _signed_in(client)


def test_an_administrator_lifts_a_lock_in_the_admin_and_it_is_recorded(client, admin_client, small_province):
    small_province.user("btc", Role.BTC)
    for n in range(5):
        _attempt(client, "btc", f"sai-{n}")
    attempt = AccessAttempt.objects.get(username="btc")
    page = admin_client.get("/quan-tri/axes/accessattempt/")
    assert page.status_code == 200 and "btc" in page.content.decode()
    response = admin_client.post(f"/quan-tri/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    lifted = AuditEvent.objects.get(action=AuditAction.ADMIN_DELETE)
    assert lifted.object_key == "btc" and lifted.actor.username == "admin"
    assert _attempt(client, "btc", PASSWORD).status_code == 302


def test_the_admin_signs_in_on_canbos_page_and_is_locked_there_too(client, small_province):
    staff = small_province.user("quantri", Role.BTC)
    staff.is_staff = True
    staff.save()
    for n in range(30):
        refused = _attempt(client, "quantri", f"sai-{n}", path="/quan-tri/login/?next=/quan-tri/")
        assert refused.status_code == 302 and refused["Location"].startswith(SIGN_IN)
    assert not _signed_in(client)
    for n in range(30):
        _attempt(client, "quantri", f"sai-{n}", path=f"{SIGN_IN}?next=/quan-tri/")
    assert _attempt(client, "quantri", PASSWORD, path=f"{SIGN_IN}?next=/quan-tri/").status_code == 429
    assert client.get("/quan-tri/").status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.ACCOUNT_LOCKED).count() == 1
