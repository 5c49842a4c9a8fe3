"""Dated validity: every history row holds from `valid_from` to `valid_to` (empty = still holds)."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def active_q(as_of: dt.date, prefix: str = "") -> Q:
    """Rows valid on `as_of` (both ends inclusive); `prefix` reaches them through a relation."""
    return Q(**{f"{prefix}valid_from__lte": as_of}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": as_of})
    )


class DatedQuerySet(models.QuerySet):
    def active_on(self, as_of: dt.date):
        return self.filter(active_q(as_of))


class Dated(models.Model):
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
            )
        ]

    def is_active_on(self, as_of: dt.date) -> bool:
        return self.valid_from <= as_of and (self.valid_to is None or self.valid_to >= as_of)
