"""What users read from the rules: scoped to what the actor may see, limited to a subtree if asked.

The command line reads as `canbo.accounts.system.system_actor()`, which sees the whole database
(SPEC §8–§9).
"""

import datetime as dt
from collections.abc import Callable

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.utils.translation import gettext as _

from canbo.accounts.scope import sees_everything
from canbo.core.dated import in_force_q
from canbo.core.errors import NotFound
from canbo.org.models import Unit
from canbo.people import reach, reach_groups
from canbo.people.models import Cadre, PositionHolding
from canbo.people.selectors import visible_cadres
from canbo.rules import engine, explain
from canbo.rules.nonlocal_rule import violations
from canbo.rules.verdicts import EXCLUSIONS, PROGRAMMES, PROGRAMMES_BY_KEY, REVIEW, REVIEW_BY_KEY, SPLIT


def population(
    *, actor, as_of: dt.date, unit: Unit | None = None, outside: list[Unit] | None = None
) -> QuerySet | None:
    """The cadres a figure counts: the actor's scope, and those holding at D a position in the
    subtree of `unit` (SPEC §8). None means every cadre. `outside`: only those holding no position
    at D in the subtree of any of these units (the last bar of a chart, `canbo.reports.chart`)."""
    restrict = None if sees_everything(actor) else visible_cadres(actor, as_of)
    if unit is not None:
        in_subtree = PositionHolding.objects.filter(
            in_force_q(as_of), cadre=OuterRef("pk"), unit__path__startswith=unit.path
        )
        restrict = (restrict if restrict is not None else Cadre.objects.all()).filter(Exists(in_subtree))
    if outside is not None:
        charted = _subtree_ids(outside)
        under_chart = PositionHolding.objects.filter(
            in_force_q(as_of), cadre=OuterRef("pk"), unit_id__in=charted
        )
        restrict = (restrict if restrict is not None else Cadre.objects.all()).exclude(Exists(under_chart))
    return restrict


def _subtree_ids(units: list[Unit]) -> list[int]:
    paths = tuple(unit.path for unit in units)
    if not paths:
        return []
    return [unit_id for unit_id, path in Unit.objects.values_list("id", "path") if path.startswith(paths)]


def review(*, actor, as_of: dt.date, unit: Unit | None = None, only_kept: bool = False) -> dict | None:
    """The six figures over the actor's scope (and a subtree). They are summed from the counts of
    the whole workforce grouped by the units that decide scopes (`canbo.people.reach`), counted once
    per date and data version for every user and moved by later writes; a unit's subtree, or a
    scope that costs less on its own, is counted on its own while those are not kept. `only_kept`:
    None rather than counting."""
    ctx = engine.context_for(as_of)
    own = unit is not None or not reach.shares_population(actor)
    rows = engine.review_sums_by_reach(ctx, only_kept=only_kept or own)
    if rows is not None:
        held_under = None if unit is None else subtree_ids(unit)
        sums = reach_groups.sum_within(reach.reach_of(actor), rows, engine.REVIEW_WIDTH, held_under)
        return engine.review_result(sums)
    return engine.review_counts(ctx, population(actor=actor, as_of=as_of, unit=unit), only_kept=only_kept)


def review_at_both(*, actor, first: dt.date, second: dt.date, unit: Unit | None = None) -> list[int] | None:
    """How many people are behind each of the six figures (in their order) at both dates, within the
    actor's scope (and the subtree of `unit`) at each: summed from the whole workforce's counts
    grouped by the units that decide scopes at both dates, kept by the warming and moved by each
    write (`canbo.dashboard.warm`). None where they are not kept (other dates, or before a warming
    after a write that may change everyone): counting them costs more than the people behind each
    figure within one scope."""
    first_ctx, second_ctx = engine.context_for(first), engine.context_for(second)
    rows = engine.review_pair_sums_by_reach(first_ctx, second_ctx, only_kept=True)
    if rows is None:
        return None
    held_under = None if unit is None else subtree_ids(unit)
    return reach_groups.sum_within(reach.reach_of(actor), rows, len(REVIEW), held_under, dates=2)


def subtree_ids(unit: Unit) -> frozenset[int]:
    """The ids of the unit and every unit under it, whatever their dates."""
    return frozenset(Unit.objects.filter(path__startswith=unit.path).values_list("id", flat=True))


def verdict_for_key(key: str):
    """A review key, a split key (`thieu_trung_cap_chuyen_mon.bo_nhiem`) or a programme code."""
    if key in REVIEW_BY_KEY:
        return REVIEW_BY_KEY[key]
    if key.startswith("thieu_trung_cap_chuyen_mon.") and key.split(".", 1)[1] in SPLIT:
        return SPLIT[key.split(".", 1)[1]]
    if key in PROGRAMMES_BY_KEY:
        return PROGRAMMES_BY_KEY[key]
    raise NotFound(_("Không có chỉ số “%(key)s”.") % {"key": key})


def people_behind(
    *,
    actor,
    as_of: dt.date,
    key: str,
    unit: Unit | None = None,
    outside: list[Unit] | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: Callable[[list[int]], list[int]] | None = None,
) -> tuple[int, list[dict]]:
    """The people behind a figure (or a bar of its chart), with the reason per person; (total, page).
    `order` rearranges the ordered ids (by code) before the page is cut."""
    verdict = verdict_for_key(key)
    ctx = engine.context_for(as_of)
    restrict = population(actor=actor, as_of=as_of, unit=unit, outside=outside)
    if limit is None:
        rows = engine.matching(ctx, verdict.condition, restrict)
        total = len(rows)
    else:
        # The ordered ids are kept until the data changes; a page reads the facts of its people only.
        ids = engine.matching_ids(ctx, verdict.condition, restrict)
        if order is not None:
            ids = order(ids)
        total, page = len(ids), ids[offset : offset + limit]
        found = engine.facts_of(ctx, page)
        rows = [found[cadre_id] for cadre_id in page]
    sources = explain.requirement_sources([r["id"] for r in rows], as_of)
    rules = ctx["rules"]
    for row in rows:
        explained = explain.explain_verdict(verdict, row, ctx, sources[row["id"]], rules)
        row["reason"] = explain.reason_line(explained)
    return total, rows


def cadre_verdicts(*, cadre: Cadre, as_of: dt.date) -> dict:
    """What the person owes and the programmes they are eligible for at D, explained (the caller
    has checked that the user may see this cadre)."""
    ctx = engine.context_for(as_of)
    row = engine.facts_of(ctx, [cadre.id])[cadre.id]
    sources = explain.requirement_sources([cadre.id], as_of)[cadre.id]
    result = explain.person_verdicts(row, ctx, sources, ctx["rules"])
    result["cadre"] = cadre
    result["as_of"] = as_of
    result["non_local"] = list(violations(as_of, PositionHolding.objects.filter(cadre=cadre), ctx["rules"]))
    return result


def eligibility(*, cadre: Cadre, as_of: dt.date) -> dict:
    """SPEC §9 `canbo eligibility` for one cadre."""
    ctx = engine.context_for(as_of)
    row = engine.facts_of(ctx, [cadre.id])[cadre.id]
    programmes = []
    if row["active"]:
        programmes = [explain.programme_entry(v, row, ctx) for v in PROGRAMMES if v.condition.holds(row, ctx)]
    return {"ma": cadre.code, "chuong_trinh": programmes}


def eligible_lists(*, actor, as_of: dt.date, programme: str, unit: Unit | None = None) -> list[dict]:
    """The eligible cadres of a programme, ranked by the T3 priority groups: planned for a
    BTV-managed position first, then by how many groups they belong to, then by code."""
    ctx = engine.context_for(as_of)
    rows = engine.eligibility_table(ctx, population(actor=actor, as_of=as_of, unit=unit), programme=programme)
    verdict = PROGRAMMES_BY_KEY[programme]
    for row in rows:
        row["priorities"] = [code for code in _priority_codes() if row[f"u_{code}"]]
        row["mode"] = ("tap_trung" if row["full_time"] else "tai_chuc") if verdict.extra.get("llct") else None
    rows.sort(key=lambda r: (-r["u_quy_hoach_btv"], -len(r["priorities"]), r["code"]))
    return rows


def _priority_codes() -> list[str]:
    from canbo.rules.verdicts import PRIORITIES

    return [code for code, _cond, _label in PRIORITIES]


def rotation_pool(*, actor, as_of: dt.date, unit: Unit | None = None) -> dict:
    ctx = engine.context_for(as_of)
    rows = engine.rotation_table(ctx, population(actor=actor, as_of=as_of, unit=unit))
    eligible, excluded = [], []
    for row in rows:
        reasons = [code for code, _cond, _label in EXCLUSIONS if row[f"x_{code}"]]
        (excluded if reasons else eligible).append((row, reasons))
    return {
        "du_dieu_kien": sorted(row["code"] for row, _r in eligible),
        "loai_tru": [
            {"ma": row["code"], "ly_do": reasons} for row, reasons in sorted(excluded, key=_by_code)
        ],
        "rows": rows,
    }


def non_local(*, actor, as_of: dt.date) -> list:
    holdings = None
    if not sees_everything(actor):
        holdings = PositionHolding.objects.filter(cadre__in=visible_cadres(actor, as_of))
    return sorted(violations(as_of, holdings), key=lambda h: (h.cadre.code, h.unit.code, h.id))


def non_local_count(*, actor, as_of: dt.date) -> int:
    """How many of `non_local`'s violations the actor sees: those of the whole workforce, kept until
    the data changes, grouped by the units that decide scopes (`canbo.people.reach`), summed over
    the actor's; a unit's subtree counts its own while those are not kept."""
    found = violations(as_of)
    if found.query.is_empty():  # the rule set in force has no non-local rule
        return 0
    held = reach.among(found.order_by().values("cadre_id", one=Value(1)), "cadre_id")
    rows = reach.grouped_sums(
        held, ["one"], as_of, cadre="cadre_id", only_kept=not reach.shares_population(actor)
    )
    if rows is None:
        return found.filter(cadre__in=visible_cadres(actor, as_of)).count()
    return reach_groups.sum_within(reach.reach_of(actor), rows, 1)[0]


def _by_code(item) -> str:
    return item[0]["code"]


def non_local_json(items: list) -> dict:
    return {
        "vi_pham": [
            {"ma_can_bo": h.cadre.code, "ma_don_vi": h.unit.code, "ma_chuc_danh": h.position_type.code}
            for h in items
        ]
    }


def ids_behind_each(*, actor, as_of: dt.date, unit: Unit | None = None) -> dict[str, list[int]]:
    """The ids of the people behind each of the six figures at D, by code (kept until the data
    changes)."""
    return engine.review_ids(engine.context_for(as_of), population(actor=actor, as_of=as_of, unit=unit))
