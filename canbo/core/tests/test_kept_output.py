"""A reading command's output is read back without Django from the tables of the kept results,
under the current data token only, and each set of arguments and settings has its own (the day
has none: a reading command's dates are its arguments, `tests/test_reading_commands.py`)."""

import pytest
from django.db import connection

from canbo.core.data_cache import data_token, keep
from canbo.core.kept_output import RESULTS_TABLE, VERSION_TABLE, kept_text, output_key
from canbo.core.models import DataVersion, RememberedResult
from canbo.org.models import Locality

pytestmark = pytest.mark.django_db


def test_the_tables_read_without_django_are_the_models_tables():
    assert (RESULTS_TABLE, VERSION_TABLE) == (RememberedResult._meta.db_table, DataVersion._meta.db_table)
    assert DataVersion._meta.pk.column == "id"


def test_kept_output_is_read_under_the_token_it_was_printed_under_only():
    key = output_key(["review", "--as-of", "2020-06-30", "--json"])
    keep(key, data_token(), {"out": "Rà soát\n"})
    with connection.cursor() as cursor:
        assert kept_text(cursor, key) == "Rà soát\n"
        assert kept_text(cursor, output_key(["review", "--as-of", "2020-06-30"])) is None
        Locality.objects.create(code="68", name="Lâm Đồng", level="tinh")  # a write: another token
        assert kept_text(cursor, key) is None


def test_each_set_of_arguments_and_settings_has_its_own_output(monkeypatch):
    arguments = ["review", "--as-of", "2020-06-30"]
    key = output_key(arguments)
    assert key == output_key(list(arguments))
    assert key != output_key([*arguments, "--json"])
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.other")
    assert key != output_key(arguments)
