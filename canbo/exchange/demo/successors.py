"""The demo province's leaders' posts left at retirement, filled again.

Each seat of the demo is drawn with one person, so a leader who retired before the demo's "now"
(`people.HORIZON`) would leave the post empty for good: by 2026 nearly a third of the communes' Party
secretaries and the Tỉnh ủy's deputy secretaries. Here most such posts are taken by someone of the same
body (a unit and its divisions) or commune who still holds a post: one planned for it when there is one,
else one holding a post that leads to it (a type planned for it, its deputy: `PBT_TU` to `BT_TU`, a
standing member to deputy secretary), else, for a deputy's or member's post of a district or commune,
one of its civil servants; among them, one who meets the post's standard, else one who lacks only its
political theory (often caught up after the appointment), else no one. Most posts the successors
leave are filled the same way in turn, and a post with no such person stays empty. The appointments
fall between 01/12/2025 and 31/05/2026: after the 2025 congresses and after the demo's training
history (2017–2025), whose plans and courses read the records as before.

This runs last, after the current terms' planning is drawn (`current.plan_current_terms`), from its own
random stream (seeded from the demo's seed), so the province as of any date before the appointments
(the 2017 review, SPEC §8, and every planning) is exactly the same.
"""

import datetime as dt
import random
from collections import deque

from canbo.core.dates import add_years
from canbo.core.levels import rank_of
from canbo.exchange.demo.catalogue import POSITION_TYPES
from canbo.exchange.demo.people import PLANNING, STAFF_TYPES, Person, rand_date

FILLED_SHARE = 0.85
FIRST, LAST = dt.date(2025, 12, 1), dt.date(2026, 5, 31)
YEARS_LEFT = 2  # nobody is appointed who retires within two years of the appointment
DAY = dt.timedelta(days=1)
DEPUTY_OR_MEMBER = ("P", "UV")  # the codes of deputies (PBT_, PCT_, PP_) and members (UV_)
CIVIL_SERVANTS = {"CV_HUYEN", "CC_XA"}  # the staff who may be appointed: not part-timers, not teachers
STANDARD_COLUMNS = ("llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc")  # `chuc_danh`'s 3rd to 7th
STANDARDS = {row[0]: row[2:7] for row in POSITION_TYPES}
BUT_LLCT = STANDARD_COLUMNS[1:]  # political theory is often caught up after the appointment


def _body(unit: str) -> str:
    """A unit's body: the unit with its divisions (`SNV`, `SNV.P1`), or a commune's units."""
    return unit.split(".")[0]


def _feeders() -> dict[str, set[str]]:
    """The types whose holders may take a post of each type: those planned for it, its deputy, and for
    a deputy secretary the standing committee's members."""
    found: dict[str, set[str]] = {}
    for current, plans in PLANNING.items():
        for planned, _share, _terms in plans:
            found.setdefault(planned, set()).add(current)
    codes = {row[0] for row in POSITION_TYPES}
    for code in codes:
        if f"P{code}" in codes:
            found.setdefault(code, set()).add(f"P{code}")
        if code.startswith("PBT_") and f"UV_BTV_{code[4:]}" in codes:  # a standing member, deputy secretary
            found.setdefault(code, set()).add(f"UV_BTV_{code[4:]}")
    return found


def _planned_for(person: Person, position_type: str, day: dt.date) -> bool:
    return any(planned == position_type and term[0] <= day.year <= term[1] and approved <= day
               for planned, _unit, term, approved in person.planning)


def _left_at_retirement(person: Person) -> bool:
    """A leader's post whose holding ends at retirement."""
    if not person.holdings:
        return False
    _unit, position_type, _start, end = person.holdings[-1]
    return end == person.retire and position_type not in STAFF_TYPES


def _staff_may_take(person: Person, position_type: str, level: str) -> bool:
    """A district's or commune's civil servant may become a deputy or a committee member there."""
    return (level != "tinh" and position_type.startswith(DEPUTY_OR_MEMBER)
            and person.holdings[-1][1] in CIVIL_SERVANTS)


def _meets(person: Person, position_type: str, day: dt.date, kinds=STANDARD_COLUMNS) -> bool:
    """Whether the person holds, by `day`, every level of `kinds` the post's standard asks."""
    held: dict[str, int] = {}
    for _code, kind, level, obtained, *_rest in (*person.qualifications, *person.trained):
        if obtained <= day and kind in STANDARD_COLUMNS:
            held[kind] = max(held.get(kind, 0), rank_of(kind, level))
    return all(rank_of(kind, STANDARDS[position_type][n]) <= held.get(kind, 0)
               for n, kind in enumerate(STANDARD_COLUMNS) if kind in kinds)


def _may_take(person: Person, day: dt.date) -> bool:
    """Holding a post from before `day` with no end, and not retiring within YEARS_LEFT of it."""
    _unit, _type, start, end = person.holdings[-1]
    return end is None and start < day and person.retire >= add_years(day, YEARS_LEFT)


def fill_vacated(people: list[Person], seed: int, levels: dict[str, str]) -> None:
    """Appoint successors to most posts their leaders left at retirement, and to most of the posts
    those successors leave in turn (the module's text); `levels`: each unit's level."""
    rng = random.Random(f"{seed}-successors")
    feeders = _feeders()
    by_body: dict[str, list[Person]] = {}
    for person in people:
        if person.holdings:
            by_body.setdefault(_body(person.holdings[-1][0]), []).append(person)
    moved: set[str] = set()
    free = deque(p.holdings[-1][:2] + (p.retire,) for p in sorted(people, key=lambda p: p.code)
                 if _left_at_retirement(p))
    while free:
        unit, position_type, since = free.popleft()
        if rng.random() >= FILLED_SHARE or since >= LAST:
            continue
        day = rand_date(rng, max(FIRST, since + DAY), LAST)
        candidates = [c for c in by_body.get(_body(unit), ()) if c.code not in moved
                      and c.holdings[-1][1] != position_type and _may_take(c, day)]
        pool = ([c for c in candidates if _planned_for(c, position_type, day)]
                or [c for c in candidates if c.holdings[-1][1] in feeders.get(position_type, ())]
                or [c for c in candidates if _staff_may_take(c, position_type, levels[unit])])
        pool = ([c for c in pool if _meets(c, position_type, day)]
                or [c for c in pool if _meets(c, position_type, day, BUT_LLCT)])
        if not pool:
            continue
        successor = rng.choice(pool)
        old_unit, old_type, start, _end = successor.holdings.pop()
        successor.holdings += [(old_unit, old_type, start, day - DAY), (unit, position_type, day, None)]
        moved.add(successor.code)
        if old_type not in STAFF_TYPES:
            free.append((old_unit, old_type, day - DAY))
