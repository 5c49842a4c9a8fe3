"""The rotation records go with a replaced province (`canbo.exchange.signals.province_replacing`): its
proposals, their opinions, checks and evaluations point at its units and cadres."""

from canbo.rotation.models import Opinion, Proposal, ProposalList, RotationEvaluation, StepCheck
from canbo.rotation.procedure import PROPOSAL_PROCESS
from canbo.workflow.services import steps_delete


def rotation_delete(sender, **kwargs) -> dict[str, int]:
    deleted = {}
    for model in (RotationEvaluation, Opinion, StepCheck, Proposal, ProposalList):
        _total, rows = model.objects.all().delete()
        deleted.update(rows)
    deleted.update(steps_delete(processes=(PROPOSAL_PROCESS.code,)))
    return deleted
