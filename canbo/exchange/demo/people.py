"""Cadres of the demo province with their positions, planning, movements, discipline and evaluations.

Qualifications are drawn afterwards by `canbo.exchange.demo.training`, once every requirement is known.
"""

import datetime as dt
from dataclasses import dataclass, field

from canbo.core.dates import Precision, add_months
from canbo.exchange.demo.catalogue import POSITION_TYPES, RANKS
from canbo.exchange.demo.names import ETHNIC, full_name, weighted
from canbo.exchange.demo.places import MINORITY_SHARE, OTHER_PROVINCES, communes_of
from canbo.people.retirement import retirement_date

REVIEW_DATE = dt.date(2017, 6, 30)  # the plan's review (SPEC §8)
HORIZON = dt.date(2026, 6, 30)  # the demo's "now": histories stop here, whatever the day it is run

TYPES = {row[0]: row for row in POSITION_TYPES}
RANK_CODES = {row[0] for row in RANKS}
LEADER_TYPES = {code for code, *_rest, deputy, _src in POSITION_TYPES if deputy}
STAFF_TYPES = {"CV_TINH", "CV_HUYEN", "CC_XA", "KCT_XA", "VC_YTE", "VC_GD", "VC_KHAC"}
COMMUNE_KEY = {
    "BT_DU_X",
    "PBT_DU_X",
    "CT_HDND_X",
    "PCT_HDND_X",
    "CT_UBND_X",
    "PCT_UBND_X",
    "CT_MTTQ_X",
    "CT_DT_X",
}

# Who is planned for what: current type -> [(planned type, share, terms)]
T_2015, T_2020, T_2016, T_2021 = (2015, 2020), (2020, 2025), (2016, 2021), (2021, 2026)
PLANNING = {
    "PP_TINH": [("TP_TINH", 0.35, (T_2015, T_2020))],
    "TP_TINH": [("PGD_SO", 0.3, (T_2015, T_2020)), ("UV_BCH_TU", 0.08, (T_2020,))],
    "PGD_SO": [("GD_SO", 0.4, (T_2015, T_2020)), ("UV_BCH_TU", 0.25, (T_2020,))],
    "GD_SO": [("UV_BCH_TU", 0.45, (T_2015, T_2020)), ("UV_BTV_TU", 0.15, (T_2020,))],
    "CV_TINH": [("PP_TINH", 0.06, (T_2015, T_2020))],
    "PP_HUYEN": [("TP_HUYEN", 0.3, (T_2015, T_2020))],
    "TP_HUYEN": [("PCT_UBND_H", 0.12, (T_2016, T_2021)), ("UV_BTV_HU", 0.15, (T_2015, T_2020))],
    "UV_HU": [("UV_BTV_HU", 0.2, (T_2015, T_2020))],
    "UV_BTV_HU": [("PBT_HU", 0.3, (T_2015, T_2020))],
    "PCT_UBND_H": [("CT_UBND_H", 0.35, (T_2016, T_2021))],
    "PBT_HU": [("BT_HU", 0.4, (T_2015, T_2020)), ("UV_BCH_TU", 0.3, (T_2020,))],
    "CV_HUYEN": [("PP_HUYEN", 0.06, (T_2015, T_2020))],
    "PCT_UBND_X": [("CT_UBND_X", 0.3, (T_2016, T_2021))],
    "PBT_DU_X": [("BT_DU_X", 0.35, (T_2015, T_2020))],
    "CC_XA": [("PCT_UBND_X", 0.08, (T_2016, T_2021))],
    "KCT_XA": [("CT_DT_X", 0.05, (T_2016, T_2021))],
    "PGD_DVSN": [("GD_DVSN", 0.3, (T_2015, T_2020))],
    "VC_KHAC": [("PGD_DVSN", 0.03, (T_2015, T_2020))],
}
APPROVED = {T_2015: (2015, 2016), T_2016: (2016, 2016), T_2020: (2018, 2020), T_2021: (2020, 2021)}
DISCIPLINE_FORMS = [("Khiển trách", 60), ("Cảnh cáo", 33), ("Cách chức", 5), ("Giáng chức", 2)]


@dataclass
class Person:
    code: str
    unit: str
    type: str
    gender: str
    birth: dt.date
    precision: str
    ethnicity: str | None
    category: str
    rank: str | None
    hired: dt.date
    start: dt.date
    retire: dt.date
    hometown: str | None = None
    birthplace: str | None = None
    name: str = ""
    party_joined: dt.date | None = None
    holdings: list[tuple] = field(default_factory=list)  # (unit, type, from, to)
    planning: list[tuple] = field(default_factory=list)  # (type, unit, term, approved)
    movements: list[tuple] = field(default_factory=list)
    disciplines: list[tuple] = field(default_factory=list)
    evaluations: list[tuple] = field(default_factory=list)
    qualifications: list[tuple] = field(default_factory=list)
    trained: list[tuple] = field(default_factory=list)  # caught up on a course, as `qualifications`
    requirement: dict = field(default_factory=dict)  # per kind at the review date


def rand_date(rng, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _category(position_type: str, bloc: str, level: str) -> str:
    if position_type == "KCT_XA":
        return "khong_chuyen_trach"
    if position_type == "CC_XA":
        return "cong_chuc"
    if bloc == "su_nghiep" or position_type.startswith("VC_"):
        return "vien_chuc"
    if level == "xa" or (position_type in LEADER_TYPES and bloc in ("dang", "mttq_doan_the")):
        return "can_bo"
    return "cong_chuc"


def _rank(rng, position_type: str, category: str) -> str | None:
    if category == "khong_chuyen_trach":
        return None
    if position_type == "VC_YTE":
        return "V.08.01.03" if rng.random() < 0.4 else "V.08.05.13"
    if position_type == "VC_GD":
        return "V.07.05.15" if rng.random() < 0.6 else "V.07.03.09"
    if category == "vien_chuc":
        return "01.003" if rng.random() < 0.5 else None
    if position_type in ("BT_TU", "PBT_TU", "CT_UBND_T", "CT_HDND_T", "UV_BTV_TU", "PCT_UBND_T"):
        return "01.001" if rng.random() < 0.7 else "01.002"
    if position_type in ("GD_SO", "PGD_SO", "BT_HU", "PBT_HU", "CT_UBND_H", "CT_HDND_H"):
        return "01.002" if rng.random() < 0.7 else "01.003"
    if position_type in LEADER_TYPES and position_type not in COMMUNE_KEY:
        return "01.002" if rng.random() < 0.25 else "01.003"
    draw = rng.random()
    if position_type in COMMUNE_KEY or position_type == "CC_XA":
        return "01.003" if draw < 0.55 else ("01.004" if draw < 0.95 else None)
    return "01.003" if draw < 0.85 else ("01.004" if draw < 0.97 else "01.002")


def _ethnicity(rng, info) -> str | None:
    share = (
        0.05
        if info["district"] is None
        else MINORITY_SHARE[info["district"]] * (1.0 if info["commune"] else 0.5)
    )
    if rng.random() < share:
        return weighted(rng, ETHNIC)
    return "Kinh" if rng.random() < 0.97 else None


def _hometown(rng, info, ethnicity, all_communes) -> str:
    district = info["district"]
    if ethnicity not in (None, "Kinh", "Tày", "Nùng", "Hoa", "Chăm", "Thái", "Mường"):
        local = 0.95
    else:
        local = {"xa": 0.75, "huyen": 0.55}.get(info["level"], 0.0)
    draw = rng.random()
    if district and draw < local:
        return rng.choice(communes_of(district))
    if draw < local + 0.3:
        return rng.choice(all_communes)
    return rng.choice(OTHER_PROVINCES)[0]


def make_person(
    rng, n: int, unit: str, position_type: str, info: dict, all_communes: list[str], late: bool
) -> Person:
    leader = position_type in LEADER_TYPES or position_type in COMMUNE_KEY
    women = 0.62 if position_type in ("VC_YTE", "VC_GD") else (0.18 if leader else 0.4)
    gender = "nu" if rng.random() < women else "nam"
    low, high = (34, 57) if leader else ((22, 55) if position_type == "KCT_XA" else (24, 56))
    if gender == "nu":
        high = min(high, 53)
    anchor = rand_date(rng, dt.date(2018, 1, 1), dt.date(2024, 12, 31)) if late else REVIEW_DATE
    age = rng.randint(low, high)
    birth = rand_date(rng, dt.date(anchor.year - age - 1, anchor.month, 1), dt.date(anchor.year - age, 6, 1))
    precision = Precision.DAY
    old_record = 0.25 if birth.year < 1965 else 0.05
    draw = rng.random()
    if draw < old_record / 2:
        birth, precision = dt.date(birth.year, 1, 1), Precision.YEAR
    elif draw < old_record:
        birth, precision = dt.date(birth.year, birth.month, 1), Precision.MONTH
    ethnicity = _ethnicity(rng, info)
    category = _category(position_type, info["bloc"], info["level"])
    hired = add_months(birth, 12 * rng.randint(22, 27) + rng.randint(0, 11))
    if late:
        hired = min(hired, anchor) if leader else anchor
    if leader:
        start = anchor if late else rand_date(rng, max(hired, dt.date(2008, 1, 1)), dt.date(2017, 5, 31))
    else:
        start = hired if not late else anchor
    start = max(start, hired)
    person = Person(
        code=f"CB{n:06d}",
        unit=unit,
        type=position_type,
        gender=gender,
        birth=birth,
        precision=precision,
        ethnicity=ethnicity,
        category=category,
        rank=_rank(rng, position_type, category),
        hired=hired,
        start=start,
        retire=retirement_date(gender, birth),
    )
    person.name = full_name(rng, gender, ethnicity if ethnicity and ethnicity != "Kinh" else "Kinh")
    person.hometown = _hometown(rng, info, ethnicity, all_communes)
    person.birthplace = person.hometown if rng.random() < 0.7 else rng.choice(all_communes)
    party_share = 1.0 if leader else {"CC_XA": 0.85, "KCT_XA": 0.45}.get(position_type, 0.5)
    if rng.random() < party_share:
        person.party_joined = min(
            add_months(birth, 12 * rng.randint(20, 32) + rng.randint(0, 11)), start - dt.timedelta(days=30)
        )
    return person


def add_history(rng, person: Person, tree, staff_type_of_level: dict, units_by_level: dict) -> None:
    """Position history: the current post (ending at retirement), an earlier post for many leaders,
    sometimes in another unit with the transfer recorded; planning, discipline and evaluations."""
    info = tree.info[person.unit]
    end = person.retire if person.retire < HORIZON else None
    leader = person.type not in STAFF_TYPES
    if leader and person.start > person.hired + dt.timedelta(days=400) and rng.random() < 0.65:
        earlier_unit = person.unit
        moved = rng.random() < 0.08
        if moved:
            earlier_unit = rng.choice(units_by_level[info["level"]])
        earlier_type = staff_type_of_level[tree.info[earlier_unit]["level"]]
        earlier_start = max(person.hired, add_months(person.start, -12 * rng.randint(3, 12)))
        person.holdings.append(
            (earlier_unit, earlier_type, earlier_start, person.start - dt.timedelta(days=1))
        )
        if moved and earlier_unit != person.unit:
            kind = "dieu_dong" if rng.random() < 0.7 else "luan_chuyen"
            until = (
                add_months(person.start, 12 * rng.randint(3, 5)) - dt.timedelta(days=1)
                if kind == "luan_chuyen"
                else None
            )
            person.movements.append(
                (
                    kind,
                    earlier_unit,
                    person.unit,
                    person.type,
                    person.start,
                    until,
                    f"{rng.randint(100, 2999)}-QĐ/TU",
                )
            )
    elif not leader and person.start > person.hired:
        person.start = person.hired
    person.holdings.append((person.unit, person.type, person.start, end))
    for planned, share, terms in PLANNING.get(person.type, ()):
        if rng.random() < share:
            for term in terms:
                first, last = APPROVED[term]
                approved = rand_date(rng, dt.date(first, 3, 1), dt.date(last, 11, 30))
                if (end is None or approved < end) and approved >= person.start - dt.timedelta(days=365):
                    person.planning.append((planned, person.unit, term, approved))
    if person.planning and person.start < dt.date(2016, 9, 1) and rng.random() < 0.03:
        # Disciplined shortly before the review: still in effect then, so not to be rotated (R2).
        decided = rand_date(rng, dt.date(2016, 9, 1), dt.date(2017, 6, 1))
        person.disciplines.append((weighted(rng, DISCIPLINE_FORMS[:2]), decided, None))
    elif rng.random() < 0.02:
        decided = rand_date(rng, max(person.start, dt.date(2014, 1, 1)), min(end or HORIZON, HORIZON))
        until = add_months(decided, 12) if rng.random() < 0.5 else None
        person.disciplines.append((weighted(rng, DISCIPLINE_FORMS), decided, until))
    for year in range(2015, HORIZON.year):
        if person.hired.year < year and (end is None or end >= dt.date(year, 12, 31)):
            draw = rng.random()
            rating = (
                "khong_hoan_thanh"
                if draw < 0.015
                else "hoan_thanh"
                if draw < 0.2
                else "tot"
                if draw < 0.82
                else "xuat_sac"
            )
            person.evaluations.append((year, rating, leader and rng.random() < 0.01))
