"""The demo province's rotation proposals (SPEC §4 R9, R10), made after the workbook's import through
the services, so each step has its step row, check and audit event.

Planned heads and deputy heads of provincial departments are proposed as vice-chairs of a district
People's Committee for three years, and two districts' vice-chairs (a key post) as another district's,
whose decisions carry R8's one-off support. Some proposals stand at each of the five steps (two of them
returned once on the way, with the reason); the others were deployed, which wrote the move into the
cadres' records: rotations running, with a yearly evaluation recorded or due; ending within the
reminder window; ended without the end-of-term evaluation (overdue); and ended and evaluated. The
dates are counted from the day the demo is loaded, so the reminders are current whatever the day;
each proposal is drafted, takes its steps a week apart (the opinions a step needs two days before
it) and is evaluated at the end of each year, on those days, so that the pages viewed at an earlier
date show each proposal where it stood then. The Q4/2017 rotations that the 20% target counts come
from the workbook (`luan_chuyen`)."""

import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.dated import in_force_q
from canbo.core.dates import add_years, moment_on, today
from canbo.core.errors import DomainError
from canbo.core.levels import Level
from canbo.people.models import Movement, PlanningEntry, PositionHolding, Rating
from canbo.people.selectors import planned_q
from canbo.rotation.models import Party, Proposal, ProposalState, Verdict
from canbo.rotation.proposals import Draft, opinion_add, proposal_create, rotation_evaluation_add
from canbo.rules.selectors import parameters_in_force
from canbo.workflow.services import taken_on, transition

S = ProposalState
FROM_TYPES = ("TP_TINH", "PGD_SO")
TO_TYPE = "PCT_UBND_H"
TERM_YEARS = 3
ATTEMPTS = 12  # cadres tried for a proposal, the first the check lets through taken
STEP_DAYS = 7  # between a proposal's steps
OPINION_DAYS = 2  # an opinion is given this many days before the step that needs it
DEPLOYED_BEFORE_START = 30  # days between a deployed proposal's last step and the start of the rotation
YEAR_END_DAY = 20  # of December: the receiving unit's yearly evaluation
# The forward steps, in order, and the opinions each needs recorded before it is taken.
FORWARD = (S.TRINH_THUONG_TRUC, S.XIN_Y_KIEN, S.TRINH_BTV, S.DA_QUYET_DINH, S.DA_BAN_HANH, S.DA_GAP_CAN_BO,
           S.DA_TRIEN_KHAI)
NEEDS = {S.XIN_Y_KIEN: (Party.THUONG_TRUC,), S.TRINH_BTV: (Party.DON_VI_DI, Party.DON_VI_DEN, Party.CAN_BO)}
_RETURN_TO_DRAFT = _("Thường trực đề nghị bổ sung nhận xét, đánh giá của cấp ủy nơi cán bộ công tác.")
_ASK_AGAIN = _("Đơn vị đến đề nghị xem xét lại chức danh bố trí; xin ý kiến lại.")
_LEADER_REASONS = _("Luân chuyển cán bộ lãnh đạo chủ chốt giữa các huyện theo Kế hoạch (III.2.5).")


def _to(state) -> list[tuple]:
    """The forward steps up to `state`, none skipped."""
    return [(step, "") for step in FORWARD[: FORWARD.index(state) + 1]] if state in FORWARD else []


def _pending(path: list[tuple]) -> dict:
    return {"path": path}


def _deployed(start_days: int, evaluated: tuple[int, ...] = (), end_of_term: bool = False) -> dict:
    return {"path": _to(S.DA_TRIEN_KHAI), "start_days": start_days, "evaluated": evaluated,
            "end_of_term": end_of_term}


def _slots(window: int) -> list[dict]:
    """What each proposal comes to: the steps taken (state, reason of a return); `start_days`: the
    start of a deployed one, in days before today; `evaluated`: the years back from this one whose
    yearly evaluation is recorded."""
    term = TERM_YEARS * 365
    return [
        _pending([]),
        _pending([*_to(S.TRINH_THUONG_TRUC), (S.DU_THAO, _RETURN_TO_DRAFT)]),
        *[_pending(_to(state)) | {"leader": state == S.DA_BAN_HANH} for state in FORWARD[:-1]],
        _pending([*_to(S.TRINH_BTV), (S.XIN_Y_KIEN, _ASK_AGAIN)]),
        _deployed(400, evaluated=(1,)) | {"leader": True},  # running, last year's evaluation recorded
        _deployed(500),  # running, last year's evaluation due
        _deployed(term - window // 2, evaluated=(1, 2)),  # ending within the reminder window
        _deployed(term + 45, evaluated=(1, 2)),  # ended, end-of-term evaluation overdue
        _deployed(term + 300, evaluated=(1, 2, 3), end_of_term=True),  # ended and evaluated
    ]


def _candidates(rng, start: dt.date, used: set[int], leader: bool = False) -> list[tuple[int, str]]:
    """(id, code) of the cadres holding a provincial post for a year at `start` (`leader`: a district's
    vice-chair, a key post), planned for a post the Standing Committee manages or a key post, never
    moved; heads and deputy heads of departments first, each group in an order drawn from the seed."""
    since = start - dt.timedelta(days=365)
    planned = PlanningEntry.objects.filter(
        planned_q(start), Q(position_type__btv_managed=True) | Q(position_type__key_position=True),
        cadre_id=OuterRef("cadre_id"))
    moved = Movement.objects.filter(cadre_id=OuterRef("cadre_id"))
    held = {"unit__level": Level.TINH}
    if leader:
        held = {"unit__level": Level.HUYEN, "position_type__code": TO_TYPE}
    holdings = (PositionHolding.objects
                .filter(in_force_q(start), Exists(planned), ~Exists(moved), valid_from__lt=since, **held)
                .exclude(cadre_id__in=used)
                .order_by("cadre__code").values_list("cadre_id", "cadre__code", "position_type__code"))
    heads, others = {}, {}
    for cadre_id, code, type_code in holdings:
        (heads if type_code in FROM_TYPES else others)[cadre_id] = code
    found = []
    for group in (heads, {cadre_id: code for cadre_id, code in others.items() if cadre_id not in heads}):
        drawn = sorted(group.items())
        rng.shuffle(drawn)
        found += drawn
    return found


def _drafted_on(slot: dict, start: dt.date, day: dt.date) -> dt.date:
    """The day a proposal is drafted: its steps a week apart end a month before a deployed one starts,
    and by yesterday for one still on its way."""
    days = STEP_DAYS * (len(slot["path"]) + 1)
    if "start_days" in slot:
        return start - dt.timedelta(days=DEPLOYED_BEFORE_START + days)
    return day - dt.timedelta(days=days)


def _draft(actor, rng, slot: dict, day: dt.date, districts: list[str], used: set[int]) -> Proposal | None:
    start = day + dt.timedelta(days=-slot["start_days"] if "start_days" in slot else 60)
    end = add_years(start, TERM_YEARS) - dt.timedelta(days=1)
    leader = slot.get("leader", False)
    reasons = _LEADER_REASONS if leader else _("Luân chuyển cán bộ quy hoạch từ tỉnh về huyện để rèn luyện, "
                                                 "thử thách thực tiễn.")
    for cadre_id, code in _candidates(rng, start, used, leader)[:ATTEMPTS]:
        try:
            proposal = proposal_create(
                actor=actor, draft=Draft(code, rng.choice(districts), TO_TYPE), kind="luan_chuyen",
                start=start, end=end, at=moment_on(_drafted_on(slot, start, day)), reasons=reasons)
        except (ValidationError, DomainError):
            continue
        used.add(cadre_id)
        return proposal
    return None


def _opinions(actor, proposal: Proposal, parties, on: dt.date) -> None:
    for party in parties:
        opinion_add(actor=actor, proposal=proposal, party=party, verdict=Verdict.DONG_Y,
                    text=_("Đồng ý với đề xuất."), at=taken_on(on))


def _take_steps(actor, proposal: Proposal, path: list[tuple]) -> None:
    drafted = timezone.localdate(proposal.created_at)
    for n, (state, reason) in enumerate(path, start=1):
        on = drafted + dt.timedelta(days=STEP_DAYS * n)
        if not reason:
            _opinions(actor, proposal, NEEDS.get(state, ()), on - dt.timedelta(days=OPINION_DAYS))
        transition(actor=actor, obj=proposal, to=state, comment=str(reason), at=taken_on(on))


def _evaluate(actor, proposal: Proposal, slot: dict, day: dt.date) -> None:
    ratings = (Rating.TOT, Rating.XUAT_SAC, Rating.HOAN_THANH)
    for back in sorted(slot["evaluated"], reverse=True):
        year = day.year - back
        if proposal.start.year <= year:
            rotation_evaluation_add(actor=actor, proposal=proposal, year=year, rating=ratings[back % 3],
                                    text=_("Hoàn thành tốt nhiệm vụ được giao tại đơn vị nhận."),
                                    at=taken_on(dt.date(year, 12, YEAR_END_DAY)))
    if slot["end_of_term"]:
        rotation_evaluation_add(actor=actor, proposal=proposal, year=proposal.end.year, end_of_term=True,
                                rating=Rating.TOT, text=_("Hoàn thành nhiệm vụ luân chuyển."),
                                at=taken_on(proposal.end + dt.timedelta(days=OPINION_DAYS)))


def rotation_history(*, actor, seed: int) -> list[Proposal]:
    """The demo's proposals, one for each of `_slots` that a cadre of the province fits."""
    rng = random.Random(seed)
    day = today()
    window = parameters_in_force(day)["ngay_nhac_han_luan_chuyen"]
    districts = sorted(set(PositionHolding.objects.filter(
        position_type__code=TO_TYPE, unit__level=Level.HUYEN).values_list("unit__code", flat=True)))
    used: set[int] = set()
    made = []
    for slot in _slots(window) if districts else ():
        proposal = _draft(actor, rng, slot, day, districts, used)
        if proposal is not None:
            made.append((slot, proposal))
    # The steps of the oldest first: the registers number the decisions in the order of their days.
    made.sort(key=lambda drafted: drafted[1].created_at)
    for slot, proposal in made:
        _take_steps(actor, proposal, slot["path"])
        if "evaluated" in slot:
            _evaluate(actor, proposal, slot, day)
    return [proposal for _slot, proposal in made]
