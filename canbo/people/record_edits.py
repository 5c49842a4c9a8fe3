"""Changes to a cadre's record by hand: the cadre's own fields, a row of a history changed, removed or
put back, a new cadre with their first position, and a position change (one dated move). Each checks
the capability and the actor's reach, validates, saves and records one audit event in one
transaction."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.accounts.scope import sees_everything
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import from_snapshot, snapshot
from canbo.core.capabilities import Action, require
from canbo.core.dates import show_date, today
from canbo.core.errors import NotFound
from canbo.org.models import PositionType, Unit
from canbo.org.selectors import visible_units
from canbo.people.models import Cadre, PositionHolding, Qualification
from canbo.people.record_kinds import KIND_BY_MODEL, RecordKind
from canbo.people.removals import naming, removals, restored_removals
from canbo.people.selectors import visible_cadres
from canbo.people.services import (
    cadre_create,
    cadre_derived_fields,
    holding_add,
    qualification_rank,
    refuse_duplicates,
    require_reach,
)


def _require_cadre_reach(actor, cadre: Cadre) -> None:
    if not sees_everything(actor) and not visible_cadres(actor, today()).filter(pk=cadre.pk).exists():
        raise NotFound(_("Không có cán bộ mã “%(code)s” trong phạm vi của bạn.") % {"code": cadre.code})


@transaction.atomic
def cadre_update(*, actor, cadre: Cadre, changes: dict) -> Cadre:
    """The cadre's own fields (`changes`: field name -> value), refused for a code or a personal
    identification number another cadre has."""
    require(actor, Action.EDIT_RECORDS)
    _require_cadre_reach(actor, cadre)
    before = snapshot(cadre)
    for name, value in changes.items():
        setattr(cadre, name, value)
    refuse_duplicates(code=cadre.code, personal_id=cadre.personal_id, cadre=cadre)
    derived = cadre_derived_fields(
        code=cadre.code, full_name=cadre.full_name, gender=cadre.gender, birth_date=cadre.birth_date
    )
    for name, value in derived.items():
        setattr(cadre, name, value)
    cadre.full_clean()
    cadre.save()
    audit_record(actor=actor, action=AuditAction.CADRE_UPDATE, obj=cadre, before=before,
                 after=snapshot(cadre))
    return cadre


@transaction.atomic
def cadre_admit(
    *, actor, fields: dict, unit: Unit, position_type: PositionType, valid_from: dt.date
) -> Cadre:
    """A new cadre (`fields`: the cadre's field values) and the position they start in, which must be in a
    unit of the actor's scope, so that whoever adds a cadre keeps seeing them."""
    require(actor, Action.EDIT_RECORDS)
    if not sees_everything(actor) and not visible_units(actor).filter(pk=unit.pk).exists():
        message = _("Đơn vị %(code)s không thuộc phạm vi của bạn.") % {"code": unit.code}
        raise ValidationError({"unit": message})
    cadre = cadre_create(actor=actor, **fields)
    holding_add(actor=actor, cadre=cadre, unit=unit, position_type=position_type, valid_from=valid_from)
    return cadre


def _derive(row) -> None:
    """The fields canbo derives from a row's others (a qualification's rank), set again."""
    if isinstance(row, Qualification):
        row.rank = qualification_rank(row.kind, row.level)


@transaction.atomic
def history_row_update(*, actor, row, changes: dict):
    """One row of a cadre's history (`changes`: field name -> value); the actor must reach it before and
    after the change."""
    require(actor, Action.EDIT_RECORDS)
    require_reach(actor, row)
    before = snapshot(row)
    for name, value in changes.items():
        setattr(row, name, value)
    _derive(row)
    require_reach(actor, row)
    row.full_clean()
    row.save()
    audit_record(actor=actor, action=AuditAction.HISTORY_ROW_UPDATE, obj=row, before=before,
                 after=snapshot(row))
    return row


@transaction.atomic
def history_row_delete(*, actor, row) -> None:
    """Remove one row of a cadre's history; the log keeps what it held."""
    require(actor, Action.EDIT_RECORDS)
    require_reach(actor, row)
    audit_record(actor=actor, action=AuditAction.HISTORY_ROW_DELETE, obj=row, before=snapshot(row))
    row.delete()


@transaction.atomic
def history_row_restore(*, actor, cadre: Cadre, seq: int) -> tuple[RecordKind, object]:
    """The row the log's removal `seq` took out of `cadre`'s record, put back with the values it had
    and checked as any row written by hand (the units and posts it names must still exist); once."""
    require(actor, Action.EDIT_RECORDS)
    named = naming(cadre)
    removal = removals(named).select_for_update().filter(seq=seq).first()  # one restore at a time
    if removal is None:
        raise NotFound(_("Không có dòng đã xóa #%(seq)s trong hồ sơ cán bộ %(code)s.") % {
            "seq": seq, "code": cadre.code})
    if seq in restored_removals(named):
        raise ValidationError(_("Dòng đã xóa ở sự kiện #%(seq)s đã được khôi phục.") % {"seq": seq})
    kind = KIND_BY_MODEL[removal.object_type]
    values = {name: value for name, value in removal.before.items() if name != "cadre"}
    row = kind.model(cadre=cadre, **from_snapshot(kind.model, values))
    _derive(row)
    require_reach(actor, row)
    row.full_clean()
    row.save()
    audit_record(actor=actor, action=AuditAction.HISTORY_ROW_RESTORE, obj=row, after=snapshot(row),
                 data={"xoa": seq})
    return kind, row


@transaction.atomic
def holding_move(
    *,
    actor,
    cadre: Cadre,
    unit: Unit,
    position_type: PositionType,
    valid_from: dt.date,
    ending: PositionHolding | None = None,
) -> PositionHolding:
    """A position change (chuyển công tác, bổ nhiệm): the holding `ending` ends the day before
    `valid_from` and the new one starts on it, as one event. Without `ending`, a position added
    alongside those held (kiêm nhiệm)."""
    require(actor, Action.EDIT_RECORDS)
    ended = {}
    if ending is not None:
        if ending.cadre_id != cadre.pk:
            raise NotFound(_("Cán bộ không giữ chức danh này."))
        require_reach(actor, ending)
        last_day = valid_from - dt.timedelta(days=1)
        if ending.valid_from is not None and ending.valid_from > last_day:
            raise ValidationError({"valid_from": _(
                "Ngày chuyển phải sau ngày bắt đầu giữ chức danh cũ (%(start)s)."
            ) % {"start": show_date(ending.valid_from)}})
        if ending.valid_to is not None and ending.valid_to < last_day:
            raise ValidationError({"valid_from": _(
                "Chức danh cũ đã kết thúc ngày %(end)s, trước ngày chuyển."
            ) % {"end": show_date(ending.valid_to)}})
        ending.valid_to = last_day
        ending.full_clean()
        ending.save()
        ended = {"chuc_danh": ending.position_type.code, "don_vi": ending.unit.code, "den_ngay": last_day}
    holding = PositionHolding(cadre=cadre, unit=unit, position_type=position_type, valid_from=valid_from)
    require_reach(actor, holding)
    holding.full_clean()
    holding.save()
    audit_record(actor=actor, action=AuditAction.HOLDING_MOVE, obj=holding, after=snapshot(holding),
                 data={"thoi_giu": ended} if ended else None)
    return holding
