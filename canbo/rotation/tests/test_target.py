"""`canbo rotation-target` (SPEC §12, R4): the bases, the rotations counted, the rate and its
boundaries (rotations on the period's first and last day, before it and after it, to a commune,
transfers that do not count)."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from canbo.accounts.system import system_actor
from canbo.people.services import movement_add
from canbo.rotation.target import rate
from canbo.rotation.tests.world import World

pytestmark = pytest.mark.django_db

A, B = dt.date(2018, 1, 1), dt.date(2020, 12, 31)


@pytest.fixture
def w():
    return World()


def _move(cadre, from_unit, to_unit, on, kind="luan_chuyen"):
    movement_add(
        actor=system_actor(), cadre=cadre, kind=kind, from_unit=from_unit, to_unit=to_unit, valid_from=on
    )


def _target(capsys, start="2018-01-01", end="2020-12-31"):
    call_command("rotation-target", "--tu-ngay", start, "--den-ngay", end, "--json")
    return json.loads(capsys.readouterr().out)


def _provincial(w):
    """Eight provincial cadres; five make the base, two of them rotated down within [A, B]."""
    first_day = w.person(w.tinh_uy, w.uy_vien, planned=False)  # holds a BTV-managed type
    _move(first_day, w.tinh_uy, w.hu_dt, A)
    last_day = w.person(w.so_nv, w.truong_phong)  # planned for a BTV-managed type
    _move(last_day, w.so_nv, w.xa_ln, B)  # to a commune
    w.person(w.so_nv, w.truong_phong, planned=False)  # neither holds nor planned: not in the base
    before = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(before, w.tinh_uy, w.hu_dt, A - dt.timedelta(days=1))  # rotated before A: out of the base
    transferred = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(transferred, w.tinh_uy, w.hu_dt, dt.date(2019, 5, 1), kind="dieu_dong")  # a transfer
    after = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(after, w.tinh_uy, w.hu_dt, B + dt.timedelta(days=1))  # after B
    sideways = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(sideways, w.tinh_uy, w.mat_tran, dt.date(2019, 1, 1))  # to another provincial unit
    w.person(w.tinh_uy, w.uy_vien, planned=False, birth=dt.date(1955, 1, 1))  # retired before A


def _district(w):
    """Four district cadres: two in the base, one of them rotated up."""
    up = w.person(w.hu_dt, w.truong_phong)  # planned for a BTV-managed, key type
    _move(up, w.hu_dt, w.tinh_uy, dt.date(2019, 3, 1))
    w.person(w.hu_dt, w.bi_thu, planned=False)  # holding is not enough upward: planning counts
    commune = w.person(w.xa_ln, w.truong_phong, planned=False)
    w.plan(commune, w.chu_chot_xa, term=(2015, 2020), approved=dt.date(2016, 1, 1))  # a commune: not district
    key_planned = w.person(w.hu_dl, w.truong_phong, planned=False)
    w.plan(key_planned, w.chu_chot_xa, term=(2015, 2020), approved=dt.date(2016, 1, 1))
    late = w.person(w.hu_dl, w.truong_phong, planned=False)
    w.plan(late, w.bi_thu, term=(2015, 2020), approved=dt.date(2018, 6, 1))  # planned after A


def test_both_directions_count_exactly_as_defined(w, capsys):
    _provincial(w)
    _district(w)
    assert _target(capsys) == {
        "tinh_xuong_huyen": {"co_so": 5, "da_luan_chuyen": 2, "ty_le": 40.0, "chi_tieu": 20, "dat": True},
        "huyen_len_tinh": {"co_so": 2, "da_luan_chuyen": 1, "ty_le": 50.0, "chi_tieu": 20, "dat": True},
    }


def test_the_period_bounds_are_inclusive_and_a_day_later_changes_the_base(w, capsys):
    _provincial(w)
    assert _target(capsys)["tinh_xuong_huyen"]["da_luan_chuyen"] == 2
    # B one day earlier: the last-day rotation falls out; A one day later: the first-day one is
    # now "before A" and leaves the base.
    assert _target(capsys, end="2020-12-30")["tinh_xuong_huyen"]["da_luan_chuyen"] == 1
    later = _target(capsys, start="2018-01-02")["tinh_xuong_huyen"]
    assert (later["co_so"], later["da_luan_chuyen"]) == (4, 1)


def test_an_empty_base_reads_zero_and_not_reached(w, capsys):
    assert _target(capsys)["huyen_len_tinh"] == {
        "co_so": 0,
        "da_luan_chuyen": 0,
        "ty_le": 0.0,
        "chi_tieu": 20,
        "dat": False,
    }


def test_the_rate_rounds_half_up_to_one_decimal():
    assert rate(1, 16) == Decimal("6.3")  # 6.25: half-even would give 6.2
    assert rate(1, 6) == Decimal("16.7")
    assert rate(1, 5) == Decimal("20.0")
    assert rate(0, 0) == Decimal("0.0")


def test_below_the_target_is_not_reached(w, capsys):
    for _n in range(4):
        w.person(w.tinh_uy, w.uy_vien, planned=False)
    rotated = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(rotated, w.tinh_uy, w.hu_dt, dt.date(2019, 1, 1))
    assert _target(capsys)["tinh_xuong_huyen"] == {
        "co_so": 5,
        "da_luan_chuyen": 1,
        "ty_le": 20.0,
        "chi_tieu": 20,
        "dat": True,
    }
    w.person(w.tinh_uy, w.uy_vien, planned=False)
    assert _target(capsys)["tinh_xuong_huyen"]["dat"] is False  # 16.7 < 20


@pytest.mark.parametrize(
    ("start", "end", "named"),
    [("2018-13-01", "2020-12-31", "2018-13-01"), ("2020-01-01", "2019-12-31", "2019-12-31")],
)
def test_bad_dates_end_the_command_naming_the_value(w, start, end, named):
    with pytest.raises(CommandError, match=named):
        call_command("rotation-target", "--tu-ngay", start, "--den-ngay", end, "--json")
