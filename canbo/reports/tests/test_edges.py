"""Hand-made edge cases of SPEC §8–§9, through the commands' JSON."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.reports.tests.builders import Province

pytestmark = pytest.mark.django_db
D = dt.date(2017, 6, 30)


def run(*args) -> dict:
    out = StringIO()
    call_command(*args, "--json", stdout=out)
    return json.loads(out.getvalue())


def eligible(code, as_of=D) -> dict:
    result = run("eligibility", "--cadre", code, "--as-of", as_of.isoformat())
    return {item["ma"]: item for item in result["chuong_trinh"]}


@pytest.fixture
def p():
    return Province()


def test_age_exactly_35_and_40_mode_and_young_priority(p):
    at_35 = p.cadre(code="A35", birth=dt.date(1982, 6, 30))
    under_35 = p.cadre(code="U35", birth=dt.date(1982, 7, 1))
    at_40 = p.cadre(code="A40", birth=dt.date(1977, 6, 30))
    under_40 = p.cadre(code="U40", birth=dt.date(1977, 7, 1))
    for cadre in (at_35, under_35, at_40, under_40):
        p.hold(cadre, p.truong_phong)
    assert "tre" not in eligible("A35")["cao_cap_llct"]["uu_tien"]
    assert "tre" in eligible("U35")["cao_cap_llct"]["uu_tien"]
    assert eligible("A40")["cao_cap_llct"]["hinh_thuc"] == "tai_chuc"
    assert eligible("U40")["cao_cap_llct"]["hinh_thuc"] == "tap_trung"
    assert eligible("A40")["dai_hoc"]["hinh_thuc"] is None


def test_year_only_birth_date_counts_from_first_of_january(p):
    cadre = p.cadre(code="Y", birth=dt.date(1977, 1, 1), precision="year")
    p.hold(cadre, p.truong_phong)
    assert eligible("Y", dt.date(2016, 12, 31))["cao_cap_llct"]["hinh_thuc"] == "tap_trung"
    assert eligible("Y", dt.date(2017, 1, 1))["cao_cap_llct"]["hinh_thuc"] == "tai_chuc"


def test_cu_nhan_counts_as_cao_cap_and_qualification_after_d_does_not(p):
    a = p.cadre(code="CN")
    p.hold(a, p.truong_phong)
    p.qualify(a, "llct", "cu_nhan")
    b = p.cadre(code="LATE")
    p.hold(b, p.truong_phong)
    p.qualify(b, "llct", "cao_cap", on=dt.date(2017, 7, 1))
    review = run("review", "--as-of", D.isoformat())
    assert review["thieu_cao_cap_llct"] == 1
    assert "cao_cap_llct" in eligible("LATE")
    assert "cao_cap_llct" not in eligible("LATE", dt.date(2017, 7, 1))


def test_planning_term_boundaries_and_approval_after_d(p):
    a = p.cadre(code="PL")
    p.hold(a, p.nhan_vien)
    p.plan(a, p.uy_vien, term=(2015, 2017), approved=dt.date(2015, 1, 10))
    b = p.cadre(code="LATEPL")
    p.hold(b, p.nhan_vien)
    p.plan(b, p.uy_vien, term=(2017, 2020), approved=dt.date(2017, 7, 1))
    assert "cao_cap_llct" in eligible("PL", dt.date(2017, 12, 31))
    assert "cao_cap_llct" not in eligible("PL", dt.date(2018, 1, 1))
    assert "cao_cap_llct" not in eligible("LATEPL", D)
    assert "cao_cap_llct" in eligible("LATEPL", dt.date(2017, 7, 1))
    assert eligible("PL", D)["cao_cap_llct"]["uu_tien"] == ["quy_hoach_btv"]


def test_rank_requiring_qlnn_language_and_it(p):
    a = p.cadre(code="NG", rank=p.ngach_cv)
    p.hold(a, p.nhan_vien)
    p.qualify(a, "ngoai_ngu", "bac_2")
    p.qualify(a, "tin_hoc", "co_ban")
    review = run("review", "--as-of", D.isoformat())
    assert review["thieu_qlnn"] == 1
    assert review["thieu_ngoai_ngu_tin_hoc"] == 0
    assert set(eligible("NG")) == {"qlnn"}


def test_retired_on_and_after_the_retirement_date(p):
    a = p.cadre(code="RT", birth=dt.date(1957, 6, 10))  # man, 60 in 06/2017: retires 30/06/2017
    assert a.retirement_date == dt.date(2017, 6, 30)
    p.hold(a, p.truong_phong)
    assert run("review", "--as-of", "2017-06-30")["thieu_cao_cap_llct"] == 1
    assert run("review", "--as-of", "2017-07-01")["thieu_cao_cap_llct"] == 0
    assert eligible("RT", dt.date(2017, 7, 1)) == {}


def test_discipline_with_and_without_end_date(p):
    system = system_actor()
    a = p.cadre(code="KL1")
    b = p.cadre(code="KL2")
    c = p.cadre(code="OK")
    for cadre in (a, b, c):
        p.hold(cadre, p.nhan_vien)
        p.plan(cadre, p.bi_thu, term=(2015, 2020))
    services.discipline_add(actor=system, cadre=a, form="Khiển trách", decided_on=dt.date(2016, 6, 30))
    services.discipline_add(
        actor=system,
        cadre=b,
        form="Cảnh cáo",
        decided_on=dt.date(2015, 1, 1),
        effective_until=dt.date(2020, 12, 31),
    )
    pool = run("rotation-pool", "--as-of", "2017-06-30")
    assert pool == {
        "du_dieu_kien": ["OK"],
        "loai_tru": [{"ma": "KL1", "ly_do": ["ky_luat"]}, {"ma": "KL2", "ly_do": ["ky_luat"]}],
    }
    pool = run("rotation-pool", "--as-of", "2017-07-01")
    assert pool["du_dieu_kien"] == ["KL1", "OK"]


def test_rotation_reasons_in_order_and_latest_evaluation(p):
    system = system_actor()
    a = p.cadre(code="EV")
    p.hold(a, p.nhan_vien)
    p.plan(a, p.chu_chot_xa, term=(2015, 2020))
    services.evaluation_add(
        actor=system, cadre=a, year=2016, rating="khong_hoan_thanh", prestige_decline=True
    )
    services.evaluation_add(actor=system, cadre=a, year=2018, rating="tot")
    services.discipline_add(actor=system, cadre=a, form="Khiển trách", decided_on=dt.date(2017, 1, 1))
    pool = run("rotation-pool", "--as-of", "2017-06-30")
    assert pool["loai_tru"] == [{"ma": "EV", "ly_do": ["ky_luat", "uy_tin_giam", "khong_dat_tieu_chuan"]}]
    assert run("rotation-pool", "--as-of", "2018-06-30") == {"du_dieu_kien": ["EV"], "loai_tru": []}


def test_non_local_with_nested_localities(p):
    local = p.cadre(code="L1", hometown=p.lien_nghia)  # commune inside Đức Trọng
    outsider = p.cadre(code="L2", hometown=p.di_linh)
    p.hold(local, p.bi_thu, unit=p.hu_dt)
    p.hold(outsider, p.bi_thu, unit=p.hu_dt)
    p.hold(local, p.truong_phong, unit=p.ub_dt)  # not flagged
    result = run("nonlocal", "--as-of", D.isoformat())
    assert result == {"vi_pham": [{"ma_can_bo": "L1", "ma_don_vi": "HU-DT", "ma_chuc_danh": "BT-HU"}]}


def test_unit_subtree(p):
    a = p.cadre(code="IN")
    p.hold(a, p.truong_phong, unit=p.ub_dt)
    b = p.cadre(code="OUT")
    p.hold(b, p.truong_phong, unit=p.hu_dl)
    c = p.cadre(code="ENDED")
    p.hold(c, p.truong_phong, unit=p.ub_dt, end=dt.date(2017, 6, 29))
    p.hold(c, p.truong_phong, unit=p.so_nv, start=dt.date(2017, 6, 30))
    assert run("review", "--as-of", D.isoformat(), "--unit", "HU-DT")["thieu_cao_cap_llct"] == 1
    assert run("review", "--as-of", D.isoformat(), "--unit", "TU")["thieu_cao_cap_llct"] == 2
    assert run("review", "--as-of", D.isoformat())["thieu_cao_cap_llct"] == 3


def test_professional_trung_cap_split(p):
    appointed = p.cadre(code="BN")
    p.hold(appointed, p.chuyen_vien)
    planned = p.cadre(code="QH")
    p.hold(planned, p.nhan_vien)
    p.plan(planned, p.chu_chot_xa, term=(2015, 2020))
    has_it = p.cadre(code="CO")
    p.hold(has_it, p.chuyen_vien)
    p.qualify(has_it, "chuyen_mon", "trung_cap")
    review = run("review", "--as-of", D.isoformat())
    assert review["thieu_trung_cap_chuyen_mon"] == {"tong": 2, "bo_nhiem": 1, "quy_hoach": 1}


def test_hoan_chinh_replaces_trung_cap_and_course_length_vs_retirement(p):
    a = p.cadre(code="HC", birth=dt.date(1985, 1, 1))
    p.hold(a, p.pho_phong)
    p.plan(a, p.pho_phong, term=(2015, 2020))
    p.qualify(a, "chuyen_mon", "dai_hoc", llct_overlap_periods=250)
    found = eligible("HC")
    assert "hoan_chinh_trung_cap_llct" in found and "trung_cap_llct" not in found
    b = p.cadre(code="OLD", birth=dt.date(1960, 1, 1))  # retires 31/01/2020: too soon for 4 + 5 years
    p.hold(b, p.truong_phong)
    assert "dai_hoc" not in eligible("OLD")
    assert run("review", "--as-of", D.isoformat())["thieu_dai_hoc"] == 1


def test_bad_input_is_refused_in_vietnamese(p):
    with pytest.raises(CommandError, match="không hợp lệ"):
        run("review", "--as-of", "30/13/2017")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        run("review", "--as-of", "2017-06-30", "--unit", "KHONGCO")
    with pytest.raises(CommandError, match="Không có cán bộ"):
        run("eligibility", "--cadre", "KHONGCO", "--as-of", "2017-06-30")
