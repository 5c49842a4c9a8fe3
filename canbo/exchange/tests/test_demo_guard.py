"""Demo accounts exist only together with demo data: `canbo demo` refuses a database holding another
province unless told to replace it, `canbo logins` prints passwords only for the demo, an import of
other data disables the demo accounts, and no demo account is a superuser."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, RequestFactory

from canbo.accounts.models import User
from canbo.exchange.demo.users import DEMO_PASSWORD
from canbo.exchange.models import DemoProvince
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.people.models import Cadre

pytestmark = pytest.mark.django_db

SIZE = ("--size", "60", "--seed", "3")



def signs_in(username: str, password: str) -> bool:
    """Whether the password signs in (through the lockout, which reads each sign-in's address)."""
    return authenticate(RequestFactory().post("/tai-khoan/dang-nhap/"), username=username,
                        password=password) is not None

def test_demo_on_an_empty_database_marks_it_and_creates_the_accounts(capsys):
    call_command("demo", *SIZE)
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "hr_ductrong" in out
    demo = DemoProvince.objects.get()
    assert demo.accounts.count() == 9
    assert not User.objects.filter(is_superuser=True).exclude(username="he_thong").exists()
    assert signs_in("btc", DEMO_PASSWORD)
    call_command("logins")
    assert DEMO_PASSWORD in capsys.readouterr().out


def test_the_demo_admin_is_staff_for_the_catalogues_only():
    call_command("demo", *SIZE, stdout=None)
    admin = User.objects.get(username="admin")
    assert admin.is_staff and not admin.is_superuser
    client = Client()
    assert signs_in("admin", DEMO_PASSWORD)
    client.force_login(admin)
    for url in ("/quan-tri/", "/quan-tri/org/unit/", "/quan-tri/org/positiontype/", "/quan-tri/org/post/",
                "/quan-tri/people/cadre/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/quan-tri/accounts/user/").status_code == 403
    assert client.get("/quan-tri/accounts/apitoken/").status_code == 403
    assert client.get("/").status_code == 200


def test_demo_refuses_a_database_with_other_data(small_province, capsys):
    users = set(User.objects.values_list("username", flat=True))
    with pytest.raises(CommandError, match="--replace"):
        call_command("demo", *SIZE)
    assert set(User.objects.values_list("username", flat=True)) == users
    assert not DemoProvince.objects.exists()
    assert Cadre.objects.count() == 8
    assert DEMO_PASSWORD not in capsys.readouterr().out


def test_logins_on_a_database_that_is_not_the_demo_prints_no_password(small_province, capsys):
    users = User.objects.count()
    call_command("logins")
    out = capsys.readouterr().out
    assert "không phải dữ liệu mẫu" in out and DEMO_PASSWORD not in out
    assert User.objects.count() == users


def test_demo_with_replace_replaces_the_data_and_then_is_the_demo(small_province, capsys):
    call_command("demo", *SIZE, "--replace")
    assert "XOÁ" in capsys.readouterr().err
    assert Cadre.objects.count() == 60 and not Cadre.objects.filter(code="DT1").exists()
    assert DemoProvince.objects.exists()
    call_command("demo", *SIZE)
    assert "giữ nguyên" in capsys.readouterr().out and Cadre.objects.count() == 60


def test_an_import_of_other_data_ends_the_demo_and_its_accounts(tmp_path, capsys):
    call_command("demo", *SIZE, stdout=None)
    accounts = list(DemoProvince.objects.get().accounts.values_list("id", flat=True))
    call_command("import", write_workbook(tmp_path / "that.xlsx", valid_sheets()), "--replace")
    assert not DemoProvince.objects.exists()
    assert not User.objects.filter(id__in=accounts, is_active=True).exists()
    assert not signs_in("btc", DEMO_PASSWORD)
    capsys.readouterr()
    call_command("logins")
    assert DEMO_PASSWORD not in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("demo", *SIZE)
    call_command("demo", *SIZE, "--replace", stdout=None)
    assert signs_in("btc", DEMO_PASSWORD)
    assert User.objects.filter(username="btc").count() == 1


def test_a_real_account_with_a_demo_name_is_left_alone(capsys):
    User.objects.create_user("btc", password="mat-khau-that-2026", role="btc")
    call_command("demo", *SIZE)
    out = capsys.readouterr().out
    assert not signs_in("btc", DEMO_PASSWORD)
    assert signs_in("btc", "mat-khau-that-2026")
    assert "btc" not in {u.username for u in DemoProvince.objects.get().accounts.all()}
    assert "btc" in out  # said to be left alone
