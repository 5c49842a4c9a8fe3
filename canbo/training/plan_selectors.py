"""Reads of the annual plans within the actor's reach, and the year's board: the plans, the deadline
and the units that have not sent theirs.

A plan is within reach when its unit is in the actor's scope (SPEC §1) or its bloc is one the actor's
role aggregates (`PLAN_AGGREGATORS`: Ban Tổ chức reads the internal-affairs bloc's plans, whose cadres
it does not manage), narrowed by the user's own unit.
"""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from canbo.accounts.models import User
from canbo.accounts.scope import unit_condition
from canbo.core.capabilities import aggregated_blocs, scope_of
from canbo.core.errors import NotFound
from canbo.core.roles import Role
from canbo.org.models import Unit
from canbo.rules.selectors import parameters_in_force
from canbo.training.models import SENT_STATES, PlanState, TrainingPlan
from canbo.workflow.selectors import recorded_by

DEADLINE_PARAMETER = "thang_bao_cao_ke_hoach"


def _unit_reach(actor, prefix: str = "") -> Q | None:
    """Units whose plans the actor reaches (None: every unit)."""
    condition = unit_condition(actor, prefix)
    if condition is None:
        return None
    blocs = aggregated_blocs(actor)
    if blocs:
        aggregated = Q(**{f"{prefix}bloc__in": sorted(blocs)})
        unit_path = scope_of(actor).unit_path
        if unit_path is not None:
            aggregated &= Q(**{f"{prefix}path__startswith": unit_path})
        condition |= aggregated
    return condition


def visible_plans(actor) -> QuerySet[TrainingPlan]:
    condition = _unit_reach(actor, "unit__")
    plans = TrainingPlan.objects.select_related("unit")
    return plans if condition is None else plans.filter(condition)


def plans_within(actor, unit: Unit | None, prefix: str = "") -> Q:
    """Rows reaching a plan through `prefix` (e.g. "plan_line__") whose plan is within the actor's reach
    and, when `unit` is given, of a unit of its subtree."""
    condition = Q(**{f"{prefix}plan__in": visible_plans(actor).values("pk")})
    if unit is not None:
        condition &= Q(**{f"{prefix}plan__unit__path__startswith": unit.path})
    return condition


def plan_in_scope(actor, plan: TrainingPlan) -> bool:
    return visible_plans(actor).filter(pk=plan.pk).exists()


def plan_get(*, actor, pk: int) -> TrainingPlan:
    plan = visible_plans(actor).select_related("previous", "created_by").filter(pk=pk).first()
    if plan is None:
        raise NotFound(_("Không có kế hoạch này trong phạm vi của bạn."))
    return plan


def plan_versions(plan: TrainingPlan) -> list[TrainingPlan]:
    """Every version of the unit's plan for the year, first to last."""
    return list(TrainingPlan.objects.filter(unit=plan.unit_id, year=plan.year).order_by("version"))


def deadline(year: int) -> dt.date:
    """When the units' plans for `year` are due: the first day of the reporting month (a parameter,
    November by the plan: "báo cáo … vào đầu tháng 11") of the year before."""
    month = parameters_in_force(dt.date(year - 1, 1, 1))[DEADLINE_PARAMETER]
    return dt.date(year - 1, month, 1)


DRAFTING_DAYS = 31  # units draft the next year's plan in the month before it is due


def working_year(as_of: dt.date) -> int:
    """The plan year officials work on at D: the next year's from the month before its plans are
    due (they are drafted, sent, aggregated and approved then), else D's own year (its plans carried out)."""
    following = as_of.year + 1
    return following if as_of >= deadline(following) - dt.timedelta(days=DRAFTING_DAYS) else as_of.year


def year_board(*, actor, year: int, as_of: dt.date) -> dict:
    """The plans of `year` within reach made by the end of D (the latest version of each unit, by
    unit), each at its step then (`state_then`, `state_then_label`), the deadline, and the units
    expected to send one (those with an HR officer's account, SPEC §1) that had not sent one by D."""
    plans = recorded_by(visible_plans(actor).filter(year=year), as_of).order_by("unit__path", "-version")
    latest: dict[int, TrainingPlan] = {}
    for plan in plans:
        plan.state_then_label = PlanState(plan.state_then).label
        latest.setdefault(plan.unit_id, plan)
    reach = _unit_reach(actor)
    expected = Unit.objects.filter(pk__in=User.objects.filter(role=Role.UNIT_HR, is_active=True)
                                   .exclude(scope_unit=None).values("scope_unit"))
    if reach is not None:
        expected = expected.filter(reach)
    sent = {unit_id for unit_id, plan in latest.items() if plan.state_then in SENT_STATES}
    due = deadline(year)
    return {
        "plans": list(latest.values()),
        "deadline": due,
        "overdue": as_of > due,
        "not_sent": [{"unit": unit, "draft": latest.get(unit.pk)}
                     for unit in expected.order_by("path") if unit.pk not in sent],
    }
