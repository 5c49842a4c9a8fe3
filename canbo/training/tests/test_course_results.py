"""The results sheet of a course: read as the exchange workbook is, all or nothing, every bad row named
with its column and what is wrong; and the form's results, checked alike."""

import datetime as dt

import pytest
import xlsxwriter

from canbo.audit.models import AuditEvent
from canbo.training.course_results import ResultsRefused, results_import, results_record
from canbo.training.models import CourseState as C
from canbo.training.tests.test_courses import in_force_plan, new_course, run_to_results, users  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db
HEADER = ["ma_can_bo", "ket_qua", "xep_loai", "ngay_cap", "so_hieu_bang"]


@pytest.fixture
def course(small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    course = new_course(users["snv"])
    run_to_results(course, users["snv"], ["SNV2", "PL1"])
    return course


def sheet(tmp_path, rows, header=HEADER) -> str:
    path = tmp_path / "ket-qua.xlsx"
    book = xlsxwriter.Workbook(path)
    page = book.add_worksheet("Kết quả")
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            page.write(r, c, value)
    book.close()
    return str(path)


def test_a_good_sheet_records_every_result_and_the_course_can_complete(tmp_path, course, users):  # noqa: F811
    path = sheet(tmp_path, [["SNV2", "dat", "gioi", "20/12/2018", "B-001"], ["PL1", "vang", "", "", ""]])
    assert results_import(actor=users["snv"], course=course, path=path, file_name="ket-qua.xlsx") == 2
    snv2 = course.enrolments.get(cadre__code="SNV2")
    assert (snv2.result, snv2.grade, snv2.issued_on, snv2.certificate_no) == (
        "dat", "gioi", dt.date(2018, 12, 20), "B-001")
    assert AuditEvent.objects.get(action="results_import").data == {"tep": "ket-qua.xlsx", "so_dong": 2}
    assert AuditEvent.objects.filter(action="result_record").count() == 2
    transition(actor=users["snv"], obj=course, to=C.HOAN_THANH)


def test_a_bad_sheet_writes_nothing_and_names_every_bad_row(tmp_path, course, users):  # noqa: F811
    path = sheet(tmp_path, [["SNV2", "dat", "gioi", "2018-13-01", "B-001"], ["DT1", "truot", "", "", ""],
                            ["PL1", "khong_dat", "kha", "", ""], ["SNV2", "vang", "", "", ""]])
    with pytest.raises(ResultsRefused) as refused:
        results_import(actor=users["snv"], course=course, path=path, file_name="ket-qua.xlsx")
    found = [(f.row, f.column, f.value) for f in refused.value.findings]
    assert found == [(2, "ngay_cap", "2018-13-01"), (3, "ma_can_bo", "DT1"), (3, "ket_qua", "truot"),
                     (4, "ket_qua", "khong_dat"), (5, "ma_can_bo", "SNV2")]
    messages = [f.message for f in refused.value.findings]
    assert messages[1] == "Không có học viên mã này trong khóa học."
    assert messages[2].startswith("Giá trị không có trong danh mục; dùng một trong: chua_co, dat")
    assert messages[3] == "Chỉ học viên đạt mới có xếp loại, ngày cấp, số hiệu văn bằng."
    assert messages[4] == "Học viên đã có ở dòng 2."
    assert not course.enrolments.exclude(result="chua_co").exists()
    assert not AuditEvent.objects.filter(action__in=["result_record", "results_import"]).exists()


def test_a_sheet_without_its_columns_or_not_a_workbook_is_refused(tmp_path, course, users):  # noqa: F811
    path = sheet(tmp_path, [["SNV2", "dat"]], header=["ma_can_bo", "diem"])
    with pytest.raises(ResultsRefused) as refused:
        results_import(actor=users["snv"], course=course, path=path, file_name="x.xlsx")
    assert [(f.row, f.column, f.message) for f in refused.value.findings] == [
        (1, "ket_qua", "Thiếu cột bắt buộc “ket_qua” ở dòng 1.")]
    text = tmp_path / "x.xlsx"
    text.write_text("không phải bảng tính")
    with pytest.raises(ResultsRefused):
        results_import(actor=users["snv"], course=course, path=str(text), file_name="x.xlsx")


def test_the_form_records_many_results_at_once_or_none(course, users):  # noqa: F811
    rows = [(1, "SNV2", {"result": "dat", "grade": "kha", "issued_on": None, "certificate_no": "A1"}),
            (2, "PL1", {"result": "vang", "grade": "", "issued_on": dt.date(2017, 1, 1),
                        "certificate_no": ""})]
    with pytest.raises(ResultsRefused) as refused:
        results_record(actor=users["snv"], course=course, rows=rows)
    assert [(f.row, f.column) for f in refused.value.findings] == [(2, "ket_qua"), (2, "ngay_cap")]
    rows[1] = (2, "PL1", {"result": "vang", "grade": "", "issued_on": None, "certificate_no": ""})
    assert results_record(actor=users["snv"], course=course, rows=rows) == 2
