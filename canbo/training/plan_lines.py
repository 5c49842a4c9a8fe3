"""The lines of a draft plan (SPEC §4; plan III.1.1): a programme, a mode and, for the degree
programmes of SPEC §9, cadres eligible for it on 1 January of the plan's year; for fostering, named
cadres or a head count. A cadre who is not eligible is refused with the rule, its clause and what
fails; on LLCT lines T2 holds (under the age parameter at the year's start: full-time only)."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.errors import NotFound
from canbo.org.selectors import visible_units
from canbo.people.models import Cadre
from canbo.people.selectors import visible_cadres
from canbo.rules import engine, explain
from canbo.rules.verdicts import FULL_TIME, MODE_RULE, PROGRAMMES_BY_KEY, Verdict
from canbo.training.models import Funding, PlanLine, PlanState, Programme, TrainingMode, TrainingPlan

_SEPARATORS = re.compile(r"[\s,;]+")


def start_of(plan: TrainingPlan) -> dt.date:
    """The date a plan's eligibility is judged at: 1 January of its year."""
    return dt.date(plan.year, 1, 1)


def parse_codes(text: str) -> list[str]:
    """Cadre codes as typed: separated by spaces, commas, semicolons or lines; each once, in order."""
    return list(dict.fromkeys(code for code in _SEPARATORS.split(text or "") if code))


def _editable(actor, plan: TrainingPlan) -> TrainingPlan:
    require(actor, Action.DRAFT_PLANS)
    plan = TrainingPlan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
    if not visible_units(actor).filter(pk=plan.unit_id).exists():
        raise NotFound(_("Đơn vị %(unit)s không thuộc phạm vi của bạn.") % {"unit": plan.unit.name})
    if plan.state != PlanState.DU_THAO:
        raise ValidationError(_("Chỉ sửa được kế hoạch đang ở bước dự thảo (hiện: %(state)s).")
                              % {"state": plan.get_state_display()})
    return plan


def _cadres(actor, plan: TrainingPlan, codes: list[str]) -> list[Cadre]:
    found = {c.code: c for c in visible_cadres(actor, start_of(plan)).filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        message = _("Không có cán bộ mã %(codes)s trong phạm vi của bạn tại ngày %(day)s.")
        day = start_of(plan).strftime("%d/%m/%Y")
        raise ValidationError({"cadres": message % {"codes": ", ".join(unknown), "day": day}})
    return [found[code] for code in codes]


def ineligible(verdict: Verdict, cadres: list[Cadre], mode: str, as_of: dt.date) -> dict[int, str]:
    """Why each cadre who may not be put on a line of `verdict`'s programme in `mode` at D may not, by
    cadre id."""
    ctx = engine.context_for(as_of)
    rows = engine.facts_of(ctx, [c.id for c in cadres])
    sources = explain.requirement_sources([c.id for c in cadres], as_of)
    day = as_of.strftime("%d/%m/%Y")
    problems = {}
    for cadre in cadres:
        row = rows[cadre.id]
        if not verdict.condition.holds(row, ctx):
            explained = explain.explain_verdict(verdict, row, ctx, sources[cadre.id], ctx["rules"])
            failing = [c["text"] for c in explained["clauses"] if not c["holds"]] or [explained["absent"]]
            message = _("%(name)s (%(code)s) không đủ điều kiện “%(title)s” ngày %(day)s theo quy tắc "
                        "%(rule)s (%(citation)s): không đạt %(why)s.")
            problems[cadre.id] = message % {
                "name": cadre.full_name, "code": cadre.code, "title": explained["title"], "day": day,
                "rule": verdict.rule, "citation": explained["citation"], "why": "; ".join(failing)}
        elif (verdict.extra.get("llct") and MODE_RULE in ctx["rules"] and mode == TrainingMode.TAI_CHUC
              and FULL_TIME.holds(row, ctx)):
            message = _("%(name)s (%(code)s) dưới %(age)s tuổi ngày %(day)s nên phải học tập trung, không "
                        "học tại chức (quy tắc %(rule)s, %(citation)s).")
            problems[cadre.id] = message % {
                "name": cadre.full_name, "code": cadre.code, "age": ctx["params"]["tuoi_tap_trung"],
                "day": day, "rule": MODE_RULE, "citation": ctx["rules"][MODE_RULE].citation}
    return problems


def line_problems(*, actor, plan: TrainingPlan, programme: Programme, mode: str, cadres: list[Cadre],
                  headcount: int | None) -> dict[str, list[str]]:
    """Every reason, by field, that the line may not be added; empty when it may."""
    problems: dict[str, list[str]] = {}
    as_of = start_of(plan)
    in_force = engine.context_for(as_of)["rule_set"]
    if programme.rule_set_id != in_force.pk:
        message = _("Chương trình thuộc bộ quy tắc %(a)s; năm %(year)s áp dụng bộ %(b)s.")
        values = {"a": programme.rule_set.code, "year": plan.year, "b": in_force.code}
        problems["programme"] = [message % values]
    if mode not in programme.modes():
        message = _("Chương trình “%(name)s” không có hình thức học này.")
        problems["mode"] = [message % {"name": programme.name}]
    verdict = PROGRAMMES_BY_KEY.get(programme.code)
    if verdict is not None and not cadres:
        message = _("Chương trình theo quy tắc %(rule)s: chọn cán bộ trong danh sách đủ điều kiện.")
        problems["cadres"] = [message % {"rule": verdict.rule}]
    elif not cadres and not headcount:
        problems["headcount"] = [_("Nhập số người hoặc chọn cán bộ.")]
    lines = PlanLine.objects.filter(plan=plan, programme=programme)
    taken = set(lines.values_list("cadres__code", flat=True))
    again = [c.code for c in cadres if c.code in taken]
    if again:
        message = _("Đã có trong kế hoạch cho chương trình này: %(codes)s.")
        problems.setdefault("cadres", []).append(message % {"codes": ", ".join(again)})
    if verdict is not None and cadres and "mode" not in problems:
        refused = ineligible(verdict, cadres, mode, as_of)
        if refused:
            problems.setdefault("cadres", []).extend(refused.values())
    return problems


@transaction.atomic
def line_add(*, actor, plan: TrainingPlan, programme: Programme, mode: str, codes: list[str] = (),
             headcount: int | None = None, note: str = "", funding: str = Funding.NGAN_SACH_TINH) -> PlanLine:
    """Add a line to a draft plan; ValidationError with every reason by field otherwise."""
    plan = _editable(actor, plan)
    cadres = _cadres(actor, plan, list(codes))
    problems = line_problems(actor=actor, plan=plan, programme=programme, mode=mode, cadres=cadres,
                             headcount=headcount)
    if problems:
        raise ValidationError(problems)
    line = PlanLine(plan=plan, programme=programme, mode=mode, headcount=len(cadres) or headcount,
                    note=note.strip(), funding=funding)
    line.full_clean()
    line.save()
    line.cadres.set(cadres)
    audit_record(actor=actor, action=AuditAction.PLAN_LINE_ADD, obj=line, after={
        "programme": programme.code, "mode": mode, "headcount": line.headcount, "note": line.note,
        "cadres": [c.code for c in cadres], "cost_estimate": line.cost_estimate, "funding": funding})
    return line


@transaction.atomic
def line_remove(*, actor, line: PlanLine) -> None:
    plan = _editable(actor, line.plan)
    line = PlanLine.objects.select_related("programme").get(pk=line.pk, plan=plan)
    audit_record(actor=actor, action=AuditAction.PLAN_LINE_REMOVE, obj=line, before={
        "programme": line.programme.code, "mode": line.mode, "headcount": line.headcount,
        "cadres": sorted(line.cadres.values_list("code", flat=True))})
    line.delete()
