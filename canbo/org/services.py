"""Writes to the organisation catalogues; each validates, saves and records an audit event."""

import datetime as dt

from django.db import transaction

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.org.models import CivilServiceRank, Locality, PositionType, Post, Unit
from canbo.org.tree import rebuild_paths


@transaction.atomic
def locality_create(*, actor, code: str, name: str, level: str, parent: Locality | None = None) -> Locality:
    locality = Locality(code=code, name=name, level=level, parent=parent)
    locality.full_clean(exclude=["path"])
    locality.save()
    rebuild_paths(Locality)
    locality.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.LOCALITY_CREATE, obj=locality, after=snapshot(locality))
    return locality


@transaction.atomic
def unit_create(
    *, actor, code: str, name: str, level: str, bloc: str, locality: Locality, parent: Unit | None = None
) -> Unit:
    unit = Unit(code=code, name=name, level=level, bloc=bloc, locality=locality, parent=parent)
    unit.full_clean(exclude=["path"])
    unit.save()
    rebuild_paths(Unit)
    unit.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UNIT_CREATE, obj=unit, after=snapshot(unit))
    return unit


@transaction.atomic
def position_type_create(*, actor, code: str, name: str, **standard) -> PositionType:
    """`standard`: req_llct, req_chuyen_mon, req_qlnn, req_ngoai_ngu, req_tin_hoc (ranks), the
    flags btv_managed, key_position, non_local_required, deputy_head_or_above, and source."""
    position_type = PositionType(code=code, name=name, **standard)
    position_type.full_clean()
    position_type.save()
    audit_record(
        actor=actor, action=AuditAction.POSITION_TYPE_CREATE, obj=position_type, after=snapshot(position_type)
    )
    return position_type


@transaction.atomic
def rank_create(*, actor, code: str, name: str, **standard) -> CivilServiceRank:
    """`standard`: req_qlnn, req_ngoai_ngu, req_tin_hoc (ranks)."""
    rank = CivilServiceRank(code=code, name=name, **standard)
    rank.full_clean()
    rank.save()
    audit_record(actor=actor, action=AuditAction.RANK_CREATE, obj=rank, after=snapshot(rank))
    return rank


@transaction.atomic
def post_add(
    *,
    actor,
    unit: Unit,
    position_type: PositionType,
    seats: int,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Post:
    """Record that `unit` has `seats` seats of `position_type` over a period (SPEC §10)."""
    post = Post(unit=unit, position_type=position_type, seats=seats, valid_from=valid_from, valid_to=valid_to)
    post.full_clean()
    post.save()
    audit_record(
        actor=actor,
        action=AuditAction.POST_ADD,
        obj=post,
        after={
            "ma_don_vi": unit.code,
            "ma_chuc_danh": position_type.code,
            "so_luong": seats,
            "tu_ngay": valid_from.isoformat() if valid_from else None,
            "den_ngay": valid_to.isoformat() if valid_to else None,
        },
    )
    return post
