"""The rules over proposals in the shipped rule set: the rows the migration adds, and the rules
page listing their conditions in words."""

import importlib

import pytest

from canbo.accounts.models import Role, User

pytestmark = pytest.mark.django_db
migration = importlib.import_module("canbo.rules.migrations.0003_proposal_rules")


def test_rules_page_lists_the_checks_of_a_proposal_in_words(client):
    client.force_login(User.objects.create_user(username="kt", password="x-2017-y", role=Role.INSPECTOR))
    html = client.get("/quy-tac/").content.decode()
    for code in ("R3", "R6", "R7", "R8", "D1", "D2", "D4"):
        assert f"<strong>{code}</strong>" in html
    assert "ngày bắt đầu trước ngày 01/10/2017" in html
    assert "ra ngoài địa phương (khác địa bàn cấp huyện)" in html
    assert "quê quán thuộc địa bàn của đơn vị đến" in html
