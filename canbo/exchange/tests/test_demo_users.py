import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.exchange.demo.users import DEMO_PASSWORD, demo_logins, demo_mark

pytestmark = pytest.mark.django_db


def test_demo_users_cover_every_role_and_are_idempotent(small_province):
    from canbo.org.services import unit_create

    unit_create(actor=system_actor(), code="SYT", name="Sở Y tế", level="tinh", bloc="nha_nuoc",
                locality=small_province.units["SNV"].locality)
    assert demo_logins() is None
    assert demo_mark(actor=system_actor(), seed=1, size=8) == []
    logins = demo_logins()
    by_name = {item["username"]: item for item in logins}
    roles = {"btv", "thuong_truc", "btc", "snv", "unit_hr", "school", "inspector"}
    assert {item["role"] for item in logins} >= roles
    assert User.objects.get(username="hr_ductrong").scope_unit.code == "HU-DT"
    assert by_name["hr_ductrong"]["scope"] == "Huyện ủy Đức Trọng"
    assert User.objects.get(username="hr_so").scope_unit.code == "SYT"
    assert not User.objects.get(username="admin").is_superuser
    request = RequestFactory().post("/tai-khoan/dang-nhap/")  # the lockout checks every sign-in's address
    assert authenticate(request, username="kiemtra", password=DEMO_PASSWORD) is not None
    count, events = User.objects.count(), AuditEvent.objects.count()
    demo_mark(actor=system_actor(), seed=1, size=8)
    assert demo_logins() == logins
    assert (User.objects.count(), AuditEvent.objects.count()) == (count, events)


def test_a_demo_account_made_superuser_is_brought_back(small_province):
    demo_mark(actor=system_actor(), seed=1, size=8)
    User.objects.filter(username="admin").update(is_superuser=True)
    demo_mark(actor=system_actor(), seed=1, size=8)
    assert not User.objects.get(username="admin").is_superuser
    event = AuditEvent.objects.filter(action=AuditAction.ADMIN_UPDATE).get()
    assert (event.before, event.after) == ({"is_superuser": True}, {"is_superuser": False})


def test_logins_command_prints_a_table_for_the_demo(small_province, capsys):
    demo_mark(actor=system_actor(), seed=1, size=8)
    call_command("logins")
    out = capsys.readouterr().out
    assert "hr_ductrong" in out and DEMO_PASSWORD in out and "Huyện ủy Đức Trọng" in out
