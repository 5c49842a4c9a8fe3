"""API keys expire, are issued from a signed-in session (the keys page, the API) or the command
line, and are revoked by their owner on the keys page or by an administrator with the command."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from canbo.accounts import tokens
from canbo.accounts.models import ApiToken, Role
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PAGE = "/tai-khoan/khoa-api/"


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_key_expires(small_province, settings):
    settings.CANBO_API_KEY_DAYS = 30
    user = small_province.user("btv", Role.BTV)
    token, key = api_token_create(actor=system_actor(), user=user)
    assert dt.timedelta(days=29, hours=23) < token.expires_at - timezone.now() <= dt.timedelta(days=30)
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = Client().get("/api/tai-khoan/toi", **bearer(key))
    assert response.status_code == 401
    assert "đã hết hạn" in response.json()["detail"] and token.prefix in response.json()["detail"]
    assert Client().get("/api/tai-khoan/toi", **bearer("khoa-sai")).json() == {"detail": "Unauthorized"}


def test_the_api_issues_a_key_for_a_number_of_days_and_validates_the_body(client_as):
    client = client_as("snv", role=Role.SNV)
    response = client.post("/api/tai-khoan/khoa", {"label": "bao cao", "so_ngay": 7},
                           content_type="application/json")
    assert response.status_code == 201
    token = ApiToken.objects.get()
    assert abs(token.expires_at - token.created_at - dt.timedelta(days=7)) < dt.timedelta(seconds=1)
    expires = dt.datetime.fromisoformat(response.json()["het_han"])
    assert abs(expires - token.expires_at) < dt.timedelta(seconds=1)
    too_long = client.post("/api/tai-khoan/khoa", {"label": "x" * 101}, content_type="application/json")
    assert too_long.status_code == 422 and too_long.json()["detail"][0]["loc"][-1] == "label"
    too_far = client.post("/api/tai-khoan/khoa", {"so_ngay": 366}, content_type="application/json")
    assert too_far.status_code == 422
    assert ApiToken.objects.count() == 1


def test_the_service_refuses_what_the_schema_would(small_province):
    user = small_province.user("btc", Role.BTC)
    with pytest.raises(ValidationError) as refused:
        api_token_create(actor=user, user=user, label="x" * 101)
    assert "label" in refused.value.message_dict
    with pytest.raises(ValidationError):
        api_token_create(actor=user, user=user, days=0)


def test_a_service_refusal_is_a_json_422_not_a_500(client_as, monkeypatch):
    client = client_as("btc", role=Role.BTC)

    def refuse(**kwargs):
        raise ValidationError({"label": "Ghi chú không hợp lệ."})

    monkeypatch.setattr("canbo.accounts.api.api_token_create", refuse)
    response = client.post("/api/tai-khoan/khoa", {}, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {"detail": [{"loc": ["body", "label"], "msg": "Ghi chú không hợp lệ.",
                                           "type": "validation"}]}


def test_the_command_issues_for_days_and_revokes_by_prefix(small_province, capsys):
    small_province.user("kiemtra", Role.INSPECTOR)
    call_command("token", "kiemtra", "--label", "đối soát", "--days", "10")
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get()
    assert token.label == "đối soát"
    assert abs(token.expires_at - token.created_at - dt.timedelta(days=10)) < dt.timedelta(seconds=1)
    with pytest.raises(CommandError, match="Thời hạn của khóa từ 1 đến 365 ngày"):
        call_command("token", "kiemtra", "--days", "400")
    with pytest.raises(CommandError, match="Không có khóa API đang dùng nào có đầu “zzzzzzzz”"):
        call_command("token", "--revoke", "zzzzzzzz")
    with pytest.raises(CommandError, match="Đầu khóa gồm 8 ký tự"):
        call_command("token", "--revoke", key[:4])
    call_command("token", "--revoke", key[:8])
    assert f"Đã thu hồi khóa {key[:8]}… của kiemtra" in capsys.readouterr().out
    assert ApiToken.objects.get().revoked
    assert AuditEvent.objects.get(action=AuditAction.API_TOKEN_REVOKE).actor == system_actor()
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).status_code == 401
    with pytest.raises(CommandError, match="Không có khóa API đang dùng"):
        call_command("token", "--revoke", key[:8])


def test_no_key_starts_with_a_dash_that_the_command_would_read_as_an_option(small_province, monkeypatch):
    user = small_province.user("btc", Role.BTC)
    drawn = iter(["-starts-with-a-dash", "Another-key"])
    monkeypatch.setattr(tokens.secrets, "token_urlsafe", lambda n: next(drawn))
    assert api_token_create(actor=user, user=user, label="một")[1] == "Another-key"


def test_the_command_refuses_an_ambiguous_prefix(small_province):
    user = small_province.user("btc", Role.BTC)
    api_token_create(actor=user, user=user, label="một")
    api_token_create(actor=user, user=user, label="hai")
    ApiToken.objects.update(prefix="AbCdEfGh")
    with pytest.raises(CommandError, match="Nhiều khóa đang dùng có đầu “AbCdEfGh”: btc \\(hai"):
        call_command("token", "--revoke", "AbCdEfGh")
    assert not ApiToken.objects.filter(revoked=True).exists()


def test_the_keys_page_issues_once_lists_and_revokes_ones_own(client_as, small_province):
    other = small_province.user("btv", Role.BTV)
    theirs, _key = api_token_create(actor=other, user=other, label="của người khác")
    client = client_as("btc", role=Role.BTC)
    assert "Bạn chưa có khóa API nào" in client.get(PAGE).content.decode()
    response = client.post(PAGE, {"label": "bảng tính", "days": "90"})
    assert response.status_code == 302
    html = client.get(PAGE).content.decode()
    mine = ApiToken.objects.get(user__username="btc")
    key = html.split('<code id="new-key">')[1].split("</code>")[0]
    assert key.startswith(mine.prefix) and "của người khác" not in html and "bảng tính" in html
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).json()["username"] == "btc"
    assert '<code id="new-key">' not in client.get(PAGE).content.decode()  # shown once
    long_label = client.post(PAGE, {"label": "x" * 101, "days": "90"})
    assert long_label.status_code == 200 and "form-error" in long_label.content.decode()
    assert client.post(f"{PAGE}{theirs.pk}/thu-hoi/").status_code == 404
    assert client.post(f"{PAGE}{mine.pk}/thu-hoi/").status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked and not theirs.revoked
    assert "Đã thu hồi" in client.get(PAGE).content.decode()
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).status_code == 401
