"""The training records go with a replaced province (`canbo.exchange.signals.province_replacing`): its
plans, courses and enrolments point at its units and cadres."""

from canbo.training.course_process import COURSE_PROCESS
from canbo.training.models import Course, Enrolment, PlanLine, TrainingPlan
from canbo.training.plan_process import PLAN_PROCESS
from canbo.workflow.services import steps_delete


def training_delete(sender, **kwargs) -> dict[str, int]:
    deleted = steps_delete(processes=(PLAN_PROCESS.code, COURSE_PROCESS.code))
    TrainingPlan.objects.update(previous=None)
    for model in (Enrolment, Course, PlanLine, TrainingPlan):
        _total, rows = model.objects.all().delete()
        deleted.update(rows)
    return deleted
