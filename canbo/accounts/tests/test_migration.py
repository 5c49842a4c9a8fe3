"""Keys issued before keys expired get an expiry when the database is migrated."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from canbo.accounts.models import ApiToken, Role

BEFORE = [("accounts", "0002_apitoken")]
AFTER = [("accounts", "0003_apitoken_expires_at")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_keys_expire_ninety_days_after_their_issue(small_province):
    user = small_province.user("btc", Role.BTC)
    old_apps = _migrate(BEFORE)
    try:
        Legacy = old_apps.get_model("accounts", "ApiToken")
        legacy = Legacy.objects.create(user_id=user.pk, key_hash="a" * 64, prefix="aaaaaaaa")
    finally:
        _migrate(AFTER)
    token = ApiToken.objects.get(pk=legacy.pk)
    assert token.expires_at == token.created_at + dt.timedelta(days=90)
