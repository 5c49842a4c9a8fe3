"""Write a validated workbook in bulk: rows prepared as tuples, then `executemany` (SQLite) or
`COPY` (PostgreSQL) inside the caller's transaction. Derived fields come from the same helpers the
services use (`cadre_derived_fields`, `qualification_rank`); tree paths from `rebuild_paths`.
"""

from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone

from canbo.core.bulk import insert as _insert
from canbo.exchange.bulk import column_of as _column
from canbo.exchange.bulk import iso as _iso
from canbo.exchange.bulk import next_id as _next_id
from canbo.exchange.load_personal import load_personal
from canbo.exchange.reader import ParsedWorkbook
from canbo.org.models import CivilServiceRank, Locality, PositionType, Post, StandardVersion, Unit
from canbo.org.tree import rebuild_paths
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
from canbo.people.services import cadre_derived_fields, qualification_rank

# Deleted children first by --replace; loaded in the reverse order.
PROVINCE_MODELS = (
    FamilyMember,
    SalaryStep,
    Award,
    Residence,
    Post,
    Movement,
    Evaluation,
    Discipline,
    PlanningEntry,
    Qualification,
    PositionHolding,
    Cadre,
    Unit,
    StandardVersion,
    PositionType,
    CivilServiceRank,
    Locality,
)


def workbook_write(book: ParsedWorkbook, progress=None) -> dict[str, int]:
    """Insert every sheet; returns the row count per sheet. The database must have no clashing codes."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # A page cache large enough for the indexes being filled (default ~2 MB); this connection only.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
    ids: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}

    def step(name: str, count: int):
        counts[name] = count
        if progress:
            progress("write", name, count)

    ids["dia_ban"] = _load_coded(
        book,
        "dia_ban",
        Locality,
        lambda r, i, ref: (r[i("ten")], r[i("cap")], None, ""),
        ["name", "level", "parent_id", "path"],
    )
    _set_parents(book, "dia_ban", Locality, ids["dia_ban"])
    step("dia_ban", len(ids["dia_ban"]))

    ids["don_vi"] = _load_coded(
        book,
        "don_vi",
        Unit,
        lambda r, i, ref: (
            r[i("ten")],
            r[i("cap")],
            r[i("khoi")],
            None,
            ids["dia_ban"][r[i("dia_ban")]],
            _iso(r[i("tu_ngay")]),
            _iso(r[i("den_ngay")]),
            "",
        ),
        ["name", "level", "bloc", "parent_id", "locality_id", "valid_from", "valid_to", "path"],
    )
    _set_parents(book, "don_vi", Unit, ids["don_vi"])
    _set_parents(book, "don_vi", Unit, ids["don_vi"], column="ma_don_vi_ke_thua", field="successor_id")
    step("don_vi", len(ids["don_vi"]))

    def requirements(r, i, keys):
        return tuple(qualification_rank(kind, r[i(key)]) if r[i(key)] else 0 for key, kind in keys)

    pt_keys = [
        ("llct", "llct"),
        ("chuyen_mon", "chuyen_mon"),
        ("qlnn", "qlnn"),
        ("ngoai_ngu", "ngoai_ngu"),
        ("tin_hoc", "tin_hoc"),
    ]
    ids["chuc_danh"] = _load_coded(
        book,
        "chuc_danh",
        PositionType,
        lambda r, i, ref: (
            r[i("ten")],
            bool(r[i("dien_btv")]),
            bool(r[i("chu_chot")]),
            bool(r[i("khong_nguoi_dia_phuong")]),
            bool(r[i("tu_pho_phong")]),
        ),
        list(schema.POSITION_TYPE_FIELDS),
    )
    _first_standards(
        book,
        "chuc_danh",
        ids["chuc_danh"],
        "position_type_id",
        lambda r, i: (*requirements(r, i, pt_keys), r[i("can_cu")] or ""),
        schema.POSITION_STANDARD_FIELDS,
    )
    step("chuc_danh", len(ids["chuc_danh"]))

    ids["ngach"] = _load_coded(
        book, "ngach", CivilServiceRank, lambda r, i, ref: (r[i("ten")],), list(schema.RANK_FIELDS)
    )
    _first_standards(
        book,
        "ngach",
        ids["ngach"],
        "rank_id",
        lambda r, i: requirements(r, i, pt_keys[2:]),
        schema.RANK_STANDARD_FIELDS,
    )
    step("ngach", len(ids["ngach"]))

    ids["can_bo"] = _load_cadres(book, ids)
    step("can_bo", len(ids["can_bo"]))

    for name, count in _load_histories(book, ids):
        step(name, count)
    for name, count in load_personal(book, ids):
        step(name, count)

    rebuild_paths(Locality)
    rebuild_paths(Unit)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(PROVINCE_MODELS)):
                cursor.execute(sql)
            # The planner's row counts for the tables just filled: without them, the queries that follow
            # in the same transaction (the demo's history, the first pages) are planned for empty tables
            # and can take minutes instead of milliseconds. ANALYZE sees this transaction's own rows.
            for model in PROVINCE_MODELS:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return counts


def _load_coded(book, sheet: str, model, build, fields: list[str]) -> dict[str, int]:
    rows, index = _column(book, sheet)
    first = _next_id(model)
    code_at = index("ma")
    ids = {row[code_at]: first + n for n, row in enumerate(rows)}
    prepared = [(ids[row[code_at]], row[code_at], *build(row, index, ids)) for row in rows]
    _insert(model, ["id", "code", *fields], prepared)
    return ids


def _first_standards(book, sheet: str, ids: dict[str, int], holder: str, build, fields) -> None:
    """Each row's standard as the first version of its type or rank, in force since always."""
    rows, index = _column(book, sheet)
    code_at, now = index("ma"), connection.ops.adapt_datetimefield_value(timezone.now())
    unset = [name for name in schema.POSITION_STANDARD_FIELDS if name not in fields]  # a rank's LLCT, …
    prepared = [(ids[row[code_at]], *build(row, index), *[0] * len(unset), "", "", now) for row in rows]
    _insert(StandardVersion, [holder, *fields, *unset, "reason", "decision", "created_at"], prepared)


def _set_parents(
    book, sheet: str, model, ids: dict[str, int], column: str = "ma_cha", field: str = "parent_id"
) -> None:
    """Set the self-reference `field` from the code in `column`, once every row exists."""
    rows, index = _column(book, sheet)
    code_at, parent_at = index("ma"), index(column)
    pairs = [(ids[row[parent_at]], ids[row[code_at]]) for row in rows if row[parent_at] is not None]
    if not pairs:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {field} = %s WHERE id = %s", pairs)  # noqa: S608


def _load_cadres(book, ids) -> dict[str, int]:
    rows, i = _column(book, "can_bo")
    first = _next_id(Cadre)
    places, ranks = ids["dia_ban"], ids["ngach"]
    code_at, name_at, birth_at, gender_at = i("ma"), i("ho_ten"), i("ngay_sinh"), i("gioi_tinh")
    hometown_at, birthplace_at, rank_at = i("que_quan"), i("noi_sinh"), i("ngach")
    id_at, other_at, religion_at, official_at = i("so_dinh_danh"), i("ten_goi_khac"), i("ton_giao"), i(
        "ngay_chinh_thuc"
    )
    party_at, joined_at, category_at, ethnic_at, hired_at = (
        i("dang_vien"),
        i("ngay_vao_dang"),
        i("loai"),
        i("dan_toc"),
        i("ngay_tuyen_dung"),
    )
    cadre_ids: dict[str, int] = {}
    prepared = []
    for n, row in enumerate(rows):
        code, full_name, gender = row[code_at], row[name_at], row[gender_at]
        birth, precision = row[birth_at]
        derived = cadre_derived_fields(code=code, full_name=full_name, gender=gender, birth_date=birth)
        cadre_ids[code] = first + n
        prepared.append(
            (
                first + n,
                code,
                full_name,
                birth.isoformat(),
                precision,
                gender,
                row[ethnic_at] or "",
                places.get(row[hometown_at]),
                places.get(row[birthplace_at]),
                bool(row[party_at]),
                _iso(row[joined_at]),
                row[category_at],
                ranks.get(row[rank_at]),
                _iso(row[hired_at]),
                row[id_at] or "",
                row[other_at] or "",
                row[religion_at] or "",
                _iso(row[official_at]),
                derived["search_text"],
                derived["sort_key"],
                derived["retirement_date"].isoformat(),
            )
        )
    _insert(
        Cadre,
        ["id", *schema.CADRE_FIELDS, "search_text", "sort_key", "retirement_date"],
        prepared,
    )
    return cadre_ids


def _load_histories(book, ids):
    cadres, units, types = ids["can_bo"], ids["don_vi"], ids["chuc_danh"]

    rows, i = _column(book, "cong_tac")
    c, u, t, f, e = i("ma_can_bo"), i("ma_don_vi"), i("ma_chuc_danh"), i("tu_ngay"), i("den_ngay")
    _insert(
        PositionHolding,
        ["cadre_id", "unit_id", "position_type_id", "valid_from", "valid_to"],
        [(cadres[r[c]], units[r[u]], types[r[t]], r[f].isoformat(), _iso(r[e])) for r in rows],
    )
    yield "cong_tac", len(rows)

    rows, i = _column(book, "trinh_do")
    levels = {(r[i("loai")], r[i("bac")]) for r in rows}
    ranks = {(kind, level): qualification_rank(kind, level) for kind, level in levels}
    c, k, lv, d = i("ma_can_bo"), i("loai"), i("bac"), i("ngay_cap")
    m, g, mj, p, s = i("he"), i("xep_loai"), i("chuyen_nganh"), i("so_tiet_trung_llct"), i("noi_cap")
    _insert(
        Qualification,
        [
            "cadre_id",
            "kind",
            "level",
            "rank",
            "obtained_on",
            "mode",
            "grade",
            "major",
            "llct_overlap_periods",
            "issuer",
        ],
        [
            (
                cadres[r[c]],
                r[k],
                r[lv],
                ranks[r[k], r[lv]],
                r[d].isoformat(),
                r[m] or "",
                r[g] or "",
                r[mj] or "",
                r[p],
                r[s] or "",
            )
            for r in rows
        ],
    )
    yield "trinh_do", len(rows)

    rows, i = _column(book, "quy_hoach")
    c, t, u, term, d = i("ma_can_bo"), i("ma_chuc_danh"), i("ma_don_vi"), i("nhiem_ky"), i("ngay_phe_duyet")
    _insert(
        PlanningEntry,
        ["cadre_id", "position_type_id", "unit_id", "term_start", "term_end", "approved_on"],
        [
            (cadres[r[c]], types[r[t]], units.get(r[u]), r[term][0], r[term][1], r[d].isoformat())
            for r in rows
        ],
    )
    yield "quy_hoach", len(rows)

    rows, i = _column(book, "ky_luat")
    c, form, d, e = i("ma_can_bo"), i("hinh_thuc"), i("ngay_quyet_dinh"), i("hieu_luc_den")
    _insert(
        Discipline,
        ["cadre_id", "form", "decided_on", "effective_until"],
        [(cadres[r[c]], r[form], r[d].isoformat(), _iso(r[e])) for r in rows],
    )
    yield "ky_luat", len(rows)

    rows, i = _column(book, "danh_gia")
    c, y, rating, drop = i("ma_can_bo"), i("nam"), i("xep_loai"), i("uy_tin_giam")
    _insert(
        Evaluation,
        ["cadre_id", "year", "rating", "prestige_decline"],
        [(cadres[r[c]], r[y], r[rating], bool(r[drop])) for r in rows],
    )
    yield "danh_gia", len(rows)

    rows, i = _column(book, "luan_chuyen")
    c, k, fu, tu, t, f, e, no = (
        i("ma_can_bo"),
        i("loai"),
        i("tu_don_vi"),
        i("den_don_vi"),
        i("ma_chuc_danh_moi"),
        i("tu_ngay"),
        i("den_ngay"),
        i("so_quyet_dinh"),
    )
    _insert(
        Movement,
        [
            "cadre_id",
            "kind",
            "from_unit_id",
            "to_unit_id",
            "new_position_type_id",
            "valid_from",
            "valid_to",
            "decision_no",
        ],
        [
            (
                cadres[r[c]],
                r[k],
                units[r[fu]],
                units[r[tu]],
                types.get(r[t]),
                r[f].isoformat(),
                _iso(r[e]),
                r[no] or "",
            )
            for r in rows
        ],
    )
    yield "luan_chuyen", len(rows)

    rows, i = _column(book, "vi_tri")
    u, t, n, f, e = i("ma_don_vi"), i("ma_chuc_danh"), i("so_luong"), i("tu_ngay"), i("den_ngay")
    _insert(
        Post,
        ["unit_id", "position_type_id", "seats", "valid_from", "valid_to"],
        [(units[r[u]], types[r[t]], r[n], _iso(r[f]), _iso(r[e])) for r in rows],
    )
    yield "vi_tri", len(rows)
