"""The home page's figures, the comparison of the review a year ago and today and the training
progress page's owed figures, moved by the rows
of the cadres a write touched equal those counted again from scratch, for every kind of write and
every scope; a write that may change everyone counts
everything again; and every write records what it touched, whatever path it took."""

import datetime as dt

import pytest
from django.db import transaction

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.core import deltas, moving
from canbo.core.data_cache import bulk_write
from canbo.core.dates import add_years
from canbo.core.models import DataChange, GroupedFigures, GroupedRows
from canbo.dashboard.cards import review_trend, rotation_status
from canbo.dashboard.compare import review_compare
from canbo.dashboard.warm import warm_home
from canbo.org.models import PositionType, Post, Unit
from canbo.org.services import post_add
from canbo.people import services
from canbo.people.models import Cadre, PositionHolding
from canbo.people.scope_counts import scope_figures
from canbo.rules import engine
from canbo.training import progress

pytestmark = pytest.mark.django_db
D = dt.date(2020, 1, 1)
SCOPES = (("btc", Role.BTC, None), ("hr_dt", Role.UNIT_HR, "HU-DT"), ("hr_snv", Role.UNIT_HR, "SNV"))


def _qualification(p, system):
    services.qualification_add(actor=system, cadre=p.cadres["DT2"], kind="chuyen_mon", level="dai_hoc",
                               obtained_on=dt.date(2018, 1, 1))


def _btv_holding(p, system):
    services.holding_add(actor=system, cadre=p.cadres["SNV2"], unit=p.units["X-LN"],
                         position_type=p.types["BT-HU"], valid_from=dt.date(2019, 6, 1))


def _holding_ended(p, system):  # plain SQL: an update, its old and new rows
    PositionHolding.objects.filter(cadre=p.cadres["DT2"]).update(valid_to=dt.date(2019, 6, 30))


def _holding_moved(p, system):  # to another unit: both units' key vacancies move
    PositionHolding.objects.filter(cadre=p.cadres["DT1"]).update(unit=p.units["UB-DT"])


def _holding_removed(p, system):
    PositionHolding.objects.filter(cadre=p.cadres["PL1"]).delete()


def _planning(p, system):
    services.planning_add(actor=system, cadre=p.cadres["DT2"], position_type=p.types["BT-HU"],
                          term_start=2015, term_end=2020, approved_on=dt.date(2017, 1, 1))


def _retired(p, system):
    Cadre.objects.filter(pk=p.cadres["TU1"].pk).update(retirement_date=dt.date(2019, 1, 1))


def _discipline(p, system):
    services.discipline_add(actor=system, cadre=p.cadres["DT1"], form="Cảnh cáo",
                            decided_on=dt.date(2019, 5, 1))


def _new_cadre(p, system):
    person = services.cadre_create(actor=system, code="MOI", full_name="Lê Văn Mới", gender="nam",
                                   birth_date=dt.date(1991, 1, 1), category="cong_chuc")
    services.holding_add(actor=system, cadre=person, unit=p.units["HU-DT"], position_type=p.types["BT-HU"],
                         valid_from=dt.date(2019, 1, 1))


def _post_seats(p, system):  # a post's seats: its unit's key vacancies move, no cadre's figures
    Post.objects.filter(unit=p.units["HU-DT"]).update(seats=2)


def _post_added(p, system):
    post_add(actor=system, unit=p.units["UB-DT"], position_type=p.types["BT-HU"], seats=1)


def _position_type(p, system):  # every holder's scope keys may change
    PositionType.objects.filter(code="CV").update(btv_managed=True)


CADRE_WRITES = [
    _qualification, _btv_holding, _holding_ended, _holding_moved, _holding_removed, _planning, _retired,
    _discipline, _new_cadre,
]
POST_WRITES = [_post_seats, _post_added]


def home_figures(actors) -> dict:
    # Counted as the warming counts it (a request reads it only when kept).
    engine.review_pair_sums_by_reach(engine.context_for(add_years(D, -1)), engine.context_for(D))
    progress.warm(D)  # the training progress page's owed figures at each year's start and end
    return {
        actor.username: (
            review_trend(actor=actor, as_of=D),
            scope_figures(actor=actor, as_of=D),
            rotation_status(actor=actor, as_of=D),
            review_compare(actor=actor, first=add_years(D, -1), second=D),
        )
        for actor in actors
    }


def grouped_sums() -> dict:
    return dict(GroupedFigures.objects.values_list("key", "value"))


def kept_and_fresh(actors) -> tuple:
    """(the figures and the grouped sums kept after the write, the same counted from scratch by a
    request, which keeps the sums only); the same counted by the warming, keeping the rows, are
    the same as the request's."""
    kept = home_figures(actors), grouped_sums()
    deltas.forget_all()
    fresh = home_figures(actors), grouped_sums()
    deltas.forget_all()
    warm_home(D)
    assert (home_figures(actors), grouped_sums()) == fresh
    return kept, fresh


@pytest.fixture
def actors(small_province):
    system = system_actor()
    for code in ("HU-DT", "TU"):  # key posts with seats, so that key vacancies are counted
        type_code = "BT-HU" if code == "HU-DT" else "BT-TU"
        post_add(actor=system, unit=small_province.units[code], position_type=small_province.types[type_code],
                 seats=1)
    found = [system] + [small_province.user(name, role, unit) for name, role, unit in SCOPES]
    warm_home(D)  # counted, and kept with their rows
    home_figures(found)
    return found


@pytest.fixture
def moves(monkeypatch):
    """How many kept figures were moved by the rows of the cadres a write touched."""
    made = []
    moved = deltas._moved
    monkeypatch.setattr(deltas, "_moved", lambda *args: made.append(1) or moved(*args))
    return made


@pytest.mark.parametrize("write", CADRE_WRITES + POST_WRITES, ids=lambda w: w.__name__.strip("_"))
def test_a_write_to_a_few_cadres_or_a_post_moves_the_kept_figures_to_what_a_recount_gives(
    write, small_province, actors, moves
):
    write(small_province, system_actor())
    kept, fresh = kept_and_fresh(actors)
    assert len(moves) == len(kept[1])  # every grouped figure was moved, none counted again
    assert kept == fresh


@pytest.mark.parametrize("write", POST_WRITES, ids=lambda w: w.__name__.strip("_"))
def test_a_write_to_a_post_moves_the_key_vacancies_of_its_unit(write, small_province, actors, moves):
    before = rotation_status(actor=actors[0], as_of=D)["key_vacancies"]
    write(small_province, system_actor())
    assert rotation_status(actor=actors[0], as_of=D)["key_vacancies"] == before + 1
    assert moves  # moved, not counted again


def test_a_write_that_may_change_everyone_counts_everything_again(small_province, actors, moves):
    _position_type(small_province, system_actor())
    kept, fresh = kept_and_fresh(actors)
    assert moves == []
    assert kept == fresh


def test_the_comparison_sees_a_write_whose_cadres_were_not_followed(small_province, actors, monkeypatch):
    monkeypatch.setattr(deltas, "_touched", lambda *args: moving.Touched(frozenset(), frozenset()))
    _btv_holding(small_province, system_actor())
    kept, fresh = kept_and_fresh(actors)
    assert kept != fresh


def changes_since(seq: int) -> list[tuple]:
    """What the writes after `seq` recorded (without the rows that only say a write was made)."""
    rows = DataChange.objects.filter(seq__gt=seq).values_list("cadre_id", "unit_id", "everything")
    return sorted({row for row in rows if row != (None, None, False)}, key=str)


def seq_now() -> int:
    return deltas.current_state()[1]


def test_every_write_records_the_cadres_and_units_it_touched(small_province):
    dt1, dt2 = small_province.cadres["DT1"], small_province.cadres["DT2"]
    hu, ub = small_province.units["HU-DT"], small_province.units["UB-DT"]
    start = seq_now()
    PositionHolding.objects.filter(cadre=dt1).update(unit=ub)
    assert seq_now() > start
    assert changes_since(start) == [(dt1.pk, hu.pk, False), (dt1.pk, ub.pk, False)]
    start = seq_now()
    Cadre.objects.filter(pk=dt2.pk).update(full_name="Ka Điệp B")
    assert changes_since(start) == [(dt2.pk, None, False)]
    start = seq_now()
    PositionHolding.objects.filter(pk=0).delete()  # a write that changed no row
    assert seq_now() == start or changes_since(start) == []
    Unit.objects.filter(pk=hu.pk).update(name="Huyện ủy Đức Trọng mới")  # a name no figure reads
    assert seq_now() > start and changes_since(start) == []
    post_add(actor=system_actor(), unit=hu, position_type=small_province.types["BT-HU"], seats=1)
    start = seq_now()
    Post.objects.filter(unit=hu).update(unit=ub)  # a post's unit alone, both before and after
    assert changes_since(start) == [(None, hu.pk, False), (None, ub.pk, False)]
    start = seq_now()
    Unit.objects.filter(pk=hu.pk).update(code="HU-DT2")
    assert changes_since(start) == [(None, None, True)]


def test_a_bulk_write_counts_as_changing_everyone(small_province):
    start = seq_now()
    with transaction.atomic(), bulk_write():
        services.qualification_add(actor=system_actor(), cadre=small_province.cadres["DT2"], kind="llct",
                                   level="so_cap", obtained_on=dt.date(2018, 1, 1))
    assert (None, None, True) in changes_since(start)
    assert deltas.touched_between((0, start), deltas.current_state()) is None


def test_figures_no_write_can_move_are_dropped_when_everything_is_counted(small_province):
    scope_figures(actor=system_actor(), as_of=dt.date(2018, 1, 1))  # a request: the sums only
    assert GroupedFigures.objects.filter(seq__isnull=True).exists()
    Unit.objects.filter(code="SNV").update(code="SNV2")
    warm_home(D)
    assert not GroupedFigures.objects.filter(seq__isnull=True).exists()
    assert GroupedFigures.objects.exists()


def test_figures_kept_before_a_write_that_may_change_everyone_are_dropped_with_their_rows(small_province):
    with deltas.keeping_rows():  # movable by the writes to a few cadres that follow
        scope_figures(actor=system_actor(), as_of=dt.date(2018, 3, 15))
    kept = set(GroupedFigures.objects.values_list("key", flat=True))
    services.qualification_add(actor=system_actor(), cadre=small_province.cadres["DT2"], kind="llct",
                               level="so_cap", obtained_on=dt.date(2018, 1, 1))
    warm_home(D)
    assert kept <= set(GroupedFigures.objects.values_list("key", flat=True))  # still movable
    Unit.objects.filter(code="SNV").update(code="SNV2")
    warm_home(D)
    assert kept.isdisjoint(GroupedFigures.objects.values_list("key", flat=True))
    assert not GroupedRows.objects.filter(key__in=kept).exists()
    assert GroupedFigures.objects.exists()


def test_beyond_the_most_figures_kept_with_rows_the_least_recent_is_dropped(small_province, monkeypatch):
    monkeypatch.setattr(deltas, "MAX_WITH_ROWS", 2)
    days = [dt.date(2018, 3, 15), dt.date(2018, 4, 15), dt.date(2018, 5, 15)]
    with deltas.keeping_rows():
        for day in days:
            engine.review_sums_by_reach(engine.context_for(day))
    kept = dict(GroupedFigures.objects.values_list("key", "kept_at"))
    assert len(kept) == 2 and set(GroupedRows.objects.values_list("key", flat=True)) == set(kept)
    with deltas.keeping_rows():
        engine.review_sums_by_reach(engine.context_for(days[0]))  # counted again: now the most recent
    assert len(GroupedFigures.objects.all()) == 2
    assert min(kept, key=kept.get) not in GroupedFigures.objects.values_list("key", flat=True)


def test_a_record_numbered_beyond_the_current_write_drops_no_figure(small_province):
    """Records left from before the tables were emptied (the write numbers start again) say nothing
    about the figures counted since."""
    DataChange.objects.create(seq=seq_now() + 1000, everything=True)
    with deltas.keeping_rows():
        engine.review_sums_by_reach(engine.context_for(dt.date(2018, 3, 15)))
    assert GroupedFigures.objects.filter(seq__isnull=False).exists()
