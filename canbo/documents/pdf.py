"""PDF from DOCX through LibreOffice headless (`soffice --convert-to pdf`), in a profile of its own
for each run (two conversions at once would otherwise share one and the second would fail), with a
time limit, and a clear error when LibreOffice is not installed."""

import shutil
import subprocess  # noqa: S404 (runs LibreOffice, a fixed program, with arguments canbo builds)
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from canbo.core.errors import DomainError


class PdfUnavailable(DomainError):
    """LibreOffice is missing, timed out or failed: the DOCX is still there to download."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(files: dict[str, bytes]) -> dict[str, bytes]:
    """PDFs of DOCX files by name (`a.docx` → `a.pdf`), converted by one LibreOffice run."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(
            _(
                "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; tải bản DOCX, hoặc "
                "nhờ quản trị cài gói libreoffice-writer-nogui (scripts/setup)."
            )
        )
    with tempfile.TemporaryDirectory(prefix="canbo-pdf-") as work:
        folder = Path(work)
        sources = []
        for name, content in files.items():
            source = folder / "in" / name
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(content)
            sources.append(source)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            *map(str, sources),
        ]
        timeout = settings.CANBO_PDF_TIMEOUT + settings.CANBO_PDF_TIMEOUT_EACH * len(files)
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)  # noqa: S603
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(
                _("LibreOffice không xuất xong PDF trong %(s)s giây; tải bản DOCX hoặc thử lại sau.")
                % {"s": timeout}
            ) from exc
        results = {}
        for source in sources:
            pdf = folder / "out" / (source.stem + ".pdf")
            if not pdf.exists():
                raise PdfUnavailable(
                    _("LibreOffice không xuất được PDF của %(name)s; tải bản DOCX.") % {"name": source.name}
                )
            results[source.name] = pdf.read_bytes()
        return results
