"""The page of Biểu số 10-BTCTW for a year and a unit's subtree: the form's table with each figure opening
the trainees (or courses) it counts, and the form as XLSX, or as DOCX or PDF to print and sign."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.xlsx import XLSX
from canbo.documents.responses import FORMAT_PARAMETER, docx_or_pdf
from canbo.org.selectors import province_name
from canbo.training.budget_views import subtree
from canbo.training.form10 import COURSE_COLUMNS, COURSE_FIGURES, PEOPLE_COLUMNS, SUMS, form10
from canbo.training.form10_docx import form10_docx
from canbo.training.form10_form import NUMBERS
from canbo.training.form10_xlsx import form10_xlsx

COUNTED = (*PEOPLE_COLUMNS, *COURSE_COLUMNS, *SUMS)


def _year(request) -> int:
    text = request.GET.get("nam", "")
    return int(text) if text.isdecimal() and 2000 <= int(text) <= 2100 else request.as_of.year


def _form_file(request, year: int, unit) -> HttpResponse:
    """The form to send, XLSX (`?xuat=xlsx`) or DOCX or PDF: in Vietnamese whatever the page's language,
    as the statutory form is."""
    with translation.override("vi"):
        rows = form10(actor=request.user, year=year, unit=unit)
        reporter = unit.name if unit else _("Tỉnh ủy %(province)s") % {"province": province_name()}
        if request.GET.get("xuat") == "xlsx":
            response = HttpResponse(form10_xlsx(rows, year=year, reporter=reporter), content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="bieu-10-btctw-{year}.xlsx"'
            return response
        docx = form10_docx(rows, year=year, reporter=reporter)
    return docx_or_pdf(request, docx, f"bieu-10-btctw-{year}")


@requires(Action.VIEW_REVIEW)
def form10_page(request):
    year, unit = _year(request), subtree(request)
    if request.GET.get("xuat") == "xlsx" or FORMAT_PARAMETER in request.GET:
        return _form_file(request, year, unit)
    rows = form10(actor=request.user, year=year, unit=unit)
    chosen = next((row for row in rows if row.key == request.GET.get("dong")), None)
    column = request.GET.get("cot", "")
    column = int(column) if chosen is not None and column in {str(c) for c in COUNTED} else None
    listed = sorted(chosen.behind(column), key=lambda e: e.code) if column else None
    return render(request, "training/form10.html", {
        "year": year, "unit": unit, "numbers": NUMBERS,
        "query": urlencode({"nam": year, **({"don_vi": unit.code} if unit else {})}),
        "rows": [(row, [(c, row.value(c)) for c in range(3, 12)]) for row in rows],
        "chosen": chosen, "column": column, "listed": listed, "courses": column in COURSE_FIGURES,
        "crumbs": [(_("Biểu số 10-BTCTW"), "")],
    })
