"""Writes to courses outside their steps: opening a course, enrolling cadres from the lines of plans in
force, removing an enrolment, and recording a trainee's result. Each checks the capability, that the
course is the actor's to run (`runs`), and the course's state; each is audited in its transaction."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, aggregated_blocs, require
from canbo.core.dates import entered_later, made_at
from canbo.core.errors import NotFound
from canbo.org.models import Unit
from canbo.people.models import Cadre
from canbo.people.selectors import visible_cadres
from canbo.training.course_selectors import runs
from canbo.training.models import (
    Course,
    CourseState,
    Enrolment,
    Funding,
    PlanLine,
    PlanState,
    Programme,
    Result,
    TrainingMode,
)

ENROLLING_STATES = frozenset({CourseState.DU_THAO, CourseState.TUYEN_SINH})
RESULT_FIELDS = ("result", "grade", "issued_on", "certificate_no")


def own_course(actor, course: Course, action: str) -> Course:
    require(actor, action)
    course = (Course.objects.select_for_update(of=("self",)).select_related("programme", "provider_unit")
              .get(pk=course.pk))
    if not runs(actor, course):
        raise NotFound(_("Khóa học %(code)s không thuộc phạm vi quản lý của bạn.") % {"code": course.code})
    return course


@transaction.atomic
def course_create(*, actor, code: str, name: str, programme: Programme, provider: str, place: str,
                  start: dt.date, end: dt.date, seats: int, mode: str, organiser: str, venue: str,
                  provider_unit: Unit | None = None, actual_cost: int | None = None,
                  funding: str = Funding.NGAN_SACH_TINH, at: dt.datetime | None = None) -> Course:
    """A draft course. A training provider of the province opens its own courses (as `provider_unit`);
    Ban Tổ chức and Sở Nội vụ open those of the organisers they answer for. `at`: when it was opened,
    if it is recorded afterwards."""
    require(actor, Action.MANAGE_COURSES)
    provider = provider.strip() or getattr(provider_unit, "name", "")
    course = Course(code=code.strip(), name=name.strip(), programme=programme, place=place.strip(),
                    provider=provider, provider_unit=provider_unit,
                    start=start, end=end, seats=seats, mode=mode, organiser=organiser, venue=venue,
                    actual_cost=actual_cost, funding=funding, created_by=actor, created_at=made_at(at))
    if Course.objects.filter(code=course.code).exists():
        raise ValidationError({"code": _("Đã có khóa học mã này.")})
    course.full_clean()
    course.save()
    if not runs(actor, course):  # the transaction is rolled back
        raise ValidationError({"provider_unit": _(
            "Bạn chỉ mở được khóa học của đơn vị đào tạo mình, hoặc của cơ quan mở lớp do vai trò của bạn "
            "phụ trách.")})
    audit_record(actor=actor, action=AuditAction.COURSE_CREATE, obj=course, after=snapshot(course),
                 data=entered_later(at))
    return course


def _reach(actor, course: Course):
    """The cadres the actor may enrol on the course (None: whomever the plans send): those it sees on the
    course's first day, and those named in plans in force that it aggregated (a district committee's plan
    names cadres of every bloc of the district, and the office that aggregated it runs its courses)."""
    if course.provider_unit_id is not None:
        return None
    aggregated = PlanLine.cadres.through.objects.filter(
        planline__plan__state=PlanState.CO_HIEU_LUC, planline__plan__unit__bloc__in=aggregated_blocs(actor))
    return Cadre.objects.filter(Q(pk__in=visible_cadres(actor, course.start).values("pk"))
                                | Q(pk__in=aggregated.values("cadre_id")))


def enrolment_candidates(*, actor, course: Course) -> list[dict]:
    """The cadres that may be enrolled: named on a line of a plan in force for the course's programme in
    its mode, not yet on the course, and not sent by that line already (on another course not cancelled,
    passed or awaiting the result: who failed or was absent may be sent again); with the line. A provider
    of the province takes whom the plans in force send it; an office enrols the cadres it sees on the
    course's first day and those named in the plans it aggregated (`_reach`)."""
    lines = (PlanLine.objects.filter(plan__state=PlanState.CO_HIEU_LUC, programme=course.programme_id,
                                     mode=course.mode)
             .select_related("plan__unit").prefetch_related("cadres")
             .order_by("-plan__year", "plan__unit__path"))
    sent = set(
        Enrolment.objects.filter(plan_line__in=lines, result__in=(Result.DAT, Result.CHUA_CO))
        .exclude(course__state=CourseState.DA_HUY).exclude(course=course)
        .values_list("plan_line_id", "cadre_id")
    )
    taken = set(course.enrolments.values_list("cadre_id", flat=True))
    found: dict[int, dict] = {}
    reach = _reach(actor, course)
    seen = None if reach is None else set(reach.values_list("pk", flat=True))
    for line in lines:
        for cadre in line.cadres.all():
            free = cadre.pk not in taken and (line.pk, cadre.pk) not in sent
            if free and (seen is None or cadre.pk in seen):
                found.setdefault(cadre.pk, {"cadre": cadre, "line": line})
    return sorted(found.values(), key=lambda c: (c["cadre"].sort_key, c["cadre"].code))


@transaction.atomic
def enrolments_add(*, actor, course: Course, codes: list[str]) -> list[Enrolment]:
    """Enrol cadres on a course that is a draft or enrolling: each must be named on a line of a plan in
    force for the course's programme and mode, and seen by the actor on the course's first day; no more
    trainees than seats. All or none, with every reason."""
    course = own_course(actor, course, Action.MANAGE_COURSES)
    if course.state not in ENROLLING_STATES:
        raise ValidationError(_("Khóa học đang ở bước “%(state)s”; chỉ ghi danh khi khóa học là dự thảo hoặc "
                                "đang ghi danh.") % {"state": course.get_state_display()})
    codes = list(dict.fromkeys(codes))
    if not codes:
        raise ValidationError({"cadres": _("Chọn hoặc nhập mã cán bộ cần ghi danh.")})
    reach = _reach(actor, course)
    by_code = {c.code: c for c in (Cadre.objects if reach is None else reach).filter(code__in=codes)}
    lines = {cadre.pk: line for cadre, line in ((c["cadre"], c["line"]) for c in
                                                enrolment_candidates(actor=actor, course=course))}
    taken = set(course.enrolments.values_list("cadre__code", flat=True))
    problems = []
    for code in codes:
        cadre = by_code.get(code)
        if cadre is None:
            problems.append(_("Không có cán bộ mã %(code)s trong phạm vi của bạn tại ngày %(day)s.") % {
                "code": code, "day": course.start.strftime("%d/%m/%Y")})
        elif code in taken:
            problems.append(_("%(name)s (%(code)s) đã có tên trong khóa học.") % {
                "name": cadre.full_name, "code": code})
        elif cadre.pk not in lines:
            problems.append(_("%(name)s (%(code)s) không có tên trong dòng kế hoạch đang thực hiện nào của "
                              "chương trình “%(programme)s”, hình thức %(mode)s, hoặc đã được cử học "
                              "theo dòng đó (đã đạt hay đang chờ kết quả ở khóa học khác).") % {
                "name": cadre.full_name, "code": code, "programme": course.programme.name,
                "mode": TrainingMode(course.mode).label.lower()})
    enrolled = course.enrolments.count()
    if enrolled + len(codes) > course.seats:
        problems.append(_("Khóa học có %(seats)s chỗ, đã ghi danh %(n)s học viên; không ghi danh thêm được "
                          "%(more)s người.") % {"seats": course.seats, "n": enrolled, "more": len(codes)})
    if problems:
        raise ValidationError({"cadres": problems})
    added = []
    for code in codes:
        cadre: Cadre = by_code[code]
        enrolment = Enrolment(course=course, cadre=cadre, plan_line=lines[cadre.pk])
        enrolment.full_clean()
        enrolment.save()
        audit_record(actor=actor, action=AuditAction.ENROLMENT_ADD, obj=enrolment, after=snapshot(enrolment))
        added.append(enrolment)
    return added


@transaction.atomic
def enrolment_remove(*, actor, enrolment: Enrolment) -> None:
    course = own_course(actor, enrolment.course, Action.MANAGE_COURSES)
    if course.state not in ENROLLING_STATES:
        raise ValidationError(_("Khóa học đã khai giảng; không bỏ ghi danh được, hãy ghi kết quả “Vắng”."))
    enrolment = Enrolment.objects.select_related("cadre", "course").get(pk=enrolment.pk, course=course)
    audit_record(actor=actor, action=AuditAction.ENROLMENT_REMOVE, obj=enrolment, before=snapshot(enrolment))
    enrolment.delete()


def result_problems(course: Course, result: str, grade: str, issued_on: dt.date | None,
                    certificate_no: str) -> dict[str, str]:
    """Why a result may not be recorded as given, by field; empty when it may."""
    problems = {}
    if result not in Result.values:
        values = ", ".join(Result.values)
        problems["result"] = _("Kết quả phải là một trong: %(values)s.") % {"values": values}
    elif result != Result.DAT and (grade or issued_on or certificate_no):
        problems["result"] = _("Chỉ học viên đạt mới có xếp loại, ngày cấp, số hiệu văn bằng.")
    if issued_on is not None and issued_on < course.start:
        problems["issued_on"] = _("Ngày cấp trước ngày khai giảng (%(day)s).") % {
            "day": course.start.strftime("%d/%m/%Y")}
    return problems


def results_open(course: Course) -> None:
    if course.state != CourseState.CHO_KET_QUA:
        raise ValidationError(_("Khóa học đang ở bước “%(state)s”; kết quả được ghi khi khóa học chờ kết "
                                "quả.") % {"state": course.get_state_display()})


def write_result(*, actor, enrolment: Enrolment, values: dict, data: dict | None = None) -> bool:
    """Save one trainee's result (checked by the caller) with its audit event; False when unchanged."""
    before = snapshot(enrolment, RESULT_FIELDS)
    for name, value in values.items():
        setattr(enrolment, name, value)
    enrolment.full_clean()
    after = snapshot(enrolment, RESULT_FIELDS)
    if after == before:
        return False
    enrolment.save()
    audit_record(actor=actor, action=AuditAction.RESULT_RECORD, obj=enrolment, before=before, after=after,
                 data=data)
    return True


@transaction.atomic
def result_record(*, actor, enrolment: Enrolment, result: str, grade: str = "",
                  issued_on: dt.date | None = None, certificate_no: str = "") -> Enrolment:
    """One trainee's result: passed (with grade, date of issue, certificate number), failed, absent or
    pending."""
    course = own_course(actor, enrolment.course, Action.RECORD_RESULTS)
    results_open(course)
    enrolment = Enrolment.objects.select_related("cadre").get(pk=enrolment.pk, course=course)
    certificate_no = certificate_no.strip()
    problems = result_problems(course, result, grade, issued_on, certificate_no)
    if problems:
        raise ValidationError(problems)
    write_result(actor=actor, enrolment=enrolment, values={
        "result": result, "grade": grade, "issued_on": issued_on, "certificate_no": certificate_no})
    return enrolment
