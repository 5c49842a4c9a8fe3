"""Export the province held in the database to the exchange workbook (SPEC §7)."""

from django.db.models import F

from canbo.core.levels import code_of
from canbo.exchange.writer import rows_to_xlsx
from canbo.org.models import CivilServiceRank, Locality, PositionType, Post, StandardVersion, Unit
from canbo.people import schema
from canbo.people.models import (
    Award,
    Cadre,
    Discipline,
    Evaluation,
    FamilyMember,
    Movement,
    PlanningEntry,
    PositionHolding,
    Qualification,
    Residence,
    SalaryStep,
)


def _codes(model) -> dict[int, str]:
    return dict(model.objects.values_list("id", "code"))


def _blank(value):
    return value if value not in ("", None) else None


def province_rows() -> dict:
    """Rows per sheet, in the order the records were loaded (by id)."""
    places, units, types, ranks, cadres = (
        _codes(Locality),
        _codes(Unit),
        _codes(PositionType),
        _codes(CivilServiceRank),
        _codes(Cadre),
    )

    def req(kind, rank):
        return code_of(kind, rank) or None

    def first_standards(holder: str, fields) -> dict[int, tuple]:
        """The first version of each type's or rank's standard: what the workbook's columns hold."""
        first = StandardVersion.objects.filter(**{f"{holder}__isnull": False}).order_by(
            holder, F("valid_from").asc(nulls_first=True)
        )
        found: dict[int, tuple] = {}
        for key, *values in first.values_list(holder, *fields):
            found.setdefault(key, tuple(values))
        return found

    type_standards = first_standards("position_type_id", schema.POSITION_STANDARD_FIELDS)
    rank_standards = first_standards("rank_id", schema.RANK_STANDARD_FIELDS)
    no_standard = (0, 0, 0, 0, 0, "")

    return {
        "dia_ban": (
            (c, n, lv, places.get(p))
            for c, n, lv, p in Locality.objects.order_by("id").values_list(
                "code", "name", "level", "parent_id"
            )
        ),
        "don_vi": (
            (c, n, lv, b, units.get(p), places[loc], start, end, units.get(successor))
            for c, n, lv, b, p, loc, start, end, successor in Unit.objects.order_by("id").values_list(
                "code",
                "name",
                "level",
                "bloc",
                "parent_id",
                "locality_id",
                "valid_from",
                "valid_to",
                "successor_id",
            )
        ),
        "chuc_danh": (
            (
                c,
                n,
                req("llct", a),
                req("chuyen_mon", b),
                req("qlnn", q),
                req("ngoai_ngu", nn),
                req("tin_hoc", th),
                btv,
                key,
                nonlocal_,
                deputy,
                _blank(src),
            )
            for pk, c, n, btv, key, nonlocal_, deputy in PositionType.objects.order_by("id").values_list(
                "id", "code", *schema.POSITION_TYPE_FIELDS
            )
            for a, b, q, nn, th, src in [type_standards.get(pk, no_standard)]
        ),
        "ngach": (
            (c, n, req("qlnn", q), req("ngoai_ngu", nn), req("tin_hoc", th))
            for pk, c, n in CivilServiceRank.objects.order_by("id").values_list(
                "id", "code", *schema.RANK_FIELDS
            )
            for q, nn, th in [rank_standards.get(pk, no_standard[2:5])]
        ),
        "can_bo": (
            (
                c, n, (b, bp), g, _blank(e), places.get(h), places.get(bpl), party, j, cat,
                ranks.get(r), hired, _blank(pid), _blank(other), _blank(religion), official,
            )
            for c, n, b, bp, g, e, h, bpl, party, j, cat, r, hired, pid, other, religion, official
            in Cadre.objects.order_by("id").values_list(*schema.CADRE_FIELDS)
        ),
        "cong_tac": (
            (cadres[c], units[u], types[t], f, e)
            for c, u, t, f, e in PositionHolding.objects.order_by("id").values_list(
                "cadre_id", "unit_id", "position_type_id", "valid_from", "valid_to"
            )
        ),
        "trinh_do": (
            (cadres[c], k, lv, d, _blank(m), _blank(g), _blank(mj), p, _blank(s))
            for c, k, lv, d, m, g, mj, p, s in Qualification.objects.order_by("id").values_list(
                "cadre_id",
                "kind",
                "level",
                "obtained_on",
                "mode",
                "grade",
                "major",
                "llct_overlap_periods",
                "issuer",
            )
        ),
        "quy_hoach": (
            (cadres[c], types[t], units.get(u), (a, b), d)
            for c, t, u, a, b, d in PlanningEntry.objects.order_by("id").values_list(
                "cadre_id", "position_type_id", "unit_id", "term_start", "term_end", "approved_on"
            )
        ),
        "ky_luat": (
            (cadres[c], f, d, e)
            for c, f, d, e in Discipline.objects.order_by("id").values_list(
                "cadre_id", "form", "decided_on", "effective_until"
            )
        ),
        "danh_gia": (
            (cadres[c], y, r, p)
            for c, y, r, p in Evaluation.objects.order_by("id").values_list(
                "cadre_id", "year", "rating", "prestige_decline"
            )
        ),
        "luan_chuyen": (
            (cadres[c], k, units[f], units[t], types.get(n), a, b, _blank(no))
            for c, k, f, t, n, a, b, no in Movement.objects.order_by("id").values_list(
                "cadre_id",
                "kind",
                "from_unit_id",
                "to_unit_id",
                "new_position_type_id",
                "valid_from",
                "valid_to",
                "decision_no",
            )
        ),
        "vi_tri": (
            (units[u], types[t], n, a, b)
            for u, t, n, a, b in Post.objects.order_by("id").values_list(
                "unit_id", "position_type_id", "seats", "valid_from", "valid_to"
            )
        ),
        **_personal_rows(cadres, ranks),
    }


def _personal_rows(cadres: dict[int, str], ranks: dict[int, str]) -> dict:
    """The sheets of the personal history form (Mẫu 2C) that follow the cadres."""
    return {
        "noi_o": (
            (cadres[c], k, a, f, e)
            for c, k, a, f, e in Residence.objects.order_by("id").values_list(
                "cadre_id", "kind", "address", "valid_from", "valid_to"
            )
        ),
        "khen_thuong": (
            (cadres[c], form, _blank(by), _blank(no), d, _blank(why))
            for c, form, by, no, d, why in Award.objects.order_by("id").values_list(
                "cadre_id", "form", "decided_by", "decision_no", "decided_on", "reason"
            )
        ),
        "luong": (
            (cadres[c], ranks[r], step, coef, f)
            for c, r, step, coef, f in SalaryStep.objects.order_by("id").values_list(
                "cadre_id", "rank_id", "step", "coefficient", "valid_from"
            )
        ),
        "gia_dinh": (
            (cadres[c], rel, name, year, _blank(job), _blank(home))
            for c, rel, name, year, job, home in FamilyMember.objects.order_by("id").values_list(
                "cadre_id", "relation", "full_name", "birth_year", "occupation", "residence"
            )
        ),
    }


def workbook_export(*, path) -> dict[str, int]:
    """Write the whole province to `path`; returns rows per sheet."""
    return rows_to_xlsx(path, province_rows())
