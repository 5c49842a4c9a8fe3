"""Biểu số 10-BTCTW on hand-made data: who passed a course completed in the year, in the row of what the
course gave, by the level of the unit held on its last day (leaders apart), and the classes the Provincial
and district committees opened; within the reader's reach and a subtree; the XLSX, DOCX and PDF in the
form's layout."""

import datetime as dt
import io
import re
import shutil

import docx
import openpyxl
import pytest
from django.urls import reverse
from docx.oxml.ns import qn

from canbo.accounts.system import system_actor
from canbo.documents import pdf
from canbo.org.services import position_type_create
from canbo.people.services import holding_add
from canbo.training.courses import enrolments_add, result_record
from canbo.training.form10 import form10
from canbo.training.tests.test_courses import YEAR, in_force_plan, new_course, users  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db
COLUMNS = range(3, 12)


def _complete(course, results):
    system = system_actor()
    enrolments_add(actor=system, course=course, codes=list(results))
    for target in ("tuyen_sinh", "dang_hoc", "cho_ket_qua"):
        transition(actor=system, obj=course, to=target)
    for enrolment in course.enrolments.select_related("cadre"):
        result_record(actor=system, enrolment=enrolment, result=results[enrolment.cadre.code])
    transition(actor=system, obj=course, to="hoan_thanh")


@pytest.fixture
def year_of_courses(small_province, users):  # noqa: F811
    """Sở Nội vụ's university course (its own, held in the country): SNV2 passes, PL1 fails; a Party-work
    course the Provincial committee opens for Đức Trọng: DT1 and DT2 (also deputy chairman of the
    district's committee since 2016) pass."""
    system = system_actor()
    deputy = position_type_create(actor=system, code="PCT-UB", name="Phó Chủ tịch UBND huyện",
                                  deputy_head_or_above=True)
    holding_add(actor=system, cadre=small_province.cadres["DT2"], unit=small_province.units["UB-DT"],
                position_type=deputy, valid_from=dt.date(2016, 1, 1))
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    in_force_plan(small_province, users, unit="HU-DT",
                  lines=[("nghiep_vu_dang", "tap_trung", ["DT1", "DT2"])])
    _complete(new_course(system, seats=2), {"SNV2": "dat", "PL1": "khong_dat"})
    party_work = new_course(system, code="NV-DANG", programme_code="nghiep_vu_dang", organiser="tinh_uy",
                            seats=5, name="Lớp nghiệp vụ công tác Đảng")
    _complete(party_work, {"DT1": "dat", "DT2": "dat"})


def _figures(actor, year=YEAR, unit=None) -> dict:
    return {row.key: [row.value(c) for c in COLUMNS] for row in form10(actor=actor, year=year, unit=unit)
            if any(row.value(c) for c in COLUMNS)}


UNIVERSITY = [1, 1, 0, 0, 0, 0, 0, 0, 0]
UNIVERSITY_ROWS = {"dao_tao": UNIVERSITY, "chuyen_mon": UNIVERSITY, "dai_hoc": UNIVERSITY,
                   "dai_hoc.trong_nuoc": UNIVERSITY}
PARTY_WORK = [2, 0, 0, 2, 1, 0, 1, 1, 0]


def test_each_trainee_counts_in_the_row_and_columns_of_the_form(small_province, users, year_of_courses):  # noqa: F811
    party_rows = {"boi_duong": PARTY_WORK, "nghiep_vu_dang": PARTY_WORK}
    assert _figures(users["btv"]) == {**UNIVERSITY_ROWS, **party_rows}
    assert _figures(users["btv"], year=YEAR + 1) == {}
    assert _figures(users["btv"], unit=small_province.units["SNV"]) == UNIVERSITY_ROWS
    assert _figures(users["hr"]) == party_rows


def test_the_xlsx_has_the_forms_headers_rows_and_figures(client, small_province, users,  # noqa: F811
                                                         year_of_courses):
    client.force_login(users["btv"])
    response = client.get(reverse("training:form10") + f"?nam={YEAR}&xuat=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][0] == "TỈNH ỦY LÂM ĐỒNG" and cells[0][8] == "Biểu số 10-BTCTW"
    assert cells[2][0] == f"THỐNG KÊ KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM {YEAR}"
    assert cells[3][0] == "(Đơn vị tính: người)"
    assert cells[5] == ("TT", "Chương trình", "Tổng số", "Cấp tỉnh", None, "Cấp huyện", None, "Cấp xã",
                        "Số lớp đã mở", None, None)
    assert cells[6][3:7] == ("Tổng số", "Trong đó: lãnh đạo, quản lý") * 2
    assert cells[6][8:] == ("Tổng số", "Tỉnh ủy mở", "Huyện ủy mở")
    assert cells[7] == ("1", "2", "3 = 4 + 6 + 8", "4", "5", "6", "7", "8", "9 = 10 + 11", "10", "11")
    body = {row[1].strip(): (row[0], list(row[2:])) for row in cells[8:] if row[1]}
    assert body["ĐÀO TẠO"] == ("I", UNIVERSITY) and body["BỒI DƯỠNG"] == ("II", PARTY_WORK)
    assert body["Kỹ năng, nghiệp vụ công tác Đảng"] == ("1", PARTY_WORK)
    assert body["Lý luận chính trị"] == ("2", [0] * 9)
    groups = [label for label in body if label.startswith("- Đối tượng")]
    assert groups == [f"- Đối tượng {n}" for n in range(1, 5)]
    assert list(body).index("Đại học") < list(body).index("Thạc sĩ") < list(body).index("Tiến sĩ")
    flat = [value for row in cells for value in row]
    assert "NGƯỜI LẬP BIỂU" in flat and "TRƯỞNG BAN" in flat


def test_every_figure_opens_its_people_or_courses(client, small_province, users, year_of_courses):  # noqa: F811
    client.force_login(users["hr"])
    url = reverse("training:form10") + f"?nam={YEAR}"
    page = client.get(url).content.decode()
    assert "dong=nghiep_vu_dang&amp;cot=7" in page and "SNV2" not in page
    assert "dong=llct&amp;cot=4" not in page and 'data-count="0"' not in page  # a zero opens no empty list
    leaders = client.get(url + "&dong=nghiep_vu_dang&cot=7").content.decode()
    assert reverse("people:cadre_detail", args=["DT2"]) in leaders
    assert reverse("people:cadre_detail", args=["DT1"]) not in leaders
    classes = client.get(url + "&dong=boi_duong&cot=10").content.decode()
    assert "NV-DANG" in classes and "Lớp nghiệp vụ công tác Đảng" in classes
    # A sum opens the people (or courses) of its parts, as many as it says.
    assert "dong=nghiep_vu_dang&amp;cot=3" in page and "dong=boi_duong&amp;cot=9" in page
    everyone = client.get(url + "&dong=nghiep_vu_dang&cot=3").content.decode()
    assert reverse("people:cadre_detail", args=["DT2"]) in everyone
    assert everyone.split('id="chi-tiet"')[1].count('href="/can-bo/') == int(re.search(
        r'dong=nghiep_vu_dang&amp;cot=3#sau-so-lieu" data-count="(\d+)"', page).group(1))
    assert "NV-DANG" in client.get(url + "&dong=boi_duong&cot=9").content.decode()


def _docx_rows(table) -> list[list[str]]:
    """Each row's cells once (a merged cell is repeated by python-docx for every grid column it spans)."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell.text)
        rows.append(cells)
    return rows


def test_the_docx_is_the_form_to_print_and_sign(client, small_province, users, year_of_courses):  # noqa: F811
    client.force_login(users["btv"])
    response = client.get(reverse("training:form10") + f"?nam={YEAR}&dinh_dang=docx")
    assert response["Content-Disposition"] == f'attachment; filename="bieu-10-btctw-{YEAR}.docx"'
    opened = docx.Document(io.BytesIO(response.content))
    section = opened.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert _docx_rows(opened.tables[0]) == [["TỈNH ỦY LÂM ĐỒNG", "Biểu số 10-BTCTW"]]
    texts = [p.text for p in opened.paragraphs]
    assert f"THỐNG KÊ KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM {YEAR}" in texts
    assert "(Đơn vị tính: người)" in texts
    form = _docx_rows(opened.tables[1])
    assert form[0] == ["TT", "Chương trình", "Tổng số", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Số lớp đã mở"]
    assert form[1] == ["TT", "Chương trình", "Tổng số", "Tổng số", "Trong đó: lãnh đạo, quản lý", "Tổng số",
                       "Trong đó: lãnh đạo, quản lý", "Cấp xã", "Tổng số", "Tỉnh ủy mở", "Huyện ủy mở"]
    assert form[2] == ["1", "2", "3 = 4 + 6 + 8", "4", "5", "6", "7", "8", "9 = 10 + 11", "10", "11"]
    repeated = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                for row in opened.tables[1].rows[:4]]
    assert repeated == [True, True, True, False]  # the header and the numbers on every page
    body = {row[1]: (row[0], [int(v) for v in row[2:]]) for row in form[3:]}
    assert body["ĐÀO TẠO"] == ("I", UNIVERSITY) and body["BỒI DƯỠNG"] == ("II", PARTY_WORK)
    assert body["- Trong nước"][0] == "" and body["Lý luận chính trị"] == ("2", [0] * 9)
    assert len(form) - 3 == len(form10(actor=users["btv"], year=YEAR))
    (left, right), = _docx_rows(opened.tables[2])
    room = [""] * 3  # to sign and write the name
    assert left.split("\n") == ["", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", *room]
    assert right.split("\n") == ["……, ngày …… tháng …… năm ……", "TRƯỞNG BAN", "(Ký tên, đóng dấu)", *room]


def test_a_subtree_reports_as_its_unit_and_a_pdf_falls_back_to_the_docx(client, small_province, users,  # noqa: F811
                                                                        year_of_courses, monkeypatch):
    client.force_login(users["btv"])
    url = reverse("training:form10") + f"?nam={YEAR}&don_vi=SNV"
    page = client.get(url).content.decode()
    assert f'href="?nam={YEAR}&amp;don_vi=SNV&amp;dinh_dang=pdf"' in page
    opened = docx.Document(io.BytesIO(client.get(f"{url}&dinh_dang=docx").content))
    assert _docx_rows(opened.tables[0])[0][0] == "SỞ NỘI VỤ"
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    refused = client.get(f"{url}&dinh_dang=pdf")
    assert refused.status_code == 503
    assert f'href="{reverse("training:form10")}?nam={YEAR}&amp;don_vi=SNV&amp;dinh_dang=docx"' in (
        refused.content.decode())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf(client, small_province, users, year_of_courses):  # noqa: F811
    client.force_login(users["btv"])
    response = client.get(reverse("training:form10") + f"?nam={YEAR}&dinh_dang=pdf")
    assert response["Content-Disposition"] == f'attachment; filename="bieu-10-btctw-{YEAR}.pdf"'
    assert response.content.startswith(b"%PDF")


def test_a_year_in_other_digits_falls_back_to_the_date_viewed(client, users):  # noqa: F811
    client.force_login(users["btv"])
    for year in ("²⁰¹⁸", "２０１８x", "-2018"):  # str.isdigit() holds for superscripts, which int() refuses
        response = client.get(reverse("training:form10"), {"nam": year, "as_of": "01/06/2019"})
        assert response.status_code == 200 and "cán bộ năm 2019" in response.content.decode()


def test_the_files_are_the_vietnamese_form_whatever_the_pages_language(client, users, year_of_courses):  # noqa: F811
    client.force_login(users["btv"])
    url = reverse("training:form10") + f"?nam={YEAR}"
    client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert "statistics on cadre training and fostering results" in client.get(url).content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"{url}&xuat=xlsx").content)).active
    opened = docx.Document(io.BytesIO(client.get(f"{url}&dinh_dang=docx").content))
    assert sheet["A3"].value == f"THỐNG KÊ KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM {YEAR}"
    assert "ĐÀO TẠO" in [row[1].strip() for row in sheet.iter_rows(values_only=True) if row[1]]
    assert _docx_rows(opened.tables[1])[3][1] == "ĐÀO TẠO"
