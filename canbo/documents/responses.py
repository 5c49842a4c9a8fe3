"""Answering a download: DOCX, or PDF made from it (`?dinh_dang=pdf`); when LibreOffice cannot make
the PDF, a page that says why and offers the DOCX."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.core.errors import NotFound
from canbo.documents.pdf import PdfUnavailable, docx_to_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = {"docx": DOCX, "pdf": "application/pdf", "zip": "application/zip"}
FORMAT_PARAMETER = "dinh_dang"
SIGNER_PARAMETER = "nguoi_ky"


def wanted_format(request, allowed=("docx", "pdf")) -> str:
    value = request.GET.get(FORMAT_PARAMETER, "docx")
    return value if value in allowed else "docx"


def wanted_signer(request) -> int | None:
    """The cadre chosen to sign (`?nguoi_ky=`), None for the issuing body's head."""
    value = request.GET.get(SIGNER_PARAMETER, "")
    if not value:
        return None
    if not value.isdecimal():
        raise NotFound(_("Người ký “%(value)s” không hợp lệ: hãy chọn trong danh sách.") % {"value": value})
    return int(value)


def attachment(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=FORMATS[file_name.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def unavailable(request, error: PdfUnavailable, instead: str = "docx") -> HttpResponse:
    """The page saying why no PDF was made, offering the same download as DOCX (`?dinh_dang=` `instead`)."""
    query = request.GET.copy()
    query[FORMAT_PARAMETER] = instead
    docx = f"{request.path}?{query.urlencode()}"
    return render(request, "documents/unavailable.html", {"message": error.message, "docx": docx}, status=503)


def docx_or_pdf(request, docx: bytes, stem: str) -> HttpResponse:
    """The DOCX, or its PDF when asked (a 503 page naming the reason when LibreOffice fails)."""
    if wanted_format(request) == "pdf":
        try:
            pdf = docx_to_pdf({f"{stem}.docx": docx})[f"{stem}.docx"]
        except PdfUnavailable as error:
            return unavailable(request, error)
        return attachment(pdf, f"{stem}.pdf")
    return attachment(docx, f"{stem}.docx")
