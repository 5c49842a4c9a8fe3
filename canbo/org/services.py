"""Writes to the organisation catalogues; each validates, saves and records an audit event."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.core.dated import version_succeed
from canbo.org.models import (
    POSITION_REQUIREMENTS,
    RANK_REQUIREMENTS,
    CivilServiceRank,
    Locality,
    PositionType,
    Post,
    StandardVersion,
    Unit,
)
from canbo.org.tree import rebuild_paths


@transaction.atomic
def locality_create(*, actor, code: str, name: str, level: str, parent: Locality | None = None) -> Locality:
    require(actor, Action.EDIT_CATALOGUES)
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
    require(actor, Action.EDIT_CATALOGUES)
    unit = Unit(code=code, name=name, level=level, bloc=bloc, locality=locality, parent=parent)
    unit.full_clean(exclude=["path"])
    unit.save()
    rebuild_paths(Unit)
    unit.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UNIT_CREATE, obj=unit, after=snapshot(unit))
    return unit


@transaction.atomic
def position_type_create(*, actor, code: str, name: str, **standard) -> PositionType:
    """`standard`: req_llct, req_chuyen_mon, req_qlnn, req_ngoai_ngu, req_tin_hoc (ranks) and
    source, written as the type's first standard (in force since always), and the flags
    btv_managed, key_position, non_local_required, deputy_head_or_above."""
    require(actor, Action.EDIT_CATALOGUES)
    first = {key: standard.pop(key) for key in (*POSITION_REQUIREMENTS, "source") if key in standard}
    position_type = PositionType(code=code, name=name, **standard)
    position_type.full_clean()
    position_type.save()
    _first_version(position_type=position_type, **first)
    audit_record(
        actor=actor,
        action=AuditAction.POSITION_TYPE_CREATE,
        obj=position_type,
        after={**snapshot(position_type), **first},
    )
    return position_type


@transaction.atomic
def rank_create(*, actor, code: str, name: str, **standard) -> CivilServiceRank:
    """`standard`: req_qlnn, req_ngoai_ngu, req_tin_hoc (ranks), written as the rank's first
    standard (in force since always)."""
    require(actor, Action.EDIT_CATALOGUES)
    rank = CivilServiceRank(code=code, name=name)
    rank.full_clean()
    rank.save()
    _first_version(rank=rank, **standard)
    audit_record(actor=actor, action=AuditAction.RANK_CREATE, obj=rank, after={**snapshot(rank), **standard})
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
    require(actor, Action.EDIT_CATALOGUES)
    post = Post(unit=unit, position_type=position_type, seats=seats, valid_from=valid_from, valid_to=valid_to)
    post.full_clean()
    post.save()
    audit_record(
        actor=actor,
        action=AuditAction.POST_ADD,
        obj=post,
        after=snapshot(post),
    )
    return post


def _first_version(**values) -> StandardVersion:
    version = StandardVersion(**values)
    version.full_clean()
    version.save()
    return version


def _standard_json(version: StandardVersion | None) -> dict | None:
    if version is None:
        return None
    return {
        "valid_from": version.valid_from.isoformat() if version.valid_from else None,
        **version.requirements(),
        "source": version.source,
    }


@transaction.atomic
def standard_version_create(
    *,
    actor,
    position_type: PositionType | None = None,
    rank: CivilServiceRank | None = None,
    valid_from: dt.date,
    reason: str,
    decision: str,
    **requirements,
) -> StandardVersion:
    """A new standard for a position type or a rank, in force from `valid_from`; the version in
    force until then ends the day before. Reviews as of dates before `valid_from` keep reading
    the earlier version. `requirements`: req_<kind> ranks (omitted ones keep the previous value)
    and `source`."""
    require(actor, Action.EDIT_CATALOGUES)
    if (position_type is None) == (rank is None):
        raise ValidationError(_("Chọn đúng một chức danh hoặc một ngạch."))
    holder = {"position_type": position_type} if position_type is not None else {"rank": rank}
    allowed = (*(POSITION_REQUIREMENTS if position_type is not None else RANK_REQUIREMENTS), "source")
    unknown = set(requirements) - set(allowed)
    if unknown:
        raise ValidationError(_("Không có yêu cầu %(names)s.") % {"names": ", ".join(sorted(unknown))})
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do thay đổi tiêu chuẩn.")})
    versions = StandardVersion.objects.select_for_update().filter(**holder).order_by("id")
    previous = versions.filter(valid_to__isnull=True).first()
    if previous is not None and previous.valid_from is not None and valid_from <= previous.valid_from:
        raise ValidationError(
            {
                "valid_from": _("Tiêu chuẩn mới phải áp dụng sau ngày %(d)s của phiên bản đang áp dụng.")
                % {"d": previous.valid_from.strftime("%d/%m/%Y")}
            }
        )
    kept = {name: getattr(previous, name) for name in allowed} if previous is not None else {}
    version = StandardVersion(
        **holder, **{**kept, **requirements}, valid_from=valid_from, reason=reason, decision=decision
    )
    version_succeed(previous, version)
    audit_record(
        actor=actor,
        action=AuditAction.STANDARD_VERSION_CREATE,
        obj=version.holder,
        before=_standard_json(previous),
        after=_standard_json(version),
        data={"ly_do": reason, "van_ban": decision},
    )
    return version


def unit_close_check(*, unit: Unit, closed_on: dt.date, successor: Unit | None = None) -> None:
    """Why `unit` cannot close on `closed_on` with this successor (ValidationError), if it cannot."""
    if unit.valid_to is not None:
        raise ValidationError(
            {"closed_on": _("Đơn vị đã giải thể ngày %(d)s.") % {"d": unit.valid_to.strftime("%d/%m/%Y")}}
        )
    if unit.valid_from is not None and closed_on < unit.valid_from:
        raise ValidationError({"closed_on": _("Ngày giải thể trước ngày đơn vị bắt đầu hoạt động (%(d)s).")
                               % {"d": unit.valid_from.strftime("%d/%m/%Y")}})
    if successor is not None and (successor.pk == unit.pk or successor.path.startswith(unit.path)):
        raise ValidationError(
            {"successor": _("Đơn vị kế thừa không được là chính đơn vị hoặc đơn vị cấp dưới.")}
        )
    if successor is not None and successor.valid_to is not None and successor.valid_to <= closed_on:
        raise ValidationError({"successor": _("Đơn vị kế thừa phải còn hoạt động sau ngày giải thể.")})
    open_children = Unit.objects.filter(parent=unit).in_force(closed_on + dt.timedelta(days=1))
    if open_children.exists():
        raise ValidationError(
            _("Còn đơn vị cấp dưới hoạt động sau ngày này: %(codes)s. Giải thể hoặc chuyển chúng trước.")
            % {"codes": ", ".join(open_children.values_list("code", flat=True)[:10])}
        )


@transaction.atomic
def unit_close(
    *, actor, unit: Unit, closed_on: dt.date, successor: Unit | None = None, decision: str = ""
) -> Unit:
    """End a unit on `closed_on` (a reorganisation closes units and opens new ones); `successor`
    takes over its work. Histories keep the unit; lists and trees as of later dates leave it out."""
    require(actor, Action.EDIT_CATALOGUES)
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    before = {
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
        "successor": _code(unit.successor),
    }
    unit_close_check(unit=unit, closed_on=closed_on, successor=successor)
    unit.valid_to, unit.successor = closed_on, successor
    unit.full_clean(exclude=["path"])
    unit.save(update_fields=["valid_to", "successor"])
    audit_record(
        actor=actor,
        action=AuditAction.UNIT_CLOSE,
        obj=unit,
        before=before,
        after={"valid_to": closed_on.isoformat(), "successor": _code(successor)},
        data={"van_ban": decision} if decision else None,
    )
    return unit


def _code(unit: Unit | None) -> str | None:
    return unit.code if unit is not None else None
