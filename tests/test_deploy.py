"""canbo behind a TLS reverse proxy, configured as deploy/ and docs/deploy.md say: the deployment
check finds nothing to warn about, signing in works through the proxy (it answered 403 "Origin
checking failed" before), plain HTTP is sent to HTTPS, the log records the client's address, and
the nightly backup keeps what it should."""

import os
import re
import subprocess
import sys
import time

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


def test_the_nightly_backup_makes_one_and_removes_the_expired(tmp_path):
    backups, canbo = tmp_path / "sao-luu", tmp_path / "canbo"
    backups.mkdir()
    canbo.write_text('#!/bin/sh\n[ "$1" = backup ] && echo "$*" > "$2"\n')  # stands for `canbo backup FILE`
    canbo.chmod(0o755)
    now = time.time()
    ages = {"canbo-2026-01-01-013000.zip": 40, "canbo-2026-02-01-013000.zip": 29, "ghi-chu.txt": 90}
    for name, days in ages.items():
        (backups / name).write_text(name)
        os.utime(backups / name, (now - days * 86400, now - days * 86400))
    env = {"PATH": os.environ["PATH"], "CANBO_BACKUP_DIR": str(backups), "CANBO_BACKUP_KEEP_DAYS": "30",
           "CANBO_BIN": str(canbo)}
    subprocess.run(["bash", str(ROOT / "deploy" / "canbo-backup")], env=env, check=True)  # noqa: S603, S607
    names = {path.name for path in backups.iterdir()}
    assert "canbo-2026-01-01-013000.zip" not in names  # older than 30 days
    assert {"canbo-2026-02-01-013000.zip", "ghi-chu.txt"} <= names  # recent, or not a backup
    made = sorted(names - {"canbo-2026-02-01-013000.zip", "ghi-chu.txt"})
    assert len(made) == 1 and re.fullmatch(r"canbo-\d{4}-\d{2}-\d{2}-\d{6}\.zip", made[0])
    assert (backups / made[0]).read_text().startswith("backup ")
