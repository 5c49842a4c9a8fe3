"""The staff quality report (báo cáo số lượng, chất lượng cán bộ, công chức, in the style of the
Bộ Nội vụ's BM01/BM02) as of D for the actor's scope or a subtree: for each indicator (head count,
Party members, women, ethnic minorities, each civil-service rank, each level of the five kinds of
qualification, each age band), how many cadres of each category have it.

The cadres are those active at D in the population of the review (`population`), and their levels
are the facts' `lv_<kind>` (highest level obtained by D), so this report and the review count the
same people with the same definitions. Every cell names its people: `cadres_of(indicator, column)`.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.core.dates import age_on
from canbo.core.levels import LEVELS, REQUIRED_KINDS, Kind
from canbo.org.models import CivilServiceRank, Unit
from canbo.people.models import Cadre, Category
from canbo.reports.selectors import population
from canbo.rules import engine

TOTAL = "tong"
# Column headers count people: "Cadres", "Civil servants" (the categories' own labels are singular).
COUNTED = {
    Category.CAN_BO: pgettext_lazy("số nhiều", "Cán bộ"),
    Category.CONG_CHUC: pgettext_lazy("số nhiều", "Công chức"),
    Category.VIEN_CHUC: pgettext_lazy("số nhiều", "Viên chức"),
    Category.KHONG_CHUYEN_TRACH: pgettext_lazy("số nhiều", "Không chuyên trách"),
}
COLUMNS = [(TOTAL, _("Tổng số"))] + [(str(value), COUNTED[value]) for value in Category]
DEFAULT_AGE_LIMITS = (30, 40, 50, 60)


@dataclass(frozen=True)
class Indicator:
    key: str  # ASCII, the `chi_tieu` of the page's links
    group: str
    label: str


@dataclass
class Quality:
    indicators: list[Indicator]
    counts: dict[str, dict[str, int]]  # indicator -> column -> count
    members: dict[int, set[str]]  # cadre id -> indicators it counts in, by code
    category_of: dict[int, str]  # cadre id -> category


def _level_groups() -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(kind, group label, [(rank, label), highest first]) with codes of one rank sharing a line."""
    groups = []
    for kind in REQUIRED_KINDS:
        labels: dict[int, list[str]] = {}
        for _code, rank, label in LEVELS[kind]:
            labels.setdefault(rank, []).append(str(label))
        ranks = [(rank, ", ".join(names)) for rank, names in sorted(labels.items(), reverse=True)]
        groups.append((str(kind), Kind(kind).label, [*ranks, (0, str(_("Chưa có")))]))
    return groups


def age_bands(limits: tuple[int, ...]) -> list[tuple[str, str, int, int | None]]:
    """(key, label, lowest age, highest age or None) for ages up to the first limit, between
    limits, and above the last."""
    bands, low = [], None
    for limit in limits:
        if low is None:
            bands.append((f"tuoi_den_{limit}", _("Đến %(n)s tuổi") % {"n": limit}, 0, limit))
        else:
            bands.append(
                (f"tuoi_{low}_{limit}", _("Từ %(a)s đến %(b)s tuổi") % {"a": low, "b": limit}, low, limit)
            )
        low = limit + 1
    bands.append((f"tuoi_tren_{limits[-1]}", _("Trên %(n)s tuổi") % {"n": limits[-1]}, low, None))
    return bands


def _indicators(ranks: list[CivilServiceRank], bands) -> list[Indicator]:
    general = _("Chung")
    found = [
        Indicator("tong_so", general, _("Tổng số")),
        Indicator("dang_vien", general, _("Đảng viên")),
        Indicator("nu", general, _("Nữ")),
        Indicator("dan_toc_thieu_so", general, _("Dân tộc thiểu số")),
    ]
    ranks_group = pgettext_lazy("số nhiều", "Ngạch")
    found += [Indicator(f"ngach_{r.code}", ranks_group, f"{r.name} ({r.code})") for r in ranks]
    found.append(Indicator("ngach_khong", ranks_group, _("Chưa xếp ngạch")))
    for kind, group, levels in _level_groups():
        found += [Indicator(f"{kind}_{rank}", group, label) for rank, label in levels]
    found += [Indicator(key, _("Độ tuổi"), label) for key, label, _low, _high in bands]
    return found


def _party_at(as_of: dt.date, member: bool, joined: dt.date | None) -> bool:
    return member and (joined is None or joined <= as_of)


def staff_quality(
    *, actor, as_of: dt.date, unit: Unit | None = None, age_limits: tuple[int, ...] = DEFAULT_AGE_LIMITS
) -> Quality:
    restrict: QuerySet | None = population(actor=actor, as_of=as_of, unit=unit)
    columns = {"woman", "minority", "birth_date", *(f"lv_{kind}" for kind in REQUIRED_KINDS)}
    facts = engine.active_facts(engine.context_for(as_of), columns, restrict)
    people = restrict if restrict is not None else Cadre.objects.all()
    extra = {
        pk: rest
        for pk, *rest in people.values_list("id", "category", "party_member", "party_join_date", "rank__code")
    }
    bands = age_bands(age_limits)
    members, category_of = {}, {}
    for row in facts:
        category, member, joined, rank = extra[row["id"]]
        keys = {"tong_so", f"ngach_{rank}" if rank else "ngach_khong"}
        keys |= {f"{kind}_{row[f'lv_{kind}']}" for kind in REQUIRED_KINDS}
        if _party_at(as_of, member, joined):
            keys.add("dang_vien")
        if row["woman"]:
            keys.add("nu")
        if row["minority"]:
            keys.add("dan_toc_thieu_so")
        age = age_on(row["birth_date"], as_of)
        keys |= {key for key, _l, low, high in bands if age >= low and (high is None or age <= high)}
        members[row["id"]], category_of[row["id"]] = keys, category
    ranks = list(CivilServiceRank.objects.filter(code__in={r for _c, _m, _j, r in extra.values() if r}))
    indicators = _indicators(sorted(ranks, key=lambda r: r.code), bands)
    counts = {i.key: dict.fromkeys([key for key, _label in COLUMNS], 0) for i in indicators}
    for pk, keys in members.items():
        for key in keys:
            counts[key][TOTAL] += 1
            counts[key][category_of[pk]] += 1
    return Quality(indicators, counts, members, category_of)


def cadres_of(quality: Quality, indicator: str, column: str) -> list[int]:
    """The ids of the cadres counted in one cell, in the order of their codes."""
    return [
        pk
        for pk, keys in quality.members.items()
        if indicator in keys and (column == TOTAL or quality.category_of[pk] == column)
    ]
