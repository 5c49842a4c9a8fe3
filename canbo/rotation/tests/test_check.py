"""`canbo check-proposal` (SPEC §11) on hand-made edge cases."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from canbo.accounts.system import system_actor
from canbo.core.dates import add_years
from canbo.rotation.tests.world import World

pytestmark = pytest.mark.django_db
D = dt.date(2018, 1, 1)


@pytest.fixture
def w():
    return World()


def test_d_plus_years_falls_on_1_march_after_29_february():
    assert add_years(dt.date(2020, 2, 29), 3) == dt.date(2023, 3, 1)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)
    assert add_years(dt.date(2019, 3, 1), 3) == dt.date(2022, 3, 1)


def test_term_from_29_february_boundaries_inclusive(w):
    cadre = w.person(w.so_nv, w.truong_phong)
    start = dt.date(2020, 2, 29)

    def r5(end, **kw):
        return "R5_thoi_han" in w.check(cadre, w.hu_dl, w.truong_phong, start=start, end=end, **kw)["vi_pham"]

    assert not r5(dt.date(2023, 2, 28))  # E + 1 = 1 March 2023 = D + 3 years
    assert r5(dt.date(2023, 2, 27))
    assert not r5(dt.date(2025, 2, 28))  # E + 1 = 1 March 2025 = D + 5 years
    assert r5(dt.date(2025, 3, 1))
    assert r5(None)
    assert not r5(None, exception=True)
    assert not r5(dt.date(2020, 6, 1), exception=True)


def test_term_boundaries_on_an_ordinary_day(w):
    cadre = w.person(w.so_nv, w.truong_phong)
    codes = lambda end: w.check(cadre, w.hu_dl, w.truong_phong, start=D, end=end)["vi_pham"]  # noqa: E731
    assert "R5_thoi_han" not in codes(dt.date(2020, 12, 31))
    assert "R5_thoi_han" in codes(dt.date(2020, 12, 30))
    assert "R5_thoi_han" not in codes(dt.date(2022, 12, 31))
    assert "R5_thoi_han" in codes(dt.date(2023, 1, 1))
    transfer = w.check(cadre, w.hu_dl, w.truong_phong, kind="dieu_dong", start=D, end=None)
    assert "R5_thoi_han" not in transfer["vi_pham"]


def test_rotations_start_on_1_october_2017(w):
    cadre = w.person(w.so_nv, w.truong_phong)
    before = w.check(cadre, w.hu_dl, w.truong_phong, start=dt.date(2017, 9, 30))
    on = w.check(cadre, w.hu_dl, w.truong_phong, start=dt.date(2017, 10, 1))
    assert "R6_truoc_thoi_diem" in before["vi_pham"]
    assert "R6_truoc_thoi_diem" not in on["vi_pham"]
    transfer = w.check(cadre, w.hu_dl, w.truong_phong, kind="dieu_dong", start=dt.date(2017, 9, 30))
    assert "R6_truoc_thoi_diem" not in transfer["vi_pham"]


def test_pool_for_rotation_and_exclusions_for_transfer(w):
    unplanned = w.person(w.so_nv, w.truong_phong, planned=False)
    assert w.check(unplanned, w.hu_dl, w.truong_phong)["vi_pham"] == ["R2_ngoai_nguon"]
    assert w.check(unplanned, w.hu_dl, w.truong_phong, kind="dieu_dong")["vi_pham"] == []
    disciplined = w.person(w.so_nv, w.truong_phong)
    from canbo.people import services

    services.discipline_add(
        actor=system_actor(), cadre=disciplined, form="Khiển trách", decided_on=dt.date(2017, 6, 1)
    )
    assert w.check(disciplined, w.hu_dl, w.truong_phong)["vi_pham"] == ["R2_ngoai_nguon"]
    assert w.check(disciplined, w.hu_dl, w.truong_phong, kind="dieu_dong")["vi_pham"] == ["D1_loai_tru"]


def test_rotation_authority_branches(w):
    plain = w.person(w.so_nv, w.truong_phong)
    assert w.check(plain, w.so_nv, w.pho_phong)["tham_quyen"] == "cap_uy_don_vi"
    assert w.check(plain, w.so_nv, w.uy_vien)["tham_quyen"] == "btv"  # target type BTV-managed
    assert w.check(plain, w.hu_dt, w.truong_phong)["tham_quyen"] == "btv"  # out of locality
    assert w.check(plain, w.tinh_uy, w.truong_phong)["tham_quyen"] == "btv"  # out of sector
    leader = w.person(w.so_nv, w.uy_vien)
    assert w.check(leader, w.so_nv, w.truong_phong)["tham_quyen"] == "btv"  # from type BTV-managed


def test_transfer_authority_branches(w):
    def authority(unit, target, position_type=None):
        cadre = w.person(unit, w.truong_phong)
        return w.check(cadre, target, position_type or w.truong_phong, kind="dieu_dong")["tham_quyen"]

    assert authority(w.so_nv, w.so_nv, w.uy_vien) == "btv"
    assert authority(w.so_nv, w.hu_dt) == "bcs_dang_ubnd"
    assert authority(w.benh_vien, w.tinh_uy) == "bcs_dang_ubnd"
    assert authority(w.tinh_uy, w.so_nv) == "btc"
    assert authority(w.mat_tran, w.hu_dl) == "btc"
    assert authority(w.cong_an, w.so_nv) == "btv"
    assert authority(w.so_nv, w.so_nv) == "cap_uy_don_vi"
    assert authority(w.ub_dt, w.xa_ln) == "cap_uy_don_vi"  # a commune of the same district


def test_direction_and_localities_at_each_level(w):
    province = w.person(w.so_nv, w.truong_phong)
    district = w.person(w.ub_dt, w.truong_phong)
    commune = w.person(w.xa_ln, w.chu_chot_xa)
    assert w.check(province, w.ub_dt, w.truong_phong)["huong"] == "xuong"
    assert w.check(district, w.so_nv, w.truong_phong)["huong"] == "len"
    assert w.check(district, w.hu_dl, w.truong_phong, kind="dieu_dong")["huong"] == "ngang"
    assert w.check(commune, w.ub_dt, w.truong_phong)["huong"] == "len"
    # A commune's district-level locality is its district; province units count as one value.
    assert w.check(commune, w.ub_dt, w.truong_phong, kind="dieu_dong")["tham_quyen"] == "cap_uy_don_vi"
    assert w.check(commune, w.hu_dl, w.truong_phong, kind="dieu_dong")["tham_quyen"] == "bcs_dang_ubnd"
    assert w.check(province, w.benh_vien, w.truong_phong, kind="dieu_dong")["tham_quyen"] == "bcs_dang_ubnd"
    assert w.check(province, w.so_nv, w.pho_phong, kind="dieu_dong")["tham_quyen"] == "cap_uy_don_vi"


def test_one_time_support_for_key_leaders_rotated_by_btv(w):
    key = w.person(w.xa_ln, w.chu_chot_xa)
    assert w.check(key, w.hu_dl, w.truong_phong)["ho_tro_mot_lan"] is True
    assert w.check(key, w.hu_dl, w.truong_phong, kind="dieu_dong")["ho_tro_mot_lan"] is False
    assert w.check(key, w.xa_ln, w.truong_phong)["ho_tro_mot_lan"] is False  # the unit's own committee
    plain = w.person(w.so_nv, w.truong_phong)
    assert w.check(plain, w.hu_dl, w.truong_phong)["ho_tro_mot_lan"] is False


def test_non_local_with_and_without_hometown(w):
    local = w.person(w.so_nv, w.truong_phong, hometown=w.lien_nghia)
    elsewhere = w.person(w.so_nv, w.truong_phong, hometown=w.di_linh)
    unknown = w.person(w.so_nv, w.truong_phong)
    assert "N1_nguoi_dia_phuong" in w.check(local, w.hu_dt, w.bi_thu)["vi_pham"]
    assert "N1_nguoi_dia_phuong" not in w.check(local, w.hu_dt, w.truong_phong)["vi_pham"]
    assert "N1_nguoi_dia_phuong" not in w.check(elsewhere, w.hu_dt, w.bi_thu)["vi_pham"]
    assert "N1_nguoi_dia_phuong" not in w.check(unknown, w.hu_dt, w.bi_thu)["vi_pham"]
    assert "N1_nguoi_dia_phuong" in w.check(local, w.tinh_uy, w.bi_thu)["vi_pham"]  # the province contains it


def test_already_holding_the_target(w):
    cadre = w.person(w.hu_dl, w.truong_phong)
    assert "da_giu_vi_tri" in w.check(cadre, w.hu_dl, w.truong_phong)["vi_pham"]
    assert "da_giu_vi_tri" not in w.check(cadre, w.hu_dt, w.truong_phong)["vi_pham"]


def test_inactive_cadre(w):
    gone = w.person(w.so_nv, w.truong_phong, birth=dt.date(1955, 1, 1))
    expected = {
        "hop_le": False,
        "vi_pham": ["khong_dang_cong_tac"],
        "canh_bao": [],
        "tu_don_vi": None,
        "huong": None,
        "tham_quyen": None,
        "ho_tro_mot_lan": None,
    }
    assert w.check(gone, w.hu_dl, w.truong_phong) == expected
    left = w.cadre()
    w.hold(left, w.truong_phong, w.so_nv, dt.date(2010, 1, 1), dt.date(2017, 12, 31))
    assert w.check(left, w.hu_dl, w.truong_phong, kind="dieu_dong") == expected


def test_from_unit_tie_break(w):
    cadre = w.person(w.xa_ln, w.chu_chot_xa)
    w.hold(cadre, w.nhan_vien, w.hu_dl, dt.date(2012, 1, 1))
    w.hold(cadre, w.chuyen_vien, w.hu_dt, dt.date(2014, 1, 1))
    assert w.check(cadre, w.so_nv, w.truong_phong)["tu_don_vi"] == "HU-DT"  # huyen over xa, latest start
    w.hold(cadre, w.nhan_vien, w.ub_dt, dt.date(2014, 1, 1))
    assert w.check(cadre, w.so_nv, w.truong_phong)["tu_don_vi"] == "HU-DT"  # same start: smallest code
    w.hold(cadre, w.chuyen_vien, w.cong_an, dt.date(2009, 1, 1))
    assert w.check(cadre, w.so_nv, w.truong_phong)["tu_don_vi"] == "CA"  # tinh first


def test_standards_and_vacancy_warnings(w):
    cadre = w.person(w.so_nv, w.truong_phong)
    w.qualify(cadre, "llct", "cao_cap")
    result = w.check(cadre, w.hu_dl, w.truong_phong)
    assert result["canh_bao"] == ["tieu_chuan_chuyen_mon", "tieu_chuan_qlnn", "khong_co_vi_tri_khuyet"]
    w.post(w.hu_dl, w.truong_phong)
    assert w.check(cadre, w.hu_dl, w.truong_phong)["canh_bao"] == ["tieu_chuan_chuyen_mon", "tieu_chuan_qlnn"]


def test_command_prints_keys_in_order_and_refuses_bad_input(w, capsys):
    cadre = w.person(w.so_nv, w.truong_phong)
    call_command(
        "check-proposal",
        "--cadre",
        cadre.code,
        "--loai",
        "luan_chuyen",
        "--den-don-vi",
        "HU-DL",
        "--chuc-danh",
        "TP",
        "--tu-ngay",
        "2018-01-01",
        "--den-ngay",
        "31/12/2020",
        "--json",
    )
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == [
        "hop_le",
        "vi_pham",
        "canh_bao",
        "tu_don_vi",
        "huong",
        "tham_quyen",
        "ho_tro_mot_lan",
    ]
    assert printed["tu_don_vi"] == "SNV" and printed["huong"] == "xuong"
    base = ["--loai", "luan_chuyen", "--chuc-danh", "TP", "--json"]
    for args, bad in [
        (["--cadre", "KHONG", "--den-don-vi", "HU-DL", "--tu-ngay", "2018-01-01"], "KHONG"),
        (["--cadre", cadre.code, "--den-don-vi", "XX", "--tu-ngay", "2018-01-01"], "XX"),
        (["--cadre", cadre.code, "--den-don-vi", "HU-DL", "--tu-ngay", "2018-02-30"], "2018-02-30"),
    ]:
        with pytest.raises(CommandError, match=bad):
            call_command("check-proposal", *base, *args)
    with pytest.raises(CommandError, match="ZZ"):
        call_command(
            "check-proposal",
            "--cadre",
            cadre.code,
            "--loai",
            "dieu_dong",
            "--den-don-vi",
            "HU-DL",
            "--chuc-danh",
            "ZZ",
            "--tu-ngay",
            "2018-01-01",
        )


def test_a_check_whose_rule_is_absent_from_the_rule_set_does_not_run(w):
    from canbo.rules.models import Rule

    local = w.person(w.so_nv, w.truong_phong, hometown=w.lien_nghia)
    assert "N1_nguoi_dia_phuong" in w.check(local, w.hu_dt, w.bi_thu)["vi_pham"]
    Rule.objects.filter(code__in=["N1", "R7"]).delete()
    result = w.check(local, w.hu_dt, w.bi_thu)
    assert "N1_nguoi_dia_phuong" not in result["vi_pham"]
    assert result["tham_quyen"] is None  # R7 decides a rotation's authority; without it, nobody does
