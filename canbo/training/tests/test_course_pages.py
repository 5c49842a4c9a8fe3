"""The course pages as an office uses them: open a course, enrol from the plan in force, take the steps
with confirmation, record results on the form or from the sheet, and see the trainees and figures; a
reader out of scope sees the course without the trainees it may not see."""

import datetime as dt
import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.core.dates import moment_on
from canbo.training.models import Course
from canbo.training.tests.test_courses import in_force_plan, new_course, programme, users  # noqa: F401

pytestmark = pytest.mark.django_db


def _results_sheet(rows) -> SimpleUploadedFile:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    page = book.add_worksheet()
    for r, row in enumerate([["ma_can_bo", "ket_qua", "xep_loai", "ngay_cap", "so_hieu_bang"], *rows]):
        for c, value in enumerate(row):
            page.write(r, c, value)
    book.close()
    return SimpleUploadedFile("ket-qua.xlsx", out.getvalue())


def test_a_course_entered_later_is_dated_the_day_it_was_opened(client, small_province, users):  # noqa: F811
    client.force_login(users["snv"])
    form = {"code": "DH-9", "name": "Lớp đại học", "programme": programme("dai_hoc").pk, "mode": "tap_trung",
            "provider": "Học viện Hành chính", "place": "Đà Lạt", "start": "2018-03-01", "end": "2018-12-20",
            "seats": "5", "organiser": "so_noi_vu", "venue": "trong_nuoc", "made_on": "15/01/2018"}
    page = client.get(reverse("training:course_new")).content.decode()
    assert "Ngày lập (để trống nếu là hôm nay)" in page
    response = client.post(reverse("training:course_new") + "?as_of=2018-01-01", form)
    assert response.status_code == 302
    assert Course.objects.get(code="DH-9").created_at == moment_on(dt.date(2018, 1, 15))


def test_an_office_runs_a_course_through_its_pages(client, small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    client.force_login(users["snv"])
    dai_hoc = programme("dai_hoc")
    form = {"code": "DH-1", "name": "Lớp đại học", "programme": dai_hoc.pk, "mode": "tap_trung",
            "provider": "Học viện Hành chính", "place": "Đà Lạt", "start": "2018-03-01", "end": "2018-12-20",
            "seats": "1", "organiser": "so_noi_vu", "venue": "trong_nuoc", "actual_cost": "80.000.000"}
    response = client.post(reverse("training:course_new") + "?as_of=2018-01-01", form)
    course = Course.objects.get(code="DH-1")
    assert response.status_code == 302 and course.actual_cost == 80_000_000
    enrol = reverse("training:course_enrol", args=[course.pk])
    page = client.get(enrol).content.decode()
    assert "SNV2" in page and "PL1" in page
    page = client.post(enrol, {"can_bo": ["SNV2", "PL1"]}).content.decode()
    assert "Khóa học có 1 chỗ, đã ghi danh 0 học viên; không ghi danh thêm được 2 người." in page
    assert client.post(enrol, {"can_bo": ["SNV2"]}).status_code == 302
    for target in ("tuyen_sinh", "dang_hoc", "cho_ket_qua"):
        step = reverse("training:course_step", args=[course.pk, target])
        assert "Xác nhận" in client.get(step).content.decode()
        assert client.post(step).status_code == 302
    [enrolment] = course.enrolments.all()
    results = reverse("training:course_results", args=[course.pk])
    page = client.post(results, {f"{enrolment.pk}_ket_qua": "vang", f"{enrolment.pk}_xep_loai": "kha"})
    assert "SNV2: Chỉ học viên đạt mới có xếp loại" in page.content.decode()
    upload = reverse("training:course_results_import", args=[course.pk])
    page = client.post(upload, {"tep": _results_sheet([["SNV9", "dat", "", "", ""]])}).content.decode()
    assert "Không có học viên mã này trong khóa học." in page
    sheet = _results_sheet([["SNV2", "dat", "gioi", "2018-12-25", "B-9"]])
    assert client.post(upload, {"tep": sheet}).status_code == 302
    assert client.post(reverse("training:course_step", args=[course.pk, "hoan_thanh"])).status_code == 302
    detail = client.get(reverse("training:course_detail", args=[course.pk]) + "?ket_qua=dat").content.decode()
    assert "Chuyên môn: Đại học (20/12/2018)" in detail
    assert reverse("people:cadre_detail", args=["SNV2"]) in detail
    listing = client.get(reverse("training:courses") + "?nam=2018&trang_thai=hoan_thanh").content.decode()
    assert "DH-1" not in listing  # the page's date is still 01/01/2018, before the course was opened
    today = timezone.localdate().isoformat()
    listing = client.get(reverse("training:courses") + f"?nam=2018&trang_thai=hoan_thanh&as_of={today}")
    assert "DH-1" in listing.content.decode() and "?ket_qua=dat#hoc-vien" in listing.content.decode()


def test_readers_see_the_course_without_trainees_out_of_their_scope(client, small_province, users,  # noqa: F811
                                                                    django_assert_max_num_queries):
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2"])])
    course = new_course(users["snv"])
    from canbo.training.courses import enrolments_add

    enrolments_add(actor=users["snv"], course=course, codes=["SNV2"])
    client.force_login(small_province.user("hr2", Role.UNIT_HR, "HU-DT"))
    detail = client.get(reverse("training:course_detail", args=[course.pk])).content.decode()
    assert "Lớp đại học hành chính" in detail and "SNV2" not in detail
    listing = client.get(reverse("training:courses")).content.decode()
    assert "chỉ những học viên trong phạm vi của bạn" in listing  # why the course counts 0 trainees
    client.force_login(users["btv"])  # the whole province: every trainee counted, nothing to explain
    assert "chỉ những học viên trong phạm vi" not in client.get(reverse("training:courses")).content.decode()
    client.force_login(small_province.user("hr3", Role.UNIT_HR, "HU-DT"))
    assert client.get(reverse("training:course_enrol", args=[course.pk])).status_code == 403
    client.force_login(users["btc"])
    assert client.get(reverse("training:course_enrol", args=[course.pk])).status_code == 404
    for n in range(3):
        new_course(users["snv"], code=f"K{n}", start=dt.date(2018, 4, 1))
    with django_assert_max_num_queries(12):
        listing = client.get(reverse("training:courses")).content.decode()
    assert "K2" in listing


def test_the_api_gives_courses_and_their_trainees_in_scope(client, small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2"])])
    course = new_course(users["snv"], actual_cost=5_000_000)
    from canbo.training.courses import enrolments_add

    enrolments_add(actor=users["snv"], course=course, codes=["SNV2"])
    client.force_login(users["snv"])
    listing = client.get("/api/dao-tao/khoa-hoc/?nam=2018&chuong_trinh=dai_hoc").json()
    assert listing["count"] == 1 and listing["items"][0] == {
        "ma": "DH-2018", "ten": "Lớp đại học hành chính", "chuong_trinh": "dai_hoc",
        "co_so_dao_tao": "Học viện Hành chính quốc gia", "dia_diem": "Đà Lạt",
        "ngay_khai_giang": "2018-03-01",
        "ngay_ket_thuc": "2018-12-20", "so_cho": 2, "hinh_thuc": "tap_trung", "co_quan_mo_lop": "so_noi_vu",
        "noi_hoc": "trong_nuoc", "kinh_phi_thuc_chi": 5_000_000, "trang_thai": "du_thao", "so_hoc_vien": 1,
        "so_dat": 0}
    one = client.get("/api/dao-tao/khoa-hoc/DH-2018").json()
    assert one["hoc_vien"] == [{"ma_can_bo": "SNV2", "ho_ten": "Phạm Quốc Huy", "ket_qua": "chua_co",
                                "xep_loai": "", "ngay_cap": None, "so_hieu_bang": "",
                                "trinh_do_duoc_ghi": []}]
    client.force_login(users["hr"])
    assert client.get("/api/dao-tao/khoa-hoc/DH-2018").json()["hoc_vien"] == []
    assert client.get("/api/dao-tao/khoa-hoc/").json()["items"][0]["so_hoc_vien"] == 0
    assert client.get("/api/dao-tao/khoa-hoc/KHONG").status_code == 404
