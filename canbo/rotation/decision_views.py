"""The proposal's decision, DOCX or PDF, for the users who read the proposal (within their reach)."""

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.documents.docx import official_docx
from canbo.documents.responses import docx_or_pdf, wanted_format, wanted_signer
from canbo.rotation.decision import decision_document
from canbo.rotation.proposal_selectors import proposal_get


@requires(Action.VIEW_ROTATION)
def proposal_decision(request, pk):
    proposal = proposal_get(actor=request.user, pk=pk)
    stem = f"quyet-dinh-{proposal.kind.replace('_', '-')}-{proposal.cadre.code}-de-xuat-{proposal.pk}"
    document = decision_document(
        actor=request.user, proposal=proposal, file_name=f"{stem}.{wanted_format(request)}",
        signer=wanted_signer(request),
    )
    return docx_or_pdf(request, official_docx(document), stem.replace("/", "-"))
