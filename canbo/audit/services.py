"""Writing the log. Services call `audit_record` inside their own transaction; views that show
a cadre's record call `cadre_viewed`.

Conventions for `before` / `after` (JSON-ready values by field name, see `canbo.audit.values`):
a creation has only `after`, a change has both with the changed fields, a deletion has only
`before`. `data` holds what is neither (the file of an import, the source of a copy). Summaries are
not stored: `canbo.audit.render` words each event when it is read, in the reader's language.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from canbo.audit.actions import AuditAction
from canbo.audit.chain import GENESIS, event_hash, fields_of
from canbo.audit.context import request_ip
from canbo.audit.models import AuditEvent
from canbo.audit.values import cadre_code_of, object_key

# pg_advisory_xact_lock key of the chain: writers take turns to read the last hash.
CHAIN_LOCK = 0x63616E626F  # "canbo"


def _stored(value):
    """The value as the JSON column gives it back (dates as text, tuples as lists)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _last_link() -> tuple[int, str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    return last or (0, GENESIS)


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
) -> AuditEvent:
    """Append one event, chained to the last one; call inside the writing service's transaction.

    `actor`: a user, or `canbo.accounts.system.system_actor()` for command-line work.
    `obj`: the object written or read; its model label, business key and cadre are recorded.
    """
    if getattr(actor, "pk", None) is None:
        raise ValueError("audit_record needs an actor: a user, or system_actor() on the command line")
    event = AuditEvent(
        actor=actor,
        action=AuditAction(action).value,
        object_type=obj._meta.label if obj is not None else "",
        object_key=object_key(obj) if obj is not None else "",
        cadre_code=cadre_code_of(obj) if obj is not None else "",
        before=_stored(before),
        after=_stored(after),
        data=_stored(data) or {},
        ip=request_ip.get(),
    )
    # No savepoint: if the event cannot be written, neither can the change it records.
    with transaction.atomic(savepoint=False):
        last_seq, last_hash = _last_link()
        event.at = timezone.now()  # after the lock, so time follows the sequence
        event.seq = last_seq + 1
        event.prev_hash = last_hash
        event.hash = event_hash(fields_of(event), last_hash)
        event.save()
    return event


def cadre_viewed(actor, cadre) -> AuditEvent:
    """Who looked at whose record: every page or endpoint showing one cadre's record calls this."""
    return audit_record(actor=actor, action=AuditAction.CADRE_VIEW, obj=cadre)


def data_exported(actor, *, filename: str, title: str, rows: int) -> AuditEvent:
    """An export of personal data (Decree 13/2023): who took which list, and how many rows."""
    return audit_record(
        actor=actor,
        action=AuditAction.DATA_EXPORT,
        data={"tep": filename, "danh_sach": str(title), "so_dong": rows},
    )
