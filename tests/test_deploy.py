"""canbo behind a TLS reverse proxy, configured as deploy/ and docs/deploy.md say: the deployment
check finds nothing to warn about, signing in works through the proxy (it answered 403 "Origin
checking failed" before), plain HTTP is sent to HTTPS, and the log records the client's address."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from canbo.accounts.models import Role
from canbo.accounts.testing import PASSWORD
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from tests.environment import ROOT, example_environment, settings_under

HOST = "canbo.example.gov.vn"
PROXIED = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Real-IP": "203.0.113.7"}
PRODUCTION_SETTINGS = (
    "ALLOWED_HOSTS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS", "CLIENT_IP_HEADER",
)


def test_the_deployment_check_passes_with_the_example_environment(tmp_path):
    # What the service's environment holds: nothing of the test run's own.
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"} | example_environment()
    env["CANBO_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "canbo", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.fixture
def behind_proxy(settings, monkeypatch, tmp_path):
    production = settings_under(monkeypatch, tmp_path, **example_environment())
    for name in PRODUCTION_SETTINGS:
        setattr(settings, name, production[name])


def test_signing_in_through_the_tls_proxy(behind_proxy, small_province):
    small_province.user("btc", Role.BTC)
    client = Client(enforce_csrf_checks=True)
    form = client.get("/tai-khoan/dang-nhap/", headers=PROXIED)
    assert form.status_code == 200
    assert form.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    answer = client.post(
        "/tai-khoan/dang-nhap/",
        {"username": "btc", "password": PASSWORD, "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        headers={**PROXIED, "Origin": f"https://{HOST}"},
    )
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert client.cookies["sessionid"]["secure"] and client.cookies["csrftoken"]["secure"]
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN).latest("seq").ip == "203.0.113.7"
    assert client.get("/", headers=PROXIED).status_code == 200


def test_plain_http_is_sent_to_https(behind_proxy, db):
    answer = Client().get("/tai-khoan/dang-nhap/", headers={"Host": HOST})
    assert answer.status_code == 301 and answer["Location"] == f"https://{HOST}/tai-khoan/dang-nhap/"
