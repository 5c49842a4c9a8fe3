"""Reads of courses. The list of courses is the province's (every role that reads courses sees every
course: a course is announced to all units); the trainees shown and counted are those the reader sees
at the page's date (SPEC §1), so no page names a cadre out of scope and every figure is the list it
links to. Who runs a course: the provider's own `school` users when a unit of the province provides
it, otherwise the office its organiser names (`COURSE_OFFICES`)."""

import datetime as dt

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Value
from django.utils.translation import gettext as _

from canbo.core.capabilities import COURSE_OFFICES
from canbo.core.dates import recorded_before
from canbo.core.errors import NotFound
from canbo.core.roles import Role
from canbo.org.models import Unit
from canbo.people.selectors import visible_cadres
from canbo.training.models import Course, CourseState, Enrolment, Result
from canbo.workflow.selectors import recorded_by


def course_runner(course: Course) -> str:
    """Who runs the course, in words: the provider (a unit of the province) or the organiser's office."""
    if course.provider_unit_id is not None:
        return course.provider_unit.name
    return str(Role(COURSE_OFFICES[course.organiser]).label)


def run_by(actor) -> Q:
    """The courses that are the actor's to run: a provider's `school` users run the courses of their
    unit's subtree, Ban Tổ chức and Sở Nội vụ those of the organisers they answer for that no provider
    of the province runs; a superuser (and the system actor) every course."""
    if getattr(actor, "is_superuser", False):
        return Q()
    own = provided_by(actor)
    if own is not None:
        return Q(provider_unit__path__startswith=own.path)
    organisers = [organiser for organiser, role in COURSE_OFFICES.items() if role == actor.role]
    return Q(provider_unit__isnull=True, organiser__in=organisers)


def provided_by(actor) -> Unit | None:
    """The training provider whose courses the actor opens (a `school` user's own unit), if any."""
    own = getattr(actor, "scope_unit", None)
    return own if getattr(actor, "role", None) == Role.SCHOOL and not actor.is_superuser else None


def runs(actor, course: Course) -> bool:
    return Course.objects.filter(run_by(actor), pk=course.pk).exists()


def visible_enrolments(actor, course: Course, as_of) -> QuerySet[Enrolment]:
    """The course's trainees, by name: all of them to those who run it, to others those they see at D."""
    enrolments = Enrolment.objects.filter(course=course)
    if not runs(actor, course):
        enrolments = enrolments.filter(cadre__in=visible_cadres(actor, as_of).values("pk"))
    return (enrolments.select_related("cadre", "plan_line__plan__unit").prefetch_related("qualifications")
            .order_by("cadre__sort_key", "cadre__code"))


# The states of a course still to be taken forward, in the order it runs.
OPEN_STATES = (CourseState.DU_THAO, CourseState.TUYEN_SINH, CourseState.DANG_HOC, CourseState.CHO_KET_QUA)


def courses_at(as_of: dt.date) -> QuerySet[Course]:
    """The courses opened by the end of D, each with `state_then`, its state then: the target of its
    last step taken by the end of D, or the state it was opened in. Today or later: every course at its
    state now."""
    return recorded_by(Course.objects.all(), as_of)


def overdue_q(as_of) -> Q:
    """Of `courses_at(D)`, those behind their dates at D: not yet started although their first day has
    passed, or still in session after their last day."""
    not_started = Q(state_then__in=(CourseState.DU_THAO, CourseState.TUYEN_SINH), start__lt=as_of)
    return not_started | Q(state_then=CourseState.DANG_HOC, end__lt=as_of)


def course_list(*, actor, as_of, year: int | None = None, programme: str = "", state: str = "",
                mine: bool = False, overdue: bool = False) -> QuerySet[Course]:
    """The courses opened by D (`courses_at`) starting in `year`, of a programme code, in a state at D,
    run by the actor (`mine`), behind their dates at D (`overdue`); each with its number of trainees
    and of those who passed, among the trainees the actor sees (`visible_enrolments`). At an earlier
    date, the passes of the courses completed by then only (`results_final`: the others' results were
    not final)."""
    seen = Q(enrolments__cadre__in=visible_cadres(actor, as_of).values("pk"))
    seen |= run_by(actor)  # (a superuser's empty condition adds nothing: they see every cadre anyway)
    # A course's results are final once it is completed: at an earlier date, only then are they counted.
    final = Q() if recorded_before(as_of) is None else Q(state_then=CourseState.HOAN_THANH)
    courses = courses_at(as_of).select_related("programme", "provider_unit").annotate(
        enrolled=Count("enrolments", filter=seen),
        passed=Count("enrolments", filter=seen & final & Q(enrolments__result=Result.DAT)),
        results_final=ExpressionWrapper(final, output_field=BooleanField()) if final else Value(True))
    if year:
        courses = courses.filter(start__year=year)
    if programme:
        courses = courses.filter(programme__code=programme)
    if state:
        courses = courses.filter(state_then=state)
    if mine:
        courses = courses.filter(run_by(actor))
    if overdue:
        courses = courses.filter(overdue_q(as_of))
    return courses.order_by("-start", "code")


def course_get(*, pk: int | None = None, code: str | None = None) -> Course:
    found = Course.objects.select_related("programme__rule_set", "provider_unit", "created_by")
    found = found.filter(pk=pk) if pk is not None else found.filter(code=code)
    course = found.first()
    if course is None:
        raise NotFound(_("Không có khóa học này."))
    return course


def courses_to_run(*, actor, as_of) -> dict:
    """The courses the actor runs that are still to be taken forward at D, counted by their state then,
    and those of them behind their dates at D; each count as the list of courses filtered the same way
    shows it. Such courses are few (a provider's or an office's year): their rows are read and counted
    here."""
    mine = courses_at(as_of).filter(run_by(actor), state_then__in=OPEN_STATES)
    states = list(mine.values_list("state_then", flat=True))
    overdue = list(mine.filter(overdue_q(as_of)).values_list("id", flat=True))
    return {"states": [(state, state.label, states.count(state)) for state in OPEN_STATES],
            "overdue": len(overdue)}
