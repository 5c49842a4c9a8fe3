"""The allowed pairs of a rotation pool × the key vacancies, as the optimiser reads them (SPEC §13)."""

import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.rotation.tests.world import World
from canbo.rules.proposals import rotation_pairs

pytestmark = pytest.mark.django_db
D = dt.date(2018, 1, 1)


def test_allowed_pairs_of_the_pool_and_the_key_vacancies_in_one_query(django_assert_max_num_queries):
    w = World()
    w.post(w.hu_dt, w.bi_thu)
    w.post(w.hu_dl, w.bi_thu)
    w.post(w.xa_ln, w.chu_chot_xa)
    w.post(w.so_nv, w.truong_phong)  # not a key type: no seat for the optimiser
    mover = w.person(w.so_nv, w.truong_phong, hometown=w.lien_nghia)  # local of Đức Trọng
    own = w.person(w.hu_dl, w.pho_phong, hometown=w.lam_dong)  # the province contains the hometown
    w.person(w.ub_dt, w.pho_phong, hometown=w.di_linh)
    punished = w.person(w.so_nv, w.pho_phong)
    services.discipline_add(
        actor=system_actor(), cadre=punished, form="Cảnh cáo", decided_on=dt.date(2017, 10, 1)
    )
    w.person(w.so_nv, w.chuyen_vien, planned=False)  # not in the pool
    # The data token, the rule set, its rules and parameters, a savepoint and its release, the three
    # settings of a PostgreSQL transaction, and the pairs: a fixed number, whatever the pool's size.
    with django_assert_max_num_queries(9):
        rows = rotation_pairs(D)
    pairs = {(r["code"], r["target_unit_code"], r["target_type_code"]) for r in rows}
    assert (mover.code, "HU-DL", "BT-HU") in pairs
    assert (mover.code, "HU-DT", "BT-HU") not in pairs  # N1
    assert (mover.code, "X-LN", "CT-XA") in pairs  # the commune post has no non-local rule
    assert not any(code == own.code and unit == "HU-DL" for code, unit, _t in pairs)  # own unit
    assert not any(code == punished.code for code, _u, _t in pairs)
    assert {unit for _c, unit, _t in pairs} <= {"HU-DT", "HU-DL", "X-LN"}
    wanted = {
        "lv_llct",
        "target_req_llct",
        "planned_target",
        "birth_date",
        "retirement_date",
        "woman",
        "minority",
        "from_unit_id",
        "tham_quyen",
        "huong",
    }
    assert wanted <= set(rows[0])
    w.person(w.hu_dl, w.bi_thu)
    assert not any(r["target_unit_code"] == "HU-DL" for r in rotation_pairs(D))  # the seat is filled now
