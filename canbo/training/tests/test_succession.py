"""Succession by position: who is planned for a type in each term approved by D, how ready each is
(the type's standard at D against the levels held at D), the programmes that would close a gap,
and each term's structure; only cadres in the user's scope."""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.reports.tests.builders import Province
from canbo.training.succession import succession, term_counts

pytestmark = pytest.mark.django_db
D = dt.date(2020, 1, 1)


@pytest.fixture
def p():
    return Province()


def _planned(p):
    """Three cadres planned for Bí thư Huyện ủy (cao cấp LLCT, đại học, QLNN chuyên viên chính)."""
    ready = p.cadre(gender="nu", ethnicity="K'Ho", birth=dt.date(1985, 1, 1))
    p.hold(ready, p.truong_phong, p.hu_dt)
    p.qualify(ready, "llct", "cao_cap")
    p.qualify(ready, "chuyen_mon", "dai_hoc")
    p.qualify(ready, "qlnn", "chuyen_vien_chinh")
    lacking = p.cadre(birth=dt.date(1970, 1, 2))
    p.hold(lacking, p.truong_phong, p.hu_dt)
    p.qualify(lacking, "llct", "trung_cap")
    p.qualify(lacking, "chuyen_mon", "dai_hoc")
    p.qualify(lacking, "qlnn", "chuyen_vien_chinh", on=dt.date(2020, 1, 2))  # after D: still lacking
    later = p.cadre()
    p.hold(later, p.truong_phong, p.hu_dt)
    for cadre in (ready, lacking):
        p.plan(cadre, p.bi_thu, term=(2020, 2025), approved=dt.date(2019, 6, 1))
    p.plan(ready, p.bi_thu, term=(2015, 2020), approved=dt.date(2016, 1, 1))
    p.plan(later, p.bi_thu, term=(2020, 2025), approved=dt.date(2020, 3, 1))  # approved after D
    return ready, lacking, later


def test_terms_list_the_planned_with_their_gaps_and_the_programmes_closing_them(p):
    ready, lacking, later = _planned(p)
    terms = succession(actor=system_actor(), position_type=p.bi_thu, as_of=D)
    assert [(t.start, t.end) for t in terms] == [(2020, 2025), (2015, 2020)]
    current = terms[0]
    assert [c.entry.cadre for c in current.candidates] == sorted([ready, lacking], key=lambda c: c.sort_key)
    by_cadre = {c.entry.cadre: c for c in current.candidates}
    assert by_cadre[ready].ready and by_cadre[ready].age == 35
    gaps = {gap.kind: gap for gap in by_cadre[lacking].gaps}
    assert set(gaps) == {"llct", "qlnn"} and (gaps["llct"].held, gaps["llct"].required) == (2, 3)
    assert "cao_cap_llct" in {programme.code for programme in gaps["llct"].programmes}
    assert "trung_cap_llct" not in {programme.code for programme in gaps["llct"].programmes}
    assert gaps["qlnn"].programmes  # the QLNN programme gives the level the standard requires
    assert current.structure == {
        "tong_so": 2,
        "nu": 1,
        "dan_toc_thieu_so": 1,
        "san_sang": 1,
        "tuoi_den_30": 0,
        "tuoi_31_40": 1,
        "tuoi_41_50": 1,
        "tuoi_51_60": 0,
        "tuoi_tren_60": 0,
    }
    assert (
        by_cadre[lacking].age == 49 and by_cadre[lacking].years_left == 12
    )  # a man born in 1970 retires at 62


def test_the_page_shows_only_the_scope_and_names_what_is_lacking(p, client):
    ready, lacking, _later = _planned(p)
    outsider = p.cadre()
    p.hold(outsider, p.truong_phong, p.hu_dl)
    p.plan(outsider, p.bi_thu, term=(2020, 2025), approved=dt.date(2019, 6, 1))
    user = User.objects.create_user(username="hr", password=PASSWORD, role=Role.UNIT_HR, scope_unit=p.hu_dt)
    client.force_login(user)
    text = client.get("/quy-hoach/", {"as_of": "01/01/2020", "chuc_danh": "BT-HU"}).content.decode()
    assert ready.code in text and lacking.code in text and outsider.code not in text
    assert "Lý luận chính trị: Trung cấp → Cao cấp" in text and "Nhiệm kỳ 2020–2025" in text


def test_an_unknown_type_code_is_named(p, client):
    client.force_login(User.objects.create_user(username="btc", password=PASSWORD, role=Role.BTC))
    text = client.get("/quy-hoach/", {"chuc_danh": "KHONG-CO"}).content.decode()
    assert "Không có chức danh mã “KHONG-CO” trong quy hoạch." in text


def test_the_page_shows_the_current_term_unless_another_is_chosen(p, client):
    ready, lacking, _later = _planned(p)
    client.force_login(User.objects.create_user(username="btc", password=PASSWORD, role=Role.BTC))
    asked = {"as_of": "01/01/2020", "chuc_danh": "BT-HU"}
    html = client.get("/quy-hoach/", asked).content.decode()
    assert '<h2 id="nhiem-ky">Nhiệm kỳ 2020–2025</h2>' in html  # the term holding 2020, the latest of two
    assert "Nhiệm kỳ 2015–2020 (1 người)" in html and lacking.code in html
    earlier = client.get("/quy-hoach/", {**asked, "nhiem_ky": "2015-2020"}).content.decode()
    assert '<h2 id="nhiem-ky">Nhiệm kỳ 2015–2020</h2>' in earlier
    assert ready.code in earlier and lacking.code not in earlier
    unknown = client.get("/quy-hoach/", {**asked, "nhiem_ky": "1990-1995"}).content.decode()
    assert '<h2 id="nhiem-ky">Nhiệm kỳ 2020–2025</h2>' in unknown


def test_the_current_term_is_the_latest_holding_the_year_viewed_or_else_the_latest(p):
    from canbo.training.succession import Term
    from canbo.training.succession_table import chosen_term

    later, current, earlier = Term(2026, 2031), Term(2021, 2026), Term(2016, 2021)
    assert chosen_term([later, current, earlier], 2026) is later  # latest of the two holding 2026
    assert chosen_term([later, earlier], 2024) is later  # none holds 2024: the latest
    assert chosen_term([later, current, earlier], 2026, "2016-2021") is earlier
    assert chosen_term([], 2026) is None


def test_the_candidates_sort_page_and_export_with_their_gaps(p, client):
    ready, lacking, _later = _planned(p)
    many = [p.cadre() for _n in range(55)]
    for cadre in many:
        p.hold(cadre, p.truong_phong, p.hu_dt)
        p.plan(cadre, p.bi_thu, term=(2020, 2025), approved=dt.date(2019, 6, 1))
    client.force_login(User.objects.create_user(username="btc", password=PASSWORD, role=Role.BTC))
    asked = {"as_of": "01/01/2020", "chuc_danh": "BT-HU"}
    first = client.get("/quy-hoach/", asked).content.decode()
    assert "57 dòng" in first and "hiển thị 1–50" in first and "Trang 1 / 2" in first
    by_readiness = client.get("/quy-hoach/", {**asked, "sap_xep": "-dat_chuan"}).context["table"].rows
    assert by_readiness[0]["ma"] == ready.code  # "Đạt" sorts after "Chưa đạt"
    assert by_readiness[0]["chuc_danh"] == [p.truong_phong.name]  # the posts of the rows shown
    assert all(row["dat_chuan"] == "Chưa đạt" for row in by_readiness[1:])
    ascending = client.get("/quy-hoach/", {**asked, "sap_xep": "dat_chuan", "trang": 2}).context["table"].rows
    assert ascending[-1]["ma"] == ready.code and len(ascending) == 7
    download = client.get("/quy-hoach/", {**asked, "xuat": "xlsx"})
    assert "nguon-ke-can-BT-HU-2020-2025-20200101.xlsx" in download["Content-Disposition"]
    sheet = load_workbook(BytesIO(download.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in values if "Còn thiếu" in row)
    row = next(row for row in values if lacking.code in row)
    assert "Lý luận chính trị: Trung cấp → Cao cấp" in row[header.index("Còn thiếu")]
    assert "Cao cấp lý luận chính trị" in row[header.index("Chương trình bù được")]
    assert row[header.index("Đang giữ")] == p.truong_phong.name
    assert sum(1 for row in values if row and str(row[0]).startswith("CB")) == 57


def test_each_term_counts_its_plannings_and_one_term_is_read_alone(p):
    _planned(p)
    whole = succession(actor=system_actor(), position_type=p.bi_thu, as_of=D)
    counted = term_counts(actor=system_actor(), position_type=p.bi_thu, as_of=D)
    assert [(t.start, t.end, t.structure) for t in counted] == [
        (t.start, t.end, {"tong_so": len(t.candidates)}) for t in whole]
    alone = succession(actor=system_actor(), position_type=p.bi_thu, as_of=D, term=(2015, 2020))
    assert [(t.start, t.end) for t in alone] == [(2015, 2020)]
    assert alone[0].candidates[0].entry == whole[1].candidates[0].entry


def test_many_plannings_are_read_through_the_scope_rather_than_by_id(p, monkeypatch):
    from canbo.training import succession as module

    ready, lacking, _later = _planned(p)
    hr = User.objects.create_user(username="hr", password=PASSWORD, role=Role.UNIT_HR, scope_unit=p.hu_dt)

    def listed():
        terms = succession(actor=hr, position_type=p.bi_thu, as_of=D)
        return [(t.start, [c.entry.cadre.code for c in t.candidates]) for t in terms]

    by_id = listed()
    assert [(start, set(codes)) for start, codes in by_id] == [(2020, {ready.code, lacking.code}),
                                                                (2015, {ready.code})]
    monkeypatch.setattr(module, "BY_ID_UP_TO", 0)
    assert listed() == by_id
