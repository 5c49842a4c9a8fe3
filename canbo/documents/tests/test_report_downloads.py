"""Every list of the reports layer also downloads as DOCX and PDF to print: the same columns and rows
as its page and its XLSX, a row number, the date, the count and the scope; each download is in the
change log; a list too long to print is refused with a way to its XLSX; the change log is XLSX only."""

import io
import shutil

import pytest
from django.urls import reverse
from docx import Document

from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.core.report import cell_text

pytestmark = pytest.mark.django_db
QUERY = {"as_of": "2020-01-01", "chi_so": "thieu_dai_hoc"}


@pytest.fixture
def btc(client_as):
    return client_as("btc1", role="btc")


def _rows(response) -> list[list[str]]:
    table = Document(io.BytesIO(response.content)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a_list_prints_as_docx_with_the_columns_and_rows_of_its_page(btc):
    page = btc.get(reverse("reports:people"), QUERY)
    report = page.context["table"].report
    assert page.context["table"].printable and "Xuất Word" in page.content.decode()
    answer = btc.get(reverse("reports:people"), {**QUERY, "xuat": "docx"})
    assert answer["Content-Disposition"].endswith('.docx"')
    rows = _rows(answer)
    assert rows[0] == ["TT", *(column.label for column in report.columns)]
    expected = [[str(n), *(cell_text(row.get(c.key)) for c in report.columns)]
                for n, row in enumerate(report.rows, start=1)]
    assert rows[1:] == expected and len(expected) == report.count > 0
    text = "\n".join(p.text for p in Document(io.BytesIO(answer.content)).paragraphs)
    assert f"Dữ liệu tại ngày 01/01/2020 · {report.count} dòng" in text and "người xuất" in text
    event = AuditEvent.objects.filter(action=AuditAction.DATA_EXPORT).latest("pk")
    assert event.data["tep"].endswith(".docx") and event.data["so_dong"] == report.count


def test_a_list_too_long_to_print_is_refused_with_its_excel_download(btc, settings):
    settings.CANBO_PRINTED_ROWS = 1
    page = btc.get(reverse("reports:people"), QUERY)
    assert not page.context["table"].printable and "Xuất Word" not in page.content.decode()
    answer = btc.get(reverse("reports:people"), {**QUERY, "xuat": "pdf"})
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "bản Word, PDF in được tối đa 1 dòng" in html and "xuat=xlsx" in html
    assert not AuditEvent.objects.filter(action=AuditAction.DATA_EXPORT).exists()


def test_the_change_log_downloads_as_excel_only(client_as):
    inspector = client_as("ubkt", role="inspector")
    page = inspector.get(reverse("audit:list"))
    assert page.status_code == 200 and not page.context["table"].printable
    assert "Xuất Word" not in page.content.decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_list_prints_as_pdf(btc):
    answer = btc.get(reverse("reports:people"), {**QUERY, "xuat": "pdf"})
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.DATA_EXPORT).latest("pk").data["tep"].endswith(".pdf")
