"""Dated validity, defined once: a row is in force at D when `valid_from` is empty or ≤ D and
`valid_to` is empty or ≥ D (both ends inclusive; an empty start means "since always", an empty end
"still in force").

Every reader asks the same question through one of three forms: `in_force_q` for ORM filters
(`prefix` reaches the dated row through a relation), the `.in_force(as_of)` queryset method, and
`in_force_sql` for the hand-written SQL of the facts (`canbo.rules.facts`, `canbo.org.standards`).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from canbo.core.dates import DateOutOfRange, check_date_range


def in_force_q(as_of: dt.date, prefix: str = "") -> Q:
    """Rows in force at `as_of`; `prefix` (e.g. `"unit__"`) reaches them through a relation."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": as_of})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": as_of})
    )


def in_force_sql(alias: str, as_of: dt.date) -> tuple[str, list]:
    """The same test in SQL, for the row `alias` of a hand-written query, with its parameters."""
    return (
        f"({alias}.valid_from IS NULL OR {alias}.valid_from <= %s) "
        f"AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= %s)",
        [as_of, as_of],
    )


def end_known_at(as_of: dt.date) -> Case:
    """A dated row's end as known at D: its `valid_to` when that day had come by D, else NULL.

    Annotated as `ended_on` wherever a past date is viewed, so the past never shows a later end."""
    return Case(When(valid_to__lte=as_of, then=F("valid_to")), default=Value(None),
                output_field=models.DateField())


def is_in_force(row, as_of: dt.date) -> bool:
    """The same test on one loaded row."""
    return (row.valid_from is None or row.valid_from <= as_of) and (
        row.valid_to is None or row.valid_to >= as_of
    )


class InForceQuerySet(models.QuerySet):
    def in_force(self, as_of: dt.date):
        return self.filter(in_force_q(as_of))


def check_dates(instance, *fields: str) -> None:
    """ValidationError naming each date field of `instance` outside the dates canbo reads (model `clean`)."""
    errors = {}
    for name in fields:
        value = getattr(instance, name)
        if value is not None:
            try:
                check_date_range(value)
            except DateOutOfRange as exc:
                errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)


def valid_range_constraint(name: str) -> models.CheckConstraint:
    """The end, when given, is not before the start."""
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True)
        | Q(valid_from__isnull=True)
        | Q(valid_to__gte=models.F("valid_from")),
        name=name,
    )


class Dated(models.Model):
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
            )
        ]

    def is_in_force(self, as_of: dt.date) -> bool:
        return is_in_force(self, as_of)


def version_succeed(previous, version) -> None:
    """Save `version` after the one in force before it (`previous`, or None): the earlier one
    ends the day before the new one starts, so "in force at D" stays a test on the two columns."""
    version.full_clean()
    if previous is not None:
        previous.valid_to = version.valid_from - dt.timedelta(days=1)
        previous.save(update_fields=["valid_to"])
    version.save()
