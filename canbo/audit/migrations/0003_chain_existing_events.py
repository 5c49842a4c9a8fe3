"""Events written before the log was structured: chained by hash in id order, the prose summary
kept in `data["noi_dung"]`, the actor of command-line writes set to the system actor."""

from django.contrib.auth.hashers import make_password
from django.db import migrations

from canbo.core.roles import SYSTEM_USER_FIELDS, SYSTEM_USERNAME
from canbo.audit.chain import GENESIS, event_hash, fields_of
from canbo.audit.values import KEY_ATTRIBUTES

RENAMED_ACTIONS = {"parameter_update": "parameter_version_create"}


def _system_user(apps):
    User = apps.get_model("accounts", "User")
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User.objects.create(username=SYSTEM_USERNAME, password=make_password(None), **SYSTEM_USER_FIELDS)
    return user


def _action(legacy: str) -> str:
    # Admin events were named admin_<model>_<verb>; the model is in object_type.
    if legacy.startswith("admin_"):
        return "admin_" + legacy.rsplit("_", 1)[1]
    return RENAMED_ACTIONS.get(legacy, legacy)


def _object(apps, label: str, pk: str):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model.objects.filter(pk=pk).first() if pk.isdigit() else None


def _key(obj, pk: str) -> str:
    for attribute in KEY_ATTRIBUTES:
        value = getattr(obj, attribute, None)
        if isinstance(value, str) and value:
            return value
    return pk


def chain_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    prev_hash, system = GENESIS, None
    for seq, event in enumerate(AuditEvent.objects.order_by("id").iterator(), start=1):
        if event.actor_id is None:
            system = system or _system_user(apps)
            event.actor_id = system.pk
        data = dict(event.data or {})
        event.before = data.pop("truoc", None)
        event.after = data.pop("sau", None)
        if event.summary:
            data["noi_dung"] = event.summary
        event.data = data
        event.action = _action(event.action)
        obj = _object(apps, event.object_type, event.object_key) if event.object_type else None
        if obj is not None:
            event.object_key = _key(obj, event.object_key)
        event.cadre_code = event.object_key if event.object_type == "people.Cadre" else data.get("can_bo", "")
        event.seq, event.prev_hash = seq, prev_hash
        event.hash = event_hash(fields_of(event), prev_hash)
        event.save()
        prev_hash = event.hash


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_structured_event_fields"),
        ("accounts", "0002_apitoken"),
    ]

    operations = [
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop),
    ]
