"""The demo province's present: planning for the terms in force at the demo's "now".

The demo is generated as of a fixed date (`people.HORIZON`, 30/06/2026), never today, so a seed
gives the same workbook on any day. Its histories would leave the province with no planning in
force soon after: the plans of 2015–2020 and 2020–2025 have ended, those of 2016–2021 and
2021–2026 end with 2026. Here the people holding a post at that date are planned, with the
shares of `people.PLANNING`, for the terms of 2025–2030 (Party bodies) and 2026–2031 (People's
Councils and Committees), approved before it; evaluations already run to the last full year
before it (2025).

This runs after every other draw, from its own random stream (seeded from the demo's seed), so the
province as of any date before the new approvals (the 2017 review, SPEC §8) is exactly the same.
"""

import datetime as dt
import random

from canbo.exchange.demo.people import HORIZON, PLANNING, T_2015, T_2016, T_2020, T_2021, Person, rand_date

NEXT_TERM = {T_2015: (2025, 2030), T_2020: (2025, 2030), T_2016: (2026, 2031), T_2021: (2026, 2031)}
# When each new term's planning was approved: (first day, last day), all before HORIZON.
APPROVAL = {(2025, 2030): (dt.date(2024, 3, 1), dt.date(2025, 9, 30)),
            (2026, 2031): (dt.date(2025, 6, 1), dt.date(2026, 5, 31))}
YEARS_LEFT = 2  # nobody is planned who retires within two years of HORIZON


def _post_at(person: Person, day: dt.date) -> tuple[str, str] | None:
    for unit, position_type, start, end in reversed(person.holdings):
        if start <= day and (end is None or end >= day):
            return unit, position_type
    return None


def plan_current_terms(people: list[Person], seed: int) -> None:
    rng = random.Random(f"{seed}-current-terms")
    horizon_left = dt.date(HORIZON.year + YEARS_LEFT, HORIZON.month, HORIZON.day)
    for person in people:
        post = _post_at(person, HORIZON)
        if post is None or person.retire < horizon_left:
            continue
        unit, position_type = post
        for planned, share, terms in PLANNING.get(position_type, ()):
            if rng.random() >= share:
                continue
            for term in sorted({NEXT_TERM[term] for term in terms}):
                approved = rand_date(rng, *APPROVAL[term])
                person.planning.append((planned, unit, term, approved))
