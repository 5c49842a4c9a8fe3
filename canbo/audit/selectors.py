"""Reading the change log: who may read it is the capability table's `VIEW_AUDIT`."""

import datetime as dt
from dataclasses import dataclass, fields

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from canbo.audit.models import AuditEvent
from canbo.core.capabilities import Action, require
from canbo.core.dates import parse_date_in_range


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass(frozen=True)
class AuditFilters:
    """Filters of the log, named as in the query string (`?ma_can_bo=…&tu_ngay=dd/mm/yyyy`)."""

    nguoi: str = ""          # the actor's username
    thao_tac: str = ""       # an AuditAction value
    doi_tuong: str = ""      # the object's model label
    ma_doi_tuong: str = ""   # the object's key
    ma_can_bo: str = ""
    tu_ngay: str = ""        # dd/mm/yyyy, from the start of that day
    den_ngay: str = ""       # dd/mm/yyyy, to the end of that day

    @classmethod
    def from_query(cls, query) -> "AuditFilters":
        return cls(**{f.name: (query.get(f.name) or "").strip() for f in fields(cls)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def day(self, name: str) -> dt.date | None:
        """The date typed in `name`; None when empty or not a date (see `invalid_days`)."""
        try:
            return parse_date_in_range(getattr(self, name)) if getattr(self, name) else None
        except ValueError:
            return None

    @property
    def invalid_days(self) -> list[str]:
        return [name for name in ("tu_ngay", "den_ngay") if getattr(self, name) and self.day(name) is None]


def audit_events(*, actor, filters: AuditFilters = AuditFilters()) -> QuerySet[AuditEvent]:
    require(actor, Action.VIEW_AUDIT)
    events = AuditEvent.objects.select_related("actor")
    if filters.nguoi:
        events = events.filter(actor__username=filters.nguoi)
    if filters.thao_tac:
        events = events.filter(action=filters.thao_tac)
    if filters.doi_tuong:
        events = events.filter(object_type=filters.doi_tuong)
    if filters.ma_doi_tuong:
        events = events.filter(object_key=filters.ma_doi_tuong)
    if filters.ma_can_bo:
        events = events.filter(cadre_code=filters.ma_can_bo)
    if start := filters.day("tu_ngay"):
        events = events.filter(at__gte=_start_of(start))
    if end := filters.day("den_ngay"):
        events = events.filter(at__lt=_start_of(end + dt.timedelta(days=1)))
    return events


def audit_actors(*, actor) -> list[tuple[str, str]]:
    """(username, name) of everyone who appears in the log, for the actor filter."""
    require(actor, Action.VIEW_AUDIT)
    in_log = AuditEvent.objects.values("actor_id")
    people = get_user_model().objects.filter(pk__in=in_log).order_by("username")
    return [(user.username, user.get_full_name() or user.username) for user in people]


def audit_object_types(*, actor) -> list[tuple[str, str]]:
    """(model label, its name in the reader's language) of the objects in the log."""
    require(actor, Action.VIEW_AUDIT)
    labels = AuditEvent.objects.exclude(object_type="").order_by().values_list("object_type", flat=True)
    choices = []
    for label in set(labels.distinct()):
        try:
            choices.append((label, str(apps.get_model(label)._meta.verbose_name)))
        except (LookupError, ValueError):
            choices.append((label, label))
    return sorted(choices, key=lambda choice: choice[1])

