"""A reading command's output printed again after a write to a few cadres, from its count moved by
their rows without Django (`canbo.core.kept_moves`): read here through the database driver's own
cursor, inside the test's transaction, on SQLite and PostgreSQL alike."""

import datetime as dt
import decimal
import json

import pytest
from django.core.management import call_command
from django.db import connection

from canbo.core.command_output import run_keeping
from canbo.core.data_cache import keep
from canbo.core.kept_moves import MARK, ids_param, rows_recipe
from canbo.core.kept_output import kept_text, output_key
from canbo.core.models import RememberedResult
from canbo.org.models import Unit
from canbo.people.models import Cadre
from canbo.reports.tests.builders import Province
from canbo.rules import engine

pytestmark = pytest.mark.django_db
D = dt.date(2017, 6, 30)
ARGUMENTS = ["review", "--as-of", "2017-06-30", "--json"]


@pytest.fixture
def province():
    """One head of a department lacking a university degree, among others."""
    built = Province()
    built.hold(built.cadre(code="CB-TP"), built.truong_phong)
    return built


def kept_now() -> str | None:
    """What `canbo review` run now would print without setting Django up."""
    connection.ensure_connection()
    postgresql = connection.vendor == "postgresql"
    cursor = connection.connection.cursor()  # the driver's own, as the command before Django
    return kept_text(cursor, output_key(ARGUMENTS), "%s" if postgresql else "?", connection.vendor)


def review_printed() -> None:
    run_keeping(ARGUMENTS, lambda: call_command(*ARGUMENTS))


def test_after_a_write_to_one_cadre_the_output_is_the_count_moved_by_its_rows(province, capsys):
    review_printed()
    printed = json.loads(capsys.readouterr().out)
    assert printed["thieu_dai_hoc"] == 1 and json.loads(kept_now()) == printed
    province.qualify(Cadre.objects.get(code="CB-TP"), "chuyen_mon", "dai_hoc")
    moved = json.loads(kept_now())
    assert moved["thieu_dai_hoc"] == 0
    assert moved == engine.review_counts(engine.context_for(D))  # the facts counted afresh


def test_after_a_write_that_may_change_everyone_nothing_is_printed_without_django(province, capsys):
    review_printed()
    Unit.objects.filter(pk=province.so_nv.pk).update(valid_from=dt.date(1990, 1, 1))
    assert kept_now() is None


def test_the_sql_of_some_cadres_rows_is_kept_with_their_ids_marked():
    vendor = connection.vendor
    recipe = rows_recipe("SELECT %s, %s, %s, %s", [ids_param([MARK], vendor), D, "x", "2017-10-01"], vendor)
    kept = [{"ids": True}, {"date": "2017-06-30"}, {"value": "x"}, {"value": "2017-10-01"}]
    assert recipe == {"sql": "SELECT %s, %s, %s, %s", "params": kept}
    assert rows_recipe("SELECT %s", [D], vendor) is None  # no ids: nothing to move by
    assert rows_recipe("SELECT %s IN (%s)", [ids_param([MARK], vendor), MARK], vendor) is None  # an id apart
    assert rows_recipe("SELECT %s, %s", [ids_param([MARK], vendor), decimal.Decimal(1)], vendor) is None


def test_an_output_moved_by_writes_outlives_other_tokens_until_its_count_prints_again():
    keep("a", 1, {"out": "x", "moves": {"figure": "f"}})
    keep("b", 2, {"out": "y"})
    assert set(RememberedResult.objects.values_list("key", flat=True)) == {"a", "b"}
    keep("c", 3, {"out": "z", "moves": {"figure": "f"}})
    assert set(RememberedResult.objects.values_list("key", flat=True)) == {"c"}
