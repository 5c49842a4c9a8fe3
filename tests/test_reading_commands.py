"""The commands that only read the province start without the apps that only the web serves
(`config/reading.py`, chosen by `canbo/__main__.py`): each prints, on a small province, exactly what
it prints with all of canbo's apps, and no canbo model refers to a model of a left-out app (their
models refer to canbo's users, which such a command never deletes). Run again on the same data, a
command prints its kept output without setting Django up (`canbo.core.kept_output`)."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.apps import apps
from django.core.management import get_commands, load_command_class

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


# A reading command's kept output serves any day (`canbo.core.kept_output.output_key` leaves the day
# out): the dates it reads are its arguments, never today's by default. An optional date stands
# for none at all.
OPTIONAL_DATES = {("check-proposal", "den_ngay")}  # a transfer has no end


def test_every_reading_command_takes_the_dates_it_reads_as_arguments():
    for name in sorted(READING_COMMANDS):
        parser = load_command_class(get_commands()[name], name).create_parser("canbo", name)
        dates = [action for action in parser._actions if "ngay" in action.dest or action.dest == "as_of"]
        assert dates, name
        for action in dates:
            assert action.required or (name, action.dest) in OPTIONAL_DATES, (name, action.dest)
            assert action.default is None, (name, action.dest)


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


# Runs `canbo` as its entry point does, then says on the last line of the error output whether
# the process set Django up.
WITH_DJANGO_SAID = (
    "import sys\nfrom canbo.__main__ import main\n"
    "try:\n    main()\nfinally:\n    print('django' in sys.modules, file=sys.stderr)\n"
)


def canbo_saying_django(env: dict, *arguments: str) -> tuple[subprocess.CompletedProcess, bool]:
    command = [sys.executable, "-c", WITH_DJANGO_SAID, *arguments]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    return done, done.stderr.splitlines()[-1] == "True"


@pytest.fixture
def own_province(small_province_file, tmp_path) -> dict:
    """The tiny province in a database of its own, which the test may write to."""
    source = small_province_file["DATABASE_URL"].removeprefix("sqlite:///")
    target = tmp_path / "canbo.sqlite3"
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return small_province_file | {"CANBO_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{target}"}


def test_a_reading_command_run_again_on_the_same_data_prints_its_kept_output_without_django(own_province):
    arguments = ["review", "--as-of", "2020-05-31", "--json"]  # a day no other test asks
    first, first_with_django = canbo_saying_django(own_province, *arguments)
    again, again_with_django = canbo_saying_django(own_province, *arguments)
    assert first.returncode == again.returncode == 0, first.stderr
    assert (first_with_django, again_with_django) == (True, False)
    assert again.stdout == first.stdout and json.loads(first.stdout)["thieu_qlnn"] >= 0
    _other_day, other_day_with_django = canbo_saying_django(own_province, "review", "--as-of", "2020-05-30")
    as_text, as_text_with_django = canbo_saying_django(own_province, "review", "--as-of", "2020-05-31")
    assert other_day_with_django and as_text_with_django
    assert as_text.stdout.startswith("Rà soát ngày 31/05/2020")


def test_a_reading_command_that_fails_keeps_nothing(own_province):
    arguments = ["review", "--as-of", "2020-06-30", "--unit", "KHONG-CO"]
    for _run in range(2):
        done, with_django = canbo_saying_django(own_province, *arguments)
        assert done.returncode == 1 and with_django
        assert "Không có đơn vị mã “KHONG-CO”." in done.stderr


def test_after_a_migrate_nothing_kept_is_printed(own_province):
    """A new version of canbo migrates first; what the last one kept is not printed by it."""
    arguments = ["review", "--as-of", "2020-05-31", "--json"]
    canbo_saying_django(own_province, *arguments)
    assert canbo(own_province, "migrate", "-v0").returncode == 0
    _done, with_django = canbo_saying_django(own_province, *arguments)
    assert with_django


def test_after_a_write_to_one_cadre_a_reading_command_moves_its_figures_by_that_cadre(own_province):
    """The command kept the rows of what it counted: the next run after a write that touched one
    cadre counts that cadre's rows alone, and prints what counting everyone again prints."""
    arguments = ["review", "--as-of", "2020-05-29", "--json"]
    before, _with_django = canbo_saying_django(own_province, *arguments)
    path = own_province["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as database:
        (key,) = database.execute("SELECT key FROM core_groupedfigures WHERE seq IS NOT NULL").fetchone()
        # Kept rows of no cadre: a count of everyone would drop them, a move leaves them.
        database.execute("INSERT INTO core_groupedrows (key, chunk, rows) VALUES (?, 99999, '[]')", [key])
        database.execute(
            "DELETE FROM people_qualification "
            "WHERE cadre_id = (SELECT id FROM people_cadre WHERE code = 'CB001')"
        )
    moved, _with_django = canbo_saying_django(own_province, *arguments)
    with sqlite3.connect(path) as database:
        marker = database.execute("SELECT count(*) FROM core_groupedrows WHERE chunk = 99999").fetchone()
        assert marker == (1,)
        for table in ("core_groupedfigures", "core_groupedrows", "core_rememberedresult"):
            database.execute(f"DELETE FROM {table}")  # noqa: S608 -- the test's own table names
    counted, _with_django = canbo_saying_django(own_province, *arguments)
    assert json.loads(moved.stdout) == json.loads(counted.stdout) != json.loads(before.stdout)


def sql(env: dict, statement: str) -> None:
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as database:
        database.execute(statement)


def counted_afresh(env: dict, *arguments: str) -> str:
    """The command's output with no figure or output kept: every figure counted from the rows."""
    sql(env, "DELETE FROM core_groupedfigures")
    sql(env, "DELETE FROM core_rememberedresult")
    done, _with_django = canbo_saying_django(env, *arguments)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_after_a_write_to_one_cadre_the_review_is_moved_by_its_rows_without_django(own_province):
    arguments = ["review", "--as-of", "2020-05-31", "--json"]
    before, _with_django = canbo_saying_django(own_province, *arguments)
    one = "SELECT id FROM people_cadre WHERE code = 'CB001'"
    sql(own_province, f"DELETE FROM people_qualification WHERE cadre_id IN ({one})")  # noqa: S608
    moved, moved_with_django = canbo_saying_django(own_province, *arguments)
    again, again_with_django = canbo_saying_django(own_province, *arguments)
    assert (moved_with_django, again_with_django) == (False, False), moved.stderr
    assert json.loads(moved.stdout) != json.loads(before.stdout) and again.stdout == moved.stdout
    assert moved.stdout == counted_afresh(own_province, *arguments)


def test_a_review_within_a_unit_is_not_moved_without_django(own_province):
    """Its heading names the unit, whose name a write may change without moving any count."""
    canbo_saying_django(own_province, "review", "--as-of", "2020-05-31")
    within = ["review", "--as-of", "2020-05-31", "--unit", "BTC"]
    canbo_saying_django(own_province, *within)
    sql(own_province, "UPDATE org_unit SET name = 'Ban Tổ chức' WHERE code = 'BTC'")
    after, after_with_django = canbo_saying_django(own_province, *within)
    assert after_with_django
    assert after.stdout.startswith("Rà soát ngày 31/05/2020, đơn vị BTC – Ban Tổ chức\n")


def test_after_a_write_that_may_change_everyone_the_review_is_counted_with_django(own_province):
    arguments = ["review", "--as-of", "2020-05-31"]
    canbo_saying_django(own_province, *arguments)
    sql(own_province, "UPDATE org_unit SET valid_from = '1990-01-01' WHERE code = 'BTC'")
    after, after_with_django = canbo_saying_django(own_province, *arguments)
    again, again_with_django = canbo_saying_django(own_province, *arguments)
    assert (after_with_django, again_with_django) == (True, False)
    assert again.stdout == after.stdout == counted_afresh(own_province, *arguments)
