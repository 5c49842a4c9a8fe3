"""Why a proposal run chose each pair and left each seat empty, in words for the page (SPEC §13).

A chosen pair is explained by the terms of its fit that hold (`Fit.parts`, the same conditions the
database summed) and by what the cadre still lacks for the post: the standards warnings of SPEC §11
that hold, in the words of the check (`canbo.rules.proposal_rules`). A seat left empty had either
no allowed candidate, or candidates that the optimum seated elsewhere for a greater total, or whose
sending unit had already sent as many as the cap allows.
"""

import datetime as dt
from collections import Counter

import numpy as np
from django.utils.translation import gettext as _

from canbo.core.levels import label_of
from canbo.optimize.fit import STANDARD_KINDS, PairTable, Weights, fit_of_pairs
from canbo.optimize.seats import Post
from canbo.optimize.solve import Assignment
from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre
from canbo.rules.proposal_rules import WARNINGS
from canbo.rules.proposals import proposal_context, rotation_pairs

STANDARDS = {check.code: check for check in WARNINGS if check.code.startswith("tieu_chuan_")}


def lacks(row: dict, ctx: dict) -> list[str]:
    """What the cadre of a pair lacks for the post: each standard of SPEC §11 they do not meet."""
    presenter = {"level": lambda kind, prefix: label_of(kind, row[f"{prefix}{kind}"])}
    found = []
    for kind in STANDARD_KINDS:
        check = STANDARDS[f"tieu_chuan_{kind}"]
        if check.condition.holds(row, ctx):
            found += [
                str(clause.text(presenter)) for clause in check.clauses if clause.condition.holds(row, ctx)
            ]
    return found


def chosen_pairs(
    as_of: dt.date, weights: Weights, seats: dict[tuple[int, int], Post], result: Assignment
) -> list[dict]:
    """The chosen pairs by unit, type and cadre code, each with the terms of its fit and the cadre's lacks."""
    if not result.chosen:
        return []
    ctx = proposal_context(as_of)
    fit = fit_of_pairs(as_of, weights)
    posts = sorted({(p.unit_id, p.type_id) for p in result.chosen})
    cadre_ids = sorted({p.cadre_id for p in result.chosen})
    rows = {
        (r["id"], r["target_unit_id"], r["target_type_id"]): r
        for r in rotation_pairs(as_of, posts=posts, cadres=cadre_ids)
    }
    names = dict(Cadre.objects.filter(id__in=cadre_ids).values_list("id", "full_name"))
    unit_ids = {p.unit_id for p in result.chosen} | {p.from_unit_id for p in result.chosen}
    units = dict(Unit.objects.filter(id__in=unit_ids).values_list("id", "name"))
    types = dict(PositionType.objects.filter(id__in={t for _u, t in posts}).values_list("id", "name"))
    found = []
    for pair in result.chosen:
        row = rows[(pair.cadre_id, pair.unit_id, pair.type_id)]
        post = seats[(pair.unit_id, pair.type_id)]
        found.append(
            {
                "ma_can_bo": pair.cadre_code,
                "ho_ten": names[pair.cadre_id],
                "tu_don_vi": units.get(pair.from_unit_id, ""),
                "ma_don_vi": post.unit_code,
                "don_vi": units[pair.unit_id],
                "ma_chuc_danh": post.type_code,
                "chuc_danh": types[pair.type_id],
                "diem": pair.fit,
                "vi_sao": [[label, points] for label, points in fit.parts(row, ctx)],
                "con_thieu": lacks(row, ctx),
            }
        )
    found.sort(key=lambda r: (r["ma_don_vi"], r["ma_chuc_danh"], r["ma_can_bo"]))
    return found


def empty_seats(
    seats: dict[tuple[int, int], Post], pairs: PairTable, result: Assignment, per_unit: int
) -> list[dict]:
    """The posts with seats left empty, by unit and type code, each with why."""
    filled = Counter((p.unit_id, p.type_id) for p in result.chosen)
    seated = {p.cadre_id for p in result.chosen}
    sent = Counter(p.from_unit_id for p in result.chosen)
    units = dict(Unit.objects.filter(id__in={u for u, _t in seats}).values_list("id", "name"))
    types = dict(PositionType.objects.filter(id__in={t for _u, t in seats}).values_list("id", "name"))
    found = []
    for (unit_id, type_id), post in seats.items():
        empty = post.count - filled[(unit_id, type_id)]
        if empty <= 0:
            continue
        mask = (pairs.unit == unit_id) & (pairs.kind == type_id)
        candidates = [int(c) for c in np.unique(pairs.cadre[mask])]
        found.append(
            {
                "ma_don_vi": post.unit_code,
                "don_vi": units.get(unit_id, post.unit_code),
                "ma_chuc_danh": post.type_code,
                "chuc_danh": types.get(type_id, post.type_code),
                "so_cho_trong": empty,
                "so_ung_vien": len(candidates),
                "ly_do": _why_empty(candidates, pairs, seated, sent, per_unit),
            }
        )
    found.sort(key=lambda r: (r["ma_don_vi"], r["ma_chuc_danh"]))
    return found


def _why_empty(candidates: list[int], pairs: PairTable, seated: set, sent: Counter, per_unit: int) -> str:
    if not candidates:
        return str(
            _(
                "Không có cán bộ nào của nguồn luân chuyển được phép vào vị trí này: mọi cặp đều vi phạm "
                "quy tắc kiểm tra đề xuất, hoặc cán bộ đang công tác tại chính đơn vị này."
            )
        )
    elsewhere = sum(1 for c in candidates if c in seated)
    capped = sum(1 for c in candidates if c not in seated and sent[pairs.from_unit[c]] >= per_unit)
    rest = len(candidates) - elsewhere - capped
    parts = [
        str(_("%(n)s ứng viên được phép")) % {"n": len(candidates)},
        str(_("%(n)s người đã được xếp vào vị trí khác cho tổng điểm cao hơn")) % {"n": elsewhere},
    ]
    if capped:
        parts.append(
            str(_("%(n)s người thuộc đơn vị đã cử đủ %(cap)s người")) % {"n": capped, "cap": per_unit}
        )
    if rest:
        parts.append(str(_("%(n)s người có điểm phù hợp 0, không làm tăng tổng điểm")) % {"n": rest})
    return "; ".join(parts) + "."
