"""Every write records one event with its values; command-line writes act as the system actor;
every view of a cadre's record is recorded with the viewer's address."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from canbo.accounts.models import ApiToken, Role
from canbo.accounts.system import SYSTEM_USERNAME, system_actor
from canbo.accounts.tokens import api_token_create, api_token_revoke
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.services import audit_record
from canbo.org.services import locality_create, position_type_create, rank_create, unit_create
from canbo.people import services

pytestmark = pytest.mark.django_db


def _one_new_event(action, since: int) -> AuditEvent:
    events = list(AuditEvent.objects.filter(seq__gt=since))
    assert [event.action for event in events] == [action]
    return events[0]


def _last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_catalogue_services_record_the_created_values():
    system = system_actor()
    since = _last_seq()
    province = locality_create(actor=system, code="68", name="Lâm Đồng", level="tinh")
    event = _one_new_event(AuditAction.LOCALITY_CREATE, since)
    assert (event.object_type, event.object_key, event.before) == ("org.Locality", "68", None)
    assert event.after == {"code": "68", "name": "Lâm Đồng", "level": "tinh", "parent": None}
    since = _last_seq()
    unit_create(actor=system, code="TU", name="Tỉnh ủy", level="tinh", bloc="dang", locality=province)
    event = _one_new_event(AuditAction.UNIT_CREATE, since)
    assert event.after["locality"] == "68" and event.after["parent"] is None and "path" not in event.after
    since = _last_seq()
    position_type_create(actor=system, code="CV", name="Chuyên viên", req_chuyen_mon=3)
    assert _one_new_event(AuditAction.POSITION_TYPE_CREATE, since).after["req_chuyen_mon"] == 3
    since = _last_seq()
    rank_create(actor=system, code="01.003", name="Chuyên viên", req_qlnn=1)
    assert _one_new_event(AuditAction.RANK_CREATE, since).after["req_qlnn"] == 1


def test_record_services_name_the_cadre_of_each_event(small_province):
    system = system_actor()
    cadre, units, types = small_province.cadres["SNV2"], small_province.units, small_province.types
    since = _last_seq()
    services.holding_add(actor=system, cadre=cadre, unit=units["BTC"], position_type=types["CV"],
                         valid_from=dt.date(2021, 1, 1))
    event = _one_new_event(AuditAction.HOLDING_ADD, since)
    assert event.cadre_code == "SNV2" and event.object_type == "people.PositionHolding"
    assert event.after == {"cadre": "SNV2", "unit": "BTC", "position_type": "CV",
                           "valid_from": "2021-01-01", "valid_to": None}
    since = _last_seq()
    services.evaluation_add(actor=system, cadre=cadre, year=2020, rating="tot")
    event = _one_new_event(AuditAction.EVALUATION_ADD, since)
    assert event.cadre_code == "SNV2" and event.after["year"] == 2020 and event.before is None
    since = _last_seq()
    created = services.cadre_create(actor=system, code="NEW1", full_name="Lê Văn Mới",
                                    birth_date=dt.date(1990, 1, 2), gender="nam", category="cong_chuc")
    event = _one_new_event(AuditAction.CADRE_CREATE, since)
    assert event.cadre_code == event.object_key == created.code
    assert event.after["birth_date"] == "1990-01-02" and "search_text" not in event.after


def test_token_services_record_before_and_after_without_the_secret(small_province):
    user = small_province.user("hr", Role.UNIT_HR, "HU-DT")
    since = _last_seq()
    token, key = api_token_create(actor=user, user=user, label="máy in")
    event = _one_new_event(AuditAction.API_TOKEN_CREATE, since)
    assert event.object_key == token.prefix and event.after["user"] == "hr"
    assert "key_hash" not in event.after and key not in str(event.after)
    since = _last_seq()
    api_token_revoke(actor=user, token=token)
    event = _one_new_event(AuditAction.API_TOKEN_REVOKE, since)
    assert (event.before, event.after, event.actor) == ({"revoked": False}, {"revoked": True}, user)


def test_an_event_needs_an_actor_and_a_known_action(small_province):
    with pytest.raises(ValueError, match="actor"):
        audit_record(actor=None, action=AuditAction.CADRE_VIEW)
    with pytest.raises(ValueError):
        audit_record(actor=system_actor(), action="parameter_update")


def test_command_line_writes_carry_the_system_actor(small_province, capsys):
    system = system_actor()
    assert system.username == SYSTEM_USERNAME and not system.has_usable_password()
    assert AuditEvent.objects.filter(actor=system).count() == AuditEvent.objects.count()  # the builders
    user = small_province.user("hr", Role.UNIT_HR, "HU-DT")
    since = _last_seq()
    call_command("token", "hr")
    event = _one_new_event(AuditAction.API_TOKEN_CREATE, since)
    assert event.actor == system and event.ip is None
    assert ApiToken.objects.get(user=user).prefix == event.object_key
    since = _last_seq()
    call_command("logins")  # only reads: the demo accounts are created with the demo's data
    assert not AuditEvent.objects.filter(seq__gt=since).exists()


def test_each_view_of_a_cadre_record_is_recorded_with_the_address(client_as):
    client = client_as("btc", role=Role.BTC)
    since = _last_seq()
    assert client.get(reverse("people:cadre_detail", args=["DT1"]), REMOTE_ADDR="10.1.2.3").status_code == 200
    event = _one_new_event(AuditAction.CADRE_VIEW, since)
    assert (event.actor.username, event.cadre_code, event.ip) == ("btc", "DT1", "10.1.2.3")
    assert (event.object_type, event.object_key) == ("people.Cadre", "DT1")
    assert event.before is None and event.after is None
    since = _last_seq()
    assert client.get(reverse("reports:cadre_verdicts", args=["SNV1"])).status_code == 200
    assert _one_new_event(AuditAction.CADRE_VIEW, since).cadre_code == "SNV1"
    since = _last_seq()
    assert client.get("/api/can-bo/TU1").status_code == 200
    assert _one_new_event(AuditAction.CADRE_VIEW, since).cadre_code == "TU1"


def test_a_refused_view_records_nothing(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    since = _last_seq()
    assert client.get(reverse("people:cadre_detail", args=["SNV1"])).status_code == 404
    assert _last_seq() == since


def test_any_address_is_chained_and_a_malformed_one_is_left_out(client_as):
    client = client_as("btc", role=Role.BTC)
    client.get(reverse("people:cadre_detail", args=["DT1"]), REMOTE_ADDR="2001:db8::1")
    client.get(reverse("people:cadre_detail", args=["DT1"]), REMOTE_ADDR="unix:/run/canbo.sock")
    views = AuditEvent.objects.filter(action=AuditAction.CADRE_VIEW).order_by("seq")
    assert [event.ip for event in views] == ["2001:db8::1", None]
    call_command("audit", "verify")
