"""A step taken for many proposals at once (a list, or the proposals selected of it): each proposal goes
through the same transition as alone (`canbo.workflow.services.transition`: the capability, the scope,
the rules checked again, the opinions the step needs), in its own transaction, so one refused with its
reasons leaves the others to go on (docs/decisions.md). The outcome of each is returned."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from canbo.core.capabilities import require
from canbo.rotation.models import Proposal
from canbo.rotation.procedure import PROPOSAL_PROCESS
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import transition


@dataclass(frozen=True)
class Outcome:
    proposal: Proposal
    taken: bool
    reasons: tuple[str, ...] = ()


def proposals_step(
    *, actor, proposals: list[Proposal], source: str, to: str, comment: str = "", files=()
) -> list[Outcome]:
    """Take the step `source` → `to` for each proposal; `files` are attached to every step taken."""
    step = PROPOSAL_PROCESS.transition(source, to)
    if step is None:
        raise ValidationError(_("Không có bước chuyển này trong quy trình luân chuyển, điều động."))
    require(actor, step.action)
    outcomes = []
    for proposal in proposals:
        if proposal.state != source:
            reason = _("Đề xuất đang ở bước “%(state)s”.") % {"state": proposal.get_state_display()}
            outcomes.append(Outcome(proposal, False, (reason,)))
            continue
        try:
            transition(actor=actor, obj=proposal, to=to, comment=comment, files=files)
        except TransitionRefused as refused:
            outcomes.append(Outcome(proposal, False, tuple(refused.reasons)))
        except ValidationError as refused:
            outcomes.append(Outcome(proposal, False, tuple(refused.messages)))
        else:
            outcomes.append(Outcome(proposal, True))
    return outcomes
