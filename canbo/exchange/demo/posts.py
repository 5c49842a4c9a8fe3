"""Posts (`vi_tri`) of the demo province's key units: the Party committees, People's Councils and
People's Committees of the province, its districts and communes, the provincial departments and
boards, and the district heads of police, court, procuracy and inspection.

Each post has the seats its unit was built with (`canbo.exchange.demo.units`), in force from the
start of the 2015–2020 term. Some posts gain a seat for a while (a deputy added in 2018–2020), so
the vacancies come from the records as they would in a province: seats whose holder starts later,
retires, or is away on rotation, and the added seats. Drawn with a generator of their own, so the
rest of the demo is the same with or without them.
"""

import datetime as dt
import random
from collections import Counter

PROVINCE_KEY_UNITS = {"TU", "HDND", "UBND"}
DISTRICT_KEY_SUFFIXES = {"HU", "HDND", "UBND", "CA", "TAND", "VKS", "TTRA"}
COMMUNE_KEY_SUFFIXES = {"DU", "HDND", "UBND"}
STAFF_TYPES = {"CC_XA", "KCT_XA", "CT_DT_X"}
TERM_START = dt.date(2015, 1, 1)
ADDED_SEAT_SHARE = 0.08
ADDED_FROM, ADDED_UNTIL = dt.date(2018, 1, 1), dt.date(2020, 12, 31)


def _key_unit(code: str, info: dict) -> bool:
    if info["level"] == "tinh":
        # Departments, boards and mass organisations of the province: their head units, not divisions.
        return code in PROVINCE_KEY_UNITS or ("." not in code and info["bloc"] != "su_nghiep")
    suffix = code.split(".", 1)[1]
    return suffix in (DISTRICT_KEY_SUFFIXES if info["level"] == "huyen" else COMMUNE_KEY_SUFFIXES)


def post_rows(tree, seed: int) -> list[tuple]:
    """Rows of the `vi_tri` sheet: (ma_don_vi, ma_chuc_danh, so_luong, tu_ngay, den_ngay)."""
    rng = random.Random(f"vi_tri-{seed}")
    seats = Counter(
        (unit, kind)
        for unit, kind in tree.seats
        if kind not in STAFF_TYPES and _key_unit(unit, tree.info[unit])
    )
    rows = []
    for (unit, kind), count in sorted(seats.items()):
        rows.append((unit, kind, count, TERM_START, None))
        if rng.random() < ADDED_SEAT_SHARE:
            rows.append((unit, kind, 1, ADDED_FROM, ADDED_UNTIL))
    return rows
