"""A reading command's output is read back without Django from the tables of the kept results,
under the current data token only, and each day, set of arguments and settings has its own."""

import datetime as dt

import pytest
from django.db import connection

from canbo.core.data_cache import data_token, keep
from canbo.core.kept_output import RESULTS_TABLE, VERSION_TABLE, kept_text, output_key
from canbo.core.models import DataVersion, RememberedResult
from canbo.org.models import Locality

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 28)


def test_the_tables_read_without_django_are_the_models_tables():
    assert (RESULTS_TABLE, VERSION_TABLE) == (RememberedResult._meta.db_table, DataVersion._meta.db_table)
    assert DataVersion._meta.pk.column == "id"


def test_kept_output_is_read_under_the_token_it_was_printed_under_only():
    key = output_key(["review", "--as-of", "2020-06-30", "--json"], DAY)
    keep(key, data_token(), {"out": "Rà soát\n"})
    with connection.cursor() as cursor:
        assert kept_text(cursor, key) == "Rà soát\n"
        assert kept_text(cursor, output_key(["review", "--as-of", "2020-06-30"], DAY)) is None
        Locality.objects.create(code="68", name="Lâm Đồng", level="tinh")  # a write: another token
        assert kept_text(cursor, key) is None


def test_each_day_arguments_and_settings_have_their_own_output(monkeypatch):
    arguments = ["review", "--as-of", "2020-06-30"]
    key = output_key(arguments, DAY)
    assert key == output_key(list(arguments), DAY)
    assert key != output_key(arguments, DAY + dt.timedelta(days=1))
    assert key != output_key([*arguments, "--json"], DAY)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.other")
    assert key != output_key(arguments, DAY)
