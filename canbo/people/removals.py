"""The rows removed from a cadre's record by hand, as the log keeps them, and which were put back
(`canbo.people.record_edits.history_row_restore`)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.capabilities import Action, can
from canbo.people.models import Cadre
from canbo.people.record_kinds import KIND_BY_MODEL

SHOWN = 20


def naming(cadre: Cadre) -> Q:
    """The log's events that name `cadre`: by its code since its record took it, and by each code it
    had before, while it had it (a change of the record's code is followed back; a code that another
    cadre had before or after is not theirs)."""
    named, code, until, seen = Q(), cadre.code, None, set()
    while code not in seen:
        seen.add(code)
        held = Q(cadre_code=code) & (Q(seq__lt=until) if until is not None else Q())
        # The change of the record that gave it this code.
        took = (
            AuditEvent.objects.filter(held, action=AuditAction.CADRE_UPDATE)
            .exclude(before__code=code).order_by("-seq").first()
        )
        named |= held & (Q(seq__gt=took.seq) if took is not None else Q())
        if took is None:
            break
        code, until = took.before["code"], took.seq
    return named


def removals(named: Q):
    """The log's removals of rows of the cadre its events `named` name (`naming`), latest first."""
    return AuditEvent.objects.filter(named, action=AuditAction.HISTORY_ROW_DELETE,
                                     object_type__in=list(KIND_BY_MODEL)).order_by("-seq")


def restored_removals(named: Q) -> set[int]:
    """The numbers of the removals of the cadre's rows already put back (`named` as `removals`)."""
    events = AuditEvent.objects.filter(named, action=AuditAction.HISTORY_ROW_RESTORE)
    return {data.get("xoa") for data in events.values_list("data", flat=True)}


@dataclass(frozen=True)
class Removed:
    seq: int
    at: dt.datetime
    by: str
    what: str


def removed_rows(actor, cadre: Cadre) -> list[Removed]:
    """The latest SHOWN removals of `cadre`'s rows not put back yet, for an actor who may edit records
    (`cadre` as a selector gave it to the actor: within their scope); nothing for anyone else."""
    if not can(actor, Action.EDIT_RECORDS):
        return []
    named = naming(cadre)
    events = removals(named).exclude(seq__in=restored_removals(named)).select_related("actor")[:SHOWN]
    return [Removed(e.seq, e.at, e.actor.get_full_name() or e.actor.username, summary(e)) for e in events]
