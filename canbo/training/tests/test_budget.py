"""The budget: the estimate of the approved plans' lines against the courses' actual cost shared among
their trainees' units, by unit, programme, year and funding source, within the reader's reach; each
figure lists the lines or course shares behind it; the XLSX holds the same figures as numbers."""

import io

import openpyxl
import pytest
from django.urls import reverse

from canbo.training import budget
from canbo.training.courses import enrolments_add
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_create
from canbo.training.services import programme_update
from canbo.training.tests.test_courses import YEAR, new_course, programme, put_in_force, users  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def spending(small_province, users):  # noqa: F811
    """Sở Nội vụ plans two trainees for đại học (40,000,000 đ each, provincial budget) and three for a
    defence course by head count (3,000,000 đ each, central programme); Huyện ủy Đức Trọng one for đại
    học on the district budget; a draft plan of the next year counts nothing. The đại học course costs
    100,000,000 đ for three trainees: two thirds to Sở Nội vụ, one third to Đức Trọng; a cancelled
    course costs nothing here."""
    programme_update(actor=users["snv"], programme=programme("dai_hoc"), cost_full_time=40_000_000)
    programme_update(actor=users["snv"], programme=programme("qpan_doi_tuong_2"), cost_full_time=3_000_000)
    units, snv, hr = small_province.units, users["snv"], users["hr"]
    plan = plan_create(actor=snv, unit=units["SNV"], year=YEAR, content="")
    line_add(actor=snv, plan=plan, programme=programme("dai_hoc"), mode="tap_trung", codes=["SNV2", "PL1"])
    line_add(actor=snv, plan=plan, programme=programme("qpan_doi_tuong_2"), mode="tap_trung", headcount=3,
             funding="trung_uong")
    put_in_force(plan, users)
    draft = plan_create(actor=snv, unit=units["SNV"], year=YEAR + 1, content="")
    line_add(actor=snv, plan=draft, programme=programme("qpan_doi_tuong_2"), mode="tap_trung", headcount=10)
    district = plan_create(actor=hr, unit=units["HU-DT"], year=YEAR, content="")
    line_add(actor=hr, plan=district, programme=programme("dai_hoc"), mode="tap_trung", codes=["DT2"],
             funding="ngan_sach_huyen")
    put_in_force(district, users)
    cancelled = new_course(snv, code="DH-HUY", seats=1, actual_cost=7_000_000)
    enrolments_add(actor=snv, course=cancelled, codes=["SNV2"])
    transition(actor=snv, obj=cancelled, to="da_huy", comment="Không mở lớp")
    course = new_course(snv, seats=3, actual_cost=100_000_000)  # the line sends SNV2 again
    enrolments_add(actor=snv, course=course, codes=["SNV2", "PL1", "DT2"])
    return course


def _table(actor, by, first=YEAR, last=YEAR + 1, unit=None):
    estimated = budget.estimates(actor=actor, first_year=first, last_year=last, unit=unit)
    spent = budget.actuals(actor=actor, first_year=first, last_year=last, unit=unit)
    return {r["key"]: (r["du_toan"], r["thuc_chi"], r["chenh_lech"])
            for r in budget.table(estimated=estimated, spent=spent, by=by)}


def test_figures_by_unit_programme_year_and_source(small_province, users, spending):  # noqa: F811
    btv = users["btv"]
    assert _table(btv, "don_vi") == {"SNV": (89_000_000, 66_666_667, -22_333_333),
                                     "HU-DT": (40_000_000, 33_333_333, -6_666_667)}
    assert _table(btv, "chuong_trinh") == {"dai_hoc": (120_000_000, 100_000_000, -20_000_000),
                                           "qpan_doi_tuong_2": (9_000_000, 0, -9_000_000)}
    assert _table(btv, "nam") == {str(YEAR): (129_000_000, 100_000_000, -29_000_000)}
    assert _table(btv, "nguon") == {"ngan_sach_tinh": (80_000_000, 100_000_000, 20_000_000),
                                    "ngan_sach_huyen": (40_000_000, 0, -40_000_000),
                                    "trung_uong": (9_000_000, 0, -9_000_000)}
    assert _table(btv, "don_vi", unit=small_province.units["HU-DT"]) == {
        "HU-DT": (40_000_000, 33_333_333, -6_666_667)}
    assert _table(btv, "don_vi", first=YEAR + 1) == {}
    estimated = budget.estimates(actor=btv, first_year=YEAR, last_year=YEAR)
    spent = budget.actuals(actor=btv, first_year=YEAR, last_year=YEAR)
    assert budget.unpriced(estimated, spent) == {"lines": 0, "courses": 0}
    programme_update(actor=users["snv"], programme=programme("qpan_doi_tuong_2"), cost_full_time=None)
    estimated = budget.estimates(actor=btv, first_year=YEAR, last_year=YEAR)
    assert budget.unpriced(estimated, spent) == {"lines": 1, "courses": 0}
    assert budget.totals(estimated) == 120_000_000


def test_a_district_officer_sees_only_its_subtree(small_province, users, spending):  # noqa: F811
    assert _table(users["hr"], "don_vi") == {"HU-DT": (40_000_000, 33_333_333, -6_666_667)}
    assert _table(users["hr"], "nguon") == {"ngan_sach_tinh": (0, 33_333_333, 33_333_333),
                                            "ngan_sach_huyen": (40_000_000, 0, -40_000_000)}


def test_the_page_links_each_figure_to_what_makes_it_and_exports_numbers(client, small_province, users,  # noqa: F811
                                                                         spending):
    client.force_login(users["btv"])
    url = reverse("training:budget") + f"?tu_nam={YEAR}&den_nam={YEAR}"
    page = client.get(url).content.decode()
    assert "66.666.667 đ" in page and "129.000.000 đ" in page and "Ngân sách huyện" in page
    assert f"?tu_nam={YEAR}&amp;den_nam={YEAR}&amp;xem=thuc_chi&amp;theo=don_vi&amp;ma=SNV" in page
    shares = client.get(url + "&xem=thuc_chi&theo=don_vi&ma=HU-DT").content.decode()
    assert "DH-2018" in shares and "33.333.333 đ" in shares and "DH-HUY" not in shares
    lines = client.get(url + "&xem=du_toan&theo=nguon&ma=ngan_sach_tinh").content.decode()
    assert reverse("people:cadre_detail", args=["SNV2"]) in lines and "80.000.000 đ" in lines
    assert "Ka Điệp" not in lines
    book = openpyxl.load_workbook(io.BytesIO(client.get(url + "&xuat=xlsx").content))
    rows = [tuple(row) for row in book.active.iter_rows(min_row=3, values_only=True)]
    assert rows[0] == ("Theo", "Mục", "Dự toán (đồng)", "Thực chi (đồng)", "Chênh lệch (đồng)")
    assert ("Đơn vị", "Sở Nội vụ", 89_000_000, 66_666_667, -22_333_333) in rows
    assert ("Nguồn kinh phí", "Chương trình, đề án của Trung ương", 9_000_000, 0, -9_000_000) in rows
    client.force_login(users["hr"])
    page = client.get(url).content.decode()
    assert "Sở Nội vụ" not in page and "33.333.333 đ" in page


def test_the_page_says_what_counts_as_nothing_only_when_something_does(client, users, spending):  # noqa: F811
    client.force_login(users["btv"])
    url = reverse("training:budget") + f"?tu_nam={YEAR}&den_nam={YEAR}"
    assert 'class="notice warn"' not in client.get(url).content.decode()  # every line and course priced
    spending.actual_cost = None
    spending.save(update_fields=["actual_cost"])
    page = client.get(url).content.decode()
    assert "1 khóa học chưa nhập kinh phí thực chi" in page and "dòng kế hoạch chưa có" not in page
