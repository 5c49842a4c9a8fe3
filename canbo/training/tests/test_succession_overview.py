"""The succession overview: each position type planned in the current term at D, with the seats and
holders of its posts in the user's units, how many are planned and how many of them are ready; only
the user's scope, a unit's subtree when one is chosen, and the same table as XLSX."""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.core.report import cell_text
from canbo.org.services import post_add
from canbo.people import services
from canbo.reports.tests.builders import Province
from canbo.training.succession import succession
from canbo.training.succession_overview import succession_overview

pytestmark = pytest.mark.django_db
D = dt.date(2021, 6, 30)


@pytest.fixture
def p():
    return Province()


def _plan(cadre, position_type, unit, term):
    services.planning_add(actor=system_actor(), cadre=cadre, position_type=position_type, unit=unit,
                          term_start=term[0], term_end=term[1], approved_on=dt.date(2020, 1, 1))


def _province(p):
    """Two heads of office planned at UBND Đức Trọng for 2020–2025 (one ready, one a woman lacking
    LLCT) and one for 2016–2021 (an older term also covering 2021); one in Di Linh; a Bí thư post of
    Huyện ủy Đức Trọng with two seats, one held."""
    ready = p.cadre()
    p.hold(ready, p.chuyen_vien, p.ub_dt)
    for kind, level in (("llct", "cao_cap"), ("chuyen_mon", "dai_hoc"), ("qlnn", "chuyen_vien")):
        p.qualify(ready, kind, level)
    lacking = p.cadre(gender="nu", ethnicity="K'Ho")
    p.hold(lacking, p.chuyen_vien, p.ub_dt)
    p.qualify(lacking, "chuyen_mon", "dai_hoc")
    older = p.cadre()
    p.hold(older, p.chuyen_vien, p.hu_dt)
    outsider = p.cadre()
    p.hold(outsider, p.chuyen_vien, p.hu_dl)
    for cadre in (ready, lacking):
        _plan(cadre, p.truong_phong, p.ub_dt, (2020, 2025))
    _plan(older, p.truong_phong, p.hu_dt, (2016, 2021))
    _plan(outsider, p.truong_phong, p.hu_dl, (2020, 2025))
    _plan(older, p.bi_thu, p.hu_dt, (2020, 2025))
    post_add(actor=system_actor(), unit=p.hu_dt, position_type=p.bi_thu, seats=2,
             valid_from=dt.date(2015, 1, 1))
    secretary = p.cadre()
    p.hold(secretary, p.bi_thu, p.hu_dt)
    return ready, lacking, older, outsider


def _rows(report):
    return {cell_text(row["chuc_danh"]): {k: cell_text(v) for k, v in row.items()} for row in report.rows}


def test_each_type_counts_its_current_term_against_its_posts(p):
    _province(p)
    hr = User.objects.create_user(username="hr", password=PASSWORD, role=Role.UNIT_HR, scope_unit=p.hu_dt)
    rows = _rows(succession_overview(actor=hr, as_of=D, query={}))
    assert list(rows) == [p.bi_thu.name, p.truong_phong.name]
    heads = rows[p.truong_phong.name]
    # The latest term covering 2021, not 2016–2021; Di Linh's cadre is outside the scope.
    counted = [heads[key] for key in ("nhiem_ky", "quy_hoach", "dat_chuan", "nu", "dan_toc_thieu_so")]
    assert counted == ["2020–2025", "2", "1", "1", "1"]
    assert (heads["so_cho"], heads["dang_giu"]) == ("", "")  # no post of that type declared
    secretary = rows[p.bi_thu.name]
    assert (secretary["so_cho"], secretary["dang_giu"], secretary["quy_hoach"]) == ("2", "1", "1")
    province = _rows(succession_overview(actor=system_actor(), as_of=D, query={}))
    assert province[p.truong_phong.name]["quy_hoach"] == "3"
    later = _rows(succession_overview(actor=system_actor(), as_of=dt.date(2026, 1, 1), query={}))
    assert later == {}  # no term covers 2026


def test_many_planned_cadres_are_read_through_the_scope_rather_than_by_id(p, monkeypatch):
    from canbo.training import succession_overview as overview  # the module, not the function

    _province(p)
    hr = User.objects.create_user(username="hr", password=PASSWORD, role=Role.UNIT_HR, scope_unit=p.hu_dt)
    by_id = _rows(succession_overview(actor=hr, as_of=D, query={}))
    monkeypatch.setattr(overview, "BY_ID_UP_TO", 0)
    assert _rows(succession_overview(actor=hr, as_of=D, query={})) == by_id


def test_a_unit_keeps_its_subtree_and_the_counts_open_the_type_page_with_it(p):
    ready, lacking, older, _outsider = _province(p)
    report = succession_overview(actor=system_actor(), as_of=D, unit=p.hu_dt, query={"don_vi": p.hu_dt.code})
    rows = {cell_text(r["chuc_danh"]): r for r in report.rows}
    heads = rows[p.truong_phong.name]
    assert cell_text(heads["quy_hoach"]) == "2"  # UBND Đức Trọng is under Huyện ủy Đức Trọng
    assert heads["quy_hoach"].url == f"?don_vi={p.hu_dt.code}&chuc_danh={p.truong_phong.code}"
    terms = succession(actor=system_actor(), position_type=p.truong_phong, as_of=D, unit=p.hu_dt)
    assert {c.entry.cadre for c in terms[0].candidates} == {ready, lacking}
    assert [c.entry.cadre for c in terms[1].candidates] == [older]
    only_office = succession_overview(actor=system_actor(), as_of=D, unit=p.ub_dt, query={})
    assert [cell_text(r["chuc_danh"]) for r in only_office.rows] == [p.truong_phong.name]


def test_the_page_shows_the_overview_until_a_type_is_chosen_and_exports_it(p, client):
    _province(p)
    client.force_login(User.objects.create_user(username="btc", password=PASSWORD, role=Role.BTC))
    html = client.get("/quy-hoach/", {"as_of": "30/06/2021"}).content.decode()
    assert "Tổng hợp theo chức danh, nhiệm kỳ hiện hành" in html
    assert f'href="?chuc_danh={p.bi_thu.code}"' in html
    chosen = client.get("/quy-hoach/", {"as_of": "30/06/2021", "chuc_danh": p.bi_thu.code}).content.decode()
    assert "Tổng hợp theo chức danh" not in chosen and "Nhiệm kỳ 2020–2025" in chosen
    download = client.get("/quy-hoach/", {"as_of": "30/06/2021", "xuat": "xlsx"})
    sheet = load_workbook(BytesIO(download.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert any(p.bi_thu.name in [str(v) for v in row] for row in values)


def test_types_are_in_vietnamese_order(p):
    from canbo.org.services import position_type_create

    _province(p)
    party = position_type_create(actor=system_actor(), code="DU", name="Đảng ủy viên")
    cadre = p.cadre()
    p.hold(cadre, p.chuyen_vien, p.hu_dt)
    _plan(cadre, party, p.hu_dt, (2020, 2025))
    names = list(_rows(succession_overview(actor=system_actor(), as_of=D, query={})))
    assert names == [p.bi_thu.name, "Đảng ủy viên", p.truong_phong.name]  # Đ after D, not after Z


def test_the_ready_women_and_minorities_open_the_type_page_with_only_them(p, client):
    ready, lacking, _older, _outsider = _province(p)
    client.force_login(User.objects.create_user(username="btv", password=PASSWORD, role=Role.BTV))
    heads = _rows_linked(succession_overview(actor=system_actor(), as_of=D, query={}))[p.truong_phong.name]
    page = f"?chuc_danh={p.truong_phong.code}"
    assert (heads["dat_chuan"].url, heads["nu"].url) == (f"{page}&nhom=san_sang", f"{page}&nhom=nu")
    for key, shown in (("san_sang", ready), ("nu", lacking), ("dan_toc_thieu_so", lacking)):
        html = client.get("/quy-hoach/", {"as_of": "30/06/2021", "chuc_danh": p.truong_phong.code,
                                          "nhom": key}).content.decode()
        listed = html.split('<table class="data report"')[1]
        assert shown.full_name in listed and ({ready, lacking} - {shown}).pop().full_name not in listed
        assert 'aria-current="true"' in html and 'id="nhom-dang-xem"' in html
    wrong = client.get("/quy-hoach/", {"as_of": "30/06/2021", "chuc_danh": p.truong_phong.code, "nhom": "x"})
    html = wrong.content.decode()
    assert "Không có nhóm “x”" in html and ready.full_name in html and lacking.full_name in html


def _rows_linked(report):
    return {cell_text(row["chuc_danh"]): row for row in report.rows}
