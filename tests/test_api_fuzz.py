"""The REST API fuzzed from its own OpenAPI document (schemathesis), in process through Django's WSGI
handler on the test database: a small demo province, and every operation called with the keys of
two roles, `btc` (the whole province, Party bloc) and `hr_ductrong` (one district). Every answer
must be documented: no server error, a declared status code, a body that matches its schema, the
declared content type.

The run in the test suite is bounded (`EXAMPLES` generated cases per operation, each sent by both
roles); `CANBO_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_api_fuzz.py` runs a longer one.
"""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from canbo.accounts.models import User
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create
from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre
from config.api import api

EXAMPLES = int(os.environ.get("CANBO_FUZZ_EXAMPLES", "12"))
ROLES = ("btc", "hr_ductrong")

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()
# Codes that exist in the demo province, offered beside the generated strings so that cases reach
# the records and not only "not found" (filled once the province is built).
KNOWN: dict[str, list[str]] = {}
CODE_PARAMETERS = {"ma": "any", "don_vi": "unit", "den_don_vi": "unit", "ma_can_bo": "cadre",
                   "chuc_danh": "type"}


def _with_known_codes(values: dict | None):
    if not values or not KNOWN:
        return st.just(values)
    options = [st.just(values)]
    for name, kind in CODE_PARAMETERS.items():
        if isinstance(values.get(name), str):
            options.append(st.sampled_from(KNOWN[kind]).map(lambda code, name=name: {**values, name: code}))
    return st.one_of(options)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _with_known_codes(path_parameters)


@schema.hook
def flatmap_query(context, query):
    return _with_known_codes(query)


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    """The demo province (120 cadres, the demo sign-ins) and an API key per role, built once for the
    module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", "--size", "120", "--seed", "1", stdout=None)
        cadres = list(Cadre.objects.order_by("code").values_list("code", flat=True)[:20])
        units = list(Unit.objects.order_by("path").values_list("code", flat=True)[:20])
        units += list(Unit.objects.filter(code__contains="DT").values_list("code", flat=True)[:5])
        types = list(PositionType.objects.values_list("code", flat=True)[:10])
        KNOWN.update(cadre=cadres, unit=units, type=types, any=cadres + units)
        yield {
            role: api_token_create(actor=system_actor(), user=User.objects.get(username=role))[1]
            for role in ROLES
        }
        KNOWN.clear()
        transaction.set_rollback(True)


@pytest.fixture
def keep_connection():
    """Requests reach Django's WSGI handler without closing the test's connection (as the test
    client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_api_answers_as_documented(case, keys, keep_connection):
    for role in ROLES:
        case.call_and_validate(headers={"Authorization": f"Bearer {keys[role]}"})
