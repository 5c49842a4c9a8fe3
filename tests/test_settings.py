"""config/settings.py read as a fresh process would, under chosen environment variables: the secret
key is never a committed one, and CANBO_PRODUCTION turns every secure default on."""

import stat
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.secret_key import _create, secret_key_from
from tests.environment import settings_under


@pytest.fixture
def load_settings(monkeypatch, tmp_path):
    """`load_settings(CANBO_X="1", …)`: the settings under exactly these CANBO_ variables."""
    return lambda **env: settings_under(monkeypatch, tmp_path, **env)


def test_without_a_key_one_is_made_once_readable_by_its_owner_only(load_settings, tmp_path):
    first = load_settings()["SECRET_KEY"]
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() == first and len(first) >= 50
    assert load_settings()["SECRET_KEY"] == first  # the next start reads the same key
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".secret_key")] == []


def test_the_environment_key_wins(load_settings, tmp_path):
    assert load_settings(CANBO_SECRET_KEY="khoa-cua-moi-truong")["SECRET_KEY"] == "khoa-cua-moi-truong"
    assert not (tmp_path / "secret_key").exists()


def test_each_installation_has_its_own_key(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert secret_key_from(tmp_path / "a" / "secret_key") != secret_key_from(tmp_path / "b" / "secret_key")


def test_processes_starting_at_once_agree_on_one_key(tmp_path):
    path = tmp_path / "secret_key"
    start, keys = threading.Barrier(12), []

    def read():
        start.wait()
        keys.append(secret_key_from(path))

    threads = [threading.Thread(target=read) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 12 and set(keys) == {path.read_text().strip()}
    # The loser of the race leaves the winner's key in place and nothing of its own.
    _create(path)
    assert path.read_text().strip() == keys[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]


def test_a_key_file_others_may_read_is_refused(tmp_path):
    path = tmp_path / "secret_key"
    secret_key_from(path)
    path.chmod(0o644)
    with pytest.raises(ImproperlyConfigured, match="chmod 600"):
        secret_key_from(path)


def test_local_defaults_need_no_https(load_settings):
    local = load_settings()
    assert not (local["SESSION_COOKIE_SECURE"] or local["CSRF_COOKIE_SECURE"] or local["SECURE_SSL_REDIRECT"])
    assert local["SECURE_HSTS_SECONDS"] == 0 and "SECURE_PROXY_SSL_HEADER" not in local
    assert local["CSRF_TRUSTED_ORIGINS"] == [] and local["CLIENT_IP_HEADER"] == ""
    assert local["SESSION_COOKIE_AGE"] == 30 * 60


def test_production_turns_every_secure_default_on(load_settings):
    production = load_settings(CANBO_PRODUCTION="1", CANBO_ALLOWED_HOSTS="canbo.lamdong.gov.vn,.noibo.vn")
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SECURE_SSL_REDIRECT"]
    assert production["SECURE_HSTS_SECONDS"] == 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and production["SECURE_HSTS_PRELOAD"]
    assert production["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production["CSRF_TRUSTED_ORIGINS"] == ["https://canbo.lamdong.gov.vn", "https://*.noibo.vn"]
    assert production["CLIENT_IP_HEADER"] == "HTTP_X_REAL_IP"


def test_each_production_value_has_its_own_variable(load_settings):
    chosen = load_settings(
        CANBO_PRODUCTION="1", CANBO_HSTS_SECONDS="600", CANBO_HSTS_PRELOAD="0", CANBO_SSL_REDIRECT="0",
        CANBO_PROXY_SSL_HEADER="X-Scheme: https", CANBO_CSRF_TRUSTED_ORIGINS="https://a.vn, https://b.vn",
        CANBO_CLIENT_IP_HEADER="", CANBO_SESSION_IDLE_MINUTES="15", CANBO_SESSION_COOKIE_SECURE="0",
    )
    assert chosen["SECURE_HSTS_SECONDS"] == 600 and not chosen["SECURE_HSTS_PRELOAD"]
    assert not chosen["SECURE_SSL_REDIRECT"] and not chosen["SESSION_COOKIE_SECURE"]
    assert chosen["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_SCHEME", "https")
    assert chosen["CSRF_TRUSTED_ORIGINS"] == ["https://a.vn", "https://b.vn"]
    assert chosen["CLIENT_IP_HEADER"] == "" and chosen["SESSION_COOKIE_AGE"] == 15 * 60
