"""REST API of courses: the list with the page's filters and one course with its trainees, results and
the qualifications its completion wrote; and the course's writes through the services the pages use:
a step of its process, enrolment from the plans in force and its removal, results. Trainees are those
the caller sees (`visible_enrolments`). A well-formed request the rules refuse (a step not open or
guarded, a cadre not on a plan line, no seat left, a bad result) is 409 with every reason; enrolling,
removing a trainee or recording results on a course the caller does not run is 404, and a step of it
409 naming the scope, as the workflow core refuses it."""

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, Day, Pages, as_of_or_today, requires_api, responses, write_responses
from canbo.core.capabilities import Action, require
from canbo.core.errors import NotFound
from canbo.core.levels import Grade
from canbo.training.course_process import COURSE_PROCESS
from canbo.training.course_results import ResultsRefused, results_record
from canbo.training.course_selectors import course_get, course_list, runs, visible_enrolments
from canbo.training.courses import enrolment_remove, enrolments_add
from canbo.training.models import CourseState, Result
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import taken_on, transition

router = Router(tags=["đào tạo, bồi dưỡng"], auth=API_AUTH)

States = Literal[tuple(CourseState.values)]
Results = Literal[tuple(Result.values)]


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
    trang_thai: States
    so_hoc_vien: int = Field(validation_alias="enrolled")
    so_dat: int = Field(validation_alias="passed")

    @staticmethod
    def resolve_chuong_trinh(course):
        return course.programme.code

    @staticmethod
    def resolve_trang_thai(course):
        """A listed course's state at the list's date; a course read alone, its state now."""
        return getattr(course, "state_then", course.state)


class QualificationWrittenOut(Schema):
    loai: str
    bac: str
    ngay_cap: dt.date


class EnrolmentOut(Schema):
    ma_can_bo: str
    ho_ten: str
    ket_qua: Results
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


class CourseStepIn(Schema):
    sang: States
    ly_do: str = ""
    ngay: Day | None = Field(None, description="Ngày đã thực hiện bước, nếu trước hôm nay")


class EnrolIn(Schema):
    ma_can_bo: list[str] = Field(..., min_length=1, max_length=500)


class ResultIn(Schema):
    ma_can_bo: str
    ket_qua: Results
    xep_loai: Literal[("", *Grade.values)] = ""
    ngay_cap: Day | None = None
    so_hieu_bang: str = Field("", max_length=60)


class ResultsIn(Schema):
    ket_qua: list[ResultIn] = Field(..., min_length=1, max_length=2000)


def _detail(actor, found, as_of):
    enrolments = list(visible_enrolments(actor, found, as_of))
    found.enrolled, found.passed = len(enrolments), sum(1 for e in enrolments if e.result == Result.DAT)
    found.hoc_vien = [{
        "ma_can_bo": e.cadre.code, "ho_ten": e.cadre.full_name, "ket_qua": e.result, "xep_loai": e.grade,
        "ngay_cap": e.issued_on, "so_hieu_bang": e.certificate_no,
        "trinh_do_duoc_ghi": [{"loai": q.kind, "bac": q.level, "ngay_cap": q.obtained_on}
                              for q in e.qualifications.all()],
    } for e in enrolments]
    return found


@router.get("/khoa-hoc/{ma}", response=responses(CourseDetailOut),
            summary="Một khóa học với học viên, kết quả và trình độ đã ghi vào hồ sơ")
@requires_api(Action.VIEW_COURSES)
def course(request, ma: str, as_of: Day | None = None):
    return _detail(request.auth, course_get(code=ma), as_of_or_today(as_of))


@router.post("/khoa-hoc/{ma}/buoc", response=write_responses(CourseDetailOut),
             summary="Chuyển khóa học sang bước khác (mở ghi danh, khai giảng, kết thúc, hoàn thành, hủy)")
@requires_api(Action.VIEW_COURSES)
def course_step(request, ma: str, payload: CourseStepIn):
    found = course_get(code=ma)
    step = COURSE_PROCESS.transition(found.state, payload.sang)
    if step is not None:
        require(request.auth, step.action)
    try:
        transition(actor=request.auth, obj=found, to=payload.sang, comment=payload.ly_do,
                   at=taken_on(payload.ngay))
    except TransitionRefused as refused:
        return Status(409, {"detail": refused.reasons})
    return _detail(request.auth, course_get(code=ma), as_of_or_today(None))


@router.post("/khoa-hoc/{ma}/hoc-vien", response=write_responses(CourseDetailOut, 201),
             summary="Ghi danh học viên có tên trong dòng kế hoạch đang thực hiện")
@requires_api(Action.MANAGE_COURSES)
def course_enrol(request, ma: str, payload: EnrolIn):
    found = course_get(code=ma)
    try:
        enrolments_add(actor=request.auth, course=found, codes=[code.strip() for code in payload.ma_can_bo])
    except ValidationError as refused:
        return Status(409, {"detail": refused.messages})
    return Status(201, _detail(request.auth, course_get(code=ma), as_of_or_today(None)))


@router.delete("/khoa-hoc/{ma}/hoc-vien/{canbo}", response=write_responses(CourseDetailOut),
               summary="Bỏ ghi danh một học viên (khi khóa học là dự thảo hoặc đang ghi danh)")
@requires_api(Action.MANAGE_COURSES)
def course_unenrol(request, ma: str, canbo: str):
    found = course_get(code=ma)
    if not runs(request.auth, found):
        raise NotFound(_("Khóa học %(code)s không thuộc phạm vi quản lý của bạn.") % {"code": found.code})
    enrolment = found.enrolments.filter(cadre__code=canbo).first()
    if enrolment is None:
        raise NotFound(_("Không có học viên mã này trong khóa học."))
    try:
        enrolment_remove(actor=request.auth, enrolment=enrolment)
    except ValidationError as refused:
        return Status(409, {"detail": refused.messages})
    return _detail(request.auth, course_get(code=ma), as_of_or_today(None))


@router.post("/khoa-hoc/{ma}/ket-qua", response=write_responses(CourseDetailOut),
             summary="Ghi kết quả học tập của học viên (tất cả hoặc không ghi gì)")
@requires_api(Action.RECORD_RESULTS)
def course_results(request, ma: str, payload: ResultsIn):
    found = course_get(code=ma)
    rows = [(number, row.ma_can_bo.strip(), {
        "result": row.ket_qua, "grade": row.xep_loai, "issued_on": row.ngay_cap,
        "certificate_no": row.so_hieu_bang.strip()}) for number, row in enumerate(payload.ket_qua, start=1)]
    try:
        results_record(actor=request.auth, course=found, rows=rows)
    except ResultsRefused as refused:
        codes = {number: code for number, code, _values in rows}
        return Status(409, {"detail": [f"{codes[f.row]}: {f.message}" for f in refused.findings]})
    except ValidationError as refused:
        return Status(409, {"detail": refused.messages})
    return _detail(request.auth, course_get(code=ma), as_of_or_today(None))
