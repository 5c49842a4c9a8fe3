"""The staff quality report: each indicator counts exactly the cadres active at D who have it, by
category; levels are the highest obtained by D; ages are completed years at D within the limits
typed; each count opens its people; the user's scope bounds every cell."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.reports.staff_quality import age_bands, cadres_of, staff_quality
from canbo.reports.tests.builders import Province

pytestmark = pytest.mark.django_db
D = dt.date(2020, 1, 1)


@pytest.fixture
def p():
    return Province()


def _people(p):
    """Four active cadres and one who has left; levels and ages chosen to sit on the boundaries."""
    a = p.cadre(
        birth=dt.date(1989, 1, 1),
        gender="nu",
        ethnicity="K'Ho",
        category="can_bo",
        party_member=True,
        party_join_date=dt.date(2015, 1, 1),
        rank=p.ngach_cv,
    )  # 31 at D
    p.hold(a, p.truong_phong, p.hu_dt)
    p.qualify(a, "llct", "cao_cap", on=dt.date(2019, 12, 31))
    p.qualify(a, "chuyen_mon", "dai_hoc")
    b = p.cadre(
        birth=dt.date(1989, 1, 2),
        category="cong_chuc",
        party_member=True,
        party_join_date=dt.date(2020, 1, 2),
        ethnicity="Kinh",
    )  # 30 at D; joins the Party after D
    p.hold(b, p.chuyen_vien, p.so_nv)
    p.qualify(b, "llct", "cu_nhan", on=dt.date(2018, 5, 1))
    p.qualify(b, "llct", "trung_cap", on=dt.date(2010, 5, 1))
    p.qualify(b, "chuyen_mon", "thac_si", on=dt.date(2020, 1, 2))  # after D: not counted
    c = p.cadre(birth=dt.date(1960, 1, 2), category="cong_chuc")  # 59 at D, not retired
    p.hold(c, p.chuyen_vien, p.hu_dt)
    d = p.cadre(birth=dt.date(1975, 3, 3), category="vien_chuc")
    p.hold(d, p.nhan_vien, p.so_nv)
    gone = p.cadre(category="cong_chuc")
    p.hold(gone, p.chuyen_vien, p.so_nv, end=dt.date(2019, 12, 31))
    return a, b, c, d


def test_each_indicator_counts_by_category_at_the_date(p):
    a, b, c, d = _people(p)
    quality = staff_quality(actor=system_actor(), as_of=D)
    counts = quality.counts
    assert counts["tong_so"] == {
        "tong": 4,
        "can_bo": 1,
        "cong_chuc": 2,
        "vien_chuc": 1,
        "khong_chuyen_trach": 0,
    }
    assert counts["dang_vien"]["tong"] == 1  # b joins after D
    assert (counts["nu"]["tong"], counts["dan_toc_thieu_so"]["tong"]) == (1, 1)  # Kinh is not a minority
    assert counts["llct_3"]["tong"] == 2  # cao cấp and cử nhân share a line
    assert counts["llct_2"]["tong"] == 0  # b's trung cấp is below their cử nhân
    assert (counts["llct_0"]["tong"], counts["chuyen_mon_3"]["tong"], counts["chuyen_mon_4"]["tong"]) == (
        2,
        1,
        0,
    )
    assert (counts[f"ngach_{p.ngach_cv.code}"]["tong"], counts["ngach_khong"]["tong"]) == (1, 3)
    assert counts["tuoi_den_30"]["tong"] == 1 and cadres_of(quality, "tuoi_den_30", "tong") == [b.id]
    assert cadres_of(quality, "tuoi_31_40", "tong") == [a.id]
    assert cadres_of(quality, "tuoi_51_60", "tong") == [c.id]
    assert counts["tuoi_tren_60"]["tong"] == 0
    assert cadres_of(quality, "llct_3", "cong_chuc") == [b.id]
    for kind in ("llct", "chuyen_mon", "qlnn", "ngoai_ngu", "tin_hoc"):  # every cadre on one line per kind
        assert sum(row["tong"] for key, row in counts.items() if key.startswith(f"{kind}_")) == 4


def test_age_bands_follow_the_limits():
    assert [(key, low, high) for key, _label, low, high in age_bands((35, 50))] == [
        ("tuoi_den_35", 0, 35),
        ("tuoi_36_50", 36, 50),
        ("tuoi_tren_50", 51, None),
    ]


def _user(username, role, scope_unit=None):
    return User.objects.create_user(username=username, password=PASSWORD, role=role, scope_unit=scope_unit)


def test_the_page_links_each_count_to_its_people_within_scope(p, client):
    a, b, c, d = _people(p)
    client.force_login(_user("hr", Role.UNIT_HR, p.hu_dt))
    page = client.get("/ra-soat/chat-luong/", {"as_of": "01/01/2020"})
    text = page.content.decode()
    assert page.status_code == 200 and "?chi_tieu=tong_so&amp;cot=tong" in text
    people = client.get("/ra-soat/chat-luong/", {"as_of": "01/01/2020", "chi_tieu": "tong_so", "cot": "tong"})
    listed = people.content.decode()
    assert a.code in listed and c.code in listed and b.code not in listed and d.code not in listed
    export = client.get("/ra-soat/chat-luong/", {"as_of": "01/01/2020", "xuat": "xlsx"})
    sheet = load_workbook(__import__("io").BytesIO(export.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    total = next(row for row in rows if row[1] == "Tổng số")
    assert total[2:4] == [2, 1]  # Đức Trọng: a (cán bộ) and c (công chức); numbers, not text


def test_bad_age_limits_are_named_and_the_defaults_used(p, client):
    _people(p)
    client.force_login(_user("btc", Role.BTC))
    text = client.get("/ra-soat/chat-luong/", {"as_of": "01/01/2020", "moc_tuoi": "40, 30"}).content.decode()
    assert "Mốc tuổi “40, 30” không hợp lệ" in text and "Đến 30 tuổi" in text
    text = client.get("/ra-soat/chat-luong/", {"as_of": "01/01/2020", "moc_tuoi": "35,45"}).content.decode()
    assert "Từ 36 đến 45 tuổi" in text and "Trên 45 tuổi" in text
