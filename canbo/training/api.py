"""REST API of courses: the list with the page's filters and one course with its trainees, results and
the qualifications its completion wrote. Trainees are those the caller sees (`visible_enrolments`)."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, Day, Pages, as_of_or_today, requires_api, responses
from canbo.core.capabilities import Action
from canbo.training.course_selectors import course_get, course_list, visible_enrolments

router = Router(tags=["đào tạo, bồi dưỡng"], auth=API_AUTH)

States = Literal["du_thao", "tuyen_sinh", "dang_hoc", "cho_ket_qua", "hoan_thanh", "da_huy"]


class CourseQuery(Schema):
    nam: int | None = Field(None, ge=2000, le=2100)
    chuong_trinh: str = ""
    trang_thai: States | None = None
    as_of: Day | None = None


class CourseOut(Schema):
    ma: str = Field(validation_alias="code")
    ten: str = Field(validation_alias="name")
    chuong_trinh: str
    co_so_dao_tao: str = Field(validation_alias="provider")
    dia_diem: str = Field(validation_alias="place")
    ngay_khai_giang: dt.date = Field(validation_alias="start")
    ngay_ket_thuc: dt.date = Field(validation_alias="end")
    so_cho: int = Field(validation_alias="seats")
    hinh_thuc: Literal["tap_trung", "tai_chuc"] = Field(validation_alias="mode")
    co_quan_mo_lop: Literal["tinh_uy", "huyen_uy", "so_noi_vu"] = Field(validation_alias="organiser")
    noi_hoc: Literal["trong_nuoc", "nuoc_ngoai", "lien_ket"] = Field(validation_alias="venue")
    kinh_phi_thuc_chi: int | None = Field(validation_alias="actual_cost")
    trang_thai: States = Field(validation_alias="state")
    so_hoc_vien: int = Field(validation_alias="enrolled")
    so_dat: int = Field(validation_alias="passed")

    @staticmethod
    def resolve_chuong_trinh(course):
        return course.programme.code


class QualificationWrittenOut(Schema):
    loai: str
    bac: str
    ngay_cap: dt.date


class EnrolmentOut(Schema):
    ma_can_bo: str
    ho_ten: str
    ket_qua: Literal["chua_co", "dat", "khong_dat", "vang"]
    xep_loai: str
    ngay_cap: dt.date | None
    so_hieu_bang: str
    trinh_do_duoc_ghi: list[QualificationWrittenOut]


class CourseDetailOut(CourseOut):
    hoc_vien: list[EnrolmentOut]


@router.get("/khoa-hoc/", response=responses(list[CourseOut]),
            summary="Khóa học, lọc theo năm, chương trình, trạng thái")
@requires_api(Action.VIEW_COURSES)
@paginate(Pages, page_size=50)
def courses(request, filters: Query[CourseQuery]):
    return course_list(actor=request.auth, as_of=as_of_or_today(filters.as_of), year=filters.nam,
                       programme=filters.chuong_trinh, state=filters.trang_thai or "")


@router.get("/khoa-hoc/{ma}", response=responses(CourseDetailOut),
            summary="Một khóa học với học viên, kết quả và trình độ đã ghi vào hồ sơ")
@requires_api(Action.VIEW_COURSES)
def course(request, ma: str, as_of: Day | None = None):
    found = course_get(code=ma)
    enrolments = list(visible_enrolments(request.auth, found, as_of_or_today(as_of)))
    found.enrolled, found.passed = len(enrolments), sum(1 for e in enrolments if e.result == "dat")
    found.hoc_vien = [{
        "ma_can_bo": e.cadre.code, "ho_ten": e.cadre.full_name, "ket_qua": e.result, "xep_loai": e.grade,
        "ngay_cap": e.issued_on, "so_hieu_bang": e.certificate_no,
        "trinh_do_duoc_ghi": [{"loai": q.kind, "bac": q.level, "ngay_cap": q.obtained_on}
                              for q in e.qualifications.all()],
    } for e in enrolments]
    return found
