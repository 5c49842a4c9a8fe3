"""Projection scenarios: who reads and writes them, and what their seats cost.

A scenario is read by whoever may read the review (VIEW_REVIEW) and sees its author's scope unit
(any such reader when the author's scope is the whole province), and changed only by its author,
who must hold BUILD_SCENARIOS. The budget of a year's seats comes from the programme catalogue of the
rule set in force on 1 January of that year: the cost per participant of the full-time mode where the
programme runs full time, else of the in-service mode; None where the catalogue gives no cost.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.core.errors import NotFound
from canbo.optimize.models import Scenario
from canbo.optimize.projection import PROGRAMME_KEYS
from canbo.org.selectors import visible_units
from canbo.rules.selectors import rule_set_in_force
from canbo.training.models import Programme, TrainingMode


def visible_scenarios(actor) -> QuerySet[Scenario]:
    require(actor, Action.VIEW_REVIEW)
    return Scenario.objects.filter(Q(scope_unit__isnull=True) | Q(scope_unit__in=visible_units(actor)))


def scenario_get(*, actor, pk: int) -> Scenario:
    scenario = visible_scenarios(actor).select_related("created_by").filter(pk=pk).first()
    if scenario is None:
        raise NotFound(_("Không có kịch bản dự báo số %(n)s trong phạm vi của bạn.") % {"n": pk})
    return scenario


def _stored(seats: dict[tuple[int, str], int]) -> dict:
    stored: dict[str, dict[str, int]] = {}
    for (year, key), count in sorted(seats.items()):
        if count < 0:
            raise ValidationError({"seats": _("Số chỗ không được âm.")})
        if key not in PROGRAMME_KEYS:
            raise ValidationError({"seats": _("Không có chương trình “%(key)s”.") % {"key": key}})
        if count:
            stored.setdefault(str(year), {})[key] = count
    return stored


def _save(actor, scenario: Scenario, action: str, before: dict | None) -> Scenario:
    scenario.full_clean()
    if any(not scenario.first_year <= int(year) <= scenario.last_year for year in scenario.seats):
        raise ValidationError({"seats": _("Có số chỗ của năm ngoài các năm của kịch bản.")})
    scenario.save()
    audit_record(actor=actor, action=action, obj=scenario, before=before, after=snapshot(scenario))
    return scenario


@transaction.atomic
def scenario_create(
    *, actor, name: str, first_year: int, last_year: int, seats: dict[tuple[int, str], int]
) -> Scenario:
    require(actor, Action.BUILD_SCENARIOS)
    scenario = Scenario(
        name=name.strip(),
        first_year=first_year,
        last_year=last_year,
        seats=_stored(seats),
        created_by=actor,
        scope_unit=getattr(actor, "scope_unit", None),
    )
    return _save(actor, scenario, AuditAction.SCENARIO_CREATE, None)


@transaction.atomic
def scenario_update(
    *,
    actor,
    scenario: Scenario,
    name: str,
    first_year: int,
    last_year: int,
    seats: dict[tuple[int, str], int],
) -> Scenario:
    require(actor, Action.BUILD_SCENARIOS)
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if scenario.created_by_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("Chỉ người lập kịch bản được sửa kịch bản này."))
    before = snapshot(scenario)
    scenario.name, scenario.first_year, scenario.last_year = name.strip(), first_year, last_year
    scenario.seats = _stored(seats)
    return _save(actor, scenario, AuditAction.SCENARIO_UPDATE, before)


def _cost_each(programme: Programme | None) -> int | None:
    if programme is None:
        return None
    mode = TrainingMode.TAP_TRUNG if programme.full_time else TrainingMode.TAI_CHUC
    return programme.cost(mode)


def budget(scenario: Scenario) -> list[dict]:
    """Per year: each programme's seats, cost per participant and cost; the year's total over the
    programmes the catalogue prices, and the seats of those it does not (no cost given)."""
    seats = scenario.seats_by_key()
    years = []
    for year in range(scenario.first_year, scenario.last_year + 1):
        rule_set = rule_set_in_force(dt.date(year, 1, 1))
        programmes = {p.code: p for p in Programme.objects.filter(rule_set=rule_set, code__in=PROGRAMME_KEYS)}
        rows = []
        for key in PROGRAMME_KEYS:
            count, each = seats.get((year, key), 0), _cost_each(programmes.get(key))
            rows.append(
                {"key": key, "seats": count, "each": each, "cost": None if each is None else each * count}
            )
        total = sum(row["cost"] or 0 for row in rows)
        unpriced = sum(row["seats"] for row in rows if row["cost"] is None)
        years.append({"year": year, "rows": rows, "total": total, "unpriced": unpriced})
    return years
