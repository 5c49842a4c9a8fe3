"""REST API of rotation and transfer proposals: the proposals within the caller's reach (by step), one
proposal with its check and its steps, drafting one, recording an opinion and taking a step. A
well-formed request the rules refuse (a violation of SPEC §11, a step not open, a missing opinion) is
409 with every reason; a proposal out of reach is 404."""

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, Path, Router, Schema, Status

from canbo.accounts.api import API_AUTH, Day, requires_api, responses, write_responses
from canbo.core.capabilities import Action, require
from canbo.core.dates import made_on
from canbo.documents.services import NUMBER_ON_PAPER
from canbo.rotation.models import Party, ProposalState, StepCheck, Verdict
from canbo.rotation.procedure import PROPOSAL_PROCESS
from canbo.rotation.proposal_selectors import proposal_get, visible_proposals
from canbo.rotation.proposals import Draft, opinion_add, proposal_create
from canbo.workflow.process import TransitionRefused
from canbo.workflow.selectors import steps_of
from canbo.workflow.services import taken_on, transition

router = Router(tags=["đề xuất luân chuyển, điều động"], auth=API_AUTH)

Kind = Literal["luan_chuyen", "dieu_dong"]
# A proposal's number, within what every database's integer holds.
Number = Path(..., ge=1, le=2_147_483_647)


class CheckOut(Schema):
    hop_le: bool
    vi_pham: list[str]
    canh_bao: list[str]
    tu_don_vi: str | None
    huong: str | None
    tham_quyen: str | None
    ho_tro_mot_lan: bool | None


class ProposalOut(Schema):
    so: int
    loai: Kind
    ma_can_bo: str
    tu_don_vi: str | None
    den_don_vi: str
    chuc_danh: str
    tu_ngay: dt.date
    den_ngay: dt.date | None
    buoc: str
    kiem_tra: CheckOut
    so_quyet_dinh: str
    ngay_quyet_dinh: dt.date | None


class OpinionOut(Schema):
    ben: str
    y_kien: str
    noi_dung: str


class StepOut(Schema):
    tu_buoc: str
    sang_buoc: str
    nguoi_thuc_hien: str
    vai_tro: str
    thoi_diem: dt.datetime
    ly_do: str
    canh_bao: list[str]
    y_kien: list[OpinionOut]
    tep: list[str]


class ProposalDetailOut(ProposalOut):
    ly_do: str
    cac_buoc: list[StepOut]


class ProposalIn(Schema):
    ma_can_bo: str
    loai: Kind
    den_don_vi: str
    chuc_danh: str
    tu_ngay: Day
    den_ngay: Day | None = None
    ngoai_le_btv: bool = False
    ly_do: str
    ngay_lap: Day | None = Field(None, description="Ngày đã lập đề xuất, nếu trước hôm nay")


class StepIn(Schema):
    sang: Literal[tuple(ProposalState.values)]
    ly_do: str = ""
    ngay: Day | None = Field(None, description="Ngày đã thực hiện bước, nếu trước hôm nay")
    so_tren_giay: str = Field("", description=(
        "Bước 4 (ban hành): số quyết định đã cấp trên giấy trước khi nhập, ví dụ 12; để trống: lấy số tiếp "
        "theo trong sổ"))


class OpinionIn(Schema):
    ben: Literal[tuple(Party.values)]
    y_kien: Literal[tuple(Verdict.values)]
    noi_dung: str = ""
    ngay: Day | None = Field(None, description="Ngày đã cho ý kiến, nếu trước hôm nay")


def _out(p) -> dict:
    return {
        "so": p.pk,
        "loai": p.kind,
        "ma_can_bo": p.cadre.code,
        "tu_don_vi": p.from_unit.code if p.from_unit else None,
        "den_don_vi": p.to_unit.code,
        "chuc_danh": p.position_type.code,
        "tu_ngay": p.start,
        "den_ngay": p.end,
        "buoc": p.state,
        "kiem_tra": p.check_result,
        "so_quyet_dinh": p.decision_no,
        "ngay_quyet_dinh": p.decision_date,
    }


def _opinion(o) -> dict:
    return {"ben": o.party, "y_kien": o.verdict, "noi_dung": o.text}


def _detail(p) -> dict:
    steps = steps_of(p)
    kept = {c.step_id: c.result for c in StepCheck.objects.filter(step__in=[s.pk for s in steps])}
    opinions = list(p.opinions.all())
    return {
        **_out(p),
        "ly_do": p.reasons,
        "cac_buoc": [
            {
                "tu_buoc": s.source,
                "sang_buoc": s.target,
                "nguoi_thuc_hien": s.actor.username,
                "vai_tro": s.actor.role,
                "thoi_diem": s.at,
                "ly_do": s.comment,
                "canh_bao": kept.get(s.pk, {}).get("canh_bao", []),
                "y_kien": [_opinion(o) for o in opinions if o.step_id == s.pk],
                "tep": [f.name for f in s.files.all()],
            }
            for s in steps
        ],
    }


@router.get("/de-xuat", response=responses(list[ProposalOut]), summary="Các đề xuất luân chuyển, điều động")
@requires_api(Action.VIEW_ROTATION)
def proposals(request, buoc: Literal[tuple(ProposalState.values)] | None = None):
    found = visible_proposals(request.auth)
    return [_out(p) for p in (found.filter(state=buoc) if buoc else found)]


@router.get("/de-xuat/{so}", response=responses(ProposalDetailOut), summary="Một đề xuất và các bước đã qua")
@requires_api(Action.VIEW_ROTATION)
def proposal(request, so: int = Number):
    return _detail(proposal_get(actor=request.auth, pk=so))


@router.post("/de-xuat", response=write_responses(ProposalDetailOut, 201), summary="Lập dự thảo một đề xuất")
@requires_api(Action.DRAFT_PROPOSALS)
def proposal_new(request, payload: ProposalIn):
    try:
        created = proposal_create(
            actor=request.auth,
            draft=Draft(payload.ma_can_bo, payload.den_don_vi, payload.chuc_danh),
            kind=payload.loai,
            start=payload.tu_ngay,
            end=payload.den_ngay,
            reasons=payload.ly_do,
            btv_exception=payload.ngoai_le_btv,
            at=made_on(payload.ngay_lap),
        )
    except ValidationError as refused:
        return Status(409, {"detail": refused.messages})
    return Status(201, _detail(proposal_get(actor=request.auth, pk=created.pk)))


@router.post(
    "/de-xuat/{so}/y-kien", response=write_responses(ProposalDetailOut, 201),
    summary="Ghi ý kiến cho bước tới",
)
@requires_api(Action.VIEW_ROTATION)
def proposal_opinion(request, payload: OpinionIn, so: int = Number):
    found = proposal_get(actor=request.auth, pk=so)
    try:
        opinion_add(
            actor=request.auth,
            proposal=found,
            party=payload.ben,
            verdict=payload.y_kien,
            text=payload.noi_dung,
            at=taken_on(payload.ngay),
        )
    except ValidationError as refused:
        return Status(409, {"detail": refused.messages})
    return Status(201, _detail(found))


@router.post(
    "/de-xuat/{so}/buoc", response=write_responses(ProposalDetailOut), summary="Chuyển đề xuất sang bước khác"
)
@requires_api(Action.VIEW_ROTATION)
def proposal_step(request, payload: StepIn, so: int = Number):
    found = proposal_get(actor=request.auth, pk=so)
    step = PROPOSAL_PROCESS.transition(found.state, payload.sang)
    if step is not None:
        require(request.auth, step.action)
    try:
        transition(actor=request.auth, obj=found, to=payload.sang, comment=payload.ly_do,
                   at=taken_on(payload.ngay), inputs={NUMBER_ON_PAPER.name: payload.so_tren_giay})
    except TransitionRefused as refused:
        return Status(409, {"detail": refused.reasons})
    return _detail(proposal_get(actor=request.auth, pk=so))
