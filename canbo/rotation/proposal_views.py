"""The proposal pages: the proposals by step, drafting one or a list, a proposal with its check, its
history, opinions, files and the steps the user may take (each confirmed first, a return with its
reason), and the rotations in progress with their evaluations due (R10)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.core.dates import made_on, today
from canbo.core.errors import NotFound
from canbo.documents.services import signer_choice
from canbo.people.models import Rating
from canbo.people.record_forms import catalogue_options
from canbo.rotation.allowance import allowance_of
from canbo.rotation.checking import check_of, titles, worded
from canbo.rotation.decision import decision_signers, issued_decision
from canbo.rotation.forms import SUGGESTED, EvaluationForm, OpinionForm, ProposalDraftForm, ProposalListForm
from canbo.rotation.models import Party, ProposalState, StepCheck, Verdict
from canbo.rotation.procedure import OPINION_ACTION, OPINIONS_AT, PROPOSAL_PROCESS
from canbo.rotation.proposal_selectors import (
    REMINDER_PARAMETER,
    ROTATION_GROUPS,
    list_get,
    proposal_get,
    proposals_by_state,
    rotations_in_progress,
)
from canbo.rotation.proposals import (
    Draft,
    opinion_add,
    proposal_create,
    proposal_list_create,
    rotation_evaluation_add,
)
from canbo.rules.selectors import parameters_in_force
from canbo.workflow.selectors import file_response, state_then, step_file_get, steps_of
from canbo.workflow.services import options, taken_on
from canbo.workflow.step_page import step_page


def _crumbs(*more) -> list:
    return [(_("Đề xuất luân chuyển, điều động"), reverse("rotation:proposals")), *more]


def _refusal_on(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@requires(Action.VIEW_ROTATION)
def proposals(request):
    state = request.GET.get("buoc", "")
    state = state if state in ProposalState.values else ""
    batch = None
    if request.GET.get("danh_sach", "").isdecimal():
        batch = list_get(actor=request.user, pk=int(request.GET["danh_sach"]))
    found = proposals_by_state(
        actor=request.user, as_of=request.as_of, state=state, batch=batch.pk if batch else None
    )
    shown = list(found.pop("proposals"))
    for proposal in shown:
        proposal.state_then_label = ProposalState(proposal.state_then).label
    # a step for many at once (on today's steps only): from the state shown, or from each state the
    # list's proposals are at
    present = [value for value, _label, n in found["tabs"] if n and (value == state if state else batch)]
    batch_steps = [
        t for source in present for t in PROPOSAL_PROCESS.leaving(source) if can(request.user, t.action)
    ] if request.as_of >= today() else []
    return render(
        request,
        "rotation/proposals.html",
        {
            **found,
            "proposals": shown,
            "state": state,
            "batch": batch,
            "batch_steps": batch_steps,
            "may_draft": can(request.user, Action.DRAFT_PROPOSALS),
            "crumbs": [(_("Đề xuất luân chuyển, điều động"), "")],
        },
    )


@requires(Action.DRAFT_PROPOSALS)
def proposal_new(request):
    initial = {"tu_ngay": request.as_of.strftime("%d/%m/%Y"), "loai": "luan_chuyen", **request.GET.dict()}
    form = ProposalDraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft = Draft(data["ma_can_bo"].strip(), data["den_don_vi"].strip(), data["chuc_danh"].strip())
        try:
            proposal = proposal_create(
                actor=request.user,
                draft=draft,
                kind=data["loai"],
                start=data["tu_ngay"],
                end=data["den_ngay"],
                reasons=data["ly_do"],
                btv_exception=data["ngoai_le_btv"],
                at=made_on(data["ngay_lap"]),
            )
        except NotFound as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            _refusal_on(form, exc)
        else:
            messages.success(request, _("Đã lập dự thảo đề xuất."))
            return redirect("rotation:proposal_detail", pk=proposal.pk)
    return render(
        request,
        "rotation/proposal_form.html",
        {
            "form": form,
            "title": _("Lập đề xuất luân chuyển, điều động"),
            "catalogues": catalogue_options(SUGGESTED),
            "crumbs": _crumbs((_("Lập đề xuất"), "")),
        },
    )


@requires(Action.DRAFT_PROPOSALS)
def proposal_list_new(request):
    codes = request.GET.getlist("ma_can_bo")
    initial = {
        "tu_ngay": request.as_of.strftime("%d/%m/%Y"),
        "loai": "luan_chuyen",
        "dong": "\n".join(f"{code}; ; " for code in codes),
    }
    form = ProposalListForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = proposal_list_create(
                actor=request.user,
                name=data["ten"],
                drafts=[Draft(*line) for line in data["dong"]],
                kind=data["loai"],
                start=data["tu_ngay"],
                end=data["den_ngay"],
                reasons=data["ly_do"],
                btv_exception=data["ngoai_le_btv"],
            )
        except ValidationError as exc:
            _refusal_on(form, exc)
        else:
            messages.success(
                request, _("Đã lập danh sách dự kiến gồm %(n)s đề xuất.") % {"n": batch.proposals.count()}
            )
            return redirect(f"{reverse('rotation:proposals')}?danh_sach={batch.pk}")
    return render(
        request,
        "rotation/proposal_form.html",
        {
            "form": form,
            "title": _("Lập danh sách dự kiến luân chuyển, điều động"),
            "crumbs": _crumbs((_("Lập danh sách"), "")),
        },
    )


def _opinion_form(user, proposal, data=None):
    allowed = [
        (p, label)
        for p, label in Party.choices
        if p in OPINIONS_AT.get(proposal.state, ()) and can(user, OPINION_ACTION[p])
    ]
    return OpinionForm(data, parties=allowed, verdicts=Verdict.choices) if allowed else None


@requires(Action.VIEW_ROTATION)
def proposal_detail(request, pk):
    return _detail_page(request, proposal_get(actor=request.user, pk=pk))


def _detail_page(request, proposal, opinion_form=None, evaluation_form=None):
    """The proposal's page; a refused opinion or evaluation shown on its form, with what was typed."""
    deployed = proposal.state == ProposalState.DA_TRIEN_KHAI
    if deployed:  # the records now show the move: the check it went past is the one kept
        result, violations, warnings, authority = (
            proposal.check_result,
            [],
            titles(proposal.check_result.get("canh_bao", [])),
            None,
        )
    else:
        result, explanation = check_of(proposal)
        violations = [worded(i) for i in explanation["vi_pham"]]
        warnings = [worded(i) for i in explanation["canh_bao"]]
        authority = explanation["tham_quyen"]
    steps = steps_of(proposal)
    kept = {c.step_id: c.result for c in StepCheck.objects.filter(step__in=[s.pk for s in steps])}
    opinions = list(proposal.opinions.select_related("recorded_by"))
    for step in steps:
        step.warnings = titles(kept.get(step.pk, {}).get("canh_bao", []))
        step.opinions = [o for o in opinions if o.step_id == step.pk]
    may_evaluate = (
        can(request.user, Action.EVALUATE_ROTATED)
        and proposal.kind == "luan_chuyen"
        and proposal.state == ProposalState.DA_TRIEN_KHAI
    )
    return render(
        request,
        "rotation/proposal_detail.html",
        {
            "proposal": proposal,
            "result": result,
            "deployed": deployed,
            "violations": violations,
            "warnings": warnings,
            "authority": authority,
            "allowance": allowance_of(proposal),
            **signer_choice(issued_decision(proposal), lambda: decision_signers(proposal)),
            "steps": steps,
            "then": state_then(proposal, request.as_of),
            "options": options(request.user, proposal),
            "pending": [o for o in opinions if o.step_id is None],
            "opinion_form": opinion_form or _opinion_form(request.user, proposal),
            "evaluations": proposal.evaluations.all(),
            "evaluation_form": evaluation_form
            or (EvaluationForm(ratings=Rating.choices) if may_evaluate else None),
            "crumbs": _crumbs((str(proposal), "")),
        },
    )


@require_POST
@requires(Action.VIEW_ROTATION)
def proposal_opinion(request, pk):
    proposal = proposal_get(actor=request.user, pk=pk)
    form = _opinion_form(request.user, proposal, request.POST)
    if form is None:
        messages.error(request, _("Ở bước này bạn không ghi ý kiến nào."))
        return redirect("rotation:proposal_detail", pk=proposal.pk)
    if form.is_valid():
        try:
            opinion_add(
                actor=request.user,
                proposal=proposal,
                party=form.cleaned_data["ben"],
                verdict=form.cleaned_data["y_kien"],
                text=form.cleaned_data["noi_dung"],
                at=taken_on(form.cleaned_data["ngay"]),
            )
        except ValidationError as exc:
            _refusal_on(form, exc)
        else:
            messages.success(request, _("Đã ghi ý kiến."))
            return redirect("rotation:proposal_detail", pk=proposal.pk)
    return _detail_page(request, proposal, opinion_form=form)


@requires(Action.VIEW_ROTATION)
def proposal_step(request, pk, target):
    """One step: the question and the fields it needs (a reason for a return, documents), or why the
    user may not take it; taken only on confirmation."""
    proposal = proposal_get(actor=request.user, pk=pk)
    back = reverse("rotation:proposal_detail", args=[proposal.pk])
    return step_page(request, process=PROPOSAL_PROCESS, obj=proposal, target=target, noun=_("đề xuất"),
                     template="rotation/proposal_step.html", context={"proposal": proposal}, back=back,
                     crumbs=lambda label: _crumbs((str(proposal), back), (label, "")))


@requires(Action.VIEW_ROTATION)
def proposal_file(request, pk, file_pk):
    proposal = proposal_get(actor=request.user, pk=pk)
    return file_response(step_file_get(obj=proposal, pk=file_pk))


@require_POST
@requires(Action.EVALUATE_ROTATED)
def proposal_evaluation(request, pk):
    proposal = proposal_get(actor=request.user, pk=pk)
    form = EvaluationForm(request.POST, ratings=Rating.choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            rotation_evaluation_add(
                actor=request.user,
                proposal=proposal,
                year=data["nam"],
                rating=data["xep_loai"],
                end_of_term=data["cuoi_thoi_han"],
                text=data["nhan_xet"],
                at=taken_on(data["ngay"]),
            )
        except ValidationError as exc:
            _refusal_on(form, exc)
        else:
            messages.success(request, _("Đã ghi đánh giá."))
            return redirect("rotation:proposal_detail", pk=proposal.pk)
    return _detail_page(request, proposal, evaluation_form=form)


@requires(Action.VIEW_ROTATION)
def rotations(request):
    within = parameters_in_force(request.as_of)[REMINDER_PARAMETER]
    found = rotations_in_progress(actor=request.user, as_of=request.as_of, within_days=within)
    chosen = request.GET.get("nhom", "")
    groups = [(key, title, found[name]) for key, title, name in ROTATION_GROUPS
              if chosen not in {k for k, _t, _n in ROTATION_GROUPS} or key == chosen]
    return render(
        request,
        "rotation/rotations.html",
        {
            "groups": groups,
            "within": within,
            "crumbs": [(_("Cán bộ đang luân chuyển"), "")],
        },
    )
