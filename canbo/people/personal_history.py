"""The personal history form (Mẫu 2C-BNV/2008) taken from canbo: one cadre's, a list's, a zip of
them; each form an export of personal data in the change log. What the form holds is built by
`canbo.people.personal_history_form`."""

import datetime as dt
import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dates import show_date
from canbo.documents.pdf import docx_to_pdf
from canbo.people.personal_history_form import personal_history_docx
from canbo.people.selectors import CadreFilters, CadreRecord, cadre_record, cadre_search


def file_stem(code: str, as_of: dt.date) -> str:
    return f"so-yeu-ly-lich-{code}-{as_of.isoformat()}".replace("/", "-")


def _exported(actor, record: CadreRecord, file_name: str) -> None:
    """Each form taken is an export of personal data (Decree 13/2023), in the cadre's log."""
    title = _("Sơ yếu lý lịch (Mẫu 2C-BNV/2008) tại ngày %(day)s") % {"day": show_date(record.as_of)}
    audit_record(
        actor=actor,
        action=AuditAction.DATA_EXPORT,
        obj=record.cadre,
        data={"tep": file_name, "danh_sach": title, "so_dong": 1},
    )


@transaction.atomic
def personal_history(*, actor, code: str, as_of: dt.date, file_name: str) -> tuple[CadreRecord, bytes]:
    """The form of one cadre the actor sees at D (NotFound otherwise), recorded as an export."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    record = cadre_record(actor=actor, code=code, as_of=as_of)
    _exported(actor, record, file_name)
    return record, personal_history_docx(record)


@transaction.atomic
def personal_history_batch(
    *,
    actor,
    as_of: dt.date,
    filters: CadreFilters,
    extension: str,
) -> list[tuple[CadreRecord, bytes]]:
    """The forms of the cadres of a list (the cadre list's filters), each recorded as an export; refused
    above `CANBO_2C_BATCH_MAX` cadres with the count."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    codes = list(
        cadre_search(actor=actor, as_of=as_of, filters=filters)
        .order_by("sort_key", "code")
        .values_list("code", flat=True)[: settings.CANBO_2C_BATCH_MAX + 1]
    )
    return personal_history_forms(actor=actor, as_of=as_of, codes=codes, extension=extension)


@transaction.atomic
def personal_history_forms(
    *, actor, as_of: dt.date, codes: list[str], extension: str
) -> list[tuple[CadreRecord, bytes]]:
    """The forms of the cadres `codes` (each one the actor sees at D, NotFound otherwise), each recorded as
    an export; refused above `CANBO_2C_BATCH_MAX` cadres with the count, and when there is none."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    limit = settings.CANBO_2C_BATCH_MAX
    if len(codes) > limit:
        raise ValidationError(
            _(
                "Danh sách có hơn %(limit)s cán bộ: mỗi lần tải tối đa %(limit)s sơ yếu lý lịch. "
                "Lọc thêm theo đơn vị, khối, cấp hoặc tên rồi tải lại."
            )
            % {"limit": limit},
            code="too_many",
        )
    if not codes:
        raise ValidationError(_("Danh sách không có cán bộ nào."), code="empty")
    forms = []
    for code in codes:
        record = cadre_record(actor=actor, code=code, as_of=as_of)
        _exported(actor, record, f"{file_stem(code, as_of)}.{extension}")
        forms.append((record, personal_history_docx(record)))
    return forms


def personal_history_archive(
    forms: list[tuple[CadreRecord, bytes]], extension: str, *, more: dict | None = None
) -> bytes:
    """One zip of the files of `more` (name -> DOCX bytes) then the forms, all as PDF when `extension` is
    pdf (one LibreOffice run; PdfUnavailable when it fails)."""
    files = {**(more or {}),
             **{f"{file_stem(record.cadre.code, record.as_of)}.docx": docx for record, docx in forms}}
    if extension == "pdf":
        files = {name.removesuffix(".docx") + ".pdf": pdf for name, pdf in docx_to_pdf(files).items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
