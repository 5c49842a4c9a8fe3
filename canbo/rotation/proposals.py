"""Writes to proposals outside their steps: drafting one proposal or a list of them (each checked by
SPEC §11; a violation refuses it naming the rule and clause), the opinions the steps need, and the
receiving unit's evaluations of a rotated cadre (R10). Each audited, in one transaction."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot
from canbo.core.capabilities import Action, require
from canbo.core.dates import entered_later, made_at
from canbo.core.errors import NotFound, PermissionDenied
from canbo.org.models import Unit
from canbo.people.selectors import visible_cadres
from canbo.rotation.checking import check, refusal
from canbo.rotation.models import Opinion, Proposal, ProposalList, ProposalState, RotationEvaluation
from canbo.rotation.procedure import OPINION_ACTION, OPINIONS_AT, PROPOSAL_PROCESS
from canbo.rotation.selectors import any_unit, cadre_in_scope, position_type
from canbo.workflow.services import moment_reason


@dataclass(frozen=True)
class Draft:
    """One proposal to draft, by codes: cadre, target unit, target position type."""

    cadre: str
    unit: str
    position_type: str


def _draft_one(
    actor,
    draft: Draft,
    *,
    kind: str,
    start: dt.date,
    end: dt.date | None,
    reasons: str,
    btv_exception: bool,
    batch: ProposalList | None,
    at: dt.datetime | None = None,
) -> Proposal:
    cadre = cadre_in_scope(actor=actor, code=draft.cadre, as_of=start)
    unit, target = any_unit(code=draft.unit), position_type(code=draft.position_type)
    result, explanation = check(
        cadre=cadre,
        unit=unit,
        position_type=target,
        kind=kind,
        start=start,
        end=end,
        btv_exception=btv_exception,
    )
    refused = refusal(explanation)
    if refused:
        raise ValidationError(_("%(cadre)s: %(why)s") % {"cadre": cadre, "why": refused})
    proposal = Proposal(
        kind=kind,
        cadre=cadre,
        to_unit=unit,
        position_type=target,
        start=start,
        end=end,
        btv_exception=btv_exception,
        reasons=reasons.strip(),
        batch=batch,
        check_result=result,
        from_unit=Unit.objects.filter(code=result["tu_don_vi"]).first(),
        created_by=actor,
        created_at=made_at(at),
    )
    proposal.full_clean()
    proposal.save()
    audit_record(
        actor=actor,
        action=AuditAction.PROPOSAL_CREATE,
        obj=proposal,
        after=snapshot(proposal),
        data={"danh_sach": batch.name if batch else "", **entered_later(at)},
    )
    return proposal


def _common(kind: str, start: dt.date, end: dt.date | None, reasons: str) -> None:
    if kind not in ("luan_chuyen", "dieu_dong"):
        raise ValidationError({"kind": _("Loại đề xuất là luân chuyển hoặc điều động.")})
    if end is not None and end < start:
        raise ValidationError({"end": _("Ngày kết thúc trước ngày bắt đầu.")})
    if not reasons.strip():
        raise ValidationError({"reasons": _("Ghi lý do đề xuất.")})


@transaction.atomic
def proposal_create(
    *,
    actor,
    draft: Draft,
    kind: str,
    start: dt.date,
    end: dt.date | None = None,
    reasons: str,
    btv_exception: bool = False,
    batch: ProposalList | None = None,
    at: dt.datetime | None = None,
) -> Proposal:
    """One proposal, as a draft (step 1), if it breaks no rule of SPEC §11; on the list `batch`
    when given (a list filled one proposal at a time, each refused on its own). `at`: when it was
    drafted, if it is recorded afterwards."""
    require(actor, Action.DRAFT_PROPOSALS)
    _common(kind, start, end, reasons)
    return _draft_one(
        actor,
        draft,
        kind=kind,
        start=start,
        end=end,
        reasons=reasons,
        btv_exception=btv_exception,
        batch=batch,
        at=at,
    )


@transaction.atomic
def proposal_list_create(
    *,
    actor,
    name: str,
    drafts: list[Draft],
    kind: str,
    start: dt.date,
    end: dt.date | None = None,
    reasons: str,
    btv_exception: bool = False,
) -> ProposalList:
    """A draft list of several proposals sharing kind, dates and reasons: all of them, or none when
    one breaks a rule (the refusal names each line that does)."""
    require(actor, Action.DRAFT_PROPOSALS)
    _common(kind, start, end, reasons)
    if not name.strip():
        raise ValidationError({"name": _("Đặt tên cho danh sách.")})
    if not drafts:
        raise ValidationError({"drafts": _("Danh sách cần ít nhất một cán bộ.")})
    batch = ProposalList.objects.create(name=name.strip(), created_by=actor)
    problems = []
    for number, draft in enumerate(drafts, start=1):
        try:
            with transaction.atomic():
                _draft_one(
                    actor,
                    draft,
                    kind=kind,
                    start=start,
                    end=end,
                    reasons=reasons,
                    btv_exception=btv_exception,
                    batch=batch,
                )
        except (ValidationError, NotFound) as refused:
            messages = refused.messages if isinstance(refused, ValidationError) else [str(refused.message)]
            problems.append(_("Dòng %(n)s: %(why)s") % {"n": number, "why": " ".join(messages)})
    if problems:
        raise ValidationError({"drafts": problems})
    return batch


@transaction.atomic
def opinion_add(
    *, actor, proposal: Proposal, party: str, verdict: str, text: str = "", at: dt.datetime | None = None
) -> Opinion:
    """An opinion a coming step needs, recorded by the role that gathers it, at the state it is asked
    (`at`: when it was given, if it is recorded afterwards: not before the proposal's last step)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if party not in OPINION_ACTION:
        raise ValidationError({"party": _("Không có bên cho ý kiến này.")})
    require(actor, OPINION_ACTION[party])
    if not PROPOSAL_PROCESS.in_scope(actor, proposal):
        raise NotFound(_("Không có đề xuất số %(n)s trong phạm vi của bạn.") % {"n": proposal.pk})
    if party not in OPINIONS_AT.get(proposal.state, ()):
        raise ValidationError(
            {"party": _("Ở bước “%(state)s” không ghi ý kiến này.") % {"state": proposal.get_state_display()}}
        )
    if refused := moment_reason(proposal, at, _("ý kiến này")):
        raise ValidationError(refused)
    opinion = Opinion(proposal=proposal, party=party, verdict=verdict, text=text.strip(), recorded_by=actor,
                      at=made_at(at))
    opinion.full_clean()
    opinion.save()
    audit_record(
        actor=actor,
        action=AuditAction.PROPOSAL_OPINION,
        obj=opinion,
        after=snapshot(opinion),
        data=entered_later(at),
    )
    return opinion


@transaction.atomic
def rotation_evaluation_add(
    *,
    actor,
    proposal: Proposal,
    year: int,
    rating: str,
    end_of_term: bool = False,
    text: str = "",
    at: dt.datetime | None = None,
) -> RotationEvaluation:
    """The receiving unit's evaluation of a deployed rotation (R10), by an officer who sees the cadre
    (`at`: when it was made, if it is recorded afterwards: not before the rotation was deployed)."""
    require(actor, Action.EVALUATE_ROTATED)
    if not visible_cadres(actor, proposal.start).filter(pk=proposal.cadre_id).exists():
        raise PermissionDenied(
            _("Đơn vị nhận cán bộ đánh giá cán bộ luân chuyển; cán bộ không thuộc phạm vi của bạn.")
        )
    if proposal.kind != "luan_chuyen" or proposal.state != ProposalState.DA_TRIEN_KHAI:
        raise ValidationError(_("Chỉ đánh giá cán bộ luân chuyển đã triển khai quyết định."))
    if year < proposal.start.year:
        raise ValidationError({"year": _("Năm đánh giá trước năm bắt đầu luân chuyển.")})
    if RotationEvaluation.objects.filter(proposal=proposal, year=year, end_of_term=end_of_term).exists():
        raise ValidationError({"year": _("Đã có đánh giá này.")})
    if refused := moment_reason(proposal, at, _("đánh giá này")):
        raise ValidationError(refused)
    evaluation = RotationEvaluation(
        proposal=proposal,
        year=year,
        rating=rating,
        end_of_term=end_of_term,
        text=text.strip(),
        recorded_by=actor,
        at=made_at(at),
    )
    evaluation.full_clean()
    evaluation.save()
    audit_record(
        actor=actor,
        action=AuditAction.ROTATION_EVALUATION_ADD,
        obj=evaluation,
        after=snapshot(evaluation),
        data=entered_later(at),
    )
    return evaluation
