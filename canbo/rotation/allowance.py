"""The one-time allowance of a rotation (R8; plan III.2.5, Quyết định 811-QĐ/TU): a rotation gets it when
its check says so (`ho_tro_mot_lan`: a key leader rotated by the Ban Thường vụ); the amount is the rule
set's parameter in force at the rotation's start date, the date its rules are checked as of, and it is
fixed on the proposal when the decision is issued (step 4), so a later value leaves issued decisions as
they were."""

from canbo.rotation.models import Proposal
from canbo.rules.selectors import parameters_in_force

AMOUNT = "muc_ho_tro_luan_chuyen"


def allowance_of(proposal: Proposal) -> int | None:
    """The amount in đồng the proposal's cadre gets, or None when R8 gives nothing."""
    if not proposal.check_result.get("ho_tro_mot_lan"):
        return None
    if proposal.allowance is not None:
        return proposal.allowance
    return parameters_in_force(proposal.start).get(AMOUNT)


def allowance_fix(actor, proposal: Proposal, step) -> None:
    """Step 4's effect: the amount the issued decision grants, kept on the proposal."""
    proposal.allowance = allowance_of(proposal)
    proposal.full_clean()
    proposal.save(update_fields=["allowance"])
