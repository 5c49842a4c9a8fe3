"""Succession by position (nguồn kế cận): for a position type, and a unit when given, the cadres
planned for it in each term approved by D, each with how ready they are at D: the standard of the
type in force at D against the highest levels they hold (the facts' `lv_<kind>`), what they still
lack and the programmes of the catalogue in force whose pass would close it, their age and the
years left before retirement; and each term's structure (women, ethnic minorities, age bands).

Only cadres in the actor's scope at D are listed, as on every other page."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from canbo.accounts.scope import sees_everything
from canbo.core.dates import age_on
from canbo.core.levels import REQUIRED_KINDS, Kind, label_of, rank_of
from canbo.org.models import PositionType, Unit
from canbo.org.standards import position_standard
from canbo.people.models import Cadre, PlanningEntry
from canbo.people.selectors import visible_cadres
from canbo.reports.staff_quality import DEFAULT_AGE_LIMITS, age_bands
from canbo.rules import engine
from canbo.rules.selectors import rule_set_in_force
from canbo.training.models import Programme


@dataclass
class Gap:
    kind: str
    required: int
    held: int
    programmes: list[Programme]

    @property
    def words(self) -> str:
        kind = Kind(self.kind).label
        return f"{kind}: {label_of(self.kind, self.held)} → {label_of(self.kind, self.required)}"


@dataclass
class Candidate:
    entry: PlanningEntry
    age: int
    years_left: int  # whole years from D to the retirement date
    gaps: list[Gap]
    groups: frozenset[str] = frozenset()  # the term's figures counting them: `Term.structure`'s keys

    @property
    def ready(self) -> bool:
        return not self.gaps


@dataclass
class Term:
    start: int
    end: int
    candidates: list[Candidate] = field(default_factory=list)
    structure: dict[str, int] = field(default_factory=dict)


def closing_programmes(kind: str, required: int, programmes: list[Programme]) -> list[Programme]:
    """The programmes whose pass gives `kind` at `required` or higher (or the level required)."""
    found = []
    for programme in programmes:
        for item in programme.qualifications:
            if item.get("kind") != kind:
                continue
            if item.get("as_required") or rank_of(kind, item.get("level")) >= required:
                found.append(programme)
    return found


def lacking(standard: dict[str, int], facts_row: dict) -> list[str]:
    """The kinds in which a cadre's levels (their facts row) fall short of a position's standard."""
    return [kind for kind in REQUIRED_KINDS if standard.get(kind, 0) > facts_row[f"lv_{kind}"]]


def within(planned_unit: Unit | None, unit: Unit | None) -> bool:
    """Whether a planning's unit is `unit` or under it (any, when no unit is chosen)."""
    return unit is None or (planned_unit is not None and planned_unit.path.startswith(unit.path))


def _whole_years(start: dt.date, end: dt.date) -> int:
    return max(age_on(start, end), 0) if end >= start else 0


# Plannings or cadres named by their ids, at most (well within what SQLite and PostgreSQL take);
# more are read through the scope again.
BY_ID_UP_TO = 10_000


def structure_groups() -> list[tuple[str, str]]:
    """The figures of a term's structure that count some of its candidates, (key, label), in the order
    the page shows them: each opens the candidates it counts."""
    bands = [(key, label) for key, label, _low, _high in age_bands(DEFAULT_AGE_LIMITS)]
    return [("san_sang", _("Đạt tiêu chuẩn tại ngày xem")), ("nu", _("Nữ")),
            ("dan_toc_thieu_so", _("Dân tộc thiểu số")), *bands]


def plannings(*, actor, position_type: PositionType, as_of: dt.date, unit: Unit | None = None):
    """The plannings for `position_type` approved by D of cadres the actor sees (at `unit` or under
    it). The scope is probed once, here: the queryset names the plannings found by their ids (up to
    BY_ID_UP_TO), so that counting the terms and reading one of them do not probe it again."""
    entries = PlanningEntry.objects.filter(position_type=position_type, approved_on__lte=as_of)
    if unit is not None:
        entries = entries.filter(unit__path__startswith=unit.path)
    if sees_everything(actor):
        return entries
    seen = entries.filter(cadre__in=visible_cadres(actor, as_of))
    found = list(seen.values_list("pk", flat=True)[:BY_ID_UP_TO + 1])
    return PlanningEntry.objects.filter(pk__in=found) if len(found) <= BY_ID_UP_TO else seen


def term_counts(*, actor, position_type: PositionType, as_of: dt.date, unit: Unit | None = None,
                entries=None) -> list[Term]:
    """The terms of `succession`, latest first, each with its number of plannings alone
    (`structure["tong_so"]`, no candidates); `entries`: `plannings()` when already found."""
    if entries is None:
        entries = plannings(actor=actor, position_type=position_type, as_of=as_of, unit=unit)
    counted = entries.values("term_start", "term_end").annotate(n=Count("id"))
    counted = counted.order_by("-term_start", "-term_end")
    return [Term(row["term_start"], row["term_end"], structure={"tong_so": row["n"]}) for row in counted]


def succession(*, actor, position_type: PositionType, as_of: dt.date, unit: Unit | None = None,
               term: tuple[int, int] | None = None, entries=None) -> list[Term]:
    """The terms approved by D of plannings for `position_type` (at `unit` or a unit under it), latest
    first, each with its candidates and structure; only the term (first year, last year) `term` when
    given; `entries`: `plannings()` when already found."""
    if entries is None:
        entries = plannings(actor=actor, position_type=position_type, as_of=as_of, unit=unit)
    entries = entries.select_related("cadre", "unit").order_by(
        "-term_start", "-term_end", "cadre__sort_key", "cadre__code")
    if term is not None:
        entries = entries.filter(term_start=term[0], term_end=term[1])
    planned = Cadre.objects.filter(id__in=entries.values("cadre_id"))  # a query, however many they are
    entries = list(entries)
    standard = position_standard(position_type, as_of)
    facts = engine.facts_of(engine.context_for(as_of), planned)
    catalogue = list(Programme.objects.filter(rule_set=rule_set_in_force(as_of)).order_by("order", "code"))
    bands = age_bands(DEFAULT_AGE_LIMITS)
    terms: dict[tuple[int, int], Term] = {}
    for entry in entries:
        cadre, row = entry.cadre, facts[entry.cadre_id]
        gaps = [
            Gap(kind, standard[kind], row[f"lv_{kind}"], closing_programmes(kind, standard[kind], catalogue))
            for kind in lacking(standard, row)
        ]
        age = age_on(cadre.birth_date, as_of)
        counted = {
            "tong_so": 1,
            "nu": row["woman"],
            "dan_toc_thieu_so": row["minority"],
            "san_sang": int(not gaps),
        }
        counted |= {key: int(low <= age and (high is None or age <= high)) for key, _l, low, high in bands}
        groups = frozenset(key for key, value in counted.items() if value and key != "tong_so")
        candidate = Candidate(entry, age, _whole_years(as_of, cadre.retirement_date), gaps, groups)
        term = terms.setdefault((entry.term_start, entry.term_end), Term(entry.term_start, entry.term_end))
        term.candidates.append(candidate)
        for key, value in counted.items():
            term.structure[key] = term.structure.get(key, 0) + value
    return list(terms.values())
