"""PDF through LibreOffice: a real conversion where it is installed (CI installs it), and the errors
when it is missing or too slow."""

import io
import shutil
import subprocess

import docx
import pytest

from canbo.documents import pdf
from canbo.documents.pdf import PdfUnavailable, docx_to_pdf


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_several_documents_in_one_run():
    result = docx_to_pdf({"mot.docx": _docx("Một"), "hai.docx": _docx("Hai")})
    assert sorted(result) == ["hai.docx", "mot.docx"]
    assert all(content.startswith(b"%PDF") for content in result.values())


def test_without_libreoffice_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfUnavailable, match="libreoffice-writer-nogui"):
        docx_to_pdf({"a.docx": _docx("a")})


def test_a_conversion_past_its_time_is_stopped(monkeypatch, settings):
    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    settings.CANBO_PDF_TIMEOUT, settings.CANBO_PDF_TIMEOUT_EACH = 7, 1

    def slow(command, **kwargs):
        assert "--headless" in command and command[1].startswith("-env:UserInstallation=file:///")
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(subprocess, "run", slow)
    with pytest.raises(PdfUnavailable, match="8 giây"):
        docx_to_pdf({"a.docx": _docx("a")})


def test_a_file_libreoffice_could_not_convert_is_named(monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: None)
    with pytest.raises(PdfUnavailable, match="a.docx"):
        docx_to_pdf({"a.docx": _docx("a")})
