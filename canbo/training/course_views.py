"""The course pages: the list (by year, programme, state, those the user runs, those behind their
dates; each figure links to the trainees behind it; sorted, paged and exported as a report), a
course with its trainees, their results and history, the steps the user may take (asked for
confirmation first), and the pages that open a course, enrol trainees from the plans in force,
record results and import the provider's results sheet."""

import tempfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.accounts.scope import sees_everything
from canbo.core.capabilities import Action, can
from canbo.core.dates import made_on, parse_date
from canbo.core.errors import NotFound
from canbo.core.levels import Grade, qualification_words
from canbo.core.report import ReportPage, arranged, requested_ordering, requested_page
from canbo.documents.downloads import report_download, wants_download
from canbo.rules.selectors import rule_set_in_force
from canbo.training.course_forms import CourseForm
from canbo.training.course_process import COURSE_PROCESS
from canbo.training.course_results import SHEET, ResultsRefused, results_import, results_record
from canbo.training.course_selectors import (
    course_get,
    course_list,
    course_runner,
    provided_by,
    runs,
    visible_enrolments,
)
from canbo.training.course_table import courses_report
from canbo.training.courses import course_create, enrolment_candidates, enrolments_add
from canbo.training.models import CourseState, Programme, Result
from canbo.training.plan_lines import parse_codes
from canbo.training.views import show_refusal
from canbo.workflow.selectors import state_then, steps_of
from canbo.workflow.services import options
from canbo.workflow.step_page import step_page


def _crumbs(*more) -> list:
    return [(_("Khóa học"), reverse("training:courses")), *more]


def _course_crumbs(course, label):
    return _crumbs((course.code, reverse("training:course_detail", args=[course.pk])), (label, ""))


def _year(text: str) -> int | None:
    return int(text) if text.isdecimal() and 2000 <= int(text) <= 2100 else None


@requires(Action.VIEW_COURSES)
def course_index(request):
    year = _year(request.GET.get("nam", ""))
    programme, state = request.GET.get("chuong_trinh", ""), request.GET.get("trang_thai", "")
    mine, overdue = request.GET.get("cua_toi") == "1", request.GET.get("qua_han") == "1"
    courses = course_list(actor=request.user, as_of=request.as_of, year=year, programme=programme,
                          state=state, mine=mine, overdue=overdue)
    report = courses_report(courses)
    report = arranged(report, requested_ordering(request, report.columns), requested_page(request))
    if wants_download(request):
        return report_download(request, report, filename=f"khoa-hoc-{request.as_of:%Y%m%d}")
    programmes = Programme.objects.filter(rule_set=rule_set_in_force(request.as_of)).order_by(
        "family__order", "order")
    return render(request, "training/course_list.html", {
        "table": ReportPage(report), "year": year, "programme": programme, "state": state,
        "mine": mine, "overdue": overdue, "programmes": programmes, "states": CourseState.choices,
        "may_open": can(request.user, Action.MANAGE_COURSES), "crumbs": [(_("Khóa học"), "")],
        "sees_everyone": sees_everything(request.user),
    })


@requires(Action.MANAGE_COURSES)
def course_new(request):
    programmes = Programme.objects.filter(rule_set=rule_set_in_force(request.as_of)).order_by(
        "family__order", "order")
    own = provided_by(request.user)
    form = CourseForm(request.POST or None, programmes=programmes, own_unit=own)
    if request.method == "POST" and form.is_valid():
        try:
            fields = dict(form.cleaned_data)
            at = made_on(fields.pop("made_on"))
            course = course_create(actor=request.user, provider_unit=own, at=at, **fields)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("Đã mở khóa học %(code)s (dự thảo).") % {"code": course.code})
            return redirect("training:course_detail", pk=course.pk)
    return render(request, "training/course_form.html", {
        "form": form, "crumbs": _crumbs((_("Mở khóa học"), ""))})


@requires(Action.VIEW_COURSES)
def course_detail(request, pk):
    course = course_get(pk=pk)
    enrolments = list(visible_enrolments(request.user, course, request.as_of))
    for enrolment in enrolments:
        enrolment.awarded = [(qualification_words({"kind": q.kind, "level": q.level}), q.obtained_on)
                             for q in enrolment.qualifications.all()]
    result = request.GET.get("ket_qua", "")
    counts = {code: sum(1 for e in enrolments if e.result == code) for code in Result.values}
    running = runs(request.user, course)
    return render(request, "training/course_detail.html", {
        "course": course, "runner": course_runner(course),
        "enrolments": [e for e in enrolments if not result or e.result == result],
        "result": result, "total": len(enrolments),
        "counts": [(code, label, counts[code]) for code, label in Result.choices],
        "steps": steps_of(course), "then": state_then(course, request.as_of),
        "options": options(request.user, course),
        "may_enrol": running and can(request.user, Action.MANAGE_COURSES)
        and course.state in (CourseState.DU_THAO, CourseState.TUYEN_SINH),
        "may_record": running and can(request.user, Action.RECORD_RESULTS)
        and course.state == CourseState.CHO_KET_QUA,
        "crumbs": _crumbs((course.code, "")),
    })


def _run(request, pk):
    course = course_get(pk=pk)
    if not runs(request.user, course):
        raise NotFound(_("Khóa học %(code)s không thuộc phạm vi quản lý của bạn.") % {"code": course.code})
    return course


@requires(Action.MANAGE_COURSES)
def course_enrol(request, pk):
    course = _run(request, pk)
    picked = request.POST.getlist("can_bo")
    problems: list[str] = []
    if request.method == "POST":
        try:
            added = enrolments_add(actor=request.user, course=course,
                                   codes=picked + parse_codes(request.POST.get("ma_khac", "")))
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, _("Đã ghi danh %(n)s học viên.") % {"n": len(added)})
            return redirect("training:course_detail", pk=course.pk)
    return render(request, "training/course_enrol.html", {
        "course": course, "candidates": enrolment_candidates(actor=request.user, course=course),
        "picked": picked, "problems": problems, "free": course.seats - course.enrolments.count(),
        "may_see_plans": can(request.user, Action.VIEW_PLANS),
        "crumbs": _course_crumbs(course, _("Ghi danh học viên")),
    })


def _form_rows(request, enrolments) -> tuple[list, list[str]]:
    rows, bad = [], []
    for number, enrolment in enumerate(enrolments, start=1):
        prefix = f"{enrolment.pk}_"
        day = request.POST.get(prefix + "ngay_cap", "").strip()
        try:
            issued_on = parse_date(day) if day else None
        except ValueError:
            message = _("%(code)s: ngày cấp “%(day)s” không đúng dạng.")
            bad.append(message % {"code": enrolment.cadre.code, "day": day})
            continue
        rows.append((number, enrolment.cadre.code, {
            "result": request.POST.get(prefix + "ket_qua", ""),
            "grade": request.POST.get(prefix + "xep_loai", ""),
            "issued_on": issued_on, "certificate_no": request.POST.get(prefix + "so_hieu", "").strip()}))
    return rows, bad


@requires(Action.RECORD_RESULTS)
def course_results(request, pk):
    course = _run(request, pk)
    enrolments = list(visible_enrolments(request.user, course, request.as_of))
    problems: list[str] = []
    if request.method == "POST":
        rows, problems = _form_rows(request, enrolments)
        if not problems:
            try:
                changed = results_record(actor=request.user, course=course, rows=rows)
            except ResultsRefused as refused:
                codes = {number: code for number, code, _values in rows}
                problems = [f"{codes[f.row]}: {f.message}" for f in refused.findings]
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(request, _("Đã ghi kết quả của %(n)s học viên.") % {"n": changed})
                return redirect("training:course_detail", pk=course.pk)
    return render(request, "training/course_results.html", {
        "course": course, "enrolments": enrolments, "problems": problems, "posted": request.POST,
        "results": Result.choices, "grades": Grade.choices,
        "open": course.state == CourseState.CHO_KET_QUA,
        "crumbs": _course_crumbs(course, _("Ghi kết quả")),
    })


@requires(Action.RECORD_RESULTS)
def course_results_import(request, pk):
    course = _run(request, pk)
    findings, problem = [], ""
    upload = request.FILES.get("tep")
    if request.method == "POST" and upload is None:
        problem = _("Chọn tệp bảng kết quả (XLSX).")
    elif request.method == "POST":
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
            copy.flush()
            try:
                changed = results_import(actor=request.user, course=course, path=copy.name,
                                         file_name=upload.name)
            except ResultsRefused as refused:
                findings = refused.findings
            except ValidationError as exc:
                problem = " ".join(exc.messages)
            else:
                messages.success(request, _("Đã nhập kết quả: %(n)s học viên thay đổi.") % {"n": changed})
                return redirect("training:course_detail", pk=course.pk)
    return render(request, "training/course_import.html", {
        "course": course, "findings": findings, "problem": problem, "columns": SHEET.keys,
        "open": course.state == CourseState.CHO_KET_QUA,
        "crumbs": _course_crumbs(course, _("Nhập bảng kết quả")),
    })


@requires(Action.VIEW_COURSES)
def course_step(request, pk, target):
    """One step of the course: the question and the reason a cancellation needs, or why the user may not
    take it; taken only on confirmation."""
    course = course_get(pk=pk)
    return step_page(request, process=COURSE_PROCESS, obj=course, target=target, noun=_("khóa học"),
                     template="training/course_step.html", context={"course": course},
                     back=reverse("training:course_detail", args=[course.pk]),
                     crumbs=lambda label: _course_crumbs(course, label))
