"""Every page and GET endpoint of the URL conf and the OpenAPI document, asked by a province-wide user
and a unit's HR officer with odd query strings: none answers 500, the API answers its errors in
JSON, and a refused as-of date never sticks to the session. Bounded: one province, a few values."""

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from canbo.accounts.models import Role
from canbo.accounts.testing import build_small_province
from config.api import api

ODD = ["x", "-1", "99999999999999999999999", "31/12/9999", "0001-01-01", "a" * 3000, "Đức Trọng ✓ 𝔘",
       "../a/b?c#d&e'\"<", " "]
# Query parameters any page or endpoint reads; the filters naming an object answer 404 when unknown,
# so each value is also tried without them.
FILTERS = ["don_vi", "ma_can_bo", "bo", "chuong_trinh", "den_don_vi", "chuc_danh"]
PARAMS = ["as_of", "page", "trang", "sort", "sap_xep", "q", "chi_so", "con_lai", "khoi", "cap", "loai",
          "gioi_tinh", "dan_toc", "trang_thai", "nguoi", "thao_tac", "doi_tuong", "ma_doi_tuong", "tu_ngay",
          "den_ngay", "ngay", "ngoai_le_btv", "chu_chot", "next", *FILTERS]
SKIPPED = {"logout", "set_language"}  # a POST; a redirect that sets the language
# Route arguments of the small province, by the route's first segment and the argument's name.
ARGUMENTS = {"quy-tac/sao-chep": "KH-2017-2020", "quy-tac/tieu-chuan": "BT-HU", "to-chuc": "HU-DT",
             "pk": "1", "kind": "chuc-danh", "code": "DT1"}
API_VALUES = ODD[:5]
# Valid values of the API's required parameters, so that the odd one is the one looked at.
API_BASE = {"as_of": "2020-01-01", "ngay": "2020-01-01", "ma_can_bo": "DT1", "loai": "luan_chuyen",
            "den_don_vi": "HU-DT", "chuc_danh": "BT-HU", "tu_ngay": "2020-01-01"}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _pages() -> list[str]:
    pages = []
    for route, pattern in _routes(get_resolver().url_patterns):
        if route.startswith(("quan-tri/", "api/")) or pattern.name in SKIPPED:
            continue
        pages.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m, r=route: _argument(r, m.group(1)), route))
    return pages


def _argument(route: str, name: str) -> str:
    if name == "code":
        return next((v for prefix, v in ARGUMENTS.items() if route.startswith(prefix)), ARGUMENTS["code"])
    return ARGUMENTS.get(name, "1")


def _endpoints() -> list[tuple[str, list[str], dict]]:
    """(path, query parameters, valid values of the required ones) of every GET operation of the API."""
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" in operations:
            query = [p for p in operations["get"].get("parameters", []) if p["in"] == "query"]
            base = {p["name"]: API_BASE[p["name"]] for p in query if p.get("required")}
            found.append((re.sub(r"\{\w+\}", "DT1", path), [p["name"] for p in query], base))
    return found


@pytest.fixture(scope="module")
def users(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        small = build_small_province()
        yield [small.user("sweep_btc", Role.BTC), small.user("sweep_hr", Role.UNIT_HR, "HU-DT")]
        transaction.set_rollback(True)


def _failures(client, url, query) -> list[str]:
    response = client.get(url, query)
    problems = []
    if response.status_code >= 500:
        problems.append(f"{url} {query}: {response.status_code}")
    json = response["Content-Type"].startswith("application/json")
    if url.startswith("/api/") and response.status_code >= 400 and not json:
        problems.append(f"{url} {query}: {response.status_code} {response['Content-Type']}")
    return problems


@pytest.mark.django_db
def test_no_page_or_endpoint_answers_500_to_odd_queries(users, django_db_blocker):
    pages, endpoints = _pages(), _endpoints()
    assert "/ra-soat/danh-sach/" in pages and len(endpoints) >= 10
    wrong = []
    with django_db_blocker.unblock():
        for user in users:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            for value in ODD:
                for url in pages:
                    no_filters = {name: value for name in PARAMS if name not in FILTERS}
                    wrong += _failures(client, url, no_filters)
                    if user is users[0]:
                        wrong += _failures(client, url, dict.fromkeys(PARAMS, value))
                if user is users[0] and value in API_VALUES:
                    for url, names, base in endpoints:
                        for name in names:
                            wrong += _failures(client, url, {**base, name: value})
                home = client.get("/")
                if home.status_code != 200 or home.context["as_of"].year in (1, 9999):
                    wrong.append(f"after {value!r}: the home page answers {home.status_code}")
    assert wrong == [], "\n".join(wrong[:50])
