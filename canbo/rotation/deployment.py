"""Deploying a rotation or transfer decision (R9 step 5): the position the cadre leaves ends the day
before the start date, the new one begins on it, and a movement (luân chuyển / điều động) is written with
the decision number; each change audited, in the step's transaction."""

import datetime as dt

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.dated import in_force_q
from canbo.people.models import Movement, PositionHolding
from canbo.rotation.checking import check_of


def _saved(actor, row, action: str, before: dict | None = None):
    row.full_clean()
    row.save()
    audit_record(actor=actor, action=action, obj=row, before=before, after=snapshot(row))
    return row


def deploy(actor, proposal, step) -> None:
    start = proposal.start
    _result, explanation = check_of(proposal)
    row = explanation["row"]
    leaving = PositionHolding.objects.select_for_update().filter(
        in_force_q(start),
        cadre=proposal.cadre,
        unit_id=row["from_unit_id"],
        position_type_id=row["from_type_id"],
    )
    for holding in leaving:
        before = snapshot(holding)
        holding.valid_to = start - dt.timedelta(days=1)
        _saved(actor, holding, AuditAction.HOLDING_END, before)
    _saved(
        actor,
        PositionHolding(
            cadre=proposal.cadre,
            unit=proposal.to_unit,
            position_type=proposal.position_type,
            valid_from=start,
        ),
        AuditAction.HOLDING_ADD,
    )
    _saved(
        actor,
        Movement(
            cadre=proposal.cadre,
            kind=proposal.kind,
            from_unit_id=row["from_unit_id"],
            to_unit=proposal.to_unit,
            new_position_type=proposal.position_type,
            valid_from=start,
            valid_to=proposal.end,
            decision_no=proposal.decision_no,
        ),
        AuditAction.MOVEMENT_ADD,
    )
