"""The plan's document, DOCX or PDF, for the office that issues it (the capability table's
`ISSUE_PLAN_DOCUMENTS`, within the plan's reach and the office's blocs)."""

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.documents.docx import official_docx
from canbo.documents.responses import docx_or_pdf, wanted_format, wanted_signer
from canbo.training.plan_document import plan_document
from canbo.training.plan_selectors import plan_get


@requires(Action.ISSUE_PLAN_DOCUMENTS)
def plan_document_download(request, pk):
    plan = plan_get(actor=request.user, pk=pk)
    stem = f"ke-hoach-dao-tao-{plan.year}-{plan.unit.code}-v{plan.version}".replace("/", "-")
    document = plan_document(
        actor=request.user, plan=plan, file_name=f"{stem}.{wanted_format(request)}",
        signer=wanted_signer(request),
    )
    return docx_or_pdf(request, official_docx(document), stem)
