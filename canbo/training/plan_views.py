"""The annual plan pages: the year's board (plans within reach, the deadline, the units that have not
sent theirs), a plan with its versions, its history and the steps the user may take, each step asked
for confirmation first, and the forms that draft, edit and amend a plan."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.core.dates import made_on
from canbo.core.errors import NotFound
from canbo.core.forms import made_on_field
from canbo.org.selectors import unit_get
from canbo.training.models import APPROVED_STATES, PlanState, TrainingPlan
from canbo.training.plan_process import PLAN_PROCESS
from canbo.training.plan_selectors import plan_get, plan_versions, working_year, year_board
from canbo.training.plans import plan_amend, plan_create, plan_update
from canbo.training.quotas import plan_quotas
from canbo.training.views import show_refusal
from canbo.workflow.selectors import file_response, state_then, step_file_get, steps_of
from canbo.workflow.services import options
from canbo.workflow.step_page import step_page


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        return working_year(request.as_of)
    return year if 2000 <= year <= 2100 else working_year(request.as_of)


def _crumbs(year: int, *more) -> list:
    board = f"{reverse('training:plans')}?nam={year}"
    return [(_("Kế hoạch đào tạo, bồi dưỡng năm %(year)s") % {"year": year}, board), *more]


@requires(Action.VIEW_PLANS)
def plan_board(request):
    year = _year(request)
    board = year_board(actor=request.user, year=year, as_of=request.as_of)
    return render(request, "training/plan_board.html", {
        **board, "year": year, "may_draft": can(request.user, Action.DRAFT_PLANS),
        "crumbs": [(_("Kế hoạch đào tạo, bồi dưỡng năm %(year)s") % {"year": year}, "")],
    })


class PlanForm(forms.Form):
    unit = forms.CharField(label=gettext_lazy("Đơn vị"))
    year = forms.IntegerField(label=gettext_lazy("Năm kế hoạch"), min_value=2000, max_value=2100)
    content = forms.CharField(
        label=gettext_lazy("Nội dung kế hoạch (mục tiêu, đối tượng, chương trình, số lượng, kinh phí)"),
        widget=forms.Textarea(attrs={"rows": 10}), required=False,
    )
    made_on = made_on_field()


class ContentForm(forms.Form):
    content = PlanForm.base_fields["content"]


@requires(Action.DRAFT_PLANS)
def plan_new(request):
    year = _year(request)
    initial = {"year": year, "unit": getattr(request.user.scope_unit, "code", "")}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = unit_get(actor=request.user, code=form.cleaned_data["unit"])
            plan = plan_create(actor=request.user, unit=unit, year=form.cleaned_data["year"],
                               content=form.cleaned_data["content"], at=made_on(form.cleaned_data["made_on"]))
        except NotFound as exc:
            form.add_error("unit", exc.message)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("Đã lập dự thảo kế hoạch."))
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_form.html", {
        "form": form, "plan": None, "crumbs": _crumbs(year, (_("Lập kế hoạch"), "")),
    })


@requires(Action.VIEW_PLANS)
def plan_detail(request, pk):
    plan = plan_get(actor=request.user, pk=pk)
    may_draft = can(request.user, Action.DRAFT_PLANS)
    lines = list(plan.lines.select_related("programme").prefetch_related("cadres"))
    quotas = plan_quotas(actor=request.user, plan=plan)
    for line in lines:
        line.quota_use = quotas.get(line.programme_id)
    costs = [line.cost_estimate for line in lines if line.cost_estimate is not None]
    return render(request, "training/plan_detail.html", {
        "plan": plan,
        "lines": lines,
        "total_people": sum(line.headcount for line in lines),
        "total_cost": sum(costs) if costs else None,
        "costs_missing": len(costs) < len(lines),
        "versions": plan_versions(plan),
        "steps": steps_of(plan),
        "then": state_then(plan, request.as_of),
        "options": options(request.user, plan),
        "may_edit": may_draft and plan.state == PlanState.DU_THAO,
        "may_amend": may_draft and plan.state in APPROVED_STATES and not TrainingPlan.objects.filter(
            previous=plan).exists(),
        "crumbs": _crumbs(plan.year, (plan.unit.name, "")),
    })


@requires(Action.DRAFT_PLANS)
def plan_edit(request, pk):
    plan = plan_get(actor=request.user, pk=pk)
    form = ContentForm(request.POST or None, initial={"content": plan.content})
    if request.method == "POST" and form.is_valid():
        try:
            plan_update(actor=request.user, plan=plan, content=form.cleaned_data["content"])
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("Đã lưu dự thảo kế hoạch."))
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_form.html", {
        "form": form, "plan": plan,
        "crumbs": _crumbs(plan.year, (plan.unit.name, reverse("training:plan_detail", args=[plan.pk])),
                          (_("Sửa dự thảo"), "")),
    })


@requires(Action.VIEW_PLANS)
def plan_step(request, pk, target):
    """One step of the plan's process: the question and the fields it needs (a reason for a return,
    documents), or why the user may not take it; the step is taken only on confirmation."""
    plan = plan_get(actor=request.user, pk=pk)
    back = reverse("training:plan_detail", args=[plan.pk])
    return step_page(request, process=PLAN_PROCESS, obj=plan, target=target, noun=_("kế hoạch"),
                     template="training/plan_step.html", context={"plan": plan}, back=back,
                     crumbs=lambda label: _crumbs(plan.year, (plan.unit.name, back), (label, "")))


class AmendForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do điều chỉnh"), max_length=500)
    made_on = made_on_field()


@requires(Action.DRAFT_PLANS)
def plan_amend_page(request, pk):
    plan = plan_get(actor=request.user, pk=pk)
    form = AmendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            amended = plan_amend(actor=request.user, plan=plan, reason=form.cleaned_data["reason"],
                                 at=made_on(form.cleaned_data["made_on"]))
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            message = _("Đã tạo bản điều chỉnh (phiên bản %(v)s); bản đang thực hiện giữ nguyên cho đến khi "
                        "bản điều chỉnh được ban hành.")
            messages.success(request, message % {"v": amended.version})
            return redirect("training:plan_edit", pk=amended.pk)
    return render(request, "training/plan_amend.html", {
        "plan": plan, "form": form,
        "crumbs": _crumbs(plan.year, (plan.unit.name, reverse("training:plan_detail", args=[plan.pk])),
                          (_("Điều chỉnh"), "")),
    })


@requires(Action.VIEW_PLANS)
def plan_file(request, pk, file_pk):
    plan = plan_get(actor=request.user, pk=pk)
    return file_response(step_file_get(obj=plan, pk=file_pk))
