"""Reading the change log: the Inspection Committee and the Organization Committee only."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.accounts.models import Role
from canbo.audit.models import AuditEvent

LOG_READERS = frozenset({Role.INSPECTOR, Role.BTC})


def can_read_log(actor) -> bool:
    return actor.is_superuser or getattr(actor, "role", None) in LOG_READERS


def audit_events(*, actor, text: str = "", action: str = "") -> QuerySet[AuditEvent]:
    if not can_read_log(actor):
        raise PermissionDenied(_("Chỉ Ủy ban Kiểm tra và Ban Tổ chức Tỉnh ủy được xem nhật ký thay đổi."))
    events = AuditEvent.objects.select_related("actor")
    if text:
        events = events.filter(summary__icontains=text)
    if action:
        events = events.filter(action=action)
    return events


def audit_actions(*, actor) -> list[str]:
    return list(audit_events(actor=actor).order_by("action").values_list("action", flat=True).distinct())
