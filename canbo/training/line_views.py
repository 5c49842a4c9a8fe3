"""Adding a line to a draft plan (a programme, its mode and, for the degree programmes, cadres picked
from the programme's eligible list on 1 January of the plan's year, ranked by the T3 priority groups;
for fostering, a head count or named cadres) and removing one after a confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.errors import NotFound
from canbo.reports.selectors import eligible_lists
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.verdicts import PRIORITY_LABELS, PROGRAMMES_BY_KEY
from canbo.training.models import Funding, PlanLine, Programme, TrainingMode
from canbo.training.plan_lines import line_add, line_remove, parse_codes, start_of
from canbo.training.plan_selectors import plan_get


def _crumbs(plan, label):
    return [(_("Kế hoạch đào tạo, bồi dưỡng năm %(year)s") % {"year": plan.year},
             f"{reverse('training:plans')}?nam={plan.year}"),
            (plan.unit.name, reverse("training:plan_detail", args=[plan.pk])), (label, "")]


def _eligible(request, plan, programme) -> list[dict]:
    if programme is None or programme.code not in PROGRAMMES_BY_KEY:
        return []
    rows = eligible_lists(actor=request.user, as_of=start_of(plan), programme=programme.code, unit=plan.unit)
    modes = dict(TrainingMode.choices)
    return [{"code": r["code"], "name": r["full_name"], "birth_date": r["birth_date"],
             "priorities": [str(PRIORITY_LABELS[code]) for code in r["priorities"]],
             "mode": modes.get(r["mode"], "")} for r in rows]


def _headcount(text: str) -> int | None:
    return int(text) if text.strip().isdecimal() else None


@requires(Action.DRAFT_PLANS)
def plan_line_new(request, pk):
    plan = plan_get(actor=request.user, pk=pk)
    in_force = rule_set_in_force(start_of(plan))
    programmes = Programme.objects.filter(rule_set=in_force).select_related("family")
    programmes = programmes.order_by("family__order", "order")
    chosen = request.POST.get("chuong_trinh") or request.GET.get("chuong_trinh") or ""
    programme = programmes.filter(pk=chosen).first() if chosen.isdecimal() else None
    errors: dict[str, list[str]] = {}
    picked = request.POST.getlist("can_bo")
    if request.method == "POST" and programme is not None:
        try:
            form = request.POST
            line_add(actor=request.user, plan=plan, programme=programme, mode=form.get("hinh_thuc", ""),
                     codes=picked + parse_codes(form.get("ma_khac", "")),
                     headcount=_headcount(form.get("so_nguoi", "")), note=form.get("ghi_chu", ""),
                     funding=form.get("nguon_kinh_phi", Funding.NGAN_SACH_TINH))
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"all": exc.messages}
        else:
            messages.success(request, _("Đã thêm dòng “%(name)s” vào kế hoạch.") % {"name": programme.name})
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_line_form.html", {
        "plan": plan, "programmes": programmes, "programme": programme,
        "degree": programme is not None and programme.code in PROGRAMMES_BY_KEY,
        "eligible": _eligible(request, plan, programme), "picked": picked, "errors": errors,
        "fundings": Funding.choices,
        "modes": [(mode, TrainingMode(mode).label) for mode in (programme.modes() if programme else [])],
        "as_of_plan": start_of(plan), "crumbs": _crumbs(plan, _("Thêm dòng kế hoạch")),
    })


@requires(Action.DRAFT_PLANS)
def plan_line_delete(request, pk, line_pk):
    plan = plan_get(actor=request.user, pk=pk)
    line = PlanLine.objects.select_related("programme").filter(pk=line_pk, plan=plan).first()
    if line is None:
        raise NotFound(_("Kế hoạch không có dòng này."))
    problem = ""
    if request.method == "POST":
        try:
            line_remove(actor=request.user, line=line)
        except ValidationError as exc:
            problem = " ".join(exc.messages)
        else:
            messages.success(request, _("Đã bỏ dòng “%(name)s”.") % {"name": line.programme.name})
            return redirect("training:plan_detail", pk=plan.pk)
    return render(request, "training/plan_line_delete.html", {
        "plan": plan, "line": line, "problem": problem, "crumbs": _crumbs(plan, _("Bỏ dòng kế hoạch")),
    })
