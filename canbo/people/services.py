"""Writes to cadre records; each validates, saves and records an audit event in one transaction.

The workbook import loads in bulk through canbo.exchange but derives fields with the same
helpers (`cadre_derived_fields`, `qualification_rank`).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.accounts.scope import sees_everything
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.core.dates import Precision, today
from canbo.core.errors import NotFound
from canbo.core.levels import rank_of
from canbo.core.names import name_sort_key, search_fold
from canbo.org.models import CivilServiceRank, Locality, PositionType, Unit
from canbo.org.selectors import visible_units
from canbo.people.models import (
    Award,
    Cadre,
    Discipline,
    Evaluation,
    FamilyMember,
    Movement,
    PlanningEntry,
    PositionHolding,
    Qualification,
    Residence,
    SalaryStep,
)
from canbo.people.retirement import retirement_date
from canbo.people.row_checks import personal_id_taken
from canbo.people.selectors import visible_cadres


def cadre_derived_fields(*, code: str, full_name: str, gender: str, birth_date: dt.date) -> dict:
    return {
        "search_text": f"{search_fold(full_name)} {code.lower()}",
        "sort_key": name_sort_key(full_name),
        "retirement_date": retirement_date(gender, birth_date),
    }


def qualification_rank(kind: str, level: str) -> int:
    try:
        return rank_of(kind, level)
    except KeyError as exc:
        raise ValidationError({"level": f"Bậc “{level}” không thuộc loại trình độ “{kind}”."}) from exc


@transaction.atomic
def cadre_create(
    *,
    actor,
    code: str,
    full_name: str,
    birth_date: dt.date,
    gender: str,
    category: str,
    birth_precision: str = Precision.DAY,
    ethnicity: str = "",
    hometown: Locality | None = None,
    birthplace: Locality | None = None,
    party_member: bool = False,
    party_join_date: dt.date | None = None,
    rank: CivilServiceRank | None = None,
    employment_start: dt.date | None = None,
    personal_id: str = "",
    other_names: str = "",
    religion: str = "",
    party_official_date: dt.date | None = None,
) -> Cadre:
    require(actor, Action.EDIT_RECORDS)
    refuse_duplicates(code=code, personal_id=personal_id)
    cadre = Cadre(
        code=code,
        full_name=full_name,
        birth_date=birth_date,
        birth_precision=birth_precision,
        gender=gender,
        category=category,
        ethnicity=ethnicity,
        hometown=hometown,
        birthplace=birthplace,
        party_member=party_member,
        party_join_date=party_join_date,
        rank=rank,
        employment_start=employment_start,
        personal_id=personal_id,
        other_names=other_names,
        religion=religion,
        party_official_date=party_official_date,
        **cadre_derived_fields(code=code, full_name=full_name, gender=gender, birth_date=birth_date),
    )
    cadre.full_clean()
    cadre.save()
    audit_record(actor=actor, action=AuditAction.CADRE_CREATE, obj=cadre, after=snapshot(cadre))
    return cadre


def refuse_duplicates(*, code: str, personal_id: str, cadre: Cadre | None = None) -> None:
    """ValidationError naming the cadre who already has this code or personal identification number
    (other than `cadre`, the one being changed)."""
    others = Cadre.objects.exclude(pk=cadre.pk) if cadre is not None else Cadre.objects.all()
    errors = {}
    holder = others.filter(code=code).first()
    if holder is not None:
        errors["code"] = _("Mã này đã thuộc cán bộ %(name)s (%(code)s).") % {
            "name": holder.full_name, "code": holder.code}
    holder = others.filter(personal_id=personal_id).first() if personal_id else None
    if holder is not None:
        errors["personal_id"] = personal_id_taken(holder.code)
    if errors:
        raise ValidationError(errors)


def require_reach(actor, row) -> None:
    """A narrowed role (a unit's HR officer, snv, btc) writes only about the cadres it sees today,
    or into a unit of its own (the first post of a cadre it has just added); NotFound otherwise,
    as for reading them."""
    if sees_everything(actor):
        return
    units = [getattr(row, name, None) for name in ("unit", "from_unit", "to_unit")]
    unit_ids = [unit.pk for unit in units if unit is not None]
    if unit_ids and visible_units(actor).filter(pk__in=unit_ids).exists():
        return
    if visible_cadres(actor, today()).filter(pk=row.cadre_id).exists():
        return
    raise NotFound(_("Không có cán bộ mã “%(code)s” trong phạm vi của bạn.") % {"code": row.cadre.code})


def _add(actor, row, action: str):
    require(actor, Action.EDIT_RECORDS)
    require_reach(actor, row)
    row.full_clean()
    row.save()
    audit_record(actor=actor, action=action, obj=row, after=snapshot(row))
    return row


@transaction.atomic
def holding_add(
    *,
    actor,
    cadre: Cadre,
    unit: Unit,
    position_type: PositionType,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
) -> PositionHolding:
    row = PositionHolding(
        cadre=cadre, unit=unit, position_type=position_type, valid_from=valid_from, valid_to=valid_to
    )
    return _add(actor, row, AuditAction.HOLDING_ADD)


@transaction.atomic
def qualification_add(
    *,
    actor,
    cadre: Cadre,
    kind: str,
    level: str,
    obtained_on: dt.date,
    mode: str = "",
    grade: str = "",
    major: str = "",
    llct_overlap_periods: int | None = None,
    issuer: str = "",
) -> Qualification:
    row = Qualification(
        cadre=cadre,
        kind=kind,
        level=level,
        rank=qualification_rank(kind, level),
        obtained_on=obtained_on,
        mode=mode,
        grade=grade,
        major=major,
        llct_overlap_periods=llct_overlap_periods,
        issuer=issuer,
    )
    return _add(actor, row, AuditAction.QUALIFICATION_ADD)


@transaction.atomic
def qualification_award(
    *, actor, cadre: Cadre, kind: str, level: str, obtained_on: dt.date, grade: str = "", issuer: str = "",
    source: str,
) -> Qualification:
    """A qualification a completed course gives its trainee: written by whoever may record the course's
    results (the course's own selector has checked that it is theirs), never by editing the record;
    `source` names the course in the log."""
    require(actor, Action.RECORD_RESULTS)
    row = Qualification(cadre=cadre, kind=kind, level=level, rank=qualification_rank(kind, level),
                        obtained_on=obtained_on, grade=grade, issuer=issuer)
    row.full_clean()
    row.save()
    audit_record(actor=actor, action=AuditAction.QUALIFICATION_AWARD, obj=row, after=snapshot(row),
                 data={"khoa_hoc": source})
    return row


@transaction.atomic
def planning_add(
    *,
    actor,
    cadre: Cadre,
    position_type: PositionType,
    term_start: int,
    term_end: int,
    approved_on: dt.date,
    unit: Unit | None = None,
) -> PlanningEntry:
    row = PlanningEntry(
        cadre=cadre,
        position_type=position_type,
        unit=unit,
        term_start=term_start,
        term_end=term_end,
        approved_on=approved_on,
    )
    return _add(actor, row, AuditAction.PLANNING_ADD)


@transaction.atomic
def discipline_add(
    *, actor, cadre: Cadre, form: str, decided_on: dt.date, effective_until: dt.date | None = None
) -> Discipline:
    row = Discipline(cadre=cadre, form=form, decided_on=decided_on, effective_until=effective_until)
    return _add(actor, row, AuditAction.DISCIPLINE_ADD)


@transaction.atomic
def evaluation_add(
    *, actor, cadre: Cadre, year: int, rating: str, prestige_decline: bool = False
) -> Evaluation:
    row = Evaluation(cadre=cadre, year=year, rating=rating, prestige_decline=prestige_decline)
    return _add(actor, row, AuditAction.EVALUATION_ADD)


@transaction.atomic
def movement_add(
    *,
    actor,
    cadre: Cadre,
    kind: str,
    from_unit: Unit,
    to_unit: Unit,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    new_position_type: PositionType | None = None,
    decision_no: str = "",
) -> Movement:
    row = Movement(
        cadre=cadre,
        kind=kind,
        from_unit=from_unit,
        to_unit=to_unit,
        valid_from=valid_from,
        valid_to=valid_to,
        new_position_type=new_position_type,
        decision_no=decision_no,
    )
    return _add(actor, row, AuditAction.MOVEMENT_ADD)


@transaction.atomic
def residence_add(
    *,
    actor,
    cadre: Cadre,
    kind: str,
    address: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
) -> Residence:
    row = Residence(cadre=cadre, kind=kind, address=address, valid_from=valid_from, valid_to=valid_to)
    return _add(actor, row, AuditAction.RESIDENCE_ADD)


@transaction.atomic
def award_add(
    *,
    actor,
    cadre: Cadre,
    form: str,
    decided_on: dt.date,
    decided_by: str = "",
    decision_no: str = "",
    reason: str = "",
) -> Award:
    row = Award(
        cadre=cadre,
        form=form,
        decided_on=decided_on,
        decided_by=decided_by,
        decision_no=decision_no,
        reason=reason,
    )
    return _add(actor, row, AuditAction.AWARD_ADD)


@transaction.atomic
def salary_step_add(
    *, actor, cadre: Cadre, rank: CivilServiceRank, step: int, coefficient, valid_from: dt.date
) -> SalaryStep:
    row = SalaryStep(cadre=cadre, rank=rank, step=step, coefficient=coefficient, valid_from=valid_from)
    return _add(actor, row, AuditAction.SALARY_STEP_ADD)


@transaction.atomic
def family_member_add(
    *,
    actor,
    cadre: Cadre,
    relation: str,
    full_name: str,
    birth_year: int | None = None,
    occupation: str = "",
    residence: str = "",
) -> FamilyMember:
    row = FamilyMember(
        cadre=cadre,
        relation=relation,
        full_name=full_name,
        birth_year=birth_year,
        occupation=occupation,
        residence=residence,
    )
    return _add(actor, row, AuditAction.FAMILY_MEMBER_ADD)
