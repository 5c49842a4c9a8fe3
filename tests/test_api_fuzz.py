"""The REST API fuzzed from its own OpenAPI document (schemathesis), in process through Django's WSGI
handler on the test database: a small demo province, and every operation called with the keys of
two roles, `btc` (the Party, Front and mass-organisation blocs of the province and the cadres the
Standing Committee manages) and `hr_ductrong` (one district). Every answer
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
from canbo.core.dates import today
from canbo.org.models import PositionType
from canbo.org.selectors import units_in_force
from canbo.people.selectors import CadreFilters, cadre_search
from config.api import api

EXAMPLES = int(os.environ.get("CANBO_FUZZ_EXAMPLES", "12"))
ROLES = ("btc", "hr_ductrong")

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()
# The Authorization header is the caller's (each role's key, below), never a generated value: a
# case made invalid only there would be sent with a valid key and flagged as accepted.
schema.config.update(headers={"Authorization": "Bearer set-by-the-test"})
# canbo refuses a NUL character anywhere in an address before any endpoint sees it (a 400,
# `RefuseNulMiddleware`), so a generated string never holds one: such a case is not schema-valid input.
schema.config.generation.update(allow_x00=False)
# Codes in the two roles' scopes, offered beside the generated strings so that cases reach the
# records and not only "not found" (filled once the province is built).
KNOWN: dict[str, list[str]] = {}
QUERY_CODES = {"don_vi": "unit", "den_don_vi": "unit", "ma_can_bo": "cadre", "chuc_danh": "type"}


def _with_known_codes(values: dict | None, kinds: dict[str, str]):
    if not values or not KNOWN:
        return st.just(values)
    options = [st.just(values)]
    for name, kind in kinds.items():
        if isinstance(values.get(name), str):
            options.append(st.sampled_from(KNOWN[kind]).map(lambda code, name=name: {**values, name: code}))
    return st.one_of(options)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    kind = "unit" if context.operation.path.startswith("/api/don-vi/") else "cadre"
    return _with_known_codes(path_parameters, {"ma": kind})


@schema.hook
def flatmap_query(context, query):
    return _with_known_codes(query, QUERY_CODES)


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    """The demo province (120 cadres, the demo sign-ins) and an API key per role, built once for the
    module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", "--size", "120", "--seed", "1", stdout=None)
        users = [User.objects.get(username=role) for role in ROLES]
        day = today()
        for user in users:
            cadres = cadre_search(actor=user, as_of=day, filters=CadreFilters()).order_by("code")
            KNOWN.setdefault("cadre", []).extend(cadres.values_list("code", flat=True)[:10])
            units = units_in_force(actor=user, as_of=day).order_by("path")
            KNOWN.setdefault("unit", []).extend(units.values_list("code", flat=True)[:10])
        KNOWN["type"] = list(PositionType.objects.order_by("code").values_list("code", flat=True)[:10])
        yield {user.username: api_token_create(actor=system_actor(), user=user)[1] for user in users}
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
# The bounded run of the suite draws the same examples every time (a failure is found again, not by
# luck); a longer run (`CANBO_FUZZ_EXAMPLES`) draws new ones.
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          derandomize="CANBO_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_api_answers_as_documented(case, keys, keep_connection):
    for role in ROLES:
        case.call_and_validate(headers={"Authorization": f"Bearer {keys[role]}"})
