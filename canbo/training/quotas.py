"""Yearly quotas of a programme (T9: the state sends language and IT trainees only within the quotas it
is given, Đề án 165) and how many seats the year's plans take of them.

A quota is set, or changed, by the offices that keep the catalogue, with the document that gave it; each
change is in the change log. The plans taking seats are those sent onwards (not drafts, not superseded
versions) for the quota's year, with a line of a programme of the same code; what a reader is told they
take counts only the plans within the reader's reach."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.training.models import PlanLine, PlanState, Programme, ProgrammeQuota, TrainingPlan
from canbo.training.plan_selectors import visible_plans

# The plans whose lines take seats of a quota: sent onwards, not superseded.
TAKING_STATES = (PlanState.DA_GUI, PlanState.DA_TONG_HOP, PlanState.DA_TRINH, PlanState.DA_PHE_DUYET,
                 PlanState.CO_HIEU_LUC)


@transaction.atomic
def quota_set(*, actor, programme: Programme, year: int, seats: int, decision: str) -> ProgrammeQuota:
    """Give `programme` `seats` for `year` by `decision` (a new quota, or a change of the year's)."""
    require(actor, Action.EDIT_PROGRAMMES)
    if not decision.strip():
        raise ValidationError({"decision": _("Ghi văn bản giao chỉ tiêu (số, ngày, cơ quan giao).")})
    quota = ProgrammeQuota.objects.select_for_update().filter(programme=programme, year=year).first()
    before = snapshot(quota) if quota else None
    quota = quota or ProgrammeQuota(programme=programme, year=year)
    quota.seats, quota.decision = seats, decision.strip()
    quota.full_clean()
    quota.save()
    audit_record(actor=actor, action=AuditAction.QUOTA_SET, obj=quota, before=before, after=snapshot(quota),
                 data={"chuong_trinh": programme.name, "nam": year, "bo_quy_tac": programme.rule_set.code})
    return quota


@dataclass(frozen=True)
class QuotaUse:
    quota: ProgrammeQuota
    taken: int  # seats the plans within reach take

    @property
    def over(self) -> bool:
        return self.taken > self.quota.seats


def quota_use(*, actor, quota: ProgrammeQuota) -> QuotaUse:
    plans = visible_plans(actor).filter(year=quota.year, state__in=TAKING_STATES)
    lines = PlanLine.objects.filter(plan__in=plans.values("pk"), programme__code=quota.programme.code)
    return QuotaUse(quota, lines.aggregate(n=Sum("headcount"))["n"] or 0)


def quotas_of(*, actor, programmes) -> dict[int, list[QuotaUse]]:
    """The quotas of each programme (by id), oldest year first, with the seats taken."""
    found: dict[int, list[QuotaUse]] = {}
    for quota in ProgrammeQuota.objects.filter(programme__in=programmes).select_related("programme"):
        found.setdefault(quota.programme_id, []).append(quota_use(actor=actor, quota=quota))
    return found


def plan_quotas(*, actor, plan: TrainingPlan) -> dict[int, QuotaUse]:
    """For a plan, the quota of its year of each programme it has a line of (by programme id)."""
    quotas = ProgrammeQuota.objects.filter(year=plan.year, programme__in=plan.lines.values("programme"))
    return {q.programme_id: quota_use(actor=actor, quota=q) for q in quotas.select_related("programme")}
