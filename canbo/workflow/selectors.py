"""Reads of a process's history. The owning app checks that the actor may see the object (its own
selector, in scope) before asking for its steps or one of its files: a file is served only through the
object it belongs to."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.dates import recorded_before
from canbo.core.errors import NotFound
from canbo.workflow.files import path_of
from canbo.workflow.models import Step, StepFile
from canbo.workflow.process import process_of


def steps_of(obj) -> list[Step]:
    """The steps taken on `obj`, oldest first, with their files, actors and the states' labels."""
    process = process_of(obj)
    steps = list(
        Step.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
        .select_related("actor").prefetch_related("files").order_by("at", "id")
    )
    for step in steps:
        step.source_label = process.state_label(step.source)
        step.target_label = process.state_label(step.target)
    return steps


def reached_on(obj, state: str) -> dt.date | None:
    """The day `obj` last reached `state` (its latest step to it; a step entered later keeps the day it
    was taken), or None if it never did."""
    kind = ContentType.objects.get_for_model(obj)
    steps = Step.objects.filter(content_type=kind, object_id=obj.pk, target=state)
    step = steps.order_by("-at", "-id").first()
    return timezone.localdate(step.at) if step else None


def state_before(model, moment: dt.datetime) -> Coalesce:
    """For the rows of `model` (a process's objects), the state each was in just before `moment`: the
    target of its last step taken before it, else the source of its first step (the state it was made
    in), else its state now (it never moved)."""
    kind = ContentType.objects.get_for_model(model)
    steps = Step.objects.filter(content_type=kind, object_id=OuterRef("pk"))
    last = steps.filter(at__lt=moment).order_by("-at", "-id").values("target")[:1]
    first = steps.order_by("at", "id").values("source")[:1]
    return Coalesce(Subquery(last), Subquery(first), F(process_of(model).state_field))


def recorded_by(objects: QuerySet, as_of: dt.date) -> QuerySet:
    """Of `objects` (a process's objects, each with the moment it was made, `created_at`), those made
    by the end of D, each with `state_then`, its state at the end of D (`state_before`). Today or
    later: every object at its state now."""
    moment = recorded_before(as_of)
    if moment is None:
        return objects.annotate(state_then=F(process_of(objects.model).state_field))
    return objects.filter(created_at__lt=moment).annotate(state_then=state_before(objects.model, moment))


def state_then(obj, as_of: dt.date) -> dict:
    """`obj`'s step at the end of D, for its page viewed at D: `made` (whether it was made by then) and
    `label` (that step's). Today or later: its step now."""
    process = process_of(obj)
    if recorded_before(as_of) is None:  # nothing to read: the page shows its step now
        return {"made": True, "label": process.state_label(getattr(obj, process.state_field))}
    then = recorded_by(type(obj).objects.filter(pk=obj.pk), as_of).values_list("state_then", flat=True)
    found = then.first()
    return {"made": found is not None, "label": process.state_label(found) if found else ""}


def step_file_get(*, obj, pk: int) -> StepFile:
    """A file attached to a step of `obj`; NotFound for any other file."""
    found = StepFile.objects.filter(
        pk=pk, step__content_type=ContentType.objects.get_for_model(obj), step__object_id=obj.pk
    ).first()
    if found is None or not path_of(found.sha256).exists():
        raise NotFound(_("Không có tệp này."))
    return found


def file_response(step_file: StepFile) -> FileResponse:
    """The stored file as a download with its own name and checked type."""
    return FileResponse(path_of(step_file.sha256).open("rb"), as_attachment=True, filename=step_file.name,
                        content_type=step_file.content_type)
