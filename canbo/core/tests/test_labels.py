"""The Vietnamese pages show labels, never internal codes (enum values, rule keys, locality codes)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S)
SNAKE_CASE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
BARE_NUMBER_IN_PARENTHESES = re.compile(r"\(\d{3,}\)")


def _visible_text(content: str) -> str:
    return HIDDEN.sub(" ", content)


PAGES = [
    ("core:home", []),
    ("people:cadre_list", []),
    ("people:cadre_detail", ["DT1"]),
    ("org:unit_tree", []),
    ("org:unit_detail", ["HU-DT"]),
    ("reports:review", []),
    ("reports:eligible", []),
    ("reports:rotation_pool", []),
    ("reports:nonlocal", []),
    ("reports:cadre_verdicts", ["DT1"]),
    ("rules:list", []),
    ("training:programmes", []),
    ("training:plans", []),
]


@pytest.mark.parametrize(("role", "scope_unit"), [("btv", None), ("unit_hr", "HU-DT")])
def test_pages_show_no_internal_codes(client_as, role, scope_unit):
    client = client_as("nguoidung" + role.replace("_", ""), role=role, scope_unit=scope_unit)
    client.get(reverse("core:home") + "?as_of=2020-01-01")
    for name, args in PAGES:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        text = _visible_text(response.content.decode())
        assert not SNAKE_CASE.findall(text), (name, SNAKE_CASE.findall(text))
        assert not BARE_NUMBER_IN_PARENTHESES.findall(text), (name, BARE_NUMBER_IN_PARENTHESES.findall(text))
    people = client.get(reverse("reports:people") + "?chi_so=thieu_qlnn")
    assert not SNAKE_CASE.findall(_visible_text(people.content.decode()))
