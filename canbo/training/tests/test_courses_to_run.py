"""The courses a user runs, on the home page and in the list of courses: each open state counted,
and those behind their dates at the date viewed; every count opens the list that has as many rows.
The list sorts, pages and exports as a report."""

import datetime as dt
import html
import re
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from canbo.core.dates import moment_on
from canbo.training.courses import enrolments_add
from canbo.training.models import CourseState
from canbo.training.tests.test_courses import in_force_plan, new_course, programme, users  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db
COUNTED = re.compile(r'<a class="figure[^"]*" href="([^"]*khoa-hoc[^"]*)" data-count="(\d+)"')
TOTAL = re.compile(r'data-total="(\d+)"')


def _on(year, month, day):
    return moment_on(dt.date(year, month, day))


def _courses(small_province, users):  # noqa: F811
    """Sở Nội vụ's, opened in January 2018: a draft whose first day has passed by 01/04/2018, one
    enrolling, one in session after its last day; the school's own: one enrolling. Each step dated."""
    snv, school = users["snv"], users["school"]
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2"])])
    late_draft = new_course(snv, code="K-DRAFT", start=dt.date(2018, 3, 1), at=_on(2018, 1, 10))
    enrolling = new_course(snv, code="K-ENROL", start=dt.date(2018, 9, 1), at=_on(2018, 1, 10))
    transition(actor=snv, obj=enrolling, to=CourseState.TUYEN_SINH, at=_on(2018, 2, 1))
    overrun = new_course(snv, code="K-OVER", start=dt.date(2018, 1, 1), end=dt.date(2018, 3, 15),
                         at=_on(2017, 11, 1))
    enrolments_add(actor=snv, course=overrun, codes=["SNV2"])
    transition(actor=snv, obj=overrun, to=CourseState.TUYEN_SINH, at=_on(2017, 11, 15))
    transition(actor=snv, obj=overrun, to=CourseState.DANG_HOC, at=_on(2018, 1, 1))
    own = new_course(school, code="K-TCT", programme_code="trung_cap_llct", organiser="tinh_uy",
                     start=dt.date(2018, 9, 1), provider="", provider_unit=small_province.units["TCT"],
                     at=_on(2018, 1, 10))
    transition(actor=school, obj=own, to=CourseState.TUYEN_SINH, at=_on(2018, 2, 1))
    return late_draft, enrolling, overrun, own


def _card(client, day="01/04/2018") -> dict[str, int]:
    body = client.get("/", {"as_of": day, "tinh_ngay": "1"}).content.decode()
    return {html.unescape(url): int(count) for url, count in COUNTED.findall(body)}


def test_each_count_of_the_card_opens_as_many_courses(client, small_province, users):  # noqa: F811
    _courses(small_province, users)
    client.force_login(users["snv"])
    card = _card(client)
    assert card == {
        "/dao-tao/khoa-hoc/?cua_toi=1&trang_thai=du_thao": 1,
        "/dao-tao/khoa-hoc/?cua_toi=1&trang_thai=tuyen_sinh": 1,
        "/dao-tao/khoa-hoc/?cua_toi=1&trang_thai=dang_hoc": 1,
        "/dao-tao/khoa-hoc/?cua_toi=1&trang_thai=cho_ket_qua": 0,
        "/dao-tao/khoa-hoc/?cua_toi=1&qua_han=1": 2,  # the late draft and the overrun
    }
    for url, count in card.items():
        opened = client.get(f"{url}&as_of=01/04/2018").content.decode()
        assert int(TOTAL.search(opened).group(1)) == count, url
    overdue = client.get("/dao-tao/khoa-hoc/", {"cua_toi": "1", "qua_han": "1", "as_of": "01/04/2018"})
    assert {row["ma"].text for row in overdue.context["table"].rows} == {"K-DRAFT", "K-OVER"}


def test_the_card_and_the_list_show_the_courses_opened_by_the_date_at_their_step_then(
        client, small_province, users):  # noqa: F811
    late_draft, enrolling, overrun, _own = _courses(small_province, users)
    snv = users["snv"]
    transition(actor=snv, obj=overrun, to=CourseState.CHO_KET_QUA, at=_on(2018, 3, 20))
    transition(actor=snv, obj=enrolling, to=CourseState.DA_HUY, comment="Không đủ học viên.")  # today
    new_course(snv, code="K-NEW", start=dt.date(2027, 3, 1), end=dt.date(2027, 6, 1))  # opened today
    client.force_login(snv)
    states = "/dao-tao/khoa-hoc/?cua_toi=1&trang_thai="
    then = _card(client, "16/03/2018")
    assert (then[states + "dang_hoc"], then[states + "cho_ket_qua"]) == (1, 0)  # K-OVER, still in session
    assert then[states + "tuyen_sinh"] == 1  # K-ENROL, then enrolling
    assert then["/dao-tao/khoa-hoc/?cua_toi=1&qua_han=1"] == 2  # K-DRAFT and K-OVER
    later = _card(client)  # 01/04/2018
    assert (later[states + "dang_hoc"], later[states + "cho_ket_qua"]) == (0, 1)
    assert later["/dao-tao/khoa-hoc/?cua_toi=1&qua_han=1"] == 1  # K-DRAFT alone
    assert _card(client, "09/01/2018")[states + "du_thao"] == 0  # K-DRAFT opened on the 10th
    listed = client.get("/dao-tao/khoa-hoc/", {"as_of": "16/03/2018"})
    rows = {row["ma"].text: row["trang_thai"] for row in listed.context["table"].rows}
    assert rows == {"K-DRAFT": "Dự thảo", "K-ENROL": "Đang ghi danh", "K-OVER": "Đang học",
                    "K-TCT": "Đang ghi danh"}
    assert "Các khóa học đã mở đến ngày 16/03/2018" in listed.content.decode()
    passes = {row["ma"].text: row["dat"] for row in listed.context["table"].rows}
    assert passes["K-OVER"] is None  # in session then: no result was final
    detail = client.get(f"/dao-tao/khoa-hoc/{overrun.pk}/", {"as_of": "16/03/2018"}).content.decode()
    assert "Tại ngày 16/03/2018: Đang học." in detail and ">Chờ kết quả</span>" in detail
    now = client.get("/dao-tao/khoa-hoc/", {"as_of": timezone.localdate().isoformat()}).context["table"].rows
    assert {row["ma"].text: row["trang_thai"] for row in now}["K-ENROL"] == "Đã hủy"
    assert "K-NEW" in {row["ma"].text for row in now} and late_draft.code in {row["ma"].text for row in now}


def test_the_school_counts_its_own_courses_and_readers_have_no_card(client, small_province, users):  # noqa: F811
    _courses(small_province, users)
    client.force_login(users["school"])
    assert _card(client)["/dao-tao/khoa-hoc/?cua_toi=1&trang_thai=tuyen_sinh"] == 1  # K-TCT alone
    client.force_login(users["hr"])
    assert _card(client) == {}
    assert "Khóa học bạn phụ trách" not in client.get("/", {"tinh_ngay": "1"}).content.decode()


def test_the_list_sorts_pages_and_exports(client, users):  # noqa: F811
    for n in range(52):
        new_course(users["snv"], code=f"K{n:02d}", start=dt.date(2018, 1, 1) + dt.timedelta(days=n))
    client.force_login(users["snv"])
    first = client.get("/dao-tao/khoa-hoc/").content.decode()
    assert 'data-total="52"' in first and "Trang 1 / 2" in first
    rows = client.get("/dao-tao/khoa-hoc/", {"sap_xep": "tu_ngay"}).context["table"].rows
    assert [row["ma"].text for row in rows[:2]] == ["K00", "K01"]
    assert client.get("/dao-tao/khoa-hoc/").context["table"].rows[0]["ma"].text == "K51"  # latest first
    download = client.get("/dao-tao/khoa-hoc/", {"xuat": "xlsx"})
    sheet = load_workbook(BytesIO(download.content)).active
    codes = [row[0] for row in sheet.iter_rows(values_only=True) if re.fullmatch(r"K\d\d", str(row[0]))]
    assert len(codes) == 52
