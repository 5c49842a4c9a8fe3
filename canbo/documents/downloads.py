"""A list's download in the format asked (`?xuat=xlsx|docx|pdf`), each written to the change log as an
export of personal data: XLSX for every list (`canbo.audit.exports`), DOCX and PDF (made from the DOCX
by LibreOffice) for a list short enough to print."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.audit.exports import report_download as xlsx_download
from canbo.audit.services import data_exported
from canbo.core.capabilities import scope_label
from canbo.core.report import Report, printable
from canbo.documents.pdf import PdfUnavailable, docx_to_pdf
from canbo.documents.report_docx import report_docx
from canbo.documents.responses import attachment

DOWNLOAD_PARAMETER = "xuat"
PRINTED = ("docx", "pdf")


def wants_download(request) -> bool:
    return request.GET.get(DOWNLOAD_PARAMETER) in ("xlsx", *PRINTED)


def report_download(request, report: Report, *, filename: str) -> HttpResponse:
    wanted = request.GET.get(DOWNLOAD_PARAMETER)
    if wanted not in PRINTED:
        return xlsx_download(request, report, filename=filename)
    if not printable(len(report.rows)):
        message = _("Danh sách có %(n)s dòng: bản Word, PDF in được tối đa %(top)s dòng. Hãy lọc bớt, hoặc "
                    "xuất Excel.") % {"n": len(report.rows), "top": settings.CANBO_PRINTED_ROWS}
        return _refused(request, message, status=400, docx=False)
    user = request.user
    docx = report_docx(report, as_of=request.as_of, scope=scope_label(user),
                       taken_by=user.get_full_name() or user.username)
    content, name = docx, f"{filename}.docx"
    if wanted == "pdf":
        try:
            content, name = docx_to_pdf({name: docx})[name], f"{filename}.pdf"
        except PdfUnavailable as error:
            return _refused(request, error.message, status=503, docx=True)
    data_exported(user, filename=name, title=report.title, rows=len(report.rows))
    return attachment(content, name)


def _refused(request, message: str, *, status: int, docx: bool) -> HttpResponse:
    """A page saying why, with the other downloads of the same list and the way back to it."""

    def asking(fmt: str | None) -> str:
        query = request.GET.copy()
        query.pop(DOWNLOAD_PARAMETER, None)
        if fmt:
            query[DOWNLOAD_PARAMETER] = fmt
        return f"{request.path}?{query.urlencode()}"

    links = {"xlsx": asking("xlsx"), "docx": asking("docx") if docx else "", "back": asking(None)}
    return render(request, "documents/download_refused.html", {"message": message, **links}, status=status)
