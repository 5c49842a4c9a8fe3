"""What the API fuzzing (tests/test_api_fuzz.py) found: input the OpenAPI document calls invalid is
refused with a documented error, never read as something else or answered by a server error."""

import pytest
from django.test import Client

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(small_province):
    _token, key = api_token_create(actor=system_actor(), user=small_province.user("btc", Role.BTC))
    client, session = Client(), Client()
    session.force_login(small_province.user("snv", Role.SNV))  # keys are minted from a session only

    def get(path, **query):
        return client.get(path, query, HTTP_AUTHORIZATION=f"Bearer {key}")

    def post(path, body):
        return session.post(path, body, content_type="application/json")

    return get, post


@pytest.mark.parametrize(
    "day", ["0", "20200101", "2020-01-01T00:00:00", "2020-1-1", "0001-01-01", "9999-12-31"]
)
def test_a_date_is_yyyy_mm_dd_between_1900_and_2100(call, day):
    get, _post = call
    for path, query in [
        ("/api/ra-soat/chi-so", {"as_of": day}),
        ("/api/ra-soat/nguon-luan-chuyen", {"as_of": day}),
        ("/api/can-bo/", {"as_of": day}),
        ("/api/can-bo/DT1", {"as_of": day}),
        ("/api/don-vi/", {"as_of": day}),
        ("/api/luan-chuyen/vi-tri-khuyet", {"ngay": day}),
    ]:
        response = get(path, **query)
        assert response.status_code == 422, (path, day, response.status_code)
        detail = str(response.json()["detail"])
        assert "YYYY-MM-DD" in detail or "31/12/2100" in detail
    assert get("/api/ra-soat/chi-so", as_of="1900-01-01").status_code == 200
    assert get("/api/can-bo/DT1", as_of="2100-12-31").json()["as_of"] == "2100-12-31"


def test_the_openapi_document_states_the_dates_it_accepts():
    from config.api import api

    parameters = api.get_openapi_schema()["paths"]["/api/ra-soat/chi-so"]["get"]["parameters"]
    as_of = next(p for p in parameters if p["name"] == "as_of")["schema"]
    assert as_of["format"] == "date" and as_of["pattern"].startswith("^(19[0-9]{2}|20[0-9]{2}|2100)")


def test_a_huge_page_number_is_the_last_page_not_a_crash(call):
    get, _post = call
    last = get("/api/can-bo/", page=51099934174281969424138240, page_size=3)
    assert last.status_code == 200 and last.json()["items"]
    assert get("/api/don-vi/", page=0).status_code == 422


@pytest.mark.parametrize("body", ["[null, null]", "[]", "3", '"x"', "null"])
def test_a_new_key_needs_a_json_object(call, body):
    _get, post = call
    response = post("/api/tai-khoan/khoa", body)
    assert response.status_code == 422
    assert post("/api/tai-khoan/khoa", '{"label": "máy chủ báo cáo"}').status_code == 201


def test_a_body_that_is_not_json_is_a_documented_400(call):
    from config.api import api

    _get, post = call
    response = post("/api/tai-khoan/khoa", "\x0bg(%=")
    assert response.status_code == 400 and "detail" in response.json()
    declared = api.get_openapi_schema()["paths"]["/api/tai-khoan/khoa"]["post"]["responses"]
    assert "400" in {str(code) for code in declared}
