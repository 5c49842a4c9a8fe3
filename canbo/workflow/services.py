"""Taking a step of any registered process: `transition` checks the capability the step needs, the
actor's scope, the guards, the comment and the files, then writes the step row, its files and an
audit event with the new state in one transaction. A refusal names every reason that holds."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import can, require
from canbo.core.dates import entered_later, made_on
from canbo.core.errors import PermissionDenied
from canbo.workflow import files as stored_files
from canbo.workflow.models import Step, StepFile
from canbo.workflow.process import Process, Transition, TransitionRefused, process_of

CLOSE_OF_OFFICE = 17  # the hour a step taken on an earlier day is dated


def _capability_reason(actor, transition: Transition) -> str | None:
    try:
        require(actor, transition.action)
    except PermissionDenied as refused:
        return str(refused.args[0])
    return None


def reasons_against(actor, process: Process, transition: Transition, obj, comment: str = "",
                    *, with_comment: bool = True) -> list[str]:
    """Why `actor` may not take `transition` on `obj` now: the capability, the scope, then each
    guard that refuses, then a missing comment. Empty when the step may be taken."""
    capability = _capability_reason(actor, transition)
    if capability:
        return [capability]
    if not process.in_scope(actor, obj):
        return [_("%(object)s không thuộc phạm vi của bạn.") % {"object": obj}]
    reasons = [reason for guard in transition.guards if (reason := guard(actor, obj))]
    if with_comment and transition.comment_required and not comment.strip():
        reasons.append(_("Bước “%(step)s” cần ghi rõ lý do.") % {"step": transition.label})
    return reasons


def options(actor, obj) -> list[dict]:
    """The steps the actor may be offered from the object's state: those whose capability the actor
    holds, on an object in its scope, each with the guards' reasons that block it now (a button shown
    disabled with why)."""
    process = process_of(obj)
    state = getattr(obj, process.state_field)
    offered = []
    for transition in process.leaving(state):
        if not can(actor, transition.action) or not process.in_scope(actor, obj):
            continue
        offered.append({"transition": transition,
                        "reasons": reasons_against(actor, process, transition, obj, with_comment=False)})
    return offered


def awaits_step(actor, obj) -> bool:
    """Whether `obj` waits for a step `actor` may take from the state it had (`state_then` when read as
    of a date, `recorded_by`): from its state now, a step whose guards let it through (`options`);
    from an earlier state, a step whose capability the actor holds on an object in its scope (the
    guards read the object as it is now, not as it was then)."""
    process = process_of(obj)
    now = getattr(obj, process.state_field)
    state = getattr(obj, "state_then", now)
    if state == now:
        return any(not step["reasons"] for step in options(actor, obj))
    return process.in_scope(actor, obj) and any(can(actor, t.action) for t in process.leaving(state))


def record_step(*, actor, process: Process, obj, source: str, target: str, comment: str = "",
                checked_files=(), at: dt.datetime | None = None, inputs: dict | None = None) -> Step:
    """Write the state change, its step row, files and audit event (inside the caller's transaction,
    after its checks). Effects of a transition that move another object use it too, dated as the
    transition. `at`: when the step was taken, if it is recorded afterwards (the audit event keeps
    when it was recorded, and says when it was taken if that was another day)."""
    setattr(obj, process.state_field, target)
    obj.full_clean()
    obj.save()
    step = Step.objects.create(
        process=process.code, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        source=source, target=target, actor=actor, comment=comment.strip(), at=at or timezone.now(),
        inputs=inputs or {},
    )
    for checked in checked_files:
        stored_files.store(checked)
        StepFile.objects.create(step=step, name=checked.name, size=checked.size,
                                content_type=checked.content_type, sha256=checked.sha256)
    audit_record(
        actor=actor, action=AuditAction.WORKFLOW_STEP, obj=obj,
        before={process.state_field: source}, after={process.state_field: target},
        data={"quy_trinh": process.code, "y_kien": step.comment,
              "tep": [{"ten": f.name, "byte": f.size, "sha256": f.sha256} for f in checked_files],
              **entered_later(step.at)},
    )
    return step


def taken_on(day: dt.date | None) -> dt.datetime | None:
    """The moment of a step an official says was taken on `day`: None (now) for today or no day,
    else the close of office that day (a later day is refused by `transition` as in the future)."""
    return made_on(day, CLOSE_OF_OFFICE)


def _last_moment(obj) -> dt.datetime | None:
    """When the object was made or took its last step, whichever is later: what is recorded of it
    afterwards cannot be dated before."""
    last = Step.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
                               ).order_by("-at").values_list("at", flat=True).first()
    return max(filter(None, (last, getattr(obj, "created_at", None))), default=None)


def moment_reason(obj, at: dt.datetime | None, what: str | None = None) -> str | None:
    """Why something of `obj` recorded afterwards (a step; `what` names another: "ý kiến này")
    cannot be dated `at`: in the future, or before the object was made or took its last step."""
    if at is None:
        return None
    what = what or _("bước này")
    if at > timezone.now():
        return _("Không thể ghi %(what)s vào một thời điểm ở tương lai.") % {"what": what}
    earliest = _last_moment(obj)
    if earliest is not None and at < earliest:
        return _("Không thể ghi %(what)s vào %(at)s: hồ sơ được lập hoặc chuyển bước gần nhất lúc "
                 "%(earliest)s.") % {
            "what": what,
            "at": timezone.localtime(at).strftime("%d/%m/%Y %H:%M"),
            "earliest": timezone.localtime(earliest).strftime("%d/%m/%Y %H:%M")}
    return None


@transaction.atomic
def transition(*, actor, obj, to: str, comment: str = "", files=(), at: dt.datetime | None = None,
               inputs: dict | None = None) -> Step:
    """Move `obj` to state `to` by the step of its process's table, or raise TransitionRefused with
    every reason. `files`: uploaded files to attach (PDF, DOCX, XLSX, PNG, JPG, size-limited). `at`:
    when the step was taken, if it is recorded afterwards (not in the future, not before the object
    was made or took its last step). `inputs`: values of the step's inputs by name (others and empty
    ones are left out), kept with the step for its effects, which refuse what they cannot take. The
    object is read again under a row lock; the caller's instance gets the new state."""
    process = process_of(obj)
    given, obj = obj, type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    source = getattr(obj, process.state_field)
    step = process.transition(source, to)
    if step is None:
        raise TransitionRefused([_("Không thể chuyển từ “%(a)s” sang “%(b)s”.") % {
            "a": process.state_label(source), "b": process.state_label(to)}])
    reasons = reasons_against(actor, process, step, obj, comment)
    if moment := moment_reason(obj, at):
        reasons.append(moment)
    checked_files = []
    for upload in files:
        checked, problem = stored_files.check(upload)
        if problem:
            reasons.append(problem)
        else:
            checked_files.append(checked)
    if reasons:
        raise TransitionRefused(reasons)
    entered = {i.name: str((inputs or {}).get(i.name) or "").strip() for i in step.inputs}
    taken = record_step(actor=actor, process=process, obj=obj, source=source, target=to, comment=comment,
                        checked_files=checked_files, at=at, inputs={n: v for n, v in entered.items() if v})
    for effect in step.effects:
        effect(actor, obj, taken)
    setattr(given, process.state_field, to)
    return taken



def steps_delete(*, processes) -> dict[str, int]:
    """Delete the step rows (and their files' rows) of `processes` (codes), when the objects they
    record go with a replaced province; returns the rows deleted per model label."""
    steps = Step.objects.filter(process__in=processes)
    _total, files = StepFile.objects.filter(step__in=steps).delete()
    _total, rows = steps.delete()
    return {**files, **rows}
