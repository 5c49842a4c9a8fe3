"""The personal history form (Mẫu 2C) of one cadre as of the page's date, and the forms of a list's
cadres as one zip; DOCX, or PDF made by LibreOffice (`?dinh_dang=pdf`)."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.documents.pdf import PdfUnavailable
from canbo.documents.responses import attachment, docx_or_pdf, unavailable, wanted_format
from canbo.people.personal_history import (
    file_stem,
    personal_history,
    personal_history_archive,
    personal_history_batch,
)
from canbo.people.selectors import CadreFilters


@requires(Action.PRINT_PERSONAL_HISTORY)
def personal_history_download(request, code):
    extension = wanted_format(request)
    stem = file_stem(code, request.as_of)
    _record, docx = personal_history(
        actor=request.user, code=code, as_of=request.as_of, file_name=f"{stem}.{extension}"
    )
    return docx_or_pdf(request, docx, stem)


@requires(Action.PRINT_PERSONAL_HISTORY)
def personal_history_zip(request):
    """A zip of the forms of the cadres the list's filters select (up to the setting's cap)."""
    extension = wanted_format(request)
    filters = CadreFilters.from_query(request.GET)
    back = f"{reverse('people:cadre_list')}?{request.GET.urlencode()}"
    try:
        forms = personal_history_batch(
            actor=request.user, as_of=request.as_of, filters=filters, extension=extension
        )
    except ValidationError as refused:
        return render(
            request,
            "people/personal_history_refused.html",
            {"message": refused.messages[0], "back": back},
            status=200 if refused.code == "empty" else 400,
        )
    try:
        archive = personal_history_archive(forms, extension)
    except PdfUnavailable as error:
        return unavailable(request, error)
    name = _("so-yeu-ly-lich-%(day)s.zip") % {"day": request.as_of.isoformat()}
    return attachment(archive, name)
