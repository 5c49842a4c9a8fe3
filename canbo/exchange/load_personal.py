"""Load the sheets of the personal history form (Mẫu 2C) that follow the cadres."""

from canbo.core.bulk import insert
from canbo.exchange.bulk import column_of, iso
from canbo.people.models import Award, FamilyMember, Residence, SalaryStep


def load_personal(book, ids):
    """The sheets of the personal history form (Mẫu 2C): residences, awards, salary, family."""
    cadres = ids["can_bo"]

    rows, i = column_of(book, "noi_o")
    c, k, a, f, e = i("ma_can_bo"), i("loai"), i("dia_chi"), i("tu_ngay"), i("den_ngay")
    insert(
        Residence,
        ["cadre_id", "kind", "address", "valid_from", "valid_to"],
        [(cadres[r[c]], r[k], r[a], r[f].isoformat(), iso(r[e])) for r in rows],
    )
    yield "noi_o", len(rows)

    rows, i = column_of(book, "khen_thuong")
    c, form, by, no, d, why = (
        i("ma_can_bo"),
        i("hinh_thuc"),
        i("cap_quyet_dinh"),
        i("so_quyet_dinh"),
        i("ngay_quyet_dinh"),
        i("ly_do"),
    )
    insert(
        Award,
        ["cadre_id", "form", "decided_by", "decision_no", "decided_on", "reason"],
        [(cadres[r[c]], r[form], r[by] or "", r[no] or "", r[d].isoformat(), r[why] or "") for r in rows],
    )
    yield "khen_thuong", len(rows)

    rows, i = column_of(book, "luong")
    c, rank, step, coef, f = i("ma_can_bo"), i("ma_ngach"), i("bac"), i("he_so"), i("tu_ngay")
    insert(
        SalaryStep,
        ["cadre_id", "rank_id", "step", "coefficient", "valid_from"],
        [(cadres[r[c]], ids["ngach"][r[rank]], r[step], str(r[coef]), r[f].isoformat()) for r in rows],
    )
    yield "luong", len(rows)

    rows, i = column_of(book, "gia_dinh")
    c, rel, name, year, job, home = (
        i("ma_can_bo"), i("quan_he"), i("ho_ten"), i("nam_sinh"), i("nghe_nghiep"), i("noi_o")
    )
    insert(
        FamilyMember,
        ["cadre_id", "relation", "full_name", "birth_year", "occupation", "residence"],
        [(cadres[r[c]], r[rel], r[name], r[year], r[job] or "", r[home] or "") for r in rows],
    )
    yield "gia_dinh", len(rows)
