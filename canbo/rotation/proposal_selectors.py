"""Reads of rotation and transfer proposals within the actor's reach: a proposal is within reach when
the unit the cadre leaves or the unit that receives them is in the actor's scope (both take part in the
procedure), or the actor sees the cadre today (SPEC §1). A date viewed before today sees each proposal
drafted by then at the step it had reached by the end of that day (`canbo.workflow.models.Step`)."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.scope import unit_condition
from canbo.core.dates import recorded_before, today
from canbo.core.errors import NotFound
from canbo.people.selectors import visible_cadres
from canbo.rotation.models import Proposal, ProposalList, ProposalState, RotationEvaluation
from canbo.workflow.selectors import recorded_by


def visible_proposals(actor) -> QuerySet[Proposal]:
    proposals = Proposal.objects.select_related("cadre", "from_unit", "to_unit", "position_type", "batch")
    condition = unit_condition(actor, "from_unit__")
    if condition is None:
        return proposals
    condition |= unit_condition(actor, "to_unit__")
    # The scope is probed for the cadres of proposals only (a few hundred), not read whole.
    seen = visible_cadres(actor, today()).filter(pk__in=Proposal.objects.values("cadre_id")).values("pk")
    return proposals.filter(condition | Q(cadre__in=seen))


def proposal_in_scope(actor, proposal: Proposal) -> bool:
    return visible_proposals(actor).filter(pk=proposal.pk).exists()


def proposal_get(*, actor, pk: int) -> Proposal:
    found = visible_proposals(actor).filter(pk=pk).first()
    if found is None:
        raise NotFound(_("Không có đề xuất số %(n)s trong phạm vi của bạn.") % {"n": pk})
    return found


def proposals_at(actor, as_of: dt.date) -> QuerySet[Proposal]:
    """The proposals within reach drafted by the end of D, each with `state_then`, its step then: the
    target of its last step by the end of D, or the state it was drafted in. Today or later: every
    proposal at its step now."""
    return recorded_by(visible_proposals(actor), as_of)


def proposals_by_state(*, actor, as_of: dt.date, state: str = "", batch: int | None = None) -> dict:
    """The proposals within reach at D in `state` (every state when empty) and of list `batch`, with the
    count of each state for the tabs."""
    proposals = proposals_at(actor, as_of)
    if batch is not None:
        proposals = proposals.filter(batch_id=batch)
    counts = dict(proposals.order_by().values_list("state_then").annotate(n=Count("id")))
    tabs = [(value, label, counts.get(value, 0)) for value, label in ProposalState.choices]
    shown = proposals.filter(state_then=state) if state else proposals
    return {"proposals": shown, "tabs": tabs, "total": sum(counts.values())}


def list_get(*, actor, pk: int) -> ProposalList:
    """A list of proposals, if the actor reaches at least one of its proposals."""
    found = ProposalList.objects.filter(pk=pk, proposals__in=visible_proposals(actor)).distinct().first()
    if found is None:
        raise NotFound(_("Không có danh sách đề xuất số %(n)s trong phạm vi của bạn.") % {"n": pk})
    return found


REMINDER_PARAMETER = "ngay_nhac_han_luan_chuyen"  # R10: the days before a term ends that canbo reminds

# The groups of the rotations in progress (`rotations_in_progress` below), each listed alone by `?nhom=`.
ROTATION_GROUPS = (
    ("qua_han", gettext_lazy("Đã hết thời hạn, chưa có đánh giá cuối thời hạn"), "overdue"),
    ("chua_danh_gia_nam", gettext_lazy("Chưa có đánh giá năm trước"), "yearly_due"),
    ("sap_het_han", gettext_lazy("Sắp hết thời hạn"), "due"),
    ("dang_thuc_hien", gettext_lazy("Đang thực hiện"), "running"),
)


def rotations_in_progress(*, actor, as_of: dt.date, within_days: int) -> dict:
    """Rotations deployed by the end of D and started by D (R5, R10): those whose term ends within
    `within_days` days, those past their end date whose end-of-term evaluation was not recorded by D,
    and the others; and, among all of them, those whose receiving unit had not recorded by D its
    evaluation of the year before D's."""
    moment = recorded_before(as_of)
    evaluations = RotationEvaluation.objects.all() if moment is None else RotationEvaluation.objects.filter(
        at__lt=moment
    )
    deployed = (
        proposals_at(actor, as_of)
        .filter(kind="luan_chuyen", state_then=ProposalState.DA_TRIEN_KHAI, start__lte=as_of)
        .prefetch_related(Prefetch("evaluations", queryset=evaluations))
        .order_by("end", "cadre__code")
    )
    due, overdue, running = [], [], []
    for proposal in deployed:
        evaluated = {(e.year, e.end_of_term) for e in proposal.evaluations.all()}
        proposal.yearly_due = as_of.year > proposal.start.year and (as_of.year - 1, False) not in evaluated
        if proposal.end is not None and proposal.end < as_of:
            if not any(end for _year, end in evaluated):
                overdue.append(proposal)
        elif proposal.end is not None and (proposal.end - as_of).days <= within_days:
            due.append(proposal)
        else:
            running.append(proposal)
    yearly_due = [proposal for proposal in deployed if proposal.yearly_due]
    return {"due": due, "overdue": overdue, "running": running, "yearly_due": yearly_due}
