"""What leaves canbo stays out of caches, and a session left idle is signed out (Decree 13/2023)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.accounts.tokens import api_token_create

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def test_pages_exports_and_the_api_are_never_cached(small_province, client_as):
    client = client_as("btc", role=Role.BTC)
    for url in ("/", "/can-bo/", "/can-bo/SNV1/", "/ra-soat/", "/api/can-bo/", "/api/docs"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response) and "private" in response["Cache-Control"], url
    export = client.get("/can-bo/", {"xuat": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats") and no_store(export)
    _token, key = api_token_create(actor=system_actor(), user=small_province.user("hr", Role.SNV))
    assert no_store(Client().get("/api/can-bo/", HTTP_AUTHORIZATION=f"Bearer {key}"))
    assert no_store(Client().get("/tai-khoan/dang-nhap/"))


def test_static_files_keep_their_caching(client):
    response = client.get("/static/canbo/canbo.css")
    assert response.status_code == 200
    assert not no_store(response) and "max-age" in response["Cache-Control"]


class Clock:
    """timezone.now() moved by hand, for the sessions' expiry and the idle check alike."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def wait(self, minutes: int):
        self.now += dt.timedelta(minutes=minutes)


def test_a_session_idle_longer_than_the_limit_is_signed_out(small_province, settings, monkeypatch):
    assert settings.SESSION_COOKIE_AGE == 30 * 60  # CANBO_SESSION_IDLE_MINUTES
    small_province.user("btc", Role.BTC)
    clock, client = Clock(monkeypatch), Client()
    assert client.post("/tai-khoan/dang-nhap/", {"username": "btc", "password": PASSWORD}).status_code == 302
    # In use: every request within the limit keeps the session alive, well past 30 minutes in all.
    for _ in range(3):
        clock.wait(29)
        assert client.get("/can-bo/").status_code == 200
    # Left alone for longer than the limit: signed out.
    clock.wait(31)
    response = client.get("/can-bo/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")


def test_a_session_ends_with_the_browser(small_province):
    small_province.user("btc", Role.BTC)
    response = Client().post("/tai-khoan/dang-nhap/", {"username": "btc", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie.value and cookie["max-age"] == "" and cookie["expires"] == ""
