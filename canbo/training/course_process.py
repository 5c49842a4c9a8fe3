"""A course as a workflow table: a draft opens for enrolment, starts, ends and waits for its results,
and is completed, which writes into each passed trainee's record what the programme gives, dated on
the course's last day, in the step's transaction; before it starts (or while it runs) it may be
cancelled, with a reason. Each step needs a capability of the table, and the course must be the actor's
to run (`runs`)."""

from django.utils.translation import gettext_lazy as _

from canbo.core.capabilities import Action
from canbo.core.dates import today
from canbo.people.services import qualification_award
from canbo.training.course_grants import grants
from canbo.training.course_selectors import runs
from canbo.training.models import Course, CourseState, Result
from canbo.workflow.process import Process, Transition

S = CourseState


def _has_trainees(actor, course: Course) -> str | None:
    if course.enrolments.exists():
        return None
    return str(_("Khóa học chưa có học viên nào; ghi danh học viên từ kế hoạch đang thực hiện trước."))


def _ended(actor, course: Course) -> str | None:
    if course.end <= today():
        return None
    return str(_("Khóa học kết thúc ngày %(day)s; chưa thể kết thúc trước ngày đó.")
               % {"day": course.end.strftime("%d/%m/%Y")})


def _no_result_pending(actor, course: Course) -> str | None:
    pending = list(course.enrolments.filter(result=Result.CHUA_CO).order_by("cadre__code")
                   .values_list("cadre__code", flat=True))
    if not pending:
        return None
    return str(_("Còn %(n)s học viên chưa có kết quả (%(codes)s); ghi đủ kết quả trước khi hoàn thành.")
               % {"n": len(pending), "codes": ", ".join(pending)})


def _award(actor, course: Course, step) -> None:
    """Each passed trainee gets what the programme gives, dated on the course's last day, linked to
    their enrolment."""
    passed = list(course.enrolments.filter(result=Result.DAT)
                  .select_related("cadre", "plan_line__plan").order_by("cadre__code"))
    given = grants(course, passed, course.end)
    for enrolment in passed:
        for kind, level in given[enrolment.pk]:
            qualification = qualification_award(
                actor=actor, cadre=enrolment.cadre, kind=kind, level=level, obtained_on=course.end,
                grade=enrolment.grade, issuer=course.provider, source=course.code)
            enrolment.qualifications.add(qualification)


_CANCEL = _("Hủy khóa học? Ghi rõ lý do; khóa học đã hủy không mở lại được.")

COURSE_PROCESS = Process(
    code="khoa_hoc",
    label=_("Khóa học"),
    states=CourseState,
    in_scope=runs,
    transitions=(
        Transition(S.DU_THAO, S.TUYEN_SINH, Action.MANAGE_COURSES, _("Mở ghi danh"),
                   confirm=_("Mở ghi danh cho khóa học? Thông tin khóa học giữ nguyên.")),
        Transition(S.TUYEN_SINH, S.DANG_HOC, Action.MANAGE_COURSES, _("Khai giảng"), guards=(_has_trainees,),
                   confirm=_("Khai giảng khóa học? Sau bước này không ghi danh thêm học viên.")),
        Transition(S.DANG_HOC, S.CHO_KET_QUA, Action.MANAGE_COURSES, _("Kết thúc học, chờ kết quả"),
                   guards=(_ended,), confirm=_("Khóa học đã kết thúc, chuyển sang ghi kết quả?")),
        Transition(S.CHO_KET_QUA, S.HOAN_THANH, Action.RECORD_RESULTS, _("Hoàn thành khóa học"),
                   guards=(_ended, _no_result_pending), effects=(_award,),
                   confirm=_("Hoàn thành khóa học? Học viên đạt được ghi trình độ vào hồ sơ, ngày cấp là "
                             "ngày kết thúc khóa học; kết quả không sửa được nữa.")),
        Transition(S.DU_THAO, S.DA_HUY, Action.MANAGE_COURSES, _("Hủy khóa học"), comment_required=True,
                   confirm=_CANCEL),
        Transition(S.TUYEN_SINH, S.DA_HUY, Action.MANAGE_COURSES, _("Hủy khóa học"), comment_required=True,
                   confirm=_CANCEL),
        Transition(S.DANG_HOC, S.DA_HUY, Action.MANAGE_COURSES, _("Hủy khóa học"), comment_required=True,
                   confirm=_CANCEL),
    ),
)
