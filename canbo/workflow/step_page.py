"""The page of one step of any process (`workflow/step_form.html` within the caller's template): the
question and the fields the step needs (a reason, documents, the day it was taken when not today, its
own inputs), or
why the user may not take it. The step is taken only on confirmation, and the user is then sent back
to the object's page."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from canbo.core.dates import parse_date
from canbo.core.errors import NotFound
from canbo.workflow.process import Process, TransitionRefused
from canbo.workflow.services import reasons_against, taken_on, transition


def step_page(request, *, process: Process, obj, target: str, noun: str, template: str, context: dict,
              back: str, crumbs: Callable[[str], list]):
    """`noun` names the object in a sentence ("kế hoạch"); `context` puts it in the template;
    `back` is its page; `crumbs(step label)` the breadcrumbs."""
    state = getattr(obj, process.state_field)
    step = process.transition(state, target)
    if step is None:
        raise NotFound(_("%(noun)s đang ở bước “%(state)s”, không chuyển sang bước này được.")
                       % {"noun": noun[:1].upper() + noun[1:], "state": process.state_label(state)})
    comment, day_text = request.POST.get("y_kien", ""), request.POST.get("ngay", "").strip()
    inputs = {i.name: request.POST.get(i.name, "") for i in step.inputs}
    blocking = reasons_against(request.user, process, step, obj, with_comment=False)
    reasons = blocking
    if request.method == "POST" and not blocking:
        reasons = _take(request, obj, target, comment, day_text, inputs)
        if not reasons:
            new_state = process.state_label(getattr(obj, process.state_field))
            messages.success(request, _("%(step)s: %(noun)s chuyển sang bước “%(state)s”.")
                             % {"step": step.label, "noun": noun, "state": new_state})
            return redirect(back)
    return render(request, template, {
        **context, "step": step, "reasons": reasons, "comment": comment, "day": day_text,
        "inputs": [(i, inputs[i.name]) for i in step.inputs],
        "may_take": not blocking,
        "crumbs": crumbs(step.label),
    })


def _take(request, obj, target: str, comment: str, day_text: str, inputs: dict) -> list[str]:
    """Take the step, dated the day given (today when empty); the reasons it was refused, if it was."""
    try:
        day = parse_date(day_text) if day_text else None
    except ValueError:
        return [_("Ngày thực hiện “%(text)s” không đúng dạng dd/mm/yyyy.") % {"text": day_text}]
    try:
        transition(actor=request.user, obj=obj, to=target, comment=comment,
                   files=request.FILES.getlist("tep"), at=taken_on(day), inputs=inputs)
    except TransitionRefused as refused:
        return refused.reasons
    return []
