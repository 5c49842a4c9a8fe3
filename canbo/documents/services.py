"""Taking a number from the register, in the transaction that issues the document: the series' row is
locked (select_for_update) so two issuers never get the same number, and a number once given is
never given again, even when the document is later withdrawn; a document issued on paper before it
was entered keeps the number it bore, if the register has not given it. The signer a numbered document is
first printed with is recorded with its number, so every copy of that number names the same signer."""

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.errors import NotFound
from canbo.documents.content import Signature
from canbo.documents.models import IssuedNumber, NumberSeries
from canbo.workflow.process import StepInput, TransitionRefused

MAX_NUMBER = 999_999  # the greatest sequence number a register gives in a term or year
# The input of a step that issues a document (`number_issue_in_step`): the number it bore on paper.
NUMBER_ON_PAPER = StepInput(
    "so_tren_giay",
    gettext_lazy("Số văn bản đã cấp trên giấy (chỉ ghi nếu văn bản đã ban hành trên giấy)"),
    gettext_lazy("Khi văn bản đã ban hành trên giấy trước khi nhập vào canbo: ghi số thứ tự, ví dụ 12; ký "
                 "hiệu do sổ ghi. Để trống: canbo lấy số trong sổ đăng ký số văn bản."),
)


def issued_number(obj, doc_type: str) -> IssuedNumber | None:
    """The number `obj` was given in a series of `doc_type`, if any."""
    return IssuedNumber.objects.filter(
        series__doc_type=doc_type, object_type=obj._meta.label, object_key=str(obj.pk)
    ).first()


def party_term(day: dt.date) -> str:
    """The five-year committee term a Party document's number runs over: `2015-2020`."""
    start = day.year - day.year % 5
    return f"{start}-{start + 5}"


def _series(issuer: str, doc_type: str, term: str) -> NumberSeries:
    """The series' row, locked until the transaction ends; created on first use."""
    locked = NumberSeries.objects.select_for_update()
    series = locked.filter(issuer=issuer, doc_type=doc_type, term=term).first()
    if series is not None:
        return series
    try:
        with transaction.atomic():
            NumberSeries.objects.create(issuer=issuer, doc_type=doc_type, term=term)
    except IntegrityError:
        pass  # another transaction created it first: lock theirs
    return locked.get(issuer=issuer, doc_type=doc_type, term=term)


@transaction.atomic
def number_issue(
    *, actor, obj, issuer: str, doc_type: str, term: str, issued_on: dt.date, text: Callable[[int], str],
    on_paper: int | None = None,
) -> IssuedNumber:
    """The number of `obj` in the series (issuer, type, term): the one it was given before, or the
    next one, recorded with an audit event. `text(number)` writes it as the layout does. `on_paper`:
    the number the document already bore when it was issued on paper before it was entered here,
    taken instead of the next one if no other document has it (ValidationError otherwise); the
    register then goes on after the greater of the two."""
    series = _series(issuer, doc_type, term)
    object_type, object_key = obj._meta.label, str(obj.pk)
    given = IssuedNumber.objects.filter(series=series, object_type=object_type, object_key=object_key).first()
    if given is not None and on_paper not in (None, given.number):
        raise ValidationError(
            _("Văn bản đã có %(text)s trong sổ từ ngày %(day)s; không ghi số khác trên giấy được.")
            % {"text": given.text, "day": f"{given.issued_on:%d/%m/%Y}"}, code="numbered")
    if given is not None:
        return given
    if on_paper is None:
        number = series.last + 1
    else:
        number = on_paper
        holder = IssuedNumber.objects.filter(series=series, number=number).first()
        if holder is not None:
            raise ValidationError(
                _("%(text)s đã cấp ngày %(day)s cho văn bản khác trong sổ; kiểm tra lại số trên giấy.")
                % {"text": holder.text, "day": f"{holder.issued_on:%d/%m/%Y}"}, code="number_taken")
    series.last = max(series.last, number)
    series.save(update_fields=["last"])
    issued = IssuedNumber(
        series=series,
        number=number,
        text=text(number),
        object_type=object_type,
        object_key=object_key,
        issued_on=issued_on,
        issued_by=actor,
    )
    issued.full_clean()
    issued.save()
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_NUMBER_ISSUE,
        obj=issued,
        after={
            "text": issued.text,
            "number": issued.number,
            "issuer": issuer,
            "doc_type": doc_type,
            "term": term,
            "issued_on": issued_on,
        },
        data={"doi_tuong": f"{object_type} {object_key}", **({"tren_giay": True} if on_paper else {})},
    )
    return issued


def number_issue_in_step(step, **issue) -> IssuedNumber:
    """`number_issue(**issue)` as a step's effect, with the number typed in the step's NUMBER_ON_PAPER
    as borne on paper, if one was; a text that is not a sequence number, or a number the register
    cannot take, refuses the step (and so writes nothing)."""
    text = step.inputs.get(NUMBER_ON_PAPER.name)
    if text is not None and not (text.isdecimal() and 1 <= int(text) <= MAX_NUMBER):
        raise TransitionRefused([
            _("Số văn bản trên giấy “%(text)s” không hợp lệ: ghi số thứ tự, ví dụ 12.") % {"text": text}])
    try:
        return number_issue(**issue, on_paper=int(text) if text is not None else None)
    except ValidationError as refused:
        raise TransitionRefused(refused.messages) from refused


def recorded_signature(issued: IssuedNumber | None) -> Signature | None:
    """The signature block recorded with a number, None before its first download (or for a draft)."""
    if issued is None or issued.signature is None:
        return None
    return Signature(*(issued.signature[name] for name in ("authority", "position", "name")))


def signer_choice(issued: IssuedNumber | None, signers: Callable[[], list]) -> dict:
    """What a download panel (`documents/_download_buttons.html`) shows of who signs: the block
    recorded with the number (`signed`), else the choice `signers()` offers (`signers`)."""
    recorded = recorded_signature(issued)
    return {"signed": recorded, "signers": [] if recorded else signers()}


def signed(*, actor, issued: IssuedNumber | None, signer: int | None,
           sign: Callable[[int | None], Signature]) -> Signature:
    """The signature block a document prints, `sign(signer)` making it (`signer`: the deputy chosen,
    None for the head). A draft is signed as chosen at each download. A numbered document's first
    download records its block with the number (an audit event); later ones print that block, and a
    request for another signer is refused by name. Call inside the download's transaction."""
    if issued is None:
        return sign(signer)
    recorded = recorded_signature(issued)
    if recorded is None:
        recorded = sign(signer)
        issued.signature = {"cadre_id": signer, **asdict(recorded)}
        issued.save(update_fields=["signature"])
        audit_record(
            actor=actor, action=AuditAction.DOCUMENT_SIGNER_RECORD, obj=issued,
            after={"signature": issued.signature}, data={"nguoi_ky": recorded.name},
        )
    elif signer is not None and signer != issued.signature["cadre_id"]:
        raise NotFound(format_lazy(
            gettext_lazy("Văn bản {number} đã ghi người ký {name} khi tải lần đầu sau khi lấy số; mọi "
                         "bản tải sau in cùng người ký."),
            number=issued.text, name=recorded.name or gettext_lazy("để trống tên"),
        ))
    return recorded
