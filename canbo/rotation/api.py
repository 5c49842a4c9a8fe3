"""REST API of posts and proposals: the vacancies (SPEC §10) and the check of a proposal (SPEC §11),
with the same JSON as the commands, scoped to the caller (a cadre out of scope is 404)."""

from typing import Literal

from ninja import Query, Router, Schema

from canbo.accounts.api import API_AUTH, Day, requires_api, responses
from canbo.core.capabilities import Action
from canbo.org.selectors import unit_get
from canbo.rotation import selectors
from canbo.rules.pairs import Proposal
from canbo.rules.proposals import vacancies_json

router = Router(tags=["luân chuyển, điều động"], auth=API_AUTH)


class VacancyOut(Schema):
    ma_don_vi: str
    ma_chuc_danh: str
    so_luong: int
    dang_giu: int
    khuyet: int


class VacanciesOut(Schema):
    khuyet: list[VacancyOut]


class ProposalQuery(Schema):
    ma_can_bo: str
    loai: Literal["luan_chuyen", "dieu_dong"]
    den_don_vi: str
    chuc_danh: str
    tu_ngay: Day
    den_ngay: Day | None = None
    ngoai_le_btv: bool = False


class ProposalCheckOut(Schema):
    hop_le: bool
    vi_pham: list[str]
    canh_bao: list[str]
    tu_don_vi: str | None
    huong: Literal["xuong", "len", "ngang"] | None
    tham_quyen: Literal["btv", "cap_uy_don_vi", "bcs_dang_ubnd", "btc"] | None
    ho_tro_mot_lan: bool | None


@router.get(
    "/vi-tri-khuyet",
    response=responses(VacanciesOut),
    summary="Vị trí khuyết tại một ngày",
)
@requires_api(Action.VIEW_ROTATION)
def vacancies(request, ngay: Day, don_vi: str | None = None, chu_chot: bool = False):
    unit = unit_get(actor=request.auth, code=don_vi) if don_vi else None
    return vacancies_json(
        selectors.vacancy_list(actor=request.auth, as_of=ngay, unit=unit, key_only=chu_chot)
    )


@router.get(
    "/kiem-tra-de-xuat",
    response=responses(ProposalCheckOut),
    summary="Kiểm tra một đề xuất luân chuyển, điều động",
)
@requires_api(Action.CHECK_PROPOSAL)
def check_proposal(request, query: Query[ProposalQuery]):
    proposal = Proposal(query.loai, query.tu_ngay, query.den_ngay, query.ngoai_le_btv)
    result, _explanation = selectors.proposal_check(
        actor=request.auth,
        cadre_code=query.ma_can_bo,
        unit_code=query.den_don_vi,
        type_code=query.chuc_danh,
        proposal=proposal,
    )
    return result
