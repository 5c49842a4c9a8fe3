"""Files attached to steps: checked by what they are (their first bytes and, for Office files, the
parts inside), not by the name or type the browser claims; kept under `settings.FILES_DIR` by their
SHA-256, so the same document attached twice is stored once and a stored file can be checked."""

import hashlib
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG, JPEG = "image/png", "image/jpeg"

# extension -> (content type, first bytes, a part an Office file must hold)
KINDS = {
    "pdf": (PDF, b"%PDF-", None),
    "docx": (DOCX, b"PK\x03\x04", "word/document.xml"),
    "xlsx": (XLSX, b"PK\x03\x04", "xl/workbook.xml"),
    "png": (PNG, b"\x89PNG\r\n\x1a\n", None),
    "jpg": (JPEG, b"\xff\xd8\xff", None),
    "jpeg": (JPEG, b"\xff\xd8\xff", None),
}
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


@dataclass(frozen=True)
class Checked:
    name: str
    size: int
    content_type: str
    sha256: str
    content: bytes


def _name(raw: str) -> str:
    name = _UNSAFE.sub("_", Path(raw.replace("\\", "/")).name).strip(" .")
    return name[-200:] or "tep"


def _is_office(content: bytes, part: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return part in archive.namelist()
    except zipfile.BadZipFile:
        return False


def check(upload, *, limit: int | None = None, only: str | None = None) -> tuple[Checked | None, str | None]:
    """(the checked file, None), or (None, why it is refused). `upload`: a Django UploadedFile;
    `limit`: bytes (settings.FILE_MAX_BYTES by default); `only`: the one extension taken ("xlsx")."""
    name = _name(upload.name or "")
    limit = limit or settings.FILE_MAX_BYTES
    if upload.size > limit:
        return None, _("Tệp “%(name)s” lớn hơn %(mb)s MB.") % {"name": name, "mb": limit // (1024 * 1024)}
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if only and extension != only:
        return None, _("Tệp “%(name)s” không phải tệp %(kind)s.") % {"name": name, "kind": only.upper()}
    if extension not in KINDS:
        message = _("Tệp “%(name)s” không thuộc loại được nhận (PDF, DOCX, XLSX, PNG, JPG).")
        return None, message % {"name": name}
    content = b"".join(upload.chunks())
    content_type, magic, part = KINDS[extension]
    if not content:
        return None, _("Tệp “%(name)s” rỗng.") % {"name": name}
    if not content.startswith(magic) or (part and not _is_office(content, part)):
        message = _("Nội dung tệp “%(name)s” không phải tệp %(kind)s.")
        return None, message % {"name": name, "kind": extension.upper()}
    return Checked(name, len(content), content_type, hashlib.sha256(content).hexdigest(), content), None


def path_of(sha256: str) -> Path:
    return Path(settings.FILES_DIR) / sha256[:2] / sha256


def store(checked: Checked) -> None:
    """Write the file under its checksum (once; a file already there has the same content)."""
    path = path_of(checked.sha256)
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as partial:
        partial.write(checked.content)
    Path(partial.name).replace(path)
