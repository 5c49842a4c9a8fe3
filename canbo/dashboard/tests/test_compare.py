"""The comparison of two dates counts, for each user, only the people within their scope (and the
unit asked) at the date each count is about: read from the kept sums after a write moved them, its
counts equal those of the people behind each figure within the scope at each date."""

import datetime as dt

import pytest

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.dashboard.compare import moved_people, review_compare
from canbo.dashboard.warm import warm_home
from canbo.people import services
from canbo.reports.selectors import ids_behind_each, population, review_at_both

pytestmark = pytest.mark.django_db
FIRST, SECOND = dt.date(2019, 1, 1), dt.date(2020, 1, 1)
MID = dt.date(2019, 7, 1)


def moving(p, code: str, name: str, before: str, after: str):
    """A chuyên viên with no degree (behind "thiếu đại học" at both dates) moved mid-2019."""
    person = services.cadre_create(actor=system_actor(), code=code, full_name=name, gender="nam",
                                   birth_date=dt.date(1988, 3, 3), category="cong_chuc")
    chuyen_vien = p.types["CV"]
    services.holding_add(actor=system_actor(), cadre=person, unit=p.units[before], position_type=chuyen_vien,
                         valid_from=dt.date(2015, 1, 1), valid_to=dt.date(2019, 6, 30))
    services.holding_add(actor=system_actor(), cadre=person, unit=p.units[after], position_type=chuyen_vien,
                         valid_from=MID)
    return person


def expected(actor, unit) -> dict[str, tuple[int, int, int, int]]:
    """(first, entered, left, second) per figure from the people behind it in the whole workforce,
    within the actor's scope (and the unit's subtree) at each date."""
    sets = []
    for day in (FIRST, SECOND):
        behind = ids_behind_each(actor=system_actor(), as_of=day)
        within = set(population(actor=actor, as_of=day, unit=unit).values_list("id", flat=True))
        sets.append({key: set(ids) & within for key, ids in behind.items()})
    return {key: (len(before), len(sets[1][key] - before), len(before - sets[1][key]), len(sets[1][key]))
            for key, before in sets[0].items()}


def test_each_count_is_of_the_people_within_the_scope_at_its_date(small_province):
    p = small_province
    leaves = moving(p, "DI", "Trần Văn Đi", "X-LN", "SNV")  # out of Đức Trọng and of btc's Party bloc
    enters = moving(p, "DEN", "Lê Văn Đến", "SNV", "UB-DT")  # into Đức Trọng, still outside btc's
    moving(p, "LEN", "Hà Văn Lên", "X-LN", "TU")  # within btc's scope, out of Đức Trọng's subtree
    warm_home(SECOND)  # the default pair kept with its rows
    # A write after it, moved into the kept sums: into btc's scope (BTV-managed) and Đức Trọng's, and
    # behind cao cấp LLCT, at both dates.
    services.holding_add(actor=system_actor(), cadre=p.cadres["SNV2"], unit=p.units["X-LN"],
                         position_type=p.types["BT-HU"], valid_from=dt.date(2018, 6, 1))
    hr, btc = p.user("hr_ductrong", Role.UNIT_HR, "HU-DT"), p.user("btc", Role.BTC)
    checked = 0
    for actor in (hr, btc):
        for unit in (None, p.units["HU-DT"], p.units["SNV"]):
            assert review_at_both(actor=actor, first=FIRST, second=SECOND, unit=unit) is not None
            rows = review_compare(actor=actor, first=FIRST, second=SECOND, unit=unit)
            found = {row["verdict"].key: (row["first"], row["vao"], row["ra"], row["second"]) for row in rows}
            assert found == expected(actor, unit), (actor.username, unit)
            checked += sum(sum(counts) for counts in found.values())
    assert checked > 10

    def moved(actor, group: str) -> list[int]:
        return moved_people(actor=actor, first=FIRST, second=SECOND, unit=None, key="thieu_dai_hoc",
                            group=group)

    assert leaves.id in moved(hr, "ra") and enters.id in moved(hr, "vao")
    assert leaves.id in moved(btc, "ra") and enters.id not in moved(btc, "vao") + moved(btc, "ra")
