"""The demo province's training plans and courses of 2017–2025 (plan IV.1; SPEC §4), made after the
workbook's import through the services, so each step has its step row and audit event. Each plan,
course and step is dated as it happened in those years (the audit log records them on the day the
demo is loaded), so the plans and courses read as of a date stand where they stood then.

Each year, the units (at the second level of the tree) whose cadres caught up a qualification that year
draft a plan with a line per programme and mode naming them; the plans are sent, aggregated, reported,
approved and put in force (one returned once on the way, one amended and its first version superseded).
A course per programme, mode and half-year enrols them, records their results and is completed, which
writes the qualification into each passed trainee's record, linked to the enrolment. Each year's plans
also send cadres planned for key posts to a leadership-skills course (fostering, III.1.2), which gives
no qualification. A few trainees of
the next year's courses are on this year's course too and fail it or are absent. A qualification the
plan's rules or the programme cannot give as it stands (a trainee not eligible on 1 January, a level
"as required" that is not the one the record shows) is written into the record instead, dated as drawn,
so the review's figures stay those the workbook was drawn for. The plans of the demo's current year
(2026) are in force and send holders of posts the Standing Board manages to a knowledge-update course
finished in May, and cadres eligible on 1 January to the political school's two full-time courses of
eight months, in session since 1 September, each course's trainees taken in turn from every sending
unit; the next year's plans, drafted on 1 October, stand at each step before approval, the last taken
on 1 November (steps after the workbook's 30/06/2026, all before the day canbo is run today)."""

import copy
import datetime as dt
from collections import defaultdict
from itertools import zip_longest

from django.utils.translation import gettext as _

from canbo.core.dated import in_force_q
from canbo.core.dates import moment_on
from canbo.core.levels import rank_of
from canbo.exchange.demo.people import HORIZON
from canbo.exchange.demo.training import TRAINED_YEARS
from canbo.exchange.demo.units import POLITICAL_SCHOOL
from canbo.org.models import Unit
from canbo.people.active import held_q
from canbo.people.models import Cadre, PlanningEntry, PositionHolding, Qualification
from canbo.people.selectors import planned_q
from canbo.people.services import qualification_add
from canbo.rules import engine
from canbo.rules.verdicts import PROGRAMMES_BY_KEY
from canbo.training.course_results import results_record
from canbo.training.courses import course_create, enrolments_add
from canbo.training.models import (
    CourseState,
    Funding,
    Organiser,
    PlanState,
    Programme,
    Result,
    TrainingMode,
    Venue,
)
from canbo.training.plan_lines import ineligible, line_add
from canbo.training.plans import plan_amend, plan_create
from canbo.training.services import programme_update
from canbo.workflow.services import transition

# The programme a caught-up qualification is trained by: by (kind, level), or by kind for the
# programmes that give the level the trainee's posts require.
FIXED = {
    ("llct", "cao_cap"): "cao_cap_llct",
    ("llct", "trung_cap"): "trung_cap_llct",
    ("chuyen_mon", "dai_hoc"): "dai_hoc",
    ("chuyen_mon", "thac_si"): "sau_dai_hoc",
    ("chuyen_mon", "trung_cap"): "trung_cap_chuyen_mon",
}
AS_REQUIRED = {"qlnn": "qlnn", "ngoai_ngu": "ngoai_ngu_tin_hoc", "tin_hoc": "ngoai_ngu_tin_hoc"}
# Who provides and organises the courses of a kind.
# The province's political school is a unit of the province: its `school` users run its courses.
SCHOOL, UNIVERSITY = POLITICAL_SCHOOL[1], "Trường Đại học Đà Lạt"
PROVIDERS = {
    "llct": (SCHOOL, Organiser.TINH_UY),
    "qlnn": (SCHOOL, Organiser.SO_NOI_VU),
    "chuyen_mon": (UNIVERSITY, Organiser.SO_NOI_VU),
    "ngoai_ngu": (UNIVERSITY, Organiser.SO_NOI_VU),
    "tin_hoc": (UNIVERSITY, Organiser.SO_NOI_VU),
    "boi_duong": (SCHOOL, Organiser.TINH_UY),
}
# Fostering (III.1.2): each year, leadership skills for this many cadres planned for key posts who had
# none yet, by code; the provincial units' by one programme, the others' by the district one.
FOSTERED_PER_YEAR = 24
LEADERSHIP = {"tinh": "quy_hoach_lanh_dao_so", "other": "quy_hoach_chu_chot_huyen"}
# The two courses of a year: (start, end) by half; the first year's all run in the second half, after
# the review of 30/06/2017.
HALVES = {1: ((3, 1), (5, 31)), 2: ((9, 1), (11, 30))}
PLAN_STEPS = (PlanState.DA_GUI, PlanState.DA_TONG_HOP, PlanState.DA_TRINH, PlanState.DA_PHE_DUYET,
              PlanState.CO_HIEU_LUC)
# The demo's costs per participant (đồng): full-time, in-service. Illustrative figures of the demo
# province only; a real catalogue's costs are entered by Ban Tổ chức and Sở Nội vụ.
DEMO_COSTS = {
    "cao_cap_llct": (32_000_000, 24_000_000),
    "hoan_chinh_trung_cap_llct": (6_000_000, 4_500_000),
    "trung_cap_llct": (14_000_000, 10_500_000),
    "sau_dai_hoc": (60_000_000, 45_000_000),
    "dai_hoc": (40_000_000, 30_000_000),
    "trung_cap_chuyen_mon": (16_000_000, 12_000_000),
    "ngoai_ngu_tin_hoc": (3_500_000, 3_000_000),
    "qlnn": (5_500_000, 4_500_000),
}
FOSTERING_COST = 2_500_000  # a fostering course, full-time
FAIL_EVERY = 12  # one next-year trainee in FAIL_EVERY is on this year's course first, and fails it
IN_SERVICE_MODES = frozenset({"tai_chuc", "tu_xa", "lien_thong"})


def _half(year: int, obtained: dt.date) -> int:
    return 2 if year == TRAINED_YEARS[0] or obtained.month > 6 else 1


def _dates(year: int, half: int) -> tuple[dt.date, dt.date]:
    (sm, sd), (em, ed) = HALVES[half]
    return dt.date(year, sm, sd), dt.date(year, em, ed)


def _plan_units(cadre_ids, day: dt.date) -> dict[int, Unit]:
    """The unit whose plan sends each cadre: the second-level unit above the post held on `day`."""
    held = dict(PositionHolding.objects.filter(in_force_q(day), cadre_id__in=cadre_ids)
                .order_by("cadre_id", "valid_from", "id").values_list("cadre_id", "unit__path"))
    tops = {cid: "/" + "/".join([part for part in path.split("/") if part][:2]) + "/"
            for cid, path in held.items()}
    units = {unit.path: unit for unit in Unit.objects.filter(path__in=set(tops.values()))}
    return {cid: units[top] for cid, top in tops.items() if top in units}


class Trainee:
    """One caught-up qualification and where it goes: a course line, or the record."""

    def __init__(self, row: tuple, cadre: Cadre, programmes: dict[str, Programme]):
        self.code, self.kind, self.level, self.obtained, mode, self.grade, self.major, _, self.issuer = row
        self.row_mode, self.cadre = mode or "", cadre
        key = FIXED.get((self.kind, self.level)) or AS_REQUIRED.get(self.kind)
        self.programme = programmes.get(key)
        self.mode = None
        if self.programme is not None:
            wanted = TrainingMode.TAI_CHUC if self.row_mode in IN_SERVICE_MODES else TrainingMode.TAP_TRUNG
            self.mode = wanted if wanted in self.programme.modes() else self.programme.modes()[0]
        self.passes = True


class Fostered:
    """A cadre on a fostering course: it gives no qualification, so only the result is recorded."""

    def __init__(self, cadre: Cadre, programme: Programme, passes: bool):
        self.code, self.cadre, self.programme, self.passes = cadre.code, cadre, programme, passes
        self.mode, self.grade, self.kind = TrainingMode.TAP_TRUNG, "", "boi_duong"


def _fostered(year: int, programmes: dict[str, Programme], done: set[int]) -> tuple[list, dict[int, Unit]]:
    """The year's leadership-skills trainees (planned on 1 January for a key post, not yet fostered)
    and the units whose plans send them."""
    day = dt.date(year, 1, 1)
    planned = (PlanningEntry.objects.filter(planned_q(day), position_type__key_position=True)
               .exclude(cadre_id__in=done).order_by("cadre__code").values_list("cadre_id", flat=True))
    candidates = list(dict.fromkeys(planned))
    units = _plan_units(candidates, day)
    chosen = [cid for cid in candidates if cid in units][:FOSTERED_PER_YEAR]
    cadres = Cadre.objects.in_bulk(chosen)
    trainees = []
    for n, cid in enumerate(chosen, start=1):
        level = "tinh" if units[cid].level == "tinh" else "other"
        trainees.append(Fostered(cadres[cid], programmes[LEADERSHIP[level]], passes=n % 10 != 0))
    done.update(chosen)
    return trainees, units


def _as_required_holds(trainees: list[Trainee], day: dt.date, end: dt.date) -> set[int]:
    """The cadre ids whose course would give exactly the qualification drawn: the level required on
    1 January is the one drawn and above what they hold at the course's end, and nothing else is due."""
    ids = [t.cadre.id for t in trainees]
    required = engine.facts_of(engine.context_for(day), ids)
    held = engine.facts_of(engine.context_for(end), ids)
    fine = set()
    for t in trainees:
        given = [item["kind"] for item in t.programme.qualifications if item.get("as_required")]
        due = {kind for kind in given
               if (required[t.cadre.id][f"req_{kind}"] or 0) > (held[t.cadre.id][f"lv_{kind}"] or 0)}
        wanted_rank = rank_of(t.kind, t.level)
        if due == {t.kind} and required[t.cadre.id][f"req_{t.kind}"] == wanted_rank:
            fine.add(t.cadre.id)
    return fine


def _eligible(trainees: list[Trainee], year: int) -> list[Trainee]:
    """Those who may be put on their line on 1 January; an in-service LLCT trainee the rules send
    full-time goes full-time when the programme runs so."""
    day = dt.date(year, 1, 1)
    kept = []
    groups = defaultdict(list)
    for t in trainees:
        groups[(t.programme.code, t.mode)].append(t)
    for (code, mode), group in groups.items():
        verdict = PROGRAMMES_BY_KEY.get(code)
        refused = {} if verdict is None else ineligible(verdict, [t.cadre for t in group], mode, day)
        retry = []
        for t in group:
            if t.cadre.id not in refused:
                kept.append(t)
            elif mode == TrainingMode.TAI_CHUC and TrainingMode.TAP_TRUNG in t.programme.modes():
                t.mode = TrainingMode.TAP_TRUNG
                retry.append(t)
        if retry:
            again = ineligible(verdict, [t.cadre for t in retry], TrainingMode.TAP_TRUNG, day)
            kept += [t for t in retry if t.cadre.id not in again]
    placed = [t for t in kept if AS_REQUIRED.get(t.kind) != t.programme.code]
    by_end = defaultdict(list)
    for t in kept:
        if AS_REQUIRED.get(t.kind) == t.programme.code:
            by_end[_dates(year, _half(year, t.obtained))[1]].append(t)
    for end, group in by_end.items():
        fine = _as_required_holds(group, day, end)
        placed += [t for t in group if t.cadre.id in fine]
    return placed


def _plan_drafted(year: int) -> dt.date:
    """When the units draft their plans for `year`: in the autumn before it, for the plan's month of
    reports (IV.1); the first year's, once the plan was issued, before the review."""
    return dt.date(2017, 5, 2) if year == TRAINED_YEARS[0] else dt.date(year - 1, 10, 1)


def _plan(actor, unit: Unit, year: int, lines: dict, *, returned: bool, amended: bool) -> None:
    """A unit's plan for `year`, drafted, sent, aggregated, reported, approved and put in force a week
    apart (returned once on the way, or amended in the first weeks of the year), each step dated."""
    content = _("Cử cán bộ của %(unit)s đi đào tạo, bồi dưỡng năm %(year)s theo các dòng kế hoạch.") % {
        "unit": unit.name, "year": year}
    drafted = _plan_drafted(year)
    plan = plan_create(actor=actor, unit=unit, year=year, content=content, at=moment_on(drafted))
    for (programme, mode), codes in sorted(lines.items(), key=lambda item: (item[0][0].pk, item[0][1])):
        line_add(actor=actor, plan=plan, programme=programme, mode=mode, codes=sorted(set(codes)))
    if returned:
        transition(actor=actor, obj=plan, to=PlanState.DA_GUI, at=moment_on(drafted + dt.timedelta(days=3)))
        transition(actor=actor, obj=plan, to=PlanState.DU_THAO, at=moment_on(drafted + dt.timedelta(days=5)),
                   comment=_("Bổ sung căn cứ cử cán bộ đi học theo quy hoạch."))
    for n, state in enumerate(PLAN_STEPS, start=1):
        transition(actor=actor, obj=plan, to=state, at=moment_on(drafted + dt.timedelta(days=3 + 7 * n)))
    if amended:
        drafted += dt.timedelta(days=100)
        plan = plan_amend(actor=actor, plan=plan, reason=_("Điều chỉnh thời gian mở lớp trong năm."),
                          at=moment_on(drafted))
        for n, state in enumerate(PLAN_STEPS, start=1):
            transition(actor=actor, obj=plan, to=state, at=moment_on(drafted + dt.timedelta(days=n)))


def _political_school() -> Unit | None:
    return Unit.objects.filter(code=POLITICAL_SCHOOL[0]).first()


def _course_name(programme: Programme, year: int, half: int) -> str:
    return _("%(programme)s, năm %(year)s, đợt %(half)s") % {"programme": programme.name, "year": year,
                                                             "half": half}


def _course(actor, year: int, half: int, number: int, programme: Programme, mode: str, kind: str,
            trainees: list[Trainee]) -> None:
    start, end = _dates(year, half)
    provider, organiser = PROVIDERS[kind]
    name = _course_name(programme, year, half)
    spent = (programme.cost(mode) or 0) * len(trainees) * (90 + 3 * (number % 5)) // 100  # 90–102 %
    course = course_create(
        actor=actor, code=f"KH{year}-{number:02d}", name=name, programme=programme, provider=provider,
        place=_("Thành phố Đà Lạt"), start=start, end=end, seats=len(trainees), mode=mode,
        organiser=organiser, venue=Venue.TRONG_NUOC, actual_cost=spent or None,
        provider_unit=_political_school() if provider == SCHOOL else None,
        funding=Funding.DON_VI if number % 4 == 3 else Funding.NGAN_SACH_TINH,
        at=moment_on(start - dt.timedelta(days=45)))
    announced = moment_on(start - dt.timedelta(days=30))
    transition(actor=actor, obj=course, to=CourseState.TUYEN_SINH, at=announced)
    enrolments_add(actor=actor, course=course, codes=[t.code for t in trainees])
    transition(actor=actor, obj=course, to=CourseState.DANG_HOC, at=moment_on(start))
    transition(actor=actor, obj=course, to=CourseState.CHO_KET_QUA, at=moment_on(end, 17))
    rows = []
    for n, t in enumerate(trainees, start=1):
        if t.passes:
            values = {"result": Result.DAT, "grade": t.grade or "", "issued_on": end,
                      "certificate_no": f"{course.code}/{n:03d}"}
        else:
            values = {"result": Result.KHONG_DAT if n % 2 else Result.VANG, "grade": "", "issued_on": None,
                      "certificate_no": ""}
        rows.append((n, t.code, values))
    results_record(actor=actor, course=course, rows=rows)
    transition(actor=actor, obj=course, to=CourseState.HOAN_THANH, at=moment_on(end + dt.timedelta(days=10)))


def _on_record(actor, trainee: Trainee) -> None:
    qualification_add(actor=actor, cadre=trainee.cadre, kind=trainee.kind, level=trainee.level,
                      obtained_on=trainee.obtained, mode=trainee.row_mode, grade=trainee.grade or "",
                      major=trainee.major or "", issuer=trainee.issuer or "")


def _year(actor, year: int, trainees: list[Trainee], next_year: list[Trainee], fostered: tuple) -> None:
    day = dt.date(year, 1, 1)
    units = _plan_units([t.cadre.id for t in trainees + next_year], day)
    placed, seen = [], set()
    for t in trainees:  # a cadre once per programme and year
        if t.programme is not None and t.cadre.id in units and (t.cadre.id, t.programme.pk) not in seen:
            seen.add((t.cadre.id, t.programme.pk))
            placed.append(t)
    on_course = _eligible(placed, year)
    kept = {id(t) for t in on_course}
    for t in trainees:
        if id(t) not in kept:
            _on_record(actor, t)
    failing = []
    for n, t in enumerate(t for t in next_year if t.programme is not None and t.cadre.id in units):
        if n % FAIL_EVERY == 0:
            again = copy.copy(t)
            again.passes, again.obtained = False, dt.date(year, 12, 31)
            failing.append(again)
    on_course += [t for t in _eligible(failing, year) if t.cadre.id not in {x.cadre.id for x in on_course}]
    plans: dict[Unit, dict] = defaultdict(lambda: defaultdict(list))
    courses: dict[tuple, list[Trainee]] = defaultdict(list)
    for t in on_course:
        plans[units[t.cadre.id]][(t.programme, t.mode)].append(t.code)
        courses[(_half(year, t.obtained), t.programme.pk, t.mode)].append(t)
    skills, sending = fostered
    for t in skills:
        plans[sending[t.cadre.id]][(t.programme, t.mode)].append(t.code)
        courses[(2, t.programme.pk, t.mode)].append(t)
    for n, unit in enumerate(sorted(plans, key=lambda u: u.path)):
        _plan(actor, unit, year, plans[unit], returned=n == 0, amended=n == 1)
    for number, key in enumerate(sorted(courses), start=1):
        group = sorted(courses[key], key=lambda t: t.code)
        _course(actor, year, key[0], number, group[0].programme, key[2], group[0].kind, group)


# The demo's current year (`HORIZON`'s): its plans send this many holders of posts the Standing Board
# manages on 1 January (in turn from every sending unit) to the spring's knowledge-update course (Quy
# định 164-QĐ/TW), one in UPDATE_FAILS failing, and cadres eligible on 1 January to the political
# school's two full-time courses of eight months from September, (programme, seats), opened and
# enrolled in June.
UPDATED_PER_YEAR, UPDATE_PROGRAMME, UPDATE_FAILS = 30, "cap_nhat_doi_tuong_3", 15
SCHOOL_COURSES = (("trung_cap_llct", 40), ("cao_cap_llct", 20))
SCHOOL_OPENED, SCHOOL_ANNOUNCED = (6, 1), (6, 15)


def _school_term(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 4, 30)


def _spread(ids: list[int], units: dict[int, Unit], n: int) -> list[int]:
    """The first `n` of `ids` taken in turn from each sending unit (by path), each unit's in the order
    given: every unit's plan sends someone before any sends a second."""
    queues: dict[str, list[int]] = defaultdict(list)
    for cid in ids:
        if cid in units:
            queues[units[cid].path].append(cid)
    rounds = zip_longest(*(queues[path] for path in sorted(queues)))
    return [cid for taken in rounds for cid in taken if cid is not None][:n]


def _updated(year: int, programme: Programme) -> tuple[list[Fostered], dict[int, Unit]]:
    """The knowledge-update trainees of `year`, with the units whose plans send them."""
    day = dt.date(year, 1, 1)
    holders = (PositionHolding.objects.filter(held_q(day), position_type__btv_managed=True)
               .order_by("cadre__code").values_list("cadre_id", flat=True))
    candidates = list(dict.fromkeys(holders))
    units = _plan_units(candidates, day)
    chosen = _spread(candidates, units, UPDATED_PER_YEAR)
    cadres = Cadre.objects.in_bulk(chosen)
    return [Fostered(cadres[cid], programme, passes=n % UPDATE_FAILS != 0)
            for n, cid in enumerate(chosen, start=1)], units


def _current_year(actor) -> None:
    """The plans of the demo's current year, in force since the autumn before: the spring's
    knowledge-update course, passed or not by the end of May, and the political school's two courses,
    in session since 1 September; then the next year's plans, drafted in October and standing at each
    step before approval."""
    year = HORIZON.year
    ctx = engine.context_for(dt.date(year, 1, 1))
    _price(actor, ctx["rule_set"])
    catalogue = {p.code: p for p in Programme.objects.filter(rule_set=ctx["rule_set"])}
    plans: dict[Unit, dict] = defaultdict(lambda: defaultdict(list))
    updated, sending = _updated(year, catalogue[UPDATE_PROGRAMME])
    for t in updated:
        plans[sending[t.cadre.id]][(t.programme, t.mode)].append(t.code)
    courses = []
    for code, seats in SCHOOL_COURSES:
        programme = catalogue[code]
        sent = _sent_to_school(programme, engine.eligibility_table(ctx, programme=code), year, seats)
        for cadre_code, unit in sent.items():
            plans[unit][(programme, TrainingMode.TAP_TRUNG)].append(cadre_code)
        courses.append((programme, seats, sorted(sent)))
    for unit in sorted(plans, key=lambda u: u.path):
        _plan(actor, unit, year, plans[unit], returned=False, amended=False)
    if updated:
        group = sorted(updated, key=lambda t: t.code)
        _course(actor, year, 1, 1, group[0].programme, TrainingMode.TAP_TRUNG, "boi_duong", group)
    for number, (programme, seats, codes) in enumerate(courses, start=1):
        _school_course(actor, year, number, programme, seats, codes)
    _next_year_plans(actor, year + 1)


def _sent_to_school(programme: Programme, eligible: list[dict], year: int, seats: int) -> dict[str, Unit]:
    """Of the cadres eligible on 1 January (rows of `eligibility_table`) who still hold a post when the
    course starts and have not caught up the programme's level meanwhile, `seats` taken in turn from
    each sending unit, by code, with the unit whose plan sends them."""
    day, (start, _end) = dt.date(year, 1, 1), _school_term(year)
    ids = [row["id"] for row in eligible]
    kinds = {item["kind"] for item in programme.qualifications}
    caught_up = set(Qualification.objects.filter(cadre_id__in=ids, kind__in=kinds, obtained_on__gte=day)
                    .values_list("cadre_id", flat=True))
    units, still = _plan_units(ids, day), _plan_units(ids, start)
    sendable = units.keys() & still.keys() - caught_up
    codes = {row["id"]: row["code"] for row in eligible}
    chosen = _spread([row["id"] for row in eligible if row["id"] in sendable], units, seats)
    return {codes[cid]: units[cid] for cid in chosen}


def _school_course(actor, year: int, number: int, programme: Programme, seats: int, codes: list[str]) -> None:
    """One of the political school's full-time courses of eight months: opened and enrolled in June, in
    session since its first day (1 September)."""
    start, end = _school_term(year)
    name = _course_name(programme, year, 2)
    course = course_create(
        actor=actor, code=f"TCT{year}-{number:02d}", name=name, programme=programme, provider="",
        provider_unit=_political_school(), place=_("Thành phố Đà Lạt"), start=start, end=end, seats=seats,
        mode=TrainingMode.TAP_TRUNG, organiser=Organiser.TINH_UY, venue=Venue.TRONG_NUOC,
        at=moment_on(dt.date(year, *SCHOOL_OPENED)))
    announced = moment_on(dt.date(year, *SCHOOL_ANNOUNCED))
    transition(actor=actor, obj=course, to=CourseState.TUYEN_SINH, at=announced)
    if codes:
        enrolments_add(actor=actor, course=course, codes=codes)
    transition(actor=actor, obj=course, to=CourseState.DANG_HOC, at=moment_on(start))


def _next_year_plans(actor, year: int) -> None:
    """Plans of `year` drafted in the autumn before it, standing at each step before it is in force,
    the steps a week apart."""
    drafted = _plan_drafted(year)
    units = Unit.objects.filter(path__regex=r"^/[0-9]+/[0-9]+/$").order_by("path")[: len(PLAN_STEPS)]
    for n, unit in enumerate(units):
        content = _("Dự kiến cử cán bộ của %(unit)s đi đào tạo, bồi dưỡng năm %(year)s.") % {
            "unit": unit.name, "year": year}
        plan = plan_create(actor=actor, unit=unit, year=year, content=content, at=moment_on(drafted))
        for k, state in enumerate(PLAN_STEPS[:n], start=1):
            transition(actor=actor, obj=plan, to=state, at=moment_on(drafted + dt.timedelta(days=3 + 7 * k)))


def _price(actor, rule_set) -> None:
    """The demo's costs on the programmes of a rule set that have none."""
    for programme in Programme.objects.filter(rule_set=rule_set, cost_full_time=None, cost_in_service=None):
        full, in_service = DEMO_COSTS.get(programme.code, (FOSTERING_COST, None))
        programme_update(actor=actor, programme=programme,
                         cost_full_time=full if programme.full_time else None,
                         cost_in_service=in_service if programme.in_service else None)


def training_history(*, actor, trained: list[tuple]) -> None:
    """Plans and courses of 2017–2025 giving the qualifications `trained` (rows of `trinh_do`), then
    the current year's plans, its spring knowledge-update course and the political school's courses."""
    cadres = {c.code: c for c in Cadre.objects.filter(code__in={row[0] for row in trained})}
    for rule_set in {engine.context_for(dt.date(year, 1, 1))["rule_set"] for year in TRAINED_YEARS}:
        _price(actor, rule_set)
    catalogue = {year: {p.code: p for p in Programme.objects.filter(
        rule_set=engine.context_for(dt.date(year, 1, 1))["rule_set"])} for year in TRAINED_YEARS}
    by_year: dict[int, list[Trainee]] = defaultdict(list)
    for row in trained:
        by_year[row[3].year].append(Trainee(row, cadres[row[0]], catalogue[row[3].year]))
    done: set[int] = set()
    for year in TRAINED_YEARS:
        fostered = _fostered(year, catalogue[year], done)
        _year(actor, year, by_year[year], by_year.get(year + 1, []), fostered)
    _current_year(actor)

