"""REST API of the review (SPEC §8–§9), with the same JSON shapes as the commands, scoped to the user."""

from ninja import Router, Schema

from canbo.accounts.api import API_AUTH, IsoDate, requires_api, responses
from canbo.core.capabilities import Action
from canbo.org.selectors import unit_get
from canbo.people.selectors import cadre_get
from canbo.reports import selectors

router = Router(tags=["rà soát"], auth=API_AUTH)


class SplitCountOut(Schema):
    tong: int
    bo_nhiem: int
    quy_hoach: int


class ReviewOut(Schema):
    """The six figures of SPEC §8; professional trung cấp split by appointed and planned."""

    thieu_cao_cap_llct: int
    thieu_trung_cap_llct: int
    thieu_dai_hoc: int
    thieu_trung_cap_chuyen_mon: SplitCountOut
    thieu_ngoai_ngu_tin_hoc: int
    thieu_qlnn: int


class ProgrammeOut(Schema):
    ma: str
    hinh_thuc: str | None
    uu_tien: list[str]
    can_cu: str


class EligibilityOut(Schema):
    ma: str
    chuong_trinh: list[ProgrammeOut]


class ExcludedOut(Schema):
    ma: str
    ly_do: list[str]


class RotationPoolOut(Schema):
    du_dieu_kien: list[str]
    loai_tru: list[ExcludedOut]


class ViolationOut(Schema):
    ma_can_bo: str
    ma_don_vi: str
    ma_chuc_danh: str


class NonLocalOut(Schema):
    vi_pham: list[ViolationOut]


def _unit(request, code: str | None):
    return unit_get(actor=request.auth, code=code) if code else None


@router.get("/chi-so", response=responses(ReviewOut), summary="Sáu chỉ số nợ bằng tại một ngày")
@requires_api(Action.VIEW_REVIEW)
def review(request, as_of: IsoDate, don_vi: str | None = None):
    return selectors.review(actor=request.auth, as_of=as_of, unit=_unit(request, don_vi))


@router.get("/doi-tuong-dao-tao/{ma}", response=responses(EligibilityOut),
            summary="Chương trình một cán bộ thuộc đối tượng")
@requires_api(Action.VIEW_TRAINING)
def eligibility(request, ma: str, as_of: IsoDate):
    cadre = cadre_get(actor=request.auth, code=ma, as_of=as_of)
    return selectors.eligibility(cadre=cadre, as_of=as_of)


@router.get("/nguon-luan-chuyen", response=responses(RotationPoolOut), summary="Nguồn cán bộ luân chuyển")
@requires_api(Action.VIEW_ROTATION)
def rotation_pool(request, as_of: IsoDate, don_vi: str | None = None):
    pool = selectors.rotation_pool(actor=request.auth, as_of=as_of, unit=_unit(request, don_vi))
    return {"du_dieu_kien": pool["du_dieu_kien"], "loai_tru": pool["loai_tru"]}


@router.get("/khong-dia-phuong", response=responses(NonLocalOut),
            summary="Vi phạm quy định không là người địa phương")
@requires_api(Action.VIEW_ROTATION)
def nonlocal_violations(request, as_of: IsoDate):
    return selectors.non_local_json(selectors.non_local(actor=request.auth, as_of=as_of))
