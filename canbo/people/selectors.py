"""Reads of cadre records for pages and the API; every one starts from the actor's scope."""

import datetime as dt
from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from canbo.accounts.scope import (
    btv_managed_unit_condition,
    reaches_btv_managed,
    sees_everything,
    unit_condition,
)
from canbo.core.data_cache import remembered
from canbo.core.dated import end_known_at, in_force_q
from canbo.core.dates import age_on
from canbo.core.errors import NotFound
from canbo.core.names import search_fold
from canbo.org.selectors import unit_get
from canbo.people.active import active_q_for_cadres, held_q
from canbo.people.models import Cadre, PlanningEntry, PositionHolding
from canbo.people.search import RELEVANCE, ranked_search

STATUS_HOLDING = "dang_cong_tac"
STATUS_PLANNED = "quy_hoach"


def planned_q(as_of: dt.date) -> Q:
    """Planning entries in force at D: approved on or before D, term covering D's year."""
    return Q(approved_on__lte=as_of, term_start__lte=as_of.year, term_end__gte=as_of.year)


def visible_cadres(actor, as_of: dt.date, *, whole_lists: bool = False) -> QuerySet[Cadre]:
    """The cadres `actor` sees at D: holding at D a position in a unit of the scope (SPEC §8's
    subtree rule), and for roles that follow BTV-managed cadres, those holding or planned at D
    for a BTV-managed position type within the user's own narrowing. One query, no Python loop.

    By default each condition is an EXISTS, probed per cadre through an index: the form for one
    cadre or a few. `whole_lists` writes the scope as one `id IN (… UNION ALL …)` instead, which
    the database joins as a set: the form for counting and paging the whole scope, where
    PostgreSQL probed the OR'd EXISTS per cadre for a COUNT (a second for btc at 50,000 cadres)."""
    if sees_everything(actor):
        return Cadre.objects.all()
    holdings = PositionHolding.objects.filter(in_force_q(as_of))
    reaching = [holdings.filter(unit_condition(actor, "unit__"))]
    if reaches_btv_managed(actor):
        where = btv_managed_unit_condition(actor, "unit__") or Q()
        planned = PlanningEntry.objects.filter(planned_q(as_of))
        reaching += [holdings.filter(where, position_type__btv_managed=True),
                     planned.filter(where, position_type__btv_managed=True)]
    if whole_lists:
        first, *others = [rows.order_by().values("cadre_id") for rows in reaching]
        return Cadre.objects.filter(pk__in=first.union(*others, all=True) if others else first)
    scope = Q()
    for rows in reaching:
        scope |= Exists(rows.filter(cadre=OuterRef("pk")))
    return Cadre.objects.filter(scope)


def cadre_get(*, actor, code: str, as_of: dt.date) -> Cadre:
    """The cadre with this code if `actor` may see them at `as_of`; NotFound otherwise."""
    cadre = (
        visible_cadres(actor, as_of)
        .select_related("hometown", "birthplace", "rank")
        .filter(code=code)
        .first()
    )
    if cadre is None:
        raise NotFound(_("Không có cán bộ mã “%(code)s” trong phạm vi của bạn.") % {"code": code})
    return cadre


@dataclass(frozen=True)
class CadreFilters:
    """Filters of the cadre list, named as in the query string (`?q=…&don_vi=…`)."""

    q: str = ""
    don_vi: str = ""      # unit code: positions held at D in its subtree
    khoi: str = ""        # bloc of the unit of a position held at D
    cap: str = ""         # level of the unit of a position held at D
    loai: str = ""        # category
    gioi_tinh: str = ""
    dan_toc: str = ""
    trang_thai: str = ""  # dang_cong_tac: holds a position at D; quy_hoach: planned at D

    @classmethod
    def from_query(cls, query) -> "CadreFilters":
        return cls(**{f.name: (query.get(f.name) or "").strip() for f in fields(cls)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def current_holdings(as_of: dt.date) -> Prefetch:
    """Prefetch of the positions each cadre holds at D (none once retired), as `current_holdings`."""
    queryset = (
        PositionHolding.objects.filter(held_q(as_of)).annotate(ended_on=end_known_at(as_of))
        .select_related("unit", "position_type")
        .order_by("-position_type__key_position", "valid_from")
    )
    return Prefetch("holdings", queryset=queryset, to_attr="current_holdings")


def cadre_search(*, actor, as_of: dt.date, filters: CadreFilters) -> QuerySet:
    """Cadres in scope matching `filters`, each with `current_holdings`. NotFound for a unit out of scope."""
    # A unit's subtree is read first and the scope probed per cadre found; otherwise the whole scope is read.
    cadres = visible_cadres(actor, as_of, whole_lists=not filters.don_vi)
    if filters.q:
        cadres = ranked_search(cadres, filters.q)
    for name, field in (("loai", "category"), ("gioi_tinh", "gender"), ("dan_toc", "ethnicity")):
        value = getattr(filters, name)
        if value:
            cadres = cadres.filter(**{field: value})
    unit_condition = Q()
    if filters.don_vi:
        unit_condition &= Q(unit__path__startswith=unit_get(actor=actor, code=filters.don_vi).path)
    if filters.khoi:
        unit_condition &= Q(unit__bloc=filters.khoi)
    if filters.cap:
        unit_condition &= Q(unit__level=filters.cap)
    if unit_condition or filters.trang_thai == STATUS_HOLDING:
        cadres = cadres.filter(active_q_for_cadres(as_of, unit_condition))
    if filters.trang_thai == STATUS_PLANNED:
        cadres = cadres.filter(Exists(PlanningEntry.objects.filter(planned_q(as_of), cadre=OuterRef("pk"))))
    return cadres.prefetch_related(current_holdings(as_of))


SUGGESTED = 10


def cadre_suggestions(*, actor, as_of: dt.date, typed: str) -> list[dict]:
    """The cadres holding a post at D in the actor's scope whose name or code matches what is typed
    (two letters or more), best first as the list's search ranks them, each with the post held."""
    if len(search_fold(typed).replace(" ", "")) < 2:
        return []
    filters = CadreFilters(q=typed, trang_thai=STATUS_HOLDING)
    found = cadre_search(actor=actor, as_of=as_of, filters=filters).order_by(*RELEVANCE)[:SUGGESTED]
    return [
        {"ma": cadre.code, "ho_ten": cadre.full_name,
         "cong_tac": "; ".join(f"{h.position_type.name}, {h.unit.name}" for h in cadre.current_holdings)}
        for cadre in found
    ]


def ethnicity_choices(actor, as_of: dt.date) -> list[str]:
    """The ethnicities in the actor's scope at D, kept until the data changes: reading them goes
    over the whole scope, the heaviest query of a list page for a province-wide role."""
    cadres = visible_cadres(actor, as_of, whole_lists=True).exclude(ethnicity="")
    values = cadres.values_list("ethnicity", flat=True).order_by().distinct()
    sql, params = values.query.sql_with_params()
    return remembered(("ethnicities", sql, params), lambda: sorted(values))


@dataclass
class CadreRecord:
    """A cadre's record as it stood at D: the histories begun by D, with no end, evaluation,
    qualification, plan or decision from after D (a view of the past never shows the future)."""

    cadre: object
    as_of: dt.date
    age: int
    retired: bool
    party_member: bool
    party_join_date: dt.date | None
    holdings: list
    qualifications: list
    planning: list
    disciplines: list
    evaluations: list
    movements: list
    party_official_date: dt.date | None
    residences: list
    awards: list
    salary_steps: list
    family: list


def cadre_record(*, actor, code: str, as_of: dt.date) -> CadreRecord:
    """The record of a cadre `actor` sees at D, as it stood at D."""
    cadre = cadre_get(actor=actor, code=code, as_of=as_of)
    holdings = list(
        cadre.holdings.filter(valid_from__lte=as_of).annotate(ended_on=end_known_at(as_of))
        .select_related("unit", "position_type").order_by("-valid_from")
    )
    retired = as_of > cadre.retirement_date
    for holding in holdings:
        # A retired person's last positions were held until retirement, not "being held".
        holding.held_at_date = holding.is_in_force(as_of) and not retired
        holding.held_until_retirement = retired and holding.is_in_force(cadre.retirement_date)
    planning = list(
        cadre.planning.filter(approved_on__lte=as_of).select_related("position_type", "unit")
        .order_by("-term_start", "-approved_on")
    )
    for entry in planning:
        entry.in_force = entry.term_start <= as_of.year <= entry.term_end
    joined, official = cadre.party_join_date, cadre.party_official_date
    return CadreRecord(
        cadre=cadre,
        as_of=as_of,
        age=age_on(cadre.birth_date, as_of),
        retired=retired,
        party_member=cadre.party_member and (joined is None or joined <= as_of),
        party_join_date=joined if joined is not None and joined <= as_of else None,
        holdings=holdings,
        qualifications=list(
            cadre.qualifications.filter(obtained_on__lte=as_of).order_by("kind", "-obtained_on")
        ),
        planning=planning,
        disciplines=list(cadre.disciplines.filter(decided_on__lte=as_of).order_by("-decided_on")),
        # SPEC §9: the evaluation of D's year counts at D (the latest evaluation is the greatest year ≤ D's).
        evaluations=list(cadre.evaluations.filter(year__lte=as_of.year).order_by("-year")),
        movements=list(
            cadre.movements.filter(valid_from__lte=as_of).annotate(ended_on=end_known_at(as_of))
            .select_related("from_unit", "to_unit", "new_position_type").order_by("-valid_from")
        ),
        party_official_date=official if official is not None and official <= as_of else None,
        **personal_history(cadre, as_of),
    )


def personal_history(cadre: Cadre, as_of: dt.date) -> dict:
    """What the personal history form (Mẫu 2C) adds to the record, as it stood at D: residences
    begun by D (`in_force` at D), awards decided by D, salary steps from D back (the first is the
    one at D), and the family members born by D's year."""
    residences = list(
        cadre.residences.filter(valid_from__lte=as_of).annotate(ended_on=end_known_at(as_of))
        .order_by("kind", "-valid_from")
    )
    for residence in residences:
        residence.in_force = residence.is_in_force(as_of)
    salary_steps = list(
        cadre.salary_steps.filter(valid_from__lte=as_of).select_related("rank").order_by("-valid_from")
    )
    for number, step in enumerate(salary_steps):
        step.in_force = number == 0
    return {
        "residences": residences,
        "awards": list(cadre.awards.filter(decided_on__lte=as_of).order_by("-decided_on")),
        "salary_steps": salary_steps,
        "family": list(
            cadre.family.filter(Q(birth_year__isnull=True) | Q(birth_year__lte=as_of.year)).order_by("id")
        ),
    }
