"""The command line's actor is named in the reader's language on every page (its stored name is the
Vietnamese one); anyone else keeps their own name."""

import pytest
from django.utils import translation

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor

pytestmark = pytest.mark.django_db


def test_the_system_actor_is_named_in_the_readers_language():
    system = system_actor()
    assert system.get_full_name() == "Hệ thống (dòng lệnh)"
    with translation.override("en"):
        assert system.get_full_name() == "System (command line)"
    official = User.objects.create_user(username="x", first_name="Lê Văn", last_name="An", role=Role.BTC)
    with translation.override("en"):
        assert official.get_full_name() == "Lê Văn An"
