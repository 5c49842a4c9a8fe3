"""The commands that only read the province start without the apps that only the web serves
(`config/reading.py`, chosen by `canbo/__main__.py`): each prints, on a small province, exactly what
it prints with all of canbo's apps, and no canbo model refers to a model of a left-out app (their
models refer to canbo's users, which such a command never deletes)."""

import os
import subprocess
import sys

import pytest
from django.apps import apps

from canbo.__main__ import READING_COMMANDS
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from config.reading import WEB_ONLY_APPS
from tests.environment import ROOT

RUNS = {
    "review": ["--as-of", "2020-06-30", "--json"],
    "eligibility": ["--cadre", "CB001", "--as-of", "2020-06-30"],
    "nonlocal": ["--as-of", "2020-06-30", "--json"],
    "rotation-pool": ["--as-of", "2020-06-30"],
    "vacancies": ["--as-of", "2020-06-30", "--json"],
    "check-proposal": [
        "--cadre", "CB001", "--loai", "dieu_dong", "--den-don-vi", "BTC", "--chuc-danh", "BT",
        "--tu-ngay", "2020-07-01", "--json",
    ],
    "rotation-target": ["--tu-ngay", "2017-01-01", "--den-ngay", "2020-12-31", "--json"],
    "retirement": ["--gioi-tinh", "nu", "--ngay-sinh", "1970-02-28", "--json"],
}


def canbo(env: dict, *arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "canbo", *arguments]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603


@pytest.fixture(scope="module")
def small_province_file(tmp_path_factory) -> dict:
    """The environment of a fresh process on a file database holding the tiny province."""
    folder = tmp_path_factory.mktemp("reading")
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    env |= {"CANBO_DATA_DIR": str(folder), "DATABASE_URL": f"sqlite:///{folder / 'canbo.sqlite3'}"}
    path = write_workbook(folder / "tinh.xlsx", valid_sheets())
    for arguments in (["migrate", "-v0"], ["import", str(path)]):
        done = canbo(env, *arguments)
        assert done.returncode == 0, done.stdout + done.stderr
    return env


def test_every_reading_command_is_run_here():
    assert set(RUNS) == READING_COMMANDS


@pytest.mark.parametrize("command", sorted(RUNS))
def test_a_reading_command_prints_what_it_prints_with_every_app(small_province_file, command):
    reading = canbo(small_province_file, command, *RUNS[command])
    every_app = small_province_file | {"DJANGO_SETTINGS_MODULE": "config.settings"}
    whole = canbo(every_app, command, *RUNS[command])
    assert reading.returncode == 0, reading.stderr
    assert (reading.stdout, reading.stderr) == (whole.stdout, whole.stderr)
    assert reading.stdout.strip()


def test_no_model_of_canbo_refers_to_a_model_only_the_web_serves():
    def entry(config) -> str:
        return f"{type(config).__module__}.{type(config).__name__}"

    left_out = {
        config.label for config in apps.get_app_configs() if WEB_ONLY_APPS & {config.name, entry(config)}
    }
    assert {"admin", "axes", "otp_totp"} <= left_out
    for model in apps.get_models():
        if model.__module__.startswith("canbo."):
            for field in [*model._meta.fields, *model._meta.many_to_many]:  # what it refers to
                assert field.related_model is None or field.related_model._meta.app_label not in left_out, (
                    model, field.name,
                )
