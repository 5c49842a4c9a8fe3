"""Writes to the annual plans outside the workflow's steps: a unit's first draft for a year, editing a
draft, and amending an approved plan as a new version (the old one kept). Each audited."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dates import entered_later, made_at
from canbo.core.errors import NotFound
from canbo.org.models import Unit
from canbo.org.selectors import visible_units
from canbo.training.models import APPROVED_STATES, PlanState, TrainingPlan
from canbo.workflow.services import moment_reason


def _drafting_scope(actor, unit: Unit) -> None:
    require(actor, Action.DRAFT_PLANS)
    if not visible_units(actor).filter(pk=unit.pk).exists():
        raise NotFound(_("Đơn vị %(unit)s không thuộc phạm vi của bạn.") % {"unit": unit.name})


@transaction.atomic
def plan_create(*, actor, unit: Unit, year: int, content: str, at: dt.datetime | None = None) -> TrainingPlan:
    """The first version of `unit`'s plan for `year`, as a draft (`at`: when, if recorded afterwards)."""
    _drafting_scope(actor, unit)
    if TrainingPlan.objects.filter(unit=unit, year=year).exists():
        message = _("Đơn vị đã có kế hoạch năm %(year)s; mở kế hoạch đó để sửa hoặc điều chỉnh.")
        raise ValidationError({"year": message % {"year": year}})
    plan = TrainingPlan(unit=unit, year=year, content=content.strip(), created_by=actor,
                        created_at=made_at(at))
    plan.full_clean()
    plan.save()
    audit_record(actor=actor, action=AuditAction.PLAN_CREATE, obj=plan,
                 after={"unit": unit.code, "year": year, "version": 1, "content": plan.content},
                 data=entered_later(at))
    return plan


@transaction.atomic
def plan_update(*, actor, plan: TrainingPlan, content: str) -> TrainingPlan:
    """Change the content of a draft (a plan sent on is changed only when returned to draft)."""
    plan = TrainingPlan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
    _drafting_scope(actor, plan.unit)
    if plan.state != PlanState.DU_THAO:
        raise ValidationError(_("Chỉ sửa được kế hoạch đang ở bước dự thảo (hiện: %(state)s).")
                              % {"state": plan.get_state_display()})
    before = plan.content
    plan.content = content.strip()
    plan.full_clean()
    plan.save()
    if plan.content != before:
        audit_record(actor=actor, action=AuditAction.PLAN_UPDATE, obj=plan, before={"content": before},
                     after={"content": plan.content})
    return plan


@transaction.atomic
def plan_amend(*, actor, plan: TrainingPlan, reason: str, at: dt.datetime | None = None) -> TrainingPlan:
    """A new draft version of an approved plan, with its content and lines to edit; the approved one
    stays in force, and readable for ever, until the new version is put in force (`at`: when it was
    drafted, if recorded afterwards)."""
    plan = TrainingPlan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
    _drafting_scope(actor, plan.unit)
    if plan.state not in APPROVED_STATES:
        raise ValidationError(_("Chỉ điều chỉnh kế hoạch đã được phê duyệt; kế hoạch này đang ở bước "
                                "“%(state)s”.") % {"state": plan.get_state_display()})
    if TrainingPlan.objects.filter(previous=plan).exists():
        raise ValidationError(_("Kế hoạch này đã có bản điều chỉnh; mở bản đó."))
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do điều chỉnh kế hoạch.")})
    if refused := moment_reason(plan, at, _("bản điều chỉnh này")):
        raise ValidationError(refused)
    amended = TrainingPlan(unit=plan.unit, year=plan.year, version=plan.version + 1, previous=plan,
                           content=plan.content, amendment_reason=reason.strip(), created_by=actor,
                           created_at=made_at(at))
    amended.full_clean()
    amended.save()
    for line in plan.lines.all():
        cadres = list(line.cadres.all())
        line.pk, line.plan = None, amended
        line.save()
        line.cadres.set(cadres)
    audit_record(actor=actor, action=AuditAction.PLAN_AMEND, obj=amended,
                 after={"version": amended.version, "amendment_reason": amended.amendment_reason},
                 data={"phien_ban_truoc": plan.version, **entered_later(at)})
    return amended
