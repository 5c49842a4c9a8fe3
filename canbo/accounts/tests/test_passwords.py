"""A password a user chooses passes Django's validators: long enough, not common, not only digits,
not like the user's name; changing it is recorded. The demo's published password is set by code."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory

from canbo.accounts.models import Role, User
from canbo.accounts.testing import PASSWORD
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from config import settings as project_settings

pytestmark = pytest.mark.django_db

PAGE = "/tai-khoan/doi-mat-khau/"


def _change(client, new):
    return client.post(PAGE, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})


@pytest.mark.parametrize("weak", ["12345678", "password", "hr_ductrong", "0263382200001", "matkhau2017"])
def test_weak_passwords_are_refused(weak):
    user = User(username="hr_ductrong", first_name="Nguyễn Văn", last_name="Đức Trọng")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_the_password_page_refuses_weak_ones_and_records_a_change(client_as):
    client = client_as("hr_ductrong", role=Role.UNIT_HR, scope_unit="HU-DT")
    assert client.get(PAGE).status_code == 200
    for weak, why in (("12345678", "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
                      ("password", "Mật khẩu này quá phổ biến."), ("hr_ductrong", "Mật khẩu quá giống với")):
        response = _change(client, weak)
        assert response.status_code == 200 and why in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.PASSWORD_CHANGE).exists()
    strong = "mùa xuân trên cao nguyên"
    response = _change(client, strong)
    assert response.status_code == 302
    assert "Đã đổi mật khẩu" in client.get(response["Location"]).content.decode()  # still signed in
    event = AuditEvent.objects.get(action=AuditAction.PASSWORD_CHANGE)
    assert event.object_key == "hr_ductrong" and event.before is None and event.after is None
    for password, status in ((strong, 302), (PASSWORD, 200)):
        response = Client().post("/tai-khoan/dang-nhap/", {"username": "hr_ductrong", "password": password})
        assert response.status_code == status


def test_the_demo_password_is_set_by_code_and_signs_in(small_province):
    from canbo.accounts.system import system_actor
    from canbo.exchange.demo.users import DEMO_PASSWORD, demo_mark

    demo_mark(actor=system_actor(), seed=1, size=8)
    with pytest.raises(ValidationError):
        validate_password(DEMO_PASSWORD)
    request = RequestFactory().post("/tai-khoan/dang-nhap/")
    assert authenticate(request, username="btc", password=DEMO_PASSWORD) is not None


def test_passwords_are_kept_as_argon2_and_an_older_pbkdf2_hash_is_replaced_at_sign_in(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # the suite's own are quick
    user = User.objects.create_user("snv_cu", password=PASSWORD, role=Role.SNV)
    assert user.password.startswith("argon2$argon2id$")
    User.objects.filter(pk=user.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    assert authenticate(RequestFactory().post("/"), username="snv_cu", password=PASSWORD) is not None
    assert User.objects.get(pk=user.pk).password.startswith("argon2$argon2id$")
