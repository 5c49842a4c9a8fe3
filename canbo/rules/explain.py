"""One person's verdicts in words: the same clauses as the population queries, evaluated on the
person's facts row, with the positions, planning entries or rank that create each requirement."""

import datetime as dt
from collections import defaultdict

from django.utils.translation import gettext as _

from canbo.core.dated import in_force_q
from canbo.core.dates import age_on
from canbo.core.levels import label_of
from canbo.org.standards import standards_in_force
from canbo.people.models import Cadre, PlanningEntry, PositionHolding
from canbo.rules.models import Rule
from canbo.rules.selectors import rule_set_in_force, rules_in_force
from canbo.rules.verdicts import (
    CANDIDATE,
    EXCLUSIONS,
    FULL_TIME,
    MODE_RULE,
    PRIORITIES,
    PROGRAMMES,
    REVIEW,
    SPLIT,
    Verdict,
)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else _("chưa rõ")


def requirement_sources(cadre_ids: list[int], as_of: dt.date) -> dict[int, dict]:
    """Per cadre: positions held at D, planning entries in force at D, the rank, and the
    standards in force at D of those types and that rank (4 queries)."""
    standards: dict = {}
    found: dict[int, dict] = defaultdict(
        lambda: {"holdings": [], "planning": [], "rank": None, "standards": standards}
    )
    for holding in (
        PositionHolding.objects.filter(in_force_q(as_of), cadre_id__in=cadre_ids)
        .select_related("position_type", "unit")
        .order_by("valid_from", "id")
    ):
        found[holding.cadre_id]["holdings"].append(holding)
    for entry in (
        PlanningEntry.objects.filter(
            cadre_id__in=cadre_ids,
            approved_on__lte=as_of,
            term_start__lte=as_of.year,
            term_end__gte=as_of.year,
        )
        .select_related("position_type", "unit")
        .order_by("term_start", "id")
    ):
        found[entry.cadre_id]["planning"].append(entry)
    for cadre in Cadre.objects.filter(id__in=cadre_ids, rank__isnull=False).select_related("rank"):
        found[cadre.id]["rank"] = cadre.rank
    standards.update(
        standards_in_force(
            as_of,
            position_type_ids={
                row.position_type_id for v in found.values() for row in v["holdings"] + v["planning"]
            },
            rank_ids={v["rank"].id for v in found.values() if v["rank"] is not None},
        )
    )
    return found


def _required(sources: dict, key: tuple[str, int], kind: str) -> int:
    return sources["standards"].get(key, {}).get(kind, 0)


def sources_of(kind: str, row: dict, sources: dict) -> list[str]:
    """What creates the cadre's requirement of `kind` (those at its highest level)."""
    kinds = ("ngoai_ngu", "tin_hoc") if kind == "ngoai_ngu_tin_hoc" else (kind,)
    texts = []
    for k in kinds:
        wanted = row[f"req_{k}"]
        if not wanted:
            continue
        for holding in sources["holdings"]:
            if _required(sources, ("chuc_danh", holding.position_type_id), k) == wanted:
                texts.append(
                    _("giữ chức danh “%(pt)s” tại %(unit)s từ %(d)s")
                    % {
                        "pt": holding.position_type.name,
                        "unit": holding.unit.name,
                        "d": _date(holding.valid_from),
                    }
                )
        for entry in sources["planning"]:
            if _required(sources, ("chuc_danh", entry.position_type_id), k) == wanted:
                texts.append(
                    _("quy hoạch “%(pt)s” nhiệm kỳ %(a)s–%(b)s (phê duyệt %(d)s)")
                    % {
                        "pt": entry.position_type.name,
                        "a": entry.term_start,
                        "b": entry.term_end,
                        "d": _date(entry.approved_on),
                    }
                )
        rank = sources["rank"]
        if rank is not None and _required(sources, ("ngach", rank.id), k) == wanted:
            texts.append(_("ngạch “%(rank)s”") % {"rank": rank.name})
    return texts


def _presenter(row: dict, ctx: dict) -> dict:
    return {
        "row": row,
        "ctx": ctx,
        "params": ctx["params"],
        "date": _date,
        "age": age_on(row["birth_date"], ctx["as_of"]),
        "req_label": lambda k: label_of(k, row[f"req_{k}"]),
        "lv_label": lambda k: label_of(k, row[f"lv_{k}"]),
    }


def citations(as_of: dt.date) -> dict[str, Rule]:
    return rules_in_force(rule_set_in_force(as_of))


def explain_verdict(verdict: Verdict, row: dict, ctx: dict, sources: dict, rules: dict[str, Rule]) -> dict:
    rule = rules.get(verdict.rule)
    if rule is None:
        return {
            "key": verdict.key,
            "title": str(verdict.title),
            "holds": False,
            "citation": "",
            "rule": verdict.rule,
            "absent": absent_text(verdict.rule),
            "clauses": [],
        }
    presenter = _presenter(row, ctx)
    clauses = []
    for clause in verdict.clauses:
        clauses.append(
            {
                "text": str(clause.text(presenter)),
                "holds": clause.condition.holds(row, ctx),
                "sources": sources_of(clause.kind, row, sources) if clause.kind else [],
            }
        )
    return {
        "key": verdict.key,
        "title": str(verdict.title),
        "holds": verdict.condition.holds(row, ctx),
        "citation": rule.citation,
        "rule": verdict.rule,
        "absent": "",
        "clauses": clauses,
    }


def absent_text(code: str) -> str:
    return _("quy tắc %(code)s không có trong bộ quy tắc đang áp dụng") % {"code": code}


def reason_line(explained: dict) -> str:
    """A verdict that holds, in one line: its clauses joined, with what creates each requirement."""
    parts = []
    for clause in explained["clauses"][1:]:  # the first clause is "active", implied in any list
        text = clause["text"]
        if clause["sources"]:
            text += " (" + _("do") + " " + "; ".join(clause["sources"]) + ")"
        parts.append(text)
    return "; ".join(parts) + f" [{explained['citation']}]"


def programme_entry(verdict: Verdict, row: dict, ctx: dict) -> dict:
    """The JSON entry of SPEC §9 for an eligible programme."""
    mode = None
    if verdict.extra.get("llct") and MODE_RULE in ctx["rules"]:
        mode = "tap_trung" if FULL_TIME.holds(row, ctx) else "tai_chuc"
    rule = ctx["rules"].get(verdict.rule)
    return {
        "ma": verdict.key,
        "hinh_thuc": mode,
        "uu_tien": [code for code, cond, _label in PRIORITIES if cond.holds(row, ctx)],
        "can_cu": rule.citation if rule else "",
    }


def person_verdicts(row: dict, ctx: dict, sources: dict, rules: dict[str, Rule]) -> dict:
    """Everything canbo concludes about one person at D, explained."""
    review = [explain_verdict(v, row, ctx, sources, rules) for v in REVIEW]
    split = {key: v.condition.holds(row, ctx) for key, v in SPLIT.items()}
    programmes = [explain_verdict(v, row, ctx, sources, rules) for v in PROGRAMMES]
    entries = {v.key: programme_entry(v, row, ctx) for v in PROGRAMMES}
    for item in programmes:
        item["entry"] = entries[item["key"]]
        item["mode_label"] = {"tap_trung": _("tập trung"), "tai_chuc": _("tại chức"), None: ""}[
            item["entry"]["hinh_thuc"]
        ]
    candidate = CANDIDATE.condition.holds(row, ctx)
    exclusions = [(code, str(label)) for code, cond, label in EXCLUSIONS if cond.holds(row, ctx)]
    return {
        "row": row,
        "active": bool(row["active"]),
        "age": age_on(row["birth_date"], ctx["as_of"]),
        "owes": [item for item in review if item["holds"]],
        "split": split,
        "eligible": [item for item in programmes if item["holds"]],
        "not_eligible": [item for item in programmes if not item["holds"]],
        "priorities": [str(label) for code, cond, label in PRIORITIES if cond.holds(row, ctx)],
        "rotation": {
            "candidate": candidate,
            "explained": explain_verdict(CANDIDATE, row, ctx, sources, rules),
            "exclusions": exclusions if candidate else [],
        },
    }
