"""What the personal history form (Mẫu 2C) holds beyond the service record: personal identification
number, religion, Party official-member date, residences, awards, salary steps and family.

Drawn from a random stream of its own (seeded from the demo's seed), so the rest of the demo is the
same with or without it."""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from canbo.core.dates import add_months
from canbo.exchange.demo.names import full_name, weighted
from canbo.exchange.demo.people import HORIZON, Person, rand_date
from canbo.exchange.demo.places import PROVINCE, locality_rows

# Salary scale of Decree 204/2004/NĐ-CP by rank: (first coefficient, step, number of steps).
SCALES = {
    "01.001": (Decimal("6.20"), Decimal("0.36"), 6),
    "01.002": (Decimal("4.40"), Decimal("0.34"), 8),
    "01.003": (Decimal("2.34"), Decimal("0.33"), 9),
    "01.004": (Decimal("1.86"), Decimal("0.20"), 12),
    "01.005": (Decimal("1.50"), Decimal("0.18"), 12),
    "V.08.01.03": (Decimal("2.34"), Decimal("0.33"), 9),
    "V.08.05.13": (Decimal("1.86"), Decimal("0.20"), 12),
    "V.07.05.15": (Decimal("2.34"), Decimal("0.33"), 9),
    "V.07.03.09": (Decimal("2.10"), Decimal("0.31"), 10),
}
YEARS_A_STEP = 3
SALARY_ROWS = 4  # the latest steps of each cadre
RELIGIONS = [("Không", 80), ("Phật giáo", 9), ("Công giáo", 7), ("Tin Lành", 3), ("Cao Đài", 1)]
MINORITY_RELIGIONS = [("Không", 45), ("Tin Lành", 30), ("Công giáo", 25)]
# (form, who decides, the decision number's suffix, weight)
AWARDS = [
    ("Giấy khen", "Giám đốc Sở", "QĐ-SNV", 40),
    ("Giấy khen", "Chủ tịch UBND huyện", "QĐ-UBND", 25),
    ("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND tỉnh", "QĐ-UBND", 15),
    ("Bằng khen", "Chủ tịch UBND tỉnh", "QĐ-UBND", 15),
    ("Bằng khen", "Thủ tướng Chính phủ", "QĐ-TTg", 4),
    ("Huân chương Lao động hạng Ba", "Chủ tịch nước", "QĐ-CTN", 1),
]
AWARD_WEIGHTS = [(n, row[3]) for n, row in enumerate(AWARDS)]
ELDER_JOBS = [("Làm ruộng", 45), ("Hưu trí", 35), ("Buôn bán", 10), ("Đã mất", 10)]
ADULT_JOBS = [
    ("Giáo viên", 20), ("Kinh doanh", 20), ("Làm nông", 20), ("Công chức", 15), ("Nhân viên văn phòng", 15),
    ("Bác sĩ", 5), ("Nội trợ", 5),
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ", "Huế"}
YOUNG_JOBS = [*ADULT_JOBS, ("Sinh viên", 15)]
STREETS = ["Trần Phú", "Phan Đình Phùng", "Hùng Vương", "Lê Hồng Phong", "Nguyễn Trãi", "Hai Bà Trưng",
           "Ba Tháng Hai", "Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Văn Cừ"]


@dataclass
class Personal:
    """A cadre's rows of the personal history form, in the columns of their sheets."""

    cadre: tuple = ()  # so_dinh_danh, ten_goi_khac, ton_giao, ngay_chinh_thuc
    residences: list[tuple] = field(default_factory=list)
    awards: list[tuple] = field(default_factory=list)
    salary: list[tuple] = field(default_factory=list)
    family: list[tuple] = field(default_factory=list)


def _places() -> dict[str, str]:
    """Each locality's code -> its address line ("Phường 1, Thành phố Đà Lạt, tỉnh Lâm Đồng")."""
    rows = {code: (name, parent) for code, name, _level, parent in locality_rows()}
    lines = {}
    for code, (name, parent) in rows.items():
        parts = [name]
        while parent is not None:
            parts.append(rows[parent][0])
            parent = rows[parent][1]
        parts[-1] = f"{'thành phố' if parts[-1] in CITIES else 'tỉnh'} {parts[-1]}"
        lines[code] = ", ".join(parts)
    return lines


def _address(rng, place: str) -> str:
    if place.startswith("Phường") or place.startswith("Thị trấn"):
        return f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}, {place}"
    return f"Thôn {rng.randint(1, 12)}, {place}"


def _personal_id(rng, person: Person, taken: set[str]) -> str:
    """Province of birth registration (3 digits), century and sex, year of birth, 6 random digits."""
    century = 0 if person.birth.year < 2000 else 2
    prefix = f"0{PROVINCE[0]}{century + (person.gender == 'nu')}{person.birth.year % 100:02d}"
    while True:
        number = f"{prefix}{rng.randrange(1_000_000):06d}"
        if number not in taken:
            taken.add(number)
            return number


def _salary(rng, person: Person) -> list[tuple]:
    if person.rank not in SCALES:
        return []
    first, step_size, steps = SCALES[person.rank]
    end = min(person.retire, HORIZON)
    rows = []
    start, step = person.hired, 1
    while start <= end and step <= steps:
        rows.append((person.rank, step, first + step_size * (step - 1), start))
        start, step = add_months(start, 12 * YEARS_A_STEP + rng.choice((0, 0, 0, -12))), step + 1
    return [(person.code, *row) for row in rows[-SALARY_ROWS:]]


def _named(rng, gender: str, ethnicity: str, family: str | None) -> str:
    """A name; a Kinh child takes the father's family name."""
    name = full_name(rng, gender, ethnicity)
    return f"{family} {name.split(' ', 1)[1]}" if family and ethnicity == "Kinh" else name


def _family(rng, person: Person, home: str) -> list[tuple]:
    ethnicity = person.ethnicity or "Kinh"
    year = person.birth.year
    own_family = person.name.split()[0]
    father = _named(rng, "nam", ethnicity, own_family)
    rows = [
        ("bo", father, year - rng.randint(22, 35), weighted(rng, ELDER_JOBS), home),
        ("me", full_name(rng, "nu", ethnicity), year - rng.randint(20, 32), weighted(rng, ELDER_JOBS), home),
    ]
    married = add_months(person.birth, 12 * rng.randint(23, 30))
    if married < HORIZON and rng.random() < 0.88:
        spouse_gender = "nu" if person.gender == "nam" else "nam"
        relation = "vo" if person.gender == "nam" else "chong"
        spouse = full_name(rng, spouse_gender, ethnicity)
        children_family = (own_family if person.gender == "nam" else spouse).split()[0]
        rows.append((relation, spouse, year + rng.randint(-4, 4), weighted(rng, ADULT_JOBS), home))
        for n in range(rng.choice((1, 2, 2, 2, 3))):
            born = married.year + 1 + 3 * n + rng.randint(0, 2)
            if born < HORIZON.year:
                job = "Học sinh" if HORIZON.year - born < 18 else weighted(rng, YOUNG_JOBS)
                child = _named(rng, rng.choice(("nam", "nu")), ethnicity, children_family)
                rows.append(("con", child, born, job, home))
    return [(person.code, *row) for row in rows]


def _residences(rng, person: Person, places: dict[str, str]) -> list[tuple]:
    """The permanent residence in the hometown; the current one there, or elsewhere since a date."""
    hometown = _address(rng, places.get(person.hometown, PROVINCE[1]))
    rows = [("thuong_tru", hometown, person.birth, None)]
    moved = rand_date(rng, person.hired, min(person.retire, HORIZON))
    if rng.random() < 0.4 and moved > person.birth:
        current = _address(rng, places.get(person.birthplace, PROVINCE[1]))
        rows += [("hien_nay", hometown, person.birth, moved - dt.timedelta(days=1)),
                 ("hien_nay", current, moved, None)]
    else:
        rows.append(("hien_nay", hometown, person.birth, None))
    return [(person.code, *row) for row in rows]


def _awards(rng, person: Person) -> list[tuple]:
    """Half of the years rated "xuất sắc" bring an award early the next year."""
    rows = []
    for year, rating, _decline in person.evaluations:
        if rating == "xuat_sac" and rng.random() < 0.5:
            form, by, suffix, _weight = AWARDS[weighted(rng, AWARD_WEIGHTS)]
            decided = rand_date(rng, dt.date(year + 1, 1, 15), dt.date(year + 1, 4, 30))
            if decided <= HORIZON:
                no = f"{rng.randint(10, 2999)}/{suffix}"
                rows.append((person.code, form, by, no, decided, f"Hoàn thành xuất sắc nhiệm vụ năm {year}"))
    return rows


def personal_rows(people: list[Person], seed: int) -> list[Personal]:
    """One Personal per cadre, in the order of `people`; deterministic for a seed."""
    rng = random.Random(f"{seed}-2C")
    places = _places()
    taken: set[str] = set()
    result = []
    for person in people:
        minority = person.ethnicity not in (None, "Kinh")
        religion = weighted(rng, MINORITY_RELIGIONS if minority else RELIGIONS)
        official = None
        if person.party_joined is not None:
            official = add_months(person.party_joined, 12) + dt.timedelta(days=rng.randint(0, 60))
            official = official if official <= HORIZON else None
        other = person.name.split()[-1] if rng.random() < 0.04 else None
        personal = Personal(cadre=(_personal_id(rng, person, taken), other, religion, official))
        personal.residences = _residences(rng, person, places)
        personal.awards = _awards(rng, person)
        personal.salary = _salary(rng, person)
        personal.family = _family(rng, person, personal.residences[-1][2])
        result.append(personal)
    return result
