"""Generate the demo province as rows of the exchange workbook; deterministic for a seed."""

import datetime as dt
import random
from typing import NamedTuple

from canbo.core.dates import add_years
from canbo.exchange.demo.catalogue import POSITION_TYPES, RANKS
from canbo.exchange.demo.current import plan_current_terms
from canbo.exchange.demo.people import TYPES, add_history, make_person
from canbo.exchange.demo.personal import personal_rows
from canbo.exchange.demo.places import OTHER_PROVINCES, all_places_of_province, communes_of, locality_rows
from canbo.exchange.demo.posts import post_rows
from canbo.exchange.demo.successors import fill_vacated
from canbo.exchange.demo.training import add_qualifications, choose_owing
from canbo.exchange.demo.units import build_tree
from canbo.exchange.speed import paused_gc
from canbo.exchange.writer import rows_to_xlsx

DEFAULT_SIZE = 20_000
DEFAULT_SEED = 2017
LATE_SHARE = 0.06  # seats whose holder started after the review date
NON_LOCAL_VIOLATIONS = 4  # locals holding a post that requires a non-local, per 20,000 cadres
ROTATIONS = 30  # provincial cadres rotated to districts from Q4/2017, per 20,000 cadres
ROTATIONS_UP = 12  # district cadres rotated to provincial bodies from 2018, per 20,000 cadres
# When the rotations of the plan's period start, in turn (each for three years).
DOWN_STARTS = (dt.date(2017, 10, 1), dt.date(2018, 4, 1), dt.date(2019, 4, 1))
UP_STARTS = (dt.date(2018, 4, 1), dt.date(2018, 10, 1), dt.date(2019, 4, 1))


def _seats(rng, tree, size: int) -> list[tuple]:
    seats = list(tree.seats)
    if size <= len(seats):
        keep = sorted(rng.sample(range(len(seats)), size))
        return [seats[i] for i in keep]
    units, types, weights = zip(*tree.staff_units, strict=True)
    picks = rng.choices(range(len(units)), weights, k=size - len(seats))
    return seats + sorted((units[i], types[i]) for i in picks)


def _non_local(rng, people, tree, scale):
    """Posts that require a non-local go to people from elsewhere, except a few locals (violations)."""
    posts = [p for p in people if TYPES[p.type][9]]
    outsiders = [c for c, *_ in OTHER_PROVINCES]
    district_posts = [n for n, p in enumerate(posts) if tree.info[p.unit]["district"]]
    violators = set(rng.sample(district_posts, min(len(district_posts), round(NON_LOCAL_VIOLATIONS * scale))))
    for n, person in enumerate(posts):
        district = tree.info[person.unit]["district"]
        local = set(communes_of(district)) if district else set(all_places_of_province())
        if n in violators:
            person.hometown = rng.choice(sorted(local))
        elif person.hometown in local:
            person.hometown = rng.choice(outsiders)


def _term(retire: dt.date, end: dt.date | None, starts: tuple, n: int) -> tuple[dt.date, dt.date]:
    """The n-th rotation's three-year term (R5): its start taken in turn from `starts`, so that the
    rotations of the plan's period spread over its years; the first start when the cadre would retire,
    or their post end, before the term ends."""
    out = starts[n % len(starts)]
    back = add_years(out, 3)
    if back >= retire or (end is not None and back >= end):
        out = starts[0]
    return out, add_years(out, 3)


def _rotate(rng, people, tree, scale):
    """Rotations of planned provincial cadres to a district People's Committee for three years, from
    Q4/2017 to 2019."""
    pool = [
        p
        for p in people
        if p.type in ("TP_TINH", "PGD_SO")
        and p.planning
        and p.retire > dt.date(2021, 1, 1)
        and p.holdings[-1][2] < dt.date(2017, 6, 1)
        and not p.movements
    ]
    districts = sorted({info["district"] for info in tree.info.values() if info["district"]})
    for n, person in enumerate(rng.sample(pool, min(len(pool), round(ROTATIONS * scale)))):
        unit, kind, start, end = person.holdings.pop()
        out, back = _term(person.retire, end, DOWN_STARTS, n)
        target = f"{rng.choice(districts)}.UBND"
        person.holdings += [
            (unit, kind, start, out - dt.timedelta(days=1)),
            (target, "PCT_UBND_H", out, back - dt.timedelta(days=1)),
            (unit, kind, back, end),
        ]
        person.movements.append(
            (
                "luan_chuyen",
                unit,
                target,
                "PCT_UBND_H",
                out,
                back - dt.timedelta(days=1),
                f"{rng.randint(1000, 1999)}-QĐ/TU",
            )
        )


def _rotate_up(rng, people, tree, scale):
    """2018–2019 rotations of district leaders planned for a key post to a deputy head's seat in a
    provincial body for three years (R4's other direction)."""
    key = {row[0] for row in POSITION_TYPES if row[7] or row[8]}  # dien_btv or chu_chot
    start_of_period = dt.date(2017, 1, 1)
    pool = [
        p
        for p in people
        if tree.info[p.holdings[-1][0]]["level"] == "huyen"
        and any(
            planned in key and term[0] <= 2017 <= term[1] and approved <= start_of_period
            for planned, _unit, term, approved in p.planning
        )
        and p.retire > dt.date(2022, 1, 1)
        and p.holdings[-1][2] < dt.date(2017, 1, 1)
        and not p.movements
        and not p.disciplines
    ]
    departments = sorted({unit for unit, kind in tree.seats if kind == "PGD_SO"})
    for n, person in enumerate(rng.sample(pool, min(len(pool), round(ROTATIONS_UP * scale)))):
        unit, kind, start, end = person.holdings.pop()
        out, back = _term(person.retire, end, UP_STARTS, n)
        target = rng.choice(departments)
        person.holdings += [
            (unit, kind, start, out - dt.timedelta(days=1)),
            (target, "PGD_SO", out, back - dt.timedelta(days=1)),
            (unit, kind, back, end),
        ]
        person.movements.append(
            ("luan_chuyen", unit, target, "PGD_SO", out, back - dt.timedelta(days=1),
             f"{rng.randint(2000, 2999)}-QĐ/TU")
        )


class Demo(NamedTuple):
    rows: dict[str, list[tuple]]  # the workbook's sheets
    trained: list[tuple]  # qualifications of 2017–2019 given by courses after the import, as `trinh_do` rows


def demo_rows(*, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> dict[str, list[tuple]]:
    return demo_data(size=size, seed=seed).rows


def demo_data(*, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> Demo:
    rng = random.Random(seed)
    tree = build_tree()
    places = locality_rows()
    all_communes = [row[0] for row in places if row[2] == "xa"]
    scale = size / DEFAULT_SIZE
    people = []
    for n, (unit, position_type) in enumerate(_seats(rng, tree, size), start=1):
        late = rng.random() < LATE_SHARE
        people.append(make_person(rng, n, unit, position_type, tree.info[unit], all_communes, late))
    _non_local(rng, people, tree, scale)
    staff_type = {"tinh": "CV_TINH", "huyen": "CV_HUYEN", "xa": "CC_XA"}
    by_level: dict[str, list[str]] = {}
    for code, info in tree.info.items():
        if info["bloc"] != "su_nghiep":
            by_level.setdefault(info["level"], []).append(code)
    for person in people:
        add_history(rng, person, tree, staff_type, by_level)
    _rotate(rng, people, tree, scale)
    _rotate_up(rng, people, tree, scale)
    owing = choose_owing(rng, people, size)
    for person in people:
        add_qualifications(rng, person, owing)
    plan_current_terms(people, seed)
    fill_vacated(people, seed, {code: info["level"] for code, info in tree.info.items()})
    personal = personal_rows(people, seed)
    rows = {
        "dia_ban": places,
        "don_vi": tree.units,
        "chuc_danh": POSITION_TYPES,
        "ngach": RANKS,
        "can_bo": [
            (
                p.code,
                p.name,
                (p.birth, p.precision),
                p.gender,
                p.ethnicity,
                p.hometown,
                p.birthplace,
                p.party_joined is not None,
                p.party_joined,
                p.category,
                p.rank,
                p.hired,
                *more.cadre,
            )
            for p, more in zip(people, personal, strict=True)
        ],
        "cong_tac": [(p.code, *h) for p in people for h in p.holdings],
        "trinh_do": [q for p in people for q in sorted(p.qualifications, key=lambda q: q[3])],
        "quy_hoach": [
            (p.code, kind, unit, term, approved) for p in people for kind, unit, term, approved in p.planning
        ],
        "ky_luat": [(p.code, *d) for p in people for d in p.disciplines],
        "danh_gia": [(p.code, *e) for p in people for e in p.evaluations],
        "luan_chuyen": [(p.code, *m) for p in people for m in p.movements],
        "vi_tri": post_rows(tree, seed),
        "noi_o": [row for more in personal for row in more.residences],
        "khen_thuong": [row for more in personal for row in more.awards],
        "luong": [row for more in personal for row in more.salary],
        "gia_dinh": [row for more in personal for row in more.family],
    }
    return Demo(rows, [q for p in people for q in sorted(p.trained, key=lambda q: q[3])])


def demo_workbook(path, *, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> tuple[dict[str, int], list]:
    """Write the demo province to `path`; returns the rows per sheet written and the qualifications
    left to the courses. Histories stop at a fixed date
    (`people.HORIZON`), not at today, so a seed gives the same file whatever the day; the planning
    of the terms in force then is added by `current.plan_current_terms`."""
    with paused_gc():
        demo = demo_data(size=size, seed=seed)
        return rows_to_xlsx(path, demo.rows), demo.trained
