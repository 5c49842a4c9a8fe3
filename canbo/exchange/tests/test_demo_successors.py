"""The demo fills most posts its leaders left at retirement, from late 2025, without changing the
records before then."""

import datetime as dt
from collections import Counter, defaultdict

from canbo.exchange.demo import build
from canbo.exchange.demo.people import HORIZON
from canbo.exchange.demo.successors import FIRST, LAST

SIZE, SEED = 3000, 11
DAY = dt.timedelta(days=1)


def _vacant(rows) -> int:
    held = Counter((unit, kind) for _code, unit, kind, start, end in rows["cong_tac"]
                   if start <= HORIZON and (end is None or end >= HORIZON))
    seats = Counter()
    for unit, kind, n, start, end in rows["vi_tri"]:
        if start <= HORIZON and (end is None or end >= HORIZON):
            seats[(unit, kind)] += n
    return sum(max(0, n - held[key]) for key, n in seats.items())


def test_successors_take_the_posts_from_late_2025_and_nothing_earlier_changes(monkeypatch):
    filled = build.demo_rows(size=SIZE, seed=SEED)
    monkeypatch.setattr(build, "fill_vacated", lambda *arguments: None)
    empty = build.demo_rows(size=SIZE, seed=SEED)
    assert _vacant(filled) <= _vacant(empty) - 50  # at this size many seats have no one drawn at all
    added = [row for row in filled["cong_tac"] if row not in empty["cong_tac"]]
    assert added
    for _code, _unit, _kind, start, end in added:  # a new post, or the post left the day before it
        assert (end is None and FIRST <= start <= LAST) or (end is not None and FIRST - DAY <= end < LAST)
    moved = {row[0] for row in added}
    spans = defaultdict(list)
    for code, _unit, _kind, start, end in filled["cong_tac"]:
        if code in moved:
            spans[code].append((start, end))
    for held in spans.values():  # the successor leaves one post the day before taking the other
        held.sort()
        (_start, left), (taken, now) = held[-2:]
        assert left + DAY == taken and now is None
    for sheet in ("can_bo", "trinh_do", "quy_hoach", "ky_luat", "danh_gia", "luan_chuyen", "vi_tri"):
        assert filled[sheet] == empty[sheet], sheet
