"""A list's XLSX download, written to the change log: every export of personal data is recorded."""

from django.http import HttpResponse

from canbo.audit.services import data_exported
from canbo.core.report import Report
from canbo.core.xlsx import report_xlsx


def report_download(request, report: Report, *, filename: str) -> HttpResponse:
    data_exported(request.user, filename=f"{filename}.xlsx", title=report.title, rows=len(report.rows))
    return report_xlsx(report, filename=filename)
