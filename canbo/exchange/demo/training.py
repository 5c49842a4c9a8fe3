"""Qualifications of the demo cadres, drawn so that the plan's gap figures (footnotes 1, 3–7) come out
at the review date, scaled to the size of the demo province (SPEC §8)."""

import datetime as dt

from canbo.core.levels import Kind, code_of, rank_of
from canbo.exchange.demo.catalogue import RANKS
from canbo.exchange.demo.people import REVIEW_DATE, TYPES, Person, rand_date
from canbo.exchange.demo.places import DISTRICTS

KINDS = (Kind.LLCT, Kind.CHUYEN_MON, Kind.QLNN, Kind.NGOAI_NGU, Kind.TIN_HOC)
TYPE_COLUMN = {Kind.LLCT: 2, Kind.CHUYEN_MON: 3, Kind.QLNN: 4, Kind.NGOAI_NGU: 5, Kind.TIN_HOC: 6}
RANK_COLUMN = {Kind.QLNN: 2, Kind.NGOAI_NGU: 3, Kind.TIN_HOC: 4}
RANK_ROWS = {row[0]: row for row in RANKS}
MAX_RANK = {Kind.LLCT: 3, Kind.CHUYEN_MON: 5, Kind.QLNN: 3, Kind.NGOAI_NGU: 6, Kind.TIN_HOC: 2}

# The plan's figures at the review date for a province of 20,000 cadres.
FIGURES = {
    "cao_cap": 175,
    "trung_cap_llct": 988,
    "dai_hoc": 173,
    "tc_bo_nhiem": 47,
    "tc_quy_hoach": 18,
    "nn_th": 559,
    "qlnn": 1694,
}
BASE_SIZE = 20_000

# The years whose plans and courses the demo runs, from the plan's first to the last full year before
# the demo's "now"; a qualification caught up in one of them, by a cadre holding a post on 1 January,
# is given by a course (`canbo.ops.demo_training`), not the workbook.
TRAINED_YEARS = tuple(range(2017, 2026))
CAUGHT_UP_BY = dt.date(2025, 12, 31)  # the last day a qualification lacking at the review is caught up

MAJORS_LAW = ["Luật", "Quản lý nhà nước", "Xây dựng Đảng và Chính quyền nhà nước", "Hành chính học"]
MAJORS = {
    "VC_YTE": ["Y đa khoa", "Điều dưỡng", "Dược học", "Y học cổ truyền"],
    "VC_GD": ["Sư phạm Toán", "Sư phạm Ngữ văn", "Sư phạm Tiếng Anh", "Sư phạm Vật lý", "Giáo dục tiểu học"],
}
MAJORS_GENERAL = [
    "Kinh tế",
    "Kế toán",
    "Tài chính – Ngân hàng",
    "Nông học",
    "Lâm nghiệp",
    "Công nghệ thông tin",
    "Quản trị kinh doanh",
    "Xây dựng dân dụng",
    "Quản lý đất đai",
] + MAJORS_LAW
SCHOOLS = [
    "Trường Đại học Đà Lạt",
    "Trường Đại học Kinh tế TP. Hồ Chí Minh",
    "Trường Đại học Luật TP. Hồ Chí Minh",
    "Học viện Hành chính Quốc gia",
    "Trường Đại học Nông Lâm TP. Hồ Chí Minh",
    "Trường Đại học Tây Nguyên",
    "Trường Đại học Y Dược TP. Hồ Chí Minh",
    "Trường Đại học Sư phạm TP. Hồ Chí Minh",
]


def _level_of(kind, code) -> int:
    return rank_of(kind, code) if code else 0


def requirements(person: Person, as_of: dt.date) -> tuple[dict, dict, bool]:
    """(requirement per kind, requirement from held posts and rank alone, active) at `as_of`, as SPEC §8."""
    held = {kind: 0 for kind in KINDS}
    active = person.retire >= as_of and any(
        start <= as_of and (end is None or end >= as_of) for _u, _t, start, end in person.holdings
    )
    for _unit, code, start, end in person.holdings:
        if start <= as_of and (end is None or end >= as_of):
            for kind in KINDS:
                held[kind] = max(held[kind], _level_of(kind, TYPES[code][TYPE_COLUMN[kind]]))
    if person.rank:
        for kind, column in RANK_COLUMN.items():
            held[kind] = max(held[kind], _level_of(kind, RANK_ROWS[person.rank][column]))
    total = dict(held)
    for code, _unit, (first, last), approved in person.planning:
        if approved <= as_of and first <= as_of.year <= last:
            for kind in KINDS:
                total[kind] = max(total[kind], _level_of(kind, TYPES[code][TYPE_COLUMN[kind]]))
    return total, held, active


def choose_owing(rng, people: list[Person], size: int) -> dict[str, set[str]]:
    """Which cadres lack which kind at the review date: kind -> codes."""
    scale = size / BASE_SIZE
    pools: dict[str, list[Person]] = {key: [] for key in FIGURES}
    for person in people:
        total, held, active = requirements(person, REVIEW_DATE)
        person.requirement = total
        if not active:
            continue
        if total[Kind.LLCT] == 3:
            pools["cao_cap"].append(person)
        elif total[Kind.LLCT] == 2:
            pools["trung_cap_llct"].append(person)
        if total[Kind.CHUYEN_MON] >= 3:
            pools["dai_hoc"].append(person)
        elif total[Kind.CHUYEN_MON] in (1, 2):
            pools["tc_bo_nhiem" if held[Kind.CHUYEN_MON] >= 1 else "tc_quy_hoach"].append(person)
        if total[Kind.NGOAI_NGU] or total[Kind.TIN_HOC]:
            pools["nn_th"].append(person)
        if total[Kind.QLNN]:
            pools["qlnn"].append(person)
    owing: dict[str, set[str]] = {}
    for key, pool in pools.items():
        count = min(len(pool), round(FIGURES[key] * scale))
        # Those who lack a degree are mostly below the posts the Standing Committee manages.
        usual = [p for p in pool if not TYPES[p.type][7]]
        chosen = rng.sample(usual, min(count, len(usual)))
        if len(chosen) < count:
            rest = [p for p in pool if TYPES[p.type][7]]
            chosen += rng.sample(rest, count - len(chosen))
        owing[key] = {p.code for p in chosen}
    return owing


def _row(person, kind, rank, obtained, **extra):
    return (
        person.code,
        kind,
        code_of(kind, rank),
        obtained,
        extra.get("mode"),
        extra.get("grade"),
        extra.get("major"),
        extra.get("periods"),
        extra.get("issuer"),
    )


def _issuer(rng, kind, rank, person):
    if kind == Kind.LLCT:
        if rank == 3:
            return rng.choice(["Học viện Chính trị khu vực II", "Học viện Chính trị quốc gia Hồ Chí Minh"])
        if rank == 2:
            return "Trường Chính trị tỉnh Lâm Đồng"
        return "Trung tâm Bồi dưỡng chính trị " + rng.choice([v[0] for v in DISTRICTS.values()])
    if kind == Kind.QLNN:
        return rng.choice(["Học viện Hành chính Quốc gia", "Trường Chính trị tỉnh Lâm Đồng"])
    if kind in (Kind.NGOAI_NGU, Kind.TIN_HOC):
        return "Trường Đại học Đà Lạt"
    return rng.choice(SCHOOLS)


def add_qualifications(rng, person: Person, owing: dict[str, set[str]]) -> None:
    code = person.code
    req = person.requirement
    lacks = {
        Kind.LLCT: code in owing["cao_cap"] or code in owing["trung_cap_llct"],
        Kind.CHUYEN_MON: code in owing["dai_hoc"]
        or code in owing["tc_bo_nhiem"]
        or code in owing["tc_quy_hoach"],
        Kind.QLNN: code in owing["qlnn"],
    }
    if code in owing["nn_th"]:
        language_first = req[Kind.NGOAI_NGU] and (not req[Kind.TIN_HOC] or rng.random() < 0.55)
        lacks[Kind.NGOAI_NGU if language_first else Kind.TIN_HOC] = True
    earliest = person.hired - dt.timedelta(days=rng.randint(30, 500))
    before = min(REVIEW_DATE, person.start) - dt.timedelta(days=20)
    for kind in KINDS:
        need = req[kind]
        if lacks.get(kind):
            have = 0 if kind == Kind.CHUYEN_MON and need <= 2 else rng.randrange(0, need)
            if have:
                person.qualifications.append(
                    _qualification(rng, person, kind, have, rand_date(rng, earliest, before))
                )
            if rng.random() < 0.45:  # caught up after the review
                later = rand_date(rng, dt.date(2017, 9, 1), CAUGHT_UP_BY)
                _caught_up(person, _qualification(rng, person, kind, need, later))
            continue
        have = need
        if need == 0:
            have = _optional_level(rng, person, kind)
        elif kind == Kind.CHUYEN_MON and need >= 3 and rng.random() < 0.15:
            have = 4
        if have:
            obtained = rand_date(rng, earliest, max(earliest, before))
            person.qualifications.append(
                _qualification(rng, person, kind, min(have, MAX_RANK[kind]), obtained)
            )
    if person.type not in ("KCT_XA", "CC_XA") and person.category == "can_bo" and rng.random() < 0.3:
        person.qualifications.append(
            (
                code,
                Kind.QPAN,
                "doi_tuong_3" if rng.random() < 0.7 else "doi_tuong_2",
                rand_date(rng, earliest, dt.date(2024, 12, 31)),
                None,
                None,
                None,
                None,
                "Học viện Quốc phòng",
            )
        )


def _caught_up(person: Person, row: tuple) -> None:
    obtained, periods = row[3], row[7]
    by_course = obtained.year in TRAINED_YEARS and person.hired < dt.date(obtained.year, 1, 1)
    (person.trained if by_course and periods is None else person.qualifications).append(row)


def _optional_level(rng, person, kind) -> int:
    draw = rng.random()
    if kind == Kind.CHUYEN_MON:
        if person.type == "KCT_XA":
            return 1 if draw < 0.5 else 0
        return 3 if draw < 0.75 else (2 if draw < 0.9 else 1)
    if kind == Kind.LLCT:
        return 1 if person.party_joined and draw < 0.5 else 0
    if kind == Kind.TIN_HOC:
        return 1 if draw < 0.6 else 0
    if kind == Kind.NGOAI_NGU:
        return 2 if draw < 0.3 else 0
    return 1 if draw < 0.1 else 0


def _qualification(rng, person, kind, rank, obtained):
    extra = {"issuer": _issuer(rng, kind, rank, person)}
    if kind == Kind.CHUYEN_MON:
        major = rng.choice(MAJORS.get(person.type, MAJORS_GENERAL))
        extra.update(
            mode=rng.choices(["chinh_quy", "tai_chuc", "tu_xa", "lien_thong"], [65, 25, 4, 6])[0],
            grade=rng.choices(["xuat_sac", "gioi", "kha", "tb_kha", "trung_binh"], [3, 15, 50, 25, 7])[0],
            major=major,
        )
        if rank >= 3 and major in MAJORS_LAW and rng.random() < 0.5:
            extra["periods"] = rng.randint(240, 330)
    elif kind == Kind.LLCT:
        extra["mode"] = "chinh_quy" if rng.random() < 0.3 else "tai_chuc"
    return _row(person, kind, rank, obtained, **extra)
