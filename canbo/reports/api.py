"""REST API of the review (SPEC §8–§9), with the same JSON shapes as the commands, scoped to the user."""

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router

from canbo.accounts.api import API_AUTH
from canbo.reports import selectors
from canbo.reports.selectors import UnknownCode

router = Router(tags=["rà soát"], auth=API_AUTH)


def _unit(request, code: str | None):
    if not code:
        return None
    try:
        return selectors.unit_by_code(actor=request.auth, code=code)
    except UnknownCode as exc:
        raise Http404(_("Không có đơn vị mã “%(code)s” trong phạm vi của bạn.") % {"code": code}) from exc


@router.get("/review", summary="Sáu chỉ số nợ bằng tại một ngày")
def review(request, as_of: dt.date, unit: str | None = None):
    return selectors.review(actor=request.auth, as_of=as_of, unit=_unit(request, unit))


@router.get("/eligibility/{code}", summary="Chương trình một cán bộ thuộc đối tượng")
def eligibility(request, code: str, as_of: dt.date):
    try:
        cadre = selectors.cadre_by_code(actor=request.auth, code=code, as_of=as_of)
    except UnknownCode as exc:
        raise Http404(_("Không có cán bộ mã “%(code)s” trong phạm vi của bạn.") % {"code": code}) from exc
    return selectors.eligibility(cadre=cadre, as_of=as_of)


@router.get("/rotation-pool", summary="Nguồn cán bộ luân chuyển")
def rotation_pool(request, as_of: dt.date, unit: str | None = None):
    pool = selectors.rotation_pool(actor=request.auth, as_of=as_of, unit=_unit(request, unit))
    return {"du_dieu_kien": pool["du_dieu_kien"], "loai_tru": pool["loai_tru"]}


@router.get("/nonlocal", summary="Vi phạm quy định không là người địa phương")
def nonlocal_violations(request, as_of: dt.date):
    return selectors.non_local_json(selectors.non_local(actor=request.auth, as_of=as_of))
