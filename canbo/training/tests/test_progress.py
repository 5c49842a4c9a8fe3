"""Progress of a period per programme: owed at the start (SPEC §9 eligibility, the same table as the
eligible lists), planned on approved plans, trained (passed a completed course), still owed at the end;
by year and for the period, within the reader's reach and a subtree; each figure opens its people."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from canbo.core.dates import moment_on
from canbo.reports.selectors import eligible_lists
from canbo.rules.models import RuleSet
from canbo.training.courses import enrolments_add, result_record
from canbo.training.progress import FIGURES, behind, fostering, period, progress
from canbo.training.tests.test_courses import END, YEAR, in_force_plan, new_course, users  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db
AS_OF = dt.date(YEAR + 1, 6, 30)


def sent_and_completed(small_province, users, programme_code: str, **course) -> None:  # noqa: F811
    """Sở Nội vụ plans SNV2 and PL1 for the programme in YEAR; on its course SNV2 passes and PL1
    fails."""
    snv = users["snv"]
    in_force_plan(small_province, users, lines=[(programme_code, "tap_trung", ["SNV2", "PL1"])])
    opened = moment_on(dt.date(YEAR, 1, 10))
    course = new_course(snv, programme_code=programme_code, at=opened, **course)
    enrolments_add(actor=snv, course=course, codes=["SNV2", "PL1"])
    steps = (("tuyen_sinh", dt.date(YEAR, 2, 1)), ("dang_hoc", course.start), ("cho_ket_qua", END))
    for target, day in steps:
        transition(actor=snv, obj=course, to=target, at=moment_on(day))
    for enrolment in course.enrolments.select_related("cadre"):
        passed = enrolment.cadre.code == "SNV2"
        result_record(actor=snv, enrolment=enrolment, result="dat" if passed else "khong_dat")
    transition(actor=snv, obj=course, to="hoan_thanh", at=moment_on(END + dt.timedelta(days=1)))


@pytest.fixture
def trained(small_province, users):  # noqa: F811
    sent_and_completed(small_province, users, "dai_hoc")


def _codes(small_province, figures) -> dict:
    by_id = {cadre.pk: code for code, cadre in small_province.cadres.items()}
    return {figure: sorted(by_id[pk] for pk in ids) for figure, ids in figures.items()}


def _behind(small_province, actor, figures, unit=None) -> dict:
    """The codes behind each figure of Đại học, checked against the figure's count."""
    ids = {f: behind(actor=actor, figures=figures, key="dai_hoc", figure=f, unit=unit) for f in FIGURES}
    assert {f: len(found) for f, found in ids.items()} == figures.counts("dai_hoc")
    return _codes(small_province, ids)


def test_owed_planned_trained_and_still_owed_by_year(small_province, users, trained):  # noqa: F811
    years = progress(actor=users["btv"], first_year=YEAR, last_year=YEAR + 1, as_of=AS_OF)
    owed = sorted(r["code"] for r in eligible_lists(actor=users["btv"], as_of=dt.date(YEAR, 1, 1),
                                                     programme="dai_hoc"))
    assert owed == ["DT2", "HOI", "PL1", "SNV2"]  # the four Chuyên viên without a degree, far from retiring
    first, second = (_behind(small_province, users["btv"], y) for y in years)
    assert first == {"no_dau_ky": owed, "ke_hoach": ["PL1", "SNV2"], "da_dao_tao": ["SNV2"],
                     "con_no": ["DT2", "HOI", "PL1"]}
    assert second == {"no_dau_ky": ["DT2", "HOI", "PL1"], "ke_hoach": [], "da_dao_tao": [],
                      "con_no": ["DT2", "HOI", "PL1"]}
    assert _behind(small_province, users["btv"], period(years)) == {**first, "no_dau_ky": owed}
    district = progress(actor=users["hr"], first_year=YEAR, last_year=YEAR, as_of=AS_OF)
    assert _behind(small_province, users["hr"], district[0]) == {
        "no_dau_ky": ["DT2"], "ke_hoach": [], "da_dao_tao": [], "con_no": ["DT2"]}
    snv = progress(actor=users["btv"], first_year=YEAR, last_year=YEAR, as_of=AS_OF,
                   unit=small_province.units["SNV"])
    assert _behind(small_province, users["btv"], snv[0], small_province.units["SNV"]) == {
        "no_dau_ky": ["PL1", "SNV2"], "ke_hoach": ["PL1", "SNV2"], "da_dao_tao": ["SNV2"], "con_no": ["PL1"]}


def test_the_page_charts_each_year_and_opens_the_people(client, small_province, users, trained):  # noqa: F811
    client.force_login(users["btv"])
    url = reverse("training:progress") + f"?as_of={AS_OF}&tu_nam={YEAR}&den_nam={YEAR + 1}"
    url += "&chuong_trinh=dai_hoc"
    page = client.get(url).content.decode()
    assert 'class="bars training-progress"' in page and page.count('<svg class="bar"') == 6
    assert f"chuong_trinh=dai_hoc&amp;nam={YEAR}&amp;xem=da_dao_tao" in page
    people = client.get(url + f"&nam={YEAR}&xem=da_dao_tao").content.decode()
    assert reverse("people:cadre_detail", args=["SNV2"]) in people
    assert reverse("people:cadre_detail", args=["PL1"]) not in people
    period_page = client.get(reverse("training:progress") + f"?as_of={AS_OF}").content.decode()
    assert "Tiến độ đào tạo 2017–2020" in period_page  # the period of the rule set in force
    book = openpyxl.load_workbook(io.BytesIO(client.get(url + "&xuat=xlsx").content))
    rows = list(book.active.iter_rows(min_row=3, values_only=True))
    assert rows[0] == ("Chương trình", "Năm", "Nợ đầu kỳ", "Có trong kế hoạch", "Đã đào tạo",
                       "Còn nợ cuối kỳ")
    assert ("Đại học", "Cả giai đoạn", 4, 2, 1, 3) in rows and ("Đại học", YEAR + 1, 3, 0, 0, 3) in rows


@pytest.fixture
def fostered(small_province, users):  # noqa: F811
    sent_and_completed(small_province, users, "nghiep_vu_nha_nuoc", code="NV-2018")


def test_fostering_families_count_the_planned_and_the_trained_and_open_them(
        client, small_province, users, fostered):  # noqa: F811
    rule_set = RuleSet.objects.get(code="KH-2017-2020")
    families = {f.code: f for f in fostering(actor=users["btv"], first_year=YEAR, last_year=YEAR + 1,
                                              rule_set=rule_set, as_of=AS_OF)}
    skills = families["nghiep_vu"]
    assert _codes(small_province, skills.years[YEAR]) == {"ke_hoach": ["PL1", "SNV2"], "da_dao_tao": ["SNV2"]}
    assert _codes(small_province, skills.years[YEAR + 1]) == {"ke_hoach": [], "da_dao_tao": []}
    assert not any(families["quoc_phong_an_ninh"].whole().values())
    district = fostering(actor=users["hr"], first_year=YEAR, last_year=YEAR, rule_set=rule_set, as_of=AS_OF)
    assert all(not any(f.whole().values()) for f in district)  # Đức Trọng's officer reaches no SNV plan
    client.force_login(users["btv"])
    url = reverse("training:progress") + f"?as_of={AS_OF}&tu_nam={YEAR}&den_nam={YEAR + 1}"
    page = client.get(url).content.decode()
    assert f"nhom=nghiep_vu&amp;nam={YEAR}&amp;xem=da_dao_tao" in page
    people = client.get(url + f"&nhom=nghiep_vu&nam={YEAR}&xem=da_dao_tao")
    assert people.context["listed_title"].endswith("Đã bồi dưỡng")
    assert [c.code for c in people.context["listed"]] == ["SNV2"]
    book = openpyxl.load_workbook(io.BytesIO(client.get(url + "&xuat=xlsx").content))
    rows = list(book.active.iter_rows(min_row=3, values_only=True))
    assert (skills.name, "Cả giai đoạn", None, 2, 1, None) in rows
    assert (skills.name, YEAR, None, 2, 1, None) in rows
